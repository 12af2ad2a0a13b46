"""Redaction at the door: the one place imported free text passes before it is stored or written.

:class:`RedactionGate` wraps :class:`bedside.text.redaction.Redactor`, built lazily with the
organisation's roster names as the allow-list of staff names (staff are not patients) and its own name and
configured sites as places that are nobody's home. When
redaction is disabled in the settings the gate passes text through unchanged and records nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
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
    """What the gate needs of a redactor (``bedside.text.redaction.Redactor`` provides it)."""

    def redact(self, text: str) -> _Result: ...


def default_redactor(staff_names: list[str], site_names: Sequence[str] = ()) -> TextRedactor:
    """Bedside's patient-identifier redactor with these staff names and the organisation's own sites allowed."""
    from bedside.text.redaction import Redactor  # imported late: building it loads name lists

    redactor: TextRedactor = Redactor(staff_names=staff_names, site_names=site_names)
    return redactor


RedactorFactory = Callable[[list[str], Sequence[str]], TextRedactor]


class RedactionGate:
    """Redacts text with a redactor built on first use from ``staff_names()`` and ``site_names``; ``reset`` rebuilds it."""

    def __init__(
        self,
        *,
        enabled: bool,
        staff_names: Callable[[], list[str]],
        site_names: Callable[[], list[str]] = list,
        factory: RedactorFactory = default_redactor,
    ) -> None:
        self.enabled = enabled
        self._staff_names = staff_names
        self._site_names = site_names
        self._factory = factory
        self._redactor: TextRedactor | None = None

    def reset(self) -> None:
        """Forget the redactor so the next text uses the roster as it is now (after a roster import)."""
        self._redactor = None

    def _get(self) -> TextRedactor:
        if self._redactor is None:
            names = self._staff_names()
            log.debug("building the redactor with %d staff names", len(names))
            self._redactor = self._factory(names, self._site_names())
        return self._redactor

    def redact(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        """The text to store and the placeholders that replaced identifiers in it."""
        if not self.enabled:
            return text, []
        result = self._get().redact(text)
        return result.text, [p.to_dict() for p in result.placeholders]

    def redact_text(self, text: str) -> str:
        return self.redact(text)[0] if self.enabled else text
