"""Signing in, the first administrator, the idle lock, staff accounts and electronic signatures."""
