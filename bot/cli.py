"""Command line: `flask --app bot ...` or the `bot` console script."""

from __future__ import annotations

import sys
import uuid

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from bot.app import services
from bot.conversation.dialogue import Inbound
from bot.conversation.loader import FlowError
from bot.storage import migrate
from bot.storage.timestamps import utcnow


def upgrade_and_seed(app: Flask) -> list[str]:
    """Bring the schema up to date and publish any seed flow not yet in the database."""
    migrate.upgrade(app.config["DATABASE_URL"])
    svc = services(app)
    with svc.db.begin() as conn:
        return svc.registry.seed(conn, utcnow())


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
    @click.option("--author", default="cli", help="Recorded as the publisher.")
    @with_appcontext
    def flows_import(author):
        """Publish each file in flows/ whose text differs from its newest version."""
        svc = services(current_app)
        with svc.db.begin() as conn:
            published = svc.registry.import_files(conn, utcnow(), author)
        for name, version in published:
            click.echo(f"published {name} version {version}")
        if not published:
            click.echo("every flow is already up to date")

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
        current_app.run(host="127.0.0.1", port=port, debug=False, use_reloader=False)

    app.cli.add_command(db)
    app.cli.add_command(flows)


def main() -> None:
    from bot import create_app

    FlaskGroup(create_app=lambda: create_app()).main()
