"""Streaming readers for CSV and JSONL files: raw rows with their line numbers, read as bytes go by.

Readers never hold a file in memory: they yield one :class:`RawRow` at a time and count the bytes
consumed so a progress bar can follow. Input must be UTF-8 (a byte-order mark is accepted). Bytes are
decoded line by line, so a line that is not UTF-8 spoils only its own row: it is yielded with an
:class:`~bedside.ingest.errors.EncodingRowError` and no data but its byte offset (its text cannot be
decoded, so it cannot be redacted either). A file with such lines and no UTF-8 text at all (no
byte-order mark, no valid non-ASCII character) is in another encoding, and is refused as a whole with
a :class:`~bedside.ingest.errors.FileError` once read. A row that cannot even be split into fields
(bad JSON, wrong number of CSV values) is yielded with its :class:`~bedside.ingest.errors.RowError` so
the caller can stop or reject it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from bedside.ingest.errors import EncodingRowError, FileError, RowError, encoding_file_error
from bedside.ingest.rows import RecordKind

# Fields longer than our own limit get a clear row error from validation; this hard ceiling only
# stops the csv module from buffering an unbounded field (a file with a missing closing quote).
CSV_FIELD_CEILING = 16 * 1024 * 1024
RAW_LINE_KEY = "_raw"
OFFSET_KEY = "byte_offset"  # all a reject file keeps of a row that is not UTF-8
BOM = b"\xef\xbb\xbf"


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
    return encoding_file_error(what, file=file, line=line or None)


@dataclass(frozen=True, slots=True)
class BadBytes:
    """Where a line stops being UTF-8: its number, the byte, its 1-based column and its file offset."""

    line: int
    byte: int
    column: int
    offset: int

    @property
    def detail(self) -> str:
        return f"byte 0x{self.byte:02x} at column {self.column}"

    def row(self, line: int) -> RawRow:
        """The rejected row starting at ``line``: no text, only where the bad byte is."""
        error = EncodingRowError(line=line, bad_line=self.line, detail=self.detail)
        return RawRow(line, {OFFSET_KEY: self.offset}, error)

    def file_error(self, file: str) -> FileError:
        return encoding_file_error(self.detail, file=file, line=self.line)


class Utf8Tally:
    """Whether a file shows UTF-8 text (a BOM or a valid non-ASCII line) and its first line that is not UTF-8."""

    def __init__(self, bom: bool) -> None:
        self.utf8_seen = bom
        self.first_bad: BadBytes | None = None

    def bad(self, found: BadBytes) -> BadBytes:
        if self.first_bad is None:
            self.first_bad = found
        return found

    def check_end(self, file: str) -> None:
        """Refuse a file whose non-ASCII bytes are never UTF-8: it is in another encoding, not damaged."""
        if self.first_bad is not None and not self.utf8_seen:
            raise self.first_bad.file_error(file)


class _Utf8Lines:
    """Physical lines of a CSV file decoded one by one; bytes that are not UTF-8 are noted, not fatal.

    The text stream decodes with ``surrogateescape``, which keeps every ASCII byte (quotes, commas,
    line ends) in place, so the csv parser stays in step across a bad line; a record that took in a
    bad line is then rejected whole (see :meth:`take`).
    """

    def __init__(self, text: io.TextIOWrapper, bom: bool) -> None:
        self._text = text
        self._bom = len(BOM) if bom else 0
        self.number = 0
        self.offset = self._bom  # file offset of the next line
        self.tally = Utf8Tally(bom)
        self._pending: BadBytes | None = None  # first bad line since the last take()

    def __iter__(self) -> _Utf8Lines:
        return self

    def __next__(self) -> str:
        line = next(self._text)
        self.number += 1
        start = self.offset
        if line.isascii():
            self.offset += len(line)
            return line
        try:
            self.offset += len(line.encode("utf-8"))
            self.tally.utf8_seen = True
        except UnicodeEncodeError as exc:  # a surrogate escape: a byte that is not UTF-8
            self.offset += len(line.encode("utf-8", "surrogateescape"))
            before = len(line[: exc.start].encode("utf-8", "surrogateescape"))
            lead = self._bom if self.number == 1 else 0
            found = BadBytes(self.number, ord(line[exc.start]) - 0xDC00, lead + before + 1, start + before)
            self.tally.bad(found)
            if self._pending is None:
                self._pending = found
        return line

    def take(self) -> BadBytes | None:
        """The first bad line read since the last call (the lines of the record just parsed)."""
        found, self._pending = self._pending, None
        return found


def read_csv(stream: BinaryIO, *, file: str) -> RowStream:
    """Rows of a CSV file with a header row. Values stay strings; empty cells are empty strings."""
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_CEILING))
    counter = ByteCounter(stream)
    buffered = io.BufferedReader(counter, buffer_size=1 << 16)
    bom = buffered.peek(len(BOM)).startswith(BOM)
    text = io.TextIOWrapper(buffered, encoding="utf-8-sig", errors="surrogateescape", newline="")
    lines = _Utf8Lines(text, bom)
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise FileError(f"the header row is not valid CSV ({exc})", file=file, line=1) from None
    bad = lines.take()
    if bad is not None:
        raise bad.file_error(file)
    if not header or not any(h.strip() for h in header):
        raise FileError("the file is empty or has no header row", file=file, line=1)
    columns = tuple(h.strip() for h in header)
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise FileError(f"the header names column(s) {', '.join(duplicates)} more than once", file=file, line=1)
    return RowStream(rows=_csv_rows(reader, columns, lines, file), counter=counter, columns=columns)


def _csv_rows(reader: Any, columns: tuple[str, ...], lines: _Utf8Lines, file: str) -> Iterator[RawRow]:
    width = len(columns)
    last_line = reader.line_num
    while True:
        try:
            values = next(reader)
        except StopIteration:
            lines.tally.check_end(file)
            return
        except csv.Error as exc:
            raise FileError(f"the file is not valid CSV here ({exc})", file=file, line=last_line + 1) from None
        line = last_line + 1
        last_line = reader.line_num
        bad = lines.take()
        if bad is not None:
            yield bad.row(line)
            continue
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
    return RowStream(rows=_jsonl_rows(buffered, file), counter=counter)


def _jsonl_rows(lines: Iterable[bytes], file: str) -> Iterator[RawRow]:
    tally: Utf8Tally | None = None
    offset = 0
    for number, raw in enumerate(lines, start=1):
        start, offset = offset, offset + len(raw)
        lead = 0
        if number == 1:
            lead = len(BOM) if raw.startswith(BOM) else 0
            tally = Utf8Tally(bom=lead > 0)
            raw = raw[lead:]
        assert tally is not None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            found = BadBytes(number, raw[exc.start], lead + exc.start + 1, start + lead + exc.start)
            yield tally.bad(found).row(number)
            continue
        if not tally.utf8_seen and not raw.isascii():
            tally.utf8_seen = True
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
    if tally is not None:
        tally.check_end(file)
