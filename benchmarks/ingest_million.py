"""Benchmark: import a large messages CSV into a fresh SQLite file with bounded memory.

Writes a roster and an N-message CSV (default 1,000,000) to a temporary folder, imports both with
``bedside.ingest.import_file`` and prints the import rate, the peak resident memory, and as the
baseline measured in the same run the rate of a plain ``csv.reader`` pass over the same file, with
the ratio. It also times the redactor alone on a sample so the share of redaction is visible.

    .venv/bin/python benchmarks/ingest_million.py                 # 1,000,000 rows, redaction on
    .venv/bin/python benchmarks/ingest_million.py --rows 20000    # a quick run
    .venv/bin/python benchmarks/ingest_million.py --no-redaction
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import resource
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from bedside.config import Settings
from bedside.ingest import import_file
from bedside.store.database import open_database
from bedside.store.models import Message, MessageRecipient

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


def write_files(folder: Path, rows: int, staff: int, seed: int) -> tuple[Path, Path]:
    rng = random.Random(seed)
    roster = folder / "roster.csv"
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(staff)]
    with roster.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["person_id", "name", "role", "unit", "unit_name"])
        for i, name in enumerate(names):
            writer.writerow([f"s{i}", name, rng.choice(ROLES), f"u{i % 4}", f"Unit {i % 4}"])
    messages = folder / "messages.csv"
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with messages.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["message_id", "sender_id", "recipient_ids", "sent_at", "text", "thread_id", "channel"])
        for i in range(rows):
            sender, recipient = rng.randrange(staff), rng.randrange(staff)
            text = rng.choice(TEMPLATES).format(
                bed=rng.randrange(1, 40),
                lab=round(rng.uniform(3.0, 5.5), 1),
                hour=rng.randrange(7, 20),
                mrn=rng.randrange(1_000_000, 9_999_999),
                colleague=names[recipient].split()[0],
            )
            sent = start + dt.timedelta(seconds=15 * i)
            writer.writerow([f"m{i}", f"s{sender}", f"s{recipient}", sent.isoformat(), text, f"t{i // 4}", "chat"])
    return roster, messages


def csv_reader_rate(path: Path) -> tuple[int, float]:
    started = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        count = sum(1 for _ in csv.reader(handle)) - 1
    return count, count / (time.perf_counter() - started)


def redaction_rate(path: Path, names: list[str], sample: int) -> float:
    from bedside.text.redaction import Redactor

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        texts = [row["text"] for _, row in zip(range(sample), reader, strict=False)]
    redactor = Redactor(staff_names=names)
    started = time.perf_counter()
    for text in texts:
        redactor.redact(text)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="messages to generate (default 1,000,000)")
    parser.add_argument("--staff", type=int, default=200, help="people on the roster")
    parser.add_argument("--no-redaction", action="store_true", help="import with redaction disabled")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bedside-ingest-bench-") as tmp:
        folder = Path(tmp)
        roster, messages = write_files(folder, args.rows, args.staff, args.seed)
        size_mb = messages.stat().st_size / 1e6
        print(f"rows: {args.rows:,}  file: {size_mb:,.1f} MB  redaction: {'off' if args.no_redaction else 'on'}")

        count, baseline = csv_reader_rate(messages)
        print(f"baseline  csv.reader pass: {baseline:>12,.0f} rows/s")

        settings = Settings(
            environment="test",
            database_url=f"sqlite:///{folder / 'bench.db'}",
            data_dir=folder,
            redaction_enabled=not args.no_redaction,
        )
        database = open_database(settings)
        database.upgrade()
        import_file(database, roster, settings=settings)
        rss_before = peak_rss_mb()
        started = time.perf_counter()
        report = import_file(database, messages, settings=settings)
        seconds = time.perf_counter() - started
        rate = report.added / seconds
        with database.session() as session:
            stored = session.scalar(sa.select(sa.func.count()).select_from(Message))
            links = session.scalar(sa.select(sa.func.count()).select_from(MessageRecipient))
        database.dispose()
        assert stored == count == report.added, (stored, count, report.added)
        print(
            f"bedside ingest:            {rate:>12,.0f} rows/s  ({seconds:,.1f} s, {stored:,} messages, {links:,} recipients)"
        )
        print(f"ratio ingest / csv.reader: {rate / baseline:>12.3f}")
        print(f"peak RSS: {peak_rss_mb():,.0f} MB (before the messages import: {rss_before:,.0f} MB)")
        print(f"database file: {(folder / 'bench.db').stat().st_size / 1e6:,.0f} MB")
        if not args.no_redaction:
            names = [row["name"] for row in csv.DictReader(roster.open(encoding="utf-8", newline=""))]
            print(f"redactor alone (20,000-message sample): {redaction_rate(messages, names, 20_000):,.0f} messages/s")


if __name__ == "__main__":
    main()
