"""The politeness strategies of Danescu-Niculescu-Mizil et al. (2013), re-implemented on PreparedText.

Reference: C. Danescu-Niculescu-Mizil, M. Sudhof, D. Jurafsky, J. Leskovec, C. Potts. "A computational
approach to politeness with application to social factors." ACL 2013. The paper (and ConvoKit) find the
strategies with a dependency parse; here they are word and phrase cues at fixed positions (sentence
starts), which keeps the detector at a few microseconds a message. Positive and negative words come
from VADER's lexicon (MIT) minus clinical words that describe a patient, not a colleague
("patient denies chest pain" is not negative tone).
"""

from __future__ import annotations

from functools import cached_property

from bedside.rapport.context import DetectionContext
from bedside.rapport.detector import Detector
from bedside.rapport.phrases import PhraseMatcher
from bedside.text.evidence import Evidence
from bedside.text.lexicons import load_lexicon
from bedside.text.prepared import PreparedText

REASONS: dict[str, str] = {
    "gratitude": "Thanks the reader.",
    "apology": "Apologises for the imposition.",
    "deference": "Opens by acknowledging the reader's work.",
    "greeting": "Opens with a greeting.",
    "please": "Softens the request with 'please'.",
    "please_start": "Opens with 'please', which reads as a softened command.",
    "indirect_btw": "Raises the point indirectly ('by the way').",
    "direct_question": "Opens with a direct question word.",
    "direct_start": "Opens with a conjunction ('so', 'and', 'but').",
    "counterfactual_modal": "Asks with 'could / would you', leaving room to decline.",
    "indicative_modal": "Asks with 'can / will you'.",
    "hedge": "Hedges the statement, inviting the reader's view.",
    "factuality": "Asserts certainty ('actually', 'in fact').",
    "first_person": "Speaks in the first person.",
    "first_person_plural": "Speaks as 'we', including the reader.",
    "first_person_start": "Opens with 'I' or 'my'.",
    "second_person": "Addresses the reader as 'you'.",
    "second_person_start": "Opens with 'you'.",
    "positive_word": "Uses a positive word.",
    "negative_word": "Uses a negative word.",
}

# Words that mark a strategy wherever they occur.
_ANYWHERE: dict[str, str] = {
    **dict.fromkeys(
        (
            "thank",
            "thanks",
            "thx",
            "thanx",
            "thnx",
            "appreciate",
            "appreciated",
            "grateful",
            # frequent typing slips in secure chat
            "tahnk",
            "tahnks",
            "thnak",
            "thnaks",
            "thakn",
            "thakns",
            "thansk",
        ),
        "gratitude",
    ),
    **dict.fromkeys(("sorry", "apologize", "apologise", "apologies", "oops", "woops", "pardon"), "apology"),
    **dict.fromkeys(
        (
            "maybe",
            "perhaps",
            "possibly",
            "probably",
            "might",
            "guess",
            "suppose",
            "seems",
            "seem",
            "apparently",
            "somewhat",
            "wonder",
            "wondering",
            "hopefully",
            "likely",
            "suggest",
            "suggests",
            "think",
            "believe",
            "presumably",
        ),
        "hedge",
    ),
    **dict.fromkeys(
        ("actually", "really", "honestly", "truly", "certainly", "definitely", "surely", "indeed"), "factuality"
    ),
    **dict.fromkeys(
        ("we", "us", "our", "ours", "ourselves", "we're", "we've", "we'll", "we'd", "let's"), "first_person_plural"
    ),
    "btw": "indirect_btw",
}
# Words whose strategy depends on whether they open a sentence: (at the start, elsewhere).
_POSITIONAL: dict[str, tuple[str | None, str | None]] = {
    **dict.fromkeys(("please", "pls", "plz", "kindly"), ("please_start", "please")),
    **dict.fromkeys(
        ("i", "me", "my", "mine", "myself", "i'm", "i've", "i'll", "i'd"), ("first_person_start", "first_person")
    ),
    **dict.fromkeys(
        ("you", "your", "yours", "yourself", "you're", "you've", "you'll", "you'd", "u", "ur"),
        ("second_person_start", "second_person"),
    ),
    **dict.fromkeys(("hi", "hello", "hey", "dear", "morning", "evening", "afternoon"), ("greeting", None)),
    **dict.fromkeys(("what", "why", "who", "how"), ("direct_question", None)),
    **dict.fromkeys(("so", "then", "and", "but", "or"), ("direct_start", None)),
    **dict.fromkeys(
        ("great", "good", "nice", "interesting", "cool", "excellent", "awesome", "wonderful", "brilliant"),
        ("deference", None),
    ),
}
_PHRASES: tuple[tuple[str, str], ...] = (
    ("by the way", "indirect_btw"),
    ("could you", "counterfactual_modal"),
    ("would you", "counterfactual_modal"),
    ("could we", "counterfactual_modal"),
    ("would it be possible", "counterfactual_modal"),
    ("can you", "indicative_modal"),
    ("will you", "indicative_modal"),
    ("can we", "indicative_modal"),
    ("in fact", "factuality"),
    ("the fact", "factuality"),
    ("the truth", "factuality"),
    ("the point", "factuality"),
    ("the reality", "factuality"),
    ("excuse me", "apology"),
    # the imposition named in an apology is not a negative word ("bother" is negative in VADER)
    ("sorry to bother", "apology"),
    ("sorry to disturb", "apology"),
    ("sorry to trouble", "apology"),
    ("sorry to interrupt", "apology"),
    ("forgive me", "apology"),
    ("my bad", "apology"),
    ("good morning", "greeting"),
    ("good afternoon", "greeting"),
    ("good evening", "greeting"),
    ("i think", "hedge"),
    ("kind of", "hedge"),
    ("sort of", "hedge"),
    ("a bit", "hedge"),
    ("not sure", "hedge"),
    ("if possible", "hedge"),
    ("when you get a chance", "hedge"),
    ("when you have a moment", "hedge"),
    ("when you have a minute", "hedge"),
)
# Phrases that only count at the start of a sentence.
_START_ONLY = frozenset({"greeting"})
_CUE_WORDS = frozenset(_ANYWHERE) | frozenset(_POSITIONAL)
_NEGATORS = frozenset(
    {"not", "no", "never", "don't", "didn't", "isn't", "wasn't", "aren't", "can't", "won't", "nothing"}
)


