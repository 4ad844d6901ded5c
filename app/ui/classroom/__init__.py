"""Classroom aids: clicker keys from any focus, blank screen, predict-then-reveal, presentation mode."""
