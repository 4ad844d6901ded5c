"""Shared fixtures. Qt runs offscreen (set before any Qt import), so the tests need no display,
and the diagram geometry cache and the remembered settings go to throw-away folders."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NEURAXIS_CACHE_DIR", tempfile.mkdtemp(prefix="neuraxis-test-cache-"))
os.environ.setdefault("NEURAXIS_CONFIG_DIR", tempfile.mkdtemp(prefix="neuraxis-test-config-"))

import pytest

from app.model.loader import load_content

if TYPE_CHECKING:
    from app.model.content import Content
    from app.ui.selection import SelectionModel


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture
def selection(qapp: object, content: Content) -> Iterator[SelectionModel]:
    from app.ui.selection import SelectionModel

    model = SelectionModel(content)
    yield model
    model.deleteLater()
