"""What must hold before a flow or routing draft is published, on top of the loader's checks.

Every finding names the step (or agency, or route), says how to fix it, and carries the line
of the YAML it is about. Pure: no Flask, no database; the editor, the CLI import and the
tests call the same functions.
"""

from __future__ import annotations

import copy
import re
import string
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import yaml

from bot.admin.yaml_lines import LineIndex, error_line
from bot.conversation import yaml_text
from bot.conversation.compiler import CompiledFlow
from bot.conversation.flow import Flow, Step
from bot.conversation.fold import fold
from bot.conversation.loader import build_flow, logic_problems, schema_problems
from bot.conversation.prompts import pick, summary
from bot.conversation.registry import INTAKE, set_problems
from bot.conversation.sms_length import HARD_LIMIT, SOFT_LIMIT, segments
from bot.conversation.texts import SystemTexts
from bot.routing import RoutingError, RoutingTable

REVIEW_STATES = ("machine-drafted", "reviewed")
# Keys that read like switching off a protection. None is a setting: the safety check and the
# global commands run before any flow, whatever the flow says.
_SWITCH_OFF = re.compile(r"safe|command|escalat|emergenc|crisis|911|988|stop|opt.?out|help",
                         re.IGNORECASE)
_COMMAND_NAMES = "HELP, MENU, BACK, CANCEL, STATUS, STOP and START"
# Placeholders a step's prompt may use, by step type; any other {name} is an error.
PLACEHOLDERS = {"confirm": {"summary"}, "submit": {"reference", "agency"}}
REQUIRED_PLACEHOLDERS = {"confirm": {"summary"}, "submit": {"reference"}}
# Answer fields the report is filed from: each needs the answer type that produces its shape.
FIELD_TYPES = {"subtype": "choice", "location": "address", "occurred_at": "datetime",
               "description": "text", "photos": "photo", "contact_phone": "phone"}
# Options that only mean something for one answer type.
TYPE_OPTIONS = {"choices": {"choice"}, "min_length": {"text"}, "max_length": {"text"},
                "max_photos": {"photo"}, "allow_future": {"datetime"}}
# A typical answer of each type as the summary shows it, to measure the confirm step's reply.
SAMPLE_SHOWN = {"address": "1200 W Washington Blvd", "datetime": "Nov 20 03:00 PM",
                "text": "Red Trek bike, serial WTU123, taken from the rack", "photo": "2",
                "phone": "+13125550142"}
SAMPLE_REFERENCE = "T-4KX-92M"
# How to fix what the loader finds, keyed by a part of its message.
_LOADER_FIXES = (
    ("start step", "set 'start' to the name of one of the steps"),
    ("which does not exist", "correct the name, or add a step with that name"),
    ("has no 'next'", "add next: <the following step>"),
    ("needs 'next' with 'yes' and 'no'", "write next: {yes: <step>, no: <step>}"),
    ("must lead to the submit step", "set its next to the submit step"),
    ("needs a step of type 'submit'", "add a step with type: submit"),
    ("cannot have 'next'", "remove its 'next'"),
    ("must hand over with 'goto'", "give its choices goto: <flow>"),
    ("needs 'choices'", "list 2 to 9 choices"),
)


@dataclass(frozen=True)
class Finding:
    """One problem with a draft: an error blocks publishing, a warning does not."""

    level: str  # error | warning
    message: str
    step: str | None = None
    subject: str | None = None  # "agency 'traffic'", "route 2": what a routing finding is about
    line: int | None = None

    @property
    def where(self) -> str:
        if self.subject:
            return self.subject
        return f"step '{self.step}'" if self.step else "flow"

    def __str__(self) -> str:
        at = f"line {self.line}: " if self.line else ""
        return f"{at}{self.where}: {self.message}"


@dataclass
class Verdict:
    """The result of checking a draft: the flow (when it could be read) and the findings."""

    findings: list[Finding]
    flow: Flow | None = None
    compiled: CompiledFlow | None = None
    routing: RoutingTable | None = None
    review: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    @property
    def publishable(self) -> bool:
        return not self.errors


class _Collector:
    """Findings with their lines, in the order found."""

    def __init__(self, text: str):
        self.lines = LineIndex(text)
        self.found: list[Finding] = []

    def add(self, level: str, message: str, path: tuple = (), step: str | None = None,
            subject: str | None = None) -> None:
        if step is not None and not path:
            path = ("steps", step)
        self.found.append(Finding(level, message, step, subject, self.lines.line(path)))

    def error(self, message: str, path: tuple = (), **kw) -> None:
        self.add("error", message, path, **kw)

    def warn(self, message: str, path: tuple = (), **kw) -> None:
        self.add("warning", message, path, **kw)


