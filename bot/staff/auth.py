"""Log-in and log-out, who may see what (roles), rate-limited log-in and secure cookies."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from urllib.parse import urlsplit

from flask import (
    Flask,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import LoginManager, current_user, login_user, logout_user

from bot import limits
from bot.app import services
from bot.staff import accounts, audit, bp
from bot.staff.forms import LoginForm
from bot.storage.timestamps import utcnow

log = logging.getLogger(__name__)

login_manager = LoginManager()
login_manager.login_view = "staff.login"
login_manager.login_message = "Please log in to use the staff console."
login_manager.login_message_category = "info"

LOGIN_LIMIT = "10/minute;50/hour"  # per address, and again per email typed
PUBLIC_ENDPOINTS = ("staff.login", "staff.static")


def init_app(app: Flask) -> None:
    """Flask-Login and the session cookie settings (the log-in rate limit: limit_login)."""
    login_manager.init_app(app)
    # Flask-Login keeps its "remember me" cookie up to date after every request. Only the
    # console's pages log in and out, so its hook runs after theirs, not after every SMS.
    app.after_request_funcs[None].remove(login_manager._update_remember_cookie)
    for blueprint in ("staff", "admin"):
        app.after_request_funcs[blueprint].append(login_manager._update_remember_cookie)
    secure = app.config.get("STAFF_COOKIE_SECURE")
    if secure is None:  # plain http only for tests and the local dev server
        secure = not (app.testing or app.debug)
    app.config.update(
        SESSION_COOKIE_SECURE=bool(secure),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=bool(secure),
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
    )
    app.config.setdefault("PERMANENT_SESSION_LIFETIME", timedelta(hours=12))
    app.config.setdefault("STAFF_LOGIN_LIMIT", LOGIN_LIMIT)


def limit_login(app: Flask) -> None:
    """Rate-limit log-in posts by client address and by the email typed (after registration)."""
    limit = app.config["STAFF_LOGIN_LIMIT"]
    message = "Too many log-in attempts. Wait a minute, then try again."
    limits.limit_view(app, "staff.login", limit, message)
    limits.limit_view(app, "staff.login", limit, message, key_func=_email_typed)


def _email_typed() -> str:
    return "email:" + accounts.normalize_email(request.form.get("email", ""))[:254]


@login_manager.user_loader
def load_user(user_id: str):
    try:
        key = int(user_id)
    except ValueError:
        return None
    with services(current_app).db.connect() as conn:
        account = accounts.get(conn, key)
    return account if account is not None and account.active else None


@bp.before_request
def require_login():
    """Every console page needs a logged-in user, except the log-in page itself."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


def role_required(role: str) -> Callable:
    """Allow a view to users with at least this role (staff < supervisor < admin); else 403."""
    if role not in accounts.RANK:
        raise ValueError(f"unknown role {role!r}")

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.at_least(role):
                abort(403, description=f"This page is for {role}s only.")
            return view(*args, **kwargs)

        return wrapped

    return decorator


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("staff.queue"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        with services(current_app).db.begin() as conn:
            account = accounts.authenticate(conn, form.email.data, form.password.data, utcnow())
            if account is not None:
                audit.record(conn, account, "login", target=f"user:{account.id}")
        if account is not None:
            session.clear()  # a fresh session: no fixation across log-in
            login_user(account)
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")) or url_for("staff.queue"))
        log.info("failed staff log-in for an account at %s",
                 form.email.data.rpartition("@")[2][:100] or "?")
        error = "Wrong email or password."
    status = 401 if error else 200
    return render_template("staff/login.html", form=form, error=error), status


@bp.post("/logout")
def logout():
    with services(current_app).db.begin() as conn:
        audit.record(conn, current_user, "logout", target=f"user:{current_user.id}")
    logout_user()
    session.clear()
    return redirect(url_for("staff.login"))


def _safe_next(target: str | None) -> str | None:
    """Only a path inside the console or the flow editor: never another host."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith(("/staff/", "/admin/")):
        return None
    if "\\" in target or target.startswith("//"):
        return None
    return target
