"""Two learned sequence taggers (a linear-chain CRF and a convolutional context model) that find what the rules leave.

The rules and word lists (every other detector) decide first. Whatever they leave is read again by a
conditional random field trained on the authored messages (``scripts/train_sequence_model.py``). It
labels every token of a message (``PATIENT``, ``ADDRESS``, ``DATE``... or ``O``) from what the token
looks like and what stands around it: its case shape, suffix, Census and world name-list ranks, US and
world place lists, clinical and drug lists, word frequency, whether it is a roster word, and the same
properties of the two tokens on each side plus their words ("lives up [Rockhouse] Creek", "[summer] (pts
granddaughter)"). The token's own word is deliberately *not* a feature, so the model learns what names
and places look like and where they stand, not the names its authors happened to use.

Since 1.15 a second model reads the message too: the context model (``context_model.py``), a small convolutional
network over the same word features that sees seven tokens on each side and the whole message. Each token's
probability of each label is ``CONTEXT_WEIGHT`` (0.7) of the context model's and the rest of the CRF's marginal;
everything below reads that mean ("the model").

The rules decide first; then the model reads the message once and does three things (``review``):

- *adds* a run of tokens as a candidate when its marginal probability is at least ``THRESHOLD`` on every
  token and no rule found anything there. Only names, places, dates and ages over 89: MRNs, phones, ZIP
  codes and other numbers are left to their validated detectors. Never proposed by the model alone:
  clinical, drug, care-organisation ("Avera"), common, calendar and staff words and typos of ordinary words (unless
  the model is sure, p >= ``SURE`` on every word: "young in 11", "two bulls in 412"), countries and states, a
  common first name as a place ("a call from Victoria"), a name next to a staff title or before "in
  pharmacy", an ordinary word starting a sentence unless a patient's place follows ("Pops in 16"), a date
  that does not look like one, is a score ("pain 9/10") or follows a staff event ("staff mtg 11/12"), an age that is not a whole
  number from 90 to 125 or follows a vital sign ("Temp 101 F");
- *retypes* a rule's name as ADDRESS where it reads a place ("next to the Iglesia Pentecostal"), and a
  rule's name that is a listed town after a place word ("ferry to Bainbridge");
- *drops* a rule's name when it is sure there is no identifier and no word of it is a listed name
  ("hemoccult + bed 9", "EKGs done"), and, in a message written in Spanish, a "name" made only of common
  Spanish words ("su hija", "dice", "llegó").

Each candidate's reason names the probability (and each model's), the CRF features that weighed most for it and
the words whose absence would lower the context model's probability most, so a reviewer can see why; a retyped
span says so in its reason.

The model is a small binary file in the package (``data/sequence-model.crfsuite``) read with
python-crfsuite (MIT; CRFsuite itself is BSD): nothing is trained or downloaded at run time.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
import pycrfsuite
from wordfreq import zipf_frequency

from bedside.text.redaction.candidates import Candidate, RedactionDetector
from bedside.text.redaction.clinical_terms import (
    care_organisations,
    listed_place,
    named_things,
    regions,
)
from bedside.text.redaction.context_model import WORD_PREFIX, ContextModel
from bedside.text.redaction.cues import (
    PATIENT_CUES,
    POST_CUE,
    RELATION_BRACKET_AFTER,
    RELATIVE_CUES,
    ROOM_AFTER_NAME,
    STAFF_CUES,
    TITLE_CUES,
)
from bedside.text.redaction.dates import STAFF_EVENT_BEFORE, could_be_month_day, staff_only_message
from bedside.text.redaction.edges import unit_compass
from bedside.text.redaction.employers import WORK_CUE_BEFORE
from bedside.text.redaction.numeric_ids import NOT_AGE_BEFORE
from bedside.text.redaction.ordinary import frequent_words, ordinary_words, typo_of
from bedside.text.redaction.places import COMMON_FIRST_NAME_RANK, PERSON_AFTER
from bedside.text.redaction.sequence_features import SequenceFeatures, Token, tokenize
from bedside.text.redaction.standalone import EPONYM_AFTER, PREFIXED_WORD, very_common_name
from bedside.text.redaction.tokens import WORD
from bedside.text.redaction.vocabulary import CALENDAR_WORDS, COMMON_WORDS, nickname_group

MODEL_FILE = "data/sequence-model.crfsuite"
THRESHOLD = 0.6
# A rule's name is dropped when the model gives every word of it at least this probability of being no identifier.
DOUBT = 0.98
# A lower-case word this frequent (Zipf) is never a name or place on the model's word alone.
_PLAIN_MIN_ZIPF = 4.0
_INFLECTIONS = ("ing", "ed")
# The stem of an inflected word ("replete" of "repleting") is an English word from this frequency (Zipf) on.
_STEM_MIN_ZIPF = 2.5
_WORD_TYPES = ("PATIENT", "ADDRESS")
# Numbers with their own validated detectors (MRN, phone, ZIP, ID...) are left to those detectors.
_TYPES = frozenset({*_WORD_TYPES, "DATE", "AGE>89"})
# The labels whose probabilities the detector reads (column order of ``_read``); the rest is "some other identifier".
_READ = ("O", *_WORD_TYPES, "DATE", "AGE>89")
_COLUMN = {label: n for n, label in enumerate(_READ)}
# From this probability on every word, a span may be made of ordinary, common or staff words ("young in 11", "two
# bulls in 412"): trained without dp to ee and measured on them, 104 -> 90 misses at 203 false alarms both (chosen
# before the limits in ``_keep`` were added: 0.95 gave 90 misses and 205 false alarms, 0.9 88 and 205, 0.8 87 and 207).
SURE = 0.9
_BARE_LOWER_TITLE_BEFORE = re.compile(r"(?<![\w.])(?:mr|ms)\s+$")
_CUE_WORDS = TITLE_CUES | RELATIVE_CUES | PATIENT_CUES | STAFF_CUES
# A token both models give O with at least this probability is O, whatever its other labels' probabilities.
_CERTAIN = 0.99
# The context model's share of each probability (the CRF's is the rest).
CONTEXT_WEIGHT = 0.7
_DATE_SHAPE = re.compile(r"\d{1,4}[/-]\d{1,2}|\d(?:st|nd|rd|th)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_AGE = re.compile(r"9\d|1[01]\d|12[0-5]")
_EVIDENCE_FEATURES = 3
_SENTENCE_END = ".!?:;-–—\n"
# A name just after a staff title, or before "in pharmacy", is a colleague ("RN Kelly", "Linda in pharmacy").
_STAFF_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(STAFF_CUES)) + r")\.?\s+$", re.IGNORECASE)
_NAME_CUE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(PATIENT_CUES | RELATIVE_CUES | TITLE_CUES)) + r")\b\.?[\s:,(]*$", re.IGNORECASE
)
# A message is in Spanish when it has this many Spanish function words; then a "name" made only of words this
# frequent in Spanish (Zipf) that are not common first names is dropped ("su hija Paty dice", "llegó").
_SPANISH_FUNCTION = re.compile(
    r"\b(?:que|la|el|los|las|del|su|sus|en|por|para|con|se|lo|le|es|está|esta|dice|pero|muy|ya|tiene|una|un|al|"
    r"hija|hijo|esposa|esposo|quiere|pregunta|llamó|vive|viene|cama|mañana)\b",
    re.IGNORECASE,
)
_SPANISH_MIN_FUNCTION_WORDS = 3
_SPANISH_MIN_ZIPF = 4.3
_LAST_COMMA_FIRST = re.compile(r"[A-Z][A-Z'\-]+,\s?[A-Z][A-Z'\-]+|[A-Z][a-z'\-]+,\s?[A-Z][a-z'\-]+")
_PATIENT_BEFORE = re.compile(r"\[PATIENT\][\s.,]{0,2}$")
_PATIENT_AFTER = re.compile(r"[\s.,]{0,2}\[PATIENT\]")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|(?<!\bgive\s)(?<!\bgiven\s)(?<!\bgave\s)(?<!\binfo\s)(?<!\bupdate\s)(?<!\bupdates\s)(?<!\bprn\s)(?<!\btalk\s)(?<!\bspoke\s)to|"
    r"toward|towards|near|nr|outside|around|at|address|addr|desde|en|(?:out|over|up|down)\s+by)\s+(?:the\s+)?$",
    re.IGNORECASE
)  # not after a giving or telling word: "almost given to Kingsley", "no info to Kevin", "prn to Faith" are people
_STAFF_AFTER = re.compile(
    r"\s+(?:in|from|at|with)\s+(?:the\s+)?(?:pharmacy|lab|labs|radiology|rads|case management|cm|sw|social work|dietary|"
    r"nutrition|transport|security|admitting|registration|billing|it|biomed|ir|cath lab|rehab|pt|ot|rt|hr|payroll)\b",
    re.IGNORECASE,
)

# Reasons of rule findings whose words the message itself marks as a name ("Pa Houa", "Sunny (Sun-hee Choi)").
_STATED_NAMES = ("A Hmong given name", "A nickname written before", "A name the message then calls the patient", "A name in lower case after a title",
                 "Initials the message marks", "A listed name before 'family'")
_FIRST_AND_SURNAME = "Two capitalised words that are a first name and a surname"
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
_IN_A_ROOM_AFTER = re.compile(r"\s+in" + ROOM_AFTER_NAME.pattern, re.IGNORECASE)  # "banks in 7A"


class SequenceDetector(RedactionDetector):
    """Identifiers found by the shipped CRF (see the module docstring). Used only where the rules found nothing."""

    name = "sequence-model"

    def __init__(
        self,
        staff_names: Iterable[str] = (),
        *,
        threshold: float = THRESHOLD,
        model_path: str | None = None,
        context: ContextModel | None | bool = True,
        context_weight: float = CONTEXT_WEIGHT,
    ) -> None:
        self.threshold = threshold
        self.sure = SURE
        self.context = ContextModel() if context is True else context or None
        self.context_weight = context_weight if self.context is not None else 0.0
        self._context_columns = [self.context.labels.index(label) for label in _READ] if self.context else []
        self._context_vector = lru_cache(maxsize=65536)(self._context_input)
        self._model_path = model_path or str(resources.files("bedside.text.redaction").joinpath(MODEL_FILE))
        info = _model_info(self._model_path)
        self.labels: tuple[str, ...] = info[0]
        self._weights: dict[str, dict[str, float]] = info[1]
        self.features = SequenceFeatures(staff_names, known=frozenset(a for w in self._weights.values() for a in w))
        self._staff = self.features.roster_words | {n for w in self.features.roster_words for n in nickname_group(w)}
        self._clinical = self.features.clinical | self.features.drugs | care_organisations()
        self._eponyms = named_things()
        self._regions = regions()
        self._ordinary = ordinary_words()
        self._typo_base = self._ordinary | frequent_words() | self._clinical
        self._local = threading.local()

    def detect(self, text: str) -> list[Candidate]:
        return self.review(text, [])[1]

    def review(self, text: str, found: Sequence[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
        """The rules' findings as the model reviews them (see ``_reviewed``) and the model's own findings."""
        toks = tokenize(text)
        if not toks:
            return list(found), []
        feats, crf, context = self._read(text, toks, found)
        read = crf if context is None else (1.0 - self.context_weight) * crf + self.context_weight * context
        best = read.argmax(axis=1)
        other = 1.0 - read.sum(axis=1)  # some identifier the detector leaves to the rules (MRN, phone...)
        labels = [_READ[b] if read[i, b] >= other[i] else "" for i, b in enumerate(best)]
        probs = [float(read[i, b]) for i, b in enumerate(best)]
        names = [c for c in found if c.type == "PATIENT"]
        reviewed = [
            c for c in (
                self._reviewed(text, c, toks, read, _next_to_a_name(c, names, text) or _named_elsewhere(c, names, text))
                for c in found
            )
            if c is not None
        ]
        out: list[Candidate] = []
        i = 0
        while i < len(toks):
            label = labels[i]
            if label in ("O", "") or probs[i] < self.threshold:
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and labels[j + 1] == label and probs[j + 1] >= self.threshold:
                j += 1
            first, last = i, j
            if label in _WORD_TYPES:  # "Bell rang twice in 36": lower-case ordinary words at the edges are no part of a name
                while last > first and self._plain_lower(toks[last][2]):
                    last -= 1
                while first < last and self._plain_lower(toks[first][2]):
                    first += 1
            start, end = toks[first][0], toks[last][1]
            # Where a rule's finding stands, the rule's span is kept (so no reason is worked out for the model's).
            if not any(c.start < end and start < c.end for c in reviewed) and \
                    self._keep(text, label, start, end, min(probs[first : last + 1]) >= self.sure):
                out.append(Candidate(label, start, end, self.name, self._reason(label, toks, feats, first, last, crf, context)))
            i = j + 1
        return reviewed, out

    def _reviewed(
        self, text: str, cand: Candidate, toks: list[Token], read: np.ndarray, part_of_name: bool
    ) -> Candidate | None:
        """A rule's name, kept, retyped or dropped.

        Dropped when the model is sure it is no identifier (p(O) >= ``DOUBT`` on every word), none of its
        words is a listed name that is not also an ordinary word, and no other name stands right next to it
        ("hemoccult + bed 9", "su hija", "EKGs done"; but "Mr. Smith powers" keeps "powers").
        Retyped ADDRESS when the model reads a place ("lives next to the Iglesia Pentecostal"), unless a
        relative, patient or title cue stands before it ("nephew Mark").
        """
        if cand.type != "PATIENT":
            return cand
        inside = _words_of(toks, _covered(toks, cand))
        if not inside:
            return cand
        if cand.detector in ("employers", "roster-namesakes") or cand.reason.startswith(_STATED_NAMES):
            return cand  # a company's name, or a name the message itself says is a patient's: the model has no say
        if self._spanish_words_only(text, text[cand.start : cand.end]):
            return None
        sure = float(read[inside, _COLUMN["O"]].min()) >= DOUBT
        if sure and not part_of_name and not self._has_name_word(text[cand.start : cand.end]) \
                and not _LAST_COMMA_FIRST.fullmatch(text, cand.start, cand.end):
            return None  # ("LAST, FIRST" is a name's written form, whatever the words)
        if _NAME_CUE_BEFORE.search(text, max(0, cand.start - 20), cand.start) \
                or RELATION_BRACKET_AFTER.match(text, cand.end) or PERSON_AFTER.match(text, cand.end):
            return cand  # a name the message says is a person's ("Trang (pt's niece)") is no place
        if _IN_A_ROOM_AFTER.match(text, cand.end) or WORK_CUE_BEFORE.search(text, max(0, cand.start - 40), cand.start):
            return cand  # "look in on banks in 7A", "works at Shaw mill": a patient in a room, an employer; no place
        if listed_place(text[cand.start : cand.end]) and _PLACE_BEFORE.search(text, max(0, cand.start - 20), cand.start):
            return Candidate("ADDRESS", cand.start, cand.end, cand.detector, f"{cand.reason} Typed ADDRESS: a listed town after a place word.")
        if cand.reason.startswith(_FIRST_AND_SURNAME) and self._common_full_name(text, cand):
            return cand  # "POA is Elizabeth Grant": a common first name and surname, no town, no place word after
        place = float(read[inside, _COLUMN["ADDRESS"]].mean())
        name = float(read[inside, _COLUMN["PATIENT"]].mean())
        if place < self.threshold or place <= name:
            return cand
        reason = f"{cand.reason} Typed ADDRESS: the sequence model reads a place here (p={place:.2f})."
        return Candidate("ADDRESS", cand.start, cand.end, cand.detector, reason)

    def _spanish_words_only(self, text: str, surface: str) -> bool:
        """In a message written in Spanish, a "name" made only of common Spanish words ("su hija", "dice", "pero")."""
        if len(_SPANISH_FUNCTION.findall(text)) < _SPANISH_MIN_FUNCTION_WORDS:
            return False
        words = WORD.findall(surface)
        first_names = self.features.lexicon.first_names
        return bool(words) and all(
            zipf_frequency(w.lower(), "es") >= _SPANISH_MIN_ZIPF
            and first_names.get(w.lower(), COMMON_FIRST_NAME_RANK + 1) > COMMON_FIRST_NAME_RANK
            for w in words
        )

    def _common_full_name(self, text: str, cand: Candidate) -> bool:
        """Two words, a common first name and a common surname, that are no listed town and have no capitalised word
        after them ("Elizabeth Grant"; not "Kelly Ingram Park", "Rose Hill")."""
        words = text[cand.start : cand.end].lower().split()
        lexicon = self.features.lexicon
        return (
            len(words) == 2 and not listed_place(" ".join(words))
            and lexicon.first_names.get(words[0], COMMON_FIRST_NAME_RANK + 1) <= COMMON_FIRST_NAME_RANK
            and lexicon.last_names.get(words[1], COMMON_FIRST_NAME_RANK + 1) <= COMMON_FIRST_NAME_RANK
            and _CAPITAL_AFTER.match(text, cand.end) is None
        )

    def _has_name_word(self, surface: str) -> bool:
        """Whether a word of ``surface`` is in the name lists and is not an ordinary or clinical word."""
        lexicon = self.features.lexicon
        for word in WORD.findall(surface):
            low = word.lower()
            if (lexicon.is_name(low) or low in lexicon.world_all) and low not in self._ordinary and low not in self._clinical:
                return True
        return False

    def _read(
        self, text: str, toks: list[Token], found: Sequence[Candidate]
    ) -> tuple[list[list[str]], np.ndarray, np.ndarray | None]:
        """The CRF's features of each token, and each token's probability of each label of ``_READ``: the CRF's
        marginals, and the context model's (None without one). The detector reads their weighted mean.

        Where both models give O at least ``_CERTAIN`` and no rule found anything, the CRF's other labels are left
        at 0 (asking the CRF for each costs time): the token is O whatever they are, and nothing else reads them.
        Where whatever the CRF says could change nothing (``_crf_could_matter``), it is not run at all (no features;
        marginals O, which changes nothing either).
        """
        crf, context = np.zeros((len(toks), len(_READ))), None
        if self.context is not None and self.context_weight:
            context = self.context.probabilities([self._context_vector(w) for _, _, w in toks])[:, self._context_columns]
            if not self._crf_could_matter(text, toks, found, context):
                crf[:, 0] = 1.0
                return [], crf, context
        feats = self.features.token_features(toks)
        tagger = self._tagger()
        tagger.set(feats)
        crf[:, 0] = [tagger.marginal("O", i) for i in range(len(toks))]
        unsure = crf[:, 0] < _CERTAIN if context is None else (crf[:, 0] < _CERTAIN) | (context[:, 0] < _CERTAIN)
        if found:
            starts, ends = np.array([t[0] for t in toks]), np.array([t[1] for t in toks])
            for cand in found:
                unsure |= (starts < cand.end) & (cand.start < ends)
        for i in np.flatnonzero(unsure):
            crf[i, 1:] = [tagger.marginal(label, int(i)) for label in _READ[1:]]
        return feats, crf, context

    def _crf_could_matter(self, text: str, toks: list[Token], found: Sequence[Candidate], context: np.ndarray) -> bool:
        """Whether some CRF marginals could change what ``review`` does, given the context model's: a label's mean
        reaching ``threshold`` on a token no kept rule finding covers (a proposal), O reaching ``DOUBT`` on every word
        of a rule's name (a drop) or ADDRESS reaching ``threshold`` over it (a retype). Each needs the context model's
        probability at least where the CRF's most (1 for that label) would lift the mean to the bar."""
        share = self.context_weight
        reach, doubt = (self.threshold - 1.0 + share) / share, (DOUBT - 1.0 + share) / share
        if not found:
            return float(context[:, 1:].max()) >= reach
        free = set(range(len(toks)))
        for cand in found:
            inside = _covered(toks, cand)
            if cand.type == "PATIENT":
                if self._spanish_words_only(text, text[cand.start : cand.end]):
                    continue  # dropped whatever the models say: its words are free for the model's own spans
                words = _words_of(toks, inside)  # the words ``_reviewed`` reads
                if words and (context[words, 0].min() >= doubt or context[words, _COLUMN["ADDRESS"]].mean() >= reach):
                    return True
            free.difference_update(inside)
        return bool(free) and float(context[sorted(free), 1:].max()) >= reach

    def _context_input(self, word: str) -> np.ndarray:
        """The context model's input for ``word``: its own features and the word itself."""
        assert self.context is not None
        return self.context.vector((*self.features.word_features(word), WORD_PREFIX + word.lower()))

    def _tagger(self) -> pycrfsuite.Tagger:
        """This thread's open tagger (a tagger holds the message being tagged, so threads do not share one)."""
        tagger: pycrfsuite.Tagger | None = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            tagger.open(self._model_path)
            self._local.tagger = tagger
        return tagger

    def _keep(self, text: str, label: str, start: int, end: int, sure: bool = False) -> bool:
        """Whether a span the model labelled is proposed (see the module docstring for what never is)."""
        surface = text[start:end]
        if label == "DATE":  # a date shape, and not a staff event ("staff mtg 11/12")
            return (
                bool(_DATE_SHAPE.search(surface))
                and could_be_month_day(text, start, end)
                and not STAFF_EVENT_BEFORE.search(text, max(0, start - 60), start)
                and not staff_only_message(text)
            )
        if label == "AGE>89":  # a whole number from 90 to 125, not a vital sign ("Temp 101 F", "sats 91-93")
            return bool(_AGE.fullmatch(surface)) and not NOT_AGE_BEFORE.search(text, max(0, start - 20), start)
        if label not in _WORD_TYPES:
            return False
        if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
            return False  # a placeholder of an earlier pass ("[PATIENT]")
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "&/"):
            return False  # part of a longer token ("I&Os", "s/p")
        if not any(c.isalpha() for c in text[:start] + text[end:]):
            return False  # a one-word reply ("Roger", "Copy."): nothing around it says it is a name
        # At the start of a sentence a capital says nothing: an ordinary word there counts as lower case
        # ("Genesis pump in 30", "Moon boot"), unless a patient's place follows ("Pops in 16").
        # ("Genesis pump in 19": the place follows "pump", not the name).
        last = WORD.findall(surface)[-1:]
        placed = label == "PATIENT" and bool(POST_CUE.match(text, end))
        placed = placed and not (last and last[0].islower() and self._plain_word(last[0], False))
        words = [(m.group(), _initial(text, start + m.start()) and not placed) for m in WORD.finditer(surface)]
        # Sure or not, a word starting a sentence with no patient's place after it stays plain ("Rose to 39.0",
        # "Billing acct #"; but "young in 11").
        # So does one after a bare lower-case "ms" or "mr", as often multiple sclerosis or mitral regurgitation as a
        # title ("ms young onset unlikely"; but "ms young in 11").
        opening = all(_initial(text, start + m.start()) for m in WORD.finditer(surface))
        clinical_title = _BARE_LOWER_TITLE_BEFORE.search(text, max(0, start - 4), start) is not None
        sure = sure and (not (opening or clinical_title) or bool(POST_CUE.match(text, end)))
        if not words or (not sure and all(self._plain_word(word, initial) for word, initial in words)):
            return False
        if _STAFF_BEFORE.search(text, max(0, start - 20), start) or _STAFF_AFTER.match(text, end):
            return False
        if words[0][0].lower().rstrip(".") in STAFF_CUES:  # "Nurse Brown"
            return False
        if all(word.lower() in _CUE_WORDS for word, _initial in words):
            return False  # a title or a relative is no name: "Grandma Rivers", "ms young 412", "Ms [PATIENT]"
        if all(PREFIXED_WORD.fullmatch(word.lower()) for word, _initial in words):
            return False  # "A-line in 9", "In-basket:": a letter or a prefix and a hyphen make a thing
        if label == "PATIENT" and surface.lower() in self._eponyms and (
            EPONYM_AFTER.match(text, end) or not very_common_name(self.features.lexicon, surface.lower())
        ):
            return False  # "Pavlik harness", "Foley placed", "Kronos is down": a thing named after a person
        low = surface.lower()
        if unit_compass(text, start, low):
            return False  # a unit named by a floor and a compass point: "7 North rm 714"
        first_rank = self.features.lexicon.first_names.get(low)
        common_first = first_rank is not None and first_rank <= COMMON_FIRST_NAME_RANK
        if label == "PATIENT":  # a state or a country ("rural Montana"), unless also a common first name ("Georgia in 12")
            return low not in self._regions or common_first
        return low not in self._regions and not common_first

    def _plain_lower(self, word: str) -> bool:
        """A lower-case word that is an ordinary or plain word (see ``_plain_word``)."""
        return word.islower() and self._plain_word(word, True)

    def _plain_word(self, word: str, initial: bool) -> bool:
        """A clinical, drug, common, calendar or staff word, a frequent lower-case word or a typo of an ordinary
        or clinical word ("withdarwal", "abuot"): never a name or place alone. ``initial``: the word is read
        as if it were in lower case: an ordinary word is plain, and so is a frequent one unless it is a first name.
        """
        low = word.lower().removesuffix("'s").removesuffix("’s")
        if low in self._clinical or low in COMMON_WORDS or low in self._staff or low in CALENDAR_WORDS:
            return True
        if initial and low in self._ordinary:
            return True
        uncased = word.islower() or (word.isupper() and len(word) > 1)  # capitals in "TYPE AND SCREEN" say nothing either
        if (uncased or (initial and not self.features.lexicon.is_first(low))) and zipf_frequency(low, "en") >= _PLAIN_MIN_ZIPF:
            return True
        if self._inflected_plain(low):
            return True
        return typo_of(low, self._typo_base) and not self.features.lexicon.is_first(low)

    def _inflected_plain(self, low: str) -> bool:
        """An inflection of an ordinary, clinical or frequent word that is no listed name or town ("repleting",
        "titrated"): "Billings" and "Hastings" stay names."""
        if self.features.lexicon.is_name(low) or low in self.features.lexicon.world_all or listed_place(low):
            return False
        for suffix in _INFLECTIONS:
            stem = low.removesuffix(suffix)
            if stem == low or len(stem) < 3:
                continue
            bases = (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else stem)
            if any(b in self._typo_base or zipf_frequency(b, "en") >= _STEM_MIN_ZIPF for b in bases):
                return True
        return False

    def _reason(
        self, label: str, toks: list[Token], feats: list[list[str]], first: int, last: int,
        crf: np.ndarray, context: np.ndarray | None,
    ) -> str:
        """The evidence of a span the models labelled: the probabilities, the CRF features that weighed most for the
        label and, with the context model, the words whose absence would lower its probability most."""
        column, span = _COLUMN[label], slice(first, last + 1)
        weights = self._weights.get(label, {})
        totals: dict[str, float] = {}
        for token_feats in feats[span]:
            for f in token_feats:
                w = weights.get(f)
                if w is not None:
                    totals[f] = totals.get(f, 0.0) + w
        top = sorted((f for f in totals if totals[f] > 0), key=lambda f: -totals[f])[:_EVIDENCE_FEATURES]
        crf_p = float(crf[span, column].min())
        if context is None or self.context is None:
            return f"sequence model: p={crf_p:.2f} for {label}; strongest features {', '.join(top) or 'none'}"
        context_p = float(context[span, column].min())
        both = float(((1.0 - self.context_weight) * crf[span, column] + self.context_weight * context[span, column]).min())
        weighed = self.context.weighed([self._context_vector(w) for _, _, w in toks], list(range(first, last + 1)), label)
        words = ", ".join(f"'{toks[i][2]}'" for i, _drop in weighed[:_EVIDENCE_FEATURES]) or "none"
        return (
            f"sequence model: p={both:.2f} for {label} (CRF {crf_p:.2f}, context model {context_p:.2f}); "
            f"strongest features {', '.join(top) or 'none'}; words that weighed most {words}"
        )


