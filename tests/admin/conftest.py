"""Fixtures for the flow editor: an administrator (and a clerk) logged in to the console,
and small helpers that read flows and the audit log the way the editor shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import services
from bot.staff import accounts
from bot.storage.tables import audit_log
from bot.storage.timestamps import utcnow

PASSWORD = "correct horse battery"
FLOWS = Path(__file__).resolve().parents[2] / "flows"


@pytest.fixture
def config(config):
    """The suite's config with CSRF off; tests that need the token turn it back on."""
    return {**config, "WTF_CSRF_ENABLED": False}


def make_account(app, email: str, role: str, agency: str | None = None) -> None:
    svc = services(app)
    with svc.db.begin() as conn:
        accounts.create(conn, email, PASSWORD, role, agency, svc.registry.routing.agencies,
                        utcnow())


class Editor:
    """Someone using the console and the flow editor through the test client."""

    def __init__(self, client):
        self.client = client

    def login(self, email: str):
        response = self.client.post("/staff/login", data={"email": email, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)[:300]

    def page(self, path: str, **kwargs) -> str:
        response = self.client.get(path, **kwargs)
        assert response.status_code == 200, response.get_data(as_text=True)[:800]
        return response.get_data(as_text=True)

    def post(self, path: str, data: dict | None = None, **kwargs):
        return self.client.post(path, data=data or {}, **kwargs)

    def save_draft(self, flow: str, source: str):
        return self.post(f"/admin/flows/{flow}/edit", {"source": source, "action": "save"})

    def publish(self, flow: str):
        return self.post(f"/admin/flows/{flow}/publish")


@pytest.fixture
def admin(app, client) -> Editor:
    make_account(app, "ada@city.example.gov", "admin")
    editor = Editor(client)
    editor.login("ada@city.example.gov")
    return editor


@pytest.fixture
def clerk(app, client) -> Editor:
    make_account(app, "ana@city.example.gov", "staff", "city311")
    editor = Editor(client)
    editor.login("ana@city.example.gov")
    return editor


def seed_text(name: str) -> str:
    return (FLOWS / f"{name}.yaml").read_text(encoding="utf-8")


def audit_actions(app) -> list[tuple[str, str, str]]:
    """(actor, action, target) of every audit entry, oldest first."""
    with services(app).db.connect() as conn:
        rows = conn.execute(select(audit_log.c.actor, audit_log.c.action, audit_log.c.target)
                            .order_by(audit_log.c.id))
        return [tuple(r) for r in rows]


def simulate(editor: Editor, path: str, messages: list[str]) -> str:
    """Chat through the simulator page at path; the page after the last message."""
    import html
    import re

    transcript, page = "[]", ""
    for text in messages:
        response = editor.post(path, {"transcript": transcript, "text": text, "action": "send"})
        assert response.status_code == 200, response.get_data(as_text=True)[:500]
        page = response.get_data(as_text=True)
        found = re.search(r'name="transcript" type="hidden" value="([^"]*)"', page)
        transcript = html.unescape(found.group(1)) if found else "[]"  # no form: refused
    return page
