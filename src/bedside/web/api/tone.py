"""``POST /api/v1/tone``: check how a draft reads. The text is redacted before analysis; nothing is stored."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field

from bedside.rapport import MessageContext
from bedside.rapport.repair import suggest_repair
from bedside.store.models import StaffRole
from bedside.web.access import SignedInGrant
from bedside.web.api.schemas import error_responses
from bedside.web.deps import SessionDep, SettingsDep
from bedside.web.rapport_present import check_draft

router = APIRouter(prefix="/api/v1", tags=["rapport"], responses=error_responses(401))
# A hard ceiling for the schema; the configured ``max_field_chars`` (usually lower) is checked per request.
TEXT_CEILING = 1_000_000
Role = Annotated[StaffRole, Field(description="A staff role.")]


class ToneContext(BaseModel):
    """What is known around the draft (all optional)."""

    model_config = ConfigDict(extra="forbid")

    sender_role: Role | None = None
    recipient_roles: list[Role] = Field(default_factory=list, max_length=20)
    previous_text: str | None = Field(None, max_length=TEXT_CEILING, description="The message this draft answers.")
    previous_sender_role: Role | None = None


class ToneRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=TEXT_CEILING, pattern=r"\S", description="The draft to check.")
    context: ToneContext | None = None


class ToneFinding(BaseModel):
    category: str
    label: str
    start: int = Field(description="Character offset in the returned (redacted) text.")
    end: int
    text: str
    severity: str
    reason: str
    detector: str
    detector_version: str
    pattern: str
    score: float


class ToneResult(BaseModel):
    text: str = Field(description="The text as analysed: patient identifiers replaced with placeholders.")
    redacted: bool = Field(description="Whether any identifier was replaced.")
    tone: str = Field(description="respectful, neutral, curt or hostile.")
    politeness: float = Field(description="Higher is more polite.")
    findings: list[ToneFinding]
    rewrite: str | None = Field(description="A kinder version keeping every clinical fact; null when none is needed.")
    why: list[str]
    analyzer: str
    analyzer_version: str


def _too_long(field: tuple[str, ...], limit: int) -> RequestValidationError:
    return RequestValidationError(
        [{"loc": ("body", *field), "msg": f"String should have at most {limit} characters", "type": "string_too_long"}]
    )


@router.post(
    "/tone",
    response_model=ToneResult,
    summary="Check how a draft reads (redacted first, never stored)",
    responses=error_responses(400, 403, 413),
)
def tone(body: ToneRequest, grant: SignedInGrant, session: SessionDep, settings: SettingsDep) -> ToneResult:
    viewer = grant.require_viewer()
    limit = settings.max_field_chars
    if len(body.text) > limit:
        raise _too_long(("text",), limit)
    ctx = body.context
    if ctx is not None and ctx.previous_text is not None and len(ctx.previous_text) > limit:
        raise _too_long(("context", "previous_text"), limit)
    context = (
        MessageContext(
            sender_role=ctx.sender_role.value if ctx.sender_role else None,
            recipient_roles=tuple(r.value for r in ctx.recipient_roles),
            previous_text=ctx.previous_text,
            previous_sender_role=ctx.previous_sender_role.value if ctx.previous_sender_role else None,
        )
        if ctx is not None
        else None
    )
    checked = check_draft(
        session, organisation_id=viewer.organisation_id, text=body.text, context=context, rules_dir=settings.rules_dir,
        sites=settings.site_names,
    )
    analysis = checked.analysis
    repair = suggest_repair(analysis)
    return ToneResult(
        text=checked.text,
        redacted=checked.redacted,
        tone=analysis.tone,
        politeness=round(analysis.politeness, 4),
        findings=[ToneFinding(**f.to_dict()) for f in analysis.findings],
        rewrite=repair.rewrite if repair is not None and repair.changed else None,
        why=list(repair.reasons) if repair is not None else [],
        analyzer=analysis.analyzer,
        analyzer_version=analysis.analyzer_version,
    )
