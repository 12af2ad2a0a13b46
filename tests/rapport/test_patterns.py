"""Pattern statistics on synthetic message sets whose properties are known by construction."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest

from bedside.rapport.patterns import (
    AnalysedMessage,
    areas_for_improvement,
    person_trend,
    rank_people,
    responsiveness,
    role_asymmetry,
    summarise_groups,
)
from bedside.rapport.patterns.stats import mean_difference, proportion_difference, slope, wilson

START = dt.datetime(2026, 1, 1, 8, tzinfo=dt.UTC)
ROLES = {**{i: "physician" for i in range(1, 9)}, **{i: "nurse" for i in range(10, 20)}}


def _message(
    i: int, sender: int, recipient: int, *, rude: bool, day: int, categories: frozenset[str] = frozenset(), **kw: object
) -> AnalysedMessage:
    return AnalysedMessage(
        message_id=i,
        sender_id=sender,
        sender_role=ROLES[sender],
        unit_id=1 if sender % 2 else 2,
        recipient_ids=(recipient,),
        recipient_roles=(ROLES[recipient],),
        sent_at=START + dt.timedelta(days=day, minutes=i),
        tone="curt" if rude else "respectful",
        politeness=-0.8 if rude else 0.6,
        categories=categories,
        **kw,  # type: ignore[arg-type]
    )


def _hospital(seed: int = 7, n: int = 3000) -> list[AnalysedMessage]:
    """Physician 1 is curt to nurses (60%), polite to physicians; physician 2 improves; others rarely curt."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sender = rng.choice(list(ROLES))
        recipient = rng.choice([r for r in ROLES if r != sender])
        day = rng.randrange(180)
        if sender == 1 and ROLES[recipient] == "nurse":
            rude = rng.random() < 0.6
        elif sender == 2:
            rude = rng.random() < (0.6 if day < 60 else 0.05)
        else:
            rude = rng.random() < 0.05
        cats = frozenset({"command"}) if rude else frozenset()
        out.append(_message(i, sender, recipient, rude=rude, day=day, categories=cats))
    return out


def test_wilson_contains_truth_and_behaves_at_edges() -> None:
    e = wilson(0, 10)
    assert e.low == 0 and 0.2 < e.high < 0.35
    e = wilson(50, 100)
    assert e.low < 0.5 < e.high and math.isclose(e.value, 0.5)
    assert wilson(0, 0).high == 1.0


def test_differences_and_slope_signs() -> None:
    d = proportion_difference(60, 100, 10, 100)
    assert d.low > 0.35 and d.value == pytest.approx(0.5)
    assert proportion_difference(10, 100, 11, 100).low < 0 < proportion_difference(10, 100, 11, 100).high
    m = mean_difference([1.0, 1.2, 0.9, 1.1], [0.0, 0.1, -0.1, 0.05])
    assert m.low > 0.8
    s = slope([0, 1, 2, 3, 4], [10, 8, 6, 4, 2])
    assert s.value == pytest.approx(-2) and s.high == pytest.approx(-2)


def test_team_groups_below_minimum_size_are_suppressed() -> None:
    msgs = _hospital()
    pairs = summarise_groups(msgs, "role_pair", min_group_size=5)
    assert {g.key for g in pairs} == {
        ("physician", "nurse"),
        ("physician", "physician"),
        ("nurse", "nurse"),
        ("nurse", "physician"),
    }
    assert all(not g.suppressed for g in pairs)
    strict = summarise_groups(msgs, "role_pair", min_group_size=9)
    suppressed = [g for g in strict if g.suppressed]
    assert {g.key[0] for g in suppressed} == {"physician"}  # 8 physician senders < 9 <= 10 nurse senders
    assert all(g.not_respectful is None and g.tone_mix == {} for g in suppressed)


def test_role_pair_rates_show_physician_to_nurse_problem() -> None:
    groups = {g.key: g for g in summarise_groups(_hospital(), "role_pair")}
    to_nurse = groups[("physician", "nurse")].not_respectful
    to_phys = groups[("physician", "physician")].not_respectful
    assert to_nurse is not None and to_phys is not None and to_nurse.low > to_phys.high


def test_person_summaries_are_never_suppressed() -> None:
    groups = summarise_groups(_hospital(n=400), "person", min_group_size=50)
    assert groups and not any(g.suppressed for g in groups)


