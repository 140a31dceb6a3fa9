"""Celery app, thin tasks, and page extraction (text layer, rendering, OCR)."""
