"""Draw a compiled flow's state machine as SVG on the server: no browser library, no graphviz.

States are boxes in layers (distance from the start step), the machine's go_<step>
transitions are arrows, EDIT from the summary and back are dashed, hand-overs to other
flows are dashed boxes, and steps nothing reaches (or with errors) are drawn in red.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from html import escape

from bot.conversation.compiler import CompiledFlow

NODE_W, NODE_H = 190, 46
GAP_X, GAP_Y = 36, 58
MARGIN = 24
SIDE = 70  # room beside the boxes for arrows that go back up


@dataclass(frozen=True)
class Node:
    key: str
    title: str
    detail: str
    tooltip: str
    css: str
    x: float = 0
    y: float = 0


@dataclass(frozen=True)
class Edge:
    source: str
    dest: str
    label: str
    kind: str  # go | edit | review | handover


def machine_edges(compiled: CompiledFlow) -> list[Edge]:
    """The machine's transitions, with the answer that takes each 'go' one where it differs."""
    labels = _answer_labels(compiled)
    edges = []
    for trigger, event in compiled.machine.events.items():
        kind = trigger.split("_", 1)[0] if trigger != "review" else "review"
        for source, transitions in event.transitions.items():
            for transition in transitions:
                label = labels.get((source, transition.dest), "") if kind == "go" else ""
                edges.append(Edge(source, transition.dest, label, kind))
    for step in compiled.flow.steps.values():
        for choice in step.choices:
            if choice.goto:
                edges.append(Edge(step.name, f"flow:{choice.goto}", choice.value, "handover"))
    return edges


def _answer_labels(compiled: CompiledFlow) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], list[str]] = {}
    for step in compiled.flow.steps.values():
        if isinstance(step.next, dict):
            for answer, dest in step.next.items():
                out.setdefault((step.name, dest), []).append(answer)
        for choice in step.choices:
            if choice.next:
                out.setdefault((step.name, choice.next), []).append(choice.value)
    return {k: ", ".join(v) for k, v in out.items()}


def _layers(compiled: CompiledFlow, edges: list[Edge]) -> dict[str, int]:
    start = compiled.flow.start
    depth = {start: 0}
    todo = deque([start])
    forward = [e for e in edges if e.kind in ("go", "handover")]
    while todo:
        here = todo.popleft()
        for edge in forward:
            if edge.source == here and edge.dest not in depth:
                depth[edge.dest] = depth[here] + 1
                todo.append(edge.dest)
    last = max(depth.values(), default=0) + 1
    for name in compiled.machine.states:
        depth.setdefault(name, last)  # unreachable: a row of its own at the bottom
    for edge in edges:
        depth.setdefault(edge.dest, depth.get(edge.source, 0) + 1)
    return depth


def render(compiled: CompiledFlow, lang: str = "en", flagged: set[str] | frozenset = frozenset(),
           ) -> str:
    """An SVG document of the flow's state machine; steps in flagged are drawn as errors."""
    edges = machine_edges(compiled)
    depth = _layers(compiled, edges)
    reachable = _reachable(compiled, edges)
    nodes = _place(compiled, depth, reachable, flagged, lang)
    rows = max(n.y for n in nodes.values()) + NODE_H + MARGIN
    width = max(n.x for n in nodes.values()) + NODE_W + SIDE * 2 + MARGIN
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="flow-diagram" role="img" '
        f'width="{width:.0f}" height="{rows:.0f}" viewBox="0 0 {width:.0f} {rows:.0f}">',
        f"<title>State machine of flow {escape(compiled.name)} version {compiled.version}</title>",
        _DEFS,
    ]
    out += [_edge(e, nodes, i) for i, e in enumerate(edges) if e.kind != "review"]
    out += [_node(n) for n in nodes.values()]
    out.append("</svg>")
    return "\n".join(out)


def _reachable(compiled: CompiledFlow, edges: list[Edge]) -> set[str]:
    seen, todo = {compiled.flow.start}, deque([compiled.flow.start])
    while todo:
        here = todo.popleft()
        for edge in edges:
            if edge.source == here and edge.kind in ("go", "handover") and edge.dest not in seen:
                seen.add(edge.dest)
                todo.append(edge.dest)
    return seen


def _place(compiled: CompiledFlow, depth: dict[str, int], reachable: set[str],
           flagged, lang: str) -> dict[str, Node]:
    by_layer: dict[int, list[str]] = {}
    for key in depth:
        by_layer.setdefault(depth[key], []).append(key)
    widest = max(len(v) for v in by_layer.values())
    nodes = {}
    for layer, keys in sorted(by_layer.items()):
        offset = (widest - len(keys)) * (NODE_W + GAP_X) / 2
        for i, key in enumerate(keys):
            node = _describe(compiled, key, key in reachable, key in flagged, lang)
            nodes[key] = Node(node.key, node.title, node.detail, node.tooltip, node.css,
                              x=MARGIN + SIDE + offset + i * (NODE_W + GAP_X),
                              y=MARGIN + layer * (NODE_H + GAP_Y))
    return nodes


