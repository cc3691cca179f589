"""Read a flow from YAML, check it against the schema and its own logic, build a Flow."""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from bot.conversation import yaml_text
from bot.conversation.flow import Choice, Flow, Step
from bot.conversation.sms_length import HARD_LIMIT, SOFT_LIMIT

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "flows" / "flow.schema.json"
QUESTION_TYPES = {"choice", "text", "address", "datetime", "yesno", "photo", "phone", "confirm"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a flow: an error blocks loading, a warning does not."""

    level: str  # error | warning
    step: str | None
    message: str

    def __str__(self) -> str:
        where = f"step '{self.step}'" if self.step else "flow"
        return f"{where}: {self.message}"


class FlowError(ValueError):
    """A flow file is invalid; the message names the file, the step and the reason."""

    def __init__(self, origin: str, problems: list[Problem]):
        self.origin = origin
        self.problems = problems
        lines = "\n".join(f"  {origin}: {p}" for p in problems if p.level == "error")
        super().__init__(f"invalid flow {origin}:\n{lines}")


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    with open(SCHEMA_FILE, encoding="utf-8") as fh:
        return Draft202012Validator(json.load(fh))


def parse_yaml(text: str, origin: str) -> Any:
    try:
        return yaml_text.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        problem = Problem("error", None, f"not valid YAML{where}: {reason}")
        raise FlowError(origin, [problem]) from None


def schema_problems(data: Any) -> list[Problem]:
    problems = []
    for err in sorted(_validator().iter_errors(data), key=lambda e: list(e.path)):
        path = list(err.path)
        step = str(path[1]) if len(path) > 1 and path[0] == "steps" else None
        at = "/".join(str(p) for p in path[2:] if step) if step else "/".join(map(str, path))
        prefix = f"{at}: " if at else ""
        problems.append(Problem("error", step, f"{prefix}{err.message}"))
    return problems


def build_flow(data: dict, version: int = 0, source: str = "") -> Flow:
    steps = {}
    for name, raw in data["steps"].items():
        choices = tuple(
            Choice(
                value=c["value"],
                label=c["label"],
                keywords={k: [str(w) for w in v] for k, v in c.get("keywords", {}).items()},
                goto=c.get("goto"),
                next=c.get("next"),
            )
            for c in raw.get("choices", [])
        )
        steps[name] = Step(
            name=name,
            type=raw["type"],
            prompt=raw.get("prompt", {}),
            footer=raw.get("footer", {}),
            field=raw.get("field"),
            choices=choices,
            next=raw.get("next"),
            min_length=raw.get("min_length", 1),
            max_length=raw.get("max_length", 1000),
            max_photos=raw.get("max_photos", 5),
            allow_future=raw.get("allow_future", False),
        )
    return Flow(
        name=data["flow"],
        title=data["title"],
        start=data["start"],
        steps=steps,
        report_type=data.get("report_type"),
        version=version,
        source=source,
    )


def logic_problems(flow: Flow, languages: list[str]) -> list[Problem]:
    """Checks the schema cannot express: links, reachability, endings, texts, lengths."""
    problems: list[Problem] = []
    add = problems.append
    if flow.start not in flow.steps:
        add(Problem("error", None, f"start step '{flow.start}' does not exist"))
    for step in flow.steps.values():
        for dest in step.destinations():
            if dest not in flow.steps:
                add(Problem("error", step.name, f"leads to step '{dest}', which does not exist"))
        _check_ending(flow, step, add)
        _check_texts(step, languages, add)
    if flow.report_type and flow.submit_step is None:
        add(Problem("error", None, "a report flow needs a step of type 'submit'"))
    if flow.report_type is None and not flow.handoffs():
        add(Problem("error", None, "a flow without report_type must hand over with 'goto'"))
    if flow.start in flow.steps:
        seen = _reachable(flow)
        for name in flow.steps:
            if name not in seen:
                add(Problem("error", name, "no step leads here: link it from another step's "
                                           "'next' or remove it"))
    return problems


def _check_ending(flow: Flow, step: Step, add) -> None:
    if step.type == "submit":
        if step.next:
            add(Problem("error", step.name, "a submit step ends the flow and cannot have 'next'"))
        return
    if step.type == "choice" and step.choices and all(c.goto or c.next for c in step.choices):
        return
    if step.type == "yesno" and not isinstance(step.next, dict):
        add(Problem("error", step.name, "a yes/no step needs 'next' with 'yes' and 'no'"))
        return
    if not step.next:
        add(Problem("error", step.name, "has no 'next': every path must end in a submit step"))
    if step.type == "choice" and not step.choices:
        add(Problem("error", step.name, "a choice step needs 'choices'"))
    if step.type == "confirm" and isinstance(step.next, str):
        target = flow.steps.get(step.next)
        if target is not None and target.type != "submit":
            add(Problem("error", step.name, "a confirm step must lead to the submit step"))


def _check_texts(step: Step, languages: list[str], add) -> None:
    texts = [("prompt", step.prompt)]
    texts += [(f"choice '{c.value}' label", c.label) for c in step.choices]
    for what, text in texts:
        for lang in languages:
            if not text.get(lang):
                add(Problem("error", step.name, f"{what} has no text in '{lang}': add {lang}: ..."))
        for lang, value in text.items():
            if len(value) > HARD_LIMIT:
                add(Problem("error", step.name, f"{what} ({lang}) is {len(value)} characters; "
                                                f"the limit is {HARD_LIMIT}"))
            elif len(value) > SOFT_LIMIT:
                add(Problem("warning", step.name, f"{what} ({lang}) is {len(value)} characters; "
                                                  f"aim for {SOFT_LIMIT} or less"))


def _reachable(flow: Flow) -> set[str]:
    seen, todo = {flow.start}, deque([flow.start])
    while todo:
        for dest in flow.steps[todo.popleft()].destinations():
            if dest in flow.steps and dest not in seen:
                seen.add(dest)
                todo.append(dest)
    return seen


def check_source(text: str, origin: str, languages: list[str], version: int = 0):
    """(flow or None, problems) for YAML text: never raises for a bad flow."""
    try:
        data = parse_yaml(text, origin)
    except FlowError as exc:
        return None, exc.problems
    problems = schema_problems(data)
    if problems:
        return None, problems
    flow = build_flow(data, version=version, source=text)
    return flow, logic_problems(flow, languages)


def load_source(text: str, origin: str, languages: list[str], version: int = 0) -> Flow:
    """A valid Flow from YAML text, or FlowError naming file, step and reason."""
    flow, problems = check_source(text, origin, languages, version)
    if flow is None or any(p.level == "error" for p in problems):
        raise FlowError(origin, problems)
    return flow
