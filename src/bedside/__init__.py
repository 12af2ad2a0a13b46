"""Bedside: a self-hosted, offline-first AI copilot for clinical leadership.

The package is a library first; the ``bedside`` command line and the web application are thin
shells that build their core objects from one :class:`bedside.config.Settings`.
"""

__version__ = "0.1.0"
