"""Word tokens for name detection: offsets, case shape, and the possessive 's split off.

Placeholders left by an earlier redaction ("[PATIENT]") are not words. All-caps words count as
capitalised only when they are in the name lists and are not common words, so "ICU" or "BP" never
start a name while "SMITH" can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bedside.text.redaction.lexicon import NameLexicon
from bedside.text.redaction.vocabulary import COMMON_WORDS

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
PLACEHOLDER_WORD = re.compile(r"\[[A-Z>89]+\]")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the text."""

    start: int
    end: int  # without a possessive 's
    raw: str
    lower: str
    cap: bool  # starts with a capital (all-caps words only when they are known names)
    upper: bool

    @property
    def shape(self) -> str:
        """'upper' (SMITH), 'lower' (smith) or 'title' (Smith, McDonald)."""
        if self.upper:
            return "upper"
        return "title" if self.raw[0].isupper() else "lower"


def tokens(text: str, lexicon: NameLexicon) -> list[Token]:
    """The words of ``text``, in order."""
    out: list[Token] = []
    for m in WORD.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == "[" and PLACEHOLDER_WORD.match(text, m.start() - 1):
            continue  # a placeholder from an earlier redaction is not a word
        raw = m.group()
        end = m.end()
        if raw[-2:] in ("'s", "’s") and len(raw) > 3:
            raw = raw[:-2]
            end -= 2
        lower = raw.lower()
        upper = raw.isupper() and len(raw) > 1
        cap = raw[0].isupper() and (not upper or (lexicon.is_name(lower) and lower not in COMMON_WORDS))
        out.append(Token(m.start(), end, raw, lower, cap, upper))
    return out
