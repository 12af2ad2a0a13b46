"""The four record kinds an import reads, as pydantic row models, and how a raw row becomes one.

A raw row is a mapping of column (or key) to value, as a CSV reader, a JSONL line or the FHIR
mapper produces it. :func:`parse_row` validates it into :class:`RosterRow`, :class:`MessageRow`,
:class:`NoteRow` or :class:`RatingRow`, or raises :class:`~bedside.ingest.errors.RowError` naming the
field and the reason. Free text (message and note text, rating comments) is never quoted in an error,
because it may hold patient identifiers. :func:`detect_kind` tells the kind from the columns.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Collection, Mapping
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from bedside.ingest.errors import FileError, RowError
from bedside.store.models import NoteKind, StaffRole

DEFAULT_MAX_FIELD_CHARS = 20_000


class RecordKind(enum.StrEnum):
    """What a file holds."""

    roster = "roster"
    messages = "messages"
    notes = "notes"
    ratings = "ratings"


def _short(value: object, limit: int = 40) -> str:
    text = str(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _as_id(value: object) -> object:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    return value


def _as_optional_str(value: object) -> object:
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    return value


def _as_id_list(value: object) -> object:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(";") if part.strip())
    if isinstance(value, list | tuple):
        return tuple(_as_id(item) for item in value)
    return value


def _as_lower(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


def parse_timestamp(value: object) -> dt.datetime:
    """An ISO 8601 timestamp as an aware UTC datetime; one without a zone is read as UTC."""
    if isinstance(value, dt.datetime):
        stamp = value
    elif isinstance(value, str):
        try:
            stamp = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                f"{_short(value)} is not an ISO 8601 timestamp (expected e.g. 2024-03-01T14:30:00Z)"
            ) from None
    else:
        raise ValueError("expected an ISO 8601 timestamp as text (e.g. 2024-03-01T14:30:00Z)")
    return stamp.replace(tzinfo=dt.UTC) if stamp.tzinfo is None else stamp.astimezone(dt.UTC)


ExternalId = Annotated[str, BeforeValidator(_as_id), Field(min_length=1, max_length=100)]
OptionalId = Annotated[ExternalId | None, BeforeValidator(_as_id)]
Timestamp = Annotated[dt.datetime, BeforeValidator(parse_timestamp)]
IdList = Annotated[tuple[ExternalId, ...], BeforeValidator(_as_id_list)]


Text16 = Annotated[Annotated[str, Field(max_length=16)] | None, BeforeValidator(_as_optional_str)]
Text32 = Annotated[Annotated[str, Field(max_length=32)] | None, BeforeValidator(_as_optional_str)]
Text64 = Annotated[Annotated[str, Field(max_length=64)] | None, BeforeValidator(_as_optional_str)]
Text200 = Annotated[Annotated[str, Field(max_length=200)] | None, BeforeValidator(_as_optional_str)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    kind_name: ClassVar[RecordKind]
    id_field: ClassVar[str]
    required: ClassVar[tuple[str, ...]]
    text_fields: ClassVar[tuple[str, ...]] = ()

    @property
    def row_id(self) -> str:
        return str(getattr(self, self.id_field))


def _check_text(value: object, info: ValidationInfo, *, required: bool) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValueError("the text is empty")
        return None
    if not isinstance(value, str):
        raise ValueError("expected text")
    limit = (info.context or {}).get("max_field_chars", DEFAULT_MAX_FIELD_CHARS)
    if len(value) > limit:
        raise ValueError(f"the text has {len(value):,} characters, more than the limit of {limit:,} (max_field_chars)")
    return value


class RosterRow(_Row):
    """One staff member. Optional columns left out of a file leave the stored values as they are.

    ``role`` and ``unit`` are required columns in CSV and JSONL; a FHIR Practitioner without a
    PractitionerRole has neither, and then keeps what is stored (a new person gets role ``other``).
    """

    kind_name = RecordKind.roster
    id_field = "person_id"
    required = ("person_id", "name", "role", "unit")

    person_id: ExternalId
    name: Annotated[str, BeforeValidator(_as_optional_str), Field(min_length=1, max_length=200)]
    role: Annotated[StaffRole | None, BeforeValidator(_as_lower)] = None  # None: keep the stored role
    unit: OptionalId = None
    unit_name: Text200 = None
    manager_id: OptionalId = None
    email: Text200 = None
    leads: IdList | None = None
    gender: Text32 = None
    ethnicity: Text64 = None
    age_band: Text16 = None


class MessageRow(_Row):
    """One staff-to-staff message."""

    kind_name = RecordKind.messages
    id_field = "message_id"
    required = ("message_id", "sender_id", "recipient_ids", "sent_at", "text")
    text_fields = ("text",)

    message_id: ExternalId
    sender_id: ExternalId
    recipient_ids: Annotated[IdList, Field(min_length=1)]
    sent_at: Timestamp
    text: str
    thread_id: OptionalId = None
    in_reply_to: OptionalId = None
    channel: Annotated[Literal["chat", "email", "page"], BeforeValidator(_as_lower)] = "chat"

    @field_validator("text", mode="before")
    @classmethod
    def _text(cls, value: object, info: ValidationInfo) -> str | None:
        return _check_text(value, info, required=True)

    @field_validator("channel", mode="before")
    @classmethod
    def _default_channel(cls, value: object) -> object:
        return "chat" if value is None or (isinstance(value, str) and not value.strip()) else value


class NoteRow(_Row):
    """One feedback note about a person (``author_id`` is empty for patient feedback)."""

    kind_name = RecordKind.notes
    id_field = "note_id"
    required = ("note_id", "about_id", "kind", "created_at", "text")
    text_fields = ("text",)

    note_id: ExternalId
    about_id: ExternalId
    kind: Annotated[NoteKind, BeforeValidator(_as_lower)]
    created_at: Timestamp
    text: str
    author_id: OptionalId = None

    @field_validator("text", mode="before")
    @classmethod
    def _text(cls, value: object, info: ValidationInfo) -> str | None:
        return _check_text(value, info, required=True)


class RatingRow(_Row):
    """One rater's score of one person on one criterion in one review cycle."""

    kind_name = RecordKind.ratings
    id_field = "rating_id"
    required = ("rating_id", "subject_id", "rater_id", "cycle", "criterion", "score", "created_at")
    text_fields = ("comment",)

    rating_id: ExternalId
    subject_id: ExternalId
    rater_id: ExternalId
    cycle: Annotated[str, BeforeValidator(_as_optional_str), Field(min_length=1, max_length=32)]
    criterion: Annotated[str, BeforeValidator(_as_optional_str), Field(min_length=1, max_length=100)]
    score: float
    created_at: Timestamp
    comment: str | None = None

    @field_validator("comment", mode="before")
    @classmethod
    def _comment(cls, value: object, info: ValidationInfo) -> str | None:
        return _check_text(value, info, required=False)

    @field_validator("score", mode="before")
    @classmethod
    def _score(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError("expected a number")
        if isinstance(value, str):
            try:
                value = float(value.strip())
            except ValueError:
                raise ValueError(f"{_short(value)} is not a number") from None
        if isinstance(value, int | float) and not math.isfinite(value):
            raise ValueError("the score must be a finite number")
        return value


Row = RosterRow | MessageRow | NoteRow | RatingRow

ROW_MODELS: dict[RecordKind, type[RosterRow] | type[MessageRow] | type[NoteRow] | type[RatingRow]] = {
    RecordKind.roster: RosterRow,
    RecordKind.messages: MessageRow,
    RecordKind.notes: NoteRow,
    RecordKind.ratings: RatingRow,
}

# Every field name, across kinds, that holds free text (redacted before storage, never quoted).
TEXT_FIELDS = frozenset({"text", "comment"})


def required_columns(kind: RecordKind) -> tuple[str, ...]:
    return ROW_MODELS[kind].required


def known_columns(kind: RecordKind) -> tuple[str, ...]:
    return tuple(ROW_MODELS[kind].model_fields)


def detect_kind(columns: Collection[str], *, file: str = "") -> RecordKind:
    """The kind whose id column is present (``person_id``, ``message_id``, ``note_id``, ``rating_id``)."""
    found = [kind for kind, model in ROW_MODELS.items() if model.id_field in columns]
    if len(found) == 1:
        return found[0]
    ids = ", ".join(f"{model.id_field} ({kind.value})" for kind, model in ROW_MODELS.items())
    shown = ", ".join(sorted(columns)[:12]) or "none"
    if not found:
        raise FileError(
            f"cannot tell what this file holds from its columns ({shown}); expected one of {ids}, or pass --kind",
            file=file,
        )
    raise FileError(f"the columns fit several kinds ({', '.join(k.value for k in found)}); pass --kind", file=file)


def check_columns(kind: RecordKind, columns: Collection[str], *, file: str = "", line: int | None = 1) -> None:
    """Refuse a header that lacks a required column of ``kind``."""
    missing = [name for name in required_columns(kind) if name not in columns]
    if missing:
        raise FileError(
            f"missing column(s) {', '.join(missing)} for {kind.value} (required: {', '.join(required_columns(kind))})",
            file=file,
            line=line,
        )


def _reason(error: Mapping[str, Any], field: str | None) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "required value is missing"
    if kind == "enum" or kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"unknown value {_short(error.get('input'))}; expected {expected}"
    if kind == "string_too_long":
        return f"longer than {error.get('ctx', {}).get('max_length')} characters"
    if kind in {"string_too_short", "too_short"}:
        return "required value is empty"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error.get("msg", "")))
    message = str(error.get("msg", "invalid value"))
    if field in TEXT_FIELDS:
        return message
    return f"{message} (got {_short(error.get('input'))})"


def parse_row(
    kind: RecordKind,
    raw: Mapping[str, Any],
    *,
    line: int | None = None,
    max_field_chars: int = DEFAULT_MAX_FIELD_CHARS,
    check_required: bool = True,
) -> Row:
    """Validate one raw row into its row model, or raise :class:`RowError` naming the field."""
    model = ROW_MODELS[kind]
    if check_required:
        for name in model.required:
            value = raw.get(name)
            if value is None or (isinstance(value, str) and not value.strip()):
                reason = "the text is empty" if name in TEXT_FIELDS else "required value is missing"
                raise RowError(reason, line=line, field=name)
    try:
        return model.model_validate(raw, context={"max_field_chars": max_field_chars})
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = first.get("loc", ())
        field = str(loc[0]) if loc else None
        raise RowError(_reason(first, field), line=line, field=field) from None
