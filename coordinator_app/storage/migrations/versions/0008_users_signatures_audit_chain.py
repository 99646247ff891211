"""Trustworthy records: staff accounts and the access log, electronic signatures, and an audit trail that
the database keeps append-only (triggers) and that carries a hash chain; existing audit rows are chained
in their id order.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from alembic import op

from coordinator_app.storage.audit_chain import GENESIS_HASH, HASHED_FIELDS, row_hash
from coordinator_app.storage.types import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

APPEND_ONLY_MESSAGE = "audit_log is append-only: its rows cannot be changed or removed"


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "sign_in_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_events")),
    )
    op.create_index(op.f("ix_sign_in_events_username"), "sign_in_events", ["username"])
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=100), nullable=False),
        sa.Column("record_id", sa.String(length=100), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("meaning", sa.String(length=40), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f("fk_signatures_subject_id_subjects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatures")),
    )
    op.create_index(op.f("ix_signatures_subject_id"), "signatures", ["subject_id"])
    op.create_index("ix_signatures_record", "signatures", ["table_name", "record_id"])

    recreate: Literal["always", "auto"] = "always" if op.get_bind().dialect.name == "sqlite" else "auto"
    with op.batch_alter_table("audit_log", recreate=recreate, table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("occurred_local", sa.String(length=40), nullable=False, server_default=""))
        batch.add_column(sa.Column("subject_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("previous_hash", sa.String(length=64), nullable=False, server_default=""))
        batch.add_column(sa.Column("row_hash", sa.String(length=64), nullable=False, server_default=""))
    _chain_existing_rows()
    with op.batch_alter_table("audit_log", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.alter_column("occurred_local", server_default=None)
        batch.alter_column("previous_hash", server_default=None)
        batch.alter_column("row_hash", server_default=None)
        batch.create_index("ix_audit_log_subject_id", ["subject_id"])
        batch.create_index("ix_audit_log_actor", ["actor"])
        batch.create_index("ix_audit_log_occurred_at", ["occurred_at"])
    _create_append_only_triggers()


def _chain_existing_rows() -> None:
    """Rows written before the chain existed get their local time (UTC: the desktop's zone was not kept)
    and their hashes, in id order."""
    audit = sa.table(
        "audit_log",
        *(sa.column(name, UTCDateTime() if name == "occurred_at" else None) for name in HASHED_FIELDS),
        sa.column("previous_hash"),
        sa.column("row_hash"),
    )
    connection = op.get_bind()
    previous = GENESIS_HASH
    rows = connection.execute(sa.select(audit).order_by(audit.c.id)).mappings().all()
    for row in rows:
        values = {**row, "occurred_local": row["occurred_at"].isoformat(timespec="seconds")}
        digest = row_hash(previous, values)
        connection.execute(
            sa.update(audit)
            .where(audit.c.id == row["id"])
            .values(occurred_local=values["occurred_local"], previous_hash=previous, row_hash=digest)
        )
        previous = digest


def _create_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )
        return
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{action.lower()} BEFORE {action} ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    else:
        op.execute("DROP TRIGGER audit_log_no_update")
        op.execute("DROP TRIGGER audit_log_no_delete")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_index("ix_audit_log_occurred_at")
        batch.drop_index("ix_audit_log_actor")
        batch.drop_index("ix_audit_log_subject_id")
        batch.drop_column("row_hash")
        batch.drop_column("previous_hash")
        batch.drop_column("subject_id")
        batch.drop_column("occurred_local")
    op.drop_table("signatures")
    op.drop_table("sign_in_events")
    op.drop_table("users")
