"""Frequently asked questions, with cited answers and what the seed page got wrong (static)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.model.content import Content
from app.ui import theme
from app.ui.panels.richtext import NOTE_FILL, Cites, RichBrowser, box, esc

SEED_HEADING = "What the seed page got wrong"


def faq_html(content: Content) -> str:
    cites = Cites(content.references)
    parts = ["<h2>Questions students ask</h2>"]
    for question in content.faq:
        parts.append(f"<h3>{esc(question.question)}</h3>{cites.paragraphs(question.answer)}")
        if question.seed_correction:
            parts.append(
                box(SEED_HEADING, f"<p>{cites.text(question.seed_correction)}</p>", NOTE_FILL, theme.ACCENT)
            )
    parts.append(cites.references())
    return "".join(parts)


class FaqPanel(QWidget):
    """The FAQ page; built once, it does not follow the selection."""

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("faqPanel")
        self.setAccessibleName("Frequently asked questions")
        self._browser = RichBrowser("faqText", "Questions and answers", self)
        self._browser.show_html(faq_html(content))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._browser)

    def text(self) -> str:
        return self._browser.toPlainText()

    def browser(self) -> RichBrowser:
        return self._browser
