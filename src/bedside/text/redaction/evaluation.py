"""Scoring redaction against annotated gold spans: span-level recall / precision per type, character recall.

A predicted span is a true positive when it overlaps a gold span of a *compatible* type (MRN and ID,
DATE and DOB, PHONE and FAX are interchangeable: either placeholder hides the identifier). A gold span
is recalled when any compatible predicted span overlaps it. Character recall is the share of gold
characters covered by any predicted span, whatever its type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bedside.text.redaction.redactor import Redactor

_GROUPS = [{"MRN", "ID"}, {"DATE", "DOB"}, {"PHONE", "FAX"}, {"ADDRESS", "ZIP"}]


def compatible(gold_type: str, predicted_type: str) -> bool:
    """True when a predicted placeholder type is an acceptable stand-in for the gold type."""
    if gold_type == predicted_type:
        return True
    return any(gold_type in group and predicted_type in group for group in _GROUPS)


@dataclass
class TypeScore:
    """Counts for one identifier type."""

    gold: int = 0
    recalled: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0


@dataclass
class EvaluationReport:
    """Per-type and overall scores, character recall, and the misses and false alarms for inspection."""

    per_type: dict[str, TypeScore] = field(default_factory=dict)
    gold_chars: int = 0
    covered_chars: int = 0
    messages: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    @property
    def overall(self) -> TypeScore:
        total = TypeScore()
        for score in self.per_type.values():
            total.gold += score.gold
            total.recalled += score.recalled
            total.predicted += score.predicted
            total.correct += score.correct
        return total

    @property
    def char_recall(self) -> float:
        return self.covered_chars / self.gold_chars if self.gold_chars else 1.0

    def to_dict(self) -> dict[str, Any]:
        def row(s: TypeScore) -> dict[str, Any]:
            return {"gold": s.gold, "predicted": s.predicted, "recall": round(s.recall, 4), "precision": round(s.precision, 4)}

        return {
            "messages": self.messages,
            "overall": row(self.overall),
            "char_recall": round(self.char_recall, 4),
            "per_type": {t: row(s) for t, s in sorted(self.per_type.items())},
        }


GOLD_TYPES = frozenset(
    {"PATIENT", "MRN", "DOB", "DATE", "PHONE", "FAX", "EMAIL", "URL", "IP", "ADDRESS", "ZIP", "SSN", "AGE>89", "ID"}
)
_MARK = re.compile(r"\[\[([A-Z>89]+)\|([^\[\]|]+)\]\]")


class MarkupError(ValueError):
    """An authored line whose markup cannot be read (names the line)."""


def parse_marked(line: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and gold spans of one authored line, where ``[[TYPE|surface]]`` marks an identifier."""
    text_parts: list[str] = []
    spans: list[dict[str, Any]] = []
    position = length = 0
    for match in _MARK.finditer(line):
        kind, surface = match.group(1), match.group(2)
        if kind not in GOLD_TYPES:
            raise MarkupError(f"unknown identifier type {kind!r}")
        if surface != surface.strip():
            raise MarkupError(f"{surface!r} has spaces at its edges")
        before = line[position : match.start()]
        text_parts.append(before)
        length += len(before)
        spans.append({"type": kind, "start": length, "end": length + len(surface)})
        text_parts.append(surface)
        length += len(surface)
        position = match.end()
    text_parts.append(line[position:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise MarkupError("an unclosed or malformed [[TYPE|surface]] mark")
    return text, spans


def load_marked(path: Path) -> list[dict[str, Any]]:
    """Gold rows from an authored text file: one message per line, ``#`` comments and blank lines skipped."""
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                text, spans = parse_marked(line)
            except MarkupError as error:
                raise MarkupError(f"{path.name}:{number}: {error}") from None
            rows.append({"id": f"{path.stem}:{number}", "text": text, "spans": spans})
    return rows


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Rows ``{"id", "text", "spans": [{"type", "start", "end"}]}`` from a JSONL file or an authored ``.txt`` file."""
    if path.suffix == ".txt":
        return load_marked(path)
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pooled(reports: Iterable[EvaluationReport]) -> EvaluationReport:
    """One report over several sets: their counts summed (so a set weighs by its identifiers, not as one file)."""
    total = EvaluationReport()
    for report in reports:
        for kind, score in report.per_type.items():
            into = total.per_type.setdefault(kind, TypeScore())
            into.gold += score.gold
            into.recalled += score.recalled
            into.predicted += score.predicted
            into.correct += score.correct
        total.gold_chars += report.gold_chars
        total.covered_chars += report.covered_chars
        total.messages += report.messages
        total.misses.extend(report.misses)
        total.false_alarms.extend(report.false_alarms)
    return total


def evaluate(redactor: Redactor, rows: Iterable[Mapping[str, Any]]) -> EvaluationReport:
    """Redact every row's text and score the spans against its gold spans."""
    report = EvaluationReport()
    for row in rows:
        text: str = row["text"]
        gold = [(g["type"], int(g["start"]), int(g["end"])) for g in row["spans"]]
        predicted = [(s.type, s.start, s.end) for s in redactor.redact(text).spans]
        report.messages += 1
        for g_type, g_start, g_end in gold:
            score = report.per_type.setdefault(g_type, TypeScore())
            score.gold += 1
            if any(compatible(g_type, p_type) and p_start < g_end and g_start < p_end for p_type, p_start, p_end in predicted):
                score.recalled += 1
            else:
                report.misses.append({"id": row.get("id"), "type": g_type, "surface": text[g_start:g_end], "text": text})
            report.gold_chars += g_end - g_start
            report.covered_chars += sum(
                1 for i in range(g_start, g_end) if any(p_start <= i < p_end for _t, p_start, p_end in predicted)
            )
        for p_type, p_start, p_end in predicted:
            score = report.per_type.setdefault(p_type, TypeScore())
            score.predicted += 1
            if any(compatible(g_type, p_type) and p_start < g_end and g_start < p_end for g_type, g_start, g_end in gold):
                score.correct += 1
            else:
                report.false_alarms.append({"id": row.get("id"), "type": p_type, "surface": text[p_start:p_end], "text": text})
    return report
