"""Dates (all elements except the year alone) and dates of birth (Safe Harbor item 3).

Recognised: ``3/4/25``, ``03-04-2025``, ``04.03.2025``, ``2025-03-04``, ``March 4th``, ``Mar 4, 2025``,
``4 Mar``, ``4th of March``, ``March 2025``, ``15-Jan-1948``, ``on the 4th``; a bare ``11/21`` when it
cannot be a score or a fraction, and ``3/4`` only after a date cue ("on", "since", "due", "admitted", ...)
because ``7/10`` is usually a pain score and ``3/4`` a fraction. A year alone, a time of
day, a weekday, blood pressure (``120/80``) and scores (``4/5``) are not dates. A date right after
"DOB", "born" or "date of birth" is typed ``DOB``.
"""

from __future__ import annotations

import re

from bedside.text.redaction.candidates import Candidate, RedactionDetector

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19\d{2}|20\d{2}|'\d{2})"

# Spanish: "3 de diciembre", "11 de junio de 1952", "2 dic", "el lunes 10", "viernes 15".
_SPANISH_MONTH = (
    r"(?:enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|ago|septiembre|setiembre|sept?|octubre|noviembre|"
    r"diciembre|dic)"
)
_SPANISH_DATE = re.compile(
    rf"\b(?:[12]\d|3[01]|0?[1-9])\s+(?:de\s+)?{_SPANISH_MONTH}\b\.?(?:\s+(?:de(?:l)?\s+)?(?:19|20)\d{{2}}\b)?|"
    r"\b(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)\s+(?:[12]\d|3[01]|0?[1-9])\b(?![:.,]\d)",
    re.IGNORECASE,
)
_NUMERIC_FULL = re.compile(r"(?<![\d/.\-])(?<!\d:)(\d{1,2})([/.\-])(\d{1,2})\2((?:1[89]|20)\d{2}|\d{2})(?![\d/\-]|\.\d)")
# "ADM 20251105", "Lucero, Cipriano 003771290 19350218 90Y M": a year from 1900 on, a month and a day, as EHR rows write them.
# "says d/c 11-06", "she was d/c'd 10-29", "moved to 11-21", "s/p L TKA 11-05", "delayed to 11.24": a month and a day
# with a hyphen or a dot, only after such a word.
_SHORT_HYPHEN = re.compile(
    r"\b(?:(?:d/c(?:'?d)?|dc'?d|discharged?|admit(?:ted)?|adm|dated?|dos|since|visit|(?:moved|postponed|pushed|delayed|rescheduled)\s+to)\s+|"
    r"s/p\s+(?:[\w&]+\s+){1,3})"
    r"(?P<value>(?:0?[1-9]|1[0-2])[-.](?:0?[1-9]|[12]\d|3[01]))"
    r"(?![\w\-/]|\.\d|\s*(?:x\b|times|days?|wks?|weeks?|hrs?|hours?|mos?|months?|yrs?|years?|episodes?|L\b|mg\b|units?\b))",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"(?<![\w\-/.#])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\w\-/]|[.,]\d)")
