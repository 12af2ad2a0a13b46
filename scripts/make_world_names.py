"""Regenerate src/bedside/text/redaction/data/world-names.txt from the installed Faker person providers.

Faker (MIT licence, © Daniele Faraglia and contributors) ships first- and last-name lists for many
locales. This script keeps the Latin-script ones (Cyrillic ru_RU / uk_UA / bg_BG names are
transliterated), lower-cases them, adds an accent-free spelling ("núñez" -> "nunez"), and drops every
name that is in Faker's ``en_US`` lists: the demo hospital draws its patients from
``Faker("en_US")``, so adding those would make the demo measurement circular.

    .venv/bin/python scripts/make_world_names.py
"""

from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "bedside" / "text" / "redaction" / "data" / "world-names.txt"
LATIN = (
    "en cs_CZ da_DK de_AT de_CH de_DE de_LI de_LU en_GB en_IE en_IN en_KE en_NG en_NZ en_PK en_TH es_AR es_CA es_CL es_CO "
    "es_ES es_MX et_EE fi_FI fr_BE fr_CA fr_CH fr_DZ fr_FR ga_IE ha_NG hr_HR hu_HU id_ID ig_NG it_IT lt_LT lv_LV nl_BE "
    "nl_NL no_NO pl_PL pt_BR pt_PT ro_RO sk_SK sl_SI sv_SE sw tr_TR tw_GH uz_UZ vi_VN yo_NG zu_ZA az_AZ"
).split()
ROMANISED = "ja_JP zh_CN zh_TW".split()  # only their *_romanized_* lists
CYRILLIC = "ru_RU uk_UA bg_BG".split()
EXCLUDED = ("en_US",)
_CYR = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
    "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya ye i yi g".split(),
    strict=True,
))


def _lists(locale: str, romanised_only: bool = False) -> tuple[set[str], set[str]]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    first: set[str] = set()
    last: set[str] = set()
    for attr, value in vars(provider).items():
        if not isinstance(value, (list, tuple, dict, set)) or "name" not in attr:
            continue
        if "middle" in attr or "language" in attr or "kana" in attr or "without_suffix" in attr:
            continue
        if romanised_only and "romanized" not in attr:
            continue
        names = {v for v in value if isinstance(v, str)}
        if "first" in attr:
            first |= names
        elif "last" in attr:
            last |= names
    return first, last


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _latin(word: str) -> bool:
    return all(c in "-'" or (c.isalpha() and ord(c) < 0x250) for c in word) and any(c.isalpha() for c in word)


def _translit(word: str) -> str:
    return "".join(_CYR.get(c, c) for c in word.lower()).replace("-", "") if word else word


def collect() -> tuple[set[str], set[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for locale in LATIN + ROMANISED + CYRILLIC:
        f, la = _lists(locale, romanised_only=locale in ROMANISED)
        if locale in CYRILLIC:
            f, la = {_translit(n) for n in f}, {_translit(n) for n in la}
        for target, names in ((first, f), (last, la)):
            for name in names:
                low = name.strip().lower()
                if " " in low or len(low) < 2 or not _latin(low):
                    continue
                target.add(low)
                target.add(_fold(low))
    excluded: set[str] = set()
    for locale in EXCLUDED:
        f, la = _lists(locale)
        excluded |= {n.lower() for n in f | la}
    return first - excluded, last - excluded


def main() -> None:
    first, last = collect()
    lines = [
        "# Latin-script first and last names from the person providers of Faker (MIT licence,",
        "# (c) Daniele Faraglia and contributors, https://github.com/joke2k/faker); Cyrillic names transliterated.",
        "# Locales: " + " ".join(LATIN + ROMANISED + CYRILLIC) + ".",
        "# Names in Faker's en_US lists are left out (the demo hospital draws its patients from en_US).",
        "# Regenerate with scripts/make_world_names.py. One name a line: 'f name' or 'l name'.",
    ]
    lines += [f"f {n}" for n in sorted(first)] + [f"l {n}" for n in sorted(last)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(first)} first names, {len(last)} last names -> {OUT}")


if __name__ == "__main__":
    main()
