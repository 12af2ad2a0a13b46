"""What is known around a message: who wrote it to whom, and what it answers.

The same words read differently in context (DESIGN.md, issue 4): "ok" acknowledging an order closes
the loop; "ok" answering a safety concern leaves it unacknowledged. :class:`MessageContext` is what
callers pass in; :class:`DetectionContext` is what detectors receive, with the previous message
already prepared.
"""

from __future__ import annotations

from dataclasses import dataclass

from bedside.text.prepared import PreparedText


@dataclass(frozen=True, slots=True)
class MessageContext:
    """Roles of the sender and recipients, and the text of the message this one replies to."""

    sender_role: str | None = None
    recipient_roles: tuple[str, ...] = ()
    previous_text: str | None = None
    previous_sender_role: str | None = None
    thread_id: str | None = None


@dataclass(frozen=True, slots=True)
class DetectionContext:
    """The context handed to detectors: the caller's :class:`MessageContext` and the prepared previous text."""

    message: MessageContext
    previous: PreparedText | None = None

    @classmethod
    def of(cls, context: MessageContext | None, recent: PreparedText | None = None) -> DetectionContext:
        """Prepare the previous message (if any) once for every detector.

        ``recent`` is a message prepared just before; when it is the previous message (the usual case
        when a thread is analysed in order) it is reused instead of tokenised again.
        """
        if context is None:
            return EMPTY_CONTEXT
        text = context.previous_text
        if not text:
            previous = None
        elif recent is not None and recent.text == text:
            previous = recent
        else:
            previous = PreparedText(text)
        return cls(message=context, previous=previous)


EMPTY_CONTEXT = DetectionContext(message=MessageContext())
