"""The detector interface every built-in and plug-in detector implements.

A :class:`Detector` has a ``name``, a ``version`` (stored with results, so a changed rule changes the
analyzer version), the ``labels`` it may emit and ``detect(prepared, context) -> list[Evidence]``.
Detectors are pure: no state between calls, no I/O in ``detect``.
"""

from __future__ import annotations

import abc

from bedside.rapport.context import DetectionContext
from bedside.rapport.labels import LabelInfo
from bedside.text.evidence import Evidence
from bedside.text.prepared import PreparedText


class Detector(abc.ABC):
    """Finds labelled evidence spans in a prepared message."""

    name: str = ""
    version: str = ""
    description: str = ""
    labels: tuple[str, ...] = ()

    @abc.abstractmethod
    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        """Return the evidence found in ``prepared`` (may be empty; never ``None``)."""

    def label_infos(self) -> dict[str, LabelInfo]:
        """Catalogue entries for labels this detector adds beyond :data:`bedside.rapport.labels.LABELS`."""
        return {}

    @property
    def identity(self) -> str:
        """``name@version``, as stored with findings."""
        return f"{self.name}@{self.version}"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.identity}>"
