"""The staff console: log-in, the report queue, a report's page and actions, escalations.

Bind it to an app with init_app(app): extensions, the blueprint at /staff, the `users` CLI.
"""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("staff", __name__, url_prefix="/staff", template_folder="templates",
               static_folder="static")

# Views attach themselves to bp on import.
from bot.staff import auth, display, escalations, routes, team  # noqa: E402,F401
from bot.staff.auth import role_required  # noqa: E402

__all__ = ["bp", "init_app", "role_required"]

# Not flows/notices.yaml: every flows/*.yaml is read as a conversation flow.
NOTICES = "notices/status.yaml"

# Pages run no script at all: a report's text can never execute, even if escaping failed.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'none'; object-src 'none'; "
                           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def init_app(app: Flask) -> None:
    """Set up log-in, CSRF, rate limits, cookies and notices; register the blueprint and CLI."""
    from bot.config import resolve_path
    from bot.staff import cli, forms, media
    from bot.staff.notices import Notices

    forms.init_csrf(app)
    auth.init_app(app)
    media.init_app(app)
    notices = app.config.get("STAFF_NOTICES_FILE") or f"{app.config['FLOWS_DIR']}/{NOTICES}"
    app.extensions["staff_notices"] = Notices.load(resolve_path(notices))
    app.extensions["staff_report_types"] = report_types(app)
    app.register_blueprint(bp)
    auth.limit_login(app)
    cli.register_cli(app)


def report_types(app: Flask) -> dict[str, str]:
    """Report type -> its English title, from the flow files (for the queue's type filter)."""
    from bot.app import services

    flows = services(app).registry.check_files().values()
    return {flow.report_type: flow.title.get("en") or flow.report_type
            for flow in flows if flow.report_type}


@bp.after_request
def security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response
