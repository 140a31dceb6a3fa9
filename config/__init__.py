"""Typed settings, Celery configuration, logging, rule packs and index mappings."""
