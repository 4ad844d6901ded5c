"""The column beside the diagram: expected signs above, the other panels in tabs below.

Tabs out of sight are built (and their modules imported) the first time they are shown; each
panel syncs from the selection model when it is built, so building late never shows stale data.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.ui.panels.body_map import BodyMapPanel
from app.ui.panels.comparison_panel import ComparisonPanel
from app.ui.panels.signs_panel import SignsPanel
from app.ui.selection import SelectionModel

T = TypeVar("T", bound=QWidget)
SIGNS_SHARE = 0.56
"""The body map and expected signs get this share of the column's height (until the user drags)."""
TABS_MIN_PX = 420
"""The tabs get at least this height (while the signs keep a third of the column): the tallest tab
(Course) fits in it, so opening a tab for the first time never pushes the expected signs up."""
BODY_SHARE = 0.42
"""The body map's share of the width beside the expected signs."""
BODY_BESIDE_MIN_WIDTH = 760
"""Narrower than this (logical px), the body map becomes a tab so the signs keep a readable width."""


class LazyPage(QWidget):
    """A tab page that builds its panel the first time it is shown (or asked for)."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.built: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def panel(self, kind: type[T]) -> T:
        if self.built is None:
            self.built = self._factory()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self.built)
            self.setFocusProxy(self.built)
            if self.isVisible():  # at once (Qt would show it on the next turn of the event loop)
                self.built.show()
        assert isinstance(self.built, kind)
        return self.built

    def showEvent(self, event: QShowEvent) -> None:
        self.panel(QWidget)
        super().showEvent(event)


def lazy_panel(selection: SelectionModel, where: str) -> Callable[[], QWidget]:
    """A factory for the panel class at ``where`` ("module:Class"), imported only when it is first
    built (the Course tab imports pyqtgraph, about half a second). Every panel is built the same
    way: ``Panel(selection)``."""

    def build() -> QWidget:
        module, name = where.split(":")
        panel: QWidget = getattr(importlib.import_module(module), name)(selection)
        return panel

    return build


SITES_LIST = "app.ui.panels.sites_tree:SitesTree"
LAZY_TABS: tuple[tuple[str, str], ...] = (
    ("Course", "app.ui.panels.plots_panel:PlotsPanel"),
    ("Cord", "app.ui.panels.cross_section:CrossSectionPanel"),
    ("Diseases", "app.ui.panels.diseases_panel:DiseasesPanel"),
    ("Site", "app.ui.panels.details_panel:SiteDetailsPanel"),
    ("FAQ", "app.ui.panels.faq_panel:FaqPanel"),
    ("Sources", "app.ui.panels.references_panel:ReferencesPanel"),
)
"""The tabs built when first shown: title and panel class."""


class SidePanels(QSplitter):
    """Above: the expected signs, with the body map beside them when there is room (else the body
    map is the first tab). Below: tabs."""

    tabsChanged = Signal()
    """A tab was added or removed (the body map moved): the row of tabs needs another width."""

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("sidePanels")
        self.setChildrenCollapsible(False)
        # built when first shown, like the tabs: at 1280x720 the body map starts as a hidden tab
        self._body_page = LazyPage(lambda: BodyMapPanel(selection))
        self._body_page.setObjectName("bodyMapPage")
        self.signs = SignsPanel(selection)
        self.top = QSplitter(Qt.Orientation.Horizontal)
        self.top.setObjectName("bodyAndSigns")
        self.top.setChildrenCollapsible(False)
        self.top.addWidget(self._body_page)
        self.top.addWidget(self.signs)
        self.top.splitterMoved.connect(lambda *_: self.top.setProperty("userResized", True))
        self.comparison = ComparisonPanel(selection)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("panelTabs")
        self.tabs.addTab(self.comparison, "Compare")
        self._pages: dict[str, LazyPage] = {}
        for title, where in LAZY_TABS:
            page = LazyPage(lazy_panel(selection, where))
            self._pages[title] = page
            self.tabs.addTab(page, title)
        self.addWidget(self.top)
        self.addWidget(self.tabs)
        self.splitterMoved.connect(lambda *_: self.setProperty("userResized", True))
        self._body_beside = True
        self._body_asked = False

    def tabs_width_needed(self) -> int:
        """The width at which every tab title shows (no scroll arrows)."""
        return self.tabs.tabBar().sizeHint().width() + 16  # and a bold (current) title

    @property
    def body(self) -> BodyMapPanel:
        """The body map (built now if it has not been shown yet)."""
        return self._body_page.panel(BodyMapPanel)

    @property
    def body_beside_signs(self) -> bool:
        return self._body_beside

    def _place_body(self, beside: bool) -> None:
        """Beside the signs in a wide column, as the first tab in a narrow one (a 1280x720 projector).
        Built before it shows beside the signs (laid out with them); as a tab, when first opened."""
        if beside:
            self._body_page.panel(BodyMapPanel)
        if beside == self._body_beside:
            return
        self._body_beside = beside
        if beside:
            self.tabs.removeTab(self.tabs.indexOf(self._body_page))
            self.top.insertWidget(0, self._body_page)
            self._body_page.show()
        else:
            current = self.tabs.currentIndex()
            page = self.tabs.currentWidget()
            if page is not None:  # a page's size: the tabs are as tall as their tallest page needs, and
                self._body_page.resize(page.size())  # in presentation mode the map was a tall figure
            self.tabs.insertTab(0, self._body_page, "Body")
            self.tabs.setCurrentIndex(0 if self._body_asked else current + 1)
        self.tabsChanged.emit()

    def page(self, title: str, kind: type[T]) -> T:
        """The panel of a tab (built now if it has not been shown yet)."""
        return self._pages[title].panel(kind)

    def show_tab_named(self, name: str) -> QWidget:
        """Bring a tab to the front by its title, case-insensitively ("site", "faq"...). The body map
        is already in view when it sits beside the signs."""
        self._body_asked = name.lower() == "body"
        if self._body_asked and self._body_beside:
            return self.body
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).lower() == name.lower():
                self.tabs.setCurrentIndex(index)
                page = self.tabs.widget(index)
                assert page is not None
                return page
        raise KeyError(name)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_proportions()

    def fit_proportions(self) -> None:
        """The body map beside the signs or in a tab, and the default shares of each splitter the user
        has not dragged."""
        self._place_body(self.width() >= BODY_BESIDE_MIN_WIDTH or bool(self.property("bodyBeside")))
        for splitter, share, total in (
            (self, SIGNS_SHARE, self.height()),
            (self.top, BODY_SHARE, self.width()),
        ):
            if total > 0 and not splitter.property("userResized"):
                first = int(total * share)
                if splitter is self:  # room for the tallest tab before it is first opened
                    first = min(first, max(total - TABS_MIN_PX, total // 3))
                splitter.setSizes([first, total - first])
