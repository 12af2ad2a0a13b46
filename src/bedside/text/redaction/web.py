"""Electronic identifiers: e-mail addresses, web URLs and IP addresses (Safe Harbor items 6, 14, 15).

An IP address named as the hospital's own equipment ("workstation 5N-WOW3 IP 10.14.22.101 keeps dropping wifi")
is no one's identifier and stays, unless the message mentions a patient, a chart or a portal.
"""

from __future__ import annotations

import ipaddress
import re

from bedside.text.redaction.candidates import Candidate, RedactionDetector

_EMAIL = re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"'\]\)]+|\b[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:com|org|net|edu|gov|io|health|info)/[^\s<>\"'\]\)]*",
    re.IGNORECASE,
)
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:|:(?=:)){2,7}:?[0-9A-Fa-f]{1,4}(?![\w:])")  # "2600:1700:5e10:9a0::2f" too
_TRAILING_PUNCT = ".,;:!?"
_EQUIPMENT_BEFORE = re.compile(
    r"\b(?:workstations?|wows?|cows?|printers?|pcs?|computers?|terminals?|wifi|wi-fi|servers?|network|switch|router|"
    r"scanners?|pumps?|monitors?|badge\s+readers?|access\s+points?|it)\b[^\n]{0,40}$",
    re.IGNORECASE,
)
_PERSON_IN_MESSAGE = re.compile(r"\b(?:pt|pts|patient|patients|chart|record|portal|mychart|logged|login|family)\b", re.IGNORECASE)


class WebIdentifierDetector(RedactionDetector):
    """E-mail addresses, URLs and IPv4/IPv6 addresses, validated where a validator exists."""

    name = "web-identifiers"

    def detect(self, text: str) -> list[Candidate]:
        found: list[Candidate] = []
        for m in _EMAIL.finditer(text):
            found.append(Candidate("EMAIL", m.start(), m.end(), self.name, "Looks like an e-mail address."))
        for m in _URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in _TRAILING_PUNCT:
                end -= 1
            found.append(Candidate("URL", m.start(), end, self.name, "Looks like a web address (URL)."))
        if "." in text:
            for m in _IPV4.finditer(text):
                try:
                    ipaddress.IPv4Address(m.group())
                except ValueError:
                    continue
                if _EQUIPMENT_BEFORE.search(text, max(0, m.start() - 60), m.start()) and not _PERSON_IN_MESSAGE.search(text):
                    continue  # the hospital's own workstation or printer
                found.append(Candidate("IP", m.start(), m.end(), self.name, "A valid IPv4 address."))
        if ":" in text:
            for m in _IPV6.finditer(text):
                try:
                    ipaddress.IPv6Address(m.group())
                except ValueError:
                    continue
                if m.group().count(":") < 3:
                    continue  # "10:30:15" is a time, not an address
                found.append(Candidate("IP", m.start(), m.end(), self.name, "A valid IPv6 address."))
        return found
