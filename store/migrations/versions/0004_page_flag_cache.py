"""Page analysis done as pages are stored (issue 16): pages.flag_cache keeps a page's evidence flags
found by the task that stored it, for the record type the page alone predicts, with the versions they
were found with; the file's analysis reuses them when the page's document has that type.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("flag_cache", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_column("flag_cache")
