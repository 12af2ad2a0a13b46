"""Ordinary words: the vocabulary that is never a clinical fact.

Used twice: a word in capitals counts as shouting only if it is an ordinary word ("WHY IS THIS NOT
DONE"), since unknown capitalised tokens are usually clinical acronyms (RVR, HFNC, CIWA) or names;
and the repair rewrite may only remove or re-case ordinary words, so numbers, units, doses, drug
names, placeholders and names are never touched.
"""

from __future__ import annotations

from functools import cache

from bedside.text.lexicons import load_lexicon

COMMAND_VERBS = frozenset(
    """
    answer bring call cancel change check come correct d/c dc discontinue do document don't draw
    email explain fax find finish fix follow get give go hang hold increase decrease keep let listen
    look make move notify order page put read recheck redo remove repeat replace reply respond restart
    return review run see send sign start stop take talk tell text titrate update use wait write
    """.split()
)


@cache
def ordinary_words() -> frozenset[str]:
    """Function words, command verbs, everyday and workflow words, and the sentiment lexicon's words."""
    from bedside.rapport.model import FUNCTION_WORDS

    words = set(FUNCTION_WORDS) | COMMAND_VERBS | load_lexicon("common-words").entries
    words |= {w for w in load_lexicon("sentiment-words").entries if w.replace("'", "").isalpha()}
    return frozenset(words - load_lexicon("clinical-abbreviations").entries)
