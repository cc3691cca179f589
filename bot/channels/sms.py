"""Twilio Messaging webhook: verify the signature, hand the text to the engine, answer TwiML."""

from __future__ import annotations

import hmac
from functools import lru_cache
from xml.sax.saxutils import escape

from flask import Blueprint, Response, abort, current_app, request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import Message, MessagingResponse

from bot.app import services
from bot.conversation.dialogue import Inbound, Media
from bot.phone import MAX_CHARS, to_e164

bp = Blueprint("sms", __name__)
MAX_MEDIA = 10


def _twiml_template() -> tuple[str, str, str, str, str]:
    """The pieces MessagingResponse writes, taken from it once: (head, tail, open, close,
    empty message). Its text escaping is ElementTree's: &, < and >."""
    slot = "\x00"
    open_, close = Message(slot).to_xml(xml_declaration=False).split(slot)
    response = MessagingResponse()
    response.message(slot)
    head, tail = str(response).split(open_ + slot + close)
    return head, tail, open_, close, Message("").to_xml(xml_declaration=False)


_HEAD, _TAIL, _OPEN, _CLOSE, _EMPTY_MESSAGE = _twiml_template()
_NO_REPLY = str(MessagingResponse())


@lru_cache(maxsize=4)
def _validator(token: str) -> RequestValidator:
    return RequestValidator(token)


@lru_cache(maxsize=4096)
def _sender_e164(raw: str, region: str) -> str | None:
    return to_e164(raw, region, strict=False)


def _signature_ok() -> bool:
    if not current_app.config.get("TWILIO_VALIDATE", True):
        return True
    token = current_app.config.get("TWILIO_AUTH_TOKEN")
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature:
        return False
    base = (current_app.config.get("PUBLIC_URL") or request.host_url).rstrip("/")
    url = base + request.full_path.rstrip("?")
    validator, params = _validator(token), request.form.to_dict()
    # The URL as configured nearly always matches: one HMAC. validate() also tries the URL
    # with and without an explicit port (Twilio is inconsistent there), which costs three
    # URL parses and a second HMAC on every message, so it runs only when the first fails.
    expected = validator.compute_signature(url, params)
    if hmac.compare_digest(expected.encode(), signature.encode()):
        return True
    return validator.validate(url, params, signature)


def _twiml(replies: list[str]) -> Response:
    """What str(MessagingResponse) with one message per reply would be, from the template."""
    if not replies:
        return Response(_NO_REPLY, mimetype="application/xml")
    messages = "".join(_OPEN + escape(text) + _CLOSE if text else _EMPTY_MESSAGE
                       for text in replies)
    return Response(_HEAD + messages + _TAIL, mimetype="application/xml")


def _media() -> tuple[Media, ...]:
    try:
        count = min(int(request.form.get("NumMedia", "0") or 0), MAX_MEDIA)
    except ValueError:
        abort(400, description="NumMedia must be a number")
    media = []
    for i in range(count):
        url = request.form.get(f"MediaUrl{i}", "")
        if url.startswith("https://") or url.startswith("http://"):
            media.append(Media(url[:1000], request.form.get(f"MediaContentType{i}", "")[:100]))
    return tuple(media)


@bp.post("/sms")
def inbound_sms():
    if not _signature_ok():
        abort(403, description="invalid Twilio signature")
    raw, region = request.form.get("From", ""), current_app.config["DEFAULT_REGION"]
    # to_e164 refuses longer input anyway; keep such strings out of the cache.
    sender = _sender_e164(raw, region) if len(raw) <= MAX_CHARS else None
    if sender is None:
        abort(400, description="From must be a valid phone number")
    sid = request.form.get("MessageSid") or request.form.get("SmsSid") or None
    body = request.form.get("Body", "")
    if request.form.get("OptOutType", "").upper() == "STOP":
        body = "STOP"  # Twilio already opted the number out; record it with our own word
    outcome = services(current_app).engine.handle(
        Inbound("sms", sender, body, _media(), sid[:64] if sid else None))
    return _twiml(outcome.replies)


@bp.post("/sms/status")
def status_callback():
    if not _signature_ok():
        abort(403, description="invalid Twilio signature")
    sid = request.form.get("MessageSid") or request.form.get("SmsSid")
    status = request.form.get("MessageStatus") or request.form.get("SmsStatus")
    if not sid or not status:
        abort(400, description="MessageSid and MessageStatus are required")
    from bot.outbound import record_status

    with services(current_app).db.begin() as conn:
        known = record_status(conn, sid[:64], status[:24], request.form.get("ErrorCode"))
    return ("", 204) if known else ("unknown message", 404)
