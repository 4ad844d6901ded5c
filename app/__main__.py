"""``python -m app`` runs the same entry point as the ``neuraxis`` command."""

from app.cli import entry

entry()
