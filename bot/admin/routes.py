"""The editor's pages: flows and routing, their versions, drafts, diffs, diagram, simulator.

Views parse input and shape output; the work is in documents, checks, diagram and sandbox.
"""

from __future__ import annotations

import json

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from bot.admin import bp, diagram, documents, sandbox, wording
from bot.admin.documents import FLOW, ROUTING, Document, EditError
from bot.admin.forms import ConfirmForm, SimulatorForm, SourceForm
from bot.admin.review import MACHINE, drafted, line_languages, review_marks
from bot.app import services
from bot.config import resolve_path
from bot.storage import drafts, flow_store
from bot.storage.tables import audit_log
from bot.storage.timestamps import aware, utcnow

DOC_ROUTES = (
    ("", "document", ["GET"]),
    ("/edit", "edit", ["GET", "POST"]),
    ("/publish", "publish", ["POST"]),
    ("/discard", "discard", ["POST"]),
    ("/rollback/<int:version>", "rollback", ["POST"]),
    ("/versions/<int:version>", "version", ["GET"]),
    ("/diff", "diff", ["GET"]),
    ("/simulate", "simulate", ["GET", "POST"]),
    ("/diagram.svg", "diagram_svg", ["GET"]),
    ("/wording", "wording_form", ["GET", "POST"]),
)

# Two publishes of one document in the same instant: the version number is taken once.
SAME_MOMENT = ("Someone else published this at the same moment, so nothing was published. "
               "Check the versions and the diff, then try again.")


@bp.before_request
def admins_only():
    """Every editor page is for administrators; others log in first or get 403."""
    from bot.staff.auth import role_required

    return role_required("admin")(lambda: None)()


def _svc():
    return services(current_app)


def _doc(kind: str, name: str) -> Document:
    doc = Document(kind, name)
    with _svc().db.connect() as conn:
        if documents.latest(conn, doc) is None:
            abort(404, description=f"{doc.label} does not exist")
    return doc


def doc_url(endpoint: str, doc: Document, **values) -> str:
    """The URL of one of a document's pages (flows live under /flows/<name>, routing at
    /routing)."""
    if doc.kind == ROUTING:
        return url_for(f"admin.{endpoint}", kind=ROUTING, name=ROUTING, **values)
    return url_for(f"admin.{endpoint}", kind=FLOW, name=doc.name, **values)


@bp.context_processor
def _helpers():
    return {"doc_url": doc_url}


@bp.get("/")
def index():
    svc = _svc()
    with svc.db.connect() as conn:
        with_draft = drafts.names(conn, FLOW)
        flows = []
        for name, version in sorted(flow_store.latest_versions(conn).items()):
            newest = flow_store.versions(conn, name)[0]
            source = flow_store.source_of(conn, name, version)
            flows.append({"doc": Document.flow(name), "version": version,
                          "author": newest["author"], "at": aware(newest["created_at"]),
                          "draft": name in with_draft, "marks": review_marks(source)})
        routing_versions = documents.versions(conn, Document.routing())
        routing_draft = drafts.get(conn, ROUTING, ROUTING) is not None
        changes = _recent_changes(conn)
    system = (svc.registry.flows_dir / "system.yaml").read_text(encoding="utf-8")
    return render_template("admin/index.html", flows=flows, routing_versions=routing_versions,
                           routing_draft=routing_draft, changes=changes,
                           system_waiting=drafted(review_marks(system)),
                           names=svc.registry.texts.language_names)


def _recent_changes(conn, limit: int = 25) -> list[dict]:
    rows = conn.execute(
        select(audit_log).where(or_(audit_log.c.action.like("flow\\_%", escape="\\"),
                                    audit_log.c.action.like("routing\\_%", escape="\\")))
        .order_by(audit_log.c.id.desc()).limit(limit)).mappings()
    return [{**r, "at": aware(r["at"])} for r in rows]


def document(kind: str, name: str):
    doc = _doc(kind, name)
    svc = _svc()
    with svc.db.connect() as conn:
        found = documents.versions(conn, doc)
        version, source = documents.latest(conn, doc)
        draft = drafts.get(conn, doc.kind, doc.name)
        svg = _svg(conn, doc, version) if doc.kind == FLOW else None
    for row in found:
        row["created_at"] = aware(row["created_at"])
    return render_template("admin/document.html", doc=doc, versions=found, live=version,
                           source=source, draft=draft, svg=svg, form=ConfirmForm(),
                           marks=review_marks(source), names=svc.registry.texts.language_names)


