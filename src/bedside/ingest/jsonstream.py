"""One large JSON document read incrementally with ``ijson``, as often as needed, with clear errors.

:class:`JsonSource` wraps a binary stream (spooled to a temporary file first if it cannot seek),
skips a UTF-8 byte-order mark, and yields the items of one array at a time (``items("entry.item")``)
so a document never has to fit in memory. Any problem with the bytes becomes a
:class:`~bedside.ingest.errors.FileError`: not UTF-8 names the first bad line (as for CSV and JSONL),
invalid JSON names the line and column where the parser stopped. The parser's own message is used
without its excerpt of the document, which could hold free text.

:meth:`JsonSource.top_level` looks at the top level of an object document without building it: its
type, its ``resourceType`` and the type of its ``entry`` value, reading events only until ``entry``.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, BinaryIO

import ijson

from bedside.ingest.errors import FileError
from bedside.ingest.readers import encoding_error, first_bad_utf8_line

CHUNK = 1 << 16
BOM = b"\xef\xbb\xbf"
MAX_DEPTH = 500  # deeper data is refused where it would be kept (a reject file), as json.loads would refuse it
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
_PARSE_ERRORS: tuple[type[Exception], ...] = (ijson.JSONError, UnicodeDecodeError)
# yajl's reasons in plainer words (the others are clear enough: "after array element, I expect ',' or ']'").
_PLAIN_REASONS = {
    "premature EOF": "the document ends too early",
    "trailing garbage": "more data after the end of the document",
    "invalid char in json text": "unexpected character",
}
_TYPE_NAMES = {"string": "str", "boolean": "bool", "null": "NoneType", "start_array": "list", "start_map": "dict"}


class _Counted:
    """A stream that tells ``on_read`` how many bytes of this pass have been read, chunk by chunk."""

    def __init__(self, stream: BinaryIO, on_read: Callable[[int], None]) -> None:
        self._stream = stream
        self._on_read = on_read
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        if data:
            self.position += len(data)
            self._on_read(self.position)
        return data


class _Discard:
    """A coroutine target that drops the parser's events (used to find where the JSON breaks)."""

    def send(self, value: Any) -> None:
        return None


@dataclass
class TopLevel:
    """What the top level of a document holds, seen without building it."""

    type_name: str  # "dict", "list", "str", ... as type(json.loads(...)).__name__ would say
    resource_type: Any = None
    resource_type_known: bool = False  # False: it may come after "entry"; read it with values("resourceType")
    entry_type: str | None = None  # None: no "entry" key
    entry_truthy: bool = False  # a non-empty object or a true scalar (an empty one counts as no entries)


