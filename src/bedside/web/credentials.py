"""Credentials: password sign-in with throttling, and per-user API tokens.

Both end in a ``UserAccount``; turning that into a :class:`bedside.store.access.Viewer` is the same
for every method, which is where an OpenID Connect login would plug in later (map the identity
provider's subject to an account, then call ``viewer_for``). Access checks never look at how a user
signed in.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bedside.config import Settings
from bedside.store.accounts import hash_password, verify_password
from bedside.store.models import ApiToken, LoginAttempt, UserAccount, WebSession, utcnow

SESSION_MAX_AGE_SECONDS = 8 * 60 * 60  # one clinical shift
TOKEN_PREFIX = "bsd_"
MAX_TOKENS_PER_USER = 50


class SignInError(ValueError):
    """Sign-in refused; the message is safe to show (it never says which part was wrong)."""


class SignInThrottledError(SignInError):
    """Too many failed sign-ins for this username from this address."""


class TokenLimitError(ValueError):
    """The account already has the maximum number of active API tokens."""


@dataclass(frozen=True)
class IssuedToken:
    """A freshly created token: ``secret`` is shown once and never stored."""

    token: ApiToken
    secret: str


@functools.cache
def _dummy_hash() -> str:
    """A throwaway hash: checking unknown usernames against it makes them as slow as wrong passwords."""
    return hash_password(secrets.token_urlsafe(16))


def _recent_failures(session: Session, *, username: str, client: str, settings: Settings) -> int:
    since = utcnow() - dt.timedelta(seconds=settings.login_lockout_seconds)
    query = select(func.count()).where(
        LoginAttempt.username == username, LoginAttempt.client == client, LoginAttempt.at >= since
    )
    return session.scalar(query) or 0


def sign_in(session: Session, *, username: str, password: str, client: str, settings: Settings) -> UserAccount:
    """The active account for these credentials, or :class:`SignInError`.

    Failed attempts are recorded per username and client address; after
    ``settings.login_max_failures`` of them within ``settings.login_lockout_seconds`` every attempt is
    refused (even a correct one) until the window passes.
    """
    username = username.strip()[:100]
    client = client[:64]
    if _recent_failures(session, username=username, client=client, settings=settings) >= settings.login_max_failures:
        raise SignInThrottledError(
            f"Too many failed sign-ins. Try again in {settings.login_lockout_seconds // 60 or 1} minute(s)."
        )
    account = session.scalar(select(UserAccount).where(UserAccount.username == username))
    if account is None:
        verify_password(UserAccount(username="", password_hash=_dummy_hash()), password)
    if account is None or not account.active or not verify_password(account, password):
        session.add(LoginAttempt(username=username, client=client))
        session.flush()
        raise SignInError("The username or password is not correct.")
    session.execute(delete(LoginAttempt).where(LoginAttempt.username == username, LoginAttempt.client == client))
    account.last_login_at = utcnow()
    return account


def active_account(session: Session, user_id: int) -> UserAccount | None:
    account = session.get(UserAccount, user_id)
    return account if account is not None and account.active else None


def start_web_session(session: Session, *, account: UserAccount, lifetime: dt.timedelta) -> str:
    """Record a new browser session for the account; returns the secret the cookie carries."""
    secret = secrets.token_urlsafe(32)
    session.add(WebSession(user_id=account.id, secret_hash=hash_token(secret), expires_at=utcnow() + lifetime))
    session.flush()
    return secret


def account_for_web_session(session: Session, secret: str) -> UserAccount | None:
    """The active account of a live (not ended, not expired) browser session, else None."""
    if len(secret) > 200:
        return None
    row = session.scalar(select(WebSession).where(WebSession.secret_hash == hash_token(secret)))
    if row is None or row.ended_at is not None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=dt.UTC)
    if expires <= utcnow():
        return None
    return active_account(session, row.user_id)


def end_web_session(session: Session, secret: str) -> None:
    """Sign a browser session out for good (a copy of its cookie stops working too)."""
    row = session.scalar(select(WebSession).where(WebSession.secret_hash == hash_token(secret)))
    if row is not None and row.ended_at is None:
        row.ended_at = utcnow()


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue_token(session: Session, *, user_id: int, name: str) -> IssuedToken:
    """Create an API token; only its SHA-256 hash is stored."""
    active = session.scalar(
        select(func.count()).where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
    )
    if (active or 0) >= MAX_TOKENS_PER_USER:
        raise TokenLimitError(f"An account may hold at most {MAX_TOKENS_PER_USER} active tokens; revoke one first.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user_id, name=name.strip()[:100], token_hash=hash_token(secret))
    session.add(token)
    session.flush()
    return IssuedToken(token=token, secret=secret)


def account_for_token(session: Session, secret: str) -> UserAccount | None:
    """The active account owning an unrevoked token, marking the token as used."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = session.scalar(
        select(ApiToken).where(ApiToken.token_hash == hash_token(secret), ApiToken.revoked_at.is_(None))
    )
    if token is None:
        return None
    token.last_used_at = utcnow()
    return active_account(session, token.user_id)


def list_tokens(session: Session, *, user_id: int) -> list[ApiToken]:
    query = select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    return list(session.scalars(query))


def revoke_token(session: Session, *, user_id: int, token_id: int) -> bool:
    """Revoke one of the user's own tokens; False when it is not theirs or does not exist."""
    token = session.scalar(select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user_id))
    if token is None:
        return False
    if token.revoked_at is None:
        token.revoked_at = utcnow()
    return True
