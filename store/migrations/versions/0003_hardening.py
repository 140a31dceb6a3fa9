"""Hardening (issue 14): one error row per refused ZIP member (file_errors.member).

Revision ID: 0003
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("file_errors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("member", sa.Integer(), nullable=True))
        batch_op.drop_constraint("uq_file_error", type_="unique")
        batch_op.create_unique_constraint("uq_file_error", ["file_id", "page", "member", "code"])


def downgrade() -> None:
    with op.batch_alter_table("file_errors", schema=None) as batch_op:
        batch_op.drop_constraint("uq_file_error", type_="unique")
        batch_op.create_unique_constraint("uq_file_error", ["file_id", "page", "code"])
        batch_op.drop_column("member")
