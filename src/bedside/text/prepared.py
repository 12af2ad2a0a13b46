"""Text prepared once for every detector: tokens with character offsets, sentences, lower-cased forms.

Like Presidio's ``NlpArtifacts`` but small and our own. One regular-expression pass over the
lower-cased text yields the tokens (words with inner apostrophes, numbers with decimals, times and
ratios such as ``80/40``, bracketed placeholders such as ``[PATIENT]``, runs of ``!`` / ``?``, single
punctuation). Sentences end at ``.``, ``!``, ``?`` runs and at line breaks. Detectors read the lists
directly; everything is computed once in the constructor so they never re-tokenise.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# Order matters: placeholders, words, numbers, punctuation runs, any other symbol. Line breaks are found apart.
_TOKEN_RE = re.compile(
    r"\[[a-z][a-z_ ]*\]"
    r"|[a-z]+(?:['\u2019][a-z]+)*"
    r"|\d+(?:[.:/,]\d+)*%?"
    r"|[!?]+"
    r"|\.+"
    r"|[^\sa-z\d]"
)

# A full stop after these does not end a sentence ("Dr. Lee", "pt. in bed 4").
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "pt", "vs", "approx", "etc", "e", "g", "i", "st", "no"})
_ENDERS = frozenset("!?.")
_ENDER_RE = re.compile(r"[!?.]")


class PreparedText:
    """A message tokenised once: parallel lists ``words`` (lower-cased), ``starts``, ``ends``.

    ``sentences`` holds ``(first_token, end_token)`` index pairs (end exclusive); ``sentence_starts``
    is the set of token indices that open a sentence; ``word_set`` the distinct lower-cased tokens.
    """

    __slots__ = ("text", "lower", "words", "starts", "ends", "sentences", "sentence_starts", "word_set", "_positions")

    def __init__(self, text: str) -> None:
        self.text = text
        lower = text.lower()
        if len(lower) != len(text):  # a few characters (e.g. "İ") change length when lower-cased
            lower = "".join(ch.lower()[0] for ch in text)
        self.lower = lower
        spans = [m.span() for m in _TOKEN_RE.finditer(lower)]
        words = [lower[s:e] for s, e in spans]
        if "\u2019" in lower:
            words = [w.replace("\u2019", "'") for w in words]
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        breaks = [i + 1 for i, w in enumerate(words) if w[0] in _ENDERS] if _ENDER_RE.search(lower) else []
        if "." in lower and breaks:
            breaks = [
                b
                for b in breaks
                if not (
                    words[b - 1] == "." and b > 1 and words[b - 2] in _ABBREVIATIONS and ends[b - 2] == starts[b - 1]
                )
            ]
        if "\n" in text:
            position = text.find("\n")
            while position >= 0:
                breaks.append(bisect_left(starts, position))
                position = text.find("\n", position + 1)
            breaks = sorted(set(breaks))
        sentences: list[tuple[int, int]] = []
        first = 0
        for cut in breaks:
            if cut > first:
                sentences.append((first, cut))
                first = cut
        if len(words) > first:
            sentences.append((first, len(words)))
        self.words = words
        self.starts = starts
        self.ends = ends
        self.sentences = sentences
        self.sentence_starts = frozenset(s for s, _ in sentences)
        self.word_set = frozenset(words)
        self._positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        """Token indices of each distinct word (built on first use, then kept)."""
        positions = self._positions
        if positions is None:
            positions = {}
            for i, word in enumerate(self.words):
                if word in positions:
                    positions[word].append(i)
                else:
                    positions[word] = [i]
            self._positions = positions
        return positions

    def __len__(self) -> int:
        return len(self.words)

    def __repr__(self) -> str:
        return f"PreparedText({self.text!r})"

    def token_text(self, index: int) -> str:
        """The original (not lower-cased) text of token ``index``."""
        return self.text[self.starts[index] : self.ends[index]]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets covering tokens ``first`` to ``last`` inclusive."""
        return self.starts[first], self.ends[last]

    def sentence_of(self, index: int) -> tuple[int, int]:
        """The ``(first, end)`` token range of the sentence containing token ``index``."""
        for first, end in self.sentences:
            if first <= index < end:
                return first, end
        raise IndexError(f"token {index} is outside the text ({len(self.words)} tokens)")

    def find_phrase(self, phrase: tuple[str, ...], begin: int = 0, end: int | None = None) -> int:
        """Index of the first token where the lower-cased ``phrase`` occurs in ``[begin, end)``, or -1."""
        words = self.words
        stop = (len(words) if end is None else end) - len(phrase) + 1
        head = phrase[0]
        for i in range(begin, stop):
            if words[i] == head and tuple(words[i : i + len(phrase)]) == phrase:
                return i
        return -1

    def is_word(self, index: int) -> bool:
        """Whether token ``index`` is alphabetic (a word, not a number, placeholder or symbol)."""
        return self.words[index][0].isalpha()