# --- flows ---------------------------------------------------------------------------------


def check_flow(source: str, name: str, texts: SystemTexts, flows: dict[str, Flow],
               routing: RoutingTable) -> Verdict:
    """Every check a flow draft must pass before it is published as the next version of name.

    flows are the other live flows (this one is replaced by the draft), routing the live table.
    """
    out = _Collector(source)
    data = _parse(source, out)
    if data is None:
        return Verdict(out.found)
    data = _drop_switches(data, out)
    for problem in schema_problems(data):
        out.error(_schema_fix(problem.message), _schema_path(problem.step, problem.message),
                  step=problem.step)
    if out.found:
        return Verdict(out.found)
    review = _check_review(data.get("review"), texts.languages, out)
    flow = build_flow(data, source=source)
    if flow.name != name:
        out.error(f"'flow: {flow.name}' must stay '{name}': a draft cannot rename its flow",
                  ("flow",))
    for problem in logic_problems(flow, texts.languages):
        if "characters" in problem.message:
            continue  # lengths are measured on the whole reply below
        out.add(problem.level, _loader_fix(problem.message), step=problem.step)
    steps = data["steps"]
    _check_endings(flow, out)
    _check_texts(flow, data, texts.languages, out)
    for step in flow.steps.values():
        _check_placeholders(step, out)
        _check_options(step, steps[step.name], out)
        _check_choices(step, texts, out)
    _check_fields(flow, out)
    _check_hand_overs(flow, {**flows, name: flow}, routing, out)
    compiled = _compile(flow, out)
    if compiled is not None and not _has_placeholder_errors(out):
        for step in flow.steps.values():
            _check_length(compiled, step, texts, routing, out)
    return Verdict(out.found, flow, compiled, None, review)


def _parse(source: str, out: _Collector) -> dict | None:
    try:
        data = yaml_text.load(source)
    except yaml.YAMLError as exc:
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        out.found.append(Finding("error", f"this is not valid YAML: {reason}. Check the "
                                          f"indentation and quotes on this line and the one "
                                          f"before", line=error_line(exc)))
        return None
    if not isinstance(data, dict):
        out.error("a flow is a mapping of keys (schema, flow, title, start, steps); "
                  "start from a published version")
        return None
    return data


def _drop_switches(data: dict, out: _Collector) -> dict:
    """Refuse any key that tries to switch a protection off, then check the rest."""
    data = copy.deepcopy(data)

    def scan(mapping: Any, path: tuple, step: str | None) -> None:
        if not isinstance(mapping, dict):
            return
        for key in [k for k in mapping if isinstance(k, str) and _SWITCH_OFF.search(k)]:
            out.error(f"'{key}' is not a setting: the safety check and the global commands "
                      f"({_COMMAND_NAMES}) always run before any flow and cannot be switched "
                      f"off. Remove '{key}'", (*path, key), step=step)
            del mapping[key]

    scan(data, (), None)
    for name, step in (data.get("steps") or {}).items() if isinstance(data.get("steps"),
                                                                      dict) else ():
        scan(step, ("steps", name), str(name))
        for i, choice in enumerate(step.get("choices") or [] if isinstance(step, dict) else []):
            scan(choice, ("steps", name, "choices", i), str(name))
    return data


def _schema_path(step: str | None, message: str) -> tuple:
    """Where a schema problem is: the loader writes the path inside the step (or the flow)
    before the first ': ' of its message, like 'choices/0/label: ...'."""
    at, sep, _ = message.partition(": ")
    parts = [int(p) if p.isdigit() else p for p in at.split("/")] if sep and " " not in at \
        else []
    return ("steps", step, *parts) if step else tuple(parts)


def _schema_fix(message: str) -> str:
    if "was unexpected" in message:
        return f"{message}: remove it (flows/README.md lists the keys a step can have)"
    if "is a required property" in message:
        return f"{message}: add it"
    if "is not one of" in message:
        return f"{message}: use one of the listed values"
    return f"{message} (see flows/README.md)"


def _loader_fix(message: str) -> str:
    for part, fix in _LOADER_FIXES:
        if part in message:
            return f"{message}: {fix}"
    return message


