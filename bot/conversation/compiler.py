"""Compile a Flow once into a transitions state machine plus precompiled matchers.

One machine per flow version serves every conversation: a conversation's position is
attached as the machine's model for the moment it moves, never rebuilt per message.
"""

from __future__ import annotations

import re
import threading

from transitions import Machine, MachineError

from bot.conversation.flow import Flow, Step
from bot.conversation.fold import word_pattern

EDITABLE_TYPES = {"choice", "text", "address", "datetime", "yesno", "photo", "phone"}


class Position:
    """The model the machine moves: where one conversation stands in the flow."""

    state: str


class CompiledFlow:
    """A validated flow version with its state machine and keyword matchers."""

    def __init__(self, flow: Flow):
        self.flow = flow
        self.name = flow.name
        self.version = flow.version
        self.editable = self._editable_steps()
        self.machine = Machine(
            model=None,
            states=list(flow.steps),
            transitions=self._transitions(),
            initial=flow.start,
            auto_transitions=False,
        )
        self.keywords: dict[str, list[tuple[str, dict[str, re.Pattern[str]]]]] = {
            step.name: self._choice_patterns(step) for step in flow.steps.values() if step.choices
        }
        self._local = threading.local()
        # (state, trigger) -> the state the machine moved to. The machine has no conditions
        # or callbacks, so a move it allowed once lands on the same state every time; a
        # move it forbids is not kept and raises MachineError each time.
        self._moves: dict[tuple[str, str], str] = {}

    def _editable_steps(self) -> list[str]:
        """Steps a resident can go back to from the confirm summary, in flow order."""
        return [s.name for s in self.flow.steps.values() if s.type in EDITABLE_TYPES and s.field]

    def _transitions(self) -> list[dict]:
        out = []
        for step in self.flow.steps.values():
            for dest in step.destinations():
                out.append({"trigger": f"go_{dest}", "source": step.name, "dest": dest})
        confirm = self.flow.confirm_step
        if confirm is not None:
            for name in self.editable:
                out.append({"trigger": f"edit_{name}", "source": confirm.name, "dest": name})
                out.append({"trigger": "review", "source": name, "dest": confirm.name})
        return out

    @staticmethod
    def _choice_patterns(step: Step):
        patterns = []
        for choice in step.choices:
            by_lang = {}
            for lang, words in choice.keywords.items():
                pattern = word_pattern(words)
                if pattern is not None:
                    by_lang[lang] = pattern
            patterns.append((choice.value, by_lang))
        return patterns

    def step(self, name: str) -> Step:
        return self.flow.steps[name]

    def move(self, state: str, trigger: str) -> str:
        """The state after firing trigger from state; MachineError if the flow forbids it."""
        key = (state, trigger)
        found = self._moves.get(key)
        if found is not None:
            return found
        model = getattr(self._local, "position", None)
        if model is None:
            model = self._local.position = Position()
            self.machine.add_model(model, initial=self.flow.start)
        self.machine.set_state(state, model)
        model.trigger(trigger)
        self._moves[key] = model.state
        return model.state

    def advance(self, state: str, dest: str) -> str:
        return self.move(state, f"go_{dest}")

    def match_keywords(self, step_name: str, folded: str) -> tuple[str, str] | None:
        """(choice value, language) of the one choice whose keywords occur most often in
        folded text; None when no choice or several tie."""
        scores = []
        for value, by_lang in self.keywords.get(step_name, []):
            best = max(((len(p.findall(folded)), lang) for lang, p in by_lang.items()),
                       default=(0, ""))
            if best[0]:
                scores.append((best[0], value, best[1]))
        scores.sort(reverse=True)
        if not scores or (len(scores) > 1 and scores[0][0] == scores[1][0]):
            return None
        return scores[0][1], scores[0][2]

__all__ = ["CompiledFlow", "MachineError", "Position"]
