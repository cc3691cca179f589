"""Fixtures: a fresh app on its own database (SQLite, or PostgreSQL when TEST_DATABASE_URL
is set), Twilio's REST API faked on 127.0.0.1, and residents who text or chat."""

from __future__ import annotations

import os
import re
import uuid
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from sqlalchemy import create_engine, text
from twilio.request_validator import RequestValidator

from bot import create_app
from bot.cli import upgrade_and_seed

pytest_plugins = ["tests.fakes.twilio_api", "tests.browser"]

PUBLIC_URL = "https://reports.example.test"
PG_URL = os.environ.get("TEST_DATABASE_URL")


@pytest.fixture
def db_url(tmp_path):
    """A database of the test's own: a SQLite file, or a throwaway PostgreSQL schema."""
    if not PG_URL:
        yield f"sqlite:///{tmp_path / 'bot.db'}"
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}{urlencode({'options': f'-csearch_path={schema}'})}"
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def config(db_url, fake_twilio):
    return {
        "DATABASE_URL": db_url,
        "SECRET_KEY": "test-secret",
        "TESTING": True,
        "PUBLIC_URL": PUBLIC_URL,
        "REDIS_URL": None,
        "OUTBOUND_RETRY_DELAYS": [0, 0, 0],
        "ONCALL_SMS": [],
        "ONCALL_WEBHOOK_URL": None,
        **fake_twilio.config(),
    }


@pytest.fixture
def app(config):
    app = create_app(config)
    upgrade_and_seed(app)
    yield app
    services = app.extensions["bot"]
    services.sender.close()
    services.db.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


class Phone:
    """A resident texting the public number through Twilio's signed webhook."""

    def __init__(self, client, token: str, number: str = "+13125550142"):
        self.client = client
        self.validator = RequestValidator(token)
        self.number = number
        self._count = 0

    def post(self, form: dict, path: str = "/sms", signature: str | None = None):
        sig = signature if signature is not None else self.validator.compute_signature(
            PUBLIC_URL + path, form)
        return self.client.post(path, data=form, headers={"X-Twilio-Signature": sig})

    def form(self, text: str, media: list[tuple[str, str]] = (), sid: str | None = None) -> dict:
        self._count += 1
        form = {
            "From": self.number, "To": "+15555550199", "Body": text,
            "MessageSid": sid or f"SM{uuid.uuid4().hex}", "NumMedia": str(len(media)),
        }
        for i, (url, ctype) in enumerate(media):
            form[f"MediaUrl{i}"] = url
            form[f"MediaContentType{i}"] = ctype
        return form

    def send(self, text: str, media=(), sid: str | None = None) -> str:
        """Text the bot; all its replies joined by newlines."""
        response = self.post(self.form(text, media, sid))
        assert response.status_code == 200, response.get_data(as_text=True)
        return "\n".join(replies_in(response.get_data(as_text=True)))


def replies_in(twiml: str) -> list[str]:
    root = ElementTree.fromstring(twiml)
    return [m.text or "" for m in root.iter("Message")]


class Chat:
    """A resident in the web chat."""

    def __init__(self, client, session: str | None = None):
        self.client = client
        self.session = session or f"test-{uuid.uuid4().hex[:10]}"

    def send(self, text: str) -> str:
        response = self.client.post("/chat/messages", json={"session": self.session, "text": text})
        assert response.status_code == 200, response.get_data(as_text=True)
        return "\n".join(response.get_json()["replies"])


@pytest.fixture
def phone(client, fake_twilio):
    return Phone(client, fake_twilio.auth_token)


@pytest.fixture
def make_phone(client, fake_twilio):
    return lambda number: Phone(client, fake_twilio.auth_token, number)


@pytest.fixture
def chat(client):
    return Chat(client)


REFERENCE = re.compile(r"\b([TDP]-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3})\b")


def reference_in(text: str) -> str:
    found = REFERENCE.search(text)
    assert found, f"no reference in: {text}"
    return found.group(1)