def _check_review(review: Any, languages: list[str], out: _Collector) -> dict[str, str]:
    if review is None:
        return {}
    if not isinstance(review, dict):
        out.error("'review' maps a language to machine-drafted or reviewed, "
                  "like review: {so: machine-drafted}", ("review",))
        return {}
    for lang, state in review.items():
        if lang not in languages:
            out.error(f"review names '{lang}', which is not an enabled language: "
                      f"use one of {', '.join(languages)}", ("review", lang))
        if state not in REVIEW_STATES:
            out.error(f"review state '{state}' for '{lang}' is unknown: "
                      f"use {' or '.join(REVIEW_STATES)}", ("review", lang))
    return {str(k): str(v) for k, v in review.items()}


def _ends(flow: Flow) -> set[str]:
    """Steps from which some path reaches the submit step or hands over to another flow."""
    done = {s.name for s in flow.steps.values()
            if s.type == "submit" or any(c.goto for c in s.choices)}
    into: dict[str, set[str]] = {name: set() for name in flow.steps}
    for step in flow.steps.values():
        for dest in step.destinations():
            if dest in into:
                into[dest].add(step.name)
    todo = deque(done)
    while todo:
        for source in into[todo.popleft()]:
            if source not in done:
                done.add(source)
                todo.append(source)
    return done


def _check_endings(flow: Flow, out: _Collector) -> None:
    """Every path ends: a step with somewhere to go must not only loop among steps that never
    reach the submit step (the loader already flags steps with nowhere to go)."""
    ending = _ends(flow)
    for step in flow.steps.values():
        if step.name not in ending and step.destinations():
            out.error("no path from here reaches the submit step (the steps after it only "
                      "lead back): point a 'next' toward the step that leads to submit",
                      step=step.name)


def _check_texts(flow: Flow, data: dict, languages: list[str], out: _Collector) -> None:
    for lang in languages:
        if not flow.title.get(lang):
            out.error(f"the title has no text in '{lang}': add {lang}: ... under title",
                      ("title",))
    for step in flow.steps.values():
        if step.footer:
            for lang in languages:
                if not step.footer.get(lang):
                    out.error(f"footer has no text in '{lang}': add {lang}: ... under footer",
                              ("steps", step.name, "footer"), step=step.name)
        texts = [("prompt", step.prompt), ("footer", step.footer)]
        texts += [(f"choice '{c.value}' label", c.label) for c in step.choices]
        for what, by_lang in texts:
            for lang in by_lang:
                if lang not in languages:
                    out.warn(f"{what} has text in '{lang}', which is not an enabled language "
                             f"(system.yaml): residents never see it", step=step.name)


def _fields_of(text: str) -> list[str] | None:
    """The {placeholders} in text, or None when its braces are malformed."""
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return None


def _check_placeholders(step: Step, out: _Collector) -> None:
    allowed = PLACEHOLDERS.get(step.type, set())
    where = ("steps", step.name, "prompt")
    for lang, text in step.prompt.items():
        names = _fields_of(text)
        if names is None:
            out.error(f"prompt ({lang}) has a '{{' or '}}' without its pair: write placeholders "
                      f"as {{summary}}, or remove the brace", where, step=step.name)
            continue
        for name in names:
            if name not in allowed:
                known = ", ".join(f"{{{a}}}" for a in sorted(allowed)) or "none"
                out.error(f"prompt ({lang}) uses {{{name}}}, which this {step.type} step cannot "
                          f"fill (it can: {known}): remove it or fix its spelling", where,
                          step=step.name)
        for name in REQUIRED_PLACEHOLDERS.get(step.type, set()) - set(names):
            out.error(f"prompt ({lang}) must show {{{name}}} so the resident sees it: "
                      f"add {{{name}}} to the text", where, step=step.name)
    for what, by_lang in [("footer", step.footer)] + [
            (f"choice '{c.value}' label", c.label) for c in step.choices]:
        for lang, text in by_lang.items():
            if _fields_of(text) != []:
                out.error(f"{what} ({lang}) contains braces, which residents would see as "
                          f"typed: remove them", step=step.name)


def _check_options(step: Step, raw: dict, out: _Collector) -> None:
    for option, types in TYPE_OPTIONS.items():
        if option in raw and step.type not in types:
            out.error(f"'{option}' does nothing on a step of type {step.type} (it is for "
                      f"type {' or '.join(sorted(types))}): remove it",
                      ("steps", step.name, option), step=step.name)
    if isinstance(step.next, dict) and step.type != "yesno":
        out.error(f"only a yesno step can choose its next step by yes/no; a step of type "
                  f"{step.type} needs next: <one step>", ("steps", step.name, "next"),
                  step=step.name)
    if step.type == "text" and step.min_length > step.max_length:
        out.error(f"min_length ({step.min_length}) is above max_length ({step.max_length}): "
                  f"no answer could pass; lower min_length", ("steps", step.name, "min_length"),
                  step=step.name)
    if step.type not in ("submit", "confirm") and step.field is None and not any(
            c.goto for c in step.choices):
        out.warn("the answer is not kept (no 'field'): add field: <name> so staff see it",
                 step=step.name)


