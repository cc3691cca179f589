"""Fixtures for the staff console: accounts, a logged-in console, reports seeded directly.

Most tests seed reports straight into the database (fast, and independent of the
conversation flows); a few file them the way a resident does, through tests/conftest's phone.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import insert, select, update

from bot.app import services
from bot.staff import accounts
from bot.storage.reports import file_report
from bot.storage.tables import contacts, conversations, escalations, messages, reports
from bot.storage.timestamps import utcnow

PASSWORD = "correct horse battery"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def config(config, tmp_path):
    """The suite's config, with CSRF off (one test turns it on) and media in tmp_path."""
    return {**config, "WTF_CSRF_ENABLED": False, "STAFF_MEDIA_DIR": str(tmp_path / "media")}


@pytest.fixture
def make_user(app):
    """Create a console account: make_user("ana@city.gov", "staff", "city311")."""

    def make(email: str, role: str = "staff", agency: str | None = "city311",
             password: str = PASSWORD) -> accounts.Account:
        svc = services(app)
        with svc.db.begin() as conn:
            return accounts.create(conn, email, password, role, agency,
                                   svc.registry.routing.agencies, utcnow())

    return make


class Console:
    """A staff member using the console through the test client."""

    def __init__(self, client):
        self.client = client

    def login(self, email: str, password: str = PASSWORD):
        return self.client.post("/staff/login", data={"email": email, "password": password})

    def logout(self):
        return self.client.post("/staff/logout")

    def get(self, path: str, **kwargs):
        return self.client.get(path, **kwargs)

    def post(self, path: str, data: dict | None = None, **kwargs):
        return self.client.post(path, data=data or {}, **kwargs)

    def page(self, path: str, **kwargs) -> str:
        response = self.client.get(path, **kwargs)
        assert response.status_code == 200, response.get_data(as_text=True)[:500]
        return response.get_data(as_text=True)


@pytest.fixture
def console(client):
    return Console(client)


@pytest.fixture
def clerk_311(make_user, console):
    """Logged in as staff of City 311."""
    make_user("ana@city.example.gov", "staff", "city311")
    assert console.login("ana@city.example.gov").status_code == 302
    return console


@pytest.fixture
def supervisor(make_user, console):
    make_user("sam@city.example.gov", "supervisor", None)
    assert console.login("sam@city.example.gov").status_code == 302
    return console


class Seeder:
    """Writes residents, reports and escalations as the bot would have stored them."""

    def __init__(self, app):
        self.app = app
        self.db = services(app).db
        self.routing = services(app).registry.routing
        self._numbers = 0

    def report(self, *, type: str = "theft", subtype: str | None = "bicycle",
               language: str = "en", channel: str = "sms", phone: str | None = None,
               description: str = "red bike taken from the rack",
               location: str = "120 Main St", contact_phone: str | None = "same",
               age: timedelta = timedelta(hours=1), agency: str | None = None) -> dict:
        """A filed report with its resident and a short conversation; the report row."""
        self._numbers += 1
        address = phone or f"+1312555{self._numbers:04d}"
        if channel == "chat":
            address = f"chat-session-{self._numbers:04d}"
        now = utcnow() - age
        with self.db.begin() as conn:
            contact_id = self._contact(conn, channel, address, language, now)
            conv_id = conn.execute(insert(conversations).values(
                contact_id=contact_id, channel=channel, flow=type, flow_version=1,
                state="done", status="submitted", data={}, started_at=now, updated_at=now,
            ).returning(conversations.c.id)).scalar_one()
            for direction, kind, body in (("in", "resident", f"my {subtype or type} report"),
                                          ("out", "reply", "Thank you, we got it.")):
                conn.execute(insert(messages).values(
                    contact_id=contact_id, conversation_id=conv_id, direction=direction,
                    channel=channel, kind=kind, body=body, status="received", attempts=0,
                    created_at=now, address=address if direction == "out" else None))
            route = self.routing.agencies[agency] if agency else self.routing.route(type, subtype)
            phone_given = address if contact_phone == "same" and channel == "sms" else (
                None if contact_phone == "same" else contact_phone)
            report_id, _ = file_report(conn, {
                "conversation_id": conv_id, "contact_id": contact_id, "type": type,
                "subtype": subtype, "agency": route.key, "language": language,
                "channel": channel, "location_text": location, "location": location,
                "occurred_at": now - timedelta(hours=2), "occurred_text": "earlier",
                "description": description, "contact_phone": phone_given,
                "answers": {"subtype": subtype, "description": description,
                            "location": {"text": location, "normalized": location}},
                "routing": route.snapshot(),
            }, now)
            return dict(conn.execute(select(reports).where(reports.c.id == report_id))
                        .mappings().one())

    def _contact(self, conn, channel, address, language, now) -> int:
        found = conn.execute(select(contacts.c.id).where(
            contacts.c.channel == channel, contacts.c.address == address)).scalar()
        if found:
            return found
        return conn.execute(insert(contacts).values(
            channel=channel, address=address, language=language, opted_out=False,
            created_at=now).returning(contacts.c.id)).scalar_one()

    def opt_out(self, contact_id: int) -> None:
        with self.db.begin() as conn:
            conn.execute(update(contacts).where(contacts.c.id == contact_id)
                         .values(opted_out=True, opted_out_at=utcnow()))

    def escalation(self, contact_id: int | None = None, body: str = "help, someone is hurt",
                   level: str = "emergency") -> int:
        with self.db.begin() as conn:
            conv_id = None
            if contact_id is not None:
                conv_id = conn.execute(select(conversations.c.id).where(
                    conversations.c.contact_id == contact_id)).scalar()
            return conn.execute(insert(escalations).values(
                level=level, signals=["injury"], body=body, language="en",
                contact_id=contact_id, conversation_id=conv_id, step="description",
                created_at=utcnow(),
            ).returning(escalations.c.id)).scalar_one()

    def attach(self, report: dict, url: str, content_type: str = "image/jpeg") -> int:
        from bot.storage.tables import attachments

        with self.db.begin() as conn:
            return conn.execute(insert(attachments).values(
                report_id=report["id"], conversation_id=report["conversation_id"], url=url,
                content_type=content_type, created_at=utcnow(),
            ).returning(attachments.c.id)).scalar_one()

    def messages_of(self, contact_id: int) -> list[dict]:
        with self.db.connect() as conn:
            return [dict(r) for r in conn.execute(
                select(messages).where(messages.c.contact_id == contact_id)
                .order_by(messages.c.id)).mappings()]


@pytest.fixture
def seed(app):
    return Seeder(app)


def references_in(html: str) -> set[str]:
    """Every report reference a page lists (as a link to the report, or a CSV cell)."""
    ref = r"[TDP]-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}"
    return set(re.findall(rf'/staff/reports/\d+">({ref})<', html)) | set(
        re.findall(rf"^({ref}),", html, re.MULTILINE))


def wait_for_outbound(app, timeout: float = 10.0) -> None:
    """Let the in-process sender finish delivering what was dispatched."""
    assert services(app).sender.drain(timeout), "outbound messages still pending"
