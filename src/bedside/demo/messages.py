"""Six months of staff messages at Riverside General, as threads with realistic timing.

Each thread is one clinical or operational exchange: a lab follow-up with an order and a read-back,
a page, an order to a nurse, a CUS escalation that is acknowledged or brushed off, an SBAR handoff
(sometimes incomplete), a consult, a pharmacy recommendation, scheduling, thanks. The tone of each
message comes from :class:`~bedside.demo.personas.PersonaBook` (sender, recipient role, month);
reply delays are log-normal per kind of exchange, and some messages are never answered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property

from bedside.demo.organisation import StaffMember
from bedside.demo.patients import plain_location
from bedside.demo.phrasing import Slots
from bedside.demo.threads import (
    AVERAGE_THREAD_LENGTH,
    END,
    START,
    DraftMessage,
    ThreadBuilder,
    ThreadState,
)

__all__ = ["END", "START", "DraftMessage", "MessageGenerator"]


class MessageGenerator(ThreadBuilder):
    """Builds threads one scenario at a time; call :meth:`generate` for the whole period."""

    @cached_property
    def scenarios(self) -> list[tuple[Callable[[ThreadState], None], float]]:
        """Each kind of exchange with its share of threads."""
        return [
            (self.lab_followup, 0.16),
            (self.page, 0.13),
            (self.order, 0.15),
            (self.escalation, 0.07),
            (self.handoff, 0.12),
            (self.request_to_prescriber, 0.10),
            (self.consult, 0.07),
            (self.question_to_senior, 0.06),
            (self.pharmacy, 0.05),
            (self.schedule, 0.06),
            (self.kudos, 0.03),
            (self.peer_help, 0.05),
        ]

    # -- scenarios ------------------------------------------------------------------------------

    def lab_followup(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        nurse, doc = self.bedside_staff(state.unit), self.prescriber(state.unit)
        s["to"] = doc.address_name
        alert = " ".join(x for x in (s.pick(m["lab_alerts"]), s.pick(m["lab_questions"])) if x)
        first = self.emit(state, nurse, [doc], alert, intent="lab_followup", tone="neutral")
        if self.rng.random() < 0.1:
            return
        tone = self.tone(doc, nurse, state.clock)
        if self.rng.random() < 0.75:
            order = s["order"]
            reply = self.emit(
                state,
                doc,
                [nurse],
                self.toned(state, tone, order, nurse),
                intent="order",
                tone=tone,
                delay=self.delay("lab_reply", self.reply_factor(doc, nurse)),
                reply_to=first,
            )
            self.readback(state, nurse, doc, reply)
        else:
            s["to"] = nurse.address_name
            self.emit(
                state,
                doc,
                [nurse],
                s.pick(m["acks"][tone]),
                intent="ack",
                tone=tone,
                delay=self.delay("lab_reply", self.reply_factor(doc, nurse)),
                reply_to=first,
            )

    def readback(self, state: ThreadState, nurse: StaffMember, doc: StaffMember, order_msg: DraftMessage) -> None:
        s, m = state.slots, self.m
        if self.rng.random() < 0.45:
            back = self.emit(
                state,
                nurse,
                [doc],
                s.pick(m["readbacks"]),
                intent="readback",
                tone="neutral",
                delay=self.delay("readback"),
                reply_to=order_msg,
            )
            if self.rng.random() < 0.75:
                tone = self.tone(doc, nurse, state.clock)
                s["to"] = nurse.address_name
                self.emit(
                    state,
                    doc,
                    [nurse],
                    s.pick(m["readback_confirm"][tone]),
                    intent="readback_confirm",
                    tone=tone,
                    delay=self.delay("ack"),
                    reply_to=back,
                )
        elif self.rng.random() < 0.55:
            tone = "courteous" if self.rng.random() < 0.5 else "neutral"
            self.emit(
                state,
                nurse,
                [doc],
                s.pick(m["acks"][tone]),
                intent="ack",
                tone=tone,
                delay=self.delay("ack"),
                reply_to=order_msg,
            )

    def page(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        nurse, doc = self.bedside_staff(state.unit), self.prescriber(state.unit)
        s["unit"] = state.unit.name
        first = self.emit(state, nurse, [doc], s.pick(m["pages"]), intent="page", tone="neutral", channel="page")
        if self.rng.random() < 0.08:
            return
        tone = self.tone(doc, nurse, state.clock)
        delay = self.delay("page_reply", self.reply_factor(doc, nurse))
        if self.rng.random() < 0.6:
            reply = self.emit(
                state,
                doc,
                [nurse],
                self.toned(state, tone, s["order"], nurse),
                intent="order",
                tone=tone,
                delay=delay,
                reply_to=first,
            )
            self.readback(state, nurse, doc, reply)
        else:
            s["to"] = nurse.address_name
            self.emit(
                state, doc, [nurse], s.pick(m["acks"][tone]), intent="ack", tone=tone, delay=delay, reply_to=first
            )

    def order(self, state: ThreadState) -> None:
        doc, nurse = self.prescriber(state.unit), self.pick(state.unit, "nurse")
        tone = self.tone(doc, nurse, state.clock)
        first = self.emit(
            state, doc, [nurse], self.toned(state, tone, state.slots["order"], nurse), intent="order", tone=tone
        )
        if self.rng.random() < 0.85:
            self.readback(state, nurse, doc, first)

    def escalation(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        nurse, doc = self.pick(state.unit, "nurse"), self.prescriber(state.unit)
        s["to"] = doc.address_name
        text = s.pick(m["escalations"])
        if self.rng.random() < 0.5:
            text = f"{s.pick(m['openers']['neutral'])} {text}".strip()
        first = self.emit(
            state, nurse, [doc], text, intent="escalation", tone="neutral", channel=self.rng.choice(("page", "chat"))
        )
        roll = self.rng.random()
        month = self.month(state.clock)
        if roll < 0.08:
            first.extra["outcome"] = "unanswered"
            return
        delay = self.delay("escalation_reply", self.reply_factor(doc, nurse))
        if self.rng.random() < self.personas.brush_off_probability(doc, nurse, month):
            first.extra["outcome"] = "brushed_off"
            reply = self.emit(
                state,
                doc,
                [nurse],
                s.pick(m["escalation_brushed_off"]),
                intent="escalation_reply",
                tone="curt",
                delay=delay,
                reply_to=first,
                outcome="brushed_off",
            )
            if self.rng.random() < 0.4:
                follow = self.rng.choice(
                    (
                        "Ok. I'm documenting my concern.",
                        "Then I'm calling a rapid response.",
                        "I'll let the charge nurse know.",
                        "Understood, will keep watching and page again if worse.",
                        "Ok",
                    )
                )
                self.emit(
                    state,
                    nurse,
                    [doc],
                    follow,
                    intent="escalation_followup",
                    tone="neutral",
                    delay=self.delay("ack"),
                    reply_to=reply,
                )
        else:
            first.extra["outcome"] = "acknowledged"
            self.emit(
                state,
                doc,
                [nurse],
                s.pick(m["escalation_acknowledged"]),
                intent="escalation_reply",
                tone="courteous",
                delay=delay,
                reply_to=first,
                outcome="acknowledged",
            )

    def handoff(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        role = self.rng.choices(("nurse", "resident", "app", "physician"), weights=(0.5, 0.25, 0.1, 0.15))[0]
        giver = self.pick(state.unit, role)
        taker_role = role if role != "physician" else self.rng.choice(("physician", "resident"))
        taker = self.pick(state.unit, taker_role, exclude=giver)
        hour = self.rng.choice((6, 18))
        state.clock = state.clock.replace(hour=hour, minute=self.rng.randrange(30, 60))
        template, parts = self.rng.choice(m["handoff_formats"])
        text = s.fill(template)
        first = self.emit(
            state,
            giver,
            [taker],
            text,
            intent="handoff",
            tone="neutral",
            sbar_parts=parts.split(","),
            sbar_complete=parts == "S,B,A,R",
        )
        if self.rng.random() < 0.55:
            self.emit(
                state,
                taker,
                [giver],
                s.pick(m["handoff_replies"]),
                intent="handoff_reply",
                tone="neutral",
                delay=self.delay("handoff_reply"),
                reply_to=first,
            )

    def request_to_prescriber(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        nurse = self.bedside_staff(state.unit) if self.rng.random() < 0.8 else self.pick(state.unit, "pharmacist")
        doc = self.prescriber(state.unit)
        tone = self.tone(nurse, doc, state.clock)
        first = self.emit(
            state,
            nurse,
            [doc],
            self.toned(state, tone, s.pick(m["asks_of_prescriber"]), doc),
            intent="request",
            tone=tone,
        )
        if self.rng.random() < 0.1:
            return
        reply_tone = self.tone(doc, nurse, state.clock)
        s["to"] = nurse.address_name
        delay = self.delay("page_reply", self.reply_factor(doc, nurse))
        if self.rng.random() < 0.5:
            self.emit(
                state,
                doc,
                [nurse],
                s.pick(m["acks"][reply_tone]),
                intent="ack",
                tone=reply_tone,
                delay=delay,
                reply_to=first,
            )
        else:
            text = self.toned(state, reply_tone, s.pick(m["orders"]), nurse)
            self.emit(state, doc, [nurse], text, intent="order", tone=reply_tone, delay=delay, reply_to=first)

    def consult(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        asker = self.prescriber(state.unit)
        unit = (
            state.unit
            if self.rng.random() < 0.7
            else self.rng.choice([u for u in self.org.units if u is not state.unit])
        )
        other = self.pick(unit, "physician", "resident", "app", exclude=asker)
        tone = self.tone(asker, other, state.clock)
        first = self.emit(
            state,
            asker,
            [other],
            self.toned(state, tone, s.pick(m["asks_of_physician"]), other),
            intent="consult",
            tone=tone,
        )
        if self.rng.random() < 0.1:
            return
        reply_tone = self.tone(other, asker, state.clock)
        s["to"] = asker.address_name
        self.emit(
            state,
            other,
            [asker],
            s.pick(m["consult_replies"][reply_tone]),
            intent="consult_reply",
            tone=reply_tone,
            delay=self.delay("consult_reply"),
            reply_to=first,
        )

    def question_to_senior(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        junior = self.pick(state.unit, "resident", "app")
        senior = self.pick(state.unit, "physician")
        s["to"] = senior.address_name
        text = f"{s.pick(m['openers']['courteous' if self.rng.random() < 0.5 else 'neutral'])} {s.pick(m['questions_to_senior'])}".strip()
        first = self.emit(state, junior, [senior], text, intent="question", tone="neutral")
        if self.rng.random() < 0.08:
            return
        reply_tone = self.tone(senior, junior, state.clock)
        s["to"] = junior.address_name
        self.emit(
            state,
            senior,
            [junior],
            s.pick(m["consult_replies"][reply_tone]),
            intent="consult_reply",
            tone=reply_tone,
            delay=self.delay("consult_reply"),
            reply_to=first,
        )

    def pharmacy(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        pharmacist, doc = self.pick(state.unit, "pharmacist"), self.prescriber(state.unit)
        s["to"] = doc.address_name
        text = f"{s.pick(m['openers']['courteous'])} {s.pick(m['pharmacy'])}".strip()
        first = self.emit(state, pharmacist, [doc], text, intent="pharmacy", tone="courteous")
        if self.rng.random() < 0.1:
            return
        tone = self.tone(doc, pharmacist, state.clock)
        s["to"] = pharmacist.address_name
        self.emit(
            state,
            doc,
            [pharmacist],
            s.pick(m["acks"][tone]),
            intent="ack",
            tone=tone,
            delay=self.delay("pharmacy_reply"),
            reply_to=first,
        )

    def schedule(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        sender = (
            self.org.nurse_manager(state.unit.unit_id)
            if self.rng.random() < 0.5
            else self.pick(state.unit, "administrator")
        )
        pool = [p for p in self.org.in_unit(state.unit.unit_id, "nurse", "technician") if p is not sender]
        recipients = self.rng.sample(pool, self.rng.choice((1, 1, 2, 4, 6, 8)))
        s["name"] = self.rng.choice(pool).first_name
        s["to"] = recipients[0].address_name if len(recipients) == 1 else self.rng.choice(("all", "team", "everyone"))
        state.clock = state.clock.replace(hour=self.rng.randrange(8, 17))
        text = f"{s.pick(m['openers']['courteous' if self.rng.random() < 0.6 else 'neutral'])} {s.pick(m['schedules'])}".strip()
        first = self.emit(
            state,
            sender,
            recipients,
            text,
            intent="scheduling",
            tone="neutral",
            channel=self.rng.choice(("email", "chat")),
        )
        for responder in recipients[: self.rng.choice((0, 1, 1, 2, 3))]:
            tone = self.tone(responder, sender, state.clock)
            s["to"] = sender.address_name
            self.emit(
                state,
                responder,
                [sender],
                s.pick(m["schedule_replies"][tone]),
                intent="scheduling_reply",
                tone=tone,
                channel=first.channel,
                delay=self.delay("schedule_reply"),
                reply_to=first,
            )

    def kudos(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        sender = self.pick(state.unit)
        receiver = self.pick(state.unit, exclude=sender)
        s["to"] = receiver.address_name
        s["name"] = self.pick(state.unit, exclude=sender).first_name
        s["bed"] = state.location
        first = self.emit(
            state,
            sender,
            [receiver],
            s.pick(m["kudos"]),
            intent="kudos",
            tone="courteous",
            channel=self.rng.choice(("email", "chat")),
        )
        if self.rng.random() < 0.6:
            self.emit(
                state,
                receiver,
                [sender],
                self.rng.choice(m["kudos_replies"]),
                intent="kudos_reply",
                tone="courteous",
                channel=first.channel,
                delay=self.delay("kudos_reply"),
                reply_to=first,
            )

    def peer_help(self, state: ThreadState) -> None:
        s, m = state.slots, self.m
        asker = self.bedside_staff(state.unit)
        helper = self.pick(state.unit, "nurse", "technician", exclude=asker)
        s["to"] = helper.address_name
        text = f"{s.pick(m['openers']['courteous' if self.rng.random() < 0.5 else 'neutral'])} {s.pick(m['peer_help'])}"
        first = self.emit(state, asker, [helper], text.strip(), intent="peer_help", tone="neutral")
        if self.rng.random() < 0.8:
            tone = self.tone(helper, asker, state.clock)
            self.emit(
                state,
                helper,
                [asker],
                s.pick(m["peer_help_replies"][tone]),
                intent="peer_help_reply",
                tone=tone,
                delay=self.delay("ack"),
                reply_to=first,
            )

    # -- the whole period -----------------------------------------------------------------------

    def start_time(self, day: dt.date) -> dt.datetime:
        # Busier in the day; shift changes at 07:00 and 19:00 are handled by handoffs themselves.
        hour = self.rng.choices(
            range(24), weights=[2, 2, 2, 2, 2, 3, 4, 6, 9, 10, 10, 9, 8, 9, 9, 9, 8, 7, 6, 5, 4, 4, 3, 2]
        )[0]
        return dt.datetime(
            day.year, day.month, day.day, hour, self.rng.randrange(60), self.rng.randrange(60), tzinfo=dt.UTC
        )

    def thread(self, day: dt.date) -> None:
        unit = self.rng.choice(self.org.units)
        scenario = self.rng.choices([s for s, _ in self.scenarios], weights=[w for _, w in self.scenarios])[0]
        state = ThreadState(
            unit=unit,
            slots=Slots(self.rng, self.kit),
            location=plain_location(self.rng, unit.kind),
            clock=self.start_time(day),
            planted=self.rng.random() < self.phi_rate,
        )
        scenario(state)
        self.thread_count += 1

    def generate(self, target_messages: int) -> list[DraftMessage]:
        days = [(START + dt.timedelta(days=i)).date() for i in range((END - START).days)]
        per_day = target_messages / AVERAGE_THREAD_LENGTH / len(days)
        for day in days:
            weekend = day.weekday() >= 5
            count = max(1, round(self.rng.gauss(per_day * (0.8 if weekend else 1.08), per_day * 0.1)))
            for _ in range(count):
                self.thread(day)
        while len(self.drafts) < target_messages:
            self.thread(self.rng.choice(days))
        return self.drafts
