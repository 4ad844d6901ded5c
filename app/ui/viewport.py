"""The viewport of a scroll area, wrapped for Python without a type search.

A scroll area's viewport is a plain ``QWidget`` that Qt creates. The first time such a widget reaches
Python through ``viewport()`` (declared to return ``QWidget *``), shiboken looks for its most
derived Python type by trying every ``QWidget`` subclass it knows, and creating each of those types
creates their enums too (``QWizard``'s, ``QFileDialog``'s...): 60-77 enums, 6-10 ms of start-up,
only to learn that the viewport is a ``QWidget``. Found by its object name, which Qt gives every
viewport it makes, the same widget is wrapped as the ``QWidget`` asked for; ``viewport()`` then
returns that wrapper. (A view that makes its own viewport, as :class:`~app.ui.svg_view.SvgView`
does, has nothing to search for.)
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

QT_VIEWPORT_NAME = "qt_scrollarea_viewport"
"""The object name QAbstractScrollArea gives the viewport it creates."""


def adopt_viewport(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, wrapped without the type search when Qt made it (call it once, early:
    every later ``viewport()`` call returns the same wrapper)."""
    area.findChild(QWidget, QT_VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return area.viewport()
