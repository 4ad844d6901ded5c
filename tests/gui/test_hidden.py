"""Predict-then-reveal and find-the-lesion need the window to keep a secret: with the findings hidden
no sign or lesion type may show anywhere, and with the lesion hidden no site name may, and the diagram
must look exactly as with nothing selected. Every widget of the window is read (titles, texts, tool
tips, status bar, accessible names and descriptions, item texts, scene texts), tab by tab."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.model.state import Hide
from app.ui.main_window import MainWindow
from app.ui.panels.plots_panel import PlotsPanel
from tests.gui.conftest import open_main_window
from tests.gui.texts import leaks, window_texts

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    main = open_main_window(qtbot, content, 1600, 900)
    main.show_sites_list()
    return main


def harvest(window: MainWindow) -> dict[str, str]:
    """Every text of the window, visiting each tab (and each plot) so lazy pages are built and read."""
    tabs = window.side.tabs
    texts: dict[str, str] = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        texts.update(window_texts(window))
        if tabs.tabText(index) == "Course":
            plots = window.side.page("Course", PlotsPanel)
            for plot in range(plots.tabs.count()):
                plots.tabs.setCurrentIndex(plot)
                QApplication.processEvents()
                texts.update(window_texts(window))
            plots.tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(0)
    QApplication.processEvents()
    return texts


def finding_terms(content: Content) -> set[str]:
    terms = {s.name for s in content.signs}
    terms |= {t.name for t in content.lesion_types.values()} | {
        t.short for t in content.lesion_types.values()
    }
    terms |= {"upper motor neuron", "lower motor neuron"}
    terms |= {m.name for m in content.modalities.values()}
    return terms


def diagram_image(window: MainWindow) -> QImage:
    QApplication.processEvents()
    return window.diagram.viewport().grab().toImage()


@pytest.mark.parametrize("site", ["hemisection-c5-left", "weber-right"])
def test_hidden_findings_show_nothing_of_the_findings(
    window: MainWindow, content: Content, site: str
) -> None:
    baseline = harvest(window)
    selection = window.selection
    selection.set_hide(Hide.FINDINGS)
    selection.select(site)
    hidden = harvest(window)
    found = leaks(hidden, baseline, finding_terms(content))
    assert found == [], "\n".join(found)
    assert any(content.sites_by_id[site].name in text for text in hidden.values())  # the site is shown
    # The harvest does see findings: revealed, they appear where nothing-selected had other text.
    selection.reveal_all()
    revealed = harvest(window)
    assert leaks(revealed, baseline, finding_terms(content)) != []


def test_revealing_goes_region_by_region_then_the_lesion_type(window: MainWindow, content: Content) -> None:
    selection = window.selection
    selection.set_hide(Hide.FINDINGS)
    selection.select("internal-capsule-left")
    baseline_terms = {t.name for t in content.lesion_types.values()} | {"UMN"}
    total = len(selection.findings.findings)
    signs = window.side.signs
    assert f"revealed 0 of {total}" in signs.text().lower()
    selection.reveal_next()
    assert f"revealed 1 of {total}" in signs.text().lower()
    assert "Weakness" in signs.text()
    assert not any(term in signs.text() for term in baseline_terms)
    for _ in range(total - 1):
        selection.reveal_next()
    assert window.side.comparison.highlighted_columns() == ()  # the type is still hidden
    selection.reveal_next()
    assert "UMN" in signs.text()
    assert window.side.comparison.highlighted_columns() == ("UMN",)
    selection.reveal_next()
    assert not selection.shown.hidden
    assert selection.shown.findings.cut  # everything, the cut tracts included


@pytest.mark.parametrize(("site", "disease"), [("medial-medullary-left", None), (None, "als")])
def test_hidden_lesion_names_it_nowhere_and_draws_nothing(
    window: MainWindow, content: Content, site: str | None, disease: str | None
) -> None:
    baseline = harvest(window)
    blank = diagram_image(window)
    selection = window.selection
    selection.set_hide(Hide.LESION)
    if disease is not None:
        selection.choose_disease(disease)
    else:
        assert site is not None
        selection.select(site)
    hidden = harvest(window)
    names = {content.sites_by_id[s].name for s in selection.sites}
    names |= {content.sites_by_id[s].level for s in selection.sites}
    if disease is not None:
        names.add(content.diseases_by_id[disease].name)
    assert leaks(hidden, baseline, names) == []
    assert diagram_image(window) == blank
    assert selection.shown.findings.findings  # the findings are what the class localises from
    selection.reveal_next()
    assert diagram_image(window) != blank
    assert leaks(harvest(window), baseline, names) != []
