"""The app bench/webhook.py serves with gunicorn: the real app plus one bare route.

Configuration comes from the environment (DATABASE_URL, TWILIO_AUTH_TOKEN, PUBLIC_URL, ...),
as in production. /bench/bare answers constant TwiML without touching the request, the
database or twilio: the ceiling that Flask and gunicorn alone allow on this machine.
/bench/minimal is the issue's other reference point, "a minimal webhook with one raw sqlite3
transaction": it reads the form, inserts the message into a table of its own in one
transaction on the driver's connection (no ORM, no signature check, no flow), and answers
the same constant TwiML.
BENCH_SAFETY=off swaps the safety check for one that finds nothing, to measure what it costs.
"""

from __future__ import annotations

import os

from flask import Flask, Response, request

from bot import create_app
from bot.storage.db import make_engine

BARE_TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    "<Response><Message>Thanks, we got your message.</Message></Response>"
)


class Minimal:
    """One worker's DBAPI connection and the one statement the minimal webhook runs (its
    table is made by bench/webhook.py before gunicorn starts)."""

    def __init__(self, url: str):
        engine = make_engine(url)  # the app's own connect-time settings (WAL, busy timeout)
        self.sqlite = engine.dialect.name == "sqlite"
        self.conn = engine.raw_connection().driver_connection
        mark = "?" if self.sqlite else "%s"
        self.insert = (f"INSERT INTO bench_minimal (sender, body, sid) "
                       f"VALUES ({mark}, {mark}, {mark})")

    def _run(self, sql: str, params: tuple = ()) -> None:
        if self.sqlite:  # the connection is in autocommit mode: take the write lock up front
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(sql, params)
            self.conn.execute("COMMIT")
        else:
            self.conn.execute(sql, params)
            self.conn.commit()

    def store(self, form) -> None:
        self._run(self.insert, (form.get("From", ""), form.get("Body", ""),
                                form.get("MessageSid", "")))


def bench_app() -> Flask:
    app = create_app()
    if os.environ.get("BENCH_SAFETY") == "off":
        from bot.safety import NONE, Assessment

        nothing = Assessment(NONE)
        app.extensions["bot"].engine.assess = lambda text, lang=None: nothing

    def bare() -> Response:
        return Response(BARE_TWIML, mimetype="application/xml")

    minimal_db: list[Minimal] = []  # opened in the worker, after gunicorn forks

    def minimal() -> Response:
        if not minimal_db:
            minimal_db.append(Minimal(app.config["DATABASE_URL"]))
        minimal_db[0].store(request.form)
        return Response(BARE_TWIML, mimetype="application/xml")

    app.add_url_rule("/bench/bare", view_func=bare, methods=["GET", "POST"])
    app.add_url_rule("/bench/minimal", view_func=minimal, methods=["POST"])
    csrf = app.extensions.get("csrf")  # Flask-WTF guards every form post, as for /sms
    if csrf is not None:
        csrf.exempt(bare)
        csrf.exempt(minimal)
    return app


app = bench_app()
