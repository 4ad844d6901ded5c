"""Offline study: find the lesion, clinical cases, localisation, review."""
