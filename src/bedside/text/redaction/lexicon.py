"""Name frequency lists: the 1990 US Census first- and last-name lists, read from the ``names`` package.

The Census lists are a US government work (public domain); the ``names`` package (MIT) ships them as
``dist.male.first``, ``dist.female.first`` and ``dist.all.last``. We read them from the installed
package at start-up instead of copying them, and keep each name's frequency rank: a rare surname
(rank beyond :data:`COMMON_SURNAME_RANK`) is only trusted after a strong cue.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

logger = logging.getLogger(__name__)

COMMON_SURNAME_RANK = 20_000
_SOURCE_PACKAGE = "names"
_PREFIX_APOSTROPHE = re.compile(r"^[a-z]{1,2}['\u2019][a-z]")


@dataclass(frozen=True)
class NameLexicon:
    """Lower-cased first names and last names with their frequency ranks (1 = most common)."""

    first_names: dict[str, int]
    last_names: dict[str, int]
    # Share of the US population carrying each name (first names: half the sex-specific share).
    shares: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

    def is_first(self, word: str) -> bool:
        return _key(word) in self.first_names

    def is_last(self, word: str, max_rank: int | None = None) -> bool:
        rank = self.last_names.get(_key(word))
        return rank is not None and (max_rank is None or rank <= max_rank)

    def is_name(self, word: str) -> bool:
        key = _key(word)
        return key in self.first_names or key in self.last_names

    def is_common_name(self, word: str) -> bool:
        return self.is_first(word) or self.is_last(word, COMMON_SURNAME_RANK)


def _key(word: str) -> str:
    """Census spelling: no apostrophes ("O'Brien" is listed as OBRIEN)."""
    return word.replace("'", "").replace("’", "") if "'" in word or "’" in word else word


def _read_ranked(filename: str, shares: dict[str, float], scale: float) -> dict[str, int]:
    """Name -> rank; adds each name's population share (percent column x ``scale``) to ``shares``."""
    ranked: dict[str, int] = {}
    text = resources.files(_SOURCE_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[3].isdigit():
            name = parts[0].lower()
            ranked.setdefault(name, int(parts[3]))
            try:
                shares[name] = shares.get(name, 0.0) + float(parts[1]) * scale / 100.0
            except ValueError:
                continue
    return ranked


@lru_cache(maxsize=1)
def census_lexicon() -> NameLexicon:
    """The Census name lists (loaded once per process; the result is read-only)."""
    shares: dict[str, float] = {}
    first = _read_ranked("dist.female.first", shares, 0.5)
    for name, rank in _read_ranked("dist.male.first", shares, 0.5).items():
        first[name] = min(rank, first.get(name, rank))
    last = _read_ranked("dist.all.last", shares, 1.0)
    logger.debug("loaded %d first names and %d last names", len(first), len(last))
    return NameLexicon(first_names=first, last_names=last, shares=shares)
