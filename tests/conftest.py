"""Shared fixtures. Qt runs offscreen (set before any Qt import), so the tests need no display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ctypes
import sys
from typing import TYPE_CHECKING

import pytest

from app.model.loader import load_content

if TYPE_CHECKING:
    from app.model.content import Content
    from app.ui.selection import SelectionModel

if sys.version_info < (3, 12):
    # PySide6 6.12.0 (abi3 wheel) on CPython 3.11 returns None from void calls and True from
    # Signal.emit() without taking a reference; after a few thousand Qt calls the interpreter
    # aborts ("none_dealloc" / "bool_dealloc"). CPython 3.12+ makes these objects immortal;
    # here we give them a reference count they cannot lose.
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture
def selection(qapp: object, content: Content) -> SelectionModel:
    from app.ui.selection import SelectionModel

    return SelectionModel(content)
