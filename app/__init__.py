"""Neuraxis: click a point on the motor pathway and see what a lesion there does."""

__version__ = "0.1.0"
