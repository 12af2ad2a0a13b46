"""Keep the placeholder positions of redacted review-rating comments.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_rating") as batch_op:
        batch_op.add_column(sa.Column("redactions", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("review_rating") as batch_op:
        batch_op.drop_column("redactions")
