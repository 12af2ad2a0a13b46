"""How reviewers describe people in writing, including the planted gender-coded reviewer.

Research on letters of recommendation and performance reviews (e.g. Madera et al. 2009; Schmader et
al. 2007) finds women described with communal and "grindstone" words (caring, hardworking,
dependable) and men with standout and agentic words (brilliant, exceptional, a leader). One demo
reviewer writes that way; every other reviewer draws descriptors independently of gender.
"""

from __future__ import annotations

import random

from bedside.demo.organisation import StaffMember
from bedside.demo.phrasing import load_data

FEMALE_CODED = ("communal", "grindstone")
MALE_CODED = ("standout", "agentic")


class Reviewer:
    """Writes descriptor sentences; ``coded_id`` is the person whose descriptors follow gender."""

    def __init__(self, rng: random.Random, coded_id: str) -> None:
        self.rng = rng
        self.coded_id = coded_id
        self.data = load_data("notes")
        self.words: dict[str, list[str]] = self.data["descriptors"]

    def categories_for(self, author_id: str, subject: StaffMember) -> tuple[str, ...]:
        if author_id == self.coded_id:
            if subject.gender == "female":
                return FEMALE_CODED if self.rng.random() < 0.9 else ("neutral",)
            if subject.gender == "male":
                return MALE_CODED if self.rng.random() < 0.9 else ("neutral",)
            return ("neutral",)
        return ("neutral", "neutral", "communal", "grindstone", "standout", "agentic")

    def descriptor_sentence(self, subject: StaffMember, author_id: str | None = None) -> str:
        categories = self.categories_for(author_id or self.coded_id, subject)
        first = self.rng.choice(self.words[self.rng.choice(categories)])
        second = self.rng.choice([w for w in self.words[self.rng.choice(categories)] if w != first])
        if first.startswith("a ") or second.startswith("a "):
            word = first if first.startswith("a ") else second
            return self.rng.choice(
                (f"{subject.first_name} is {word}.", f"{subject.first_name} has shown they are {word}.")
            )
        template = self.rng.choice(self.data["descriptor_templates"])
        return template.format(name=subject.first_name, adj=first, adj2=second)
