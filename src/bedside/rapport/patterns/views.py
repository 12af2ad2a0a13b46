"""View models for the Rapport pages: a unit dashboard and a person's coaching summary.

Plain dicts ready for JSON (charts read them from the page), built from analysed messages. The unit
dashboard holds only team aggregates unless ``include_people`` is set (the interaction network names
people, so it is left out in coaching mode, where analytics about a person are for that person only).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from bedside.rapport.patterns.asymmetry import role_asymmetry
from bedside.rapport.patterns.groups import TONES, summarise_groups
from bedside.rapport.patterns.improvement import areas_for_improvement
from bedside.rapport.patterns.records import AnalysedMessage
from bedside.rapport.patterns.responsiveness import responsiveness
from bedside.rapport.patterns.trend import person_trend

MIN_EDGE_MESSAGES = 5
# Staff groups for the coarse heat map: within one unit most single roles have fewer senders than the
# minimum group size, so their cells would all be suppressed; groups keep the picture and the privacy.
STAFF_GROUPS: dict[str, str] = {
    "physician": "prescribers",
    "resident": "prescribers",
    "app": "prescribers",
    "nurse": "nurses",
    "technician": "other staff",
    "pharmacist": "other staff",
    "administrator": "other staff",
    "other": "other staff",
}


def by_staff_group(messages: Iterable[AnalysedMessage]) -> list[AnalysedMessage]:
    """The same messages with sender and recipient roles replaced by their staff group."""
    return [
        replace(
            m,
            sender_role=STAFF_GROUPS.get(m.sender_role, "other staff"),
            recipient_roles=tuple(STAFF_GROUPS.get(r, "other staff") for r in m.recipient_roles),
        )
        for m in messages
    ]


def role_pair_matrix(messages: Iterable[AnalysedMessage], *, min_group_size: int) -> dict[str, Any]:
    """Sender role x recipient role cells (share of curt/hostile messages), suppressed when too few people."""
    pairs = summarise_groups(messages, "role_pair", min_group_size=min_group_size)
    roles = sorted({str(k) for g in pairs for k in g.key})
    heat = {(g.key[0], g.key[1]): g for g in pairs}
    return {
        "roles": roles,
        "cells": [[_cell(heat.get((sender, recipient))) for recipient in roles] for sender in roles],
    }


def unit_dashboard(
    messages: Iterable[AnalysedMessage],
    *,
    min_group_size: int,
    include_people: bool,
    names: Mapping[int, str] | None = None,
) -> dict[str, Any]:
    """Tone trend by month, role-pair heat maps (staff groups and single roles), and optionally the network."""
    items = list(messages)
    months = summarise_groups(items, "month", min_group_size=min_group_size)
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
        "role_pairs": role_pair_matrix(items, min_group_size=min_group_size),
        "staff_group_pairs": role_pair_matrix(by_staff_group(items), min_group_size=min_group_size),
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
