"""Signed JSON webhooks (on-call escalations): HMAC-SHA256 over the raw body."""

from __future__ import annotations

import hashlib
import hmac

import requests

from bot.outbound.errors import DeliveryError

SIGNATURE_HEADER = "X-Bot-Signature"
MESSAGE_ID_HEADER = "X-Bot-Message-Id"  # lets a receiver drop a retried duplicate
WEBHOOK_TIMEOUT = (3.05, 10.0)  # connect, read (seconds)


def sign(secret: str, body: bytes) -> str:
    """The X-Bot-Signature value for body: "sha256=" + hex HMAC-SHA256 keyed with secret."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str | None) -> bool:
    """Whether signature is the one sign(secret, body) gives (constant-time comparison)."""
    return bool(signature) and hmac.compare_digest(sign(secret, body), signature)


class WebhookPoster:
    """POSTs signed JSON bodies; one requests Session per Sender for connection reuse."""

    def __init__(self, secret: str | None) -> None:
        self.secret = secret or None
        self.session = requests.Session()

    def post(self, url: str, body: str, message_id: int) -> None:
        """Deliver body (a JSON document) to url, or raise DeliveryError."""
        if not self.secret:
            raise DeliveryError(
                "ONCALL_WEBHOOK_SECRET is not set; refusing to send an unsigned webhook",
                retryable=False,
            )
        raw = body.encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign(self.secret, raw),
            MESSAGE_ID_HEADER: str(message_id),
        }
        try:
            response = self.session.post(
                url, data=raw, headers=headers, timeout=WEBHOOK_TIMEOUT, allow_redirects=False
            )
        except (requests.ConnectionError, requests.Timeout) as exc:
            reason = f"webhook unreachable: {type(exc).__name__}"
            raise DeliveryError(reason, retryable=True) from exc
        except requests.RequestException as exc:
            raise DeliveryError(f"webhook request failed: {exc}", retryable=False) from exc
        if 200 <= response.status_code < 300:
            return
        retryable = response.status_code >= 500 or response.status_code in (408, 429)
        raise DeliveryError(f"webhook answered HTTP {response.status_code}", retryable=retryable)
