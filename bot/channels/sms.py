"""Twilio Messaging webhook: verify the signature, hand the text to the engine, answer TwiML."""

from __future__ import annotations

import hmac
from functools import lru_cache
from urllib.parse import unquote
from xml.sax.saxutils import escape

from flask import Blueprint, Flask, Request, Response, abort, current_app, request
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import Message, MessagingResponse
from werkzeug.utils import get_content_type

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
# What Response(mimetype="application/xml") works out for its Content-Type on every call.
_XML = get_content_type("application/xml", "utf-8")
_URLENCODED = "application/x-www-form-urlencoded"


class _Form(dict):
    """The posted fields, first value of each. twilio's RequestValidator asks its params
    for getall() (a MultiDict), then getlist(), then indexes a plain dict: on a dict that
    is two AttributeErrors raised and caught per field. Here getall() answers at once,
    with what the plain dict would have given."""

    __slots__ = ()

    def getall(self, key: str) -> list[str]:
        return [self[key]]


@lru_cache(maxsize=4)
def _validator(token: str) -> RequestValidator:
    return RequestValidator(token)


@lru_cache(maxsize=4096)
def _sender_e164(raw: str, region: str) -> str | None:
    return to_e164(raw, region, strict=False)


def _urlencoded(req: Request) -> bool:
    """req.mimetype == application/x-www-form-urlencoded; Twilio's own Content-Type is
    answered from the environ without parsing the header (werkzeug parses it on first use)."""
    content_type = req.environ.get("CONTENT_TYPE", "")
    if content_type == _URLENCODED or content_type.startswith(_URLENCODED + ";"):
        return True
    return req.mimetype == _URLENCODED


def _form(req: Request) -> _Form:
    """The posted fields, first value of each. Twilio posts a flat urlencoded form, which
    parse_qsl reads in a fraction of the time of werkzeug's general form parser; any other
    body (a multipart post from some other client) goes through that parser, and so does a
    request whose form something already parsed (its body has been read by then).
    The view reads the request object once (req), not through Flask's `request` proxy:
    each attribute read through the proxy costs a failed lookup and its AttributeError."""
    if not _urlencoded(req) or "form" in vars(req):
        return _Form(req.form.to_dict())
    return _parse_form(req.get_data(as_text=True))


def _limit_body(app: Flask, req: Request) -> None:
    """The request's MAX_CONTENT_LENGTH, set on it from the app's config (Flask 3.1 lets a
    view set it per request): the same limit, which Flask otherwise looks up through the
    current_app proxy each time the body is read."""
    if "stream" not in vars(req):  # before werkzeug opens the body with the limit
        req.max_content_length = app.config["MAX_CONTENT_LENGTH"]


def _parse_form(body: str) -> _Form:
    """dict(parse_qsl(body, keep_blank_values=True, errors="replace")), first value of each
    name: the same fields, split and decoded the same way, without a call to unquote for
    the names and values that have no %-escape in them (or only a phone number's %2B)."""
    form = _Form()
    if not body:
        return form
    for field in body.split("&"):
        if not field:
            continue
        name, _, value = field.partition("=")  # no "=": a blank value, as parse_qsl
        name = name.replace("+", " ")
        if "%" in name:
            name = unquote(name, errors="replace")
        value = value.replace("+", " ")
        if "%" in value:
            value = _unquote(value)
        form.setdefault(name, value)
    return form


def _unquote(value: str) -> str:
    """unquote(value, errors="replace"). Twilio's phone numbers (From, To) carry one escape,
    %2B for their leading "+": replaced without unquote's Python-level byte splitting when
    it is the only kind of escape in the value."""
    plus = value.replace("%2B", "+")
    if "%" not in plus:
        return plus
    return unquote(value, errors="replace")


def _signature_ok(app: Flask, req: Request, params: dict[str, str]) -> bool:
    config = app.config
    if not config.get("TWILIO_VALIDATE", True):
        return True
    token = config.get("TWILIO_AUTH_TOKEN")
    signature = req.environ.get("HTTP_X_TWILIO_SIGNATURE", "")  # headers["X-Twilio-Signature"]
    if not token or not signature:
        return False
    base = (config.get("PUBLIC_URL") or req.host_url).rstrip("/")
    url = base + req.full_path.rstrip("?")
    validator = _validator(token)
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
        return Response(_NO_REPLY, content_type=_XML)
    messages = "".join(_OPEN + escape(text) + _CLOSE if text else _EMPTY_MESSAGE
                       for text in replies)
    return Response(_HEAD + messages + _TAIL, content_type=_XML)


def _media(form: dict[str, str]) -> tuple[Media, ...]:
    try:
        count = min(int(form.get("NumMedia", "0") or 0), MAX_MEDIA)
    except ValueError:
        abort(400, description="NumMedia must be a number")
    media = []
    for i in range(count):
        url = form.get(f"MediaUrl{i}", "")
        if url.startswith("https://") or url.startswith("http://"):
            media.append(Media(url[:1000], form.get(f"MediaContentType{i}", "")[:100]))
    return tuple(media)


def _signed_form() -> tuple[Flask, _Form]:
    """The app and the posted fields of a request Twilio signed; a 403 when it did not."""
    app, req = current_app._get_current_object(), request._get_current_object()
    _limit_body(app, req)
    form = _form(req)
    if not _signature_ok(app, req, form):
        abort(403, description="invalid Twilio signature")
    return app, form


@bp.post("/sms")
def inbound_sms():
    app, form = _signed_form()
    raw, region = form.get("From", ""), app.config["DEFAULT_REGION"]
    # to_e164 refuses longer input anyway; keep such strings out of the cache.
    sender = _sender_e164(raw, region) if len(raw) <= MAX_CHARS else None
    if sender is None:
        abort(400, description="From must be a valid phone number")
    sid = form.get("MessageSid") or form.get("SmsSid") or None
    body = form.get("Body", "")
    if form.get("OptOutType", "").upper() == "STOP":
        body = "STOP"  # Twilio already opted the number out; record it with our own word
    outcome = services(app).engine.handle(
        Inbound("sms", sender, body, _media(form), sid[:64] if sid else None))
    return _twiml(outcome.replies)


@bp.post("/sms/status")
def status_callback():
    app, form = _signed_form()
    sid = form.get("MessageSid") or form.get("SmsSid")
    status = form.get("MessageStatus") or form.get("SmsStatus")
    if not sid or not status:
        abort(400, description="MessageSid and MessageStatus are required")
    from bot.outbound import record_status

    with services(app).db.begin() as conn:
        known = record_status(conn, sid[:64], status[:24], form.get("ErrorCode"))
    return ("", 204) if known else ("unknown message", 404)
