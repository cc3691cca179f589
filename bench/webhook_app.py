"""The app bench/webhook.py serves with gunicorn: the real app plus one bare route.

Configuration comes from the environment (DATABASE_URL, TWILIO_AUTH_TOKEN, PUBLIC_URL, ...),
as in production. /bench/bare answers constant TwiML without touching the request, the
database or twilio: the ceiling that Flask and gunicorn alone allow on this machine.
BENCH_SAFETY=off swaps the safety check for one that finds nothing, to measure what it costs.
"""

from __future__ import annotations

import os

from flask import Flask, Response

from bot import create_app

BARE_TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    "<Response><Message>Thanks, we got your message.</Message></Response>"
)


def bench_app() -> Flask:
    app = create_app()
    if os.environ.get("BENCH_SAFETY") == "off":
        from bot.safety import NONE, Assessment

        nothing = Assessment(NONE)
        app.extensions["bot"].engine.assess = lambda text, lang=None: nothing

    def bare() -> Response:
        return Response(BARE_TWIML, mimetype="application/xml")

    app.add_url_rule("/bench/bare", view_func=bare, methods=["GET", "POST"])
    csrf = app.extensions.get("csrf")  # Flask-WTF guards every form post, as for /sms
    if csrf is not None:
        csrf.exempt(bare)
    return app


app = bench_app()
