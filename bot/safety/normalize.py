"""Turn a resident's message into the plain form the cues are written against.

The result is lowercase ASCII words and punctuation marks separated by single spaces:
accents stripped, apostrophes dropped ("he's" -> "hes"), leetspeak undone ("kn1fe"),
masked letters restored ("g*n" -> "gun", "su.cide" -> "suicide", "k-ll" -> "kill"),
spaced-out letters joined ("k n i f e"), words typed without spaces split ("iwanttodie"),
stretched letters shrunk ("hellllp"), SMS abbreviations expanded ("rn" -> "right now") and
common misspellings corrected.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Sentence punctuation survives as its own word; a newline reads as a full stop.
_PUNCT = ".!?;:,"
_TOKEN = re.compile(r"[a-z0-9$@|!']+|[.?;:,\n]")
_DOTTED = re.compile(r"(?<![a-z0-9])(?:[a-z0-9$@][.\-_*]){2,}[a-z0-9$@](?![a-z0-9])")
_SEPARATORS = re.compile(r"[.\-_*]")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_NUMBER_WORD = re.compile(r"\d+[a-z]{0,3}")  # 35th, 6am, 2nd: numbers, not leetspeak
_LETTER = re.compile(r"[a-z]")
_FREE_SINGLES = frozenset("aiu")  # one-letter words that may sit next to a spaced-out word
# A run of letters this long that is no known word may be words typed without spaces; it
# is read as words only when it splits into three or more (not 'back firing', 'ware house').
_JOINED_MIN = 14
_JOINED_MAX = 320  # two SMS of letters; a longer run costs ~15 ms a 1,000 letters to split
_MASK_CACHE_SIZE = 4096


@dataclass(frozen=True)
class NormalizationRules:
    """The normalization section of settings.yaml, already checked."""

    characters: Mapping[str, str] = field(default_factory=dict)
    # (pattern, replacement, pieces of text one of which any match contains, or None)
    replacements: tuple[tuple[re.Pattern[str], str, frozenset[str] | None], ...] = ()
    leetspeak: Mapping[str, str] = field(default_factory=dict)
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    # abbreviation -> words after which it is left as written ("tab sis" is Hmong "but")
    abbreviation_exceptions: Mapping[str, frozenset[str]] = field(default_factory=dict)
    spelling: Mapping[str, str] = field(default_factory=dict)
    fuzzy_keywords: frozenset[str] = frozenset()
    not_typos: frozenset[str] = frozenset()
    mask_characters: str = ""
    mask_stretch: str = ""
    masked_words: frozenset[str] = frozenset()
    other_masked_words: frozenset[str] = frozenset()


class Normalizer:
    """Callable text -> normalized text; build once, reuse for every message."""

    def __init__(self, rules: NormalizationRules, vocabulary: Iterable[str] = ()):
        self._rules = rules
        self._chars = str.maketrans(dict(rules.characters))
        self._leet = str.maketrans(dict(rules.leetspeak))
        self._leet_chars = frozenset(rules.leetspeak)
        self.vocabulary = frozenset(vocabulary) | frozenset(rules.spelling.values())
        self._typos = _typo_index(rules.fuzzy_keywords)
        self._masked = _MaskedWords(rules, self.vocabulary, self._leet)
        self._known = self.vocabulary | _FREE_SINGLES | frozenset(rules.abbreviations)
        self._longest = max(map(len, self._known), default=1)

    def __call__(self, text: str) -> str:
        # Most messages are plain ASCII: nothing to decompose, and lower() is casefold().
        if text.isascii():
            text = text.lower()
        else:
            text = unicodedata.normalize("NFKD", text)
            text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
        text = text.translate(self._chars)
        text = self._masked.restore(text)
        # A pattern runs only when the text holds a piece every match needs: most do not,
        # and each regex run costs more than the test, above all when caches are cold.
        for pattern, replacement, needs in self._rules.replacements:
            if needs is None or any(piece in text for piece in needs):
                text = pattern.sub(replacement, text)
        text = _DOTTED.sub(lambda m: _SEPARATORS.sub("", m.group()), text)
        words: list[str] = []
        keep_after = self._rules.abbreviation_exceptions
        for token in self._join_spaced(self._tokenize(text)):
            if words and words[-1] in keep_after.get(token, ()):
                words.append(token)
                continue
            if (_JOINED_MIN <= len(token) <= _JOINED_MAX and token not in self._known
                    and token.isalpha()):
                pieces = self._segment(token)
                if len(pieces) >= 3:
                    for piece in pieces:
                        words.extend(self._word(piece).split())
                    continue
            words.extend(self._word(token).split())
        return " ".join(words)

    def _tokenize(self, text: str) -> list[str]:
        tokens: list[str] = []
        for raw in _TOKEN.findall(text):
            if raw == "\n":
                raw = "."
            core = raw.strip("!'")
            if core:
                tokens.append(core.replace("'", ""))
            if "!" in raw and raw.rstrip("!") != raw:
                tokens.append("!")
        return [t for i, t in enumerate(tokens)
                if not (t in _PUNCT and i and tokens[i - 1] == t)]

    def _join_spaced(self, tokens: list[str]) -> list[str]:
        """'s t e a l i n g' -> 'stealing': three or more one-character words in a row."""
        out: list[str] = []
        run: list[str] = []
        for token in [*tokens, ""]:
            if len(token) == 1 and token not in _PUNCT:
                run.append(token)
                continue
            if len(run) >= 3:
                out.extend(self._segment(self._leetless("".join(run))))
            else:
                out.extend(run)
            run = []
            if token:
                out.append(token)
        return out

    def _segment(self, joined: str) -> list[str]:
        """Split a joined run into known words ('aknife' -> 'a knife', 'iwanttodie' ->
        'i want to die'), the fewest there can be; else keep it whole."""
        if joined in self.vocabulary:
            return [joined]
        known = self._known
        best: list[list[str] | None] = [[]] + [None] * len(joined)
        for end in range(1, len(joined) + 1):
            for start in range(max(0, end - self._longest), end):  # linear in the run
                head = best[start]
                piece = joined[start:end]
                if head is not None and piece in known:
                    if best[end] is None or len(head) + 1 < len(best[end]):
                        best[end] = [*head, piece]
        return best[-1] or [joined]

    def _leetless(self, token: str) -> str:
        if (self._leet_chars.intersection(token) and _LETTER.search(token)
                and not _NUMBER_WORD.fullmatch(token)):
            return token.translate(self._leet)
        return token

    def _word(self, token: str) -> str:
        abbreviations = self._rules.abbreviations
        if token in abbreviations:
            return abbreviations[token]
        token = self._leetless(token)
        if token in abbreviations:
            return abbreviations[token]
        if _STRETCHED.search(token):
            token = self._unstretch(token)
        token = self._rules.spelling.get(token, token)
        return self._correct(token)

    def _unstretch(self, token: str) -> str:
        """'hellllp' -> 'help', 'bloooood' -> 'blood': the known word if there is one."""
        single = _STRETCHED.sub(r"\1", token)
        double = _STRETCHED.sub(r"\1\1", token)
        for candidate in (single, double):
            if candidate in self.vocabulary or candidate in self._rules.spelling:
                return candidate
        return single

    def _correct(self, token: str) -> str:
        """Fix a dropped final g ('bleedin') or one slip in a keyword ('unconcious')."""
        if len(token) < 5 or token in self.vocabulary or token in self._rules.not_typos:
            return token
        if token.endswith("in") and token + "g" in self.vocabulary:
            return token + "g"
        if token in self._typos:
            return self._typos[token]
        for i in range(1, len(token) - 1):
            shorter = token[:i] + token[i + 1:]
            if shorter in self._rules.fuzzy_keywords:
                return shorter
        return token


class _MaskedWords:
    """'g*n' -> 'gun', 'su.cide' -> 'suicide', 'k-ll' -> 'kill', 'self-harm' -> 'selfharm'.

    A word with masking characters (settings.yaml normalization.masking.characters)
    between its letters is read in two ways: the characters only separate letters
    (joined, it must be a word the cues use, of three letters or more), or each run of
    them hides as many letters (one more for the `stretch` characters such as *) and the
    word is one of the danger words people mask (masking.words, plus the fuzzy keywords).
    When the reading is not unique, or the word could as well be a masked swear word
    (masking.other_words: 'sh*t'), the text is left as written.
    """

    def __init__(self, rules: NormalizationRules, vocabulary: frozenset[str],
                 leet: dict[int, str]):
        self._leet = leet
        self._vocabulary = vocabulary
        self._cache: dict[str, str | None] = {}
        chars = rules.mask_characters
        self._stretch = frozenset(rules.mask_stretch)
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(rules.masked_words | rules.fuzzy_keywords
                           | rules.other_masked_words):
            self._by_length.setdefault(len(word), []).append(word)
        self._other = rules.other_masked_words
        self._token = None
        if chars:
            mask = "[" + re.escape(chars) + "]"
            self._mask_run = re.compile(mask + "+")
            self._token = re.compile(
                rf"(?<![a-z0-9$@])[a-z0-9$@]+(?:{mask}+[a-z0-9$@]+)+(?![a-z0-9$@])")

    def restore(self, text: str) -> str:
        if self._token is None:
            return text
        return self._token.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        token = match.group()
        if token not in self._cache:
            if len(self._cache) >= _MASK_CACHE_SIZE:
                self._cache.clear()
            self._cache[token] = self._read(token)
        word = self._cache[token]
        return token if word is None else word

    def _read(self, token: str) -> str | None:
        token = token.translate(self._leet) if _LETTER.search(token) else token
        if len(_LETTER.findall(token)) < 2 or not _LETTER.fullmatch(token[0]):
            return None
        joined = self._mask_run.sub("", token)
        if len(joined) >= 3 and joined in self._vocabulary:
            return joined
        pieces = []
        shortest = longest = 0
        for part in re.split(f"({self._mask_run.pattern})", token):
            if not part:
                continue
            if self._mask_run.fullmatch(part):
                extra = 1 if self._stretch.intersection(part) else 0
                pieces.append(f"[a-z]{{{len(part)},{len(part) + extra}}}")
                shortest += len(part)
                longest += len(part) + extra
            else:
                pieces.append(re.escape(part))
                shortest += len(part)
                longest += len(part)
        wildcard = re.compile("".join(pieces))
        found = {word for length in range(shortest, longest + 1)
                 for word in self._by_length.get(length, ()) if wildcard.fullmatch(word)}
        if len(found) != 1:
            return None
        (word,) = found
        return None if word in self._other else word


def _typo_index(keywords: Iterable[str]) -> dict[str, str]:
    """Each keyword with one inner letter dropped or two neighbours swapped -> the keyword.

    The first letter is never touched (people rarely slip there, and 'beating' minus its b
    is 'eating'); a slip that two keywords share is ambiguous and left out.
    """
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word in keywords:
        variants = {word[:i] + word[i + 1:] for i in range(1, len(word))}
        variants |= {word[:i] + word[i + 1] + word[i] + word[i + 2:]
                     for i in range(1, len(word) - 1) if word[i] != word[i + 1]}
        for variant in variants - {word}:
            if variant in index and index[variant] != word:
                ambiguous.add(variant)
            index[variant] = word
    for variant in ambiguous | set(keywords):
        index.pop(variant, None)
    return index
