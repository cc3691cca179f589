"""Reading reports for staff: the filtered queue (keyset pages), search, one report's page.

Every function that returns reports takes `scope`: the one agency a staff member may see,
or None for supervisors and admins. A report outside the scope is never returned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    and_,
    column,
    exists,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
    tuple_,
    union,
)

from bot.reference import canonical
from bot.storage.tables import (
    attachments,
    contacts,
    escalations,
    events,
    messages,
    report_notes,
    report_routes,
    reports,
)
from bot.storage.timestamps import aware

PAGE_SIZE = 50
ESCALATED_MAX = 50  # reports with an open escalation shown above the queue
TRANSCRIPT_MAX = 500
_WORD = re.compile(r"\w+", re.UNICODE)
_LAST4 = re.compile(r"^\d{4}$")

r = reports.c
LIST_COLUMNS = (r.id, r.reference, r.type, r.subtype, r.agency, r.status, r.language, r.channel,
                r.location_text, r.location, r.occurred_at, r.occurred_text, r.contact_id,
                r.conversation_id, r.created_at, r.updated_at)
EXPORT_COLUMNS = LIST_COLUMNS + (r.description, r.contact_phone)


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows. Dates are days in the city's time zone, both ends included."""

    agency: str | None = None
    type: str | None = None
    subtype: str | None = None
    status: str | None = None
    language: str | None = None
    channel: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None

    def args(self) -> dict[str, str]:
        """The filter as query-string arguments (only those set)."""
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "")}


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the last row's (created_at, id), newest first."""

    created_at: datetime
    id: int

    def encode(self) -> str:
        return f"{self.created_at.astimezone(UTC).strftime('%Y%m%dT%H%M%S.%f')}~{self.id}"

    @classmethod
    def decode(cls, raw: str) -> Cursor:
        """The cursor in raw; ValueError when it is not one this module wrote."""
        stamp, _, ident = raw.partition("~")
        at = datetime.strptime(stamp, "%Y%m%dT%H%M%S.%f").replace(tzinfo=UTC)
        return cls(at, int(ident))


@dataclass
class Page:
    rows: list[dict]
    next: Cursor | None
    escalated: list[dict] = field(default_factory=list)


def queue_page(conn: Connection, flt: QueueFilter, scope: str | None, tz: ZoneInfo,
               after: Cursor | None = None, limit: int = PAGE_SIZE) -> Page:
    """One page of the queue, newest first; reports with an open escalation come first."""
    escalated = escalated_reports(conn, flt, scope, tz)
    skip = [row["id"] for row in escalated]
    search = Search.read(flt.q)
    rows = _page(conn, flt, scope, tz, search, after, limit + 1, skip)
    if not rows and after is None and search.kind == "reference" and search.also_words:
        # "STACKED" reads as a reference too: with no such report, search it as a word.
        search = Search("words", search.also_words)
        rows = _page(conn, flt, scope, tz, search, after, limit + 1, skip)
    more = len(rows) > limit
    rows = rows[:limit]
    decorate(conn, rows + escalated)
    last = rows[-1] if more else None
    cursor = Cursor(last["created_at"], last["id"]) if last else None
    return Page(rows, cursor, escalated if after is None else [])


def all_matching(conn: Connection, flt: QueueFilter, scope: str | None, tz: ZoneInfo,
                 batch: int = 1000, cap: int = 100_000) -> Iterator[dict]:
    """Every report the queue would show (escalated first), in batches; at most cap rows."""
    escalated = escalated_reports(conn, flt, scope, tz)
    decorate(conn, escalated)
    yield from escalated
    skip, after, sent = [row["id"] for row in escalated], None, len(escalated)
    search = Search.read(flt.q)
    while sent < cap:
        rows = _page(conn, flt, scope, tz, search, after, min(batch, cap - sent), skip,
                     columns=EXPORT_COLUMNS)
        if not rows:
            return
        decorate(conn, rows)
        yield from rows
        sent += len(rows)
        after = Cursor(rows[-1]["created_at"], rows[-1]["id"])


def escalated_reports(conn: Connection, flt: QueueFilter, scope: str | None,
                      tz: ZoneInfo) -> list[dict]:
    """Reports matching the filter whose resident has an unacknowledged escalation."""
    # Ids first, as a list: the planner then starts from these few residents' reports.
    waiting = list(conn.scalars(select(escalations.c.contact_id).distinct().where(
        escalations.c.acknowledged_at.is_(None), escalations.c.contact_id.is_not(None))))
    if not waiting:
        return []
    query = (select(*EXPORT_COLUMNS)
             .where(*conditions(conn, flt, scope, tz), r.contact_id.in_(waiting))
             .order_by(r.created_at.desc(), r.id.desc()).limit(ESCALATED_MAX))
    return [_row(row) for row in conn.execute(query).mappings()]


