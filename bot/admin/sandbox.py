"""The simulator: the real engine on a throwaway database where a draft is the live version.

Each request rebuilds the sandbox in memory and replays the administrator's messages so far,
so no state lives in a worker: any gunicorn worker (or host) can answer the next message,
and nothing a simulation does touches the real database, sends an SMS or alerts on-call.
The safety check, the global commands and the dialogue are the ones residents get.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.conversation import yaml_text
from bot.conversation.dialogue import Inbound, Media
from bot.conversation.engine import Engine
from bot.conversation.registry import FlowRegistry
from bot.conversation.texts import SystemTexts
from bot.routing import RoutingTable
from bot.storage import flow_store, routing_store
from bot.storage.db import make_engine
from bot.storage.flow_store import digest
from bot.storage.tables import metadata
from bot.storage.timestamps import utcnow

RESIDENT = "+15555550100"  # the simulated resident's number (a reserved 555-01xx number)
PHOTO = Media("https://sandbox.invalid/photo.jpg", "image/jpeg")
MAX_TURNS = 60
_CACHE_SIZE = 8


@dataclass(frozen=True)
class Said:
    """One message the administrator typed as the resident (and whether a photo came with it)."""

    text: str
    photo: bool = False


@dataclass(frozen=True)
class Answered:
    replies: list[str]
    escalation: str | None  # emergency | crisis when the safety check fired


class _Registries:
    """Compiled sandbox registries by the exact sources they run, shared across requests."""

    def __init__(self):
        self._found: OrderedDict[tuple, FlowRegistry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, build) -> FlowRegistry:
        with self._lock:
            found = self._found.get(key)
            if found is not None:
                self._found.move_to_end(key)
                return found
        registry = build()
        with self._lock:
            self._found[key] = registry
            while len(self._found) > _CACHE_SIZE:
                self._found.popitem(last=False)
        return registry


_registries = _Registries()


class Sandbox:
    """The bot as residents would meet it if sources (flow name -> YAML) and routing were live."""

    def __init__(self, texts: SystemTexts, sources: Mapping[str, str], routing_source: str,
                 config: Mapping[str, Any], flows_dir: Path):
        self.texts = texts
        self.sources = dict(sources)
        self.routing_source = routing_source
        self.config = {**config, "ONCALL_SMS": [], "ONCALL_WEBHOOK_URL": None}
        key = (tuple(sorted((n, digest(s)) for n, s in self.sources.items())),
               digest(routing_source))
        routing = RoutingTable(yaml_text.load(routing_source), "routing draft")
        self.registry = _registries.get(key, lambda: FlowRegistry(texts, routing, flows_dir))

    def replay(self, said: list[Said]) -> list[Answered]:
        """Every message in order through a fresh sandbox: what the bot answered to each."""
        db = make_engine("sqlite://")
        try:
            metadata.create_all(db)
            with db.begin() as conn:
                now = utcnow()
                for name, source in self.sources.items():
                    flow_store.publish(conn, name, source, "simulator", now)
                routing_store.publish(conn, self.routing_source, "simulator", now)
            engine = Engine(db, self.registry, self.config, queue=_no_queue,
                            dispatch=lambda ids: None)
            out = []
            for message in said[-MAX_TURNS:]:
                media = (PHOTO,) if message.photo else ()
                outcome = engine.handle(Inbound("sms", RESIDENT, message.text, media))
                out.append(Answered(outcome.replies, outcome.escalation))
            return out
        finally:
            db.dispose()


def _no_queue(conn, **message) -> int:
    """Alerts are not queued from the sandbox (it has no on-call numbers to alert)."""
    return 0
