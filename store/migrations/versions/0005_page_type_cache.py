"""Segmentation's per-page work done as pages are stored (issue 16): pages.type_cache keeps a page's
features and its own type prediction as the task that stored it computed them, with the version they
were computed with; the file's analysis reuses them instead of computing them again.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("type_cache", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_column("type_cache")
