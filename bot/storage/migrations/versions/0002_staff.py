"""staff console: users, audit log, notes, routing history, queue and search indexes

Revision ID: 0002
Revises: 0001

Search differs per database:
- SQLite: an external-content FTS5 table reports_fts over reports(description, location_text),
  kept current by triggers. A later batch ("move and copy") migration of `reports` drops
  these triggers and must create them again (see _create_sqlite_search).
- PostgreSQL: a stored generated column reports.search_vector, to_tsvector('simple',
  description || ' ' || location_text), with a GIN index. It is not in tables.py (SQLite
  has no such column), so autogenerate will offer to drop it: keep it.
The last four digits of a phone are found through expression indexes whose text must match
bot.staff.queries exactly: substr(x, -4) on SQLite, right(x, 4) on PostgreSQL.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _ts(name, nullable=False):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        'users',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('password_hash', sa.String(length=255), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('agency', sa.String(length=32), nullable=True),
        sa.Column('active', sa.Boolean(), nullable=False),
        _ts('created_at'),
        _ts('last_login_at', nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
        sa.UniqueConstraint('email', name=op.f('uq_users_email')),
    )
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer(), nullable=False),
        _ts('at'),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('actor', sa.String(length=254), nullable=False),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('target', sa.String(length=80), nullable=True),
        sa.Column('report_id', sa.Integer(), nullable=True),
        sa.Column('before', sa.JSON(), nullable=True),
        sa.Column('after', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_audit_log_user_id_users')),
        sa.ForeignKeyConstraint(['report_id'], ['reports.id'],
                                name=op.f('fk_audit_log_report_id_reports')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    )
    op.create_index('ix_audit_log_at', 'audit_log', ['at'])
    op.create_index(op.f('ix_audit_log_report_id'), 'audit_log', ['report_id'])

    op.create_table(
        'report_notes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('author', sa.String(length=254), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        _ts('created_at'),
        sa.ForeignKeyConstraint(['report_id'], ['reports.id'],
                                name=op.f('fk_report_notes_report_id_reports')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_report_notes_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_notes')),
    )
    op.create_index(op.f('ix_report_notes_report_id'), 'report_notes', ['report_id'])

    op.create_table(
        'report_routes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=False),
        sa.Column('from_agency', sa.String(length=32), nullable=True),
        sa.Column('to_agency', sa.String(length=32), nullable=False),
        sa.Column('actor', sa.String(length=254), nullable=False),
        sa.Column('reason', sa.Text(), nullable=True),
        _ts('at'),
        sa.ForeignKeyConstraint(['report_id'], ['reports.id'],
                                name=op.f('fk_report_routes_report_id_reports')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_routes')),
    )
    op.create_index(op.f('ix_report_routes_report_id'), 'report_routes', ['report_id'])

    op.create_index('ix_reports_created_id', 'reports', ['created_at', 'id'])
    op.create_index('ix_reports_agency_created_id', 'reports', ['agency', 'created_at', 'id'])
    op.create_index('ix_reports_type_created_id', 'reports',
                    ['type', 'subtype', 'created_at', 'id'])
    op.create_index('ix_reports_status_created_id', 'reports', ['status', 'created_at', 'id'])

    if op.get_bind().dialect.name == 'postgresql':
        _create_postgresql_search()
    else:
        _create_sqlite_search()


def _create_sqlite_search() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE reports_fts USING fts5("
        "description, location_text, content='reports', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER reports_fts_ai AFTER INSERT ON reports BEGIN "
        "INSERT INTO reports_fts(rowid, description, location_text) "
        "VALUES (new.id, new.description, new.location_text); END"
    )
    op.execute(
        "CREATE TRIGGER reports_fts_ad AFTER DELETE ON reports BEGIN "
        "INSERT INTO reports_fts(reports_fts, rowid, description, location_text) "
        "VALUES ('delete', old.id, old.description, old.location_text); END"
    )
    op.execute(
        "CREATE TRIGGER reports_fts_au AFTER UPDATE OF description, location_text ON reports "
        "BEGIN "
        "INSERT INTO reports_fts(reports_fts, rowid, description, location_text) "
        "VALUES ('delete', old.id, old.description, old.location_text); "
        "INSERT INTO reports_fts(rowid, description, location_text) "
        "VALUES (new.id, new.description, new.location_text); END"
    )
    op.execute("INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')")
    op.execute("CREATE INDEX ix_reports_phone_last4 ON reports (substr(contact_phone, -4))")
    op.execute("CREATE INDEX ix_contacts_address_last4 ON contacts (substr(address, -4))")


def _create_postgresql_search() -> None:
    # Stored, so a newest-first scan checks each row without re-parsing its text; the
    # larger statistics target lets the planner tell rare words (use the GIN index) from
    # common ones (walk the primary key backwards).
    op.execute(
        "ALTER TABLE reports ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', coalesce(description, '') || ' ' || "
        "coalesce(location_text, ''))) STORED"
    )
    op.execute("ALTER TABLE reports ALTER COLUMN search_vector SET STATISTICS 1000")
    op.execute("CREATE INDEX ix_reports_search ON reports USING gin (search_vector)")
    op.execute("CREATE INDEX ix_reports_phone_last4 ON reports (right(contact_phone, 4))")
    op.execute("CREATE INDEX ix_contacts_address_last4 ON contacts (right(address, 4))")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP INDEX ix_reports_search")
        op.execute("ALTER TABLE reports DROP COLUMN search_vector")
    else:
        for trigger in ('reports_fts_ai', 'reports_fts_ad', 'reports_fts_au'):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE reports_fts")
    op.execute("DROP INDEX ix_reports_phone_last4")
    op.execute("DROP INDEX ix_contacts_address_last4")
    op.drop_index('ix_reports_status_created_id', table_name='reports')
    op.drop_index('ix_reports_type_created_id', table_name='reports')
    op.drop_index('ix_reports_agency_created_id', table_name='reports')
    op.drop_index('ix_reports_created_id', table_name='reports')
    op.drop_index(op.f('ix_report_routes_report_id'), table_name='report_routes')
    op.drop_table('report_routes')
    op.drop_index(op.f('ix_report_notes_report_id'), table_name='report_notes')
    op.drop_table('report_notes')
    op.drop_index(op.f('ix_audit_log_report_id'), table_name='audit_log')
    op.drop_index('ix_audit_log_at', table_name='audit_log')
    op.drop_table('audit_log')
    op.drop_table('users')
