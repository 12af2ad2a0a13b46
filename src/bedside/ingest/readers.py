"""Streaming readers for CSV and JSONL files: raw rows with their line numbers, read as bytes go by.

Readers never hold a file in memory: they yield one :class:`RawRow` at a time and count the bytes
consumed so a progress bar can follow. Input must be UTF-8 (a byte-order mark is accepted); any
other encoding stops the file with a :class:`~bedside.ingest.errors.FileError` naming the first bad
line. A row that cannot even be split into fields (bad JSON, wrong number of CSV values) is yielded
with its :class:`~bedside.ingest.errors.RowError` so the caller can stop or reject it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from bedside.ingest.errors import FileError, RowError
from bedside.ingest.rows import RecordKind

# Fields longer than our own limit get a clear row error from validation; this hard ceiling only
# stops the csv module from buffering an unbounded field (a file with a missing closing quote).
CSV_FIELD_CEILING = 16 * 1024 * 1024
RAW_LINE_KEY = "_raw"


@dataclass(frozen=True, slots=True)
class RawRow:
    """One row as read: its first physical line (or its entry in a Bundle), fields and structural error."""

    line: int | None
    data: dict[str, Any]
    error: RowError | None = None
    entry: str | None = None


class ByteCounter(io.RawIOBase):
    """A read-only raw stream that counts the bytes read through it (for progress by bytes)."""

    def __init__(self, inner: BinaryIO) -> None:
        self._inner = inner
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._inner.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        self.count += size
        return size


@dataclass
class Section:
    """The rows of one kind read from a file, with the file's own names for the row fields (if any)."""

    kind: RecordKind
    rows: Iterator[RawRow]
    field_names: Mapping[str, str] = field(default_factory=dict)
    strict: bool = True  # required columns must hold values (FHIR Practitioners may lack role and unit)


@dataclass
class RowStream:
    """Rows of one file with what is known up front: the header columns (CSV) and the byte counter."""

    rows: Iterator[RawRow]
    counter: ByteCounter
    columns: tuple[str, ...] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def bytes_read(self) -> int:
        return self.counter.count


def first_bad_utf8_line(stream: BinaryIO) -> tuple[int, str]:
    """Find the first line that is not valid UTF-8 (1-based) and describe the offending byte."""
    stream.seek(0)
    for number, raw in enumerate(stream, start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return number, f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1}"
    return 0, "an invalid byte sequence"


def encoding_error(stream: BinaryIO, file: str) -> FileError:
    line, what = first_bad_utf8_line(stream)
    return FileError(
        f"the file is not valid UTF-8 ({what}); save or convert it as UTF-8 "
        "(e.g. `iconv -f WINDOWS-1252 -t UTF-8 IN > OUT`) and import again",
        file=file,
        line=line or None,
    )


def read_csv(stream: BinaryIO, *, file: str) -> RowStream:
    """Rows of a CSV file with a header row. Values stay strings; empty cells are empty strings."""
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_CEILING))
    counter = ByteCounter(stream)
    text = io.TextIOWrapper(io.BufferedReader(counter, buffer_size=1 << 16), encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader, None)
    except UnicodeDecodeError:
        raise encoding_error(stream, file) from None
    except csv.Error as exc:
        raise FileError(f"the header row is not valid CSV ({exc})", file=file, line=1) from None
    if not header or not any(h.strip() for h in header):
        raise FileError("the file is empty or has no header row", file=file, line=1)
    columns = tuple(h.strip() for h in header)
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise FileError(f"the header names column(s) {', '.join(duplicates)} more than once", file=file, line=1)
    return RowStream(rows=_csv_rows(reader, columns, stream, file), counter=counter, columns=columns)


def _csv_rows(reader: Any, columns: tuple[str, ...], stream: BinaryIO, file: str) -> Iterator[RawRow]:
    width = len(columns)
    last_line = reader.line_num
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            raise encoding_error(stream, file) from None
        except csv.Error as exc:
            raise FileError(f"the file is not valid CSV here ({exc})", file=file, line=last_line + 1) from None
        line = last_line + 1
        last_line = reader.line_num
        if not values or (len(values) == 1 and not values[0].strip()):
            continue  # blank line
        if len(values) == width:
            yield RawRow(line, dict(zip(columns, values, strict=True)))
            continue
        data = dict(zip(columns, values, strict=False))
        if len(values) > width:
            data["_extra"] = values[width:]
        yield RawRow(
            line,
            data,
            RowError(
                f"the row has {len(values)} values but the header has {width} columns "
                "(a comma or quote inside a value needs the value in double quotes)",
                line=line,
            ),
        )


def read_jsonl(stream: BinaryIO, *, file: str) -> RowStream:
    """Rows of a JSON Lines file: one JSON object per line; blank lines are skipped."""
    counter = ByteCounter(stream)
    buffered = io.BufferedReader(counter, buffer_size=1 << 16)
    return RowStream(rows=_jsonl_rows(buffered, stream, file), counter=counter)


def _jsonl_rows(lines: Iterable[bytes], stream: BinaryIO, file: str) -> Iterator[RawRow]:
    for number, raw in enumerate(lines, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise encoding_error(stream, file) from None
        if not text.strip():
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RawRow(
                number,
                {RAW_LINE_KEY: text.rstrip("\r\n")},
                RowError(f"not valid JSON ({exc.msg} at column {exc.colno})", line=number),
            )
            continue
        except RecursionError:
            yield RawRow(
                number, {RAW_LINE_KEY: text.rstrip("\r\n")}, RowError("the JSON is nested too deeply", line=number)
            )
            continue
        if not isinstance(value, dict):
            yield RawRow(
                number,
                {RAW_LINE_KEY: text.rstrip("\r\n")},
                RowError(f"expected a JSON object, found {type(value).__name__}", line=number),
            )
            continue
        yield RawRow(number, value)
