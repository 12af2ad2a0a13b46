"""The explicit detector registry and the ``bedside.detectors`` entry-point group."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

from bedside.rapport import registry
from bedside.rapport.context import DetectionContext
from bedside.rapport.detector import Detector
from bedside.rapport.labels import LABELS
from bedside.text.evidence import Evidence
from bedside.text.prepared import PreparedText


class EchoDetector(Detector):
    name = "echo"
    version = "0.1"
    labels = ("blame",)

    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        return []


def test_builtins_are_listed_explicitly_and_named_uniquely() -> None:
    loaded = registry.load_detectors(include_plugins=False)
    names = [item.detector.name for item in loaded]
    assert names == [name for name, _ in registry.DEFAULT_DETECTORS]
    for item in loaded:
        assert item.detector.version and item.origin == "builtin"
        for label in item.detector.labels:
            assert label in LABELS or label in item.detector.label_infos()


def test_plugins_come_from_the_entry_point_group(monkeypatch: pytest.MonkeyPatch) -> None:
    points = [
        EntryPoint("echo", f"{__name__}:EchoDetector", registry.ENTRY_POINT_GROUP),
        EntryPoint("broken", "no_such_module_xyz:Thing", registry.ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(registry, "entry_points", lambda group: [p for p in points if p.group == group])
    loaded = registry.load_detectors()
    assert loaded[-1].detector.name == "echo" and "entry point echo" in loaded[-1].origin
    assert "broken" not in {item.detector.name for item in loaded}


def test_duplicate_names_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "DEFAULT_DETECTORS", [("a", EchoDetector), ("b", EchoDetector)])
    with pytest.raises(registry.DetectorLoadError, match="two detectors"):
        registry.load_detectors(include_plugins=False)


def test_detector_is_abstract() -> None:
    with pytest.raises(TypeError):
        Detector()  # type: ignore[abstract]