def _check_choices(step: Step, texts: SystemTexts, out: _Collector) -> None:
    seen: set[str] = set()
    for i, choice in enumerate(step.choices):
        path = ("steps", step.name, "choices", i)
        if choice.value in seen:
            out.error(f"two choices have the value '{choice.value}': give each a different "
                      f"value", path, step=step.name)
        seen.add(choice.value)
        words = [("label", lang, w) for lang, w in choice.label.items()]
        words += [("keyword", lang, str(w)) for lang, ws in choice.keywords.items() for w in ws]
        for what, lang, word in words:
            _check_word(step, choice.value, what, lang, word, texts, path, out)


def _check_word(step: Step, value: str, what: str, lang: str, word: str, texts: SystemTexts,
                path: tuple, out: _Collector) -> None:
    folded = fold(word)
    command = texts.command(folded)
    if command is not None:
        out.error(f"choice '{value}' {what} ({lang}) '{word}' is the global command "
                  f"{command.name.upper()}: a resident who types it gets the command, never "
                  f"this choice, and commands cannot be turned off. Use another word",
                  path, step=step.name)
    elif texts.language(folded) is not None:
        out.error(f"choice '{value}' {what} ({lang}) '{word}' switches the language to "
                  f"'{texts.language(folded)}' at any step: use another word", path,
                  step=step.name)


def _check_fields(flow: Flow, out: _Collector) -> None:
    owner: dict[str, str] = {}
    for step in flow.steps.values():
        if step.field is None:
            continue
        wanted = FIELD_TYPES.get(step.field)
        if wanted is not None and step.type != wanted:
            out.error(f"field '{step.field}' is filed on the report from the answer to a "
                      f"step of type {wanted}, and this step is of type {step.type}: use "
                      f"type: {wanted}, or another field name",
                      ("steps", step.name, "field"), step=step.name)
        if step.field in owner:
            out.warn(f"field '{step.field}' is also set by step '{owner[step.field]}': the later "
                     f"answer replaces the earlier one; use another field name",
                     ("steps", step.name, "field"), step=step.name)
        owner.setdefault(step.field, step.name)


def _check_hand_overs(flow: Flow, flows: dict[str, Flow], routing: RoutingTable,
                      out: _Collector) -> None:
    for name, problem in set_problems(flows, routing):
        if name != flow.name:
            continue
        if "routing table" in problem.message:
            out.error(f"{problem.message}: add a route for it on the Routing page first",
                      ("report_type",))
            continue
        step, path = None, ()
        for s in flow.steps.values():
            for i, choice in enumerate(s.choices):
                if choice.goto and f"'{choice.goto}'" in problem.message:
                    step, path = s.name, ("steps", s.name, "choices", i, "goto")
        out.error(f"{problem.message}: fix 'goto' to name an existing flow", path, step=step)
    if flow.name == INTAKE:
        reached = set(flow.handoffs())
        for other in sorted(set(flows) - reached - {INTAKE}):
            out.warn(f"no choice hands over to flow '{other}' any more: residents can no "
                     f"longer start that report; add a choice with goto: {other}")


def _compile(flow: Flow, out: _Collector) -> CompiledFlow | None:
    if any(f.level == "error" and ("does not exist" in f.message or "no 'next'" in f.message)
           for f in out.found):
        return None
    try:
        return CompiledFlow(flow)
    except Exception as exc:  # transitions refuses a machine it cannot build
        out.error(f"the state machine cannot be built: {exc}")
        return None


def _has_placeholder_errors(out: _Collector) -> bool:
    return any("prompt (" in f.message and f.level == "error" for f in out.found)


