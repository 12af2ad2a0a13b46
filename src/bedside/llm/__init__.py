"""Placeholder package; see DESIGN.md for what belongs here."""
