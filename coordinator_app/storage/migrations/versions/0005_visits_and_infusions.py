"""Visits (bookings, actual dates, status), deviations, pre-infusion safety checks, infusion records, site settings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _subject_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f(f"fk_{table}_subject_id_subjects"))


def upgrade() -> None:
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=True),
        sa.Column("actual_on", sa.Date(), nullable=True),
        sa.Column("scheduled_on", sa.Date(), nullable=False),
        sa.Column("window_start", sa.Date(), nullable=False),
        sa.Column("window_end", sa.Date(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        _subject_fk("visits"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint("subject_id", "code", name=op.f("uq_visits_subject_id_code")),
    )
    op.create_index(op.f("ix_visits_subject_id"), "visits", ["subject_id"])
    op.create_index(op.f("ix_visits_scheduled_on"), "visits", ["scheduled_on"])
    op.create_index(op.f("ix_visits_window_end"), "visits", ["window_end"])
    op.create_table(
        "deviations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("visit_code", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        _subject_fk("deviations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deviations")),
    )
    op.create_index(op.f("ix_deviations_subject_id"), "deviations", ["subject_id"])
    op.create_table(
        "safety_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("visit_code", sa.String(length=20), nullable=False),
        sa.Column("active_infection", sa.Boolean(), nullable=False),
        sa.Column("spontaneous_peritonitis", sa.Boolean(), nullable=False),
        sa.Column("gi_bleeding_last_4_weeks", sa.Boolean(), nullable=False),
        sa.Column("investigator_clearance", sa.Boolean(), nullable=False),
        sa.Column("investigator", sa.String(length=200), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        _subject_fk("safety_checks"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_checks")),
    )
    op.create_index(op.f("ix_safety_checks_subject_id"), "safety_checks", ["subject_id"])
    op.create_table(
        "infusion_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("visit_code", sa.String(length=20), nullable=False),
        sa.Column("product_lot", sa.String(length=100), nullable=False),
        sa.Column("release_certificate", sa.String(length=100), nullable=False),
        sa.Column("cells_per_dose", sa.String(length=40), nullable=False),
        sa.Column("viability_release_percent", sa.String(length=20), nullable=False),
        sa.Column("viability_bedside_percent", sa.String(length=20), nullable=False),
        sa.Column("prepared_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("infusion_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("infusion_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("volume_ml", sa.String(length=20), nullable=False),
        sa.Column("rate_ml_per_hour", sa.String(length=20), nullable=False),
        sa.Column("transport_temperature_c", sa.String(length=20), nullable=False),
        sa.Column("vital_signs_json", sa.Text(), nullable=False),
        sa.Column("immediate_reactions", sa.Text(), nullable=False),
        sa.Column("administered_by", sa.String(length=200), nullable=False),
        sa.Column("checked_by", sa.String(length=200), nullable=False),
        _subject_fk("infusion_records"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_infusion_records")),
        sa.UniqueConstraint("subject_id", "visit_code", name=op.f("uq_infusion_records_subject_id_visit_code")),
    )
    op.create_index(op.f("ix_infusion_records_subject_id"), "infusion_records", ["subject_id"])
    op.create_table(
        "site_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_site_settings")),
    )


def downgrade() -> None:
    for table in ("site_settings", "infusion_records", "safety_checks", "deviations", "visits"):
        op.drop_table(table)
