"""Optimistic concurrency: a version on every editable record (trials, users, contacts, subjects and their
facts, visits, adverse events, lab results, bedside assessments); existing rows start at version 1.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

VERSIONED_TABLES = (
    "trials",
    "users",
    "contacts",
    "subjects",
    "subject_facts",
    "visits",
    "adverse_events",
    "lab_results",
    "clinical_assessments",
)


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
