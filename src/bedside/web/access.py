"""Access enforcement for every route, pages and API alike, in one dependency.

Every route declares exactly one :class:`Rule` by taking a parameter typed with one of the
``...Grant`` aliases at the bottom (``Annotated[Grant, Depends(Access(RULE))]``). :func:`check_route_rules` refuses to build the app
when a route has none, and the access-matrix test walks the route table. For each request the
dependency, in this order:

1. authenticates (``Authorization: Bearer`` API token, else the signed session cookie) and refuses
   anonymous callers where the rule needs a signed-in user (401 for the API, a redirect to the
   sign-in page for pages);
2. checks the CSRF token on state-changing requests that are not authenticated by an API token;
3. resolves the subject person (from the ``person_id``, ``result_id`` or ``message_id`` path
   parameter, or the viewer's own record) or the unit (``unit_id``) and asks the policy in
   :mod:`bedside.store.access` (404 when the subject does not exist in the viewer's organisation,
   403 when it is not allowed);
4. writes the audit event when the rule is a view or export of a person's data.

Adding a route: pick a rule below (or add one here, with its policy action in
``bedside.store.access``) and add its expected statuses to ``tests/web/test_access_matrix.py``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.routing import BaseRoute, Mount, Route

from bedside.store import audit
from bedside.store.access import Action, Viewer, is_allowed, may_view_unit, viewer_for
from bedside.store.models import Person, Unit
from bedside.store.people import analysis_subject
from bedside.store.rapport import message_sender
from bedside.web import csrf
from bedside.web.credentials import account_for_token, account_for_web_session
from bedside.web.deps import SessionDep

SESSION_USER_KEY = "sid"  # the secret of a WebSession row, never the account id
MAX_ID = 2**63 - 1
API_PREFIX = "/api/"
# Framework routes without FastAPI dependencies; each is public by design.
PUBLIC_FRAMEWORK_PATHS = frozenset({"/openapi.json", "/static"})


class Subject(enum.StrEnum):
    """Where a rule finds the person whose data is at stake."""

    none = "none"
    path_person = "path_person"  # the ``person_id`` path parameter
    path_finding = "path_finding"  # the person an analysis result (``result_id``) is about
    path_message = "path_message"  # the sender of a message (``message_id``)
    path_unit = "path_unit"  # a unit (``unit_id``); the grant carries it in ``unit``
    self = "self"  # the viewer's own staff record (may be absent)


@dataclass(frozen=True)
class Rule:
    """An access rule: who may call a route, about whom, and what gets audited."""

    name: str
    signed_in: bool = True
    action: Action | None = None
    subject: Subject = Subject.none
    audit_action: str | None = None


PUBLIC = Rule("public", signed_in=False)
SIGNED_IN = Rule("signed_in")
ADMIN = Rule("admin", action=Action.administer)
PERSON_VIEW = Rule("person_view", action=Action.view_person, subject=Subject.path_person, audit_action="view")
PERSON_ANALYTICS = Rule(
    "person_analytics", action=Action.view_analytics, subject=Subject.path_person, audit_action="view_analytics"
)
PERSON_EXPORT = Rule("person_export", action=Action.export_person, subject=Subject.path_person, audit_action="export")
SELF_VIEW = Rule("self_view", action=Action.view_person, subject=Subject.self, audit_action="view")
SELF_EXPORT = Rule("self_export", action=Action.export_person, subject=Subject.self, audit_action="export")
FINDING_SUBJECT = Rule("finding_subject", action=Action.comment_finding, subject=Subject.path_finding)
MESSAGE_ANALYTICS = Rule(
    "message_analytics", action=Action.view_analytics, subject=Subject.path_message, audit_action="view_analytics"
)
UNIT_DASHBOARD = Rule("unit_dashboard", action=Action.view_unit, subject=Subject.path_unit)


class SignInRequiredError(Exception):
    """The route needs a signed-in user and the request has none (401 / redirect to sign-in)."""


@dataclass(frozen=True)
class Grant:
    """What a route receives once access is granted: the viewer (None on public routes) and subject."""

    viewer: Viewer | None
    subject: Person | None
    rule: Rule
    unit: Unit | None = None

    def require_viewer(self) -> Viewer:
        if self.viewer is None:
            raise SignInRequiredError
        return self.viewer

    def require_subject(self) -> Person:
        """The checked subject of a person-scoped rule (404 if a route misuses a rule without one)."""
        if self.subject is None:
            raise HTTPException(404, "Not found.")
        return self.subject

    def require_unit(self) -> Unit:
        """The checked unit of a unit-scoped rule (404 if a route misuses a rule without one)."""
        if self.unit is None:
            raise HTTPException(404, "Not found.")
        return self.unit


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX) or request.url.path == "/openapi.json"


# Declares the token scheme in the OpenAPI schema; anonymous or cookie requests pass through as None.
bearer_scheme = HTTPBearer(auto_error=False, description="A per-user API token (bsd_...) from /tokens.")


def authenticate(request: Request, session: Session, bearer: HTTPAuthorizationCredentials | None) -> Viewer | None:
    """The viewer of a request: API token first, then the session cookie; None when anonymous."""
    if bearer is not None:
        account = account_for_token(session, bearer.credentials.strip())
        if account is None:
            raise HTTPException(401, "The API token is not valid or has been revoked.", {"WWW-Authenticate": "Bearer"})
        return viewer_for(session, account, auth_method="token")
    secret = request.session.get(SESSION_USER_KEY)
    if not isinstance(secret, str):
        return None
    account = account_for_web_session(session, secret)
    if account is None:
        request.session.clear()
        return None
    return viewer_for(session, account, auth_method="session")


def _path_id(request: Request, name: str) -> int:
    raw = request.path_params.get(name, "")
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise HTTPException(404, "Not found.") from None
    if not 1 <= value <= MAX_ID:
        raise HTTPException(404, "Not found.")
    return value


def _resolve_subject(request: Request, session: Session, rule: Rule, viewer: Viewer) -> Person | None:
    if rule.subject is Subject.self:
        return session.get(Person, viewer.person_id) if viewer.person_id is not None else None
    if rule.subject is Subject.path_person:
        person = session.get(Person, _path_id(request, "person_id"))
    elif rule.subject is Subject.path_finding:
        person = analysis_subject(session, _path_id(request, "result_id"))
    elif rule.subject is Subject.path_message:
        person = message_sender(session, _path_id(request, "message_id"))
    else:
        return None
    if person is None or person.organisation_id != viewer.organisation_id:
        raise HTTPException(404, "Not found.")
    return person


class Access:
    """The dependency that enforces one :class:`Rule` (see the module docstring for the steps)."""

    def __init__(self, rule: Rule) -> None:
        self.access_rule = rule

    def __call__(
        self,
        request: Request,
        session: SessionDep,
        submitted_csrf: Annotated[str | None, Depends(csrf.submitted_token)],
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    ) -> Grant:
        rule = self.access_rule
        viewer = authenticate(request, session, bearer)
        request.state.viewer = viewer  # lets error pages keep the navigation for a signed-in user
        if viewer is None and rule.signed_in:
            raise SignInRequiredError
        if request.method not in csrf.SAFE_METHODS and (viewer is None or viewer.auth_method != "token"):
            if not csrf.is_valid(request, submitted_csrf):
                raise HTTPException(403, "The form has expired or its CSRF token is missing; reload the page.")
        if viewer is None or rule.action is None:
            return Grant(viewer=viewer, subject=None, rule=rule)
        if rule.subject is Subject.path_unit:
            unit = session.get(Unit, _path_id(request, "unit_id"))
            if unit is None or unit.organisation_id != viewer.organisation_id:
                raise HTTPException(404, "Not found.")
            if not may_view_unit(session, viewer, unit):
                raise HTTPException(403, "You do not have access to this.")
            return Grant(viewer=viewer, subject=None, rule=rule, unit=unit)
        subject = _resolve_subject(request, session, rule, viewer)
        if rule.subject is Subject.self and subject is None:
            return Grant(viewer=viewer, subject=None, rule=rule)  # an account without a staff record
        if not is_allowed(session, viewer, rule.action, subject):
            raise HTTPException(403, "You do not have access to this.")
        if rule.audit_action and subject is not None:
            audit.record(
                session,
                organisation_id=viewer.organisation_id,
                actor=viewer.username,
                actor_user_id=viewer.user_id,
                action=rule.audit_action,
                subject_person_id=subject.id,
                detail=f"{request.method} {request.url.path} ({viewer.auth_method})",
            )
        return Grant(viewer=viewer, subject=subject, rule=rule)


def _rules_in(dependant: Any) -> Iterable[Rule]:
    call = getattr(dependant, "call", None)
    rule = getattr(call, "access_rule", None)
    if isinstance(rule, Rule):
        yield rule
    for child in getattr(dependant, "dependencies", []):
        yield from _rules_in(child)


@dataclass(frozen=True)
class RouteEntry:
    """One effective route of an app: its full path, methods and the route object that declared it."""

    path: str
    methods: frozenset[str]
    route: BaseRoute


def iter_routes(routes: Iterable[BaseRoute]) -> Iterator[RouteEntry]:
    """Every effective route, whether FastAPI flattens included routers (older) or nests them (newer)."""
    try:
        from fastapi.routing import iter_route_contexts  # FastAPI >= 0.16x keeps included routers nested
    except ImportError:  # pragma: no cover - older FastAPI: app.routes is already flat
        for route in routes:
            yield RouteEntry(str(getattr(route, "path", "")), frozenset(getattr(route, "methods", None) or ()), route)
        return
    for context in iter_route_contexts(list(routes)):
        yield RouteEntry(str(context.path or ""), frozenset(context.methods or ()), context.original_route)


def route_rule(entry: RouteEntry) -> Rule | None:
    """The access rule of a route (framework routes listed in ``PUBLIC_FRAMEWORK_PATHS`` are public)."""
    if isinstance(entry.route, APIRoute):
        rules = set(_rules_in(entry.route.dependant))
        return rules.pop() if len(rules) == 1 else None
    if isinstance(entry.route, Route | Mount) and entry.path in PUBLIC_FRAMEWORK_PATHS:
        return PUBLIC
    return None


class MissingAccessRuleError(RuntimeError):
    """A route was registered without exactly one access rule."""


def check_route_rules(routes: Iterable[BaseRoute]) -> None:
    """Refuse to start an app in which some route has no access rule (or several)."""
    missing = [f"{sorted(e.methods)} {e.path}" for e in iter_routes(routes) if route_rule(e) is None]
    if missing:
        raise MissingAccessRuleError(
            "Every route needs exactly one access rule (see bedside.web.access); missing on: " + ", ".join(missing)
        )


# Route parameter types, one per rule: ``def page(grant: PersonViewGrant, ...)``.
PublicGrant = Annotated[Grant, Depends(Access(PUBLIC))]
SignedInGrant = Annotated[Grant, Depends(Access(SIGNED_IN))]
AdminGrant = Annotated[Grant, Depends(Access(ADMIN))]
PersonViewGrant = Annotated[Grant, Depends(Access(PERSON_VIEW))]
PersonAnalyticsGrant = Annotated[Grant, Depends(Access(PERSON_ANALYTICS))]
PersonExportGrant = Annotated[Grant, Depends(Access(PERSON_EXPORT))]
SelfViewGrant = Annotated[Grant, Depends(Access(SELF_VIEW))]
SelfExportGrant = Annotated[Grant, Depends(Access(SELF_EXPORT))]
FindingSubjectGrant = Annotated[Grant, Depends(Access(FINDING_SUBJECT))]
MessageAnalyticsGrant = Annotated[Grant, Depends(Access(MESSAGE_ANALYTICS))]
UnitDashboardGrant = Annotated[Grant, Depends(Access(UNIT_DASHBOARD))]
