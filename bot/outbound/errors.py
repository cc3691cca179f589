"""The one way a delivery attempt fails: a reason, and whether trying again could help."""

from __future__ import annotations


class DeliveryError(Exception):
    """One attempt failed; retryable says whether a later attempt could succeed."""

    def __init__(self, reason: str, *, retryable: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
