"""The migrations build the schema tables.py describes, on SQLite and PostgreSQL."""

import warnings

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from bot.storage.migrate import upgrade
from bot.storage.tables import metadata

# Made by hand in the migrations, outside tables.py: search (SQLite's FTS tables,
# PostgreSQL's tsvector column and its index) and indexes on expressions.
HAND_MADE = {"ix_contacts_address_last4", "ix_reports_phone_last4", "ix_reports_search",
             "search_vector"}


def _ours(diff) -> bool:
    kind, item = diff[0], diff[-1] if diff[0] == "remove_column" else diff[1]
    return not (item.name in HAND_MADE
                or kind == "remove_table" and item.name.startswith("reports_fts"))


def test_the_migrated_schema_matches_the_tables(db_url):
    upgrade(db_url)
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # expression indexes are not reflected
            diffs = [d for d in compare_metadata(MigrationContext.configure(conn), metadata)
                     if _ours(d)]
            partial = {i["name"]: str(i["dialect_options"].get(f"{conn.dialect.name}_where"))
                       for table in ("messages", "events")
                       for i in inspect(conn).get_indexes(table)}
    finally:
        engine.dispose()
    assert diffs == []
    # rows without a value stay out of these two (a turn writes fewer index pages)
    assert "reply_to_id IS NOT NULL" in partial["ix_messages_reply_to_id"]
    assert "report_id IS NOT NULL" in partial["ix_events_report_id"]
