"""Rapport: how team messages come across, with evidence, repair rewrites and (later) patterns.

``analyze(text, context)`` runs the message analyzer (see :mod:`bedside.rapport.pipeline`);
``suggest_repair(analysis)`` proposes a kinder rewrite that keeps every clinical fact
(:mod:`bedside.rapport.repair`). Nothing is loaded at import time: the default analyzer, its
detectors, lexicons and the trained politeness model are built on first use.
"""

from __future__ import annotations

from bedside.rapport.analysis import Finding, MessageAnalysis
from bedside.rapport.context import MessageContext
from bedside.rapport.pipeline import ToneAnalyzer, analyze, default_analyzer

__all__ = ["Finding", "MessageAnalysis", "MessageContext", "ToneAnalyzer", "analyze", "default_analyzer"]