class JsonSource:
    """A JSON document in a binary stream, read from its start as often as needed."""

    def __init__(self, stream: BinaryIO, *, file: str) -> None:
        self.file = file
        if not stream.seekable():
            spooled = tempfile.TemporaryFile()  # lives as long as the rows are read
            shutil.copyfileobj(stream, spooled, CHUNK)
            stream = spooled  # type: ignore[assignment]
            stream.seek(0)
        self.stream = stream
        start = stream.tell()
        self.data_start = start + 3 if stream.read(3) == BOM else start
        self.size = stream.seek(0, io.SEEK_END) - self.data_start  # bytes one pass reads

    def rewind(self) -> BinaryIO:
        self.stream.seek(self.data_start)
        return self.stream

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Turn the parser's errors into a :class:`FileError` naming the bad line (or the bad encoding)."""
        try:
            yield
        except _PARSE_ERRORS as exc:
            raise self.error(exc) from None

    def items(self, prefix: str, on_read: Callable[[int], None] | None = None) -> Iterator[Any]:
        """The values at ``prefix`` (ijson notation, e.g. ``entry.item``), built one at a time.

        ``on_read`` is told the bytes read so far in this pass (from the data start), per chunk.
        """
        with self.reading():
            stream: Any = self.rewind() if on_read is None else _Counted(self.rewind(), on_read)
            yield from ijson.items(stream, prefix, use_float=True, buf_size=CHUNK)

    def top_level(self) -> TopLevel:
        """The top-level type, ``resourceType`` (if it comes before ``entry``) and the type of ``entry``."""
        with self.reading():
            events = ijson.parse(self.rewind(), use_float=True, buf_size=CHUNK)
            _, event, value = next(events)
            top = TopLevel(_type_name(event, value))
            if event != "start_map":
                return top
            depth, key, rt_container = 1, None, False
            for _, event, value in events:
                if depth == 1 and event == "map_key":
                    key = value
                    continue
                if event in ("end_map", "end_array"):
                    depth -= 1
                    if depth == 0:
                        break
                    continue
                at_top = depth == 1  # this event starts a value (a container or a scalar)
                if event in ("start_map", "start_array"):
                    depth += 1
                if at_top and key == "resourceType":
                    # A container here is only read later, in full, by last_value("resourceType").
                    rt_container = event in ("start_map", "start_array")
                    top.resource_type_known = not rt_container
                    top.resource_type = value
                elif at_top and key == "entry":
                    top.entry_type = _type_name(event, value)
                    if event == "start_map":
                        top.entry_truthy = next(events)[1] != "end_map"
                    elif event != "start_array":
                        top.entry_truthy = bool(value)
                    return top
            top.resource_type_known = not rt_container  # the whole top level was seen
            return top

    def last_value(self, prefix: str) -> Any:
        """The last value at ``prefix`` in the document (as json.loads keeps the last of repeated keys)."""
        found = None
        for value in self.items(prefix):
            found = value
        return found

    # -- errors ----------------------------------------------------------------------------------

    def error(self, exc: Exception) -> FileError:
        line, _ = first_bad_utf8_line(self.stream)
        if line:
            return encoding_error(self.stream, self.file)
        offset, what = self._error_offset(exc)
        line, column = self._line_column(offset)
        return FileError(f"not valid JSON ({what} at column {column})", file=self.file, line=line)

    def _error_offset(self, first: Exception) -> tuple[int, str]:
        """The byte offset (from the data start) where the parser stops, found by feeding it again."""
        stream = self.rewind()
        parser = ijson.basic_parse_coro(_Discard(), use_float=True)
        offset = 0
        try:
            while chunk := stream.read(CHUNK):
                try:
                    parser.send(chunk)
                except _PARSE_ERRORS:
                    return self._within(offset, chunk, first)
                offset += len(chunk)
            parser.close()
        except _PARSE_ERRORS as exc:
            return offset, _describe(exc)
        return offset, _describe(first)  # the file changed since the first error: report the end

    def _within(self, offset: int, chunk: bytes, first: Exception) -> tuple[int, str]:
        """Feed the bytes before ``chunk`` again, then ``chunk`` byte by byte, until the parser stops."""
        stream = self.rewind()
        parser = ijson.basic_parse_coro(_Discard(), use_float=True)
        remaining = offset
        while remaining > 0:
            data = stream.read(min(CHUNK, remaining))
            if not data:
                break
            parser.send(data)
            remaining -= len(data)
        for index in range(len(chunk)):
            try:
                parser.send(chunk[index : index + 1])
            except _PARSE_ERRORS as exc:
                return offset + index, _describe(exc)
        return offset + len(chunk), _describe(first)

    def _line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters, as json.loads counts them) of a byte offset."""
        stream = self.rewind()
        line, column, remaining = 1, 0, offset
        while remaining > 0:
            data = stream.read(min(CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
            last = data.rfind(b"\n")
            if last >= 0:
                line += data.count(b"\n")
                column = len(data[last + 1 :].translate(None, _CONTINUATION_BYTES))
            else:
                column += len(data.translate(None, _CONTINUATION_BYTES))
        return line, column + 1


def _type_name(event: str, value: Any) -> str:
    """The Python type name json.loads would give the value that starts with this parser event."""
    return type(value).__name__ if event == "number" else _TYPE_NAMES.get(event, event)


def _describe(exc: Exception) -> str:
    """The parser's reason without its excerpt of the document (which may hold free text)."""
    if isinstance(exc, UnicodeDecodeError):
        return "invalid UTF-8"
    text = str(exc).split("\n", 1)[0].strip()
    for prefix in ("parse error: ", "lexical error: "):
        text = text.removeprefix(prefix)
    text = text.rstrip(".").strip()
    return _PLAIN_REASONS.get(text, text) or "invalid JSON"


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and objects nest deeper than ``limit`` (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list) and depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False
