"""Word lists shipped as data files whose header names where they came from.

A lexicon file is UTF-8 text. It opens with ``#`` header lines of ``key: value`` pairs, of which
``source`` and ``licence`` are required (so every list can be traced and attributed), followed by one
entry per line: a word or phrase, optionally a tab and a number (a weight). Blank lines and further
``#`` lines are ignored. Files are read from a package's ``data`` folder with :mod:`importlib.resources`,
so they work from a wheel; :func:`load_lexicon` caches them (they are read once per process).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

REQUIRED_HEADERS = ("source", "licence")


class LexiconError(ValueError):
    """A lexicon file is missing, lacks its source / licence header, or has a malformed line."""


@dataclass(frozen=True)
class Lexicon:
    """A named word list with its provenance; ``weights`` holds the optional numbers per entry."""

    name: str
    source: str
    licence: str
    entries: frozenset[str]
    weights: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    headers: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __contains__(self, word: object) -> bool:
        return word in self.entries

    def __len__(self) -> int:
        return len(self.entries)


def parse_lexicon(name: str, content: str) -> Lexicon:
    """Parse the text of a lexicon file; ``name`` is used in error messages."""
    headers: dict[str, str] = {}
    entries: set[str] = set()
    weights: dict[str, float] = {}
    in_header = True
    for number, raw in enumerate(content.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if in_header and ":" in line:
                key, _, value = line[1:].partition(":")
                headers[key.strip().lower()] = value.strip()
            continue
        in_header = False
        word, _, weight = line.partition("\t")
        word = word.strip().lower()
        if not word:
            raise LexiconError(f"lexicon {name!r} line {number}: empty entry")
        entries.add(word)
        if weight.strip():
            try:
                weights[word] = float(weight)
            except ValueError as exc:
                raise LexiconError(f"lexicon {name!r} line {number}: weight {weight!r} is not a number") from exc
    missing = [key for key in REQUIRED_HEADERS if not headers.get(key)]
    if missing:
        raise LexiconError(
            f"lexicon {name!r} must start with header lines naming its {' and '.join(missing)} "
            f"(e.g. '# source: ...', '# licence: ...')"
        )
    return Lexicon(
        name=name,
        source=headers["source"],
        licence=headers["licence"],
        entries=frozenset(entries),
        weights=weights,
        headers=headers,
    )


@cache
def load_lexicon(name: str, package: str = "bedside.text") -> Lexicon:
    """Load ``<package>/data/<name>.txt`` (cached)."""
    resource = files(package) / "data" / f"{name}.txt"
    try:
        content = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"no lexicon named {name!r} in {package}/data") from exc
    return parse_lexicon(name, content)
