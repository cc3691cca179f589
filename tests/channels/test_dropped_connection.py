"""A database connection cut between messages (a restart, a proxy's idle timeout)."""

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from bot.storage.tables import messages
from tests.conftest import PG_URL


@pytest.mark.skipif(not PG_URL, reason="needs PostgreSQL (TEST_DATABASE_URL)")
def test_a_message_after_the_connection_was_cut_gets_its_normal_reply(app, phone):
    db = app.extensions["bot"].db
    phone.send("hi")  # a conversation is under way, on a pooled connection
    with db.connect() as conn:
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
    killer = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with killer.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    killer.dispose()

    reply = phone.send("someone stole my bike")

    assert "try again" not in reply.lower()
    assert "where" in reply.lower()  # the theft flow asks where it happened
    with db.connect() as conn:
        bodies = conn.execute(select(messages.c.body).where(messages.c.direction == "in")
                              .order_by(messages.c.id)).scalars().all()
    assert bodies == ["hi", "someone stole my bike"]  # stored once, not twice


def test_pages_answer_503_not_500_when_the_connection_was_cut(app):
    def dropped():
        raise DBAPIError("SELECT 1", {}, ConnectionError("server closed the connection"),
                         connection_invalidated=True)

    app.add_url_rule("/test-dropped", view_func=dropped)
    response = app.test_client().get("/test-dropped")
    assert response.status_code == 503
    assert "Try again" in response.get_data(as_text=True)
