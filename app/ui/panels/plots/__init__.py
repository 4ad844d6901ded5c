"""The physiology plots. Every module here imports pyqtgraph (about half a second), so only
:class:`app.ui.panels.plots_panel.PlotsPanel` imports them, while it is being built."""
