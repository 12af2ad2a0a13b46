"""Loading analysed messages for pattern analysis, on both backends."""

from __future__ import annotations

import datetime as dt

from bedside.store.communication import TONE_ANALYZER, load_analysed_messages
from bedside.store.database import Database
from bedside.store.models import AnalysisResult, Message, MessageRecipient, Organisation, Person, StaffRole, Unit


def test_messages_come_back_with_roles_tone_and_problem_categories(database: Database) -> None:
    sent = dt.datetime(2026, 2, 3, 9, tzinfo=dt.UTC)
    with database.session() as s:
        org = Organisation(slug="h", name="H")
        s.add(org)
        s.flush()
        unit = Unit(organisation_id=org.id, external_id="icu", name="ICU")
        s.add(unit)
        s.flush()
        doc = Person(organisation_id=org.id, external_id="d", name="Doc", role=StaffRole.physician, unit_id=unit.id)
        nurse = Person(organisation_id=org.id, external_id="n", name="Nurse", role=StaffRole.nurse, unit_id=unit.id)
        s.add_all([doc, nurse])
        s.flush()
        analysed = Message(
            organisation_id=org.id, sender_id=doc.id, sent_at=sent, text="Do it now.", source="f", source_id="1"
        )
        analysed.recipients.append(MessageRecipient(person_id=nurse.id))
        unanalysed = Message(
            organisation_id=org.id,
            sender_id=nurse.id,
            sent_at=sent,
            text="ok",
            source="f",
            source_id="2",
            in_reply_to="1",
        )
        s.add_all([analysed, unanalysed])
        s.flush()
        s.add(
            AnalysisResult(
                organisation_id=org.id,
                subject_type="message",
                subject_id=analysed.id,
                person_id=doc.id,
                analyzer=TONE_ANALYZER,
                analyzer_version="1",
                label="curt",
                score=-0.7,
                findings=[
                    {"category": "command", "severity": "low"},
                    {"category": "politeness", "severity": "positive"},
                ],
            )
        )
        org_id, doc_id, nurse_id, unit_id = org.id, doc.id, nurse.id, unit.id
    with database.session() as s:
        rows = load_analysed_messages(s, organisation_id=org_id)
        assert len(rows) == 1
        m = rows[0]
        assert (m.sender_id, m.sender_role, m.unit_id) == (doc_id, "physician", unit_id)
        assert m.recipient_ids == (nurse_id,) and m.recipient_roles == ("nurse",)
        assert m.tone == "curt" and m.politeness == -0.7 and m.categories == frozenset({"command"})
        assert m.sent_at == sent and m.source_id == "1"
        assert load_analysed_messages(s, organisation_id=org_id, unit_ids=[unit_id + 1]) == []
        assert load_analysed_messages(s, organisation_id=org_id, sender_ids=[nurse_id]) == []


def test_whole_organisation_loads_are_cached_until_results_or_roster_change(database: Database) -> None:
    sent = dt.datetime(2026, 2, 3, 9, tzinfo=dt.UTC)
    with database.session() as s:
        org = Organisation(slug="c", name="C")
        s.add(org)
        s.flush()
        doc = Person(organisation_id=org.id, external_id="d", name="Doc", role=StaffRole.physician)
        nurse = Person(organisation_id=org.id, external_id="n", name="Nurse", role=StaffRole.nurse)
        s.add_all([doc, nurse])
        s.flush()
        m = Message(organisation_id=org.id, sender_id=doc.id, sent_at=sent, text="Now.", source="f", source_id="1")
        m.recipients.append(MessageRecipient(person_id=nurse.id))
        s.add(m)
        s.flush()
        result = AnalysisResult(
            organisation_id=org.id,
            subject_type="message",
            subject_id=m.id,
            person_id=doc.id,
            analyzer=TONE_ANALYZER,
            analyzer_version="1",
            label="curt",
            score=0.2,
            findings=[],
        )
        s.add(result)
        s.flush()
        org_id, doc_id, result_id = org.id, doc.id, result.id
    with database.session() as s:
        first = load_analysed_messages(s, organisation_id=org_id)
        assert load_analysed_messages(s, organisation_id=org_id) is first  # served from the cache
    with database.session() as s:  # a re-analysis replaces the result: the cache must notice
        s.delete(s.get(AnalysisResult, result_id))
        s.flush()
        s.add(
            AnalysisResult(
                organisation_id=org_id,
                subject_type="message",
                subject_id=first[0].message_id,
                person_id=doc_id,
                analyzer=TONE_ANALYZER,
                analyzer_version="2",
                label="respectful",
                score=0.9,
                findings=[],
            )
        )
    with database.session() as s:
        second = load_analysed_messages(s, organisation_id=org_id)
        assert second is not first and second[0].tone == "respectful"
        s.get(Person, doc_id).role = StaffRole.resident  # a roster update changes the sender's role
    with database.session() as s:
        assert load_analysed_messages(s, organisation_id=org_id)[0].sender_role == "resident"