def _svg(conn, doc: Document, version: int) -> str:
    compiled = _svc().registry.compiled(conn, doc.name, version)
    return diagram.render(compiled)


def version(kind: str, name: str, version: int):
    doc = _doc(kind, name)
    with _svc().db.connect() as conn:
        source = documents.source_of(conn, doc, version)
        if source is None:
            abort(404, description=f"{doc.label} has no version {version}")
        live = documents.latest(conn, doc)[0]
        svg = _svg(conn, doc, version) if doc.kind == FLOW else None
    return render_template("admin/version.html", doc=doc, version=version, live=live,
                           listing=_listing(source, {}), svg=svg, form=ConfirmForm(),
                           marks=review_marks(source),
                           names=_svc().registry.texts.language_names)


def edit(kind: str, name: str):
    doc = _doc(kind, name)
    svc = _svc()
    form = SourceForm()
    posted = None
    if request.method == "POST" and not form.validate_on_submit():
        flash("The form expired: copy your text, reload the page and try again.", "error")
    elif request.method == "POST":
        posted = form.source.data.replace("\r\n", "\n")
        if request.form.get("action") == "save":
            try:
                with svc.db.begin() as conn:
                    base = _int(form.base_version.data) or documents.latest(conn, doc)[0]
                    documents.save_draft(conn, svc.registry, doc, posted, base, current_user,
                                         utcnow())
            except EditError as exc:
                flash(str(exc), "error")
            else:
                flash("Draft saved. Residents still get the live version until you "
                      "publish.", "success")
                return redirect(doc_url("edit", doc))
    with svc.db.connect() as conn:
        copy = documents.working_copy(conn, doc)
        newest = documents.latest(conn, doc)[0]
        if posted is not None:  # checked, not saved: show what was typed
            copy = documents.WorkingCopy(posted, _int(form.base_version.data), copy.draft)
        verdict = documents.check(conn, svc.registry, doc, copy.source)
    return _render_editor(doc, form, copy, newest, verdict)


def _render_editor(doc: Document, form: SourceForm, copy, newest: int, verdict, status=200):
    form.source.data = copy.source
    form.base_version.data = str(newest)  # saving again means "over the newest version"
    svg = None
    if verdict.compiled is not None:
        flagged = {f.step for f in verdict.errors if f.step}
        svg = diagram.render(verdict.compiled, flagged=flagged)
    flagged_lines: dict[int, str] = {}
    for finding in verdict.findings:  # an error outranks a warning on the same line
        if finding.line and flagged_lines.get(finding.line) != "error":
            flagged_lines[finding.line] = finding.level
    return render_template(
        "admin/edit.html", doc=doc, form=form, copy=copy, newest=newest, verdict=verdict,
        svg=svg, listing=_listing(copy.source, flagged_lines),
        marks=review_marks(copy.source), machine=MACHINE, confirm=ConfirmForm(),
        names=_svc().registry.texts.language_names,
    ), status


def _listing(source: str, flagged: dict[int, str]) -> list[tuple]:
    """(number, text, error|warning|None, languages awaiting review) for each line."""
    waiting = drafted(review_marks(source))
    return [(n, text, flagged.get(n), line_languages(text, waiting))
            for n, text in enumerate(source.splitlines(), 1)]


def publish(kind: str, name: str):
    doc = _doc(kind, name)
    svc = _svc()
    if not ConfirmForm().validate_on_submit():
        abort(400, description="the form expired: reload the page and try again")
    try:
        with svc.db.begin() as conn:
            version, verdict = documents.publish_draft(conn, svc.registry, doc, current_user,
                                                       utcnow())
            if version is None:
                copy = documents.working_copy(conn, doc)
                newest = documents.latest(conn, doc)[0]
    except EditError as exc:
        flash(str(exc), "error")
        return redirect(doc_url("edit", doc))
    except IntegrityError:
        flash(SAME_MOMENT, "error")
        return redirect(doc_url("edit", doc))
    if version is None:
        flash(f"Not published: fix the {len(verdict.errors)} error(s) below first.", "error")
        return _render_editor(doc, SourceForm(formdata=None), copy, newest, verdict, 422)
    if doc.kind == FLOW:
        flash(f"Published {doc.label} version {version}. New conversations use it; "
              f"conversations already under way finish on the version they started on.",
              "success")
    else:
        flash(f"Published routing version {version}: new reports are routed by it.", "success")
    return redirect(doc_url("document", doc))


