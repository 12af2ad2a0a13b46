"""Regenerate src/bedside/text/redaction/data/medical-words.txt from the ICD-10-CM tabular list.

ICD-10-CM (U.S. National Center for Health Statistics; a U.S. government work in the public domain) is read
from the simple-icd-10-cm package (MIT licence, © Stefano Travasci), which ships the April 2026 tabular XML.
The script writes two kinds of line:

- ``w word``: a lower-case word of the code titles and notes ("hematuria", "bilirubin", "acidosis") that is
  not in any name list: clinical vocabulary, so that a clinical word opening a message is not taken for
  a surname ("bilirubin 8.2", "acidosis improving").
- ``e word``: an eponym, a capitalised word written with a possessive or before "disease", "syndrome",
  "sign"... in the titles ("Addison", "Bartter", "Chvostek"). The redactor does not take an eponym for a
  patient's name on weak evidence; very common surnames are blocked only before such a head word.

    .venv/bin/pip install simple-icd-10-cm   # in the dev extra
    .venv/bin/python scripts/make_medical_words.py
"""

from __future__ import annotations

import importlib.util
import re
from importlib.metadata import version
from pathlib import Path

from bedside.text.redaction.lexicon import census_lexicon
from bedside.text.redaction.ordinary import ordinary_words

OUT = Path(__file__).resolve().parents[1] / "src" / "bedside" / "text" / "redaction" / "data" / "medical-words.txt"
PACKAGE = "simple_icd_10_cm"
TEXT = re.compile(r"<(?:desc|note|inclusionTerm|excludes1|excludes2)>([^<]*)<", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*")
EPONYM = re.compile(
    r"\b([A-Z][a-z]{2,})(?:'s\b|(?:-[A-Z][a-z]+)*\s+(?:disease|syndrome|sign|anomaly|palsy|paralysis|ulcer|"
    r"fracture|tumor|sarcoma|lymphoma|disorder|dystrophy|neuralgia|phenomenon|test|reaction|deformity|"
    r"contracture|cyst|hernia|granuloma|atrophy|ataxia|chorea|fever|infection|pouch|triad|nodes?|stage))"
)


def _xml() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"install {PACKAGE} first (pip install simple-icd-10-cm)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return next(folder.glob("icd10c*tabular*.xml"))


def main() -> None:
    lex = census_lexicon()
    ordinary = ordinary_words()
    texts = TEXT.findall(_xml().read_text(encoding="utf-8"))
    words: set[str] = set()
    eponyms: set[str] = set()
    lower_case = {w for text in texts for w in WORD.findall(text) if w.islower()}
    for text in texts:
        for word in WORD.findall(text):
            low = word.lower()
            if word.islower() and len(low) >= 4 and low not in ordinary and not lex.is_name(low) and not any(
                lex.is_name(part) for part in low.split("-")
            ):
                words.add(low)
        # A word that is also written in lower case ("Acute", "Chronic" opening a title) is no eponym.
        eponyms.update(m.lower() for m in EPONYM.findall(text) if m.lower() not in lower_case and m.lower() not in ordinary)
    header = [
        "# Clinical words (w) and eponyms (e) from the ICD-10-CM tabular list (NCHS, public domain), read from",
        f"# simple-icd-10-cm {version('simple-icd-10-cm')} (MIT licence) by scripts/make_medical_words.py.",
        "# w: lower-case words of the titles and notes that are in no name list and are not ordinary English words.",
        "# e: capitalised words written with a possessive or before disease, syndrome, sign... and never in lower case.",
    ]
    lines = [f"w {w}" for w in sorted(words)] + [f"e {e}" for e in sorted(eponyms)]
    OUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} clinical words and {len(eponyms)} eponyms to {OUT}")


if __name__ == "__main__":
    main()
