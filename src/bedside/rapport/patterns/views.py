"""View models for the Rapport pages: a unit dashboard and a person's coaching summary.

Plain dicts ready for JSON (charts read them from the page), built from analysed messages. The unit
dashboard holds only team aggregates unless ``include_people`` is set (the interaction network names
people, so it is left out in coaching mode, where analytics about a person are for that person only).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from bedside.rapport.patterns.asymmetry import role_asymmetry
from bedside.rapport.patterns.groups import TONES, summarise_groups
from bedside.rapport.patterns.improvement import areas_for_improvement
from bedside.rapport.patterns.records import AnalysedMessage
from bedside.rapport.patterns.responsiveness import responsiveness
from bedside.rapport.patterns.trend import person_trend

MIN_EDGE_MESSAGES = 5


def unit_dashboard(
    messages: Iterable[AnalysedMessage],
    *,
    min_group_size: int,
    include_people: bool,
    names: Mapping[int, str] | None = None,
) -> dict[str, Any]:
    """Tone trend by month, role-pair heat map, and (optionally) the who-writes-to-whom network."""
    items = list(messages)
    months = summarise_groups(items, "month", min_group_size=min_group_size)
    pairs = summarise_groups(items, "role_pair", min_group_size=min_group_size)
    roles = sorted({str(k) for g in pairs for k in g.key})
    heat = {(g.key[0], g.key[1]): g for g in pairs}
    dashboard: dict[str, Any] = {
        "messages": len(items),
        "people": len({m.sender_id for m in items}),
        "min_group_size": min_group_size,
        "tone_trend": {
            "months": [str(g.key[0]) for g in months],
            "suppressed": [g.suppressed for g in months],
            "series": {t: [None if g.suppressed else g.tone_mix.get(t, 0.0) for g in months] for t in TONES},
            "politeness": [None if g.suppressed or not g.politeness else g.politeness.value for g in months],
        },
        "role_pairs": {
            "roles": roles,
            "cells": [[_cell(heat.get((sender, recipient))) for recipient in roles] for sender in roles],
        },
    }
    if include_people:
        dashboard["network"] = interaction_network(items, names=names or {})
    return dashboard


def _cell(group: Any) -> dict[str, Any] | None:
    if group is None:
        return None
    if group.suppressed:
        return {"suppressed": True, "messages": group.messages}
    return {
        "suppressed": False,
        "messages": group.messages,
        "not_respectful": group.not_respectful.to_dict(),
        "politeness": group.politeness.value,
    }


def interaction_network(messages: Iterable[AnalysedMessage], *, names: Mapping[int, str]) -> dict[str, Any]:
    """Nodes (people) and edges (sender -> recipient with at least ``MIN_EDGE_MESSAGES`` messages)."""
    edges: dict[tuple[int, int], list[AnalysedMessage]] = defaultdict(list)
    roles: dict[int, str] = {}
    for m in messages:
        roles[m.sender_id] = m.sender_role
        for r, role in zip(m.recipient_ids, m.recipient_roles, strict=True):
            roles.setdefault(r, role)
            edges[(m.sender_id, r)].append(m)
    kept = {k: v for k, v in edges.items() if len(v) >= MIN_EDGE_MESSAGES}
    people = sorted({p for k in kept for p in k})
    return {
        "nodes": [{"id": p, "name": names.get(p, f"#{p}"), "role": roles.get(p, "other")} for p in people],
        "edges": [
            {
                "source": s,
                "target": t,
                "messages": len(ms),
                "not_respectful": sum(m.not_respectful for m in ms) / len(ms),
                "politeness": sum(m.politeness for m in ms) / len(ms),
            }
            for (s, t), ms in sorted(kept.items())
        ],
    }


def person_summary(messages: Iterable[AnalysedMessage], person_id: int) -> dict[str, Any]:
    """Everything the coaching page shows about one person, compared with peers in their role."""
    items = list(messages)
    own = [m for m in items if m.sender_id == person_id]
    summary = summarise_groups(own, "person")
    resp = responsiveness(items).get(person_id)
    asym = role_asymmetry(own, person_id)
    return {
        "person_id": person_id,
        "summary": summary[0].to_dict() if summary else None,
        "trend": person_trend(own, person_id).to_dict(),
        "areas": [a.to_dict() for a in areas_for_improvement(items, person_id)],
        "asymmetry": {
            "messages_to_nurses": asym.messages_a,
            "messages_to_physicians": asym.messages_b,
            "politeness_gap": asym.politeness_gap.to_dict() if asym.politeness_gap else None,
            "not_respectful_gap": asym.not_respectful_gap.to_dict() if asym.not_respectful_gap else None,
            "significant": asym.significant,
        },
        "responsiveness": resp.to_dict() if resp else None,
    }
