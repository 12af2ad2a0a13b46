"""Benchmark: import a large messages CSV (or FHIR Bundle) into a fresh SQLite file with bounded memory.

Writes a roster and an N-message CSV (default 1,000,000) to a temporary folder, imports both with
``bedside.ingest.import_file`` and prints the import rate, the peak resident memory, and as the
baseline measured in the same run the rate of a plain ``csv.reader`` pass over the same file, with
the ratio. It also times the redactor alone on a sample so the share of redaction is visible.

With ``--format fhir`` the same staff and messages are written as one FHIR R4 Bundle (transaction
style: ``urn:uuid:`` fullUrls, Practitioner + PractitionerRole + Organization, then Communications
whose sender is an urn:uuid reference) and imported in one go; the baseline is a plain
``ijson.items(file, "entry.item")`` pass, i.e. one of the reader's two passes without validation.

    .venv/bin/python benchmarks/ingest_million.py                 # 1,000,000 rows, redaction on
    .venv/bin/python benchmarks/ingest_million.py --rows 20000    # a quick run
    .venv/bin/python benchmarks/ingest_million.py --no-redaction
    .venv/bin/python benchmarks/ingest_million.py --format fhir --rows 200000 --no-redaction
    .venv/bin/python benchmarks/ingest_million.py --workers 1     # redaction in the importing process only

Redaction runs over ``--workers`` processes (default 0: one per core, at most 4; ``RedactionPool``); peak memory is
printed for the importing process and for the largest worker.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import ijson
import sqlalchemy as sa

from bedside.config import Settings
from bedside.ingest import import_file
from bedside.store.database import open_database
from bedside.store.models import Message, MessageRecipient
from bedside.text.redaction.pool import worker_count

FIRST = ["Ana", "Ben", "Carla", "Dev", "Ellen", "Farah", "Gus", "Hana", "Isaac", "Jules", "Kim", "Luis", "Mia", "Noor"]
LAST = ["Diaz", "Oyelaran", "Mendes", "Patel", "Okafor", "Haddad", "Lindqvist", "Nakamura", "Brennan", "Moreau"]
ROLES = ["physician", "resident", "nurse", "nurse", "nurse", "app", "technician", "pharmacist"]
TEMPLATES = [
    "Can you check the potassium in bed {bed} before rounds?",
    "Done, K is {lab}. Anything else for bed {bed}?",
    "Staff meeting moved to {hour}:00, room {bed}.",
    "Please call back about the new admission in bed {bed}, thanks.",
    "Handing over bed {bed} to {colleague}: stable overnight, repeat labs at {hour}:00.",
    "pt John Smith MRN {mrn} in bed {bed} needs a repeat troponin at {hour}:00",
    "Thanks {colleague}, really appreciated the help with the family meeting today.",
    "Mrs Alvarez in {bed} asking for pain relief again, can someone review the chart?",
]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


class TreeMemory:
    """Samples the resident memory of this process and all its descendants (the redaction workers are children of
    the fork server, so ``getrusage`` does not see them) every half second; ``peak`` is the largest sum seen."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, sum(_rss_mb(pid) for pid in _tree(os.getpid())))


def _tree(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(parents.get(pid, []))
    return pids


def _rss_mb(pid: int) -> float:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return 0.0


def staff_names(rows: int, staff: int, seed: int) -> tuple[random.Random, list[str]]:
    rng = random.Random(seed)
    return rng, [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(staff)]


def message_rows(rng: random.Random, names: list[str], rows: int) -> Iterator[tuple[int, int, int, dt.datetime, str]]:
    """(index, sender, recipient, sent, text) of each generated message, the same for CSV and FHIR."""
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    staff = len(names)
    for i in range(rows):
        sender, recipient = rng.randrange(staff), rng.randrange(staff)
        text = rng.choice(TEMPLATES).format(
            bed=rng.randrange(1, 40),
            lab=round(rng.uniform(3.0, 5.5), 1),
            hour=rng.randrange(7, 20),
            mrn=rng.randrange(1_000_000, 9_999_999),
            colleague=names[recipient].split()[0],
        )
        yield i, sender, recipient, start + dt.timedelta(seconds=15 * i), text


def write_files(folder: Path, rows: int, staff: int, seed: int) -> tuple[Path, Path]:
    rng, names = staff_names(rows, staff, seed)
    roster = folder / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["person_id", "name", "role", "unit", "unit_name"])
        for i, name in enumerate(names):
            writer.writerow([f"s{i}", name, rng.choice(ROLES), f"u{i % 4}", f"Unit {i % 4}"])
    messages = folder / "messages.csv"
    with messages.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["message_id", "sender_id", "recipient_ids", "sent_at", "text", "thread_id", "channel"])
        for i, sender, recipient, sent, text in message_rows(rng, names, rows):
            writer.writerow([f"m{i}", f"s{sender}", f"s{recipient}", sent.isoformat(), text, f"t{i // 4}", "chat"])
    return roster, messages


FHIR_ROLES = {"physician": "doctor", "nurse": "nurse", "pharmacist": "pharmacist"}


