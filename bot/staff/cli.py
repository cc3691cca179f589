"""`flask --app bot users ...`: create and manage console accounts."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from bot.app import services
from bot.staff import accounts, audit
from bot.staff.accounts import AccountError
from bot.storage.timestamps import utcnow

users = click.Group("users", help="Create and manage staff console accounts.")


@users.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(accounts.ROLES), default="staff", show_default=True)
@click.option("--agency", default=None, help="The agency a staff account handles (e.g. city311).")
@click.option("--password", envvar="STAFF_PASSWORD", prompt=True, hide_input=True,
              confirmation_prompt=True, help="Or set STAFF_PASSWORD; prompted when absent.")
@with_appcontext
def create_user(email, role, agency, password):
    """Create an account for EMAIL."""
    svc = services(current_app)
    agencies = svc.routing().agencies
    try:
        with svc.db.begin() as conn:
            account = accounts.create(conn, email, password, role, agency, agencies, utcnow())
            audit.record(conn, "cli", "user_created", target=f"user:{account.id}",
                         after={"email": account.email, "role": role, "agency": agency})
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    where = f" for {account.agency}" if account.agency else ""
    click.echo(f"created {account.role} account {account.email}{where}")


@users.command("password")
@click.argument("email")
@click.option("--password", envvar="STAFF_PASSWORD", prompt=True, hide_input=True,
              confirmation_prompt=True, help="Or set STAFF_PASSWORD; prompted when absent.")
@with_appcontext
def set_password(email, password):
    """Set a new password for EMAIL."""
    try:
        with services(current_app).db.begin() as conn:
            if not accounts.set_password(conn, email, password):
                raise click.ClickException(f"no account for {email}")
            audit.record(conn, "cli", "password_set", target=f"user:{email}")
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"password changed for {email}")


@users.command("list")
@with_appcontext
def list_users():
    """Every account: email, role, agency, active."""
    with services(current_app).db.connect() as conn:
        for account in accounts.all_accounts(conn):
            state = "active" if account.active else "inactive"
            click.echo(f"{account.email}\t{account.role}\t{account.agency or '-'}\t{state}")


def register_cli(app: Flask) -> None:
    app.cli.add_command(users)
