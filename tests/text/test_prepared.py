"""PreparedText: one tokenising pass with offsets, sentences and lower-cased forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bedside.text.evidence import Evidence, EvidenceError
from bedside.text.lexicons import LexiconError, load_lexicon, parse_lexicon
from bedside.text.prepared import PreparedText


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Give 2.5 mg IV now", ["give", "2.5", "mg", "iv", "now"]),
        ("BP 80/40, HR 120!!!", ["bp", "80/40", ",", "hr", "120", "!!!"]),
        ("[PATIENT] in bed 4 (MRN [MRN])", ["[patient]", "in", "bed", "4", "(", "mrn", "[mrn]", ")"]),
        ("I'm sure you’re right", ["i'm", "sure", "you're", "right"]),
        ("at 14:30 give 40 mEq", ["at", "14:30", "give", "40", "meq"]),
        ("", []),
    ],
)
def test_tokens(text: str, words: list[str]) -> None:
    assert PreparedText(text).words == words


def test_offsets_point_into_the_original_text() -> None:
    prepared = PreparedText("Call Dr. Lee about [PATIENT]")
    assert [prepared.token_text(i) for i in range(len(prepared))] == ["Call", "Dr", ".", "Lee", "about", "[PATIENT]"]
    assert prepared.span(3, 5) == (9, 28)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("One. Two! Three?", 3),
        ("Call Dr. Lee now.", 1),
        ("first line\nsecond line", 2),
        ("no ending", 1),
        ("Really?!? Yes.", 2),
        ("", 0),
    ],
)
def test_sentences(text: str, count: int) -> None:
    prepared = PreparedText(text)
    assert len(prepared.sentences) == count
    assert prepared.sentence_starts == {first for first, _ in prepared.sentences}


def test_word_set_positions_and_phrase_search() -> None:
    prepared = PreparedText("could you, could you please")
    assert prepared.positions["could"] == [0, 3]
    assert "please" in prepared.word_set
    assert prepared.find_phrase(("could", "you", "please")) == 3
    assert prepared.find_phrase(("would", "you")) == -1
    assert prepared.sentence_of(4) == (0, 6)


def test_characters_that_change_length_when_lowered_keep_offsets() -> None:
    prepared = PreparedText("İstanbul call")
    assert prepared.token_text(prepared.words.index("call")) == "call"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_every_token_is_its_lowered_slice(text: str) -> None:
    prepared = PreparedText(text)
    for word, start, end in zip(prepared.words, prepared.starts, prepared.ends, strict=True):
        assert prepared.lower[start:end].replace("\u2019", "'") == word
        assert 0 <= start < end <= len(text)


def test_evidence_is_always_complete() -> None:
    with pytest.raises(EvidenceError):
        Evidence("insult", 0, 3, 0.9, "insults", "", "idiot")
    with pytest.raises(EvidenceError):
        Evidence("insult", 5, 3, 0.9, "insults", "reason", "idiot")
    with pytest.raises(EvidenceError):
        Evidence("insult", 0, 3, 1.5, "insults", "reason", "idiot")
    e = Evidence("insult", 0, 5, 0.9, "insults", "Attacks the person.", "idiot")
    assert e.text_in("idiot!") == "idiot"
    assert e.to_dict()["detector"] == "insults"


def test_lexicon_files_name_their_source() -> None:
    sentiment = load_lexicon("sentiment-words")
    assert "vader" in sentiment.source.lower() and sentiment.licence.startswith("MIT")
    assert sentiment.weights["good"] > 0 and "pain" in sentiment
    with pytest.raises(LexiconError, match="source"):
        parse_lexicon("bad", "# licence: MIT\nword\n")
    with pytest.raises(LexiconError, match="not a number"):
        parse_lexicon("bad", "# source: me\n# licence: MIT\nword\tlots\n")
    with pytest.raises(LexiconError, match="no lexicon"):
        load_lexicon("does-not-exist")
