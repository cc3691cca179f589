"""create_app(overrides): configuration, the core services, blueprints. Nothing else."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from flask import Flask
from sqlalchemy import Engine as Database

from bot.config import load_config, resolve_path
from bot.conversation.engine import Engine
from bot.conversation.registry import FlowRegistry
from bot.conversation.texts import SystemTexts
from bot.cookie_session import LazyCookieSessions
from bot.routing import RoutingTable
from bot.storage.db import make_engine

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The app's long-lived objects, built once per process."""

    db: Database
    registry: FlowRegistry
    engine: Engine
    sender: Any  # bot.outbound.Sender

    def routing(self) -> RoutingTable:
        """The newest published routing table (admins edit it without a deploy)."""
        with self.db.connect() as conn:
            return self.registry.current_routing(conn)


def build_services(config: Mapping[str, Any]) -> Services:
    from bot import outbound, safety

    flows_dir = resolve_path(config["FLOWS_DIR"])
    texts = SystemTexts.load(flows_dir / "system.yaml")
    routing = RoutingTable.load(resolve_path(config["ROUTING_FILE"]))
    registry = FlowRegistry(texts, routing, flows_dir)
    registry.check_files()  # a broken flow file stops start-up with file, step and reason
    db = make_engine(config["DATABASE_URL"])
    sender = outbound.Sender(dict(config), db)
    cues = safety.load_cues(resolve_path(config["SAFETY_DIR"]))  # compiled once; bad cues stop
    engine = Engine(db, registry, dict(config), queue=outbound.queue, dispatch=sender.dispatch,
                    assess=partial(safety.assess, cues=cues))
    return Services(db, registry, engine, sender)


MAX_REQUEST_BYTES = 256 * 1024  # a request body larger than this gets a 413

# What Flask's create_url_adapter and werkzeug's Map.bind_to_environ read from a request.
_BINDS_ON = ("HTTP_HOST", "SERVER_NAME", "SERVER_PORT", "wsgi.url_scheme", "HTTP_CONNECTION",
             "HTTP_UPGRADE", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "REQUEST_METHOD")
_MAX_ADAPTERS = 512


class BotFlask(Flask):
    """Flask, with each request's URL adapter reused by the requests that bind it the same.

    Flask binds the URL map to every request (host parsing, an IDNA encoding of the server
    name, a MapAdapter): ~2% of a webhook post, which binds exactly as the last one did.
    A MapAdapter holds nothing but what it was bound with, so the one built for a request is
    kept, keyed on every environ value the binding reads, and handed to the next request
    with the same values. Only when Flask's binding depends on nothing else: no trusted-host
    check, no host or subdomain matching. Requests with a query string are not kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._url_adapters: dict[tuple, Any] = {}

    def create_url_adapter(self, request):
        if (request is None or self.url_map.host_matching or self.subdomain_matching
                or self.config["TRUSTED_HOSTS"] is not None):
            return super().create_url_adapter(request)
        environ = request.environ
        key = (self.config["SERVER_NAME"], *map(environ.get, _BINDS_ON))
        adapter = self._url_adapters.get(key)
        if adapter is None:
            adapter = super().create_url_adapter(request)
            if not environ.get("QUERY_STRING"):
                if len(self._url_adapters) >= _MAX_ADAPTERS:
                    self._url_adapters.clear()
                self._url_adapters[key] = adapter
        return adapter


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    """The Flask app; overrides win over config/defaults.yaml and the environment."""
    config = load_config(overrides)
    app = BotFlask(__name__)
    app.session_interface = LazyCookieSessions()
    app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        log.warning("SECRET_KEY is not set: using a random key (sessions end on restart)")
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    if not app.config.get("MAX_CONTENT_LENGTH"):  # Flask's default is None: no limit
        app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.extensions["bot"] = build_services(app.config)

    from bot import limits
    from bot.channels import chat, sms
    from bot.cli import register_cli
    from bot.errors import register_errors

    register_errors(app)
    limits.init_app(app)
    app.register_blueprint(sms.bp)
    app.register_blueprint(chat.bp)
    chat.limit(app)
    register_cli(app)

    from bot.staff import init_app as init_staff

    init_staff(app)

    from bot.admin import init_app as init_admin

    init_admin(app)  # after the staff console: the editor uses its log-in and roles
    return app


def services(app: Flask) -> Services:
    return app.extensions["bot"]
