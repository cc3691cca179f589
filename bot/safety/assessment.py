"""assess(): one resident message in, an Assessment (level and the cues that fired) out.

The rule that picks the level, when cues of both kinds fire:
- A level fires when the weights of its distinct cues that fired add up to the threshold
  (settings.yaml, 1.0): one strong cue, or two or more weaker ones near each other (in one
  sentence, or a few words apart: settings.yaml combine_window).
- Only emergency fires -> "emergency"; only crisis fires -> "crisis".
- Both fire -> "crisis", unless an emergency cue marked `outranks_crisis` fired (someone
  not breathing, unconscious or turning blue, a fire, gunfire): then "emergency", because
  911 has to come first. An overdose by mistake with the person unresponsive is therefore
  an emergency, a threat to self-harm with a knife is a crisis. A crisis cue marked
  `outranks_emergency` (pills taken on purpose, to die) keeps the crisis reply even then:
  it names 911 for immediate danger as well as 988. Either way the message is escalated:
  a crisis signal is never turned into "none".
- The cues say "none": the learned backstop (bot/safety/model.py, settings.yaml `model`)
  may still escalate, adding "model:<level>" to the signals. It never lowers the cues'
  verdict.
- Only emergency fires and no cue of it outranks a crisis: the same rule as when cues of
  both kinds fire, with the model in place of the crisis cues. When it reads a crisis
  (settings.yaml `model.crisis_over_emergency`), the level is "crisis" and "model:crisis"
  ends the signals: a weapon mentioned in a suicide threat gets the crisis reply, which
  names 911 for immediate danger and 988.
- A level fired only because weaker cues added up (no cue that fired is strong enough to
  fire alone, none outranks a crisis): when the model is at least
  `model.none_over_weak_cues` sure the message is harmless, the level is "none" and
  "model:none" ends the signals, so the engine records the overruling in the event log.
  A strong cue's verdict is never overruled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safety.context import MessageContext
from bot.safety.cues import Cue, CueSet, load_cues
from bot.safety.model import reads_crisis

NONE = "none"
EMERGENCY = "emergency"
CRISIS = "crisis"
OVERRULED = "model:none"  # the last signal of a cue escalation the model overruled
_MASK = "#"
# Short messages recur: most answers in a flow are a menu number, yes or no, "skip", "now".
# Their assessments are remembered per cue set (a pure function of the text), up to
# MEMO_SIZE of them; when full, the memo starts over.
MEMO_CHARS = 40
MEMO_SIZE = 4096


@dataclass(frozen=True)
class Assessment:
    """The verdict on one message.

    level: "none", "emergency" (danger now: call 911) or "crisis" (mental-health crisis:
    988, and 911 if in immediate danger). signals: ids of the cues that fired, in the order
    they appear in the message, for the audit log and staff.
    """

    level: str
    signals: tuple[str, ...] = ()

    @property
    def overruled(self) -> bool:
        """The cues escalated and the learned model overruled them (none_over_weak_cues)."""
        return self.level == NONE and self.signals[-1:] == (OVERRULED,)


def assess(text: str, lang: str | None = None, *, cues: CueSet | None = None) -> Assessment:
    """Assess a resident's message, in any of the cue languages or a mix of them.

    `lang` is the conversation's language if known; every language's cues are checked
    anyway, because residents mix languages, so an unknown or missing value is fine.
    `cues` defaults to the cached cue set (config/safety/, or the one set by configure()).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    cue_set = cues or load_cues()
    if len(text) > MEMO_CHARS:
        return _assess(text, cue_set)
    memo = cue_set.memo
    found = memo.get(text)
    if found is None:
        found = _assess(text, cue_set)
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[text] = found
    return found


