"""Command line: `flask --app bot ...` or the `bot` console script."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from werkzeug.serving import run_simple

from bot.app import services
from bot.config import resolve_path
from bot.conversation.dialogue import Inbound
from bot.conversation.loader import FlowError
from bot.storage import migrate
from bot.storage.timestamps import utcnow


def upgrade_and_seed(app: Flask) -> list[str]:
    """Bring the schema up to date and publish any seed flow not yet in the database."""
    from bot.admin import transfer

    migrate.upgrade(app.config["DATABASE_URL"])
    svc = services(app)
    with svc.db.begin() as conn:
        seeded = svc.registry.seed(conn, utcnow())
        transfer.seed_routing(conn, resolve_path(app.config["ROUTING_FILE"]), utcnow())
        return seeded


def register_cli(app: Flask) -> None:
    db = click.Group("db", help="Create or upgrade the database.")
    flows = click.Group("flows", help="Check and import conversation flows.")

    @db.command("upgrade")
    @with_appcontext
    def db_upgrade():
        """Apply migrations, then seed flows that have no version yet."""
        seeded = upgrade_and_seed(current_app)
        click.echo(f"database is up to date; seeded flows: {', '.join(seeded) or 'none'}")

    @flows.command("validate")
    @with_appcontext
    def flows_validate():
        """Check every file in flows/ (already done at start-up; this prints the verdict)."""
        try:
            found = services(current_app).registry.check_files()
        except FlowError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
        click.echo(f"{len(found)} flows are valid: {', '.join(sorted(found))}")

    @flows.command("import")
    @click.argument("directory", required=False, type=click.Path(file_okay=False, exists=True))
    @click.option("--author", default="cli", help="Recorded as the publisher.")
    @with_appcontext
    def flows_import(directory, author):
        """Publish each flow file (and routing.yaml) in DIRECTORY, default flows/ and
        config/routing.yaml, whose text differs from its newest version; all are checked
        first, and nothing is published if one has an error."""
        from bot.admin import transfer

        svc = services(current_app)
        if directory:
            folder, routing = Path(directory), Path(directory) / transfer.ROUTING_FILE
        else:
            folder, routing = svc.registry.flows_dir, resolve_path(current_app.config[
                "ROUTING_FILE"])
        try:
            with svc.db.begin() as conn:
                done = transfer.import_dir(conn, svc.registry, folder, routing, author, utcnow())
        except (FlowError, transfer.ImportRefused) as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
        for name, version in done.flows:
            click.echo(f"published {name} version {version}")
        if done.routing:
            click.echo(f"published routing version {done.routing}")
        if not done.flows and not done.routing:
            click.echo("every flow is already up to date")

    @flows.command("export")
    @click.argument("directory", type=click.Path(file_okay=False))
    @with_appcontext
    def flows_export(directory):
        """Write the newest version of every flow, and routing.yaml, to DIRECTORY."""
        from bot.admin import transfer

        with services(current_app).db.connect() as conn:
            written = transfer.export_dir(conn, Path(directory))
        click.echo(f"wrote {len(written)} files to {directory}: {', '.join(written)}")

    @app.cli.command("chat")
    @click.option("--session", default=None, help="Continue a chat session by id.")
    def terminal_chat(session):
        """Talk to the bot in the terminal, as a web-chat resident would."""
        session = session or f"cli-{uuid.uuid4().hex[:12]}"
        engine = services(current_app).engine
        click.echo(f"session {session}; Ctrl-D to leave")
        while True:
            try:
                text = input("you> ")
            except EOFError:
                break
            for reply in engine.handle(Inbound("chat", session, text)).replies:
                click.echo(f"bot> {reply}")

    @app.cli.command("dev")
    @click.option("--port", default=5000, show_default=True)
    def dev(port):
        """Upgrade and seed the database, then serve the web chat and SMS simulator locally."""
        seeded = upgrade_and_seed(current_app)
        if seeded:
            click.echo(f"seeded flows: {', '.join(seeded)}")
        current_app.config["TWILIO_VALIDATE"] = False  # the local simulator signs nothing
        click.echo(f"web chat and SMS simulator: http://127.0.0.1:{port}/chat")
        # app.run() is a no-op inside a flask CLI command, so serve with werkzeug directly.
        run_simple("127.0.0.1", port, current_app._get_current_object(), threaded=True)

    app.cli.add_command(db)
    app.cli.add_command(flows)


def main() -> None:
    from bot import create_app

    FlaskGroup(create_app=lambda: create_app()).main()
