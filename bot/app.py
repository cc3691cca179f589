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


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    """The Flask app; overrides win over config/defaults.yaml and the environment."""
    config = load_config(overrides)
    app = Flask(__name__)
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