def _assess(text: str, cue_set: CueSet) -> Assessment:
    normalized = cue_set.normalizer(text)
    if not normalized:
        return Assessment(NONE)
    searchable = _mask_exclusions(normalized, cue_set)
    context = MessageContext(normalized, cue_set)
    fired: list[tuple[int, int, Cue]] = []
    for cue in cue_set.candidates(searchable):  # the cues whose needed words are there
        match = cue.regex.search(searchable)  # most cues miss: search is cheaper than finditer
        while match:
            start = match.start()
            if not (cue.negatable and context.negated(cue, start)) and context.allows(
                    cue, start, match.end()):
                fired.append((start, match.end(), cue))
                break
            match = cue.regex.search(searchable, start + 1)
    fired.sort(key=lambda f: f[0])
    assessment = _decide(fired, context, cue_set)
    if cue_set.model is None:
        return assessment
    if assessment.level == NONE:
        if normalized.count(" ") + 1 >= cue_set.model_min_words:
            return _backstop(assessment, normalized, cue_set)
        return assessment
    urgent = any(cue.outranks_crisis for _, _, cue in fired)
    if urgent:
        return assessment
    probabilities = None
    if cue_set.model_none_over_weak_cues is not None and not any(
            cue_set.fires_alone(cue) for _, _, cue in fired):
        probabilities = cue_set.model.probabilities(normalized)
        if probabilities[NONE] >= cue_set.model_none_over_weak_cues:
            return Assessment(NONE, (*assessment.signals, OVERRULED))
    if assessment.level == EMERGENCY and cue_set.model_crisis_over_emergency is not None:
        probabilities = probabilities or cue_set.model.probabilities(normalized)
        if reads_crisis(probabilities, cue_set.model_crisis_over_emergency):
            # The cues found danger but none of the kind that must go to 911 first; the
            # model reads a mental-health crisis ("he put the rifle on the seat and said
            # this is how he clocks out"): crisis, as when cues of both kinds fire. Still
            # an escalation either way: this only picks which reply the resident gets.
            return Assessment(CRISIS, (*assessment.signals, f"model:{CRISIS}"))
    return assessment


def _backstop(assessment: Assessment, normalized: str, cue_set: CueSet) -> Assessment:
    """The learned model's second look at a message the cues let through: it escalates
    only when a level's probability reaches that level's threshold, and says so in the
    signals ("model:crisis"), after the cues that fired, so staff can tell."""
    level = cue_set.model.escalation(normalized, cue_set.model_thresholds or {})
    if level is None:
        return assessment
    return Assessment(level, (*assessment.signals, f"model:{level}"))


def _mask_exclusions(text: str, cue_set: CueSet) -> str:
    """Blank out idioms and look-alikes ('fire hydrant', 'dead battery') before matching.

    Each language's exclusions are matched on the text as written and all they cover is
    blanked, so a short one of one language ("hydrant") does not hide a longer one of
    another that starts at the same word ("hydrant hluav taws").
    """
    spans = [span for patterns in cue_set.exclusions_for(text)
             for span in _leftmost_spans(patterns, text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = _MASK * (end - start)
    return "".join(chars)


def _leftmost_spans(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, int]]:
    """What one regex of all `patterns` as alternatives, in order, would find with finditer:
    from where the last match ended, the earliest place any of them matches, won by the
    first that matches there. Without building that regex for each message.

    Each pattern's next match is kept until the text before it has been consumed, so a long
    message is scanned about once per pattern, not once per match.
    """
    ahead = {i: pattern.search(text) for i, pattern in enumerate(patterns)}
    spans = []
    start = 0
    while True:
        for i, match in list(ahead.items()):
            if match is not None and match.start() < start:
                match = patterns[i].search(text, start) if start <= len(text) else None
                ahead[i] = match
            if match is None:
                del ahead[i]
        if not ahead:
            return spans
        best = min(ahead.values(), key=lambda m: m.start())  # the first listed on a tie
        spans.append(best.span())
        start = best.end() if best.end() > best.start() else best.end() + 1


def _decide(fired: list[tuple[int, int, Cue]], context: MessageContext,
            cue_set: CueSet) -> Assessment:
    windows = {EMERGENCY: cue_set.combine_window, CRISIS: cue_set.crisis_combine_window}
    firing = {level for level in (EMERGENCY, CRISIS)
              if _best_score([f for f in fired if f[2].level == level], context,
                             windows[level]) >= cue_set.threshold - 1e-9}
    if firing == {EMERGENCY, CRISIS}:
        urgent = any(c.outranks_crisis for _, _, c in fired if c.level == EMERGENCY) and not any(
            c.outranks_emergency for _, _, c in fired if c.level == CRISIS)
        level = EMERGENCY if urgent else CRISIS
    else:
        level = firing.pop() if firing else NONE
    return Assessment(level, tuple(cue.id for _, _, cue in fired))


def _best_score(fired: list[tuple[int, int, Cue]], context: MessageContext,
                window: int) -> float:
    """The highest sum of weights over a run of cues that lie near one another: the gap
    from where one cue's words end to where the next one's begin is what counts."""
    best = total = 0.0
    previous_end = None
    for start, end, cue in fired:
        near = previous_end is not None and context.near(previous_end, start, window)
        total = total + cue.weight if near else cue.weight
        best = max(best, total)
        previous_end = max(previous_end, end) if near else end
    return best
