"""Shared fixtures. Qt runs offscreen (set before any Qt import), so the tests need no display,
and the caches and the remembered settings go to throw-away folders, removed at the end of the run."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.model.loader import load_content
from app.ui.qt_process import prepare_process

prepare_process()  # the process set up as the app sets it up, before pytest-qt makes the QApplication

if TYPE_CHECKING:
    from app.model.content import Content
    from app.ui.selection import SelectionModel

_OWN_FOLDERS: list[str] = []
for _variable, _prefix in (
    ("NEURAXIS_CACHE_DIR", "neuraxis-test-cache-"),
    ("NEURAXIS_CONFIG_DIR", "neuraxis-test-config-"),
):
    if _variable not in os.environ:
        os.environ[_variable] = tempfile.mkdtemp(prefix=_prefix)
        _OWN_FOLDERS.append(os.environ[_variable])
os.environ["NEURAXIS_DATA_DIR"] = tempfile.mkdtemp(prefix="neuraxis-test-data-")  # never the user's progress
_OWN_FOLDERS.append(os.environ["NEURAXIS_DATA_DIR"])


def pytest_unconfigure() -> None:
    """The throw-away folders go when the run ends (they used to stay behind in /tmp)."""
    for folder in _OWN_FOLDERS:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture
def selection(qapp: object, content: Content) -> Iterator[SelectionModel]:
    from app.ui.selection import SelectionModel

    model = SelectionModel(content)
    yield model
    model.deleteLater()
