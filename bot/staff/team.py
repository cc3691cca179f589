"""Accounts and the audit log, for admins."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from bot.app import services
from bot.staff import accounts, audit, bp
from bot.staff.accounts import AccountError
from bot.staff.auth import role_required
from bot.staff.forms import UserForm, choices
from bot.storage.timestamps import utcnow


def _user_form() -> UserForm:
    form = UserForm()
    agencies = services(current_app).routing().agencies
    form.agency.choices = choices([("", "None (supervisors, admins)")] + [
        (key, agency.display("en")) for key, agency in agencies.items()])
    return form


@bp.route("/users", methods=["GET", "POST"])
@role_required("admin")
def users():
    form = _user_form()
    db = services(current_app).db
    if form.validate_on_submit():
        agencies = services(current_app).routing().agencies
        try:
            with db.begin() as conn:
                account = accounts.create(conn, form.email.data, form.password.data,
                                          form.role.data, form.agency.data or None, agencies,
                                          utcnow())
                audit.record(conn, current_user, "user_created", target=f"user:{account.id}",
                             after={"email": account.email, "role": account.role,
                                    "agency": account.agency})
        except AccountError as exc:
            flash(str(exc), "error")
        else:
            flash(f"Account created for {account.email}.", "success")
            return redirect(url_for("staff.users"))
    with db.connect() as conn:
        everyone = accounts.all_accounts(conn)
    return render_template("staff/users.html", form=form, users=everyone)


@bp.post("/users/<int:user_id>/active")
@role_required("admin")
def toggle_active(user_id: int):
    if user_id == current_user.id:
        flash("You cannot deactivate your own account.", "error")
        return redirect(url_for("staff.users"))
    with services(current_app).db.begin() as conn:
        account = accounts.get(conn, user_id)
        if account is None:
            abort(404, description="No such account.")
        accounts.set_active(conn, user_id, not account.active)
        audit.record(conn, current_user, "user_activated" if not account.active
                     else "user_deactivated", target=f"user:{user_id}",
                     before={"active": account.active}, after={"active": not account.active})
    flash(f"{account.email} is now {'active' if not account.active else 'deactivated'}.",
          "success")
    return redirect(url_for("staff.users"))


@bp.get("/audit")
@role_required("admin")
def audit_log():
    with services(current_app).db.connect() as conn:
        entries = audit.recent(conn)
    return render_template("staff/audit.html", entries=entries)
