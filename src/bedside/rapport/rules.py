"""Keyword and pattern detectors written as YAML, so a clinical educator can add a rule without code.

A rule file names a detector and lists rules; each rule has a ``label``, a one-line ``reason``, a
``score`` and ``phrases`` (matched on whole words, case-insensitive) and / or ``patterns`` (Python
regular expressions over the lower-cased text). Files are validated with pydantic: an unknown field,
a missing reason, an empty rule or a pattern that does not compile is refused with a message naming the
file and the rule. Example::

    detector: dismissive
    version: "1.0"
    description: Brushing off a colleague's request or concern.
    rules:
      - label: dismissive
        reason: Brushes off the request instead of answering it.
        phrases: ["not my problem", "figure it out"]

Labels not in :data:`bedside.rapport.labels.LABELS` must also give ``category`` and ``severity``.
"""

from __future__ import annotations

import re
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bedside.rapport.context import DetectionContext
from bedside.rapport.detector import Detector
from bedside.rapport.labels import LABELS, LabelInfo, Severity
from bedside.rapport.phrases import PhraseMatcher, phrase_tokens
from bedside.text.evidence import Evidence
from bedside.text.prepared import PreparedText

_NAME = r"^[a-z][a-z0-9_]*$"


class RuleFileError(ValueError):
    """A YAML rule file is unreadable or breaks the rule schema; the message says where and why."""


class Rule(BaseModel):
    """One keyword / pattern rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(pattern=_NAME, description="Evidence label the rule emits.")
    reason: str = Field(min_length=5, description="One sentence a person reads to understand the finding.")
    score: float = Field(0.8, ge=0.0, le=1.0, description="Confidence of a match (kept if >= the label threshold).")
    phrases: list[str] = Field(default_factory=list, description="Whole-word phrases, case-insensitive.")
    patterns: list[str] = Field(default_factory=list, description="Regular expressions over the lower-cased text.")
    sentence_start: bool = Field(False, description="Phrases only count when they open a sentence.")
    category: str | None = Field(None, pattern=_NAME, description="Category of a label not in the catalogue.")
    severity: Severity | None = Field(None, description="Severity of a label not in the catalogue.")
    affects_tone: bool = Field(True, description="Whether a new label counts towards the tone label.")

    @field_validator("phrases")
    @classmethod
    def _phrases_have_words(cls, phrases: list[str]) -> list[str]:
        for phrase in phrases:
            if not phrase_tokens(phrase):
                raise ValueError(f"phrase {phrase!r} has no words")
        return phrases

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from exc
            if compiled.groups:
                raise ValueError(f"pattern {pattern!r} must not contain capturing groups; use (?:...)")
            if compiled.match(""):
                raise ValueError(f"pattern {pattern!r} matches the empty string")
        return patterns

    @model_validator(mode="after")
    def _complete(self) -> Rule:
        if not self.phrases and not self.patterns:
            raise ValueError(f"rule {self.label!r} needs at least one phrase or pattern")
        if self.label not in LABELS and (self.category is None or self.severity is None):
            raise ValueError(f"rule {self.label!r} uses a new label, so it must give 'category' and 'severity'")
        return self


class RuleFile(BaseModel):
    """A YAML file of rules forming one detector."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    detector: str = Field(pattern=_NAME)
    version: str = Field(min_length=1)
    description: str = Field(min_length=5)
    rules: list[Rule] = Field(min_length=1)


def parse_rule_file(content: str, source: str) -> RuleFile:
    """Validate YAML text; ``source`` (a file name) appears in error messages."""
    try:
        data: Any = yaml.safe_load(content)
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleFileError(f"{source}: expected a mapping with 'detector', 'version', 'description' and 'rules'")
    try:
        return RuleFile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(file)'}: {err['msg']}" for err in exc.errors()
        )
        raise RuleFileError(f"{source}: invalid rule file: {problems}") from exc


class RuleDetector(Detector):
    """A detector built from a validated :class:`RuleFile`."""

    def __init__(self, spec: RuleFile, source: str = "") -> None:
        self.spec = spec
        self.source = source
        self.name = spec.detector
        self.version = spec.version
        self.description = spec.description
        self.labels = tuple(dict.fromkeys(rule.label for rule in spec.rules))

    @cached_property
    def _start_matcher(self) -> PhraseMatcher:
        return PhraseMatcher((p, r) for r in self.spec.rules if r.sentence_start for p in r.phrases)

    @cached_property
    def _matcher(self) -> PhraseMatcher:
        return PhraseMatcher((p, r) for r in self.spec.rules if not r.sentence_start for p in r.phrases)

    @cached_property
    def _pattern(self) -> tuple[re.Pattern[str] | None, dict[str, Rule]]:
        groups: dict[str, Rule] = {}
        parts: list[str] = []
        for i, rule in enumerate(self.spec.rules):
            for j, pattern in enumerate(rule.patterns):
                group = f"r{i}_{j}"
                groups[group] = rule
                parts.append(f"(?P<{group}>{pattern})")
        return (re.compile("|".join(parts)) if parts else None), groups

    def label_infos(self) -> dict[str, LabelInfo]:
        return {
            rule.label: LabelInfo(rule.category or "other", rule.severity or "info", affects_tone=rule.affects_tone)
            for rule in self.spec.rules
            if rule.label not in LABELS
        }

    @cached_property
    def _heads(self) -> frozenset[str]:
        return self._matcher.heads | self._start_matcher.heads

    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        pattern, groups = self._pattern
        if pattern is None and self._heads.isdisjoint(prepared.word_set):
            return []
        found: list[Evidence] = []
        starts, ends, name = prepared.starts, prepared.ends, self.name
        for first, last, tokens, value in self._matcher.finditer(prepared):
            rule: Rule = value  # type: ignore[assignment]
            found.append(
                Evidence(rule.label, starts[first], ends[last], rule.score, name, rule.reason, " ".join(tokens))
            )
        starters = self._start_matcher
        if starters.heads:
            for first, last, tokens, value in starters.matches(prepared):
                if first in prepared.sentence_starts:
                    rule = value  # type: ignore[assignment]
                    found.append(
                        Evidence(rule.label, starts[first], ends[last], rule.score, name, rule.reason, " ".join(tokens))
                    )
        if pattern is not None:
            for match in pattern.finditer(prepared.lower):
                rule = groups[match.lastgroup or ""]
                found.append(
                    Evidence(rule.label, match.start(), match.end(), rule.score, name, rule.reason, match.group())
                )
        return found


def load_rule_file(path: Path) -> RuleDetector:
    """Build a detector from a YAML file on disk."""
    try:
        content = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read rule file: {exc}") from exc
    return RuleDetector(parse_rule_file(content, str(path)), source=str(path))


def load_builtin_rules(name: str) -> RuleDetector:
    """Build a detector from ``bedside/rapport/rules/<name>.yaml`` shipped in the package."""
    resource = files("bedside.rapport") / "rules" / f"{name}.yaml"
    try:
        content = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuleFileError(f"no built-in rule file named {name!r}") from exc
    return RuleDetector(parse_rule_file(content, f"{name}.yaml"), source=f"bedside/rapport/rules/{name}.yaml")
