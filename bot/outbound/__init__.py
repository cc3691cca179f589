"""The one sender: queue a message in the caller's transaction, deliver it, record its status.

    with engine.begin() as conn:
        ids = [queue(conn, channel="sms", address="+15551234567", body="Thanks", kind="reply")]
    sender.dispatch(ids)  # only after the commit
"""

from bot.masking import mask_address, redact
from bot.outbound.errors import DeliveryError
from bot.outbound.records import SMS_MAX_CHARS, queue, record_status
from bot.outbound.sender import Outcome, Sender
from bot.outbound.sms import BaseUrlHttpClient, twilio_client
from bot.outbound.webhook import SIGNATURE_HEADER, sign, verify

__all__ = [
    "SIGNATURE_HEADER",
    "SMS_MAX_CHARS",
    "BaseUrlHttpClient",
    "DeliveryError",
    "Outcome",
    "Sender",
    "mask_address",
    "queue",
    "record_status",
    "redact",
    "sign",
    "twilio_client",
    "verify",
]
