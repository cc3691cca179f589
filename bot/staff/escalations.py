"""Escalations: the list (newest first), one escalation, acknowledge with a note, the banner,
and the messages the safety model kept from escalating, for staff to look over."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from bot.app import services
from bot.staff import actions, bp, queries
from bot.staff.actions import ActionError
from bot.staff.forms import AcknowledgeForm
from bot.storage.timestamps import utcnow


@bp.app_template_filter("signals")
def signals_text(values) -> str:
    return ", ".join(str(v) for v in values or []) or "none"


@bp.app_context_processor
def escalation_banner() -> dict:
    """open_escalations(): the banner's (count, newest few), for any page on staff/base.html.

    A function, so pages that do not show the banner (the public chat) never query.
    """

    def open_escalations() -> tuple[int, list[dict]]:
        if not current_user.is_authenticated:
            return 0, []
        with services(current_app).db.connect() as conn:
            return queries.open_escalations(conn)

    return {"open_escalations": open_escalations}


OVERRULED_DAYS = 30  # how far back the list of overruled messages reaches


@bp.get("/escalations")
def escalation_list():
    with services(current_app).db.connect() as conn:
        waiting = queries.escalation_list(conn, acknowledged=False)
        handled = queries.escalation_list(conn, acknowledged=True, limit=100)
        overruled = queries.overruled(conn, utcnow() - timedelta(days=OVERRULED_DAYS))
    return render_template("staff/escalations.html", waiting=waiting, handled=handled,
                           overruled=overruled, overruled_days=OVERRULED_DAYS,
                           form=AcknowledgeForm())


@bp.get("/escalations/<int:escalation_id>")
def escalation(escalation_id: int):
    with services(current_app).db.connect() as conn:
        found = queries.escalation(conn, escalation_id)
        if found is None:
            abort(404, description="No such escalation.")
        contact = queries.contact_of(conn, found["contact_id"])
        conversation = None  # None: not for this user; [] : no messages
        if queries.conversation_visible(conn, found["conversation_id"], found["contact_id"],
                                        current_user.scope):
            conversation = queries.conversation_messages(conn, found["conversation_id"],
                                                         found["contact_id"])
        reports = queries.reports_of_contact(conn, found["contact_id"], current_user.scope)
    return render_template("staff/escalation.html", escalation=found, contact=contact,
                           conversation=conversation, reports=reports, form=AcknowledgeForm())


@bp.post("/escalations/<int:escalation_id>/acknowledge")
def acknowledge(escalation_id: int):
    form = AcknowledgeForm()
    if not form.validate_on_submit():
        flash("The note is too long.", "error")
        return redirect(url_for("staff.escalation", escalation_id=escalation_id))
    try:
        with services(current_app).db.begin() as conn:
            found = queries.escalation(conn, escalation_id)
            if found is None:
                abort(404, description="No such escalation.")
            actions.acknowledge(conn, found, form.note.data, current_user, utcnow())
    except ActionError as exc:
        flash(str(exc), "error")
        return redirect(url_for("staff.escalation", escalation_id=escalation_id))
    flash("Escalation acknowledged.", "success")
    return redirect(url_for("staff.escalation_list"))