class PolitenessStrategies(Detector):
    """Danescu-Niculescu-Mizil et al. (2013) politeness strategies plus VADER positive / negative words."""

    name = "politeness_strategies"
    version = "1.1"
    description = "Politeness strategies of Danescu-Niculescu-Mizil et al. (2013) and sentiment words (VADER lexicon)."
    labels = tuple(REASONS)

    @cached_property
    def _sentiment(self) -> tuple[frozenset[str], frozenset[str]]:
        words = load_lexicon("sentiment-words")
        neutral = load_lexicon("clinical-neutral").entries
        skip = neutral | set(_ANYWHERE) | set(_POSITIONAL)
        positive = frozenset(w for w, v in words.weights.items() if v > 0 and w not in skip)
        negative = frozenset(w for w, v in words.weights.items() if v < 0 and w not in skip)
        return positive, negative

    @cached_property
    def _phrases(self) -> PhraseMatcher:
        return PhraseMatcher(_PHRASES)

    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        found: list[Evidence] = []
        words, starts, ends = prepared.words, prepared.starts, prepared.ends
        sentence_starts = prepared.sentence_starts
        positive, negative = self._sentiment
        name = self.name
        taken: set[int] = set()
        for first, last, tokens, label in self._phrases.finditer(prepared):
            if label in _START_ONLY and first not in sentence_starts:
                continue
            found.append(
                Evidence(str(label), starts[first], ends[last], 1.0, name, REASONS[str(label)], " ".join(tokens))
            )
            taken.update(range(first, last + 1))
        word_set = prepared.word_set
        positions = prepared.positions
        for word in word_set & _CUE_WORDS:
            label = _ANYWHERE.get(word)
            pair = _POSITIONAL.get(word)
            for i in positions[word]:
                if i in taken:
                    continue
                chosen = label if pair is None else (pair[0] if i in sentence_starts else pair[1])
                if chosen is not None:
                    found.append(Evidence(chosen, starts[i], ends[i], 1.0, name, REASONS[chosen], word))
        for lexicon, chosen in ((positive, "positive_word"), (negative, "negative_word")):
            for word in word_set & lexicon:
                for i in positions[word]:
                    if i in taken or (i and words[i - 1] in _NEGATORS):
                        continue
                    found.append(Evidence(chosen, starts[i], ends[i], 1.0, name, REASONS[chosen], word))
        return found
