"""How a tone analysis is shown: highlighted segments of the text, numbered findings, the rewrite.

Also :func:`check_draft`, the service behind the draft checker and ``POST /api/v1/tone``: a draft is
redacted (patient identifiers replaced, the organisation's staff names allowed) before it is
analysed, and nothing about it is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from bedside.rapport import Finding, MessageAnalysis, MessageContext, default_analyzer
from bedside.rapport.repair import suggest_repair
from bedside.store.records import site_names, staff_names
from bedside.text.redaction import Redactor

SEVERITY_ORDER = {"positive": 0, "info": 1, "low": 2, "medium": 3, "high": 4}
SEVERITY_WORDS = {
    "positive": "helps",
    "info": "note",
    "low": "minor problem",
    "medium": "problem",
    "high": "serious problem",
}
METRIC_TITLES = {
    "not_respectful": "More curt or hostile messages than peers",
    "politeness": "Lower politeness than peers",
    "asymmetry": "Less polite to nurses than to physicians",
    "command": "Bare orders",
    "condescension": "Condescending phrases",
    "blame": "Blaming the person",
    "dismissive": "Dismissive replies",
    "shouting": "Shouting (capitals, !!!)",
    "insult": "Personal remarks",
    "threat": "Threats",
    "profanity": "Swearing",
    "sbar": "Incomplete SBAR escalations",
    "cus": "Safety concerns left unacknowledged",
    "closed_loop": "Loops not closed",
}


@dataclass(frozen=True)
class Segment:
    """A run of the text covered by the same findings (numbers into the finding list, 1-based)."""

    text: str
    findings: tuple[int, ...] = ()
    severity: str = ""
    tip: str = ""
    ends: tuple[int, ...] = field(default_factory=tuple)  # findings whose span ends here (footnote marks)


def finding_tip(finding: Finding) -> str:
    """One line for hover / focus: category, reason, detector and version."""
    return f"{finding.category} ({SEVERITY_WORDS.get(finding.severity, finding.severity)}): {finding.reason} — {finding.detector} {finding.detector_version}"


def segments(text: str, findings: tuple[Finding, ...]) -> list[Segment]:
    """Split ``text`` at every finding boundary; each piece knows which findings cover it."""
    spans = [(i + 1, f) for i, f in enumerate(findings) if 0 <= f.start < f.end <= len(text)]
    cuts = sorted({0, len(text), *(f.start for _, f in spans), *(f.end for _, f in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [(n, f) for n, f in spans if f.start <= a and f.end >= b]
        if not covering:
            out.append(Segment(text[a:b]))
            continue
        worst = max(covering, key=lambda item: SEVERITY_ORDER.get(item[1].severity, 0))[1].severity
        out.append(
            Segment(
                text=text[a:b],
                findings=tuple(n for n, _ in covering),
                severity=worst,
                tip=" | ".join(f"[{n}] {finding_tip(f)}" for n, f in covering),
                ends=tuple(n for n, f in covering if f.end == b),
            )
        )
    return out


def analysis_view(analysis: MessageAnalysis) -> dict[str, Any]:
    """Everything the analysis partial shows: segments, numbered findings, tone, politeness, rewrite."""
    repair = suggest_repair(analysis)
    return {
        "text": analysis.text,
        "segments": segments(analysis.text, analysis.findings),
        "findings": [
            {"number": i + 1, "severity_word": SEVERITY_WORDS.get(f.severity, f.severity), **f.to_dict()}
            for i, f in enumerate(analysis.findings)
        ],
        "tone": analysis.tone,
        "politeness": analysis.politeness,
        "analyzer": analysis.analyzer,
        "analyzer_version": analysis.analyzer_version,
        "rewrite": repair.rewrite if repair is not None and repair.changed else None,
        "why": list(repair.reasons) if repair is not None else [],
    }


@dataclass(frozen=True)
class DraftCheck:
    """A checked draft: the redacted text that was analysed, whether anything was redacted, the analysis."""

    text: str
    redacted: bool
    analysis: MessageAnalysis


def check_draft(
    session: Session,
    *,
    organisation_id: int,
    text: str,
    context: MessageContext | None = None,
    rules_dir: Path | None = None,
    sites: Sequence[str] = (),
) -> DraftCheck:
    """Redact a draft (and its previous message) and analyse it; nothing is stored. ``sites``: the configured
    site names (the organisation's own name is added)."""
    redactor = Redactor(
        staff_names=staff_names(session, organisation_id), site_names=site_names(session, organisation_id, sites)
    )
    clean = redactor.redact(text).text
    if context is not None and context.previous_text:
        context = MessageContext(
            sender_role=context.sender_role,
            recipient_roles=context.recipient_roles,
            previous_text=redactor.redact(context.previous_text).text,
            previous_sender_role=context.previous_sender_role,
        )
    analysis = default_analyzer(rules_dir).analyze(clean, context)
    return DraftCheck(text=clean, redacted=clean != text, analysis=analysis)
