"""Shared text machinery: prepared text, evidence spans, lexicons and patient-identifier redaction.

Pure functions and small types; nothing here touches the database or the web layer.
"""
