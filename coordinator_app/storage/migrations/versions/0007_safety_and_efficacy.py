"""Safety and efficacy records: adverse events and their SAE reports, lab results in SI units, bedside
assessments for the liver scores, and the scores with the inputs they came from.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "adverse_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=200), nullable=False),
        sa.Column("onset_date", sa.Date(), nullable=False),
        sa.Column("resolution_date", sa.Date(), nullable=True),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("serious", sa.Boolean(), nullable=False),
        sa.Column("seriousness_criteria", sa.String(length=200), nullable=False),
        sa.Column("relationship", sa.String(length=20), nullable=False),
        sa.Column("expected", sa.Boolean(), nullable=False),
        sa.Column("action_taken", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("visit_code", sa.String(length=20), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("aware_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f("fk_adverse_events_subject_id_subjects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adverse_events")),
    )
    op.create_index(op.f("ix_adverse_events_subject_id"), "adverse_events", ["subject_id"])
    op.create_table(
        "clinical_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("visit_code", sa.String(length=20), nullable=True),
        sa.Column("ascites", sa.String(length=20), nullable=False),
        sa.Column("encephalopathy", sa.String(length=20), nullable=False),
        sa.Column("dialysis_twice_last_week", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["subjects.id"], name=op.f("fk_clinical_assessments_subject_id_subjects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinical_assessments")),
        sa.UniqueConstraint("subject_id", "assessed_on", name=op.f("uq_clinical_assessments_subject_id_assessed_on")),
    )
    op.create_index(op.f("ix_clinical_assessments_subject_id"), "clinical_assessments", ["subject_id"])
    op.create_table(
        "lab_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("visit_code", sa.String(length=20), nullable=True),
        sa.Column("sample_date", sa.Date(), nullable=False),
        sa.Column("analyte", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=40), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("entered_value", sa.String(length=40), nullable=False),
        sa.Column("entered_unit", sa.String(length=20), nullable=False),
        sa.Column("normal_low", sa.String(length=40), nullable=True),
        sa.Column("normal_high", sa.String(length=40), nullable=True),
        sa.Column("flag", sa.String(length=2), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f("fk_lab_results_subject_id_subjects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_results")),
        sa.UniqueConstraint(
            "subject_id", "sample_date", "analyte", name=op.f("uq_lab_results_subject_id_sample_date_analyte")
        ),
    )
    op.create_index(op.f("ix_lab_results_subject_id"), "lab_results", ["subject_id"])
    op.create_table(
        "liver_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("sample_date", sa.Date(), nullable=False),
        sa.Column("visit_code", sa.String(length=20), nullable=True),
        sa.Column("meld", sa.Integer(), nullable=True),
        sa.Column("meld_na", sa.Integer(), nullable=True),
        sa.Column("meld3", sa.Integer(), nullable=True),
        sa.Column("child_pugh_score", sa.Integer(), nullable=True),
        sa.Column("child_pugh_class", sa.String(length=1), nullable=True),
        sa.Column("inputs_json", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f("fk_liver_scores_subject_id_subjects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_liver_scores")),
        sa.UniqueConstraint("subject_id", "sample_date", name=op.f("uq_liver_scores_subject_id_sample_date")),
    )
    op.create_index(op.f("ix_liver_scores_subject_id"), "liver_scores", ["subject_id"])
    op.create_table(
        "sae_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("adverse_event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported_to", sa.String(length=200), nullable=False),
        sa.Column("method", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["adverse_event_id"], ["adverse_events.id"], name=op.f("fk_sae_reports_adverse_event_id_adverse_events")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sae_reports")),
    )
    op.create_index(op.f("ix_sae_reports_adverse_event_id"), "sae_reports", ["adverse_event_id"])


def downgrade() -> None:
    for table in ("sae_reports", "liver_scores", "lab_results", "clinical_assessments", "adverse_events"):
        op.drop_table(table)
