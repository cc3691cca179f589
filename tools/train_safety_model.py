"""Train the safety check's learned backstop and measure it honestly, set by set.

    pip install -e '.[train]'
    python tools/train_safety_model.py [--cues DIR] [--out FILE] [--report FILE] [--dry-run]

Reads every labelled JSONL under tests/safety/data/ (the blind probe sets r5-r14, the blind
sets r17-r28, r31-r36, r39-r42, r45-r48, r51-r54, r57-r60, r63-r66, r69-r76, r79-r82,
r87-r94, r97-r100, r103, r104, r107-r110, r113-r116, r119-r122, r125-r128, r131-r134,
r137-r140, r143-r146, routine none, heldout, and the lines in training/ written by the model's
authors) and every message the safety tests check, labelled with the verdict its test asserts
(or, where the test does not name one, the verdict of the cues, which it then asserts).
Refuses the sets kept for measuring (r10, r12, r15, r16, r29, r30, r37, r38, r43, r44, r49,
r50, r55, r56, r61, r62, r67, r68, r77, r78, r83-r86, r95, r96, r101, r102, r105, r106,
r111, r112, r117, r118, r123, r124, r129, r130, r135, r136, r141, r142, r147, r148) and the
shared dev file.

Then:
1. cross-validation over groups of whole sets (--folds, 8 by default; 0 for one set a fold):
   each blind set is scored by a model trained on the sets outside its group; the report
   shows, per set, the rules alone, the model alone and rules + model (the model escalates
   only what the rules call "none", and may call an emergency a crisis, step 3);
2. picks the per-level thresholds from those cross-validated scores only: the ones that
   catch the most positives with the model alone while the false escalations the model
   adds to the rules' own average at most --max-added (1.5%) over the held-out sets;
3. picks model.crisis_over_emergency the same way: the value that best lifts the average
   emergency recall plus crisis recall of rules + model, when a message the rules call an
   emergency (with no cue that outranks a crisis) becomes a crisis because the model reads
   one (None when no value helps);
4. picks model.none_over_weak_cues: one step of NONE_GRID above the lowest value at which
   the model's "none" overrules an escalation built only from weaker cues (no strong cue,
   none that outranks a crisis) without losing a single true escalation over the held-out
   sets (None when fewer than two values remove a false one without a loss);
5. trains on everything and writes the weights (features whose weights are negligible are
   left out) to config/safety/model/safety-model.json.gz;
6. keeps the safety tests' promises: each message the tests check must get, from the cues
   and the final model together, the verdict the tests assert. Where one would not, the
   setting that changes it (a level's threshold, crisis_over_emergency or
   none_over_weak_cues) moves up its grid until it holds, and the report names the message.
   The cross-validation figures are then given at the settings as moved.

Deterministic: sets and lines are read in sorted order and the solver has no randomness,
so the same data gives the same file.

The rules were tuned on these sets, so "rules" and "rules + model" look better here than on
new messages. For honest figures on a set, pass --cues with a copy of the cue directory as
it was before anyone tuned on that set. scikit-learn is only needed here (extra `train`);
the bot reads the file in pure Python (bot/safety/model.py).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.safety.assessment import assess  # noqa: E402
from bot.safety.cues import CueSet, load_cues  # noqa: E402
from bot.safety.model import (  # noqa: E402
    LEVELS,
    SCHEMA_VERSION,
    FeatureSpec,
    SafetyModel,
    level_passing,
    reads_crisis,
)

DATA = ROOT / "tests" / "safety" / "data"
MEASURE = DATA / "measure"  # blind sets for the honest figure: never trained or tuned on
OWN_LINES = DATA / "training"  # written after seeing the cues: trained on, never measured
TESTS = ROOT / "tests" / "safety"
# test modules whose sentences are not resident messages with a verdict the cues give
NOT_SENTENCES = {"test_model", "test_normalize", "test_cues", "test_triggers", "test_evaluate"}
HELD_OUT_NAMES = ("r10.jsonl", "r12.jsonl", "r15.jsonl", "r16.jsonl", "r29.jsonl",  # measuring
                  "r30.jsonl", "r37.jsonl", "r38.jsonl", "r43.jsonl", "r44.jsonl",
                  "r49.jsonl", "r50.jsonl", "r55.jsonl", "r56.jsonl", "r61.jsonl", "r62.jsonl",
                  "r67.jsonl", "r68.jsonl", "r77.jsonl", "r78.jsonl", "r83.jsonl", "r84.jsonl",
                  "r85.jsonl", "r86.jsonl", "r95.jsonl", "r96.jsonl", "r101.jsonl",
                  "r102.jsonl", "r105.jsonl", "r106.jsonl", "r111.jsonl", "r112.jsonl",
                  "r117.jsonl", "r118.jsonl", "r123.jsonl", "r124.jsonl", "r129.jsonl",
                  "r130.jsonl", "r135.jsonl", "r136.jsonl", "r141.jsonl", "r142.jsonl",
                  "r147.jsonl", "r148.jsonl", "r151.jsonl", "r153.jsonl",
                  "r155.jsonl", "r158.jsonl", "r161.jsonl", "r162.jsonl", "r163.jsonl",
                  "r164.jsonl", "r165.jsonl", "r169.jsonl", "r171.jsonl", "r173.jsonl",
                  "r175.jsonl", "r177.jsonl", "r179.jsonl", "r181.jsonl", "r183.jsonl",
                  "r185.jsonl", "r189.jsonl", "r193.jsonl", "r197.jsonl",
                  "r201.jsonl", "r205.jsonl", "r209.jsonl", "r211.jsonl", "r213.jsonl",
                  "r215.jsonl", "r217.jsonl", "r219.jsonl", "r221.jsonl",
                  "r223.jsonl", "r225.jsonl", "r227.jsonl", "r229.jsonl", "r231.jsonl",
                  "r233.jsonl", "r235.jsonl", "r237.jsonl", "r239.jsonl",
                  "r241.jsonl", "r243.jsonl", "r245.jsonl", "r247.jsonl",
                  "r249.jsonl", "r251.jsonl", "r253.jsonl", "r255.jsonl",
                  "r257.jsonl", "r259.jsonl", "r261.jsonl", "r263.jsonl",
                  "r265.jsonl", "r267.jsonl", "r269.jsonl", "r271.jsonl",
                  "r273.jsonl", "r275.jsonl", "r277.jsonl", "r279.jsonl",
                  "r281.jsonl", "r283.jsonl", "r285.jsonl", "r287.jsonl",
                  "r289.jsonl", "r291.jsonl", "r293.jsonl", "r295.jsonl",
                  "r297.jsonl", "r299.jsonl", "r301.jsonl", "r303.jsonl",
                  "r305.jsonl", "r307.jsonl", "r309.jsonl", "r311.jsonl",
                  "r313.jsonl", "r315.jsonl", "r317.jsonl", "r319.jsonl",
                  "r321.jsonl", "r323.jsonl", "r325.jsonl", "r327.jsonl",
                  "r329.jsonl", "r331.jsonl", "r333.jsonl", "r335.jsonl",
                  "r337.jsonl", "r339.jsonl", "r341.jsonl", "r343.jsonl",
                  "r345.jsonl", "r347.jsonl", "r349.jsonl", "r351.jsonl",
                  "r353.jsonl", "r355.jsonl", "r357.jsonl", "r359.jsonl",
                  "r369.jsonl", "r371.jsonl", "r373.jsonl", "r375.jsonl",
                  "r377.jsonl", "r379.jsonl", "r381.jsonl", "r383.jsonl",
                  "escalation-dev.jsonl")
OUT = ROOT / "config" / "safety" / "model" / "safety-model.json.gz"
# The tests' messages are promises: weighted in the fit, the model learns them, so step 6
# need not move a threshold for every message to keep one of them (session 13).
TEST_WEIGHT = 3.0
# letter pieces across words since session 11: they caught more in grouped cross-validation
SPEC = FeatureSpec(words=(1, 2), chars=(3, 5), text=(4, 6))
C = 8.0  # inverse regularization strength, chosen by cross-validation (2, 4, 8, 16, 32 tried)
FOLDS = 8  # groups of whole sets for the cross-validation (0: one fold a set, ~10x slower)
PRUNE = 0.02  # a feature whose weights all lie within this of zero is left out of the file
SCALE = 10000  # weights are stored as integers in ten-thousandths
MAX_ADDED = 0.015  # false escalations the model may add to the rules' own, on average
GRID = [round(0.30 + 0.025 * i, 3) for i in range(28)]  # thresholds tried: 0.30 .. 0.975
NONE_GRID = (0.8, 0.85, 0.9, 0.925, 0.95, 0.96, 0.97, 0.98, 0.99)  # none_over_weak_cues tried


@dataclass(frozen=True)
class Line:
    set: str
    text: str
    lang: str | None
    label: str
    normalized: str
    rules: str  # the rules' verdict
    refinable: bool = False  # rules say emergency, and no cue that fired outranks a crisis
    weak: bool = False  # rules escalate, only weaker cues fired and none outranks a crisis
    weight: float = 1.0  # in the fit: the tests' messages count TEST_WEIGHT times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=Path, help="cue directory (default config/safety)")
    parser.add_argument("--out", type=Path, default=OUT, help="weights file to write")
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    parser.add_argument("--max-added", type=float, default=MAX_ADDED,
                        help="highest average false escalation the model may add to the "
                             "rules' own when picking thresholds")
    parser.add_argument("--c", type=float, default=C, help="inverse regularization strength")
    parser.add_argument("--folds", type=int, default=FOLDS,
                        help="cross-validate over this many groups of whole sets (each set "
                             "still scored by a model that never saw it); 0 for one fold a "
                             "set: slower, with a little more training data a fold")
    parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    args = parser.parse_args(argv)

    cue_set = dataclasses.replace(load_cues(args.cues), model=None)  # the rules alone
    sentences = test_sentences(cue_set)
    lines = read_lines(source_files(), cue_set) + sentences
    report: list[str] = [f"{len(lines)} lines from {len({x.set for x in lines})} sets; "
                         f"features {SPEC}; C={args.c}", ""]
    folds = sorted({x.set for x in lines if x.set != "training"})
    probabilities = cross_validate(lines, fold_groups(folds, args.folds), args.c)
    thresholds = pick_thresholds(lines, folds, probabilities, args.max_added)
    over = pick_crisis_over_emergency(lines, folds, probabilities)
    veto = pick_none_over_weak_cues(lines, folds, probabilities)
    fit = train(lines, args.c)
    weights = {f: w for f, w in fit.weights.items() if max(map(abs, w)) >= PRUNE}
    final = SafetyModel.from_vectors("(final)", SPEC, fit.bias, weights)
    thresholds, over, veto, moved = keep_test_verdicts(final, sentences, thresholds, over,
                                                       veto, cue_set.model_min_words)
    report += cv_table(lines, folds, probabilities, thresholds, over, veto)
    report += veto_check(lines, folds, probabilities)
    report += ["", *moved] if moved else []
    report += ["", f"thresholds: emergency {thresholds['emergency']}, "
                   f"crisis {thresholds['crisis']}; crisis_over_emergency {over}; "
                   f"none_over_weak_cues {veto}",
               f"weights kept: {len(weights)} of {len(fit.weights)} features "
               f"(|w| >= {PRUNE})"]
    if not args.dry_run:
        picked = {**thresholds, "crisis_over_emergency": over, "none_over_weak_cues": veto}
        size = write(args.out, fit.bias, weights, lines, picked, args.c)
        report.append(f"wrote {args.out} ({size / 1e6:.2f} MB)")
    text = "\n".join(report)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    return 0


def source_files() -> list[Path]:
    """Every labelled file under tests/safety/data/, sorted, but the sets kept for measuring."""
    files = sorted(p for p in DATA.rglob("*.jsonl") if MEASURE not in p.parents)
    for path in files:
        if path.name in HELD_OUT_NAMES:
            raise SystemExit(f"refusing to train on {path}: it is held out for the final measure")
    return files


def read_lines(files: list[Path], cue_set: CueSet) -> list[Line]:
    lines, kinds = [], cue_kinds(cue_set)
    for path in files:
        name = "training" if OWN_LINES in path.parents else path.stem
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            row = json.loads(raw)
            if row.get("label") not in LEVELS:
                raise SystemExit(f"{path} line {number}: label must be one of {LEVELS}")
            rules, refinable, weak = rules_verdict(row["text"], row.get("lang"), cue_set, kinds)
            lines.append(Line(name, row["text"], row.get("lang"), row["label"],
                              cue_set.normalizer(row["text"]), rules, refinable, weak))
    return lines


@dataclass(frozen=True)
class CueKinds:
    outranking: frozenset[str]  # emergency cues that keep a message an emergency (911 first)
    strong: frozenset[str]  # cues that fire alone (weight at the threshold or above)


def cue_kinds(cue_set: CueSet) -> CueKinds:
    return CueKinds(frozenset(cue.id for cue in cue_set.cues if cue.outranks_crisis),
                    frozenset(cue.id for cue in cue_set.cues if cue_set.fires_alone(cue)))


def rules_verdict(text: str, lang: str | None, cue_set: CueSet,
                  kinds: CueKinds) -> tuple[str, bool, bool]:
    """The rules' level; whether the model may call it a crisis (assess() does so when the
    level is emergency and no cue that fired outranks a crisis); and whether the model's
    "none" may overrule it (an escalation, only weaker cues fired, none outranks a crisis)."""
    assessment = assess(text, lang, cues=cue_set)
    fired = set(assessment.signals)
    urgent = bool(kinds.outranking & fired)
    return (assessment.level,
            assessment.level == "emergency" and not urgent,
            assessment.level != "none" and not urgent and not kinds.strong & fired)


def test_sentences(cue_set: CueSet) -> list[Line]:
    """The messages the safety tests check, as lines of the "training" set: the families and
    look-alikes written after each probe round teach the model what the cues were taught,
    above all which harmless messages must stay "none".

    Each is labelled with the verdict its test asserts where the test names it (an
    `expected` parameter), else with the verdict the cues give it (a test without that
    parameter asserts the cues' own verdict). A message whose test expects what only the
    cues and the model together give must not be taught as the cues' verdict: step 6 would
    then push a threshold up until the model stops giving the very verdict the test asserts.
    """
    import contextlib
    import io

    import pytest

    asserted: dict[str, tuple[str | None, str | None]] = {}

    class Collector:
        def pytest_collection_modifyitems(self, items):
            for item in items:
                spec = getattr(item, "callspec", None)
                if spec is None or item.module.__name__.rsplit(".", 1)[-1] in NOT_SENTENCES:
                    continue
                case = asserted_case(spec.params)
                if case is not None:
                    asserted[case[0]] = case[1:]

    with contextlib.redirect_stdout(io.StringIO()):
        pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", str(TESTS)],
                     plugins=[Collector()])
    return labelled_test_lines(asserted, cue_set)


def asserted_case(params: dict) -> tuple[str, str | None, str | None] | None:
    """(text, the level the test asserts or None, lang) of one parametrized test: its message
    is the `text` parameter (`expected` and `lang` beside it), or the "text" of a labelled
    `row` read from a JSONL file (its "label" and "lang"), as the routine-answers test
    takes them. None when the test has no message."""
    row = params.get("row")
    if "text" not in params and isinstance(row, dict):
        params = {"text": row.get("text"), "expected": row.get("label"), "lang": row.get("lang")}
    text, expected, lang = params.get("text"), params.get("expected"), params.get("lang")
    if not isinstance(text, str) or not text.strip():
        return None
    return (text, expected if expected in LEVELS else None,
            lang if isinstance(lang, str) else None)


def labelled_test_lines(asserted: dict[str, tuple[str | None, str | None]],
                        cue_set: CueSet) -> list[Line]:
    """Lines for the tests' messages: text -> (the level the test asserts or None, lang)."""
    lines, kinds = [], cue_kinds(cue_set)
    for text in sorted(asserted):
        expected, lang = asserted[text]
        rules, refinable, weak = rules_verdict(text, lang, cue_set, kinds)
        lines.append(Line("training", text, lang, expected or rules, cue_set.normalizer(text),
                          rules, refinable, weak, TEST_WEIGHT))
    return lines


def vectors(lines: list[Line]) -> list[dict[str, float]]:
    """Each line's features, each block scaled to unit length, as SafetyModel reads them."""
    rows = []
    for line in lines:
        row: dict[str, float] = {}
        for block in SPEC.extract(line.normalized):
            for feature in block:
                row[feature] = 1.0 / math.sqrt(len(block))
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Fit:
    """Trained weights, one number per level (in LEVELS order), as sklearn found them."""

    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def model(self) -> SafetyModel:
        return SafetyModel.from_vectors("(memory)", SPEC, self.bias, self.weights)


def train(lines: list[Line], c: float) -> Fit:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(vectors(lines))
    y = [LEVELS.index(line.label) for line in lines]
    fit = LogisticRegression(C=c, max_iter=5000).fit(
        x, y, sample_weight=[line.weight for line in lines])
    assert list(fit.classes_) == [0, 1, 2], "every level needs training lines"
    names = vectorizer.get_feature_names_out()
    weights = {str(name): tuple(float(w) for w in fit.coef_[:, i])
               for i, name in enumerate(names)}
    return Fit(tuple(float(b) for b in fit.intercept_), weights)


def fold_groups(folds: list[str], count: int) -> list[frozenset[str]]:
    """The sets held out together in each round: one a round, or `count` groups dealt in
    sorted order (so neighbouring sets, often written in one session, fall apart)."""
    if count <= 0 or count >= len(folds):
        return [frozenset([fold]) for fold in folds]
    return [frozenset(folds[i::count]) for i in range(count)]


def cross_validate(lines: list[Line], groups: list[frozenset[str]],
                   c: float) -> list[dict[str, float]]:
    """Each line's probabilities from a model that never saw its set (own lines: none)."""
    probabilities: list[dict[str, float]] = [{} for _ in lines]
    for group in groups:
        model = train([x for x in lines if x.set not in group], c).model()
        for i, line in enumerate(lines):
            if line.set in group:
                probabilities[i] = model.probabilities(line.normalized)
    return probabilities


def verdict(probabilities: dict[str, float], thresholds: dict[str, float]) -> str:
    """The model's verdict alone, as assess() would take it: a level or "none"."""
    return level_passing(probabilities, thresholds) or "none"


def combined(line: Line, probabilities: dict[str, float], thresholds: dict[str, float],
             over: float | None, veto: float | None = None) -> str:
    """Rules and model as assess() combines them: the model speaks when the rules say none,
    may overrule an escalation built only from weaker cues (none_over_weak_cues), and may
    turn a refinable emergency into a crisis (settings.yaml crisis_over_emergency)."""
    if line.rules == "none":
        return verdict(probabilities, thresholds)
    if line.weak and veto is not None and probabilities["none"] >= veto:
        return "none"
    if line.refinable and over is not None and reads_crisis(probabilities, over):
        return "crisis"
    return line.rules


def figures(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Emergency recall, crisis recall, false escalation for (label, got) pairs."""
    def share(label: str, good) -> float:
        chosen = [got for lab, got in pairs if lab == label]
        return sum(map(good, chosen)) / len(chosen) if chosen else math.nan
    return (share("emergency", lambda g: g == "emergency"),
            share("crisis", lambda g: g == "crisis"),
            share("none", lambda g: g != "none"))


def outcomes(lines: list[Line], probabilities: list[dict[str, float]],
             thresholds: dict[str, float], fold: str, over: float | None = None,
             veto: float | None = None) -> dict[str, list[tuple[str, str]]]:
    rules, alone, both = [], [], []
    for line, probs in zip(lines, probabilities, strict=True):
        if line.set != fold:
            continue
        rules.append((line.label, line.rules))
        alone.append((line.label, verdict(probs, thresholds)))
        both.append((line.label, combined(line, probs, thresholds, over, veto)))
    return {"rules": rules, "model": alone, "rules+model": both}


def pick_thresholds(lines: list[Line], folds: list[str], probabilities: list[dict[str, float]],
                    max_added: float) -> dict[str, float]:
    """The thresholds with the best average model-alone recall (the share of positives the
    model would catch were the rules to miss them) whose false escalations added to the
    rules' own (harmless lines the rules let through and the model escalates) average at
    most max_added over the held-out sets; ties go to the higher thresholds.

    The rules' own false escalations are left out of the budget because the rules were
    tuned on these very sets: on them they look cleaner than on new messages."""
    per_fold = {fold: [(line.label, probs) for line, probs in zip(lines, probabilities,
                                                                   strict=True)
                       if line.set == fold] for fold in folds}
    rules_none = {fold: [probs for line, probs in zip(lines, probabilities, strict=True)
                         if line.set == fold and line.label == "none" and line.rules == "none"]
                  for fold in folds}
    nones = {fold: sum(label == "none" for label, _ in rows) for fold, rows in per_fold.items()}
    best: tuple[float, float, float] | None = None
    for te in GRID:
        for tc in GRID:
            thresholds = {"emergency": te, "crisis": tc}
            added = _mean([sum(verdict(p, thresholds) != "none" for p in rules_none[f])
                           / nones[f] for f in folds if nones[f]])
            if added > max_added + 1e-9:
                continue
            recall = 0.0
            for level in ("emergency", "crisis"):
                recall += _mean([_share([verdict(p, thresholds) == level
                                         for label, p in per_fold[f] if label == level])
                                 for f in folds])
            key = (recall, te + tc, te)
            if best is None or key > best:
                best = key
    if best is None:
        return {"emergency": GRID[-1], "crisis": GRID[-1]}
    te = best[2]
    return {"emergency": te, "crisis": round(best[1] - te, 3)}


def pick_crisis_over_emergency(lines: list[Line], folds: list[str],
                               probabilities: list[dict[str, float]]) -> float | None:
    """The crisis_over_emergency value with the best average emergency recall plus crisis
    recall of rules + model over the held-out sets (None: never; ties go to the higher
    value). It moves lines between the two levels only, so false escalation is unchanged."""
    refinable = {fold: [(line.label, probs) for line, probs in zip(lines, probabilities,
                                                                    strict=True)
                        if line.set == fold and line.refinable] for fold in folds}
    positives = {fold: {level: sum(line.set == fold and line.label == level for line in lines)
                        for level in ("emergency", "crisis")} for fold in folds}
    best: tuple[float, float] | None = None
    for over in [*GRID, None]:
        gained = []
        for fold in folds:
            moved = [label for label, p in refinable[fold]
                     if over is not None and reads_crisis(p, over)]
            # each crisis line moved is one crisis caught, each emergency one an emergency lost
            count = positives[fold]
            gained.append((moved.count("crisis") / count["crisis"] if count["crisis"] else 0.0)
                          - (moved.count("emergency") / count["emergency"]
                             if count["emergency"] else 0.0))
        key = (round(_mean(gained), 9), 1.0 if over is None else over)
        if best is None or key > best:
            best = key
    return None if best is None or best[1] == 1.0 else best[1]


def pick_none_over_weak_cues(lines: list[Line], folds: list[str],
                             probabilities: list[dict[str, float]]) -> float | None:
    """A none_over_weak_cues value at which, over all held-out sets, the model's "none"
    overrules no true escalation built from weaker cues and at least one false one: one
    step of NONE_GRID above the lowest such value, a margin for messages unlike the held-out
    ones. None when there is no such value. A lost emergency costs more than a false alarm,
    so the budget for losses is zero."""
    weak = [(line.label, probs["none"]) for line, probs in zip(lines, probabilities,
                                                                strict=True)
            if line.set in folds and line.weak]
    safe = []  # values that lose nothing, from the highest down
    for value in sorted(NONE_GRID, reverse=True):
        overruled = [label for label, p_none in weak if p_none >= value]
        if any(label != "none" for label in overruled):
            break
        if overruled:
            safe.append(value)
    return safe[-2] if len(safe) >= 2 else None


def keep_test_verdicts(model: SafetyModel, sentences: list[Line],
                       thresholds: dict[str, float], over: float | None, veto: float | None,
                       min_words: int) -> tuple[dict[str, float], float | None, float | None,
                                                list[str]]:
    """The settings moved up, each along its own grid, until cues and model together give
    every test message its asserted verdict (Line.label); and a line per move, naming the
    message. A test that asserts a harmless verdict is a promise to residents ("not going
    to kill myself over a parking ticket lol" stays none): a pick made on held-out sets
    does not break it."""
    thresholds, moved = dict(thresholds), []
    probabilities = [model.probabilities(line.normalized) for line in sentences]
    for _ in range(len(GRID) * 4):
        wrong = next(((line, p, got) for line, p in zip(sentences, probabilities, strict=True)
                      if _model_speaks(line, min_words)
                      and (got := combined(line, p, thresholds, over, veto)) != line.label),
                     None)
        if wrong is None:
            return thresholds, over, veto, moved
        line, p, got = wrong
        if line.rules == "none":  # the model escalated a message the tests keep harmless
            raised = _above(GRID, p[got])
            if raised is None:
                raise SystemExit(f"no {got} threshold keeps {line.text!r} harmless")
            thresholds[got] = raised
            what = f"{got} threshold -> {thresholds[got]}"
        elif got == "none":  # the model overruled an escalation the tests assert
            veto = _above(NONE_GRID, p["none"])
            what = f"none_over_weak_cues -> {veto}"
        else:  # the model turned an emergency the tests assert into a crisis
            over = _above(GRID, p["crisis"])
            what = f"crisis_over_emergency -> {over}"
        moved.append(f"kept a test's verdict ({line.label}): {what} for {line.text!r}")
    raise SystemExit("could not keep the tests' verdicts: " + "; ".join(moved[-3:]))


def _model_speaks(line: Line, min_words: int) -> bool:
    """assess() asks the model about a message the cues call none only from min_words on."""
    return line.rules != "none" or line.normalized.count(" ") + 1 >= min_words


def _above(grid: Sequence[float], value: float) -> float | None:
    """The lowest grid value above `value`; None (the setting off) past the grid's end."""
    return next((step for step in grid if step > value + 1e-9), None)


def veto_check(lines: list[Line], folds: list[str], probabilities: list[dict[str, float]]
               ) -> list[str]:
    """What a model veto of any rules escalation would do (not used: only an escalation built
    from weaker cues may be overruled, none_over_weak_cues)."""
    out = ["", "if the model could veto any rules escalation when P(none) >= x "
               "(held-out sets; not used, a strong cue's verdict stands):"]
    held_out = [(line, probs) for line, probs in zip(lines, probabilities, strict=True)
                if line.set in folds and line.rules != "none"]
    for x in (0.8, 0.9, 0.95, 0.97, 0.98, 0.99):
        vetoed = [line for line, probs in held_out if probs["none"] >= x]
        lost = [line.label for line in vetoed if line.label != "none"]
        out.append(f"  x={x}: {len(vetoed) - len(lost)} false escalations removed, "
                   f"{lost.count('emergency')} emergencies and {lost.count('crisis')} crises "
                   f"lost")
    return out


def cv_table(lines: list[Line], folds: list[str], probabilities: list[dict[str, float]],
             thresholds: dict[str, float], over: float | None,
             veto: float | None = None) -> list[str]:
    kinds = ("rules", "model", "rules+model")
    out = ["cross-validation (each set held out) at the chosen thresholds "
           "(emergency recall / crisis recall / false escalation on none)",
           f"{'held-out set':<14}{'lines':>6}  " + "".join(f"{k:<23}" for k in kinds)]
    totals: dict[str, list[tuple[float, float, float]]] = {k: [] for k in kinds}
    for fold in folds:
        per_kind = outcomes(lines, probabilities, thresholds, fold, over, veto)
        cells = []
        for kind in kinds:
            numbers = figures(per_kind[kind])
            totals[kind].append(numbers)
            cells.append(_cell(numbers))
        out.append(f"{fold:<14}{len(per_kind['rules']):>6}  " + "".join(cells))
    means = [_cell(tuple(_mean([t[i] for t in totals[k]]) for i in range(3))) for k in kinds]
    out.append(f"{'average':<14}{'':>6}  " + "".join(means))
    out.append("rules alone were tuned on every one of these sets; the model column says how "
               "much of each held-out set the model catches by itself")
    return out


def write(path: Path, bias: tuple[float, ...], weights: dict[str, tuple[float, ...]],
          lines: list[Line], thresholds: dict[str, float], c: float) -> int:
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.set] = counts.get(line.set, 0) + 1
    data = {
        "schema_version": SCHEMA_VERSION,
        "levels": list(LEVELS),
        "features": {"words": list(SPEC.words), "chars": list(SPEC.chars),
                     **({"text": list(SPEC.text)} if SPEC.text else {})},
        "scale": SCALE,
        "trained": {"by": "tools/train_safety_model.py", "c": c, "prune": PRUNE,
                    "lines": counts, "cv_thresholds": thresholds},
        "bias": [round(b * SCALE) for b in bias],
        "weights": {f: [round(v * SCALE) for v in w] for f, w in sorted(weights.items())},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, separators=(",", ":"), sort_keys=False).encode("utf-8")
    # mtime=0: the same weights give the same bytes
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0,
                                               filename="") as gz:
        gz.write(raw)
    return path.stat().st_size


def _cell(numbers: tuple[float, float, float]) -> str:
    e, c, f = numbers
    return f"{_pct(e)} / {_pct(c)} / {f:5.1%}".ljust(23)


def _pct(value: float) -> str:
    return "  -  " if math.isnan(value) else f"{value:.3f}"


def _share(hits: list[bool]) -> float:
    return sum(hits) / len(hits) if hits else math.nan


def _mean(values: list[float]) -> float:
    real = [v for v in values if not math.isnan(v)]
    return sum(real) / len(real) if real else math.nan


if __name__ == "__main__":
    sys.exit(main())
