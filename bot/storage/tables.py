"""The database schema, as SQLAlchemy Core tables (the hot path uses Core, not the ORM)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _ts(name: str, nullable: bool = False) -> Column:
    return Column(name, DateTime(timezone=True), nullable=nullable)


# A resident, by channel and address (an E.164 number for SMS, a session id for web chat).
contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(16), nullable=False),
    Column("address", String(64), nullable=False),
    Column("language", String(8), nullable=False, default="en"),
    Column("opted_out", Boolean, nullable=False, default=False),
    _ts("opted_out_at", nullable=True),
    Column("conversation_id", Integer, nullable=True),  # the current conversation
    _ts("created_at"),
    UniqueConstraint("channel", "address", name="uq_contacts_channel_address"),
)

# One walk through the flows, pinned to the flow version it started on.
conversations = Table(
    "conversations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("contact_id", Integer, ForeignKey("contacts.id"), nullable=False, index=True),
    Column("channel", String(16), nullable=False),
    Column("flow", String(40), nullable=False),
    Column("flow_version", Integer, nullable=False),
    Column("state", String(60), nullable=False),
    Column("status", String(16), nullable=False, default="active"),
    Column("data", JSON, nullable=False, default=dict),  # answers, history, misses
    _ts("started_at"),
    _ts("updated_at"),
)

messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("contact_id", Integer, ForeignKey("contacts.id"), nullable=True, index=True),
    Column("conversation_id", Integer, ForeignKey("conversations.id"), nullable=True, index=True),
    Column("direction", String(4), nullable=False),  # in | out
    Column("channel", String(16), nullable=False),  # sms | chat | webhook
    Column("kind", String(16), nullable=False, default="reply"),  # reply | notice | alert | staff
    Column("address", String(512), nullable=True),  # recipient of an outbound message
    Column("body", Text, nullable=False, default=""),
    Column("provider_sid", String(64), nullable=True),
    Column("reply_to_id", Integer, ForeignKey("messages.id"), nullable=True),
    Column("status", String(24), nullable=False),
    Column("error", String(255), nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
    _ts("created_at"),
    _ts("updated_at", nullable=True),
    UniqueConstraint("channel", "provider_sid", name="uq_messages_channel_provider_sid"),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String(16), nullable=False, unique=True),
    Column("conversation_id", Integer, ForeignKey("conversations.id"), nullable=True),
    Column("contact_id", Integer, ForeignKey("contacts.id"), nullable=True, index=True),
    Column("type", String(32), nullable=False),
    Column("subtype", String(48), nullable=True),
    Column("agency", String(32), nullable=False),
    Column("status", String(16), nullable=False, default="new"),
    Column("language", String(8), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("location_text", Text, nullable=True),
    Column("location", Text, nullable=True),  # normalized
    _ts("occurred_at", nullable=True),
    Column("occurred_text", String(200), nullable=True),
    Column("description", Text, nullable=True),
    Column("contact_phone", String(20), nullable=True),
    Column("answers", JSON, nullable=False, default=dict),
    Column("routing", JSON, nullable=False, default=dict),  # agency entry as routed
    _ts("created_at"),
    _ts("updated_at"),
    Index("ix_reports_agency_status_created", "agency", "status", "created_at"),
    Index("ix_reports_created", "created_at"),
)

attachments = Table(
    "attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", Integer, ForeignKey("conversations.id"), nullable=True, index=True),
    Column("report_id", Integer, ForeignKey("reports.id"), nullable=True, index=True),
    Column("message_id", Integer, ForeignKey("messages.id"), nullable=True),
    Column("url", Text, nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("size", Integer, nullable=True),
    Column("stored_path", Text, nullable=True),
    _ts("created_at"),
)

escalations = Table(
    "escalations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("level", String(16), nullable=False),
    Column("signals", JSON, nullable=False, default=list),
    Column("body", Text, nullable=False),
    Column("language", String(8), nullable=True),
    Column("contact_id", Integer, ForeignKey("contacts.id"), nullable=True, index=True),
    Column("conversation_id", Integer, ForeignKey("conversations.id"), nullable=True),
    Column("message_id", Integer, ForeignKey("messages.id"), nullable=True),
    Column("step", String(60), nullable=True),
    Column("location", Text, nullable=True),
    _ts("created_at"),
    _ts("acknowledged_at", nullable=True),
    Column("acknowledged_by", String(120), nullable=True),
    Column("note", Text, nullable=True),
    Index("ix_escalations_ack_created", "acknowledged_at", "created_at"),
)

# Immutable published flow versions; the files in flows/ are the seed.
flow_versions = Table(
    "flow_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("flow", String(40), nullable=False),
    Column("version", Integer, nullable=False),
    Column("source", Text, nullable=False),  # YAML as published
    Column("digest", String(64), nullable=False),
    Column("author", String(120), nullable=True),
    _ts("created_at"),
    UniqueConstraint("flow", "version", name="uq_flow_versions_flow_version"),
)

# Append-only log: every step entered, answer, submit, escalation, command, staff action.
events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    _ts("at"),
    Column("kind", String(40), nullable=False),
    Column("contact_id", Integer, nullable=True),
    Column("conversation_id", Integer, nullable=True, index=True),
    Column("report_id", Integer, nullable=True),
    Column("actor", String(120), nullable=True),
    Column("data", JSON, nullable=False, default=dict),
    Index("ix_events_at_kind", "at", "kind"),  # new rows land at one end (see 0004)
)


# --- Staff console (migration 0002) ----------------------------------------------------------
# Dialect-specific search structures live only in the migration: on SQLite an FTS5 table
# (reports_fts) kept by triggers, on PostgreSQL a generated tsvector column
# reports.search_vector with a GIN index;
# on both, expression indexes on the last four digits of reports.contact_phone and
# contacts.address.

# People who use the console. role: staff (one agency), supervisor, admin.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),
    Column("agency", String(32), nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    _ts("created_at"),
    _ts("last_login_at", nullable=True),
)

# Every staff action: who, what, when, and the values before and after.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    _ts("at"),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("actor", String(254), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(80), nullable=True),  # e.g. "report:12", "escalation:3", "user:5"
    Column("report_id", Integer, ForeignKey("reports.id"), nullable=True, index=True),
    Column("before", JSON, nullable=True),
    Column("after", JSON, nullable=True),
    Index("ix_audit_log_at", "at"),
)

# Internal notes on a report; never sent to the resident.
report_notes = Table(
    "report_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id"), nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("author", String(254), nullable=False),
    Column("body", Text, nullable=False),
    _ts("created_at"),
)

# Routing history: each reassignment from one agency to another.
report_routes = Table(
    "report_routes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id"), nullable=False, index=True),
    Column("from_agency", String(32), nullable=True),
    Column("to_agency", String(32), nullable=False),
    Column("actor", String(254), nullable=False),
    Column("reason", Text, nullable=True),
    _ts("at"),
)

# Partial indexes: most rows have no value here (inbound messages answer nothing, most
# events concern no report), and leaving them out spares every turn two index pages.
Index("ix_messages_reply_to_id", messages.c.reply_to_id,
      sqlite_where=messages.c.reply_to_id.isnot(None),
      postgresql_where=messages.c.reply_to_id.isnot(None))
Index("ix_events_report_id", events.c.report_id,
      sqlite_where=events.c.report_id.isnot(None),
      postgresql_where=events.c.report_id.isnot(None))

# The queue, newest first (keyset pages): overall, per agency, per type and per status.
Index("ix_reports_created_id", reports.c.created_at, reports.c.id)
Index("ix_reports_agency_created_id", reports.c.agency, reports.c.created_at, reports.c.id)
Index("ix_reports_type_created_id", reports.c.type, reports.c.subtype, reports.c.created_at,
      reports.c.id)
Index("ix_reports_status_created_id", reports.c.status, reports.c.created_at, reports.c.id)


# --- Flow editor (migration 0003) ------------------------------------------------------------

# Work in progress of an administrator: one draft per flow (kind "flow", name = the flow) and
# one for the routing table (kind "routing", name "routing"). Publishing turns it into a version.
drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),  # flow | routing
    Column("name", String(40), nullable=False),
    Column("source", Text, nullable=False),  # YAML as typed
    Column("base_version", Integer, nullable=True),  # the version it was started from
    Column("author", String(254), nullable=True),
    _ts("created_at"),
    _ts("updated_at"),
    UniqueConstraint("kind", "name", name="uq_drafts_kind_name"),
)

# Immutable published routing tables (type/subtype -> agency); config/routing.yaml is the seed.
routing_versions = Table(
    "routing_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("author", String(254), nullable=True),
    _ts("created_at"),
)
