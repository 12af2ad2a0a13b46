"""Filling message and note templates: clinical slot values, tone wrappers and human typing noise.

Templates live in YAML files next to this module (``data/``). A :class:`Slots` mapping produces slot
values lazily, so only the slots a template names consume random numbers, and one thread can share a
patient reference and an order across its messages. :func:`add_typing_noise` makes texts look typed
on a phone between tasks: abbreviations ("pls", "pt", "w/"), dropped punctuation, lower case and the
odd transposed letter.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

# Marks where the patient reference goes; typing noise never touches it, so identifiers stay exact.
PATIENT_MARK = "\x01"


@cache
def load_data(name: str) -> dict[str, Any]:
    """Read one of the demo's YAML data files (cached: the files are read-only package data)."""
    text = (files("bedside.demo") / "data" / f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"demo data file {name}.yaml must hold a mapping")
    return data


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _time(rng: random.Random) -> str:
    hour = rng.randrange(0, 24)
    minute = rng.choice((0, 0, 15, 30, 45, 10, 20, 40))
    style = rng.random()
    if style < 0.55:
        return f"{hour:02d}{minute:02d}"
    if style < 0.8:
        return f"{hour:02d}:{minute:02d}"
    suffix = "am" if hour < 12 else "pm"
    twelve = hour % 12 or 12
    return f"{twelve}{suffix}" if minute == 0 else f"{twelve}:{minute:02d}{suffix}"


def _lab_value(rng: random.Random, lab: dict[str, Any]) -> str:
    low, high = (lab["low"], lab["high"]) if rng.random() < 0.4 else (lab["high"], lab["low"])
    lo, hi = float(low[0]), float(low[1])
    value = rng.uniform(lo, hi)
    if lab["name"] in {"pH", "trop"}:
        return f"{value:.2f}"
    if max(float(high[1]), hi) >= 20 and hi >= 10:
        return str(round(value))
    return f"{value:.1f}"


class Slots(dict[str, str]):
    """Slot values made on first use. Capitalised keys ({Ask}, {ASK}) reuse the lower-case value."""

    def __init__(self, rng: random.Random, kit: TextKit, **fixed: str) -> None:
        super().__init__(fixed)
        self.rng = rng
        self.kit = kit

    def __missing__(self, key: str) -> str:
        if key[:1].isupper():
            base = self[key.lower()]
            value = base.upper() if key.isupper() and len(key) > 1 else capitalise(base)
        else:
            maker = self.kit.slot_makers.get(key)
            if maker is None:
                raise KeyError(f"demo template slot {{{key}}} has no maker")
            value = maker(self)
        self[key] = value
        return value

    def fill(self, template: str) -> str:
        return template.format_map(self)

    def pick(self, options: list[str]) -> str:
        return self.fill(self.rng.choice(options))


