"""Patient-identifier redaction at the door (HIPAA Safe Harbor identifiers), before any text is stored.

>>> from bedside.text.redaction import Redactor
>>> Redactor(staff_names=["Ana Diaz"]).redact("Pt John Smith MRN 4471123, Ana Diaz RN aware").text
'Pt [PATIENT] MRN [MRN], Ana Diaz RN aware'
"""

from __future__ import annotations

from bedside.text.redaction.pool import RedactionPool
from bedside.text.redaction.redactor import REDACTOR_NAME, REDACTOR_VERSION, Redactor
from bedside.text.redaction.spans import RedactionResult, RedactionSpan

__all__ = ["REDACTOR_NAME", "REDACTOR_VERSION", "RedactionPool", "RedactionResult", "RedactionSpan", "Redactor"]
