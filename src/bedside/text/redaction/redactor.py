"""The :class:`Redactor`: runs every identifier detector over a text and replaces what they find.

Stages, each a small function: find placeholders already present (so redacting twice changes
nothing) → run detectors → resolve overlaps (most specific type wins) → splice placeholders into
the text while recording input and output offsets. A Redactor is built once (patterns compiled, name
lists loaded) and holds no per-call state, so one instance is safe to share between threads.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

from bedside.text.redaction.addresses import AddressDetector
from bedside.text.redaction.candidates import TYPE_PRIORITY, Candidate, RedactionDetector, resolve_overlaps
from bedside.text.redaction.dates import DateDetector
from bedside.text.redaction.edges import Edges
from bedside.text.redaction.employers import EmployerDetector
from bedside.text.redaction.languages import is_language_mention
from bedside.text.redaction.names import NameDetector
from bedside.text.redaction.namesakes import NamesakeDetector
from bedside.text.redaction.numeric_ids import NumericIdentifierDetector
from bedside.text.redaction.places import PlaceDetector, hospital_place
from bedside.text.redaction.retype import places_by_context
from bedside.text.redaction.sequence import SequenceDetector
from bedside.text.redaction.sites import SiteNames
from bedside.text.redaction.spans import RedactionResult, RedactionSpan
from bedside.text.redaction.staff_talk import is_staff_talk
from bedside.text.redaction.web import WebIdentifierDetector

logger = logging.getLogger(__name__)

REDACTOR_NAME = "bedside-redactor"
REDACTOR_VERSION = "1.15.2"
PLACEHOLDER_TYPES: tuple[str, ...] = tuple(TYPE_PRIORITY) + ("FAX",)
_MAX_PASSES = 3
# Detectors whose names and towns may turn out to be a hospital building or a clinic (street addresses may not).
_NAME_DETECTORS = frozenset({"names", "places", "sequence-model", "roster-namesakes"})
_PLACEHOLDER = re.compile(r"\[(?:" + "|".join(re.escape(t) for t in sorted(set(PLACEHOLDER_TYPES))) + r")\]")


class Redactor:
    """Replace patient identifiers with typed placeholders such as ``[PATIENT]`` and ``[MRN]``.

    ``staff_names`` is the roster allow-list: these names are clinicians, not PHI, and stay.
    ``site_names`` are the organisation's own hospitals, campuses, buildings and clinics ("Lakeshore Medical
    Center", "the Juneau Tower"): a name or town found inside a mention of one stays (``sites.py``).
    ``detectors`` (default: every rule-based detector) decide first. The learned ``sequence`` model (default:
    the shipped one; none when ``detectors`` is given or ``sequence=False``) then reads the message once:
    it adds spans only where the rules found nothing, and retypes a rule's name it reads as a place.
    """

    name = REDACTOR_NAME
    version = REDACTOR_VERSION

    def __init__(
        self,
        staff_names: Iterable[str] = (),
        *,
        site_names: Iterable[str] = (),
        detectors: Sequence[RedactionDetector] | None = None,
        sequence: SequenceDetector | bool = True,
    ) -> None:
        self.staff_names: tuple[str, ...] = tuple(staff_names)
        self.sites = SiteNames(site_names)
        self.edges = Edges(self.staff_names)
        self.detectors: tuple[RedactionDetector, ...] = tuple(detectors) if detectors is not None else (
            WebIdentifierDetector(),
            NumericIdentifierDetector(),
            DateDetector(),
            AddressDetector(),
            PlaceDetector(self.staff_names),
            NameDetector(self.staff_names),
            EmployerDetector(),
            NamesakeDetector(self.staff_names),
        )
        if sequence is True:
            sequence = SequenceDetector(self.staff_names) if detectors is None else False
        self.sequence: SequenceDetector | None = sequence if isinstance(sequence, SequenceDetector) else None

    def redact(self, text: str) -> RedactionResult:
        """The redacted text, the identifier spans (input offsets) and the placeholders (output offsets)."""
        if not text:
            return RedactionResult(text=text)
        kept = self._find(text)
        if not kept:
            return RedactionResult(text=text)
        result = _splice(text, kept)
        # Replacing an identifier can change what its neighbours look like ("3/4/25Smith" becomes
        # "[DATE]Smith"). Look again at the output until nothing new turns up, so that redacting
        # redacted text never changes it.
        for _ in range(_MAX_PASSES):
            extra = self._find(result.text)
            if not extra:
                break
            kept = sorted(kept + [_to_input(c, result) for c in extra], key=lambda c: c.start)
            result = _splice(text, kept)
        else:
            logger.debug("redaction did not settle after %d passes", _MAX_PASSES)
        return result

    def _find(self, text: str) -> list[Candidate]:
        existing = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)] if "[" in text else []
        candidates: list[Candidate] = []
        for detector in self.detectors:
            candidates.extend(detector.detect(text))
        sites = self.sites.spans(text)
        candidates = self._trimmed(text, candidates)
        kept = self._drop_non_identifiers(text, resolve_overlaps(candidates, blocked=existing), sites)
        if self.sequence is not None:
            kept, extra = self.sequence.review(text, kept)
            if extra:
                taken = existing + [(c.start, c.end) for c in kept]
                added = self._drop_non_identifiers(text, resolve_overlaps(self._trimmed(text, extra), blocked=taken), sites)
                kept = _join_neighbours(text, sorted(kept + added, key=lambda c: c.start), {id(c) for c in added})
        kept = places_by_context(text, self.edges.after_places(text, self.edges.last_first(text, self.edges.nicknames(text, kept))))
        return [] if not existing and _staff_dates_only(text, kept) else kept

    def redact_text(self, text: str) -> str:
        """Only the redacted text."""
        return self.redact(text).text


    def _trimmed(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        """Names and towns without the weekday and unit words at their edges, none inside a holiday (``edges.py``)."""
        holidays = self.edges.holidays(text)
        out: list[Candidate] = []
        for cand in candidates:
            if cand.type in ("PATIENT", "ADDRESS") and cand.detector in _NAME_DETECTORS:
                trimmed = self.edges.trim(text, cand, holidays)
                if trimmed is not None:
                    out.append(trimmed)
            else:
                out.append(cand)
        return out

    def _drop_non_identifiers(self, text: str, kept: list[Candidate], sites: list[tuple[int, int, str]]) -> list[Candidate]:
        """Without the names and towns that are a building, a facility or a store's branch ("the Cyr Pavilion",
        "Houlton Regional", "CVS Caribou"), an address that holds a site ("moved to 1530, Balboa 2 conf rm"), lie inside a mention of the organisation's own sites, or name a language
        or a people ("Crow speaker", "Hutterite pt"): street addresses and explicit identifiers stay."""
        return [
            c for c in kept
            if not (c.type in ("PATIENT", "ADDRESS") and c.detector in _NAME_DETECTORS and (
                hospital_place(text, c.start, c.end) or self.sites.covers(sites, c.start, c.end)
                or is_language_mention(text, c.start, c.end)
            ))
            and not (c.type == "ADDRESS" and self.sites.within(sites, c.start, c.end))
            # An employer inside a site's own name is the site ("transport to Big Sioux Tower"), not a patient's job.
            and not (c.detector == "employers" and self.sites.inside(sites, c.start, c.end))
        ]


def _staff_dates_only(text: str, kept: list[Candidate]) -> bool:
    """Whether all that was found is dates, in a message the learned model reads as staff talk with no patient
    in it ("clinic closed 11/27 and 11/28 for thanksgiving", "Priya's baby shower is 12/5"; ``staff_talk.py``)."""
    return bool(kept) and all(c.type == "DATE" for c in kept) and is_staff_talk(text)


def _join_neighbours(text: str, kept: list[Candidate], added: set[int]) -> list[Candidate]:
    """Join a sequence-model span to a span of the same type next to it, across a space or a dot ("Mrs" + "Romero")."""
    joined: list[Candidate] = []
    for cand in kept:
        last = joined[-1] if joined else None
        if (
            last is not None
            and (id(cand) in added or id(last) in added)
            and last.type == cand.type
            and cand.start - last.end <= 2
            and not text[last.end : cand.start].strip(" .")
        ):
            joined[-1] = Candidate(last.type, last.start, cand.end, last.detector, f"{last.reason}; joined with {cand.reason}")
        else:
            joined.append(cand)
    return joined


def _to_input(cand: Candidate, result: RedactionResult) -> Candidate:
    """Map a candidate found in the redacted text back to input offsets (it never overlaps a placeholder)."""
    shift = 0
    for span, ph in zip(result.spans, result.placeholders, strict=True):
        if ph.end <= cand.start:
            shift += (ph.end - ph.start) - (span.end - span.start)
    return Candidate(cand.type, cand.start - shift, cand.end - shift, cand.detector, cand.reason)


def _splice(text: str, kept: list[Candidate]) -> RedactionResult:
    pieces: list[str] = []
    spans: list[RedactionSpan] = []
    placeholders: list[RedactionSpan] = []
    cursor = 0
    out_len = 0
    for cand in kept:
        pieces.append(text[cursor : cand.start])
        out_len += cand.start - cursor
        span = RedactionSpan(cand.type, cand.start, cand.end, cand.detector, cand.reason)
        token = span.placeholder
        pieces.append(token)
        placeholders.append(RedactionSpan(cand.type, out_len, out_len + len(token), cand.detector, cand.reason))
        out_len += len(token)
        spans.append(span)
        cursor = cand.end
    pieces.append(text[cursor:])
    return RedactionResult(text="".join(pieces), spans=spans, placeholders=placeholders)
