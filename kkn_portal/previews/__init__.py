"""Shared previews: a signed, expiring, revocable link to one draft article or event."""
