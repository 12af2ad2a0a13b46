"""Fast matching of word phrases against prepared tokens.

Phrases are tokenised with the same tokenizer as messages, indexed by their first token, and matched
in one pass over the tokens with a dictionary lookup per token. A set-disjointness check on the
message's distinct words skips the pass entirely when no phrase can start (the common case).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bedside.text.prepared import PreparedText


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The lower-cased tokens of ``phrase``, as messages are tokenised."""
    return tuple(PreparedText(phrase).words)


class PhraseMatcher:
    """Finds occurrences of many phrases, each with an attached value (e.g. the rule it belongs to)."""

    __slots__ = ("_index", "heads", "phrases")

    def __init__(self, phrases: Iterable[tuple[str, object]]) -> None:
        index: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        stored: list[tuple[str, object]] = []
        for phrase, value in phrases:
            tokens = phrase_tokens(phrase)
            if not tokens:
                raise ValueError(f"phrase {phrase!r} has no words")
            index.setdefault(tokens[0], []).append((tokens, value))
            stored.append((phrase, value))
        for candidates in index.values():  # longest first, so "thanks a lot" wins over "thanks"
            candidates.sort(key=lambda item: -len(item[0]))
        self._index = index
        self.heads = frozenset(index)
        self.phrases = tuple(stored)

    def could_match(self, prepared: PreparedText) -> bool:
        """Cheap check: does any phrase's first word occur in the message?"""
        return not self.heads.isdisjoint(prepared.word_set)

    def finditer(
        self, prepared: PreparedText, begin: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, tuple[str, ...], object]]:
        """Yield ``(first_token, last_token, phrase_tokens, value)`` for each match, left to right.

        Only the positions of words that start some phrase are visited (set intersection first), so
        the cost follows the number of candidate words, not the length of the message.
        """
        common = self.heads.intersection(prepared.word_set)
        if not common:
            return
        words = prepared.words
        stop = len(words) if end is None else end
        positions = prepared.positions
        if len(common) == 1:
            candidates_at = positions[next(iter(common))]
        else:
            candidates_at = sorted(i for word in common for i in positions[word])
        index = self._index
        free = begin
        for i in candidates_at:
            if i < free or i >= stop:
                continue
            for tokens, value in index[words[i]]:
                n = len(tokens)
                if n == 1 or (i + n <= stop and tuple(words[i : i + n]) == tokens):
                    yield i, i + n - 1, tokens, value
                    free = i + n
                    break

    def first(self, prepared: PreparedText) -> tuple[int, int, tuple[str, ...], object] | None:
        """The first match, or ``None``."""
        if self.heads.isdisjoint(prepared.word_set):
            return None
        return next(self.finditer(prepared), None)
