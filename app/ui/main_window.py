"""The main window: assembles the diagram and the panels around one SelectionModel.

It only builds widgets, menus and shortcuts; every panel listens to the selection model on
its own, and no panel is ever called from here after construction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.model.content import Content
from app.model.geometry import DiagramGeometry
from app.ui.diagram.view import DiagramView
from app.ui.selection import Change, SelectionModel

if TYPE_CHECKING:
    from app.ui.panels.comparison_panel import ComparisonPanel
    from app.ui.panels.details_panel import SiteDetailsPanel
    from app.ui.panels.diseases_panel import DiseasesPanel
    from app.ui.panels.faq_panel import FaqPanel
    from app.ui.panels.references_panel import ReferencesPanel
    from app.ui.panels.signs_panel import SignsPanel
    from app.ui.panels.sites_tree import SitesTree

SHORTCUTS_HELP = """
<h3>Diagram</h3>
<table cellpadding="4">
<tr><td><b>Click</b></td><td>select a lesion site</td></tr>
<tr><td><b>Ctrl+click</b></td><td>add or remove a site (combined lesions)</td></tr>
<tr><td><b>Tab, arrow keys</b></td><td>move along the neuraxis</td></tr>
<tr><td><b>Enter, Space</b></td><td>select the focused site (Ctrl adds it)</td></tr>
<tr><td><b>Page Down / Page Up, N / P</b></td><td>select the next / previous site</td></tr>
<tr><td><b>Escape</b></td><td>clear the selection</td></tr>
<tr><td><b>Ctrl + wheel, Ctrl +, Ctrl -</b></td><td>zoom; <b>Ctrl 0</b> fits the diagram</td></tr>
<tr><td><b>F11</b></td><td>full screen, for projection</td></tr>
</table>
"""


T = TypeVar("T", bound=QWidget)


class LazyPanel(QWidget):
    """A tab page that builds its panel the first time it is shown (or asked for)."""

    def __init__(
        self, factory: Callable[[], QWidget], *, deferred: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._deferred = deferred
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
        assert isinstance(self.built, kind)
        return self.built

    def showEvent(self, event: QShowEvent) -> None:
        if self.built is None and not self._deferred:
            self.panel(QWidget)
        super().showEvent(event)


class MainWindow(QMainWindow):
    def __init__(self, content: Content, geometry: DiagramGeometry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.selection = SelectionModel(content, self)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Neuraxis")

        self.diagram = DiagramView(self.selection, content.svg_path, geometry)
        # The panels in view are built just after the first frame (the diagram shows at once and
        # the panels fill in on the next turn of the event loop); tabs out of sight are built (and
        # their modules imported) when first shown. Each syncs from the selection model when built.
        self._signs = LazyPanel(self._make_signs, deferred=True)
        self._comparison = LazyPanel(self._make_comparison, deferred=True)
        self._diseases = LazyPanel(self._make_diseases)
        self._details = LazyPanel(self._make_details)
        self._sites = LazyPanel(self._make_sites)
        self._faq = LazyPanel(self._make_faq)
        self._references = LazyPanel(self._make_references)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("panelTabs")
        for widget, title in (
            (self._comparison, "Compare"),
            (self._diseases, "Diseases"),
            (self._details, "Site"),
            (self._sites, "Sites"),
            (self._faq, "FAQ"),
            (self._references, "Sources"),
        ):
            self.tabs.addTab(widget, title)

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rightSplitter")
        self.right.addWidget(self._signs)
        self.right.addWidget(self.tabs)
        self.right.setChildrenCollapsible(False)
        self.right.splitterMoved.connect(lambda *_: self.right.setProperty("userResized", True))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.diagram)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 11)
        self.splitter.setStretchFactor(1, 9)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda *_: self.splitter.setProperty("userResized", True))
        self.setCentralWidget(self.splitter)

        self._status = QLabel()
        self._status.setObjectName("statusText")
        self.statusBar().addWidget(self._status, 1)
        self.diagram.hoveredChanged.connect(self._show_hover)
        self._menus_built = False
        self.selection.changed.connect(self._sync)
        self._sync(Change(sites=True, disease=True))
        self.diagram.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After the diagram's first frame, build the deferred panels on the next loop turn."""
        if event.type() == QEvent.Type.Paint and watched is self.diagram.viewport():
            self.diagram.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self.build_panels)
        return False

    # --- panels in tabs (built on first use) --------------------------------------------------
    def _make_signs(self) -> QWidget:
        from app.ui.panels.signs_panel import SignsPanel

        return SignsPanel(self.selection)

    def _make_comparison(self) -> QWidget:
        from app.ui.panels.comparison_panel import ComparisonPanel

        return ComparisonPanel(self.selection)

    def _make_diseases(self) -> QWidget:
        from app.ui.panels.diseases_panel import DiseasesPanel

        return DiseasesPanel(self.selection)

    def _make_details(self) -> QWidget:
        from app.ui.panels.details_panel import SiteDetailsPanel

        return SiteDetailsPanel(self.selection)

    def _make_sites(self) -> QWidget:
        from app.ui.panels.sites_tree import SitesTree

        return SitesTree(self.selection)

    def _make_faq(self) -> QWidget:
        from app.ui.panels.faq_panel import FaqPanel

        return FaqPanel(self.content)

    def _make_references(self) -> QWidget:
        from app.ui.panels.references_panel import ReferencesPanel

        return ReferencesPanel(self.content)

    @property
    def signs(self) -> SignsPanel:
        from app.ui.panels.signs_panel import SignsPanel

        return self._signs.panel(SignsPanel)

    @property
    def comparison(self) -> ComparisonPanel:
        from app.ui.panels.comparison_panel import ComparisonPanel

        return self._comparison.panel(ComparisonPanel)

    def build_panels(self) -> None:
        """Build the panels in view and the menus now instead of after the first frame."""
        _ = (self.signs, self.comparison)
        if not self._menus_built:
            self._menus_built = True
            self._build_menus()

    @property
    def diseases(self) -> DiseasesPanel:
        from app.ui.panels.diseases_panel import DiseasesPanel

        return self._diseases.panel(DiseasesPanel)

    @property
    def details(self) -> SiteDetailsPanel:
        from app.ui.panels.details_panel import SiteDetailsPanel

        return self._details.panel(SiteDetailsPanel)

    @property
    def sites(self) -> SitesTree:
        from app.ui.panels.sites_tree import SitesTree

        return self._sites.panel(SitesTree)

    @property
    def faq(self) -> FaqPanel:
        from app.ui.panels.faq_panel import FaqPanel

        return self._faq.panel(FaqPanel)

    @property
    def references(self) -> ReferencesPanel:
        from app.ui.panels.references_panel import ReferencesPanel

        return self._references.panel(ReferencesPanel)

    def show_tab_named(self, name: str) -> None:
        """Bring a tab to the front by its title, case-insensitively ("site", "faq"...)."""
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).lower() == name.lower():
                self.tabs.setCurrentIndex(index)
                return
        raise KeyError(name)

    # --- window state -------------------------------------------------------------------------
    def show_default(self, size: tuple[int, int] | None = None) -> None:
        """Show at ``size`` (logical pixels) or at 90% of the screen."""
        if size is None:
            screen = self.screen().availableGeometry()
            size = (int(screen.width() * 0.9), int(screen.height() * 0.9))
        self.resize(*size)
        self.show()
        self.diagram.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the proportions (diagram 55% of the width; expected signs 58% of the right column)
        until the user drags a splitter."""
        super().resizeEvent(event)
        for splitter, share, total in (
            (self.splitter, 0.55, self.splitter.width()),
            (self.right, 0.58, self.right.height()),
        ):
            if total > 0 and not splitter.property("userResized"):
                splitter.setSizes([int(total * share), total - int(total * share)])

    def _sync(self, change: Change) -> None:
        names = [self.content.sites_by_id[s].name for s in self.selection.sites]
        disease = self.content.diseases_by_id[self.selection.disease].name if self.selection.disease else None
        subject = disease or " + ".join(names)
        self.setWindowTitle(f"Neuraxis - {subject}" if subject else "Neuraxis")
        if not self.diagram.hovered_site:
            self._show_hover("")

    def _show_hover(self, name: str) -> None:
        if name:
            self._status.setText(f"{name} - click to select, Ctrl+click to add")
        elif self.selection.sites:
            self._status.setText("Escape clears the selection; Page Down steps to the next site.")
        else:
            self._status.setText("Click a lesion site on the diagram, or use Tab and Enter.")

    # --- menus --------------------------------------------------------------------------------
    def _action(
        self, text: str, slot: object, *keys: QKeySequence | QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(
            self._action("Save picture of the window...", self._save_picture, QKeySequence.StandardKey.Save)
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action("Quit", self.close, QKeySequence.StandardKey.Quit))

        view = bar.addMenu("&View")
        view.addAction(
            self._action("Zoom in", self.diagram.zoom_in, QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        )
        view.addAction(self._action("Zoom out", self.diagram.zoom_out, QKeySequence.StandardKey.ZoomOut))
        view.addAction(self._action("Fit diagram", self.diagram.reset_zoom, "Ctrl+0"))
        view.addSeparator()
        full = self._action("Full screen", self._toggle_full_screen, "F11")
        full.setCheckable(True)
        view.addAction(full)
        self._full_screen_action = full

        select = bar.addMenu("&Selection")
        select.addAction(self._action("Next site", lambda: self._step(1), "N"))
        select.addAction(self._action("Previous site", lambda: self._step(-1), "P"))
        select.addAction(self._action("Clear", self.selection.clear))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("Keyboard shortcuts", self._show_shortcuts, "F1"))
        help_menu.addAction(self._action("About Neuraxis", self._show_about))

    def _step(self, delta: int) -> None:
        order = [s.id for s in self.content.sites]
        current = self.selection.sites[-1] if self.selection.sites else None
        index = order.index(current) + delta if current else (0 if delta > 0 else len(order) - 1)
        if 0 <= index < len(order):
            self.selection.select(order[index])

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self._full_screen_action.setChecked(self.isFullScreen())

    def _show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_HELP)

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About Neuraxis",
            f"<h3>Neuraxis {__version__}</h3><p>Upper versus lower motor neuron lesions, derived from the "
            "anatomy of the motor pathway. Works fully offline.</p><p>The clinical content cites its "
            "sources: see the References tab. Free software under the MIT licence.</p>",
        )

    def _save_picture(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from app.ui.files import save_png

        path, _ = QFileDialog.getSaveFileName(
            self, "Save picture of the window", "neuraxis.png", "PNG image (*.png)"
        )
        if not path:
            return
        error = save_png(self.grab().toImage(), Path(path))
        if error is not None:
            QMessageBox.warning(self, "Not saved", f"{path}: could not write the picture ({error}).")