def discard(kind: str, name: str):
    doc = _doc(kind, name)
    if not ConfirmForm().validate_on_submit():
        abort(400, description="the form expired: reload the page and try again")
    with _svc().db.begin() as conn:
        gone = documents.discard_draft(conn, doc, current_user, utcnow())
    flash("Draft discarded." if gone else "There was no draft.", "success")
    return redirect(doc_url("document", doc))


def rollback(kind: str, name: str, version: int):
    doc = _doc(kind, name)
    svc = _svc()
    if not ConfirmForm().validate_on_submit():
        abort(400, description="the form expired: reload the page and try again")
    try:
        with svc.db.begin() as conn:
            new, verdict = documents.roll_back(conn, svc.registry, doc, version, current_user,
                                               utcnow())
    except EditError as exc:
        flash(str(exc), "error")
        return redirect(doc_url("document", doc))
    except IntegrityError:
        flash(SAME_MOMENT, "error")
        return redirect(doc_url("document", doc))
    if new is None:
        problems = "; ".join(str(f) for f in verdict.errors[:5])
        flash(f"Version {version} cannot be published again as it is: {problems}", "error")
    else:
        flash(f"Rolled back: version {new} is a copy of version {version} and is now live.",
              "success")
    return redirect(doc_url("document", doc))


def diff(kind: str, name: str):
    doc = _doc(kind, name)
    with _svc().db.connect() as conn:
        live = documents.latest(conn, doc)[0]
        draft = drafts.get(conn, doc.kind, doc.name)
        default_new = "draft" if draft else str(live)
        default_old = str(live) if draft else str(max(live - 1, 1))
        old_key = request.args.get("a", default_old)
        new_key = request.args.get("b", default_new)
        old, new = _text_of(conn, doc, old_key, draft), _text_of(conn, doc, new_key, draft)
        versions = [v["version"] for v in documents.versions(conn, doc)]
    lines = documents.diff(old, new, _label(old_key), _label(new_key))
    return render_template("admin/diff.html", doc=doc, lines=lines, a=old_key, b=new_key,
                           versions=versions, has_draft=draft is not None)


def _text_of(conn, doc: Document, key: str, draft: dict | None) -> str:
    if key == "draft":
        if draft is None:
            abort(404, description=f"{doc.label} has no draft")
        return draft["source"]
    number = _int(key)
    source = documents.source_of(conn, doc, number) if number is not None else None
    if source is None:
        abort(404, description=f"{doc.label} has no version {key}")
    return source


def _label(key: str) -> str:
    return "draft" if key == "draft" else f"version {key}"


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def diagram_svg(kind: str, name: str):
    doc = _doc(kind, name)
    if doc.kind != FLOW:
        abort(404, description="only flows have a diagram")
    svc = _svc()
    with svc.db.connect() as conn:
        number = _int(request.args.get("version"))
        if number is None:
            copy = documents.working_copy(conn, doc)
            verdict = documents.check(conn, svc.registry, doc, copy.source)
            if verdict.compiled is None:
                abort(422, description="the draft cannot be drawn until its errors are fixed")
            svg = diagram.render(verdict.compiled)
        elif documents.source_of(conn, doc, number) is None:
            abort(404, description=f"{doc.label} has no version {number}")
        else:
            svg = _svg(conn, doc, number)
    return Response(svg, mimetype="image/svg+xml")


