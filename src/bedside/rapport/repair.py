"""Repair rewrites: a kinder version of a message with problems, and why each change was made.

Deterministic edits driven by the analysis findings, applied to the original text:

- condescension, sarcasm, dismissive phrases, insults, threats and profanity are removed (a sentence
  left with nothing but filler is dropped);
- "you always / you never" blame is replaced by a specific, non-generalising phrasing;
- bare commands and demands become requests ("Could you please call me ...?");
- capitals that are ordinary words are lower-cased; "!!!" / "???" become one mark;
- a reply that leaves a safety concern unacknowledged gets an acknowledgement; a message with
  problems and no thanks ends with one.

**Clinical facts are never touched.** An edit may only remove or re-case tokens that are ordinary
words from known vocabularies (function words, the rule phrases, the sentiment lexicon, command
verbs); numbers, units, doses, times, drug names, placeholders such as ``[PATIENT]`` and names are
outside that vocabulary, so any edit that would touch one is skipped. A property test checks this.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from bedside.rapport.analysis import Finding, MessageAnalysis
from bedside.rapport.conduct import IMPERATIVE_VERBS
from bedside.rapport.model import FUNCTION_WORDS
from bedside.rapport.vocabulary import ordinary_words
from bedside.text.prepared import PreparedText

REMOVE_LABELS = frozenset({"condescension", "sarcasm", "dismissive", "insult", "threat", "profanity"})
COMMAND_LABELS = frozenset({"unmitigated_command", "demand"})
_BLAME_REPLACEMENTS = {
    "you always": "you",
    "you never": "you did not",
    "you keep": "you",
    "every time you": "when you",
    "every single time": "",
    "you people": "the team",
    "your fault": "a problem we need to fix",
    "your mistake": "a problem we need to fix",
    "because of you": "",
    "thanks to you": "",
    "you messed up": "this went wrong",
    "you screwed up": "this went wrong",
    "you dropped the ball": "this was missed",
    "you forgot again": "this was missed",
    "you failed to": "we did not",
}
_DEMAND_OPENERS = {
    ("i", "need", "you", "to"): "Could you please",
    ("you", "need", "to"): "Could you please",
    ("you", "have", "to"): "Could you please",
    ("you", "must"): "Could you please",
}
REASONS = {
    "remove": "Removed {what} ('{text}'): it attacks or talks down to the reader and adds no clinical information.",
    "blame": "Replaced '{text}' with specific wording: 'always / never' blames the person, not the problem.",
    "command": "Turned the bare command into a request, which keeps the order and invites a closed-loop reply.",
    "caps": "Lower-cased words in capitals, which read as shouting (clinical abbreviations are kept).",
    "punctuation": "Reduced '{text}' to a single mark, which reads calmer.",
    "cus": "Acknowledged the colleague's safety concern before answering (TeamSTEPPS CUS).",
    "thanks": "Added thanks, which makes the request easier to act on.",
    "curt_reply": "Replaced a one-word brush-off with an acknowledgement that closes the loop.",
    "sbar": "Consider adding the missing SBAR parts ({text}); they were not invented here.",
}
_WHAT = {
    "condescension": "condescension",
    "sarcasm": "sarcasm",
    "dismissive": "a dismissive phrase",
    "insult": "an insult",
    "threat": "a threat",
    "profanity": "profanity",
}
_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_REMOVED = "\x00"  # marks where words were removed, so only those sentences may be dropped as empty


@dataclass(frozen=True, slots=True)
class Repair:
    """A rewritten message and the reasons for each change."""

    original: str
    rewrite: str
    reasons: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.rewrite != self.original

    def to_dict(self) -> dict[str, object]:
        return {"rewrite": self.rewrite, "why": list(self.reasons)}


@cache
def _plain_words() -> frozenset[str]:
    """Ordinary words an edit may remove or re-case (never numbers, names, drugs or placeholders)."""
    from bedside.rapport.registry import DEFAULT_DETECTORS

    words: set[str] = set(ordinary_words())
    for _, factory in DEFAULT_DETECTORS:
        spec = getattr(factory(), "spec", None)
        if spec is not None:
            for rule in spec.rules:
                for phrase in rule.phrases:
                    words.update(PreparedText(phrase).words)
    for phrase in _BLAME_REPLACEMENTS:
        words.update(phrase.split())
    return frozenset(w for w in words if w.replace("'", "").isalpha())


def _is_plain(text: str) -> bool:
    """Whether ``text`` has only ordinary lower-case-able words and punctuation (no facts)."""
    plain = _plain_words()
    for token in PreparedText(text).words:
        if token[0].isdigit() or token.startswith("["):
            return False
        if token[0].isalpha() and token not in plain:
            return False
    return True


def _edits_for(analysis: MessageAnalysis) -> tuple[list[tuple[int, int, str]], list[str]]:
    text = analysis.text
    edits: list[tuple[int, int, str]] = []
    reasons: list[str] = []

    def add(start: int, end: int, replacement: str) -> bool:
        if any(start < e and s < end for s, e, _ in edits):
            return False
        if start < end and (
            (start > 0 and text[start].isalnum() and (text[start - 1].isalnum() or text[start - 1] in "[_'"))
            or (end < len(text) and text[end - 1].isalnum() and (text[end].isalnum() or text[end] in "]_"))
        ):
            return False  # only whole tokens, never part of a word or a placeholder
        if not _is_plain(text[start:end]):
            return False  # never touch a clinical fact
        edits.append((start, end, replacement))
        return True

    for f in analysis.findings:
        if f.label in REMOVE_LABELS:
            if add(f.start, f.end, _REMOVED):
                reasons.append(REASONS["remove"].format(what=_WHAT[f.label], text=f.text))
        elif f.label == "blame":
            replacement = _BLAME_REPLACEMENTS.get(f.pattern, "")
            if add(f.start, f.end, _match_case(f.text, replacement) or _REMOVED):
                reasons.append(REASONS["blame"].format(text=f.text))
        elif f.label == "shouting_punctuation":
            if add(f.start, f.end, f.text[-1] if f.text[-1] == "?" else "!"):
                reasons.append(REASONS["punctuation"].format(text=f.text))
    caps = _caps_edits(analysis)
    if caps and all(add(s, e, r) for s, e, r in caps):
        reasons.append(REASONS["caps"])
    for f in analysis.findings:
        if f.label in COMMAND_LABELS and _command_edit(text, f, add):
            reasons.append(REASONS["command"])
    return edits, list(dict.fromkeys(reasons))


def _match_case(original: str, replacement: str) -> str:
    if replacement and original[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def _caps_edits(analysis: MessageAnalysis) -> list[tuple[int, int, str]]:
    if not any(f.label == "shouting_caps" for f in analysis.findings):
        return []
    plain = _plain_words()
    edits = []
    for f in analysis.findings:
        if f.label != "shouting_caps":
            continue
        for m in _WORD_RE.finditer(analysis.text, f.start, f.end):
            word = m.group()
            if word.isupper() and len(word) > 1 and word.lower() in plain:
                edits.append((m.start(), m.end(), word.lower()))
    return edits


def _command_edit(text: str, f: Finding, add: Callable[[int, int, str], bool]) -> bool:
    """Rewrite 'Call me.' as 'Could you please call me?' or 'I need you to X' as 'Could you please X'."""
    prepared = PreparedText(f.text)
    words = prepared.words
    for opener, replacement in _DEMAND_OPENERS.items():
        if tuple(words[: len(opener)]) == opener:
            end = f.start + prepared.ends[len(opener) - 1]
            if not add(f.start, end, replacement):
                return False
            whole = PreparedText(text)
            token = bisect_left(whole.starts, f.start)
            if token < len(whole):
                _, sentence_end = whole.sentence_of(token)
                last = sentence_end - 1
                if whole.words[last] in {".", "!"}:
                    add(whole.starts[last], whole.ends[last], "?")
                elif whole.words[last][0].isalnum() and sentence_end == len(whole):
                    add(whole.ends[last], whole.ends[last], "?")
            return True
    if f.label == "demand" and f.pattern in {"right now", "right away", "you will"}:
        return False
    if not words or words[0] not in IMPERATIVE_VERBS and f.pattern not in words:
        return False
    verb_index = words.index(f.pattern) if f.pattern in words else 0
    verb_start = f.start + prepared.starts[verb_index]
    verb = text[verb_start : f.start + prepared.ends[verb_index]]
    if not add(f.start, verb_start + len(verb), "Could you please " + verb.lower()):
        return False
    last = f.end - 1
    if text[last] in ".!":
        add(last, f.end, "?")
    elif text[last].isalnum() or text[last] in ")]":
        add(f.end, f.end, "?")
    return True


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, key=lambda e: (e.__getitem__(0), e.__getitem__(1)), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


# "this is ridiculous" minus the insult leaves "this is": remove the whole evaluative clause.
_EMPTIED_CLAUSE = re.compile(
    r"[,;]?\s*\b(?:this|that|it|you|he|she|they)(?:\s+(?:is|was|are|were)|'s|'re)\s+"
    r"(?:so\s+|really\s+|just\s+|totally\s+|completely\s+|absolutely\s+)?" + "\x00",
    re.IGNORECASE,
)
_DANGLING_YOU = re.compile(r",\s*you(?=\s*(?:[.!?]|$))", re.IGNORECASE)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_REPEATED_PUNCT = re.compile(r"([,;:])\s*(?=[,.;:!?]|$)")
_MULTI_SPACE = re.compile(r"[ \t]{2,}")
_LEADING_PUNCT = re.compile(r"(^|[.!?]\s+)[,;:]\s*")


def _tidy(text: str) -> str:
    text = _MULTI_SPACE.sub(" ", text)
    text = _DANGLING_YOU.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _REPEATED_PUNCT.sub("", text)
    text = _LEADING_PUNCT.sub(r"\1", text)
    text = re.sub(r"(^|[.!?]\s+)[.!?]+\s*", r"\1", text)
    text = text.strip(" ,;:")
    return _capitalise_sentences(text)


def _capitalise_sentences(text: str) -> str:
    plain = _plain_words()

    def upper(match: re.Match[str]) -> str:
        word = match.group(2)
        if word.islower() and word in plain:
            return match.group(1) + word[0].upper() + word[1:]
        return match.group(0)

    return re.sub(r"(^|[.!?]\s+)([A-Za-z]+(?:'[A-Za-z]+)?)", upper, text)


def _drop_empty_sentences(text: str) -> str:
    """Drop sentences left with only filler words (e.g. 'you,' after removing an insult)."""
    parts = re.split(r"(?<=[.!?])\s+", text)
    kept = []
    for part in parts:
        if _REMOVED not in part:
            kept.append(part)
            continue
        part = part.replace(_REMOVED, "")
        words = _WORD_RE.findall(part)
        has_fact = any(ch.isdigit() for ch in part) or "[" in part
        if not has_fact and words and all(w.lower() in FUNCTION_WORDS for w in words) and _is_plain(part):
            continue
        if not words and not has_fact:
            continue
        kept.append(part)
    return " ".join(kept).replace(_REMOVED, "")


def suggest_repair(analysis: MessageAnalysis) -> Repair | None:
    """A rewrite for a message with problems (``None`` when nothing needs repair)."""
    problems = [f for f in analysis.findings if f.is_problem]
    if not problems:
        return None
    edits, reasons = _edits_for(analysis)
    if any(f.label == "curt_reply" for f in problems):
        reasons.append(REASONS["curt_reply"])
        return Repair(original=analysis.text, rewrite="Got it, thank you.", reasons=tuple(reasons))
    rewrite = _tidy(_drop_empty_sentences(_EMPTIED_CLAUSE.sub(_REMOVED, _apply(analysis.text, edits))))
    labels = {f.label for f in analysis.findings}
    if "cus_unacknowledged" in labels:
        rewrite = "Thank you for raising this concern. " + rewrite if rewrite else "Thank you for raising this concern."
        reasons.append(REASONS["cus"])
    if not rewrite.strip():
        rewrite = "Could we talk about this when you have a moment?"
    elif "gratitude" not in labels and any(f.label not in {"sbar_incomplete", "cus_unacknowledged"} for f in problems):
        rewrite = rewrite.rstrip() + (" " if rewrite.rstrip()[-1:] in ".!?" else ". ") + "Thank you."
        reasons.append(REASONS["thanks"])
    for f in problems:
        if f.label == "sbar_incomplete":
            reasons.append(REASONS["sbar"].format(text=f.pattern.removeprefix("missing: ")))
    return Repair(original=analysis.text, rewrite=rewrite, reasons=tuple(reasons))
