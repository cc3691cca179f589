"""flow editor: drafts of flows and of the routing table, published routing versions

Revision ID: 0003
Revises: 0002

The routing table becomes data in the database like the flows: config/routing.yaml is the
seed (published as version 1 by `flask --app bot db upgrade`), the newest version routes new
reports.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _ts(name, nullable=False):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        'drafts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('base_version', sa.Integer(), nullable=True),
        sa.Column('author', sa.String(length=254), nullable=True),
        _ts('created_at'),
        _ts('updated_at'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_drafts')),
        sa.UniqueConstraint('kind', 'name', name='uq_drafts_kind_name'),
    )
    op.create_table(
        'routing_versions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('author', sa.String(length=254), nullable=True),
        _ts('created_at'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_routing_versions')),
        sa.UniqueConstraint('version', name=op.f('uq_routing_versions_version')),
    )


def downgrade() -> None:
    op.drop_table('routing_versions')
    op.drop_table('drafts')