def _covered(toks: list[Token], cand: Candidate) -> list[int]:
    """The tokens a candidate overlaps."""
    return [i for i, (start, end, _word) in enumerate(toks) if start < cand.end and cand.start < end]


def _words_of(toks: list[Token], indexes: list[int]) -> list[int]:
    """Those of ``indexes`` that are words (the model's probabilities are read over them, not over punctuation)."""
    return [i for i in indexes if toks[i][2].isalpha()]


def _next_to_a_name(cand: Candidate, names: Sequence[Candidate], text: str) -> bool:
    """Whether another name span, or a [PATIENT] placeholder of an earlier pass, is within two characters of ``cand``."""
    if _PATIENT_BEFORE.search(text, max(0, cand.start - 12), cand.start) or _PATIENT_AFTER.match(text, cand.end):
        return True
    return any(
        other is not cand and (0 <= cand.start - other.end <= 2 or 0 <= other.start - cand.end <= 2) for other in names
    )


def _named_elsewhere(cand: Candidate, names: Sequence[Candidate], text: str) -> bool:
    """Whether this span is the plural of another name span ("Frost in 18A is fine, but two Frosts on the unit")."""
    surface = text[cand.start : cand.end].lower()
    forms = {surface.removesuffix("s"), surface.removesuffix("es")} - {surface, ""}
    return any(other is not cand and text[other.start : other.end].lower() in forms for other in names)


def _initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins the text or a sentence (where a capital says nothing)."""
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_END


@lru_cache(maxsize=4)
def _model_info(path: str) -> tuple[tuple[str, ...], dict[str, dict[str, float]]]:
    """The model's labels and its state-feature weights by label (for the evidence in each reason)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    weights: dict[str, dict[str, float]] = {}
    for (attribute, label), weight in tagger.info().state_features.items():
        weights.setdefault(label, {})[attribute] = weight
    return tuple(tagger.labels()), weights

