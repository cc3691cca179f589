"""Web chat: a page at /chat and a JSON API over the same engine as SMS."""

from __future__ import annotations

import re

from flask import Blueprint, Flask, current_app, jsonify, render_template, request

from bot import limits
from bot.app import services
from bot.conversation.dialogue import Inbound

bp = Blueprint("chat", __name__)
SESSION = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def limit(app: Flask) -> None:
    """The chat API is public: CHAT_LIMIT per client address (many residents may share one,
    at a library), CHAT_SESSION_LIMIT per chat session. Over either, a 429 in JSON."""
    message = "Too many messages at once. Wait a minute, then send yours again."
    limits.limit_view(app, "chat.message", app.config["CHAT_LIMIT"], message)
    limits.limit_view(app, "chat.message", app.config["CHAT_SESSION_LIMIT"], message,
                      key_func=_session_key)


def _session_key() -> str:
    payload = request.get_json(silent=True)
    session = payload.get("session") if isinstance(payload, dict) else None
    return "chat:" + (session if isinstance(session, str) else "")[:64]


def _bad(message: str, status: int = 400):
    return jsonify({"error": message}), status


@bp.get("/chat")
def page():
    sms_simulator = not current_app.config.get("TWILIO_VALIDATE", True)
    return render_template("chat/page.html", sms_simulator=sms_simulator)


@bp.post("/chat/messages")
def message():
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return _bad('send JSON like {"session": "...", "text": "..."}')
    session, text = payload.get("session"), payload.get("text")
    if not isinstance(session, str) or not SESSION.match(session):
        return _bad("session must be 8 to 64 letters, digits, '-' or '_'")
    if not isinstance(text, str):
        return _bad("text must be a string")
    client_id = payload.get("id")
    if client_id is not None and (not isinstance(client_id, str) or len(client_id) > 64):
        return _bad("id, when given, must be a string of at most 64 characters")
    outcome = services(current_app).engine.handle(
        Inbound("chat", session, text, provider_id=f"{session}:{client_id}"[:64]
                if client_id else None))
    return jsonify({"replies": outcome.replies})
