"""Typed errors of the import: every one names the file and, where it can, the line and field.

A :class:`RowError` is one bad row (it can be skipped with ``--skip-invalid``); a :class:`FileError`
is a problem with the whole file (wrong encoding, missing columns, unknown kind) that no skipping can
fix. A line that is not valid UTF-8 is an :class:`EncodingRowError`: a row error that can be set
aside with ``--skip-invalid``, and otherwise the file error it always was. All derive from
:class:`IngestError`, the only exception type the ingest package raises for bad
input, so callers catch one type and show its message.
"""

from __future__ import annotations


class IngestError(ValueError):
    """Bad input: the message says what is wrong and where, in words a user can act on."""


class RowError(IngestError):
    """One row is invalid. ``line`` is 1-based (the physical line where the row starts)."""

    def __init__(
        self,
        reason: str,
        *,
        line: int | None = None,
        field: str | None = None,
        file: str = "",
        entry: str | None = None,
    ) -> None:
        self.reason = reason
        self.line = line
        self.field = field
        self.file = file
        self.entry = entry  # where a line number means nothing, e.g. "entry 3 (Communication/c1)" in a Bundle
        super().__init__(self._compose())

    def _compose(self) -> str:
        where = self.file or "<rows>"
        if self.line is not None:
            where += f":{self.line}"
        if self.entry:
            where += f": {self.entry}"
        if self.field:
            where += f": field {self.field!r}"
        return f"{where}: {self.reason}"

    def located(self, *, file: str, line: int | None = None, entry: str | None = None) -> RowError:
        """The same error, placed in ``file`` (and at ``line`` / ``entry`` when the error did not know them)."""
        return RowError(
            self.reason,
            line=self.line if self.line is not None else line,
            field=self.field,
            file=file,
            entry=self.entry or entry,
        )


class FileError(IngestError):
    """The file as a whole cannot be imported (encoding, structure, columns, kind)."""

    def __init__(self, reason: str, *, file: str = "", line: int | None = None) -> None:
        self.reason = reason
        self.file = file
        self.line = line
        where = file or "<rows>"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {reason}")


ENCODING_ADVICE = "save or convert it as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8 IN > OUT`) and import again"


def encoding_file_error(detail: str, *, file: str, line: int | None) -> FileError:
    """The whole-file error for bytes that are not UTF-8 (``detail``: which byte, at which column)."""
    return FileError(f"the file is not valid UTF-8 ({detail}); {ENCODING_ADVICE}", file=file, line=line)


class EncodingRowError(RowError):
    """A row whose bytes are not valid UTF-8; ``bad_line`` is the physical line with the first bad byte.

    With ``--skip-invalid`` the row goes to the reject file (without its text, which cannot be
    decoded and so cannot be redacted); otherwise it stops the file as :meth:`file_error`.
    """

    def __init__(self, *, line: int, bad_line: int, detail: str) -> None:
        super().__init__(
            f"line {bad_line} is not valid UTF-8 ({detail}); save the file as UTF-8", line=line, field="encoding"
        )
        self.bad_line = bad_line
        self.detail = detail

    def file_error(self, file: str) -> FileError:
        return encoding_file_error(self.detail, file=file, line=self.bad_line)
