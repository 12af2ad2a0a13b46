"""Redaction at the door: the one place imported free text passes before it is stored or written.

:class:`RedactionGate` wraps :class:`bedside.text.redaction.RedactionPool`, built lazily with the
organisation's roster names as the allow-list of staff names (staff are not patients) and its own name and
configured sites as places that are nobody's home. An import hands it a batch at a time, which the pool spreads
over ``workers`` processes when it is big enough. When redaction is disabled in the settings the gate passes text
through unchanged and records nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, Protocol

log = logging.getLogger(__name__)


class _Placeholder(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class _Result(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def placeholders(self) -> Sequence[_Placeholder]: ...


class TextRedactor(Protocol):
    """What the gate needs of a redactor (``bedside.text.redaction.RedactionPool`` provides it)."""

    def redact(self, text: str) -> _Result: ...

    def redact_many(self, texts: Sequence[str]) -> Sequence[_Result]: ...

    def close(self) -> None: ...


def default_redactor(staff_names: list[str], site_names: Sequence[str] = (), workers: int = 1) -> TextRedactor:
    """Bedside's patient-identifier redactor with these staff names and the organisation's own sites allowed, over
    ``workers`` processes for big batches (0: one per core)."""
    from bedside.text.redaction import RedactionPool  # imported late: building it loads name lists

    redactor: TextRedactor = RedactionPool(staff_names, site_names=site_names, workers=workers)
    return redactor


RedactorFactory = Callable[[list[str], Sequence[str], int], TextRedactor]
Redacted = tuple[str, list[dict[str, Any]]]


class RedactionGate:
    """Redacts text with a redactor built on first use from ``staff_names()`` and ``site_names``; ``reset`` rebuilds it.

    Use it as a context manager (or call :meth:`close`) so that the redactor's worker processes end with the import.
    """

    def __init__(
        self,
        *,
        enabled: bool,
        staff_names: Callable[[], list[str]],
        site_names: Callable[[], list[str]] = list,
        factory: RedactorFactory = default_redactor,
        workers: int = 1,
    ) -> None:
        self.enabled = enabled
        self._staff_names = staff_names
        self._site_names = site_names
        self._factory = factory
        self._workers = workers
        self._redactor: TextRedactor | None = None

    def reset(self) -> None:
        """Forget the redactor so the next text uses the roster as it is now (after a roster import)."""
        self.close()

    def close(self) -> None:
        """End the redactor's worker processes, if it started any."""
        if self._redactor is not None:
            self._redactor.close()
            self._redactor = None

    def __enter__(self) -> RedactionGate:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _get(self) -> TextRedactor:
        if self._redactor is None:
            names = self._staff_names()
            log.debug("building the redactor with %d staff names", len(names))
            self._redactor = self._factory(names, self._site_names(), self._workers)
        return self._redactor

    def redact(self, text: str) -> Redacted:
        """The text to store and the placeholders that replaced identifiers in it."""
        if not self.enabled:
            return text, []
        return _stored(self._get().redact(text))

    def redact_many(self, texts: Sequence[str]) -> list[Redacted]:
        """:meth:`redact` for each text, in order; a big batch is spread over the redactor's worker processes."""
        if not self.enabled:
            return [(text, []) for text in texts]
        return [_stored(result) for result in self._get().redact_many(texts)]

    def redact_text(self, text: str) -> str:
        return self.redact(text)[0] if self.enabled else text


def _stored(result: _Result) -> Redacted:
    return result.text, [p.to_dict() for p in result.placeholders]
