"""Documents dated with precision and source; encounters; flags with every span and two dates.

Additive: new nullable columns and a new table, so a first-release database keeps every row.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('encounters',
    sa.Column('encounter_id', sa.String(length=64), nullable=False),
    sa.Column('claim_id', sa.String(length=128), nullable=False),
    sa.Column('file_id', sa.String(length=64), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('first_page', sa.Integer(), nullable=False),
    sa.Column('last_page', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('date_source_page', sa.Integer(), nullable=True),
    sa.Column('date_source_line', sa.Integer(), nullable=True),
    sa.Column('date_source_role', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=128), nullable=False),
    sa.Column('provider', sa.String(length=256), nullable=True),
    sa.Column('facility', sa.String(length=256), nullable=True),
    sa.Column('in_service', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['file_id'], ['files.file_id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('encounter_id')
    )
    with op.batch_alter_table('encounters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_encounters_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_encounters_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_encounters_file_id'), ['file_id'], unique=False)

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('date_precision', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('date_source_page', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('date_source_line', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('date_source_role', sa.String(length=64), nullable=True))

    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('spans', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('encounter_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('record_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('record_date_precision', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('event_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('event_date_precision', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('source', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('score', sa.Float(), nullable=True))
        batch_op.create_index(batch_op.f('ix_flags_encounter_id'), ['encounter_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flags_encounter_id'))
        batch_op.drop_column('score')
        batch_op.drop_column('source')
        batch_op.drop_column('event_date_precision')
        batch_op.drop_column('event_date')
        batch_op.drop_column('record_date_precision')
        batch_op.drop_column('record_date')
        batch_op.drop_column('encounter_id')
        batch_op.drop_column('spans')

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('date_source_role')
        batch_op.drop_column('date_source_line')
        batch_op.drop_column('date_source_page')
        batch_op.drop_column('date_precision')

    with op.batch_alter_table('encounters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_encounters_file_id'))
        batch_op.drop_index(batch_op.f('ix_encounters_document_id'))
        batch_op.drop_index(batch_op.f('ix_encounters_claim_id'))

    op.drop_table('encounters')
