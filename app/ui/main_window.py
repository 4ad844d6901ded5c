"""The main window: assembles the diagram and the panels around one SelectionModel.

It only builds widgets, menus and shortcuts; every panel listens to the selection model on
its own, and no panel is ever called from here after construction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QWidget

from app.model.content import Content
from app.model.geometry import DiagramGeometry
from app.model.state import Change
from app.ui.diagram.view import DiagramView
from app.ui.memory import start_up_done
from app.ui.selection import SelectionModel

if TYPE_CHECKING:
    from app.ui.side_panels import SidePanels

DIAGRAM_SHARE = 0.55


class MainWindow(QMainWindow):
    def __init__(self, content: Content, geometry: DiagramGeometry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.selection = SelectionModel(content, self)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Neuraxis")

        self.diagram = DiagramView(self.selection, content.drawings.diagram, geometry)
        # The column of panels and the menus are built on the event loop's next turn after the
        # diagram's first frame (build_panels), so the diagram shows as soon as possible; every
        # panel syncs from the selection model when it is built.
        self._side: SidePanels | None = None
        self._placeholder = QWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.diagram)
        self.splitter.addWidget(self._placeholder)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda *_: self.splitter.setProperty("userResized", True))
        self.setCentralWidget(self.splitter)

        self._status = QLabel()
        self._status.setTextFormat(Qt.TextFormat.PlainText)  # site names from the content, as written
        self._status.setObjectName("statusText")
        self.statusBar().addWidget(self._status, 1)
        self.diagram.hoveredChanged.connect(self._show_hover)
        self.selection.changed.connect(self._sync)
        self._sync(Change(sites=True, disease=True))
        self.diagram.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After the diagram's first frame, build the panels on the next loop turn."""
        if event.type() == QEvent.Type.Paint and watched is self.diagram.viewport():
            self.diagram.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self, self.build_panels)
        return False

    def build_panels(self) -> SidePanels:
        """The column of panels (and the menus), built now if not yet."""
        if self._side is None:
            from app.ui.side_panels import SidePanels

            self._side = SidePanels(self.selection)
            self.splitter.replaceWidget(1, self._side)
            self._placeholder.deleteLater()
            self._side.tabsChanged.connect(self._keep_proportions)  # the body map came or went
            self._keep_proportions()
            self._build_sites_dock()
            self._build_menus()
            start_up_done()  # app.ui.memory: the collector runs again, and skips what start-up built
        return self._side

    def _build_sites_dock(self) -> None:
        """The accessible list of every site (screen readers cannot see the diagram's items);
        hidden until asked for (View > Sites list, F9), built when first shown."""
        from app.ui.side_panels import SITES_LIST, LazyPage, lazy_panel

        self.sites_dock = QDockWidget("Sites", self)
        self.sites_dock.setObjectName("sitesDock")
        self.sites_dock.setAccessibleName("List of lesion sites")
        self.sites_dock.setWidget(LazyPage(lazy_panel(self.selection, SITES_LIST)))
        self.sites_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.sites_dock)
        self.sites_dock.hide()

    def show_sites_list(self) -> QWidget:
        """Open the sites list and give it the keyboard focus; returns the list."""
        self.build_panels()
        self.sites_dock.show()
        page = self.sites_dock.widget()
        assert page is not None
        page.setFocus()
        return page

    @property
    def side(self) -> SidePanels:
        return self.build_panels()

    # --- window state -------------------------------------------------------------------------
    def show_default(self, size: tuple[int, int] | None = None) -> None:
        """Show at ``size`` (logical pixels) or at 90% of the screen."""
        from app.ui.remember import restore_geometry

        if size is None and restore_geometry(self):
            self.show()
            self.diagram.setFocus()
            return
        if size is None:
            screen = self.screen().availableGeometry()
            size = (int(screen.width() * 0.9), int(screen.height() * 0.9))
        self.resize(*size)
        self.show()
        self.diagram.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_proportions()

    def _keep_proportions(self) -> None:
        """The diagram keeps 55% of the width until the user drags the splitter; in a narrow window
        the column takes what its row of tabs needs (up to 55%), so no tab hides behind arrows."""
        total = self.splitter.width()
        if total > 0 and not self.splitter.property("userResized"):
            side = total - int(total * DIAGRAM_SHARE)
            if self._side is not None:
                side = max(side, min(self._side.tabs_width_needed(), int(total * DIAGRAM_SHARE)))
            self.splitter.setSizes([total - side, side])

    def _sync(self, change: Change) -> None:
        subject = self.selection.shown.subject
        # The product name once, last: Qt appends the application's display name to a title that
        # does not already end with it ("... \u2014 Neuraxis" on every platform).
        self.setWindowTitle(f"{subject} \u2014 Neuraxis" if subject else "Neuraxis")
        if not self.diagram.hovered:
            self._show_hover("")

    def _show_hover(self, name: str) -> None:
        if name:
            self._status.setText(f"{name} - click to select, Ctrl+click to add")
        elif self.selection.shown.subject:
            self._status.setText("Escape clears the selection; Page Down steps to the next site.")
        else:
            self._status.setText(
                "Click a lesion site on the diagram, use Tab and Enter, or Ctrl+F to find one by name."
            )

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
        # Imported here, after the first frame: the classroom and the search take ~16 ms to import.
        from app.ui.classroom.install import install_classroom
        from app.ui.find_site import install_find
        from app.ui.remember import install_remember
        from app.ui.study.install import install_study

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
        sites = self.sites_dock.toggleViewAction()
        sites.setText("Sites list")
        sites.setShortcut(QKeySequence("F9"))
        view.addAction(sites)
        full = self._action("Full screen", self._toggle_full_screen, "F11")
        full.setCheckable(True)
        view.addAction(full)
        self._full_screen_action = full

        select = bar.addMenu("&Selection")
        select.addAction(self._action("Next site", lambda: self.selection.advance(1), "N"))
        select.addAction(self._action("Previous site", lambda: self.selection.advance(-1), "P"))
        select.addAction(self._action("Clear", self.selection.clear))
        self.find_popup = install_find(self)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("Keyboard shortcuts", self._show_shortcuts, "F1"))
        help_menu.addAction(self._action("About Neuraxis", self._show_about))
        install_classroom(self)
        install_study(self)
        install_remember(self)

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self._full_screen_action.setChecked(self.isFullScreen())

    def _show_shortcuts(self) -> None:
        from app.ui.shortcuts_help import show_shortcuts

        show_shortcuts(self)

    def _show_about(self) -> None:
        from app.ui.about import show_about

        show_about(self)

    def _save_picture(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from app.ui.files import save_image

        path, _ = QFileDialog.getSaveFileName(
            self, "Save picture of the window", "neuraxis.png", "PNG image (*.png)"
        )
        if not path:
            return
        error = save_image(self.grab().toImage(), Path(path))
        if error is not None:
            QMessageBox.warning(self, "Not saved", f"{path}: could not write the picture ({error}).")
