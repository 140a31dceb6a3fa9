"""Outward interfaces: the CLI, the HTTP API and provider UI, exports and summaries."""
