"""The audit trail viewer: filters, a lazily filled table, exports and the hash chain check."""
