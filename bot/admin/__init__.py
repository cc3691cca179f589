"""The flow editor for administrators: flows and routing as drafts and versions, checks before
publishing, a diagram of each flow's state machine, and a simulator that runs a draft.

Bind it with init_app(app) after the staff console (it uses the console's log-in and roles).
"""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates",
               static_folder="static")

# Views attach themselves to bp on import.
from bot.admin import routes  # noqa: E402,F401


def init_app(app: Flask) -> None:
    """Register the editor at /admin."""
    app.register_blueprint(bp)
