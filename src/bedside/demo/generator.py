"""Generate the whole demo hospital into a data folder, deterministically from a seed.

``generate_demo(data_dir, seed=..., scale=...)`` writes ``roster.csv``, ``messages.jsonl``,
``notes.jsonl``, ``ratings.csv`` (the import formats of docs/ingest-formats.md), plus the ground
truth in ``manifest.json`` and ``message_labels.jsonl``. The same seed and scale always give
byte-identical files. ``scale`` shrinks or grows the volume of messages and notes (the roster, its
personas and the rating cycles stay the same), so tests can work on a small hospital.
"""

from __future__ import annotations

import csv
import json
import logging
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faker import Faker

from bedside.demo.manifest import LABELS_NAME, MANIFEST_NAME, MANIFEST_VERSION, phi_summary, write_manifest
from bedside.demo.messages import END, START, DraftMessage, MessageGenerator
from bedside.demo.notes import DraftNote, NoteGenerator
from bedside.demo.organisation import ORG_NAME, ORG_SLUG, Organisation, generate_organisation
from bedside.demo.patients import PatientPool
from bedside.demo.personas import (
    BASELINE_MIX,
    BRUSH_OFF_BASELINE,
    CONDESCENDING_TO_NURSES_MIX,
    CURT_TO_NURSES_MIX,
    PersonaBook,
    choose_personas,
    choose_raters,
)
from bedside.demo.ratings import CRITERIA, CYCLES, DraftRating, generate_ratings
from bedside.demo.reviewing import FEMALE_CODED, MALE_CODED, Reviewer

log = logging.getLogger(__name__)

DEFAULT_SEED = 20260401
FULL_SCALE_MESSAGES = 21_000
ROSTER_NAME, MESSAGES_NAME, NOTES_NAME, RATINGS_NAME = "roster.csv", "messages.jsonl", "notes.jsonl", "ratings.csv"
IMPORT_ORDER = (ROSTER_NAME, MESSAGES_NAME, NOTES_NAME, RATINGS_NAME)

# A callback told what stage the generator is in: (description, fraction of the work done, 0..1).
StageCallback = Callable[[str, float], None]


@dataclass(frozen=True)
class GeneratedDemo:
    """Where the generated files are, and the manifest describing them."""

    data_dir: Path
    manifest: dict[str, Any]

    @property
    def import_files(self) -> list[Path]:
        """The data files in the order they must be imported (roster first)."""
        return [self.data_dir / name for name in IMPORT_ORDER]


def _stamp(value: Any) -> str:
    return str(value.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _write_roster(path: Path, org: Organisation) -> None:
    units = {u.unit_id: u.name for u in org.units}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            [
                "person_id",
                "name",
                "role",
                "unit",
                "unit_name",
                "manager_id",
                "email",
                "leads",
                "gender",
                "ethnicity",
                "age_band",
            ]
        )
        for p in org.staff:
            writer.writerow(
                [
                    p.person_id,
                    p.name,
                    p.role,
                    p.unit_id,
                    units[p.unit_id],
                    p.manager_id or "",
                    p.email,
                    ";".join(p.leads),
                    p.gender,
                    p.ethnicity,
                    p.age_band,
                ]
            )


def _number_messages(drafts: list[DraftMessage]) -> tuple[list[DraftMessage], dict[int, str], dict[int, str]]:
    ordered = sorted(drafts, key=lambda d: (d.sent_at, d.key))
    ids = {d.key: f"m{n:06d}" for n, d in enumerate(ordered, start=1)}
    threads: dict[int, str] = {}
    for d in ordered:
        threads.setdefault(d.thread_key, f"t{len(threads) + 1:05d}")
    return ordered, ids, threads


