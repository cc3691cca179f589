"""Console accounts: create, find, list, (de)activate; passwords hashed with argon2."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.storage.tables import users
from bot.storage.timestamps import aware

ROLES = ("staff", "supervisor", "admin")
RANK = {role: rank for rank, role in enumerate(ROLES)}
MIN_PASSWORD = 12

_hasher = PasswordHasher()
# Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class AccountError(ValueError):
    """An account cannot be created or changed as asked; the message says why."""


@dataclass(frozen=True)
class Account:
    """A console user as Flask-Login sees it."""

    id: int
    email: str
    role: str
    agency: str | None
    active: bool
    created_at: datetime | None = None
    last_login_at: datetime | None = None

    # Flask-Login's user interface.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def scope(self) -> str | None:
        """The one agency whose reports this user may see, or None for all agencies."""
        return self.agency if self.role == "staff" else None

    def at_least(self, role: str) -> bool:
        return RANK[self.role] >= RANK[role]


def _account(row) -> Account:
    return Account(row.id, row.email, row.role, row.agency, row.active,
                   aware(row.created_at), aware(row.last_login_at))


def normalize_email(email: str) -> str:
    return email.strip().lower()


def check_new(email: str, role: str, agency: str | None, agencies, password: str | None) -> None:
    """Raise AccountError when these values cannot make an account."""
    if "@" not in email or len(email) > 254:
        raise AccountError(f"not an email address: {email!r}")
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
    if role == "staff" and not agency:
        raise AccountError("a staff account needs --agency (the agency whose reports it handles)")
    if agency and agency not in agencies:
        raise AccountError(f"unknown agency {agency!r}; known: {', '.join(agencies)}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")


def create(conn: Connection, email: str, password: str, role: str, agency: str | None,
           agencies, now: datetime) -> Account:
    """Add an account; AccountError when a value is invalid or the email is taken."""
    email = normalize_email(email)
    agency = agency or None
    check_new(email, role, agency, agencies, password)
    try:
        with conn.begin_nested():
            new_id = conn.execute(insert(users).values(
                email=email, password_hash=_hasher.hash(password), role=role,
                agency=agency, active=True, created_at=now,
            ).returning(users.c.id)).scalar_one()
    except IntegrityError:
        raise AccountError(f"an account for {email} already exists") from None
    return Account(new_id, email, role, agency, True, now)


def get(conn: Connection, user_id: int) -> Account | None:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return _account(row) if row else None


def find(conn: Connection, email: str) -> Account | None:
    row = conn.execute(select(users).where(users.c.email == normalize_email(email))).first()
    return _account(row) if row else None


def authenticate(conn: Connection, email: str, password: str, now: datetime) -> Account | None:
    """The active account for email and password, or None; rehashes an outdated hash."""
    row = conn.execute(select(users).where(users.c.email == normalize_email(email))).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or not row.active:
        return None
    values = {"last_login_at": now}
    if _hasher.check_needs_rehash(row.password_hash):
        values["password_hash"] = _hasher.hash(password)
    conn.execute(update(users).where(users.c.id == row.id).values(**values))
    return _account(row)


def set_password(conn: Connection, email: str, password: str) -> bool:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
    done = conn.execute(update(users).where(users.c.email == normalize_email(email))
                        .values(password_hash=_hasher.hash(password)))
    return done.rowcount == 1


def set_active(conn: Connection, user_id: int, active: bool) -> bool:
    done = conn.execute(update(users).where(users.c.id == user_id).values(active=active))
    return done.rowcount == 1


def all_accounts(conn: Connection) -> list[Account]:
    return [_account(r) for r in conn.execute(select(users).order_by(users.c.email))]
