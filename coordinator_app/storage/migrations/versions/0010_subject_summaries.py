"""Subject summaries: each subject's derived verdict and pinyin initials, so the subject list of a large trial is
one indexed query (created empty: the app fills it as lists read it, services/subject_summaries.py). Two indexes on
visits for the calendar of a large site: infusions by code and day (capacity), scheduled visits by window end
(overdue).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subject_summaries",
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("protocol_sha256", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("initials", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f("fk_subject_summaries_subject_id_subjects")),
        sa.PrimaryKeyConstraint("subject_id", name=op.f("pk_subject_summaries")),
    )
    op.create_index("ix_visits_code_scheduled_on", "visits", ["code", "scheduled_on"])
    op.create_index("ix_visits_status_window_end", "visits", ["status", "window_end"])


def downgrade() -> None:
    op.drop_index("ix_visits_status_window_end", "visits")
    op.drop_index("ix_visits_code_scheduled_on", "visits")
    op.drop_table("subject_summaries")
