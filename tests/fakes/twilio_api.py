"""Local stand-ins for Twilio's Messages REST API and for an on-call webhook receiver.

Both run in a thread on 127.0.0.1 with an ephemeral port, so tests go through twilio's real
library (pointed here by TWILIO_API_BASE) and nothing ever reaches Twilio. Registered as a
pytest plugin, this module gives the `fake_twilio` and `fake_webhook` fixtures.
"""

from __future__ import annotations

import json
import math
import secrets
import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

API_VERSION = "2010-04-01"
TWILIO_API = "https://api.twilio.com"


@dataclass
class SentMessage:
    """One message created through the fake's Messages API."""

    sid: str
    to: str
    from_: str | None
    messaging_service_sid: str | None
    body: str
    status_callback: str | None
    status: str
    media_urls: list[str] = field(default_factory=list)


@dataclass
class ReceivedPost:
    """One request the fake webhook receiver got."""

    path: str
    body: bytes
    headers: dict[str, str]

    def json(self):
        return json.loads(self.body)


@dataclass
class _Failure:
    status: int
    code: int | None
    message: str


class _Server:
    """A werkzeug server for one WSGI app, in a daemon thread."""

    def __init__(self, app) -> None:
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class FakeTwilio:
    """Twilio's Messages API (create, fetch) and media downloads, with injectable failures."""

    def __init__(
        self,
        account_sid: str = "AC" + "0123456789abcdef" * 2,
        auth_token: str = "fake-auth-token",
        from_number: str = "+15005550006",
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.from_number = from_number
        self.messages: list[SentMessage] = []
        self.media_requests: list[str] = []
        # Twilio serves media without credentials unless the account turns on HTTP auth.
        self.media_requires_auth = False
        self._media: dict[str, tuple[bytes, str]] = {}
        self._failures: deque[_Failure] = deque()
        self._lock = threading.Lock()
        base = f"/{API_VERSION}/Accounts/<account>/Messages"
        self._routes = Map(
            [
                Rule(f"{base}.json", methods=["POST"], endpoint="create"),
                Rule(f"{base}/<sid>.json", methods=["GET"], endpoint="fetch"),
                Rule(f"{base}/<sid>/Media/<media_sid>", methods=["GET"], endpoint="media"),
            ]
        )
        self._server = _Server(self._wsgi)
        self.url = self._server.url

    # What tests use.

    def config(self) -> dict[str, str | None]:
        """Config overrides pointing the app's Twilio client at this fake."""
        return {
            "TWILIO_ACCOUNT_SID": self.account_sid,
            "TWILIO_AUTH_TOKEN": self.auth_token,
            "TWILIO_FROM_NUMBER": self.from_number,
            "TWILIO_MESSAGING_SERVICE_SID": None,
            "TWILIO_API_BASE": self.url,
        }

    def fail_next(
        self, count: int = 1, *, status: int = 500, code: int | None = None, message: str = ""
    ) -> None:
        """Answer the next count API requests with an error (e.g. status=400, code=21610)."""
        code = code if code is not None else _STATUS_CODES.get(status)
        failure = _Failure(status, code, message or _DEFAULT_ERRORS.get(code, "Internal error"))
        with self._lock:
            self._failures.extend([failure] * count)

    def add_media(
        self, message_sid: str, content: bytes, content_type: str = "image/jpeg"
    ) -> str:
        """Serve content as a media item of message_sid; its URL on this fake."""
        media_sid = "ME" + secrets.token_hex(16)
        message = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{message_sid}"
        path = f"{message}/Media/{media_sid}"
        with self._lock:
            self._media[path] = (content, content_type)
        return self.url + path

    def as_twilio_url(self, url: str) -> str:
        """A URL of this fake as Twilio would write it (https://api.twilio.com/...)."""
        return TWILIO_API + url.removeprefix(self.url)

    def status_callback_form(
        self, sid: str, status: str, error_code: int | None = None
    ) -> dict[str, str]:
        """The form Twilio POSTs to a message's StatusCallback when its status changes."""
        sent = next(m for m in self.messages if m.sid == sid)
        form = {
            "AccountSid": self.account_sid,
            "MessageSid": sid,
            "SmsSid": sid,
            "MessageStatus": status,
            "SmsStatus": status,
            "To": sent.to,
            "From": sent.from_ or "",
            "ApiVersion": API_VERSION,
        }
        if error_code is not None:
            form["ErrorCode"] = str(error_code)
        return form

    def start(self) -> FakeTwilio:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    # The HTTP side.

    @Request.application
    def _wsgi(self, request: Request) -> Response:
        try:
            endpoint, args = self._routes.bind_to_environ(request.environ).match()
        except NotFound:
            return _error(404, 20404, "The requested resource was not found")
        except HTTPException as exc:
            return _error(exc.code or 400, None, exc.description or "Bad request")
        if endpoint == "media":
            return self._serve_media(request)
        if not self._authorized(request) or args["account"] != self.account_sid:
            return _error(401, 20003, "Authenticate")
        failure = self._take_failure()
        if failure is not None:
            return _error(failure.status, failure.code, failure.message)
        if endpoint == "create":
            return self._create(request.form)
        return self._fetch(args["sid"])

    def _authorized(self, request: Request) -> bool:
        auth = request.authorization
        return (
            auth is not None
            and auth.username == self.account_sid
            and auth.password == self.auth_token
        )

    def _take_failure(self) -> _Failure | None:
        with self._lock:
            return self._failures.popleft() if self._failures else None

    def _create(self, form) -> Response:
        to, body = form.get("To"), form.get("Body", "")
        sender, service = form.get("From"), form.get("MessagingServiceSid")
        media = form.getlist("MediaUrl")
        if not to:
            return _error(400, 21604, "A 'To' phone number is required.")
        if not sender and not service:
            return _error(400, 21603, "A 'From' phone number is required.")
        if not body and not media:
            return _error(400, 21602, "Message body is required.")
        if len(body) > 1600:
            return _error(400, 21617, "The concatenated message body exceeds the 1600 limit.")
        message = SentMessage(
            sid="SM" + secrets.token_hex(16),
            to=to,
            from_=sender,
            messaging_service_sid=service,
            body=body,
            status_callback=form.get("StatusCallback"),
            # A Messaging Service answers "accepted" until it has picked a sender.
            status="accepted" if service and not sender else "queued",
            media_urls=media,
        )
        with self._lock:
            self.messages.append(message)
        return _json(201, self._resource(message))

    def _fetch(self, sid: str) -> Response:
        with self._lock:
            found = next((m for m in self.messages if m.sid == sid), None)
        if found is None:
            return _error(404, 20404, f"The requested resource {sid} was not found")
        return _json(200, self._resource(found))

    def _serve_media(self, request: Request) -> Response:
        auth = request.authorization
        if (auth is not None or self.media_requires_auth) and not self._authorized(request):
            return _error(401, 20003, "Authenticate")
        with self._lock:
            self.media_requests.append(request.path)
            found = self._media.get(request.path)
            failure = self._failures.popleft() if self._failures else None
        if failure is not None:
            return _error(failure.status, failure.code, failure.message)
        if found is None:
            return _error(404, 20404, "The requested resource was not found")
        content, content_type = found
        return Response(content, status=200, content_type=content_type)

    def _resource(self, message: SentMessage) -> dict:
        now = format_datetime(datetime.now(UTC), usegmt=True)
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{message.sid}"
        return {
            "account_sid": self.account_sid,
            "api_version": API_VERSION,
            "body": message.body,
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": message.from_,
            "messaging_service_sid": message.messaging_service_sid,
            "num_media": str(len(message.media_urls)),
            "num_segments": str(max(1, math.ceil(len(message.body) / 153))),
            "price": None,
            "price_unit": "USD",
            "sid": message.sid,
            "status": message.status,
            "subresource_uris": {"media": f"{uri}/Media.json"},
            "to": message.to,
            "uri": f"{uri}.json",
        }


class FakeWebhook:
    """A receiver that records every POST (raw body and headers) and answers 200."""

    def __init__(self) -> None:
        self.received: list[ReceivedPost] = []
        self._failures: deque[int] = deque()
        self._lock = threading.Lock()
        self._server = _Server(self._wsgi)
        self.url = self._server.url + "/hooks/oncall"

    def fail_next(self, count: int = 1, *, status: int = 500) -> None:
        """Answer the next count POSTs with status (after recording them)."""
        with self._lock:
            self._failures.extend([status] * count)

    def start(self) -> FakeWebhook:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    @Request.application
    def _wsgi(self, request: Request) -> Response:
        if request.method != "POST":
            return Response("method not allowed", status=405)
        post = ReceivedPost(request.path, request.get_data(), dict(request.headers))
        with self._lock:
            self.received.append(post)
            status = self._failures.popleft() if self._failures else 200
        return _json(status, {"ok": status == 200})


# Twilio's own codes for bare HTTP errors.
_STATUS_CODES = {429: 20429, 500: 20500, 503: 20503}

_DEFAULT_ERRORS = {
    20500: "An internal server error has occurred",
    20503: "Service unavailable",
    20429: "Too Many Requests",
    21211: "The 'To' number is not a valid phone number.",
    21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To'",
    21610: "Attempt to send to unsubscribed recipient",
    21614: "'To' number is not a valid mobile number",
}


def _json(status: int, payload: dict) -> Response:
    return Response(json.dumps(payload), status=status, content_type="application/json")


def _error(status: int, code: int | None, message: str) -> Response:
    payload = {"code": code, "message": message, "status": status}
    if code is not None:
        payload["more_info"] = f"https://www.twilio.com/docs/errors/{code}"
    return _json(status, payload)


# Named apart from the fixture so a conftest can import it without shadowing warnings.
@pytest.fixture(name="fake_twilio")
def fake_twilio_fixture():
    """A running FakeTwilio; point the app at it with `fake_twilio.config()`."""
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture(name="fake_webhook")
def fake_webhook_fixture():
    """A running FakeWebhook; POST to `fake_webhook.url`, read `fake_webhook.received`."""
    fake = FakeWebhook().start()
    yield fake
    fake.stop()
