"""Subjects screened for a trial.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
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
        "subjects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trial_id", sa.Integer(), nullable=False),
        sa.Column("screening_number", sa.String(length=40), nullable=False),
        sa.Column("subject_number", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("sex", sa.String(length=10), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("screened_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["trial_id"], ["trials.id"], name=op.f("fk_subjects_trial_id_trials")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subjects")),
        sa.UniqueConstraint("trial_id", "screening_number", name=op.f("uq_subjects_trial_id_screening_number")),
        sa.UniqueConstraint("trial_id", "subject_number", name=op.f("uq_subjects_trial_id_subject_number")),
    )
    op.create_index(op.f("ix_subjects_trial_id"), "subjects", ["trial_id"])
    op.create_index(op.f("ix_subjects_status"), "subjects", ["status"])


def downgrade() -> None:
    op.drop_table("subjects")
