"""For large sites: subject summaries, each subject's derived verdict and pinyin initials, so the subject list of
a large trial is one indexed query (created empty: the app fills them as lists read them, services/
subject_summaries.py); and each visit's trial, so that a trial's calendar and overdue visits are one index range
whatever the number of trials, with an index for the day's infusions by code (the site's capacity).

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
    op.add_column("visits", sa.Column("trial_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE visits SET trial_id = (SELECT subjects.trial_id FROM subjects WHERE subjects.id = visits.subject_id)"
    )
    with op.batch_alter_table("visits") as batch:
        batch.alter_column("trial_id", existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key(op.f("fk_visits_trial_id_trials"), "trials", ["trial_id"], ["id"])
    op.create_index("ix_visits_trial_id_scheduled_on", "visits", ["trial_id", "scheduled_on"])
    op.create_index("ix_visits_trial_id_status_window_end", "visits", ["trial_id", "status", "window_end"])
    op.create_index("ix_visits_code_scheduled_on", "visits", ["code", "scheduled_on"])


def downgrade() -> None:
    op.drop_index("ix_visits_code_scheduled_on", "visits")
    op.drop_index("ix_visits_trial_id_status_window_end", "visits")
    op.drop_index("ix_visits_trial_id_scheduled_on", "visits")
    with op.batch_alter_table("visits") as batch:
        batch.drop_constraint(op.f("fk_visits_trial_id_trials"), type_="foreignkey")
        batch.drop_column("trial_id")
    op.drop_table("subject_summaries")
