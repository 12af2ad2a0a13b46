"""The manifest's planted patterns really are in the generated data (measured here with simple counts).

These checks use a deliberately naive softener count of their own, not any Bedside analyzer: they
show the signal is present for an analyzer to find, not that a particular detector finds it.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter, defaultdict

import pytest

from .conftest import DemoFiles

# One worker builds and reads the session-wide demo (pytest -n 2 --dist loadgroup).
pytestmark = pytest.mark.xdist_group("demo")

SOFTENERS = re.compile(
    r"\b(please|pls|thanks?|thx|ty|thank you|appreciate\w*|sorry|could you|would you|would it|mind|when you can)\b",
    re.IGNORECASE,
)
PRESCRIBERS = {"physician", "resident", "app"}


def softened(text: str) -> bool:
    return SOFTENERS.search(text) is not None


def softener_rates(demo: DemoFiles) -> dict[tuple[str, bool], list[int]]:
    """(sender id, to a nurse?) -> [messages, messages with a softener], over single-recipient messages."""
    rates: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    for m in demo.messages:
        if len(m["recipient_ids"]) != 1:
            continue
        to_nurse = demo.roster[m["recipient_ids"][0]]["role"] == "nurse"
        entry = rates[(m["sender_id"], to_nurse)]
        entry[0] += 1
        entry[1] += softened(m["text"])
    return rates


def rate(entry: list[int]) -> float:
    return entry[1] / entry[0]


def test_personas_exist_and_are_described(full_demo: DemoFiles) -> None:
    personas = full_demo.manifest["personas"]
    styles = Counter(p["style"] for p in personas)
    assert styles["curt_to_nurses"] + styles["condescending_to_nurses"] in (3, 4)
    assert styles["improving"] == 1
    for p in personas:
        person = full_demo.roster[p["person_id"]]
        assert person["name"] == p["name"] and person["role"] == p["role"] in PRESCRIBERS
        assert not person["leads"]
        if p["style"] == "improving":
            assert p["improvement_months"] == [1, 2, 3, 4, 5, 6] and p["target_roles"] == []
        else:
            assert p["target_roles"] == ["nurse"]


def test_curt_personas_soften_far_less_towards_nurses_than_others_do(full_demo: DemoFiles) -> None:
    rates = softener_rates(full_demo)
    planted = {p["person_id"] for p in full_demo.manifest["personas"]}
    curt = [p["person_id"] for p in full_demo.manifest["personas"] if p["style"] != "improving"]
    peers = [pid for pid, row in full_demo.roster.items() if row["role"] in PRESCRIBERS and pid not in planted]
    peer_to_nurses = statistics.median(rate(rates[(pid, True)]) for pid in peers if rates[(pid, True)][0] >= 30)
    peer_to_others = statistics.median(rate(rates[(pid, False)]) for pid in peers if rates[(pid, False)][0] >= 30)
    for pid in curt:
        to_nurses, to_others = rates[(pid, True)], rates[(pid, False)]
        assert to_nurses[0] >= 80 and to_others[0] >= 60, "enough messages to measure"
        assert rate(to_nurses) < 0.5 * peer_to_nurses, (pid, rate(to_nurses), peer_to_nurses)
        # The asymmetry: to physicians and other non-nurses they write like everyone else.
        assert rate(to_others) > 0.75 * peer_to_others, (pid, rate(to_others), peer_to_others)
        assert rate(to_others) > 1.8 * rate(to_nurses)
    # No unplanted prescriber looks like a planted one.
    worst_peer = min(rate(rates[(pid, True)]) for pid in peers if rates[(pid, True)][0] >= 30)
    assert worst_peer > max(rate(rates[(pid, True)]) for pid in curt)


def test_improving_persona_softens_more_month_by_month(full_demo: DemoFiles) -> None:
    improver = next(p["person_id"] for p in full_demo.manifest["personas"] if p["style"] == "improving")
    by_month: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m in full_demo.messages:
        if m["sender_id"] == improver:
            entry = by_month[m["sent_at"][:7]]
            entry[0] += 1
            entry[1] += softened(m["text"])
    months = sorted(by_month)
    assert len(months) == 6 and all(by_month[month][0] >= 40 for month in months)
    early = (by_month[months[0]][1] + by_month[months[1]][1]) / (by_month[months[0]][0] + by_month[months[1]][0])
    late = (by_month[months[4]][1] + by_month[months[5]][1]) / (by_month[months[4]][0] + by_month[months[5]][0])
    assert late - early > 0.2, (early, late)


def test_brush_offs_of_nurse_escalations_concentrate_on_curt_personas(full_demo: DemoFiles) -> None:
    curt = {p["person_id"] for p in full_demo.manifest["personas"] if p["style"] != "improving"}
    by_id = {m["message_id"]: m for m in full_demo.messages}
    outcome: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for label in full_demo.labels:
        if label["intent"] == "escalation_reply":
            outcome[by_id[label["message_id"]]["sender_id"] in curt][label["outcome"]] += 1
    share = {k: c["brushed_off"] / sum(c.values()) for k, c in outcome.items()}
    assert share[True] > 0.4 > 0.2 > share[False]


def test_rater_severity_shows_in_scores(full_demo: DemoFiles) -> None:
    scores: dict[str, list[int]] = defaultdict(list)
    for r in full_demo.ratings:
        scores[r["rater_id"]].append(int(r["score"]))
    severity = {r["person_id"]: r["severity"] for r in full_demo.manifest["raters"]}
    assert Counter(severity.values()) == Counter({"typical": 4, "lenient": 1, "harsh": 1})
    means = {pid: statistics.mean(values) for pid, values in scores.items()}
    lenient = next(pid for pid, s in severity.items() if s == "lenient")
    harsh = next(pid for pid, s in severity.items() if s == "harsh")
    typical = [means[pid] for pid, s in severity.items() if s == "typical"]
    assert means[lenient] > max(typical) + 0.3
    assert means[harsh] < min(typical) - 0.3


def test_gender_coded_reviewer_uses_gendered_words_and_others_do_not(full_demo: DemoFiles) -> None:
    coded = full_demo.manifest["gender_coded_reviewer"]
    female_words, male_words = set(coded["female_words"]), set(coded["male_words"])

    def lean(comments: list[str]) -> tuple[int, int]:
        text = " ".join(comments).lower()
        count = lambda words: sum(len(re.findall(rf"\b{re.escape(w)}\b", text)) for w in words)  # noqa: E731
        return count(female_words), count(male_words)

    groups: dict[tuple[bool, str], list[str]] = defaultdict(list)
    for r in full_demo.ratings:
        gender = full_demo.roster[r["subject_id"]]["gender"]
        groups[(r["rater_id"] == coded["person_id"], gender)].append(r["comment"])
    f_on_women, m_on_women = lean(groups[(True, "female")])
    f_on_men, m_on_men = lean(groups[(True, "male")])
    assert f_on_women / (f_on_women + m_on_women) > 0.85
    assert m_on_men / (f_on_men + m_on_men) > 0.7
    # Everyone else: the same mix of words for women and men (within noise).
    of_women, om_women = lean(groups[(False, "female")])
    of_men, om_men = lean(groups[(False, "male")])
    assert 0.6 < (of_women / om_women) / (of_men / om_men) < 1.6


def test_planted_patient_identifiers_occur_in_the_text(full_demo: DemoFiles) -> None:
    phi = full_demo.manifest["phi"]
    texts = {m["message_id"]: m["text"] for m in full_demo.messages}
    note_texts = {n["note_id"]: n["text"] for n in full_demo.notes}
    for store, items in ((texts, phi["messages"]), (note_texts, phi["notes"])):
        for item_id, found in items.items():
            for identifier in found:
                assert identifier["value"] in store[item_id], (item_id, identifier)
    share = len(phi["messages"]) / len(texts)
    assert 0.05 <= share <= 0.08, share
    assert 0.04 <= len(phi["notes"]) / len(note_texts) <= 0.12
    assert set(phi["types"]) == {"patient_name", "mrn", "dob", "phone", "address", "age_over_89"}
    assert all(count >= 20 for count in phi["types"].values())
    for ages in (i["value"] for found in phi["messages"].values() for i in found if i["type"] == "age_over_89"):
        assert int(re.match(r"\d+", ages).group()) >= 90  # type: ignore[union-attr]


def test_patient_names_never_collide_with_staff_names(full_demo: DemoFiles) -> None:
    staff = {part.lower() for row in full_demo.roster.values() for part in row["name"].split()}
    for found in (*full_demo.manifest["phi"]["messages"].values(), *full_demo.manifest["phi"]["notes"].values()):
        for identifier in found:
            if identifier["type"] == "patient_name":
                words = re.findall(r"[A-Za-z']+", identifier["value"])
                assert not {w.lower() for w in words if w not in {"Mr", "Mrs"}} & staff, identifier


def test_lab_values_doses_and_times_are_common_and_not_listed_as_identifiers(full_demo: DemoFiles) -> None:
    texts = [m["text"] for m in full_demo.messages]
    assert sum(bool(re.search(r"\b\d+(\.\d+)? ?(mg|mEq|units|g|mL)\b", t)) for t in texts) > 1000
    assert sum(bool(re.search(r"\b(K|Na|Hgb|lactate|trop|INR|WBC|Cr|plt) \d", t)) for t in texts) > 500
    assert sum(bool(re.search(r"\b(([01]\d|2[0-3]):?[0-5]\d|\d{1,2}(:\d\d)?(am|pm))\b", t)) for t in texts) > 1000
    listed = {i["value"] for found in full_demo.manifest["phi"]["messages"].values() for i in found}
    assert not any(re.fullmatch(r"\d+(\.\d+)? ?(mg|mEq|units)", value) for value in listed)


def test_curt_personas_answer_nurses_more_slowly(full_demo: DemoFiles) -> None:
    curt = {p["person_id"] for p in full_demo.manifest["personas"] if p["target_roles"]}
    by_id = {m["message_id"]: m for m in full_demo.messages}
    delays: dict[bool, list[float]] = {True: [], False: []}
    for m in full_demo.messages:
        parent = by_id.get(m["in_reply_to"] or "")
        if parent is None or full_demo.roster[parent["sender_id"]]["role"] != "nurse":
            continue
        if full_demo.roster[m["sender_id"]]["role"] not in PRESCRIBERS:
            continue
        seconds = (
            dt.datetime.fromisoformat(m["sent_at"]) - dt.datetime.fromisoformat(parent["sent_at"])
        ).total_seconds()
        delays[m["sender_id"] in curt].append(seconds)
    assert statistics.median(delays[True]) > 1.3 * statistics.median(delays[False])


def test_true_standing_explains_the_scores_after_removing_rater_offsets(full_demo: DemoFiles) -> None:
    truth = full_demo.manifest["true_standing"]
    offsets = {r["person_id"]: r["offset"] for r in full_demo.manifest["raters"]}
    errors = [
        int(r["score"]) - (truth[r["subject_id"]][r["cycle"]][r["criterion"]] + offsets[r["rater_id"]])
        for r in full_demo.ratings
    ]
    assert abs(statistics.mean(errors)) < 0.15 and statistics.pstdev(errors) < 0.7
    curt = [p["person_id"] for p in full_demo.manifest["personas"] if p["target_roles"]]
    others = [pid for pid in truth if pid not in curt]
    mean = lambda ids: statistics.mean(truth[i]["FY2026"]["communication"] for i in ids)  # noqa: E731
    assert mean(curt) < mean(others) - 0.7
