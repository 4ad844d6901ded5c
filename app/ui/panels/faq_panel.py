"""Frequently asked questions, with cited answers and the common misconceptions they correct (static)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.model.content import Content
from app.ui import theme
from app.ui.panels.base import StaticPage
from app.ui.panels.richtext import NOTE_FILL, Cites, box, esc
from app.ui.selection import SelectionModel

MISCONCEPTION_HEADING = "Common misconception"


def faq_html(content: Content) -> str:
    cites = Cites(content.references)
    parts = ["<h2>Questions students ask</h2>"]
    for question in content.faq:
        parts.append(f"<h3>{esc(question.question)}</h3>{cites.paragraphs(question.answer)}")
        if question.misconception:
            parts.append(
                box(
                    MISCONCEPTION_HEADING,
                    f"<p>{cites.text(question.misconception)}</p>",
                    NOTE_FILL,
                    theme.ACCENT,
                )
            )
    parts.append(cites.references())
    return "".join(parts)


class FaqPanel(StaticPage):
    """The FAQ page; built once, it does not follow the selection."""

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(
            ("faqPanel", "Frequently asked questions"),
            ("faqText", "Questions and answers"),
            faq_html(selection.content),
            parent,
        )
