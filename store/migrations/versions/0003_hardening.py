"""Hardening (issue 14): one error row per refused ZIP member (file_errors.member); accounts that can be
disabled (users.disabled_at), tokens that can be revoked (api_tokens.revoked_at); log-in attempts counted
per client address and per account (login_throttle).

Revision ID: 0003
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=96), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("next_allowed", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("disabled_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("file_errors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("member", sa.Integer(), nullable=True))
        batch_op.drop_constraint("uq_file_error", type_="unique")
        batch_op.create_unique_constraint("uq_file_error", ["file_id", "page", "member", "code"])


def downgrade() -> None:
    with op.batch_alter_table("file_errors", schema=None) as batch_op:
        batch_op.drop_constraint("uq_file_error", type_="unique")
        batch_op.create_unique_constraint("uq_file_error", ["file_id", "page", "code"])
        batch_op.drop_column("member")
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("disabled_at")
    op.drop_table("login_throttle")