@dataclass(frozen=True)
class Search:
    """What the search box holds: a reference, the last four digits of a phone, or words."""

    kind: str  # "none" | "reference" | "last4" | "words"
    value: str | list[str] | None = None
    also_words: list[str] | None = None  # a reference that could also be a word

    @classmethod
    def read(cls, q: str | None) -> Search:
        q = (q or "").strip()
        if not q:
            return cls("none")
        reference = canonical(q)
        if reference:
            return cls("reference", reference, [q] if q.isalpha() else None)
        if _LAST4.match(q):
            return cls("last4", q)
        words = _WORD.findall(q)[:8]
        return cls("words", words) if words else cls("reference", "")


def _page(conn, flt, scope, tz, search, after, limit, skip, *,
          columns=LIST_COLUMNS) -> list[dict]:
    """Reports after the cursor, newest first. Word searches go newest first by id, which
    lets the search index hand rows over in order instead of sorting every match."""
    where = conditions(conn, flt, scope, tz,
                       search=Search("none") if search.kind == "words" else search)
    if skip:
        where.append(r.id.not_in(skip))
    query = select(*columns)
    if search.kind != "words":
        if after is not None:
            # A row value, not an OR: both databases read it as one range of the index.
            where.append(tuple_(r.created_at, r.id) < tuple_(after.created_at, after.id))
        query = query.where(*where).order_by(r.created_at.desc(), r.id.desc())
    elif conn.dialect.name == "postgresql":
        if after is not None:
            where.append(r.id < after.id)
        query = query.where(*where, _pg_words(search.value)).order_by(r.id.desc())
    else:
        fts = _fts_table()
        if after is not None:
            where.append(fts.c.rowid < after.id)
        query = (query.select_from(fts.join(reports, r.id == fts.c.rowid))
                 .where(_fts_match(search.value), *where).order_by(fts.c.rowid.desc()))
    return [_row(row) for row in conn.execute(query.limit(limit)).mappings()]


def conditions(conn: Connection, flt: QueueFilter, scope: str | None, tz: ZoneInfo,
               *, search: Search | None = None) -> list[ColumnElement]:
    """The WHERE clauses for a filter within a scope (search: flt.q unless given)."""
    where: list[ColumnElement] = []
    if scope is not None:
        where.append(r.agency == scope)
    for name in ("agency", "type", "subtype", "status", "language", "channel"):
        value = getattr(flt, name)
        if value:
            where.append(getattr(r, name) == value)
    if flt.date_from:
        where.append(r.created_at >= _day_start(flt.date_from, tz))
    if flt.date_to:
        where.append(r.created_at < _day_start(flt.date_to + timedelta(days=1), tz))
    search = Search.read(flt.q) if search is None and flt.q else search
    if search is not None and search.kind != "none":
        where.append(search_condition(conn, search))
    return where


def search_condition(conn: Connection, search: Search) -> ColumnElement:
    """The search as a WHERE clause on reports (checked row by row for word searches)."""
    if search.kind == "reference":
        return r.reference == search.value
    if search.kind == "last4":
        return _phone_ends_with(conn, search.value)
    if search.kind == "words":
        if conn.dialect.name == "postgresql":
            return _pg_words(search.value)
        fts = _fts_table()
        return exists().where(_fts_match(search.value), fts.c.rowid == r.id)
    return false()


def _last4(conn: Connection, column: str) -> ColumnElement:
    # Literal text on purpose: it must match the expression indexes of migration 0002.
    if conn.dialect.name == "postgresql":
        return literal_column(f"right({column}, 4)")
    return literal_column(f"substr({column}, -4)")


def _phone_ends_with(conn: Connection, digits: str) -> ColumnElement:
    """The number they gave staff, or the number they texted from, ends with digits."""
    sms_contacts = select(contacts.c.id).where(
        contacts.c.channel == "sms", _last4(conn, "contacts.address") == digits)
    # A union of two index lookups: an OR would make PostgreSQL scan the whole queue.
    given = select(r.id).where(_last4(conn, "reports.contact_phone") == digits)
    texted = select(r.id).where(r.contact_id.in_(sms_contacts))
    return r.id.in_(union(given, texted))


def _pg_words(words: list[str]) -> ColumnElement:
    # reports.search_vector is PostgreSQL-only (migration 0002), so it is not in tables.py.
    document = literal_column("reports.search_vector")
    return document.op("@@")(func.plainto_tsquery(literal_column("'simple'"), " ".join(words)))