def _write_messages(data_dir: Path, drafts: list[DraftMessage]) -> tuple[dict[str, list[dict[str, str]]], Counter[str]]:
    ordered, ids, threads = _number_messages(drafts)
    phi: dict[str, list[dict[str, str]]] = {}
    outcomes: Counter[str] = Counter()
    with (
        (data_dir / MESSAGES_NAME).open("w", encoding="utf-8") as out,
        (data_dir / LABELS_NAME).open("w", encoding="utf-8") as labels,
    ):
        for d in ordered:
            message_id = ids[d.key]
            record = {
                "message_id": message_id,
                "sender_id": d.sender.person_id,
                "recipient_ids": [r.person_id for r in d.recipients],
                "sent_at": _stamp(d.sent_at),
                "thread_id": threads[d.thread_key],
                "in_reply_to": ids[d.reply_to_key] if d.reply_to_key is not None else None,
                "channel": d.channel,
                "text": d.text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            label: dict[str, Any] = {"message_id": message_id, "intent": d.intent, "tone": d.tone, **d.extra}
            if d.intent == "escalation":
                outcomes[str(d.extra.get("outcome"))] += 1
            labels.write(json.dumps(label, ensure_ascii=False) + "\n")
            if d.phi:
                phi[message_id] = d.phi
    return phi, outcomes


def _write_notes(path: Path, notes: list[DraftNote]) -> dict[str, list[dict[str, str]]]:
    phi: dict[str, list[dict[str, str]]] = {}
    with path.open("w", encoding="utf-8") as out:
        for n, note in enumerate(notes, start=1):
            note_id = f"n{n:05d}"
            record = {
                "note_id": note_id,
                "about_id": note.about.person_id,
                "author_id": note.author.person_id if note.author else None,
                "kind": note.kind,
                "created_at": _stamp(note.created_at),
                "text": note.text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if note.phi:
                phi[note_id] = note.phi
    return phi


def _write_ratings(path: Path, ratings: list[DraftRating]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["rating_id", "subject_id", "rater_id", "cycle", "criterion", "score", "created_at", "comment"])
        for n, r in enumerate(ratings, start=1):
            writer.writerow(
                [
                    f"r{n:05d}",
                    r.subject.person_id,
                    r.rater.person_id,
                    r.cycle,
                    r.criterion,
                    r.score,
                    _stamp(r.created_at),
                    r.comment,
                ]
            )


def _true_standing(ratings: list[DraftRating]) -> dict[str, dict[str, dict[str, float]]]:
    """person id -> cycle -> value -> the unobserved standing the raters' scores scatter around."""
    truth: dict[str, dict[str, dict[str, float]]] = {}
    for r in ratings:
        truth.setdefault(r.subject.person_id, {}).setdefault(r.cycle, {})[r.criterion] = r.true_score
    return truth


def generate_demo(
    data_dir: Path, *, seed: int = DEFAULT_SEED, scale: float = 1.0, on_stage: StageCallback | None = None
) -> GeneratedDemo:
    """Write the demo hospital's data files and manifest into ``data_dir`` (created if missing)."""
    if scale <= 0:
        raise ValueError(f"scale must be positive, got {scale}")
    stage = on_stage or (lambda _description, _fraction: None)
    data_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    faker = Faker("en_US")
    faker.seed_instance(seed)

    stage("Staffing Riverside General", 0.0)
    org = generate_organisation(rng, faker)
    personas = choose_personas(rng, org)
    raters = choose_raters(rng, org)
    coded = next(r for r in raters if r.gender_coded)
    reviewer = Reviewer(rng, coded.person_id)
    staff_names = {n for p in org.staff for n in (p.first_name, p.last_name)}
    patients = PatientPool(rng, faker, staff_names)
    _write_roster(data_dir / ROSTER_NAME, org)

    stage("Writing six months of messages", 0.1)
    target = max(200, round(FULL_SCALE_MESSAGES * scale))
    drafts = MessageGenerator(rng, org, PersonaBook(personas), patients).generate(target)
    message_phi, outcomes = _write_messages(data_dir, drafts)

    stage("Writing feedback notes", 0.7)
    by_id = {p.person_id: p for p in personas}
    notes = NoteGenerator(rng, org, by_id, patients, reviewer).generate(scale=min(1.0, max(scale, 0.25)))
    note_phi = _write_notes(data_dir / NOTES_NAME, notes)

    stage("Writing review ratings", 0.85)
    ratings = generate_ratings(rng, org, by_id, raters, reviewer)
    _write_ratings(data_dir / RATINGS_NAME, ratings)

    words = reviewer.words
    first_unit = org.units[0].unit_id
    director = org.medical_director(first_unit)
    member_nurse = next(p for p in org.in_unit(first_unit, "nurse") if not p.leads and p.title == "Registered nurse")
    manifest: dict[str, Any] = {
        "manifest_version": MANIFEST_VERSION,
        "generator": "bedside.demo",
        "seed": seed,
        "scale": scale,
        "organisation": {"slug": ORG_SLUG, "name": ORG_NAME},
        "period": {"start": _stamp(START), "end": _stamp(END), "months": 6},
        "files": {
            "roster": ROSTER_NAME,
            "messages": MESSAGES_NAME,
            "notes": NOTES_NAME,
            "ratings": RATINGS_NAME,
            "message_labels": LABELS_NAME,
        },
        "units": [
            {
                "id": u.unit_id,
                "name": u.name,
                "medical_director": org.medical_director(u.unit_id).person_id,
                "nurse_manager": org.nurse_manager(u.unit_id).person_id,
            }
            for u in org.units
        ],
        "demo_people": {
            "director_id": director.person_id,
            "director_name": director.name,
            "nurse_id": member_nurse.person_id,
            "nurse_name": member_nurse.name,
        },
        "counts": {
            "staff": len(org.staff),
            "staff_by_role": dict(sorted(Counter(p.role for p in org.staff).items())),
            "messages": len(drafts),
            "threads": len({d.thread_key for d in drafts}),
            "notes": len(notes),
            "notes_by_kind": dict(sorted(Counter(n.kind for n in notes).items())),
            "ratings": len(ratings),
            "escalations_by_outcome": dict(sorted(outcomes.items())),
            "messages_with_phi": len(message_phi),
            "notes_with_phi": len(note_phi),
        },
        "default_style": "courteous",
        "brush_off_rate_baseline": BRUSH_OFF_BASELINE,
        "tone_mixes": {
            "baseline": BASELINE_MIX,
            "curt_to_nurses": CURT_TO_NURSES_MIX,
            "condescending_to_nurses": CONDESCENDING_TO_NURSES_MIX,
        },
        "personas": [p.as_manifest() for p in personas],
        "rating_cycles": [cycle for cycle, _ in CYCLES],
        "rating_criteria": list(CRITERIA),
        "rating_scale": [1, 5],
        "true_standing": _true_standing(ratings),
        "raters": [
            {"person_id": r.person_id, "name": r.name, "severity": r.severity, "offset": r.offset} for r in raters
        ],
        "gender_coded_reviewer": {
            "person_id": coded.person_id,
            "name": coded.name,
            "female_words": sorted(w for c in FEMALE_CODED for w in words[c]),
            "male_words": sorted(w for c in MALE_CODED for w in words[c]),
            "where": ["ratings.csv comment", "notes.jsonl manager notes"],
        },
        "phi": {
            "types": phi_summary({**message_phi, **note_phi}),
            "messages": message_phi,
            "notes": note_phi,
        },
    }
    write_manifest(data_dir / MANIFEST_NAME, manifest)
    stage("Demo data written", 1.0)
    log.info("demo generated in %s: %d messages, %d notes, %d ratings", data_dir, len(drafts), len(notes), len(ratings))
    return GeneratedDemo(data_dir=data_dir, manifest=manifest)
