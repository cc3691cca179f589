"""Fixtures for the outbound sender: a migrated database per test, a Sender, Redis and RQ."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url

from bot.config import load_config
from bot.outbound import Sender, queue
from bot.outbound.records import utcnow
from bot.storage.db import make_engine
from bot.storage.migrate import upgrade
from bot.storage.tables import contacts, messages

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_URL = "https://bot.example.gov"
WEBHOOK_SECRET = "test-webhook-secret"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """A migrated, empty database: SQLite in tmp_path, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'bot.db'}"
        upgrade(url)
        yield url
        return
    base = os.environ["TEST_DATABASE_URL"]
    schema = "outbound_" + uuid.uuid4().hex[:12]
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = (
        make_url(base)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    try:
        upgrade(url)
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(fake_twilio, database_url):
    """Config overrides: the fake Twilio, this test's database, tiny retry delays, no Redis."""
    return {
        **fake_twilio.config(),
        "DATABASE_URL": database_url,
        "PUBLIC_URL": PUBLIC_URL,
        "ONCALL_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "OUTBOUND_RETRY_DELAYS": [0, 0],
        "REDIS_URL": None,
    }


@pytest.fixture
def make_sender(engine, settings):
    """Build a Sender from settings plus overrides; each is closed after the test."""
    built = []

    def make(**overrides) -> Sender:
        config = load_config({**settings, **overrides}, environ={})
        sender = Sender(config, engine, queue_name=overrides.get("queue_name", "outbound"))
        built.append(sender)
        return sender

    yield make
    for sender in built:
        sender.close()


@pytest.fixture
def sender(make_sender) -> Sender:
    return make_sender()


class Outbox:
    """Writes and reads the rows a test's story needs."""

    def __init__(self, engine) -> None:
        self.engine = engine

    def queue(self, channel="sms", address="+15551234567", body="Thanks, we got it.",
              kind="reply", contact_id=None) -> int:
        with self.engine.begin() as conn:
            return queue(conn, channel=channel, address=address, body=body, kind=kind,
                         contact_id=contact_id)

    def row(self, message_id: int):
        with self.engine.connect() as conn:
            return conn.execute(select(messages).where(messages.c.id == message_id)).one()

    def contact(self, address="+15551234567", *, opted_out=False) -> int:
        with self.engine.begin() as conn:
            return conn.execute(
                insert(contacts).values(
                    channel="sms",
                    address=address,
                    language="en",
                    opted_out=opted_out,
                    opted_out_at=utcnow() if opted_out else None,
                    created_at=utcnow(),
                )
            ).inserted_primary_key[0]


@pytest.fixture
def outbox(engine) -> Outbox:
    return Outbox(engine)


@pytest.fixture
def redis_url():
    """A Redis test database index; the test is skipped when no Redis answers."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    connection = Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
    try:
        connection.ping()
    except RedisError as exc:
        pytest.skip(f"Redis is not reachable at {url} ({type(exc).__name__}); RQ tests need it")
    finally:
        connection.close()
    return url


@pytest.fixture
def rq_queue(redis_url):
    """A throwaway RQ queue on the test Redis, emptied of its jobs afterwards."""
    connection = Redis.from_url(redis_url)
    rq_queue = Queue(f"outbound-test-{uuid.uuid4().hex[:10]}", connection=connection)
    yield rq_queue
    _purge(rq_queue)
    connection.close()


def _purge(rq_queue: Queue) -> None:
    registries = (
        rq_queue.started_job_registry,
        rq_queue.finished_job_registry,
        rq_queue.failed_job_registry,
        rq_queue.scheduled_job_registry,
        rq_queue.deferred_job_registry,
        rq_queue.canceled_job_registry,
    )
    job_ids = set(rq_queue.get_job_ids())
    for registry in registries:
        job_ids.update(registry.get_job_ids(cleanup=False))
    for job_id in job_ids:
        job = rq_queue.fetch_job(job_id)
        if job is not None:
            job.delete()
    rq_queue.delete(delete_jobs=True)
    for key in rq_queue.connection.scan_iter(f"*{rq_queue.name}*"):
        rq_queue.connection.delete(key)


@pytest.fixture
def run_worker(rq_queue, redis_url, settings):
    """Run a real `rq worker --burst` on the test queue, configured through its environment."""

    def run(*extra_args: str, retry_delays: str = "[0, 0]") -> subprocess.CompletedProcess:
        env = {key: value for key, value in os.environ.items() if not key.startswith("TWILIO_")}
        env.update({key: str(value) for key, value in settings.items() if value is not None})
        env.update(
            {
                "REDIS_URL": redis_url,
                "OUTBOUND_RETRY_DELAYS": retry_delays,
                "PYTHONPATH": str(ROOT),
            }
        )
        rq = Path(sys.executable).with_name("rq")
        done = subprocess.run(
            [str(rq), "worker", "--burst", "--url", redis_url, *extra_args, rq_queue.name],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done

    return run