def _describe(compiled: CompiledFlow, key: str, reachable: bool, flagged: bool,
              lang: str) -> Node:
    if key.startswith("flow:"):
        name = key.removeprefix("flow:")
        return Node(key, f"→ flow {name}", "hands over", f"Continues in the {name} flow",
                    "handover")
    step = compiled.step(key)
    detail = step.type + (f" · {step.field}" if step.field else "")
    prompt = step.prompt.get(lang) or next(iter(step.prompt.values()), "")
    css = step.type
    if not reachable:
        css, detail = "unreachable", f"{detail} · nothing leads here"
    elif flagged:
        css = "flagged"
    if key == compiled.flow.start:
        css += " start"
    return Node(key, key, detail, prompt, css)


def _node(n: Node) -> str:
    return (
        f'<g class="node {escape(n.css)}" data-step="{escape(n.key)}">'
        f"<title>{escape(n.tooltip)}</title>"
        f'<rect x="{n.x:.0f}" y="{n.y:.0f}" width="{NODE_W}" height="{NODE_H}" rx="8"/>'
        f'<text x="{n.x + NODE_W / 2:.0f}" y="{n.y + 19:.0f}" class="name">'
        f"{escape(_short(n.title, 24))}</text>"
        f'<text x="{n.x + NODE_W / 2:.0f}" y="{n.y + 36:.0f}" class="detail">'
        f"{escape(_short(n.detail, 30))}</text></g>"
    )


def _edge(e: Edge, nodes: dict[str, Node], index: int) -> str:
    a, b = nodes[e.source], nodes[e.dest]
    if e.kind == "edit":
        return _side_arc(a, b, "edit", "EDIT", index, left=True)
    if b.y > a.y:
        x1, y1 = a.x + NODE_W / 2, a.y + NODE_H
        x2, y2 = b.x + NODE_W / 2, b.y
        mid = (y1 + y2) / 2
        path = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{mid:.0f} {x2:.0f},{mid:.0f} {x2:.0f},{y2 - 2:.0f}"
        label = _label((x1 + x2) / 2 + 6, mid + 4, e.label)
        css = "handover" if e.kind == "handover" else "go"
        return f'<g class="edge {css}"><path d="{path}" marker-end="url(#arrow)"/>{label}</g>'
    return _side_arc(a, b, "go back", e.label, index, left=False)


def _side_arc(a: Node, b: Node, css: str, label: str, index: int, left: bool) -> str:
    """An arrow that leaves a box sideways and comes back to another one (up or across)."""
    reach = 18 + (index % 4) * 12
    if left:
        x1, x2 = a.x, b.x
        bend = min(x1, x2) - reach
    else:
        x1, x2 = a.x + NODE_W, b.x + NODE_W
        bend = max(x1, x2) + reach
    y1, y2 = a.y + NODE_H / 2, b.y + NODE_H / 2
    path = f"M{x1:.0f},{y1:.0f} C{bend:.0f},{y1:.0f} {bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
    text = _label(bend + (-4 if left else 4), (y1 + y2) / 2, label, anchor="end" if left
                  else "start")
    return (f'<g class="edge {css}"><path d="{path}" marker-end="url(#arrow)"/>'
            f"{text if not left or index % 3 == 0 else ''}</g>")


def _label(x: float, y: float, text: str, anchor: str = "start") -> str:
    if not text:
        return ""
    return (f'<text x="{x:.0f}" y="{y:.0f}" class="label" text-anchor="{anchor}">'
            f"{escape(_short(text, 28))}</text>")


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


_DEFS = """<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"
markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
<style>
.flow-diagram { font-family: system-ui, sans-serif; }
.node rect { fill: #f4f6fb; stroke: #3a4a6b; stroke-width: 1.5; }
.node.start rect { stroke-width: 3; }
.node.submit rect { fill: #e3f4e6; stroke: #23733a; }
.node.confirm rect { fill: #e6effc; stroke: #2457a8; }
.node.handover rect { fill: #fff; stroke-dasharray: 5 4; }
.node.unreachable rect, .node.flagged rect { fill: #fdecec; stroke: #b3261e; stroke-width: 2.5; }
.node .name { font-size: 14px; font-weight: 600; text-anchor: middle; fill: #1b2233; }
.node .detail { font-size: 11px; text-anchor: middle; fill: #4a5568; }
.node.unreachable .detail { fill: #b3261e; }
.edge path { fill: none; stroke: #3a4a6b; stroke-width: 1.4; }
.edge.handover path { stroke-dasharray: 6 4; }
.edge.edit path { stroke: #8a94a8; stroke-dasharray: 3 4; stroke-width: 1; }
marker path { fill: #3a4a6b; }
.label { font-size: 11px; fill: #2457a8; }
</style>"""
