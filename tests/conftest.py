"""Shared fixtures. Qt runs offscreen (set before any Qt import), so the tests need no display,
and the caches go to a throw-away folder, removed at the end of the run."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.model.loader import load_content

if TYPE_CHECKING:
    from app.model.content import Content
    from app.ui.selection import SelectionModel

_OWN_CACHE = None if "NEURAXIS_CACHE_DIR" in os.environ else tempfile.mkdtemp(prefix="neuraxis-test-cache-")
if _OWN_CACHE is not None:
    os.environ["NEURAXIS_CACHE_DIR"] = _OWN_CACHE


def pytest_unconfigure() -> None:
    """The throw-away cache folder goes when the run ends (it used to stay behind in /tmp)."""
    if _OWN_CACHE is not None:
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture
def selection(qapp: object, content: Content) -> Iterator[SelectionModel]:
    from app.ui.selection import SelectionModel

    model = SelectionModel(content)
    yield model
    model.deleteLater()
