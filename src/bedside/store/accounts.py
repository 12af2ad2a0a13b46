"""User accounts: creation with argon2-hashed passwords, lookup and password verification."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from bedside.store.models import AccountRole, Organisation, Person, UserAccount

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 10


class AccountError(ValueError):
    """A user account could not be created or changed; the message says why."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(account: UserAccount, password: str) -> bool:
    """True when ``password`` matches the account's hash (constant-time inside argon2)."""
    if not account.password_hash:
        return False
    try:
        return _hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def get_or_create_organisation(session: Session, slug: str, name: str | None = None) -> Organisation:
    org = session.scalar(select(Organisation).where(Organisation.slug == slug))
    if org is None:
        org = Organisation(slug=slug, name=name or slug)
        session.add(org)
        session.flush()
    return org


def create_user(
    session: Session,
    *,
    organisation: Organisation,
    username: str,
    password: str,
    role: AccountRole,
    person: Person | None = None,
) -> UserAccount:
    """Create an account; refuses duplicate usernames, short passwords and people already linked."""
    username = username.strip()
    if not username:
        raise AccountError("The username must not be empty.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    if session.scalar(select(UserAccount).where(UserAccount.username == username)) is not None:
        raise AccountError(f"An account named {username!r} already exists.")
    if person is not None and session.scalar(select(UserAccount).where(UserAccount.person_id == person.id)):
        raise AccountError(f"{person.name} ({person.external_id}) already has an account.")
    account = UserAccount(
        organisation_id=organisation.id,
        person_id=person.id if person is not None else None,
        username=username,
        password_hash=hash_password(password),
        role=role,
    )
    session.add(account)
    session.flush()
    return account
