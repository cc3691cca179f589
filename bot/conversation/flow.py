"""The structure of a flow: steps, choices, texts per language. Plain data, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field

Texts = dict[str, str]  # language code -> text


@dataclass(frozen=True)
class Choice:
    value: str
    label: Texts
    keywords: dict[str, list[str]] = field(default_factory=dict)
    goto: str | None = None  # another flow to hand over to
    next: str | None = None


@dataclass(frozen=True)
class Step:
    name: str
    type: str
    prompt: Texts
    footer: Texts = field(default_factory=dict)
    field: str | None = None
    choices: tuple[Choice, ...] = ()
    next: str | dict[str, str] | None = None
    min_length: int = 1
    max_length: int = 1000
    max_photos: int = 5
    allow_future: bool = False

    def destinations(self) -> list[str]:
        """Every step this one can lead to by an answer."""
        out: list[str] = []
        if isinstance(self.next, str):
            out.append(self.next)
        elif isinstance(self.next, dict):
            out.extend(self.next.values())
        out.extend(c.next for c in self.choices if c.next)
        return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Flow:
    name: str
    title: Texts
    start: str
    steps: dict[str, Step]
    report_type: str | None = None
    version: int = 0
    source: str = ""

    @property
    def submit_step(self) -> Step | None:
        return next((s for s in self.steps.values() if s.type == "submit"), None)

    @property
    def confirm_step(self) -> Step | None:
        return next((s for s in self.steps.values() if s.type == "confirm"), None)

    def handoffs(self) -> list[str]:
        """Flows this one hands over to (intake's choices)."""
        return [c.goto for s in self.steps.values() for c in s.choices if c.goto]