def test_asymmetry_found_for_planted_person_only() -> None:
    msgs = _hospital()
    assert role_asymmetry(msgs, 1).significant
    assert not role_asymmetry(msgs, 3).significant


def test_areas_for_improvement_and_ranking_recover_planted_people() -> None:
    msgs = _hospital()
    areas = areas_for_improvement(msgs, 1)
    assert areas and {a.metric for a in areas} & {"not_respectful", "asymmetry", "command"}
    for a in areas:
        assert a.example_message_ids and a.recommendation and a.reason
        assert all(next(m for m in msgs if m.message_id == i).sender_id == 1 for i in a.example_message_ids)
    assert areas_for_improvement(msgs, 5) == []
    top = [c.person_id for c in rank_people(msgs)[:2]]
    assert set(top) == {1, 2}


def test_trend_shows_improvement_for_improver_and_not_others() -> None:
    msgs = _hospital()
    assert person_trend(msgs, 2).direction == "improving"
    assert person_trend(msgs, 4).direction == "steady"
    assert len(person_trend(msgs, 2).months) >= 6


def test_responsiveness_counts_replies_within_window() -> None:
    base = [
        _message(1, 1, 10, rude=False, day=0, source_id="a"),
        _message(2, 10, 1, rude=False, day=0, source_id="b", in_reply_to="a"),  # reply minutes later
        _message(3, 1, 11, rude=False, day=1, source_id="c"),  # never answered
        _message(4, 12, 1, rude=False, day=2, source_id="d", in_reply_to="c"),  # not a recipient of c
    ]
    r = responsiveness(base)
    assert r[10].received == 1 and r[10].answered.value == 1.0
    assert r[10].median_response_minutes == pytest.approx(1.0)
    assert r[11].answered.value == 0.0
    assert r[1].contacts == 2 and r[1].reciprocity.value == pytest.approx(0.5)


def test_unit_dashboard_respects_suppression_and_coaching_mode() -> None:
    from bedside.rapport.patterns.views import person_summary, unit_dashboard

    msgs = _hospital()
    open_view = unit_dashboard(msgs, min_group_size=5, include_people=True, names={1: "Dr One"})
    assert open_view["tone_trend"]["months"][0] == "2026-01" and len(open_view["tone_trend"]["months"]) >= 6
    assert any(n["name"] == "Dr One" for n in open_view["network"]["nodes"])
    coaching = unit_dashboard(msgs, min_group_size=5, include_people=False)
    assert "network" not in coaching
    tiny = unit_dashboard(msgs[:40], min_group_size=50, include_people=False)
    assert all(tiny["tone_trend"]["suppressed"])
    assert all(v is None for v in tiny["tone_trend"]["series"]["curt"])
    assert all(cell is None or cell["suppressed"] for row in tiny["role_pairs"]["cells"] for cell in row)
    me = person_summary(msgs, 1)
    assert me["asymmetry"]["significant"] and me["areas"]


def test_staff_group_heat_map_keeps_cells_that_single_roles_suppress() -> None:
    from bedside.rapport.patterns.views import unit_dashboard

    roles = {1: "physician", 2: "physician", 3: "resident", 4: "resident", 5: "app"}
    roles |= {i: "nurse" for i in range(10, 16)}
    msgs = [
        AnalysedMessage(
            message_id=i,
            sender_id=s,
            sender_role=roles[s],
            unit_id=1,
            recipient_ids=(r,),
            recipient_roles=(roles[r],),
            sent_at=START + dt.timedelta(hours=i),
            tone="curt" if s == 1 else "neutral",
            politeness=0.5,
        )
        for i, (s, r) in enumerate((s, r) for s in roles for r in roles if s != r)
    ]
    view = unit_dashboard(msgs, min_group_size=5, include_people=False)
    fine = view["role_pairs"]
    assert all(
        c is None or c["suppressed"]
        for row, sender in zip(fine["cells"], fine["roles"], strict=True)
        if sender != "nurse"
        for c in row
    )
    groups = view["staff_group_pairs"]
    assert groups["roles"] == ["nurses", "prescribers"]
    prescribers_to_nurses = groups["cells"][1][0]
    assert not prescribers_to_nurses["suppressed"] and prescribers_to_nurses["not_respectful"][
        "value"
    ] == pytest.approx(0.2)