_ISO = re.compile(r"(?<![\d/.\-])(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})(?![\d/\-]|\.\d)")
_FULL_RANGE = re.compile(r"(?<![\d/.\-:])(\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))\s?[-–]\s?(\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/])")
_SHORT = re.compile(r"(?<![\d/.\-:])(\d{1,2})/(\d{1,2})(?![\d/]|\.\d|\s*(?:strength|str|power))")
_SHORT_CUE = re.compile(
    r"(?:\bon|\bsince|\bfrom|\buntil|\btill|\bby|\bdue|\bdated?|\badmit(?:ted)?|\badm|\bd/c(?:'?d)?|\bdischarged?|\bseen|"
    r"\bsurgery|\bappt|\bappointment|\bf/u|\bfollow[- ]?up|\bscheduled|\bschedule|\bvisit|\bthrough|\bthru|\bthe|\bDOB|\bborn|"
    r"\bbirthday|\bdrawn|\bcollected|\blmp|\bedd|\bedc|\breturned|\breadmit(?:ted)?|\bexpired|\bexpires?|\bdeceased|\bdied|\bpassed|\bbetween|\band|\bpostponed\s+to|\bmoved\s+to|\bor|\bnext|\blast|\bfor|\bset)"
    r"[\s:,]*$|^\s*[-–—]\s*$|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day)?\.?,?\s*$",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH})\.?\s+{_DAY}\b(?:,?\s*{_YEAR}\b)?|\b{_DAY}\s+(?:of\s+)?(?:{_MONTH})\b\.?(?:,?\s*{_YEAR}\b)?",
    re.IGNORECASE,
)
# "14MAR1947", "03jan52": day, written month and year run together, as EHR fields print them.
_DAY_MONTH_YEAR_RUN = re.compile(rf"(?<![\w])(?:[12]\d|3[01]|0?[1-9])(?:{_MONTH})(?:19\d{{2}}|20\d{{2}}|\d{{2}})(?![\w])", re.IGNORECASE)
# "dob 031452": a six-digit MMDDYY date of birth (only right after a birth word).
_BIRTH_SIX_DIGITS = re.compile(
    r"\b(?:dob|d\.o\.b\.?|born|birth\s*date)\s*[:\-]?\s*(?P<value>(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{2})(?![\d.])",
    re.IGNORECASE,
)
# "15-Jan-1948", "15/Jan/48", "Jan-15-2025": a written month between hyphens or slashes.
_MONTH_HYPHEN = re.compile(
    rf"\b{_DAY}[-/.](?:{_MONTH})(?:[-/.](?:\d{{4}}|\d{{2}}))?\b|\b(?:{_MONTH})[-/.]{_DAY}[-/.](?:\d{{4}}|\d{{2}})\b",
    re.IGNORECASE,
)
# Before a month/year, words that make it a product's expiry, not a patient's date ("lot 8817A expires 03/2026").
_EXPIRY_BEFORE = re.compile(r"\b(?:exp(?:ires|iry|iration|\.)?|lot|good\s+(?:thru|through|until)|best\s+before)\W{0,3}$", re.IGNORECASE)
# "on the 4th", "since the 21st": a day of the month after a date word.
_ORDINAL_DAY = re.compile(
    r"\b(?:on|since|from|until|till|by|due|before|after|to|was|arrives?|arriving|arrived|tomorrow|today|tonight|yesterday|"
    r"thanksgiving|christmas|back|home|surgery|scheduled|appt|dose|for|est|estimated|booked|planned|moved|is|start|starts|starting|"
    r"fell|came\s+in|injured|began|onset)\s+(?P<value>the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b"
    r"(?!\s+(?:dose|doses|unit|units|round|rounds|set|sets|attempt|attempts|time|times|bag|bags|liter|litre|trop|troponin|"
    r"line|lines|shift|shifts|floor|floors|day|days|week|weeks|hour|hours|try|stick|set|culture|cultures|amp|pack|"
    r"trimester|percentile|degree|rib|ribs|toe|finger|digit|icu|bed|visit|one|ones|person|patient|pt|kid|child|baby|case|call|"
    r"page|admit|admission|fall|episode|rn|nurse|doc|resident|intern|year|grade))",
    re.IGNORECASE,
)
# Before a bare "d/d", words that make it a score, a fraction or a count rather than a date ("pain 8/10", "apgars 8/9").
_SCORE_BEFORE = re.compile(
    r"\b(?:pain|apgars?|strength|motor|power|score|scale|gcs|grade|tabs?|tablets?|bottles?|sets?|cultures?|x|bp|"
    r"reassess(?:ed|ment)?|rated|rates|ratio|murmur|pulses?|reflexes|sats?|spo2|hr|rr|nrs|cpot|flacc|faces|rass|cam|day|"
    r"bipap|cpap|niv|avaps|ipap|epap|peep|bpp)"
    r"\W{0,3}$",
    re.IGNORECASE,
)
_SCORE_WORD_AFTER = re.compile(r"\s*(?:strength|str|power|pain)", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"\s*(?:strength|str\b|power|pain|bottles?|sets?|tabs?|units?|ml\b|mg\b|mmhg|x\b|%)", re.IGNORECASE)
# "work note for 11/3-11/7": two month/day dates joined by a dash.
_SHORT_RANGE = re.compile(r"(?<![\d/.\-:])(\d{1,2})/(\d{1,2})\s?[-–]\s?(\d{1,2})/(\d{1,2})(?![\d/])")
# "thru 11/2027", "since 03/2019": a numeric month and year.
_NUMERIC_MONTH_YEAR = re.compile(r"(?<![\d/.\-])(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?![\d/])")
_MONTH_YEAR = re.compile(rf"\b(?:{_MONTH})\.?,?\s+{_YEAR}\b", re.IGNORECASE)
_MODAL_MAY = re.compile(r"\bmay\b")
_PAIN_AFTER = re.compile(r"\s*pain\b", re.IGNORECASE)
# "drawn 11-12 0500", "collected 11-14": a month-day with a hyphen right after a specimen word.
_HYPHEN_MONTH_DAY = re.compile(
    r"\b(?:drawn|collected|obtained|resulted|sent)\s+(?P<value>(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01]))(?![\d\-/.])", re.IGNORECASE
)
# "Friday the 13th", "Sunday the 15th": a weekday with a day of the month.
_WEEKDAY_DAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b", re.IGNORECASE
)
# "coughing since Halloween", "no meds since Thanksgiving": a holiday that dates something of the patient's;
# "born Christmas day 1944", "admit date was Halloween", "stroke last Thanksgiving": with a year, a birth date.
_HOLIDAY = re.compile(
    r"\b(?:since|before|after|around|over|was|is|last|born|on)\s+(?:the\s+)?(?P<value>(?:halloween|thanksgiving|"
    r"christmas(?:\s+(?:eve|day))?|xmas(?:\s+eve)?|easter|new\s+year'?s(?:\s+(?:eve|day))?|"
    r"(?:the\s+)?fourth\s+of\s+july|july\s+4th|memorial\s+day|labor\s+day|valentine'?s(?:\s+day)?|mother'?s\s+day|father'?s\s+day)"
    r"(?:,?\s*(?:'\d{2}|(?:19|20)\d{2}))?)\b",
    re.IGNORECASE,
)
# A month named alone after "since", "in", "mid"... ("stopped it in August", "cough since early Oct") is a date
# element of the patient's when the message is about a patient or a relative (not "site goes live in Jan").
_MONTH_ALONE = re.compile(
    rf"\b(?:since|until|till|til|thru|through|in|mid-?|late|early|back\s+in)\s+(?:(?:early|mid|late)-?\s*)?"
    rf"(?P<value>(?:{_MONTH})\b\.?)(?!\s*[\d']|[-/]\d)",
    re.IGNORECASE,
)
_ABOUT_A_PATIENT = re.compile(
    r"\b(?:pt|pts|pt's|patient|mom|dad|mother|father|wife|husband|daughter|dtr|son|sister|brother|grand(?:son|daughter|ma|pa)|"
    r"niece|nephew|family|he|she|his|her|him|says|said|passed|died|admit(?:ted)?|admission|seen)\b",
    re.IGNORECASE,
)
_DOB_CUE = re.compile(
    r"(?:\bDOB|\bD\.O\.B\.?|\bdate\s+of\s+birth|\bborn(?:\s+on)?|\bbirth\s*date|\bbirthday|\bb\.|\bnacid[oa](?:\s+el)?|"
    r"\bfecha\s+de\s+nac(?:imiento|\.)?)\s*[:\-]?\s*(?:is\s+)?$",
    re.IGNORECASE,
)
_ROOM_BEFORE = re.compile(r"\b(?:bed|room|rm|bay)\s*$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"\s*(?:am\b|pm\b|a\.m\.|p\.m\.|h\b|hrs\b|o'clock)", re.IGNORECASE)


def _plausible(a: int, b: int) -> bool:
    """True when (a, b) can be month/day or day/month."""
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


class DateDetector(RedactionDetector):
    """DATE and DOB spans in numeric and written formats."""

    name = "dates"

    def detect(self, text: str) -> list[Candidate]:
        spans: list[tuple[int, int, str]] = []
        has_digit = any(ch.isdigit() for ch in text)
        if has_digit:
            for m in _NUMERIC_FULL.finditer(text):
                a, b = int(m.group(1)), int(m.group(3))
                if m.group(2) == "." and len(m.group(4)) == 2 and not (len(m.group(1)) == 2 and len(m.group(3)) == 2) \
                        and not _SHORT_CUE.search(text[max(0, m.start() - 30) : m.start()]):
                    continue  # "1.5.25" is more often a version or a dose than a date; "11.05.26", "d/c'd 11.5.25" are dates
                if _plausible(a, b):
                    spans.append((m.start(), m.end(), "A numeric date with day, month and year."))
            for m in _ISO.finditer(text):
                month, day = int(m.group(3)), int(m.group(4))
                if 1 <= month <= 12 and 1 <= day <= 31:
                    spans.append((m.start(), m.end(), "An ISO-style date (year-month-day)."))
            for m in _SHORT_HYPHEN.finditer(text):
                spans.append((m.start("value"), m.end("value"), "A month-day date after 'd/c', 'admitted', 'moved to' and the like."))
            for m in _COMPACT.finditer(text):
                spans.append((m.start(), m.end(), "A date written as eight digits, year, month and day (an EHR row's '19350218')."))
            for m in _SHORT.finditer(text):
                a, b = int(m.group(1)), int(m.group(2))
                if not _plausible(a, b) or _TIME_AFTER.match(text, m.end()):
                    continue
                before = text[max(0, m.start() - 30) : m.start()]
                if _SHORT_CUE.search(before) and not (_PAIN_AFTER.match(text, m.end()) and _SCORE_BEFORE.search(before)):
                    spans.append((m.start(), m.end(), "A month/day date after a date word such as 'on' or 'due'."))
                elif _bare_month_day(m, before, text):
                    spans.append((m.start(), m.end(), "A month/day date (not a score, a fraction or a count)."))
        for m in _MONTH_DAY.finditer(text):
            if _is_modal_may(text, m.start(), m.group()) or _ROOM_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue
            spans.append((m.start(), m.end(), "A written date (month name with a day)."))
        for m in _SHORT_RANGE.finditer(text):
            a, b, c, d = (int(m.group(k)) for k in (1, 2, 3, 4))
            before = text[max(0, m.start() - 30) : m.start()]
            if 1 <= a <= 12 and 1 <= b <= 31 and 1 <= c <= 12 and 1 <= d <= 31 and not _SCORE_BEFORE.search(before) \
                    and not _NOT_PATIENT_DATE_BEFORE.search(before):
                spans.append((m.start(), m.end(), "A range of two month/day dates."))
        for m in _NUMERIC_MONTH_YEAR.finditer(text):
            if not _EXPIRY_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                spans.append((m.start(), m.end(), "A numeric month and year."))
        for m in _MONTH_HYPHEN.finditer(text):
            spans.append((m.start(), m.end(), "A date with a written month between hyphens or slashes."))
        for m in _ORDINAL_DAY.finditer(text):
            spans.append((m.start("value"), m.end("value"), "A day of the month after a date word."))
        for m in _MONTH_YEAR.finditer(text):
            if _is_modal_may(text, m.start(), m.group()):
                continue
            spans.append((m.start(), m.end(), "A month with a year."))
        for m in _HYPHEN_MONTH_DAY.finditer(text):
            spans.append((m.start("value"), m.end("value"), "A month-day after a specimen word ('drawn', 'collected')."))
        for m in _SPANISH_DATE.finditer(text):
            spans.append((m.start(), m.end(), "A date written in Spanish ('3 de diciembre', 'el lunes 10')."))
        for m in _WEEKDAY_DAY.finditer(text):
            spans.append((m.start(), m.end(), "A weekday with a day of the month."))
        if _ABOUT_A_PATIENT.search(text):
            for m in _HOLIDAY.finditer(text):
                spans.append((m.start("value"), m.end("value"), "A holiday dating something of a patient's ('since Halloween')."))
            for m in _MONTH_ALONE.finditer(text):
                value = m.group("value").rstrip(".")
                if not _is_modal_may(text, m.start("value"), value) and value != "MAR":  # the MAR is a chart
                    end = m.start("value") + len(value)
                    spans.append((m.start("value"), end, "A month named after 'since' or 'in' in a message about a patient."))
        for m in _DAY_MONTH_YEAR_RUN.finditer(text):
            spans.append((m.start(), m.end(), "A date with day, written month and year run together ('14MAR1947')."))
        for m in _BIRTH_SIX_DIGITS.finditer(text):
            spans.append((m.start("value"), m.end("value"), "A six-digit date (MMDDYY) right after a birth word."))
        for m in _CUED_ONLY.finditer(text):
            if m.group("compact") and not _valid_compact(m.group("compact")):
                continue
            spans.append((m.start("value"), m.end("value"), "A date written without slashes right after a date word."))
        for m in _FULL_RANGE.finditer(text):
            spans.append((m.start(1), m.end(1), "The first date of a range of two numeric dates."))
            spans.append((m.start(2), m.end(2), "The second date of a range of two numeric dates."))
        found: list[Candidate] = []
        if spans and staff_only_message(text):
            return found
        for start, end, reason in spans:
            before = text[max(0, start - 25) : start]
            dob = _DOB_CUE.search(before) is not None
            event = None if dob else STAFF_EVENT_BEFORE.search(text, max(0, start - 60), start)
            if event and not _FAMILY_BEFORE_MEETING.search(text, max(0, event.start() - 30), event.start()):
                continue  # a staff event's date, not a patient's
            if dob:
                found.append(Candidate("DOB", start, end, self.name, "A date of birth."))
            else:
                found.append(Candidate("DATE", start, end, self.name, reason))
        return found


# Shapes taken only right after a date word: "DOB 19800312", "dob 9.12.45", "f/u 11.13", "telehealth 11.23", "readmit 11.12".
_CUED_ONLY = re.compile(
    r"\b(?:dob|d\.o\.b\.?|born|birth\s*date|f/u|follow[- ]?up|appt|appointment|telehealth|visit|due|dated|scheduled|"
    r"readmit(?:ted)?|admitted)\s*[:\-]?\s*"
    r"(?P<value>(?P<compact>(?:19|20)\d{6})|(?:0?[1-9]|1[0-2])\.(?:0?[1-9]|[12]\d|3[01])(?:\.\d{2})?)(?![\d.]|\.\d|\s*(?:mg|ml|%|kg))",
    re.IGNORECASE,
)
# Before "meeting" in a staff-event match, words that make it the patient's family's meeting ("family requests meeting Fri 11/22").
_FAMILY_BEFORE_MEETING = re.compile(r"\b(?:family|fam|pt|patient|pts|palliative|hospice|goc|goals\s+of\s+care)\b[^.\n]{0,25}$", re.IGNORECASE)


def _valid_compact(value: str) -> bool:
    """'19800312': a year, a month 01-12 and a day 01-31."""
    return 1 <= int(value[4:6]) <= 12 and 1 <= int(value[6:8]) <= 31


# Before a date, words that make it a staff or product date rather than a patient's ("deadline 11/30", "I'm off").
_NOT_PATIENT_DATE_BEFORE = re.compile(
    r"\b(?:(?<!hold\s)(?<!hold,\s)exp(?:ires|iry|iration|\.)?|deadline|due\s+by\s+staff|i'?m\s+off|off|pto|vacation|out\s+of\s+office|ooo|"
    r"schedule[ds]?|shift|lot|eff|effective|revised|retires?|backorder(?:ed)?(?:\s+(?:till|til|until))?)\W{0,3}$",
    re.IGNORECASE,
)


# Earlier in the message, words that make a date a staff event's ("staff mtg moved to 11/25", "swap my sat 11/21",
# "skills fair Nov 18", "license renewal is due 12/31"), unless a patient word sits between them and the date.
STAFF_EVENT_BEFORE = re.compile(
    r"\b(?:staff\s+(?:meeting|mtg)|(?<!family )(?<!fam )(?<!care )(?:meeting(?!\s+(?:him|her|them|us|me|with\s+(?:the\s+)?(?:pt|patient|family))\b)|mtg)|huddle|skills\s+fair|potluck|party|journal\s+club|in-?service|orientation|"
    r"class|training|renewal|licen[sc]e|staffing|swaps?|bonus\s+shift|holiday\s+pay|audits?|competenc(?:y|ies)(?!\s+(?:restoration|eval|evaluation|hearing|exam))|pto|vacation|"
    r"last\s+day|recert(?:ification)?|compliance|m&m|grand\s+rounds|manager|census|(?:dr\.?\s+[a-z]+|i'?m|i\s+am)\s+out|"
    r"(?:is|will\s+be)\s+out(?!\s+of)|(?:out|off)\s+(?:til|till|until))\b"
    r"(?![^\n]*\b(?:pt|patient|f/u|appt|surgery|admit(?:ted)?|d/c|discharge[ds]?|procedure|visit|dose|seen)\b)",
    re.IGNORECASE,
)


# Anywhere in a message, words of the hospital's own running: its dates are rota, training and closure dates
# ("3 open nights on 12/20 need coverage", "CLABSI module due 12/1", "clinics closed 11/11", "add-ons go to the 11th").
_STAFF_BUSINESS = re.compile(
    r"\b(?:schedul(?:e|es|ed|ing)|rota|staffing|coverage|nights|shifts?|templates?|modules?|mandatory|cme|ceus?|"
    r"in-?services?|training|huddles?|orientation|flu\s+shots?|employee\s+health|code\s+team|add-?ons?|closed|reno|"
    r"renovation|blocked|pto|vacation|potluck|drill|go-?live|downtime|payroll|timecards?|survey|expired|expiring|"
    r"travelers?|preceptors?|new\s+grads?|protocols?|polic(?:y|ies)|p&t|memo|superusers?|skills|check-?offs?|due\s+by|"
    r"expires?|exp|baby\s+shower|bday|holiday\s+pay|swap|trade|cover\s+my|conference|lecture|grant|enrollment|audit|"
    r"backorder(?:ed)?|supply\s+chain|joint\s+commission|scrubs|uniforms?|visiting\s+hours|sign\s+up|ceremony|venmo|"
    r"brown\s+bag|smart\s+pump|order\s+sets?|binder|sharepoint|intranet|awards?)\b",
    re.IGNORECASE,
)
# Words that put a patient in a message even without a patient word ("bed 12 d/c 12/1", "Mrs. Diaz appt 12/3").
_PATIENT_BUSINESS = re.compile(
    r"\b(?:mr|mrs|ms|miss|sr|sra|rm|room|bed|bay|d/c|discharg\w*|surgery|post[- ]?op|s/p|appt|appointment|f/u|follow[- ]?up|"
    r"procedure|visit|dose|mrn|dob|labs?|transfer\w*|consult|referral|admit\w*|hospice|snf|home\s+health|infusion|"
    r"chemo|dialysis|wound|pain|allergy|meds?|medication)\b",
    re.IGNORECASE,
)


def staff_only_message(text: str) -> bool:
    """A message about the hospital's own running and no patient: rota, training, closures, supplies."""
    return bool(_STAFF_BUSINESS.search(text)) and not _ABOUT_A_PATIENT.search(text) and not _PATIENT_BUSINESS.search(text)


def _bare_month_day(m: re.Match[str], before: str, text: str) -> bool:
    """'last dose 11/02', 'f/u ortho (11/21)': a month/day with no date word, when it cannot be a score.

    The month comes first (US order, 1-12). Small denominators (2, 3, 4, 5, 10) are scores or fractions
    ("3/4 strength", "pain 4/10") unless the first number is larger or written with a leading zero.
    """
    month_text, day_text = m.group(1), m.group(2)
    month, day = int(month_text), int(day_text)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    if _SCORE_BEFORE.search(before) or _NOT_PATIENT_DATE_BEFORE.search(before):
        return False
    unit = _UNIT_AFTER.match(text, m.end())
    if unit and not (month > day and _SCORE_WORD_AFTER.fullmatch(unit.group())):
        return False  # "3/4 strength", "4/5 pain", "1/2 tabs"; but "s/p lap chole 11/5 pain ok" is a date (no score is 11 of 5)
    padded = month_text.startswith("0") or day_text.startswith("0")
    return padded or month > day or day not in (2, 3, 4, 5, 10)


_BARE_MONTH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})")


def could_be_month_day(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, if it is a bare "d/d", can be a month/day rather than a score or a fraction.

    Any other shape ("11/02/24", "the 14th") is left to the caller and answers True.
    """
    m = _BARE_MONTH_DAY.fullmatch(text, start, end)
    return m is None or _bare_month_day(m, text[max(0, start - 30) : start], text)


def _is_modal_may(text: str, start: int, matched: str) -> bool:
    """'may 3' in lower case is the verb far more often than the month."""
    return _MODAL_MAY.search(matched) is not None
