"""SMS through Twilio's Messages API: one Client per process, failures sorted into retry or not."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import requests
from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from bot.masking import redact
from bot.outbound.errors import DeliveryError

TWILIO_API = "https://api.twilio.com"
TWILIO_TIMEOUT = 15.0  # seconds; well above Twilio's usual answer, short enough not to pile up


class BaseUrlHttpClient(TwilioHttpClient):
    """Twilio's HTTP client, sending what was meant for api.twilio.com to base_url instead."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")

    def rewrite(self, url: str) -> str:
        """url moved from api.twilio.com to base_url; other hosts are left alone."""
        if url == TWILIO_API or url.startswith(TWILIO_API + "/"):
            return self.base_url + url[len(TWILIO_API) :]
        return url

    def request(self, method: str, url: str, *args: Any, **kwargs: Any):
        return super().request(method, self.rewrite(url), *args, **kwargs)


def twilio_client(config: Mapping[str, Any]) -> Client | None:
    """A Client for the configured account and API base, or None without credentials."""
    sid, token = config.get("TWILIO_ACCOUNT_SID"), config.get("TWILIO_AUTH_TOKEN")
    if not sid or not token:
        return None
    base = (config.get("TWILIO_API_BASE") or TWILIO_API).rstrip("/")
    if base == TWILIO_API:
        http_client = TwilioHttpClient(timeout=TWILIO_TIMEOUT)
    else:
        http_client = BaseUrlHttpClient(base, timeout=TWILIO_TIMEOUT)
    return Client(sid, token, http_client=http_client)


class SmsGateway:
    """Sends one SMS; built once per Sender so the Client and its connection pool are reused."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.client = twilio_client(config)
        self.from_number = config.get("TWILIO_FROM_NUMBER") or None
        self.messaging_service_sid = config.get("TWILIO_MESSAGING_SERVICE_SID") or None
        public_url = config.get("PUBLIC_URL")
        self.status_callback = public_url.rstrip("/") + "/sms/status" if public_url else None

    def send(self, to: str, body: str) -> tuple[str, str]:
        """Hand one message to Twilio; (Twilio's status, message sid) or DeliveryError."""
        if self.client is None:
            raise DeliveryError(
                "Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)", retryable=False
            )
        if not self.messaging_service_sid and not self.from_number:
            raise DeliveryError(
                "no sender: set TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID",
                retryable=False,
            )
        params: dict[str, Any] = {"to": to, "body": body}
        if self.messaging_service_sid:
            params["messaging_service_sid"] = self.messaging_service_sid
        else:
            params["from_"] = self.from_number
        if self.status_callback:
            params["status_callback"] = self.status_callback
        try:
            message = self.client.messages.create(**params)
        except TwilioException as exc:
            raise _from_twilio(exc) from exc
        except requests.ReadTimeout as exc:
            # Twilio may have accepted it; trying again could text the resident twice.
            raise DeliveryError(
                f"no answer from Twilio within {TWILIO_TIMEOUT:g}s; not retried (may be sent)",
                retryable=False,
            ) from exc
        except requests.ConnectionError as exc:
            reason = f"cannot reach Twilio: {type(exc).__name__}"
            raise DeliveryError(reason, retryable=True) from exc
        except requests.RequestException as exc:
            raise DeliveryError(f"request to Twilio failed: {exc}", retryable=False) from exc
        return (message.status or "queued").lower(), message.sid


def _from_twilio(exc: TwilioException) -> DeliveryError:
    status = getattr(exc, "status", None)
    code = getattr(exc, "code", None)
    text = getattr(exc, "msg", None) or getattr(exc, "title", None) or str(exc)
    retryable = isinstance(status, int) and (status >= 500 or status == 429)
    label = f"twilio {code}" if code else f"twilio HTTP {status}"
    return DeliveryError(redact(f"{label}: {text}"), retryable=retryable)
