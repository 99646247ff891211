"""Consent prints: which consent version was printed for whom.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("trial_id", sa.Integer(), nullable=False),
        sa.Column("document_version", sa.String(length=40), nullable=False),
        sa.Column("draft_preview", sa.Boolean(), nullable=False),
        sa.Column("printed_by", sa.String(length=200), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f("fk_consent_prints_subject_id_subjects")),
        sa.ForeignKeyConstraint(["trial_id"], ["trials.id"], name=op.f("fk_consent_prints_trial_id_trials")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_prints")),
    )
    op.create_index(op.f("ix_consent_prints_subject_id"), "consent_prints", ["subject_id"])
    op.create_index(op.f("ix_consent_prints_trial_id"), "consent_prints", ["trial_id"])


def downgrade() -> None:
    op.drop_table("consent_prints")
