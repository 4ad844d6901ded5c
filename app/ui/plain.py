"""Content text shown as written, never as markup, where Qt or pyqtgraph would take it for HTML.

Qt shows a tooltip or a label as rich text when the text merely looks like markup, and
pyqtgraph's legends and axis labels always are HTML: a name in the content such as
``<img src="file:///...">`` would load a local file, ``<b>`` would turn bold. The panels that
render HTML escape what they insert (``richtext.esc``); these helpers do it for the rest.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def escape(text: str, *, quote: bool = True) -> str:
    """What ``html.escape`` gives (tests/gui/test_plain_text.py compares them), made the same way:
    chained replaces are two to three times faster than ``str.translate`` here, and the signs
    escape hundreds of strings per click. Importing the ``html`` module builds its table of 2,231
    named entities, which the window never needs: about 1 ms of every start (``python -X
    importtime``; whole-process A/B runs cannot see it)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


def tooltip(text: str) -> str:
    """``text`` for ``setToolTip``: unchanged when Qt takes it as plain text, otherwise escaped
    inside a paragraph, so that it shows literally."""
    return f"<p>{escape(text, quote=False)}</p>" if Qt.mightBeRichText(text) else text


def html_text(text: str) -> str:
    """``text`` for a pyqtgraph legend or axis label (which are HTML): escaped."""
    return escape(text, quote=False)