def write_bundle(folder: Path, rows: int, staff: int, seed: int) -> Path:
    """The roster and messages of :func:`write_files` as one FHIR Bundle, written entry by entry."""
    rng, names = staff_names(rows, staff, seed)
    ids = uuid.UUID(int=seed)
    people = [f"urn:uuid:{uuid.uuid5(ids, f's{i}')}" for i in range(staff)]
    path = folder / "bundle.json"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"resourceType": "Bundle", "type": "transaction", "entry": [\n')
        first = True

        def entry(full_url: str, resource: dict[str, object]) -> None:
            nonlocal first
            handle.write(("" if first else ",\n") + json.dumps({"fullUrl": full_url, "resource": resource}))
            first = False

        for unit in range(4):
            entry(
                f"urn:uuid:{uuid.uuid5(ids, f'u{unit}')}",
                {"resourceType": "Organization", "id": f"u{unit}", "name": f"Unit {unit}"},
            )
        for i, name in enumerate(names):
            given, family = name.split()
            role = FHIR_ROLES.get(rng.choice(ROLES), "ict")
            entry(
                people[i],
                {"resourceType": "Practitioner", "id": f"s{i}", "name": [{"given": [given], "family": family}]},
            )
            entry(
                f"urn:uuid:{uuid.uuid5(ids, f'r{i}')}",
                {
                    "resourceType": "PractitionerRole", "id": f"r{i}",
                    "practitioner": {"reference": people[i]},
                    "organization": {"reference": f"Organization/u{i % 4}"},
                    "code": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/practitioner-role", "code": role}]}],
                },
            )  # fmt: skip
        for i, sender, recipient, sent, text in message_rows(rng, names, rows):
            entry(
                f"urn:uuid:{uuid.uuid5(ids, f'm{i}')}",
                {
                    "resourceType": "Communication", "id": f"m{i}", "status": "completed",
                    "sender": {"reference": people[sender]},
                    "recipient": [{"reference": f"Practitioner/s{recipient}"}],
                    "sent": sent.isoformat(),
                    "payload": [{"contentString": text}],
                    "partOf": [{"reference": f"Communication/t{i // 4}"}],
                    "medium": [{"coding": [{"code": "chat"}]}],
                },
            )  # fmt: skip
        handle.write("\n]}\n")
    return path


def csv_reader_rate(path: Path) -> tuple[int, float]:
    started = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        count = sum(1 for _ in csv.reader(handle)) - 1
    return count, count / (time.perf_counter() - started)


def ijson_rate(path: Path) -> tuple[int, float]:
    started = time.perf_counter()
    with path.open("rb") as handle:
        count = sum(1 for e in ijson.items(handle, "entry.item") if e["resource"]["resourceType"] == "Communication")
    return count, count / (time.perf_counter() - started)


def redaction_rate(texts: list[str], names: list[str]) -> float:
    from bedside.text.redaction import Redactor

    redactor = Redactor(staff_names=names)
    started = time.perf_counter()
    for text in texts:
        redactor.redact(text)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="messages to generate (default 1,000,000)")
    parser.add_argument("--staff", type=int, default=200, help="people on the roster")
    parser.add_argument("--format", choices=["csv", "fhir"], default="csv", help="messages as CSV or one FHIR Bundle")
    parser.add_argument("--no-redaction", action="store_true", help="import with redaction disabled")
    parser.add_argument("--workers", type=int, default=0, help="redaction processes (default 0: one per core, at most 4)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bedside-ingest-bench-") as tmp:
        folder = Path(tmp)
        if args.format == "fhir":
            roster, messages = None, write_bundle(folder, args.rows, args.staff, args.seed)
        else:
            roster, messages = write_files(folder, args.rows, args.staff, args.seed)
        size_mb = messages.stat().st_size / 1e6
        print(
            f"format: {args.format}  rows: {args.rows:,}  file: {size_mb:,.1f} MB  "
            f"redaction: {'off' if args.no_redaction else 'on'}"
        )

        if args.format == "fhir":
            count, baseline = ijson_rate(messages)
            label = "ijson.items"
        else:
            count, baseline = csv_reader_rate(messages)
            label = "csv.reader"
        print(f"baseline  {label} pass: {baseline:>12,.0f} rows/s")

        settings = Settings(
            environment="test",
            database_url=f"sqlite:///{folder / 'bench.db'}",
            data_dir=folder,
            redaction_enabled=not args.no_redaction,
            redaction_workers=args.workers,
        )
        database = open_database(settings)
        database.upgrade()
        if roster is not None:
            import_file(database, roster, settings=settings)
        rss_before = peak_rss_mb()
        started = time.perf_counter()
        with TreeMemory() as tree:
            report = import_file(database, messages, settings=settings)  # a Bundle holds its roster too
        seconds = time.perf_counter() - started
        added = report.of("messages").added
        rate = added / seconds
        with database.session() as session:
            stored = session.scalar(sa.select(sa.func.count()).select_from(Message))
            links = session.scalar(sa.select(sa.func.count()).select_from(MessageRecipient))
        database.dispose()
        assert stored == count == added, (stored, count, added)
        print(
            f"bedside ingest:            {rate:>12,.0f} rows/s  ({seconds:,.1f} s, {stored:,} messages, {links:,} recipients)"
        )
        print(f"ratio ingest / {label}: {rate / baseline:>12.3f}")
        print(f"peak RSS: {peak_rss_mb():,.0f} MB (before the messages import: {rss_before:,.0f} MB)")
        workers = worker_count(args.workers) if not args.no_redaction else 1
        helpers = f" and its {workers} redaction workers and fork server" if workers > 1 else ""
        print(f"peak RSS of the import{helpers}, summed (sampled every 0.5 s): {tree.peak:,.0f} MB")
        print(f"database file: {(folder / 'bench.db').stat().st_size / 1e6:,.0f} MB")
        if not args.no_redaction:
            rng, names = staff_names(args.rows, args.staff, args.seed)
            texts = [text for *_, text in message_rows(rng, names, min(args.rows, 20_000))]
            print(f"redactor alone ({len(texts):,}-message sample): {redaction_rate(texts, names):,.0f} messages/s")


if __name__ == "__main__":
    main()
