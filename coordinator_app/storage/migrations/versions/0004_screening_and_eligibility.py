"""Screening: subject names split, identity number, status dates and reasons; facts, consents, sign-offs;
trial numbering; the reason for a change in the audit log.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("trials") as batch:
        batch.add_column(sa.Column("screening_prefix", sa.String(length=20), nullable=False, server_default="SCR-"))
        batch.add_column(sa.Column("subject_prefix", sa.String(length=20), nullable=False, server_default="SUB-"))
        batch.add_column(sa.Column("number_digits", sa.Integer(), nullable=False, server_default="3"))
    with op.batch_alter_table("trials") as batch:  # defaults belong to the model, not the schema
        batch.alter_column("screening_prefix", server_default=None)
        batch.alter_column("subject_prefix", server_default=None)
        batch.alter_column("number_digits", server_default=None)

    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("reason", sa.Text(), nullable=True))

    with op.batch_alter_table("subjects") as batch:
        batch.add_column(sa.Column("family_name", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("given_name", sa.String(length=100), nullable=False, server_default=""))
        batch.add_column(sa.Column("identity_number", sa.String(length=18), nullable=True))
        batch.add_column(sa.Column("assessment_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("enrolled_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("enrolment_override_reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("status_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("status_reason", sa.Text(), nullable=False, server_default=""))
    # Earlier versions kept one name field: it becomes the family name, nothing is lost.
    op.execute("UPDATE subjects SET family_name = full_name, assessment_date = screened_on")
    with op.batch_alter_table("subjects") as batch:
        batch.alter_column("family_name", existing_type=sa.String(length=100), nullable=False)
        batch.alter_column("assessment_date", existing_type=sa.Date(), nullable=False)
        batch.alter_column("given_name", server_default=None)
        batch.alter_column("enrolment_override_reason", server_default=None)
        batch.alter_column("status_reason", server_default=None)
        batch.drop_column("full_name")

    op.create_table(
        "subject_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.Column("source_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f("fk_subject_facts_subject_id_subjects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subject_facts")),
        sa.UniqueConstraint("subject_id", "name", name=op.f("uq_subject_facts_subject_id_name")),
    )
    op.create_index(op.f("ix_subject_facts_subject_id"), "subject_facts", ["subject_id"])
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("document_version", sa.String(length=40), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("obtained_by", sa.String(length=200), nullable=False),
        sa.Column("copy_given", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f("fk_consents_subject_id_subjects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    op.create_index(op.f("ix_consents_subject_id"), "consents", ["subject_id"])
    op.create_table(
        "eligibility_signoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("assessment_date", sa.Date(), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("failing", sa.Text(), nullable=False),
        sa.Column("facts_digest", sa.String(length=64), nullable=False),
        sa.Column("signed_by", sa.String(length=200), nullable=False),
        sa.Column("meaning", sa.String(length=100), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("superseded_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["subjects.id"], name=op.f("fk_eligibility_signoffs_subject_id_subjects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_eligibility_signoffs")),
    )
    op.create_index(op.f("ix_eligibility_signoffs_subject_id"), "eligibility_signoffs", ["subject_id"])


def downgrade() -> None:
    op.drop_table("eligibility_signoffs")
    op.drop_table("consents")
    op.drop_table("subject_facts")
    with op.batch_alter_table("subjects") as batch:
        batch.add_column(sa.Column("full_name", sa.String(length=200), nullable=False, server_default=""))
    op.execute("UPDATE subjects SET full_name = family_name || given_name")
    with op.batch_alter_table("subjects") as batch:
        for column in (
            "family_name",
            "given_name",
            "identity_number",
            "assessment_date",
            "enrolled_on",
            "enrolment_override_reason",
            "status_date",
            "status_reason",
        ):
            batch.drop_column(column)
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("reason")
    with op.batch_alter_table("trials") as batch:
        batch.drop_column("number_digits")
        batch.drop_column("subject_prefix")
        batch.drop_column("screening_prefix")
