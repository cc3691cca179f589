"""The queue, one report's page, and what staff do to a report."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    stream_with_context,
    url_for,
)
from flask_login import current_user

from bot.app import services
from bot.staff import actions, audit, bp, export, media, queries
from bot.staff.actions import ActionError
from bot.staff.auth import role_required
from bot.staff.forms import (
    NoteForm,
    QueueFilterForm,
    ReassignForm,
    ReplyForm,
    StatusForm,
    choices,
)
from bot.staff.media import MediaError
from bot.staff.queries import Cursor, QueueFilter
from bot.staff.workflow import MOVES, STATUS_LABELS
from bot.storage.timestamps import utcnow


def _db():
    return services(current_app).db


def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config["CITY_TIMEZONE"])


def _agencies() -> list[tuple[str, str]]:
    routing = services(current_app).routing()
    return [(key, agency.display("en")) for key, agency in routing.agencies.items()]


def _filter_form() -> QueueFilterForm:
    form = QueueFilterForm(formdata=request.args)
    agencies = _agencies()
    if current_user.scope is not None:
        agencies = [a for a in agencies if a[0] == current_user.scope]
    form.agency.choices = choices([("", "Any")] + agencies)
    form.type.choices = choices({"": "Any", **current_app.extensions["staff_report_types"]})
    languages = services(current_app).registry.texts.language_names
    form.language.choices = choices({"": "Any", **languages})
    return form


def _queue_filter(form: QueueFilterForm) -> QueueFilter:
    """The filter from the valid fields; an invalid one is shown with its error and ignored."""
    form.validate()
    return QueueFilter(**{name: (form[name].data or None) if not form[name].errors else None
                          for name in ("agency", "type", "subtype", "status", "language",
                                       "channel", "date_from", "date_to", "q")})


@bp.get("/")
def index():
    return redirect(url_for("staff.queue"))


@bp.get("/reports")
def queue():
    form = _filter_form()
    flt = _queue_filter(form)
    after = None
    if request.args.get("after"):
        try:
            after = Cursor.decode(request.args["after"])
        except ValueError:
            abort(400, description="That page link is not valid; start again from the first page.")
    with _db().connect() as conn:
        page = queries.queue_page(conn, flt, current_user.scope, _tz(), after)
    return render_template("staff/queue.html", form=form, flt=flt, page=page, after=after,
                           statuses=STATUS_LABELS, now=utcnow(), tz=_tz())


@bp.get("/reports.csv")
def export_csv():
    form = _filter_form()
    flt = _queue_filter(form)
    with _db().begin() as conn:
        audit.record(conn, current_user, "queue_exported", after={"filter": flt.args()})
    rows = export.csv_lines(_db(), flt, current_user.scope, _tz())
    filename = f"reports-{utcnow().astimezone(_tz()):%Y%m%d-%H%M}.csv"
    return Response(stream_with_context(rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _report_or_404(conn, report_id: int) -> dict:
    """The report if this user may see it; otherwise 404, as if it did not exist."""
    report = queries.report_for_staff(conn, report_id, current_user.scope)
    if report is None:
        abort(404, description="No such report.")
    return report


@bp.get("/reports/<int:report_id>")
def report(report_id: int):
    with _db().connect() as conn:
        found = _report_or_404(conn, report_id)
        found["photos"] = queries.photos_of(conn, report_id)
        page = {
            "report": found,
            "contact": queries.contact_of(conn, found["contact_id"]),
            "transcript": queries.transcript(conn, found),
            "routes": queries.routing_history(conn, found),
            "notes": queries.notes_of(conn, report_id),
            "audit": audit.for_report(conn, report_id),
            "escalations": queries.escalations_of(conn, found["contact_id"]),
        }
    return render_template("staff/report.html", **page, **_action_forms(found),
                           statuses=STATUS_LABELS, agencies=dict(_agencies()), tz=_tz())


def _action_forms(report: dict) -> dict:
    status = StatusForm()
    status.status.choices = choices((s, STATUS_LABELS[s]) for s in MOVES.get(report["status"], ()))
    reassign = ReassignForm()
    reassign.agency.choices = choices(a for a in _agencies() if a[0] != report["agency"])
    return {"status_form": status, "note_form": NoteForm(), "reply_form": ReplyForm(),
            "reassign_form": reassign}


def _back(report_id: int, anchor: str = ""):
    return redirect(url_for("staff.report", report_id=report_id) + anchor)


def _form_errors(form) -> None:
    for field, errors in form.errors.items():
        label = getattr(form, field).label.text if hasattr(form, field) else field
        for error in errors:
            flash(f"{label}: {error}", "error")


@bp.post("/reports/<int:report_id>/status")
def change_status(report_id: int):
    form = StatusForm()
    form.status.choices = choices(STATUS_LABELS)
    if not form.validate_on_submit():
        _form_errors(form)
        return _back(report_id, "#status")
    svc = services(current_app)
    try:
        with svc.db.begin() as conn:
            found = _report_or_404(conn, report_id)
            queued = actions.change_status(
                conn, found, form.status.data, form.reason.data, current_user,
                current_app.extensions["staff_notices"], svc.registry.current_routing(conn),
                utcnow())
    except ActionError as exc:
        flash(str(exc), "error")
        return _back(report_id, "#status")
    svc.sender.dispatch(queued)
    told = " The resident was sent a notice." if queued else ""
    flash(f"Status changed to {STATUS_LABELS[form.status.data].lower()}.{told}", "success")
    return _back(report_id)


@bp.post("/reports/<int:report_id>/notes")
def add_note(report_id: int):
    form = NoteForm()
    if not form.validate_on_submit():
        _form_errors(form)
        return _back(report_id, "#notes")
    try:
        with _db().begin() as conn:
            actions.add_note(conn, _report_or_404(conn, report_id), form.body.data,
                             current_user, utcnow())
    except ActionError as exc:
        flash(str(exc), "error")
        return _back(report_id, "#notes")
    flash("Note added.", "success")
    return _back(report_id, "#notes")


@bp.post("/reports/<int:report_id>/reply")
def reply(report_id: int):
    form = ReplyForm()
    if not form.validate_on_submit():
        _form_errors(form)
        return _back(report_id, "#reply")
    svc = services(current_app)
    try:
        with svc.db.begin() as conn:
            message_id = actions.reply(conn, _report_or_404(conn, report_id), form.body.data,
                                       current_user, utcnow())
    except ActionError as exc:
        flash(str(exc), "error")
        return _back(report_id, "#reply")
    svc.sender.dispatch([message_id])
    flash("Message sent to the resident.", "success")
    return _back(report_id, "#transcript")


@bp.post("/reports/<int:report_id>/reassign")
@role_required("supervisor")
def reassign(report_id: int):
    form = ReassignForm()
    form.agency.choices = choices(_agencies())
    if not form.validate_on_submit():
        _form_errors(form)
        return _back(report_id, "#routing")
    svc = services(current_app)
    try:
        with svc.db.begin() as conn:
            actions.reassign(conn, _report_or_404(conn, report_id), form.agency.data,
                             form.reason.data, current_user,
                             svc.registry.current_routing(conn), utcnow())
    except ActionError as exc:
        flash(str(exc), "error")
        return _back(report_id, "#routing")
    flash(f"Reassigned to {dict(_agencies())[form.agency.data]}.", "success")
    return _back(report_id, "#routing")


@bp.get("/reports/<int:report_id>/photos/<int:attachment_id>")
def photo(report_id: int, attachment_id: int):
    with _db().connect() as conn:
        _report_or_404(conn, report_id)
        attachment = queries.attachment_of(conn, report_id, attachment_id)
    if attachment is None:
        abort(404, description="No such photo.")
    try:
        path, content_type = media.ensure_stored(current_app, _db(), attachment)
    except MediaError as exc:
        current_app.logger.warning("photo %s of report %s: %s", attachment_id, report_id, exc)
        abort(502, description=f"The photo is not available: {exc}.")
    response = send_file(path, mimetype=content_type, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
