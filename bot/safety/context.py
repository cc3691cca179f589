"""The grammar around a cue: is it negated, is it over, is it happening now?

Works on normalized text. Sentences end at . ! ? ; : and at clause-break words such as
"but"; time markers only speak for their own sentence and within a few words of the cue
(settings.yaml time_window), and the nearest one wins when "now" and "last night" both
appear; a negator only counts in the few words just before a cue within its clause.
"""

from __future__ import annotations

from bisect import bisect_right

from bot.safety.cues import Cue, CueSet


class MessageContext:
    """The sentences and time markers of one normalized message, found on demand."""

    def __init__(self, text: str, cues: CueSet):
        self.text = text
        self._cues = cues
        self._breaks = [m.start() for m in cues.sentence_breaks.finditer(text)]
        self._markers: dict[str, list[tuple[int, int, int]]] = {}
        # a short text ("stabbed. 22 oak ave. hurry") is one thought: its cues add up
        self._short = text.count(" ") + 1 <= cues.short_message

    def allows(self, cue: Cue, start: int, end: int) -> bool:
        """Whether the cue's time rule lets this match count (see README: time)."""
        if cue.time == "any":
            return True
        if cue.time in ("present", "explicit_now") and self._over_after(start):
            return False
        sentence = self._sentence(start)
        now = self._nearest("now", sentence, start, end)
        dated = self._nearest("dated_past", sentence, start, end)
        if now is not None and (dated is None or now <= dated):
            return True
        if cue.time == "explicit_now":
            return False
        past = self._nearest("past_grammar", sentence, start, end)
        present = self._nearest("present_grammar", sentence, start, end)
        present_is_nearest = present is not None and (past is None or present <= past)
        if dated is not None:
            # "...stolen last night a man is beating her": an "is" nearer than the date
            # starts a new, unpunctuated clause
            return present_is_nearest and present < dated
        return cue.time == "not_dated_past" or past is None or present_is_nearest

    def negated(self, cue: Cue, start: int) -> bool:
        """Whether a negator of the cue's language stands in the few words before `start`,
        in the same clause (Somali "ma" is not English "ma", mom)."""
        negators = self._cues.negators.get(cue.language)
        if negators is None:
            return False
        window = self.text[max(0, start - 120):start]
        clause_start = max((b.end() for b in self._cues.clause_breaks.finditer(window)),
                           default=0)
        words = window[clause_start:].split()[-self._cues.negation_window:]
        return bool(words) and negators.search(" ".join(words)) is not None

    def _sentence(self, position: int) -> int:
        return bisect_right(self._breaks, position)

    def _found(self, kind: str) -> list[tuple[int, int, int]]:
        if kind not in self._markers:
            regex = self._cues.markers[kind]
            self._markers[kind] = [] if regex is None else [
                (m.start(), m.end(), self._sentence(m.start()))
                for m in regex.finditer(self.text)]
        return self._markers[kind]

    def _over_after(self, start: int) -> bool:
        """'He's gone now' ends the danger told before it."""
        return any(m_end > start for _, m_end, _ in self._found("over"))

    def near(self, first: int, second: int, window: int) -> bool:
        """Whether two positions share a sentence, lie within `window` words, or belong to
        a short message (settings.yaml short_message)."""
        first, second = sorted((first, second))
        return (self._short
                or self._sentence(first) == self._sentence(second)
                or self.text.count(" ", first, second) <= window)

    def _nearest(self, kind: str, sentence: int, start: int, end: int) -> int | None:
        """Words between the cue and the nearest marker of this kind within reach."""
        distances = []
        for m_start, m_end, s in self._found(kind):
            if s == sentence:
                left, right = (m_end, start) if m_end <= start else (end, m_start)
                distances.append(self.text.count(" ", left, max(left, right)))
        nearest = min(distances, default=None)
        return nearest if nearest is not None and nearest <= self._cues.time_window else None
