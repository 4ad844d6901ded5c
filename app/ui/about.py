"""Help > About: the version, and the licence of every component Neuraxis ships with.

The licences are read from the installed packages' own metadata (a frozen bundle carries that
metadata too, see packaging/neuraxis.spec), so the dialog says what is really installed.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from html import escape
from importlib import metadata
from typing import TYPE_CHECKING

from app import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

SHORT_LICENCE = 60
"""A ``License`` field longer than this is the whole licence text, not its name."""


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str
    purpose: str
    used_under: str | None = None
    """The licence Neuraxis uses it under, where the package offers a choice."""


COMPONENTS = (
    Component("Qt 6 and PySide6", "PySide6-Essentials", "the window and all drawing", "LGPL-3.0-only"),
    Component("Shiboken6", "shiboken6", "the runtime of the PySide6 bindings", "LGPL-3.0-only"),
    Component("pyqtgraph", "pyqtgraph", "the physiology plots"),
    Component("NumPy", "numpy", "the plots' numbers (for pyqtgraph)"),
    Component("svgelements", "svgelements", "the diagram's geometry"),
    Component("PyYAML", "PyYAML", "reading the content files"),
    Component("msgspec", "msgspec", "checking the content files"),
    Component("fsrs", "fsrs", "scheduling the review cards (spaced repetition)"),
    Component("platformdirs", "platformdirs", "where progress is kept"),
    Component("genanki", "genanki", "exporting the cards as an Anki deck"),
    Component("frozendict", "frozendict", "used by genanki", "LGPL-3.0-only"),
    Component("chevron", "chevron", "used by genanki (card templates)"),
    Component("cached-property", "cached-property", "used by genanki"),
)

QT_NOTICE = (
    "Qt and PySide6 are copyright The Qt Company Ltd. and other contributors, and are used here under "
    "the GNU Lesser General Public License version 3 (LGPL-3.0). Neuraxis links to the unmodified Qt "
    "libraries dynamically: they are separate files (in the bundle, under _internal/PySide6), which "
    "you may replace with your own build of the same Qt version. Qt's source code is available from "
    "The Qt Company (download.qt.io, code.qt.io); the texts of the LGPL and GPL version 3 come with "
    "the bundle in its licenses folder."
)


def licence(distribution: str) -> tuple[str, str]:
    """``(version, licence)`` from the installed package's metadata; ``"not installed"`` when it
    is missing, ``"not stated"`` when its metadata names no licence."""
    try:
        fields = metadata.metadata(distribution).json
    except metadata.PackageNotFoundError:
        return "", "not installed"

    def field(name: str) -> str:
        value = fields.get(name, "")
        return value if isinstance(value, str) else ""

    named = field("license_expression")
    if not named and len(field("license")) <= SHORT_LICENCE:
        named = field("license")
    if not named:
        classifiers = fields.get("classifier", [])
        named = ", ".join(c.rsplit(" :: ", 1)[-1] for c in classifiers if c.startswith("License ::"))
    return field("version"), named.strip() or "not stated"


def components_html() -> str:
    """The table of components, their versions and licences."""
    rows = []
    for component in COMPONENTS:
        version, named = licence(component.distribution)
        if component.used_under and component.used_under != named:
            named = f"{named}; used under {component.used_under}"
        rows.append(
            f"<tr><td><b>{escape(component.name)}</b> {escape(version)}</td>"
            f"<td>{escape(named)}</td><td>{escape(component.purpose)}</td></tr>"
        )
    python = "the Python interpreter" + (" (in this bundle)" if getattr(sys, "frozen", False) else "")
    version = escape(platform.python_version())
    rows.append(f"<tr><td><b>Python</b> {version}</td><td>PSF-2.0</td><td>{python}</td></tr>")
    return "<table cellpadding='3'>" + "".join(rows) + "</table>"


def about_html() -> str:
    from PySide6.QtCore import qVersion

    return (
        f"<h3>Neuraxis {escape(__version__)}</h3>"
        "<p>Upper versus lower motor neuron lesions, derived from the anatomy of the motor pathway. "
        "Works fully offline. The clinical content cites its sources: see the Sources tab.</p>"
        "<p>Free software under the MIT licence.</p>"
        f"<p><b>Components</b> (Qt {escape(qVersion())} at run time):</p>"
        f"{components_html()}"
        f"<p>{escape(QT_NOTICE)}</p>"
        "<p>A bundle built for Linux also carries system libraries of the machine it was built on "
        "(such as GLib, fontconfig, FreeType and the X11/xcb libraries), each under its own free "
        "licence (LGPL, MIT, FreeType...).</p>"
    )


def about_dialog(parent: QWidget | None) -> QDialog:
    """The dialog, wide enough for the table of licences and scrollable; nothing in it is fetched
    or opened (the addresses are plain text)."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setObjectName("aboutDialog")
    dialog.setWindowTitle("About Neuraxis")
    text = QTextBrowser()
    text.setObjectName("aboutText")
    text.setOpenLinks(False)
    text.setHtml(about_html())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(760, 620)
    return dialog


def show_about(parent: QWidget | None) -> None:
    about_dialog(parent).exec()
