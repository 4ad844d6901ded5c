"""Linked panels: each takes the one SelectionModel, listens to it and never calls another panel."""
