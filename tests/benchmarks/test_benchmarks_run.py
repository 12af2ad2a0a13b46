"""The benchmark scripts still run end to end on tiny inputs (their speed figures are not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("script", "args", "expect"),
    [
        ("tone_speed.py", ["--messages", "300", "--repeat", "1"], "ratio"),
        ("redaction_speed.py", ["--messages", "100"], "ratio"),
        ("redaction_speed.py", ["--messages", "100", "--set", "authored", "--workers", "1"], "authored ft-ga"),
        ("ingest_million.py", ["--rows", "300", "--staff", "20"], "ratio"),
        ("ingest_million.py", ["--rows", "300", "--staff", "20", "--format", "fhir"], "ratio"),
    ],
)
def test_benchmark_runs_and_prints_a_ratio(script: str, args: list[str], expect: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert expect in done.stdout.lower(), done.stdout[-2000:]
