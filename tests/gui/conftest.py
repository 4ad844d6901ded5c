"""Fixtures for the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.ui import theme


@pytest.fixture(autouse=True, scope="module")
def _themed(qapp: QApplication) -> Iterator[None]:
    """The app's real font and style sheet, so sizes and wrapping are what students see; put back
    after each module."""
    font, sheet = qapp.font(), qapp.styleSheet()
    theme.apply(qapp)
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)
