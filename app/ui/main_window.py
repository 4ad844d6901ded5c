"""The main window: assembles the diagram and the panels around one SelectionModel.

It only builds widgets, menus and shortcuts; every panel listens to the selection model on
its own, and no panel is ever called from here after construction.
"""

from __future__ import annotations

from PySide6.QtCore import QSaveFile, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from app import __version__
from app.model.content import Content
from app.model.geometry import DiagramGeometry
from app.ui.diagram.view import DiagramView
from app.ui.panels.comparison_panel import ComparisonPanel
from app.ui.panels.details_panel import SiteDetailsPanel
from app.ui.panels.diseases_panel import DiseasesPanel
from app.ui.panels.faq_panel import FaqPanel
from app.ui.panels.references_panel import ReferencesPanel
from app.ui.panels.signs_panel import SignsPanel
from app.ui.panels.sites_tree import SitesTree
from app.ui.selection import Change, SelectionModel

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


class MainWindow(QMainWindow):
    def __init__(self, content: Content, geometry: DiagramGeometry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.selection = SelectionModel(content, self)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Neuraxis")

        self.diagram = DiagramView(self.selection, content.svg_path, geometry)
        self.signs = SignsPanel(self.selection)
        self.comparison = ComparisonPanel(self.selection)
        self.diseases = DiseasesPanel(self.selection)
        self.details = SiteDetailsPanel(self.selection)
        self.sites = SitesTree(self.selection)
        self.faq = FaqPanel(content)
        self.references = ReferencesPanel(content)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("panelTabs")
        self.tabs.setDocumentMode(False)
        for widget, title in (
            (self.comparison, "Compare"),
            (self.diseases, "Diseases"),
            (self.details, "Site"),
            (self.sites, "All sites"),
            (self.faq, "FAQ"),
            (self.references, "References"),
        ):
            self.tabs.addTab(widget, title)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("rightSplitter")
        right.addWidget(self.signs)
        right.addWidget(self.tabs)
        right.setStretchFactor(0, 11)
        right.setStretchFactor(1, 9)
        right.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.diagram)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 11)
        self.splitter.setStretchFactor(1, 9)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda *_: self.splitter.setProperty("userResized", True))
        self.setCentralWidget(self.splitter)

        self._status = QLabel()
        self._status.setObjectName("statusText")
        self.statusBar().addWidget(self._status, 1)
        self.diagram.hoveredChanged.connect(self._show_hover)
        self._build_menus()
        self.selection.changed.connect(self._sync)
        self._sync(Change(sites=True, disease=True))

    # --- window state -------------------------------------------------------------------------
    def show_default(self, size: tuple[int, int] | None = None) -> None:
        """Show at ``size`` (logical pixels) or at 90% of the screen."""
        if size is None:
            screen = self.screen().availableGeometry()
            size = (int(screen.width() * 0.9), int(screen.height() * 0.9))
        self.resize(*size)
        self.show()
        self.diagram.setFocus()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        total = self.splitter.width()
        if total > 0 and not self.splitter.property("userResized"):
            self.splitter.setSizes([int(total * 0.55), total - int(total * 0.55)])

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
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_HELP)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Neuraxis",
            f"<h3>Neuraxis {__version__}</h3><p>Upper versus lower motor neuron lesions, derived from the "
            "anatomy of the motor pathway. Works fully offline.</p><p>The clinical content cites its "
            "sources: see the References tab. Free software under the MIT licence.</p>",
        )

    def _save_picture(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save picture of the window", "neuraxis.png", "PNG image (*.png)"
        )
        if not path:
            return
        out = QSaveFile(path)
        image = self.grab().toImage()
        if not (out.open(QSaveFile.OpenModeFlag.WriteOnly) and image.save(out, b"PNG") and out.commit()):
            QMessageBox.warning(
                self, "Not saved", f"{path}: could not write the picture ({out.errorString()})."
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.selection.changed.disconnect(self._sync)
        super().closeEvent(event)
