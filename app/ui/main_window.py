"""The main window: assembles the diagram and the panels around one SelectionModel.

It only builds widgets, menus and shortcuts; every panel listens to the selection model on
its own, and no panel is ever called from here after construction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

# Only what the window's first frame needs is imported here (app.ui.first_frame): the rest, and
# the ``Qt`` namespace above all, when the content arrives (attach) and when the panels are built.
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from app.ui.memory import start_up_done

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QAction, QResizeEvent
    from PySide6.QtWidgets import QDockWidget, QLabel

    from app.model.content import Content
    from app.model.geometry import DiagramGeometry
    from app.model.lessons import Lesson
    from app.model.state import Change
    from app.ui.diagram.view import DiagramView
    from app.ui.find_site import FindPopup
    from app.ui.selection import SelectionModel
    from app.ui.side_panels import SidePanels

DIAGRAM_SHARE = 0.55
MENU_TITLES = ("&File", "&View", "&Selection", "S&tudy", "&Help")
"""The menu bar, in order (Alt+T for Study: Alt+S is Selection's)."""


class _Columns(QSplitter):
    """The diagram and the column of panels, side by side. Whenever its width changes (the window
    resized, a study dock or the sites list opened, closed or dragged beside it), the window
    shares it out again (:meth:`MainWindow.keep_proportions`)."""

    def __init__(self, resized: Callable[[], None]) -> None:
        super().__init__()
        self._resized = resized

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._resized()


class MainWindow(QMainWindow):
    """``MainWindow(content, geometry)`` is the whole window; ``MainWindow()`` is its frame alone,
    to show a preview of the diagram (:meth:`preview`) until the content is read (:meth:`attach`)."""

    content: Content
    lessons: Sequence[Lesson] | None
    selection: SelectionModel
    diagram: DiagramView
    sites_dock: QDockWidget
    find_popup: FindPopup
    full_screen_action: QAction

    def __init__(
        self,
        content: Content | None = None,
        geometry: DiagramGeometry | None = None,
        parent: QWidget | None = None,
        *,
        lessons: Sequence[Lesson] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Neuraxis")
        # The diagram (at first its preview) and the column of panels. The panels and the menus
        # are built on the event loop's next turn after the diagram's first frame (build_panels),
        # so the diagram shows as soon as possible; every panel syncs from the selection model
        # when it is built.
        self._side: SidePanels | None = None
        self._diagram_pane = QWidget()  # the diagram's place: empty, then its preview, then the view
        self._placeholder = QWidget()
        self.splitter = _Columns(self.keep_proportions)  # horizontal
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self._diagram_pane)
        self.splitter.addWidget(self._placeholder)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(lambda *_: self.splitter.setProperty("userResized", True))
        self.setCentralWidget(self.splitter)
        self.statusBar()
        self._menu_titles()
        if content is not None and geometry is not None:
            self.attach(content, geometry, lessons)

    def _menu_titles(self) -> None:
        """The menu bar's menus, empty until :func:`app.ui.window_menus.build_menus` fills them: the
        first frame already has the menu bar, so the diagram below it does not move when the menus come."""
        bar = self.menuBar()
        for title in MENU_TITLES:
            bar.addMenu(title).setObjectName(f"{title.replace('&', '').lower()}Menu")

    def preview(self, svg: Path, then: Callable[[], None]) -> QWidget:
        """Show ``svg`` where the diagram goes until :meth:`attach`; ``then`` runs after it is painted."""
        from app.ui.first_frame import DiagramPreview, white_until_themed

        white_until_themed(self)
        return self._show_in_diagram_pane(DiagramPreview(svg, then))

    def _show_in_diagram_pane(self, widget: QWidget) -> QWidget:
        # (the splitter's replaceWidget does not take ownership in PySide: the window keeps a reference)
        self.splitter.replaceWidget(0, widget)
        self._diagram_pane.deleteLater()
        self._diagram_pane = widget
        return widget

    def diagram_surface(self) -> QWidget:
        """The widget that shows the diagram now: its preview, or the diagram view's viewport."""
        diagram = getattr(self, "diagram", None)
        return diagram.viewport() if diagram is not None else self._diagram_pane

    def attach(
        self, content: Content, geometry: DiagramGeometry, lessons: Sequence[Lesson] | None = None
    ) -> None:
        """The content arrived: the diagram with its sites, and the selection every panel follows;
        ``lessons``, when already read, for the Lessons menu (else it reads them itself)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel

        from app.model.state import Change
        from app.ui.diagram.view import DiagramView
        from app.ui.selection import SelectionModel

        self.content = content
        self.lessons = lessons
        self.selection = SelectionModel(content, self)
        self.diagram = DiagramView(self.selection, content.drawings.diagram, geometry)
        self._show_in_diagram_pane(self.diagram)
        if self.isVisible():
            self.diagram.setFocus()

        self._status: QLabel = QLabel()
        self._status.setTextFormat(Qt.TextFormat.PlainText)  # site names from the content, as written
        self._status.setObjectName("statusText")
        self.statusBar().addWidget(self._status, 1)
        self.diagram.hoveredChanged.connect(self._show_hover)
        self.selection.changed.connect(self._sync)
        self._sync(Change(sites=True, disease=True))
        self.keep_proportions()
        self.diagram.viewport().installEventFilter(self)
        if self.diagram.viewport().isVisible():
            self.diagram.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After the diagram's first frame, build the panels on the next loop turn."""
        from PySide6.QtCore import QEvent, QTimer

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
            self._side.tabsChanged.connect(self.keep_proportions)  # the body map came or went
            self.keep_proportions()
            self._build_sites_dock()
            from app.ui.window_menus import build_menus

            build_menus(self)
            start_up_done()  # app.ui.memory: the collector runs again, and skips what start-up built
        return self._side

    def _build_sites_dock(self) -> None:
        """The accessible list of every site (screen readers cannot see the diagram's items);
        hidden until asked for (View > Sites list, F9), built when first shown."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

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
        if size is None and _restored(self):
            self.show()
        else:
            if size is None:
                screen = self.screen().availableGeometry()
                size = (int(screen.width() * 0.9), int(screen.height() * 0.9))
            self.resize(*size)
            self.show()
        self.diagram_surface().setFocus()

    def keep_proportions(self) -> None:
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
        answering = self.selection.state.answer_size  # a quiz or a case waits for an answer
        if answering:
            what = "the site that explains" if answering == 1 else f"the {answering} sites that explain"
            self._status.setText(
                f"{name} - click to pick it for your answer"
                if name
                else f"Pick {what} these findings (click, or Tab and Enter); Escape clears your answer."
            )
        elif name:
            self._status.setText(f"{name} - click to select, Ctrl+click to add")
        elif self.selection.shown.subject:
            self._status.setText("Escape clears the selection; Page Down steps to the next site.")
        else:
            self._status.setText(
                "Click a lesion site on the diagram, use Tab and Enter, or Ctrl+F to find one by name."
            )

    # --- the menus' own commands (app.ui.window_menus) ----------------------------------------
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.full_screen_action.setChecked(self.isFullScreen())

    def show_shortcuts(self) -> None:
        from app.ui.shortcuts_help import show_shortcuts

        show_shortcuts(self)

    def show_about(self) -> None:
        from app.ui.about import show_about

        show_about(self)

    def save_picture(self) -> None:
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


def _restored(window: MainWindow) -> bool:
    """Put where it was last closed (False: nothing remembered). Imported only when no size is given."""
    from app.ui.remember import restore_geometry

    return restore_geometry(window)