def _check_length(compiled: CompiledFlow, step: Step, texts: SystemTexts,
                  routing: RoutingTable, out: _Collector) -> None:
    """The whole reply a resident gets at this step (question, choices, footer, a filled-in
    summary or reference), per language, against the SMS limits."""
    for lang in texts.languages:
        reply = _reply(compiled, step, lang, texts, routing)
        if reply is None:
            continue
        size = len(reply)
        if size > HARD_LIMIT:
            out.error(f"the reply in '{lang}' is {size} characters; SMS refuses more than "
                      f"{HARD_LIMIT}: shorten the question or its choices", step=step.name)
        elif size > SOFT_LIMIT:
            out.warn(f"the reply in '{lang}' is {size} characters ({segments(reply)} SMS "
                     f"segments); aim for {SOFT_LIMIT} or less", step=step.name)


def _reply(compiled: CompiledFlow, step: Step, lang: str, texts: SystemTexts,
           routing: RoutingTable) -> str | None:
    default = texts.default_language
    if not step.prompt:
        return None
    params: dict[str, str] = {}
    if step.type == "confirm":
        params["summary"] = summary(compiled, {"shown": _sample_shown(compiled, lang, texts)},
                                    lang, texts)
    elif step.type == "submit":
        names = [a.display(lang) for a in routing.agencies.values()] or ["311"]
        params = {"reference": SAMPLE_REFERENCE, "agency": max(names, key=len)}
    parts = [pick(step.prompt, lang, default).format(**params)]
    if step.choices:
        parts.append("\n".join(f"{i} {pick(c.label, lang, default)}"
                               for i, c in enumerate(step.choices, 1)))
    if step.footer:
        parts.append(pick(step.footer, lang, default))
    return "\n".join(parts)


def _sample_shown(compiled: CompiledFlow, lang: str, texts: SystemTexts) -> dict[str, str]:
    shown = {}
    for name in compiled.editable:
        step = compiled.step(name)
        if step.type == "choice":
            shown[step.field] = pick(step.choices[0].label, lang, texts.default_language)
        else:
            shown[step.field] = SAMPLE_SHOWN.get(step.type, "x" * 40)
    return shown


# --- routing -------------------------------------------------------------------------------


def check_routing(source: str, texts: SystemTexts, flows: dict[str, Flow]) -> Verdict:
    """Every check a routing draft must pass: readable, agencies named in every language,
    every report type a live flow files has a route, no route repeated."""
    out = _Collector(source)
    try:
        data = yaml_text.load(source)
    except yaml.YAMLError as exc:
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        out.found.append(Finding("error", f"this is not valid YAML: {reason}. Check the "
                                          f"indentation and quotes", line=error_line(exc)))
        return Verdict(out.found)
    try:
        table = RoutingTable(data, "routing")
    except RoutingError as exc:
        out.error(f"{str(exc).removeprefix('routing: ')}: see config/routing.yaml for the shape")
        return Verdict(out.found)
    review = _check_review(data.get("review"), texts.languages, out)
    for key, agency in table.agencies.items():
        for lang in texts.languages:
            if not agency.name.get(lang):
                out.error(f"has no name in '{lang}' (residents read it when their report is "
                          f"sent): add {lang}: ... under name", ("agencies", key, "name"),
                          subject=f"agency '{key}'")
    _check_routes(data["routes"], flows, out)
    for flow in flows.values():
        if flow.report_type and not table.covers(flow.report_type):
            out.error(f"flow '{flow.name}' files '{flow.report_type}' reports and no route "
                      f"sends them anywhere: add - {{type: {flow.report_type}, agency: <key>}}",
                      ("routes",), subject="routes")
    return Verdict(out.found, routing=table, review=review)


def _check_routes(routes: list, flows: dict[str, Flow], out: _Collector) -> None:
    types = {f.report_type: f for f in flows.values() if f.report_type}
    seen: dict[tuple, int] = {}
    for i, route in enumerate(routes):
        key = (route["type"], route.get("subtype"))
        subject = f"route {i + 1} ({route['type']}{'/' + str(key[1]) if key[1] else ''})"
        if key in seen:
            out.error(f"repeats route {seen[key]}: only the first counts; remove one",
                      ("routes", i), subject=subject)
        seen.setdefault(key, i + 1)
        flow = types.get(route["type"])
        if flow is None:
            out.warn(f"no live flow files '{route['type']}' reports, so this route is never "
                     f"used", ("routes", i), subject=subject)
        elif key[1] is not None and key[1] not in _subtypes(flow):
            out.warn(f"flow '{flow.name}' has no subtype '{key[1]}' (it has: "
                     f"{', '.join(sorted(_subtypes(flow)))}), so this route is never used",
                     ("routes", i), subject=subject)


def _subtypes(flow: Flow) -> set[str]:
    return {c.value for s in flow.steps.values() if s.field == "subtype" for c in s.choices}
