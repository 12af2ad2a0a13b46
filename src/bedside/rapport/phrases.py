"""Fast matching of word phrases against prepared tokens.

Phrases are tokenised with the same tokenizer as messages and indexed by their first token. Matching
first narrows the candidates with set operations on the message's distinct words (a phrase can only
occur if every one of its words does), which rejects most messages without a Python-level loop;
only then are the candidate phrases checked at the positions of their first word.
"""

from __future__ import annotations

from collections.abc import Iterable

from bedside.text.prepared import PreparedText

Match = tuple[int, int, tuple[str, ...], object]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The lower-cased tokens of ``phrase``, as messages are tokenised."""
    return tuple(PreparedText(phrase).words)


class PhraseMatcher:
    """Finds occurrences of many phrases, each with an attached value (e.g. the rule it belongs to)."""

    __slots__ = ("_index", "heads", "phrases")

    def __init__(self, phrases: Iterable[tuple[str, object]]) -> None:
        index: dict[str, list[tuple[tuple[str, ...], frozenset[str], object]]] = {}
        stored: list[tuple[str, object]] = []
        for phrase, value in phrases:
            tokens = phrase_tokens(phrase)
            if not tokens:
                raise ValueError(f"phrase {phrase!r} has no words")
            index.setdefault(tokens[0], []).append((tokens, frozenset(tokens), value))
            stored.append((phrase, value))
        for candidates in index.values():  # longest first, so "thanks a lot" wins over "thanks"
            candidates.sort(key=lambda item: -len(item[0]))
        self._index = index
        self.heads = frozenset(index)
        self.phrases = tuple(stored)

    def could_match(self, prepared: PreparedText) -> bool:
        """Cheap check: does any phrase's first word occur in the message?"""
        return not self.heads.isdisjoint(prepared.word_set)

    def matches(self, prepared: PreparedText, begin: int = 0, end: int | None = None) -> list[Match]:
        """``(first_token, last_token, phrase_tokens, value)`` for each match, left to right, not overlapping."""
        word_set = prepared.word_set
        common = self.heads.intersection(word_set)
        if not common:
            return []
        index = self._index
        live: dict[str, list[tuple[tuple[str, ...], frozenset[str], object]]] = {}
        for head in common:
            candidates = [c for c in index[head] if c[1] <= word_set]
            if candidates:
                live[head] = candidates
        if not live:
            return []
        words = prepared.words
        stop = len(words) if end is None else end
        positions = prepared.positions
        if len(live) == 1:
            at = positions[next(iter(live))]
        else:
            at = sorted(i for head in live for i in positions[head])
        found: list[Match] = []
        free = begin
        for i in at:
            if i < free or i >= stop:
                continue
            for tokens, _, value in live[words[i]]:
                n = len(tokens)
                if n == 1 or (i + n <= stop and tuple(words[i : i + n]) == tokens):
                    found.append((i, i + n - 1, tokens, value))
                    free = i + n
                    break
        return found

    def finditer(self, prepared: PreparedText, begin: int = 0, end: int | None = None) -> list[Match]:
        """Alias of :meth:`matches` (kept for readability at call sites that loop)."""
        return self.matches(prepared, begin, end)

    def first(self, prepared: PreparedText) -> Match | None:
        """The first match, or ``None``."""
        found = self.matches(prepared)
        return found[0] if found else None
