"""The demo's ground truth: what was planted, written to ``manifest.json`` next to the data files.

The manifest is for tests and evaluation only; it is never imported into the database the app reads.
It names the personas (ids, style, target roles, months of improvement), the raters' severities, the
gender-coded reviewer, every planted patient identifier by message or note id, the seed and counts.
Per-message labels (intent, tone, escalation outcome, SBAR parts) go to ``message_labels.jsonl``.

Keys: ``seed``, ``scale``, ``period``, ``files``, ``units`` (with each unit's medical director and
nurse manager), ``counts``, ``personas`` (``person_id``, ``style`` = curt_to_nurses /
condescending_to_nurses / improving, ``target_roles``, ``improvement_months``, ``curt_rate_by_month``,
``reply_delay_factor_to_targets``, ``brush_off_rate_to_targets``), ``tone_mixes``, ``raters``
(``severity`` lenient / harsh / typical and the score ``offset``), ``true_standing`` (person -> cycle ->
value -> the standing the raters scatter around), ``gender_coded_reviewer`` (person and the word lists
used for women and men), and ``phi`` (``messages`` / ``notes``: item id -> list of ``{type, value}``
where ``value`` is the exact text as written; types patient_name, mrn, dob, phone, address, age_over_89).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

MANIFEST_NAME = "manifest.json"
LABELS_NAME = "message_labels.jsonl"
MANIFEST_VERSION = 1


class ManifestError(ValueError):
    """The manifest file is missing or is not one this version of Bedside wrote."""


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def load_manifest(data_dir: Path) -> dict[str, Any]:
    """Read a demo's manifest from its data folder (the folder holding ``roster.csv``)."""
    path = data_dir / MANIFEST_NAME
    if not path.is_file():
        raise ManifestError(f"No demo manifest at {path}; generate the demo first (`bedside demo --no-serve`).")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(manifest, dict) or manifest.get("manifest_version") != MANIFEST_VERSION:
        raise ManifestError(f"{path} is not a version {MANIFEST_VERSION} Bedside demo manifest.")
    return manifest


def phi_summary(items: dict[str, list[dict[str, str]]]) -> dict[str, int]:
    """How many planted identifiers of each type a mapping of item id -> identifiers holds."""
    counts: Counter[str] = Counter(identifier["type"] for found in items.values() for identifier in found)
    return dict(sorted(counts.items()))
