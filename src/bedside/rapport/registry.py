"""The explicit list of built-in detectors, plus outside plug-ins from the ``bedside.detectors`` entry points.

Like Datasette's ``DEFAULT_PLUGINS``: built-ins are listed here by hand, and are loaded exactly the
way a plug-in is (a zero-argument factory returning a :class:`Detector`). Nothing registers itself on
import and nothing walks ``__subclasses__()``. A plug-in package declares, in its ``pyproject.toml``::

    [project.entry-points."bedside.detectors"]
    my_rule = "my_package.detectors:MyDetector"
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from importlib.metadata import entry_points
from pathlib import Path

from bedside.rapport.clinical import ClosedLoop, CUSAcknowledgement, CUSLanguage, SBARCompleteness
from bedside.rapport.conduct import Shouting, UnmitigatedCommands
from bedside.rapport.detector import Detector
from bedside.rapport.rules import load_builtin_rules, load_rule_file
from bedside.rapport.strategies import PolitenessStrategies

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "bedside.detectors"

DetectorFactory = Callable[[], Detector]

DEFAULT_DETECTORS: list[tuple[str, DetectorFactory]] = [
    ("politeness_strategies", PolitenessStrategies),
    ("unmitigated_commands", UnmitigatedCommands),
    ("shouting", Shouting),
    ("condescension", partial(load_builtin_rules, "condescension")),
    ("blame", partial(load_builtin_rules, "blame")),
    ("dismissive", partial(load_builtin_rules, "dismissive")),
    ("insults", partial(load_builtin_rules, "insults")),
    ("threats", partial(load_builtin_rules, "threats")),
    ("profanity", partial(load_builtin_rules, "profanity")),
    ("cus_language", CUSLanguage),
    ("cus_acknowledgement", CUSAcknowledgement),
    ("closed_loop", ClosedLoop),
    ("sbar_completeness", SBARCompleteness),
]


class DetectorLoadError(RuntimeError):
    """A plug-in detector could not be loaded or is not a Detector."""


@dataclass(frozen=True)
class LoadedDetector:
    """A detector with where it came from ("builtin" or the plug-in's entry point)."""

    detector: Detector
    origin: str


def _build(factory: DetectorFactory, origin: str) -> Detector:
    detector = factory()
    if not isinstance(detector, Detector):
        raise DetectorLoadError(
            f"{origin} did not produce a bedside.rapport.detector.Detector (got {type(detector)!r})"
        )
    if not detector.name or not detector.version:
        raise DetectorLoadError(f"{origin} produced a detector without a name and version")
    return detector


def plugin_detectors() -> list[LoadedDetector]:
    """Detectors from installed packages' ``bedside.detectors`` entry points (broken ones are logged and skipped)."""
    loaded: list[LoadedDetector] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        origin = f"entry point {point.name} = {point.value}"
        try:
            loaded.append(LoadedDetector(_build(point.load(), origin), origin))
        except (ImportError, AttributeError, TypeError, ValueError, DetectorLoadError) as exc:
            log.error("skipping detector plug-in %s: %s", origin, exc)
    return loaded


def rule_folder_detectors(rules_dir: Path) -> list[LoadedDetector]:
    """Detectors from an educator's folder of YAML rule files (``*.yaml``, in name order).

    A broken file stops loading with a :class:`~bedside.rapport.rules.RuleFileError` naming it, so a
    typo never silently switches a rule off.
    """
    if not rules_dir.is_dir():
        raise DetectorLoadError(f"the rules folder {rules_dir} does not exist (BEDSIDE_RULES_DIR)")
    return [
        LoadedDetector(_build(partial(load_rule_file, path), f"rule file {path}"), f"rule file {path}")
        for path in sorted(rules_dir.glob("*.yaml"))
    ]


def load_detectors(include_plugins: bool = True, rules_dir: Path | None = None) -> list[LoadedDetector]:
    """The built-in detectors in registry order, then rule-folder files, then plug-ins; names must be unique."""
    loaded = [LoadedDetector(_build(factory, f"builtin {name}"), "builtin") for name, factory in DEFAULT_DETECTORS]
    if rules_dir is not None:
        loaded.extend(rule_folder_detectors(rules_dir))
    if include_plugins:
        loaded.extend(plugin_detectors())
    seen: set[str] = set()
    for item in loaded:
        if item.detector.name in seen:
            raise DetectorLoadError(f"two detectors are named {item.detector.name!r} ({item.origin})")
        seen.add(item.detector.name)
    return loaded