class TextKit:
    """The templates and vocabulary, with the slot makers that draw values from them."""

    def __init__(self) -> None:
        self.clinical = load_data("clinical")
        self.messages = load_data("messages")
        c = self.clinical
        m = self.messages
        self.slot_makers: dict[str, Callable[[Slots], str]] = {
            "time": lambda s: _time(s.rng),
            "time2": lambda s: _time(s.rng),
            "time_h": lambda s: f"{s.rng.choice(range(7, 18)):02d}00",
            "ext": lambda s: str(s.rng.randrange(4000, 8000)),
            "lab": lambda s: str(s.rng.randrange(len(c["labs"]))),
            "lab_name": lambda s: c["labs"][int(s["lab"])]["name"],
            "value": lambda s: _lab_value(s.rng, c["labs"][int(s["lab"])]),
            "prev": lambda s: _lab_value(s.rng, c["labs"][int(s["lab"])]),
            "lab_result": lambda s: f"{s['lab_name']} {s['value']}",
            "value_bg": lambda s: str(s.rng.choice((s.rng.randrange(38, 65), s.rng.randrange(310, 560)))),
            "drug_i": lambda s: str(s.rng.randrange(len(c["drugs"]))),
            "drug": lambda s: c["drugs"][int(s["drug_i"])][0],
            "drug2": lambda s: s.rng.choice([d[0] for d in c["drugs"] if d[0] != s["drug"]]),
            "dose": lambda s: s.rng.choice(c["drugs"][int(s["drug_i"])][1:]),
            "drug_dose": lambda s: f"{s['drug']} {s['dose']}",
            "abx_dose": lambda s: s.rng.choice(
                (
                    "ceftriaxone 2 g IV",
                    "pip-tazo 4.5 g IV q6h",
                    "cefepime 2 g IV",
                    "vancomycin per pharmacy",
                    "azithromycin 500 mg IV",
                    "meropenem 1 g IV",
                )
            ),
            "dx": lambda s: s.rng.choice(c["diagnoses"]),
            "pmh": lambda s: ", ".join(s.rng.sample(c["pmh"], s.rng.randint(1, 3))),
            "procedure": lambda s: s.rng.choice(c["procedures"]),
            "o2": lambda s: s.rng.choice(c["o2"]),
            "sbp": lambda s: str(s.rng.choice((s.rng.randrange(72, 96), s.rng.randrange(165, 215)))),
            "dbp": lambda s: str(s.rng.randrange(38, 105)),
            "hr": lambda s: str(s.rng.choice((s.rng.randrange(38, 52), s.rng.randrange(108, 158)))),
            "spo2": lambda s: str(s.rng.randrange(82, 94)),
            "rr": lambda s: str(s.rng.randrange(24, 38)),
            "temp": lambda s: f"{s.rng.uniform(38.2, 40.1):.1f}",
            "map": lambda s: str(s.rng.randrange(48, 64)),
            "vitals": lambda s: s.pick(c["vitals"]),
            "assessment": lambda s: s.pick(c["assessments"]),
            "rec": lambda s: s.pick(c["recs"]),
            "assessment_or_stable": lambda s: s.rng.choice(
                ("Stable, no meds due.", s.fill("Due for {drug} at {time}."), "")
            ),
            "age": lambda s: str(s.rng.randrange(19, 89)),
            "sex": lambda s: s.rng.choice(("F", "M", "yo F", "yo M", "yoF", "yoM")),
            "day": lambda s: s.rng.choice(c["days"]),
            "shift": lambda s: s.rng.choice(c["shifts"]),
            "order": lambda s: s.pick(m["orders"]),
            "s": lambda s: s.rng.choice(
                (
                    s.fill("{age}{sex} w/ {dx}"),
                    s.fill("POD{pod} {procedure}"),
                    s.fill("{pt} {age}{sex} admitted w/ {dx}"),
                    s.fill("{age}{sex}, {dx}, {assessment}"),
                )
            ),
            "pod": lambda s: str(s.rng.randrange(0, 6)),
            "b": lambda s: s.fill("{pmh}"),
            "a": lambda s: s.rng.choice((s.fill("{vitals}"), s.fill("{vitals}, {assessment}"), "stable overnight")),
            "r": lambda s: s["rec"],
            "cus": lambda s: s.pick(m["cus"]),
            "cus2": lambda s: s.pick([x for x in m["cus2"] if x not in s["cus"]]),
            "cus_free": lambda s: s.rng.choice(m["cus_free"]),
            "pt": lambda s: PATIENT_MARK,
            "bed": lambda s: PATIENT_MARK,
        }

    def request(self, slots: Slots, tone: str, ask: str) -> str:
        """A request in a tone: opener + wrapped ask + closer, e.g. 'Hi Sam, could you ...? Thanks!'."""
        m = self.messages
        slots["ask"], slots["Ask"], slots["ASK"] = ask, capitalise(ask), ask.upper()
        opener, body = slots.pick(m["openers"][tone]), slots.pick(m["requests"][tone])
        if opener.endswith((",", "-")) and not body.startswith(("I ", "I'")) and slots.rng.random() < 0.7:
            body = body[:1].lower() + body[1:]
        parts = [opener, body, slots.pick(m["closers"][tone])]
        return " ".join(p for p in parts if p)


_ABBREVIATIONS = (
    (re.compile(r"\bplease\b", re.I), "pls"),
    (re.compile(r"\bpatient\b", re.I), "pt"),
    (re.compile(r"\bthanks\b", re.I), "thx"),
    (re.compile(r"\bwith\b"), "w/"),
    (re.compile(r"\bas soon as possible\b", re.I), "asap"),
    (re.compile(r"\btomorrow\b", re.I), "tmrw"),
    (re.compile(r"\bbecause\b", re.I), "bc"),
    (re.compile(r"\bminutes\b"), "min"),
    (re.compile(r"\bI'm\b"), "Im"),
    (re.compile(r"\bdon't\b"), "dont"),
    (re.compile(r"\bcan't\b"), "cant"),
    (re.compile(r"\byou\b"), "u"),
)
_WORD = re.compile(r"\b[a-z]{5,}\b")


def add_typing_noise(rng: random.Random, text: str) -> str:
    """Make a text look typed in a hurry; about a third of texts get one to three changes."""
    if rng.random() > 0.33:
        return text
    for _ in range(rng.randint(1, 3)):
        roll = rng.random()
        if roll < 0.45:
            pattern, short = rng.choice(_ABBREVIATIONS)
            text = pattern.sub(short, text, count=rng.choice((1, 2)))
        elif roll < 0.6:
            text = text.rstrip(".!")
        elif roll < 0.7:
            text = text.lower()
        elif roll < 0.9:
            words = list(_WORD.finditer(text))
            if words:
                word = rng.choice(words)
                i = rng.randrange(1, len(word.group()) - 1)
                w = word.group()
                typo = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
                text = text[: word.start()] + typo + text[word.end() :]
        else:
            text = text.replace(", ", " ", 1)
    return text
