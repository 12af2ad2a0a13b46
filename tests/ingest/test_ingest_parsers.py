"""Property tests: whatever bytes or values arrive, the readers and row parsers fail only with IngestError."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bedside.ingest import IngestError, RecordKind
from bedside.ingest.fhir import read_fhir_bundle
from bedside.ingest.readers import read_csv, read_jsonl
from bedside.ingest.rows import ROW_MODELS, check_columns, detect_kind, parse_row
from bedside.ingest.service import detect_format

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COLUMNS = sorted({name for model in ROW_MODELS.values() for name in model.model_fields})

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def _parse_all(kind: RecordKind | None, rows: Any, columns: tuple[str, ...] | None) -> int:
    parsed = 0
    for raw in rows:
        if raw.error is not None:
            continue
        try:
            row_kind = kind or detect_kind(columns or raw.data.keys())
            parse_row(row_kind, raw.data, line=raw.line, max_field_chars=200)
            parsed += 1
        except IngestError:
            pass
    return parsed


def _csv_text() -> st.SearchStrategy[str]:
    cell = st.one_of(st.sampled_from(COLUMNS), st.text(alphabet=st.characters(codec="utf-8"), max_size=12))
    line = st.lists(cell, min_size=1, max_size=8).map(",".join)
    quoted = st.sampled_from(['"', '""', '"a,b"', "\r", "\n", "\x00", ";"])
    return st.lists(st.one_of(line, quoted), min_size=0, max_size=8).map("\n".join)


@FAST
@given(st.one_of(_csv_text().map(lambda t: t.encode("utf-8")), st.binary(max_size=200)))
def test_csv_reader_and_parser_raise_only_ingest_errors(data: bytes) -> None:
    try:
        stream = read_csv(io.BytesIO(data), file="fuzz.csv")
        kind = detect_kind(stream.columns or ())
        check_columns(kind, stream.columns or ())
        _parse_all(kind, stream.rows, stream.columns)
    except IngestError:
        pass


@FAST
@given(
    st.lists(
        st.one_of(
            st.dictionaries(st.sampled_from(COLUMNS), json_values, max_size=9).map(json.dumps),
            st.text(max_size=40),
        ),
        max_size=6,
    ).map(lambda lines: "\n".join(lines).encode("utf-8"))
    | st.binary(max_size=200)
)
def test_jsonl_reader_and_parser_raise_only_ingest_errors(data: bytes) -> None:
    try:
        _parse_all(None, read_jsonl(io.BytesIO(data), file="fuzz.jsonl").rows, None)
    except IngestError:
        pass


@FAST
@given(st.sampled_from(list(RecordKind)), st.dictionaries(st.sampled_from(COLUMNS), json_values, max_size=12))
def test_parse_row_accepts_or_raises_a_row_error(kind: RecordKind, raw: dict[str, Any]) -> None:
    try:
        row = parse_row(kind, raw, line=7, max_field_chars=200)
    except IngestError as error:
        assert str(error).startswith("<rows>:7")
    else:
        assert row.row_id


@FAST
@given(st.binary(max_size=120), st.sampled_from(["x.csv", "x.jsonl", "x.json"]))
def test_format_detection_never_crashes(data: bytes, name: str) -> None:
    try:
        assert detect_format(Path(name), data) in {"csv", "jsonl", "fhir"}
    except IngestError:
        pass


resource = st.fixed_dictionaries(
    {"resourceType": st.sampled_from(["Practitioner", "PractitionerRole", "Communication", "Organization", "Patient"])},
    optional={
        "id": st.text(max_size=6) | st.integers(),
        "name": json_values,
        "sender": st.fixed_dictionaries({"reference": st.text(max_size=20)}) | json_values,
        "recipient": st.lists(st.fixed_dictionaries({"reference": st.text(max_size=20)}), max_size=2) | json_values,
        "practitioner": st.fixed_dictionaries({"reference": st.text(max_size=20)}),
        "status": st.sampled_from(["completed", "bogus"]),
        "sent": st.text(max_size=25),
        "payload": st.lists(st.fixed_dictionaries({"contentString": st.text(max_size=20)}), max_size=2) | json_values,
    },
)


@FAST
@given(st.lists(st.fixed_dictionaries({"resource": resource}) | json_values, max_size=5))
def test_fhir_reader_raises_only_ingest_errors(entries: list[Any]) -> None:
    data = json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}).encode("utf-8")
    try:
        for section in read_fhir_bundle(io.BytesIO(data), file="fuzz.json"):
            _parse_all(section.kind, section.rows, None)
    except IngestError:
        pass