def simulate(kind: str, name: str):
    doc = _doc(kind, name)
    svc = _svc()
    form = SimulatorForm()
    transcript = _transcript(form.transcript.data) if request.method == "POST" else []
    with svc.db.connect() as conn:
        copy = documents.working_copy(conn, doc)
        verdict = documents.check(conn, svc.registry, doc, copy.source)
        sources, routing = _sandbox_sources(conn, doc, copy.source)
    if request.method == "POST" and not form.validate_on_submit():
        flash("The form expired: start the simulation again.", "error")
        transcript = []
    elif request.method == "POST" and request.form.get("action") == "restart":
        transcript = []
    elif request.method == "POST" and verdict.publishable:
        said = [sandbox.Said(t["text"], t["photo"]) for t in transcript]
        said.append(sandbox.Said(form.text.data or "", bool(form.photo.data)))
        box = sandbox.Sandbox(svc.registry.texts, sources, routing, current_app.config,
                              svc.registry.flows_dir)
        answered = box.replay(said)[-1]
        transcript.append({"text": said[-1].text, "photo": said[-1].photo,
                           "replies": answered.replies, "escalation": answered.escalation})
        transcript = transcript[-sandbox.MAX_TURNS:]
    form.transcript.data = json.dumps(transcript, ensure_ascii=False)
    form.text.data = ""
    form.photo.data = False
    return render_template("admin/simulate.html", doc=doc, form=form, transcript=transcript,
                           verdict=verdict, has_draft=copy.draft is not None,
                           resident=sandbox.RESIDENT)


def wording_form(kind: str, name: str):
    """Every text per language in a form; saving writes them into the draft's YAML."""
    doc = _doc(kind, name)
    svc = _svc()
    languages = svc.registry.texts.languages
    form = ConfirmForm()
    with svc.db.begin() as conn:
        copy = documents.working_copy(conn, doc)
        if request.method == "POST" and form.validate_on_submit():
            changes = {k: v for k, v in request.form.items() if "/" in k}
            try:
                source = wording.apply(copy.source, doc.kind, languages, changes)
            except ValueError as exc:
                flash(str(exc), "error")
                return redirect(doc_url("edit", doc))
            if source == copy.source:
                flash("Nothing changed.", "success")
                return redirect(doc_url("wording_form", doc))
            base = copy.base_version or documents.latest(conn, doc)[0]
            documents.save_draft(conn, svc.registry, doc, source, base, current_user, utcnow())
            flash("Wording saved in the draft. Residents still get the live version until you "
                  "publish; the checks are below.", "success")
            return redirect(doc_url("edit", doc))
        if request.method == "POST":
            flash("The form expired: reload the page and type the change again.", "error")
    fields = wording.texts(copy.source, doc.kind, languages)
    if fields is None:
        flash("The draft's YAML cannot be read: fix it in the YAML editor first.", "error")
        return redirect(doc_url("edit", doc))
    groups: dict[str, list] = {}
    for text in fields:
        groups.setdefault(text.group, []).append(text)
    return render_template("admin/wording.html", doc=doc, form=form, groups=groups,
                           has_draft=copy.draft is not None, marks=review_marks(copy.source),
                           waiting=drafted(review_marks(copy.source)),
                           names=svc.registry.texts.language_names)


def _sandbox_sources(conn, doc: Document, draft_source: str) -> tuple[dict[str, str], str]:
    """Every live flow and the live routing, with the document's working copy in its place."""
    sources = {name: flow_store.source_of(conn, name, version)
               for name, version in flow_store.latest_versions(conn).items()}
    routing = documents.latest(conn, Document.routing())
    if routing is not None:
        routing_source = routing[1]
    else:  # not seeded yet: the file the app started with
        routing_source = resolve_path(current_app.config["ROUTING_FILE"]).read_text("utf-8")
    if doc.kind == FLOW:
        sources[doc.name] = draft_source
    else:
        routing_source = draft_source
    return sources, routing_source


def _transcript(raw: str | None) -> list[dict]:
    """The conversation so far, as the page sent it back; anything malformed starts over."""
    try:
        items = json.loads(raw or "[]")
    except ValueError:
        return []
    if not isinstance(items, list):
        return []
    out = []
    for item in items[-sandbox.MAX_TURNS:]:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            return []
        replies = item.get("replies") if isinstance(item.get("replies"), list) else []
        out.append({"text": item["text"][:2000], "photo": bool(item.get("photo")),
                    "replies": [str(r) for r in replies],
                    "escalation": item.get("escalation") if item.get("escalation") in (
                        "emergency", "crisis") else None})
    return out


def _register() -> None:
    for suffix, endpoint, methods in DOC_ROUTES:
        view = globals()[endpoint]
        bp.add_url_rule(f"/flows/<name>{suffix}", endpoint, view, methods=methods,
                        defaults={"kind": FLOW})
        bp.add_url_rule(f"/routing{suffix}", endpoint, view, methods=methods,
                        defaults={"kind": ROUTING, "name": ROUTING})


_register()