def _fts_table():
    return table("reports_fts", column("rowid", Integer))


def _fts_match(words: list[str]) -> ColumnElement:
    """SQLite FTS5: every word, each quoted so none is read as query syntax."""
    query = " ".join('"' + w.replace('"', "") + '"' for w in words)
    return literal_column("reports_fts").op("MATCH")(query)


def _day_start(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def _row(row) -> dict:
    item = dict(row)
    for key in ("created_at", "updated_at", "occurred_at"):
        if key in item:
            item[key] = aware(item[key])
    return item


def decorate(conn: Connection, rows: list[dict]) -> None:
    """Add photo counts and escalation marks ("open", "acknowledged" or None) to rows."""
    ids = [row["id"] for row in rows]
    contact_ids = {row["contact_id"] for row in rows if row.get("contact_id") is not None}
    counts: dict[int, int] = {}
    if ids:
        counts = dict(conn.execute(
            select(attachments.c.report_id, func.count())
            .where(attachments.c.report_id.in_(ids)).group_by(attachments.c.report_id)).all())
    marks: dict[int, str] = {}
    if contact_ids:
        found = conn.execute(select(escalations.c.contact_id, escalations.c.acknowledged_at)
                             .where(escalations.c.contact_id.in_(contact_ids)))
        for contact_id, acknowledged_at in found:
            if acknowledged_at is None or marks.get(contact_id) != "open":
                marks[contact_id] = "open" if acknowledged_at is None else "acknowledged"
    for row in rows:
        row["photos"] = counts.get(row["id"], 0)
        row["escalation"] = marks.get(row.get("contact_id"))


# --- one report ------------------------------------------------------------------------------

def report_for_staff(conn: Connection, report_id: int, scope: str | None) -> dict | None:
    """The report with all its fields, or None when it does not exist or is out of scope."""
    query = select(reports).where(r.id == report_id)
    if scope is not None:
        query = query.where(r.agency == scope)
    row = conn.execute(query).mappings().first()
    return _row(row) if row else None


def contact_of(conn: Connection, contact_id: int | None) -> dict | None:
    if contact_id is None:
        return None
    row = conn.execute(select(contacts).where(contacts.c.id == contact_id)).mappings().first()
    return dict(row) if row else None


def transcript(conn: Connection, report: dict) -> list[dict]:
    """The report's conversation, then whatever the resident and staff said after filing."""
    m = messages.c
    parts = []
    if report.get("conversation_id") is not None:
        parts.append(m.conversation_id == report["conversation_id"])
    if report.get("contact_id") is not None:
        parts.append(and_(m.contact_id == report["contact_id"],
                          m.created_at >= report["created_at"]))
    if not parts:
        return []
    rows = conn.execute(
        select(m.id, m.direction, m.channel, m.kind, m.body, m.status, m.created_at)
        .where(or_(*parts), m.channel != "webhook", m.kind != "alert")
        .order_by(m.created_at, m.id).limit(TRANSCRIPT_MAX)).mappings()
    return [_row(row) for row in rows]


def photos_of(conn: Connection, report_id: int) -> list[dict]:
    rows = conn.execute(select(attachments).where(attachments.c.report_id == report_id)
                        .order_by(attachments.c.id)).mappings()
    return [dict(row) for row in rows]


def attachment_of(conn: Connection, report_id: int, attachment_id: int) -> dict | None:
    row = conn.execute(select(attachments).where(
        attachments.c.id == attachment_id, attachments.c.report_id == report_id)).mappings().first()
    return dict(row) if row else None


def routing_history(conn: Connection, report: dict) -> list[dict]:
    """Where the report went: the bot's first routing, then every reassignment."""
    moves = [_row(row) for row in conn.execute(
        select(report_routes).where(report_routes.c.report_id == report["id"])
        .order_by(report_routes.c.id)).mappings()]
    first = moves[0]["from_agency"] if moves else report["agency"]
    filed = {"at": report["created_at"], "from_agency": None, "to_agency": first,
             "actor": "routing table", "reason": f"{report['type']} report"}
    return [filed] + [dict(move, at=aware(move["at"])) for move in moves]


def notes_of(conn: Connection, report_id: int) -> list[dict]:
    rows = conn.execute(select(report_notes).where(report_notes.c.report_id == report_id)
                        .order_by(report_notes.c.id)).mappings()
    return [_row(row) for row in rows]


def escalations_of(conn: Connection, contact_id: int | None) -> list[dict]:
    if contact_id is None:
        return []
    rows = conn.execute(select(escalations).where(escalations.c.contact_id == contact_id)
                        .order_by(escalations.c.created_at.desc())).mappings()
    return [_escalation(row) for row in rows]


# --- escalations -----------------------------------------------------------------------------

def open_escalations(conn: Connection, limit: int = 3) -> tuple[int, list[dict]]:
    """How many escalations wait for acknowledgement, and the newest few."""
    waiting = escalations.c.acknowledged_at.is_(None)
    count = conn.execute(select(func.count()).select_from(escalations).where(waiting)).scalar()
    rows = conn.execute(select(escalations).where(waiting)
                        .order_by(escalations.c.created_at.desc()).limit(limit)).mappings()
    return count, [_escalation(row) for row in rows]


def escalation_list(conn: Connection, acknowledged: bool, limit: int = 200) -> list[dict]:
    """Escalations, newest first: those waiting (acknowledged=False) or those handled."""
    e = escalations.c
    waiting = e.acknowledged_at.is_not(None) if acknowledged else e.acknowledged_at.is_(None)
    rows = conn.execute(select(escalations).where(waiting)
                        .order_by(e.created_at.desc(), e.id.desc()).limit(limit)).mappings()
    return [_escalation(row) for row in rows]


def escalation(conn: Connection, escalation_id: int) -> dict | None:
    row = conn.execute(select(escalations).where(escalations.c.id == escalation_id)
                       ).mappings().first()
    return _escalation(row) if row else None


def overruled(conn: Connection, since: datetime, limit: int = 100) -> list[dict]:
    """Messages the cues would have escalated and the model overruled (the safety check's
    none_over_weak_cues), newest first, with the resident: staff look them over in case
    one was real."""
    e, m = events.c, messages.c
    rows = conn.execute(select(e.at, e.contact_id, e.conversation_id, e.data)
                        .where(e.at >= since, e.kind == "escalation_overruled")
                        .order_by(e.at.desc(), e.id.desc()).limit(limit)).mappings().all()
    if not rows:
        return []
    ids = [row["data"].get("message_id") for row in rows]
    bodies = dict(conn.execute(select(m.id, m.body).where(
        m.id.in_([i for i in ids if isinstance(i, int)]))).all())
    residents = dict(conn.execute(select(contacts.c.id, contacts.c.address).where(
        contacts.c.id.in_({row["contact_id"] for row in rows}),
        contacts.c.channel == "sms")).all())
    return [{"at": aware(row["at"]), "conversation_id": row["conversation_id"],
             "signals": row["data"].get("signals", []), "step": row["data"].get("step"),
             "body": bodies.get(message_id), "resident": residents.get(row["contact_id"])}
            for row, message_id in zip(rows, ids, strict=True)]


def conversation_messages(conn: Connection, conversation_id: int | None,
                          contact_id: int | None) -> list[dict]:
    m = messages.c
    if conversation_id is not None:
        where = m.conversation_id == conversation_id
    elif contact_id is not None:
        where = m.contact_id == contact_id
    else:
        return []
    rows = conn.execute(select(m.id, m.direction, m.channel, m.kind, m.body, m.status,
                               m.created_at)
                        .where(where, m.channel != "webhook", m.kind != "alert")
                        .order_by(m.created_at, m.id).limit(TRANSCRIPT_MAX)).mappings()
    return [_row(row) for row in rows]


def conversation_visible(conn: Connection, conversation_id: int | None,
                         contact_id: int | None, scope: str | None) -> bool:
    """Whether a user with this scope may read the conversation: none of the reports filed
    from it (or, without a conversation, by its resident) belongs to another agency."""
    if scope is None:
        return True
    if conversation_id is not None:
        mine = r.conversation_id == conversation_id
    elif contact_id is not None:
        mine = r.contact_id == contact_id
    else:
        return True
    other = conn.execute(select(r.id).where(mine, r.agency != scope).limit(1)).first()
    return other is None


def reports_of_contact(conn: Connection, contact_id: int | None, scope: str | None) -> list[dict]:
    if contact_id is None:
        return []
    query = select(*LIST_COLUMNS).where(r.contact_id == contact_id)
    if scope is not None:
        query = query.where(r.agency == scope)
    rows = conn.execute(query.order_by(r.created_at.desc()).limit(20)).mappings()
    return [_row(row) for row in rows]


def _escalation(row) -> dict:
    item = dict(row)
    item["created_at"] = aware(item["created_at"])
    item["acknowledged_at"] = aware(item["acknowledged_at"])
    return item
