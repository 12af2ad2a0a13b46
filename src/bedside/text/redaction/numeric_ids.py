"""Numeric identifiers: MRNs, SSNs, phone and fax numbers, account / plan / licence / device numbers, ages over 89.

Clinical numbers (lab values, doses, vitals, room and bed numbers, times, years) are left alone:
a number becomes an identifier only when a cue names it ("MRN", "acct", "fax"), when its shape is
unambiguous (``123-45-6789``, ``(217) 555-0143`` validated by ``phonenumbers``), or when it is a long
bare digit string (seven or more digits, no decimal point) that no lab or dose cue explains.
"""

from __future__ import annotations

import re

import phonenumbers

from bedside.text.redaction.candidates import Candidate, RedactionDetector

_MRN = re.compile(
    r"\b(?:MRN|MR\s*#|MR\s+(?:no|num|number)\.?|med(?:ical)?\s+rec(?:ord)?s?(?:\s+(?:number|no\.?|num|#))?|"
    r"chart\s*(?:#|no\.?|number)|hosp(?:ital)?\s+(?:number|no\.?|#)|UR\s*#|URN|HRN|health\s+rec(?:ord)?\s+(?:number|no\.?|#)|"
    r"unit\s+(?:number|no\.?)|pt\s+(?:id|#)|dup(?:licate)?\s+(?:record|chart|mrn)\s+(?:w/|with))"
    r"\s*(?:[:#=]|is|of|ends?(?:\s+(?:in|with))?|ending(?:\s+in)?)?\s*(?:[:#])?\s*"
    r"(?P<value>[A-Z]{0,3}-?\d[\d\-]{2,14}\d|\d{4,})",
    re.IGNORECASE,
)
# "MR00982214": a record number written with its MR prefix and no label.
_MR_PREFIXED = re.compile(r"(?<![\w-])(?P<value>MR\d{6,10})\b")
# A Medicare Beneficiary Identifier has a shape of its own (digit, letters without S L O I B Z, digits at fixed
# places: "1EG4-TE5-MK72"), so it is one wherever it stands ("MBI on the face sheet for Mr. Labbe is 1EG4-TE5-MK72").
_MBI_LETTER = "[AC-HJKMNP-RT-Y]"
_MBI = re.compile(
    rf"(?<![\w-])(?P<value>[1-9]{_MBI_LETTER}[AC-HJKMNP-RT-Y0-9]\d-?{_MBI_LETTER}[AC-HJKMNP-RT-Y0-9]\d-?{_MBI_LETTER}{{2}}\d{{2}})(?![\w-])"
)
# A member number right after an insurer's name ("Ambetter U72004419-01", "ins BCBS ZGP884122301").
_INSURER_NUMBER = re.compile(
    r"\b(?:aetna|ambetter|anthem|bcbs\w*|blue\s+cross|cigna|humana|molina|tricare|wellcare|caresource|uhc|unitedhealthcare|"
    r"united\s+healthcare|oscar|amerigroup|wellpoint|kaiser|highmark|avmed|florida\s+blue|medica|aarp)\b\s*(?:#|id|member)?\s*"
    r"(?P<value>(?=[A-Z0-9-]*\d{6})[A-Z]{0,4}\d[A-Z0-9-]{4,18}[A-Z0-9])\b",
    re.IGNORECASE,
)
# A driver's licence written in groups of digits after its letter ("drivers lic K 520 118 447 902").
_GROUPED_LICENCE = re.compile(r"\b(?:lic|license|licence|DL)\b\W{0,3}(?P<value>(?-i:[A-Z])(?:[\s-]\d{3}){4})\b", re.IGNORECASE)
_ID = re.compile(
    r"\b(?:acct|account|acc|insurance|ins|member|subscriber|policy|plan|medicaid|medicare|mbi|hicn|"
    r"claim|encounter|enc|csn|fin|visit|license|licence|lic|DL|driver'?s\s+license|passport|serial|s/n|SN|"
    r"device|pacemaker|implant|VIN|plate|certificate|cert|badge|case|ref(?:erence)?|beneficiary|wristband|armband|"
    r"application|app|ihs|a-number|alien|password|passcode|intake|pin|prc|ohp|hicn|inmate|booking|itin|ID)\b"
    r"(?:\s+(?:id|number|no\.?|num|#))?\s*(?:[:#=]|is)?\s*(?:[:#])?\s*"
    r"(?P<value>(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{3,19}[A-Z0-9])\b",
    re.IGNORECASE,
)
# A protective-services report about a patient: "APS report # 2025-APS-4471", "CWS hotline called, referral # 2145-8830-1102".
_PROTECTIVE_REPORT = re.compile(
    r"\b(?:APS|CPS|CWS|DCFS|DCS|protective\s+services)\b[^\n;]{0,90}?\b(?:report|referral|case|intake)\s*"
    r"(?:#|no\.?|number|num)\s*:?\s*(?P<value>(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{3,19}[A-Z0-9])\b"
    r"|\b(?P<coded>(?-i:APS|CPS|CWS|DCFS|DCS)-\d[\d-]{4,18}\d)\b",
    re.IGNORECASE,
)
# "last 4 of SS 4471", "last four of her social 0932": the label after "last 4".
_LAST_FOUR_OF = re.compile(
    r"\blast\s*(?:4|four)\s+(?:digits\s+)?of\s+(?:(?:the|pt'?s|his|her|their)\s+)?(?:ssn|ss|social(?:\s+security)?|soc\s+sec)\b"
    r"\s*(?:#|no\.?|number)?\s*[:=]?\s*(?:is\s+)?(?P<value>\d{4})(?![\d\-/:])",
    re.IGNORECASE,
)
# In a clause about a Social Security number, a bare nine-digit number is one ("ssn is 436229018 but registration
# typed 436229081").
_NINE_DIGITS = re.compile(r"(?<![\w\-/.$#])(?P<value>\d{9})(?![\w\-/]|[.,]\d)")
_SSN_LAST_FOUR = re.compile(
    r"\b(?:ssn|social(?:\s+security)?(?:\s+(?:number|no\.?|#))?)\s*(?:last\s*(?:4|four)|l4)\s*(?:digits?\s*)?(?:[:#=]|is)?\s*"
    r"(?P<value>\d{4})\b|\b(?P<masked>(?:x{3}|\*{3})-?(?:x{2}|\*{2})-?\d{4})\b",
    re.IGNORECASE,
)
# In a message about a Social Security number, four digits after "last 4" are its last four, however far from the
# label ("SSN on the face sheet is 034-62-1197, registration says it's wrong, last 4 should be 1179").
_LAST_FOUR = re.compile(r"\blast\s*(?:4|four)(?:\s+digits)?\b[^\n\d]{0,25}?(?P<value>\d{4})(?![\d\-/:])", re.IGNORECASE)
# "Reg: last 4 7713, DOB 3-14-55": four digits right after "last 4" are an SSN's, with no SSN word in the message.
_LAST_FOUR_BARE = re.compile(
    r"\blast\s*(?:4|four)\s*:?\s*(?P<value>\d{4})\b(?![\d\-/:.]|\s*(?:hrs?|hours?|days?|wks?|weeks?|mos?|months?|yrs?|years?|times|x)\b)",
    re.IGNORECASE,
)
# A police report or a PRC referral about the patient: "police report # 25-311902", "PRC referral # 22-04471".
_REPORT_NUMBER = re.compile(
    r"\b(?:police\s+report|PRC\s+referral|police\s+case)\s*(?:#|no\.?|number)\s*:?\s*(?P<value>(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{3,19}[A-Z0-9])\b",
    re.IGNORECASE,
)
_SSN = re.compile(r"(?<![\d\-])(?P<value>\d{3}-\d{2}-\d{4})(?![\w\-])")  # not "004-32-1177A", an old Medicare HICN
# In a clause about a Social Security number, the four-digit numbers are its last four ("SSN on file ends 4821 but
# Medicaid shows 4812", "last 4 of ssn for Pheng Vang, wife says 4471", "SS card found in wallet 548 90 2231").
_SSN_CLAUSE = re.compile(r"\b(?:ssn|ss\#|ss\s+card|social\s+security|soc\s+sec)\b[^\n;]{0,70}", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"(?<![\w\-:/.$#])(?P<value>(?:\d{3}\s\d{2}\s)?\d{4})(?![\w\-:/%]|[.,]\d|\s*(?:am|pm|hrs?|h)\b|(?-i:\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]))", re.IGNORECASE)
_NOT_SSN_BEFORE = re.compile(
    r"\b(?:at|by|x|ext|since|(?<!\bend\s)(?<!\bends\s)(?<!\bending\s)in|pager|rm|room|bed|until|til)\s*$|@\s*$", re.IGNORECASE
)
# A year after a month and day is part of a date, not an SSN ("SSN last 4 4471, DOB Jan 5 1979").
_MONTH_DAY_BEFORE_YEAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*$", re.IGNORECASE
)
_SSN_CUED = re.compile(
    r"\b(?:SSN|SS#|social\s+security(?:\s+(?:number|no\.?|#))?|soc\s+sec)\s*(?:[:#]|is)?\s*"
    r"(?P<value>\d{3}[\s\-]?\d{2}[\s\-]?\d{4}|(?:xxx|\*\*\*)-?(?:xx|\*\*)-?\d{4}|\d{4})\b",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w\-/.])(?P<value>(?:\+?1[\s.\-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.\-]?)\d{3}[\s.\-]?\d{4}"
    r"(?:\s*(?:x|ext\.?)\s*\d{1,5})?)(?![\w\-/])",
    re.IGNORECASE,
)
# A number in international format ("+49 30 5550 1842", "+52 55 1234 5678"), kept when phonenumbers validates it.
_INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])(?P<value>\+[2-9]\d{0,2}(?:[\s.\-]?\(?\d{1,5}\)?){2,5})(?![\w\-])")
_PHONE_CUE = re.compile(
    r"\bat\s*$|\b(?:sister|brother|daughter|son|wife|husband|mom|dad|mother|father|niece|nephew|cousin|aunt|uncle|neighbou?r|friend)\b"
    r"\s+[A-Z][a-z]+\s*[:,-]?\s*$|(?:\bphone|\bph\b|\btel\b|\bcell\b|\bmobile\b|\bcall\b|\bcontact\b|\bnumber\b|#|\breach\b|\bhome\b|\bwork\b|\bc\b|\bh\b|\bp\b)"
    r"[^\n\d]{0,20}$",
    re.IGNORECASE,
)
# A lab or vital sign shortly before "is 118" makes it a measurement.
_MEASURED = re.compile(
    r"\b(?:na|k|cl|co2|bun|cr|glucose|bg|sugar|fsbs|hgb|hct|plt|wbc|inr|ptt|trop|lactate|sats?|spo2|hr|rr|bp|map|pulse|"
    r"temp|weight|wt|level|score|ef|fio2|peep|rate|count|osm|osmo|sodium|potassium)\b",
    re.IGNORECASE,
)
# "Medicaid # we have is 4400918823", "CIB number is 330-214-7781": a phone-shaped number a few words after an ID's label.
_ID_LABEL_NEAR = re.compile(
    r"\b(?:medicaid|medicare|mbi|member|policy|insurance|claim|acct|account|cib|cdib|cin|tribal|enrollment)(?:\s+[A-Z]+)?\s*(?:#|number|no\.?|id)"
    r"[^\n\d]{0,20}$",
    re.IGNORECASE,
)
_ID_LABEL_BEFORE = re.compile(r"\b(?:fin|csn|acct|account|encounter|enc|member|policy|claim|mrn|mr#|medicaid|medicare|id|vhic|icn|edipi|serial|ihs|a-number|dl|licen[cs]e|application|tribal|case|ref|auth|itin)\s*(?:id|#|no\.?|number)?\s*[:#]?\s*$", re.IGNORECASE)
# "call 555-0127 ext 2": a local number without its area code, counted only with a phone word or an extension.
_LOCAL_PHONE = re.compile(r"(?<![\w\-/.()])(?P<value>\d{3}[-\s]\d{4})(?P<ext>\s*(?:x|ext\.?)\s*\d{1,5})?(?![\w\-/])", re.IGNORECASE)
_FAX_CUE = re.compile(r"\bfax(?:ed)?\b[^\n\d]{0,25}$", re.IGNORECASE)
_LONG_NUMBER = re.compile(r"(?<![\w.,/\-])#?(?P<value>\d{7,12})(?![\w/\-]|[.,]\d)")
# An identifier a few words after its label ("Medicaid # for Dakota Kills Crow: 119983274WA", "band BB 4471-2218",
# "plate NE 72-K118", "MBI for Teodoro: 7KD3-PX1-WM62"): letters in capitals and at least four digits.
_ID_LABEL = re.compile(
    r"\b(?:medicaid|medicare|mbi|hicn|provider\s?one|tag|plate|auth(?:orization)?|subject|study|band|wristband|armband|"
    r"icn|vhic|edipi|member|policy|insurance|id|serial|s/n|sn|a\#|alien|i-94|curp|ohip|ramq|health\s+(?:card|\#|number|no)|"
    r"cin|bic|ahcccs|mainecare|masshealth|medi-?cal|soonercare|tricare|cib|cdib|enrollment|claim|docket|licen[cs]e|"
    r"health\s+first\s+colorado|tenncare|kancare|badgercare|husky|apple\s+health|centennial\s+care|peachcare|"
    r"medical\s+assistance|census\s*\#|ins(?=:)|"
    r"registration|cn|dl|tribal|application)(?:\b|(?<=\#))",
    re.IGNORECASE,
)
_ID_VALUE = re.compile(r"(?<![\w-])(?P<value>(?:[A-Z]{1,3}\s)?(?=[A-Z0-9\-]*\d)[A-Z0-9]+(?:-[A-Z0-9]+|\s\d+(?=[\s,.;:)]|$)){0,4})(?![\w-])")
_ID_GAP = 30
_HASH_NUMBER = re.compile(r"(?<![\w&])#\s?(?P<value>(?:[A-Z]{1,4}-?|(?:19|20)\d{2}-)?\d{5,12}(?:-\d{3,10})?)\b")
# A licence plate written digits first with letters after ("ME plate 8842 PW", "tag 4471 KX").
# A bare record number right after a "Last, First" name, as EHR lists and census lines copy it:
# "Shamoun, Nahrain 5529-0831 ready for OR", "VILLANUEVA, CORAZON S  E01183342  06/30/1935", "Sabic, Edin (E2218847)",
# "Guillory, Wanda CBM4471902", "Broussard, Odile 0091-227-54", "TREVIÑO, ROSA ELENA VG00482193", "Castillo, Ma.
# Guadalupe (VG-00713355)", "Hernández Colón, Wilfredo E0048829317": accented, two-word surnames, more given names.
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]+"
_LABEL_WORD = r"(?i:fin|csn|acct|account|enc|encounter|mrn|mr|id|har|member|policy|claim|case|dob)\b"  # "Kahananui, Keoni FIN 402-118-8871"
_AFTER_LAST_FIRST = re.compile(
    rf"(?<![\w'’\-]){_NAME_WORD}(?:\s{_NAME_WORD})?,\s*{_NAME_WORD}\.?(?:\s+(?!{_LABEL_WORD})(?:{_NAME_WORD}|[A-Z]\.?)){{0,2}}\s+\(?"
    r"(?!(?:19|20)\d\d-\d\d?-\d\d?\b)(?P<value>(?:[A-Z]{1,4}-?)?\d{3,}(?:-\d{2,}){0,3})(?![\w/.-])"
)
# "she gave the password crawfish22": a privacy password or code word the patient chose identifies them.
_PASSWORD = re.compile(
    r"\b(?:password|passcode|pass\s+word|code\s+word|privacy\s+pin|pin)\s*(?:is|:|#)?\s*"
    r"(?:[\"“](?P<quoted>[^\"”\n]{3,30})[\"”]|(?P<value>(?=[^\s,.;:!?]*\d)[^\s\"',.;:!?()]{3,30}))",
    re.IGNORECASE,
)
# "PENA, JOSE A JR ... E1028847 ... Enc 600338172": one capital letter and seven to nine digits is a record number's shape.
_LETTER_RECORD = re.compile(r"(?<![\w\-#])(?P<value>[A-Z]\d{7,9})(?![\w\-])")
_PLATE = re.compile(
    r"\b(?:plate|tag)\s*#?\s*(?P<value>(?-i:(?:[A-Z]{2}\s)?(?:\d{3,5}[\s-]?[A-Z]{1,3}|[A-Z]{2,4}[\s-]?\d{3,5}|[A-Z]{2,4}-(?=[A-Z0-9]*\d)[A-Z0-9]{2,5}|[A-Z]\d{1,3}-[A-Z]{2,4}|(?=[A-Z0-9]{1,4}\s[A-Z0-9]*\d)(?=[A-Z0-9 ]*[A-Z])[A-Z0-9]{1,4}\s[A-Z0-9]{2,5}(?![\w-])|(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{5,8})))"
    r"(?![\w-])",
    re.IGNORECASE,
)
_NOT_PATIENT_NUMBER_BEFORE = re.compile(
    # "incident report filed #IR-55302", "ticket placed #BED-20119", "receipt #A21877": the hospital's own paperwork
    r"\b(?:(?:(?:incident|event|safety|occurrence)\s+)?report\s+(?:filed|placed|submitted|entered)|(?:ticket|request)\s+(?:placed|filed|submitted|entered)|"
    r"(?:safety|event|occurrence)\s+report|receipt|ticket|order|incident(?:\s+report)?|lock|confirmation|biomed|interpreter|interp|lot|po|invoice|req|requisition|work\s+order|case\s+no|pager|ext|"
    r"loc|location|rm|room|seal|run|envelope|bag)"
    r"(?:\s+(?:id|no\.?|number))?\W{0,3}$",
    re.IGNORECASE,
)
# "Pt: Tuluk, Margaret | 11/30/1948 | E00381922 | Rm 5203-A": a code of 7 to 12 digits alone between the bars of
# a copied EHR row is the record number.
_PIPE_FIELD = re.compile(r"(?<=\|)\s*(?P<value>[A-Z]{0,3}-?\d{7,12})\s*(?=\||$)")
# An interpreter's or a language line's number, with the language between ("interpreter (Marshallese, ID# 40221)").
_INTERPRETER_BEFORE = re.compile(r"\b(?:interp(?:reter)?|language\s+line)\b[^\n.;)]{0,30}\)?[^\n.;]{0,4}$", re.IGNORECASE)
_TOLL_FREE = re.compile(r"1-8[0-9]{2}")
_PROTECTIVE_WORDS = ("aps", "cps", "cws", "dcfs", "dcs", "protective")
# A lab, dose or count word just before a long number means it is a measurement, not an identifier.
_MEASURE_CUE = re.compile(
    r"\b(?:plt|platelets?|wbc|count|cells|copies|viral\s+load|vl|units?|iu|dose|mg|mcg|ml|steps|cost|\$|usd)\W{0,3}$",
    re.IGNORECASE,
)
_AGE_UNIT_AFTER = re.compile(r"\s*(?:yo\b|y/o|y\.o\.|yrs?\b|years?\b|-year)", re.IGNORECASE)  # "Earl T 93 yo": an initial, no temperature
_TEMPERATURE_CUE = re.compile(
    r"\b(?:t|temp|temps|tmax|tm|tc|fever|fevers|febrile|spiked|spiking|temperature|to)\b[\s:=of~]{0,6}$", re.IGNORECASE
)
_AGE = [
    re.compile(
        r"(?<![\d.])(?P<value>9\d|1[0-2]\d)\s?(?:-\s?)?(?:yo\b|y/o\b|y\.o\.|yrs?\b|years?\b|year-old\b|years-old\b|yr-old\b|y\b|años\b|anos\b)",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:age[ds]?|aged)\s*:?\s*(?P<value>9\d|1[0-2]\d)\b(?![.,]\d)", re.IGNORECASE),
    re.compile(r"(?<![\d.])(?P<value>9\d|1[0-2]\d)\s?(?:M|F)\b"),
    re.compile(r"\b(?:turns?|turned|turning)\s+(?P<value>9\d|1[0-2]\d)\b", re.IGNORECASE),
    # "pt is 97", "he's 99", "is 102 today"; "Halvorsen (90)", "Teresita Dizon 93, SNF resident".
    re.compile(
        r"\b(?:is|he's|she's|hes|shes|who's)\s+(?P<value>9\d|1[01]\d)\b"
        r"(?!\s*(?:%|/|\.\d|°|mg|mcg|kg|g\b|ml|mmhg|bpm|lbs?|cm|mm|min|hrs?|units?|percent|degrees|mmol|meq|mg/dl))",
        re.IGNORECASE,
    ),
    re.compile(r"[A-Za-z]\s\((?P<value>9\d)\)"),
    # "(pts mother, 96)", "(grandma, 93)": an age after a relation in brackets.
    re.compile(r"\((?:[^()\d]{2,30}),\s*(?P<value>9\d)\)"),
    # "Ernestine Cobb, 93, is", "Tierney 96 in 1504", "Strickland 95 from Kelso", "Kaminski 94 - she's".
    re.compile(
        r"(?<![A-Za-z])[A-Z][a-z]+,?\s(?P<value>9\d)(?=,\s|\s+(?:in|from|on|lives|living|who|w/|with|at|and|fell|has|had|is|was|"
        r"came|presents|presented|admitted|s/p|here|now|yo)\b|\s*[-–—]\s)"
    ),
    re.compile(r"[a-z]\s(?P<value>9\d),\s"),
    re.compile(r"\b(?P<value>(?:9\d|1[01]\d)(?:st|nd|rd|th))\s+(?:birthday|bday|b-day)\b", re.IGNORECASE),
]
# Ages written in words: "(ninety-four)", "she is ninety one", "a hundred and two year old".
_WRITTEN_AGE = re.compile(
    r"(?:(?<=\()|\b(?:is|aged?|turns?|turned|turning|he's|she's)\s+)"
    r"(?P<value>(?:ninety|(?:one|a)\s+hundred(?:\s+and)?)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b"
    r"|\b(?P<value2>(?:ninety|(?:one|a)\s+hundred(?:\s+and)?)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
    r"(?=\s*(?:\)|yo\b|y/o|yrs?\b|years?\b|-year))"
    r"|(?:(?<=[a-z],\s)|(?<=[a-z]\s)|(?<=\)\s))(?P<value3>ninety(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b",
    re.IGNORECASE,
)
_AGE_WITHOUT_UNIT = _AGE[4:]  # ages with no "yo" or "M"/"F": "pt is 97", "Halvorsen (90)"
# Before a number, words that make it a measurement or a place rather than an age ("sats is 92", "room 93,").
# Words of NOT_AGE_BEFORE that may stand before an age written with its unit ("Earl T 93 yo", "who was 96 years old").
_WORDS_BEFORE_AN_AGE = frozenset({"t", "was", "now", "at", "of", "to", "from"})
NOT_AGE_BEFORE = re.compile(
    r"\b(?:sats?|spo2|o2|hr|rr|bp|map|pulse|glucose|bg|sugar|fsbs|weight|wt|temp|t|room|rm|bed|bay|level|score|"
    r"pain|k|na|cl|hgb|plt|wbc|inr|ptt|trop|lactate|ef|fio2|peep|rate|count|is\s+now|at|x|of|ext|pager|page|"
    r"recheck|repeat|rechecked|now|down|up|to|from|was)\W{0,4}$",
    re.IGNORECASE,
)


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


class NumericIdentifierDetector(RedactionDetector):
    """MRN, SSN, PHONE, FAX, ID and AGE>89 spans, from cues and validated shapes."""

    name = "numeric-identifiers"

    def __init__(self, region: str = "US") -> None:
        self._region = region

    def _valid_phone(self, value: str) -> bool:
        try:
            number = phonenumbers.parse(value, self._region)
        except phonenumbers.NumberParseException:
            return False
        return bool(phonenumbers.is_valid_number(number))

    def detect(self, text: str) -> list[Candidate]:
        found: list[Candidate] = []
        low = text.lower()  # the gates below are words a pattern cannot match without; they only save time
        for m in (_WRITTEN_AGE.finditer(text) if "ninety" in low or "hundred" in low else ()):
            group = next(g for g in ("value", "value2", "value3") if m.group(g))
            found.append(Candidate("AGE>89", m.start(group), m.end(group), self.name, "An age over 89 written in words."))
        for m in (_PASSWORD.finditer(text) if "pass" in low or "code" in low or "pin" in low else ()):
            group = "quoted" if m.group("quoted") else "value"  # quoted, or with a digit: not "password reset"
            found.append(Candidate("ID", m.start(group), m.end(group), self.name, "A privacy password or code word."))
        if not any(ch.isdigit() for ch in text):
            return found
        for m in _MRN.finditer(text):
            found.append(
                Candidate("MRN", m.start("value"), m.end("value"), self.name, "A number labelled as a medical record number.")
            )
        for m in _ID.finditer(text):
            value = m.group("value")
            if len(_digits(value)) < 3 or _looks_like_time_or_measure(value):
                continue
            if _NOT_PATIENT_NUMBER_BEFORE.search(text, max(0, m.start() - 25), m.start("value")) \
                    or _INTERPRETER_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _TOLL_FREE.fullmatch(value):
                continue  # "interpreter ID 22981", "interpreter (Marshallese, ID# 40221)", "plan 1-800 number": not the patient's
            found.append(
                Candidate("ID", m.start("value"), m.end("value"), self.name,
                          "A number labelled as an account, plan, licence, device or other identifier.")
            )
        for m in (_PROTECTIVE_REPORT.finditer(text) if any(w in low for w in _PROTECTIVE_WORDS) else ()):
            group = "value" if m.group("value") else "coded"  # "APS report # 2291-A", "is APS-2025-118870"
            found.append(Candidate("ID", m.start(group), m.end(group), self.name,
                                   "The number of a protective-services report or referral about the patient."))
        for m in _AFTER_LAST_FIRST.finditer(text):
            if len(_digits(m.group("value"))) >= 7:
                found.append(Candidate("MRN", m.start("value"), m.end("value"), self.name,
                                       "A record number of 7 or more digits right after a 'Last, First' name."))
        for m in _LETTER_RECORD.finditer(text):
            if not _NOT_PATIENT_NUMBER_BEFORE.search(text, max(0, m.start() - 25), m.start()) \
                    and not _ID_LABEL_BEFORE.search(text, max(0, m.start() - 20), m.start()):  # "A-number A219883406" is an ID
                found.append(Candidate("MRN", m.start("value"), m.end("value"), self.name,
                                       "A letter and seven to nine digits, the shape of a record number ('E1028847')."))
        for m in (_PLATE.finditer(text) if "plate" in low or "tag" in low else ()):
            found.append(Candidate("ID", m.start("value"), m.end("value"), self.name, "A licence plate after 'plate' or 'tag'."))
        for label in _ID_LABEL.finditer(text):
            found.extend(_id_near(text, label.end()))
        ssn_word = "ss" in low or "soc" in low
        for m in (_SSN_CUED.finditer(text) if ssn_word else ()):
            found.append(Candidate("SSN", m.start("value"), m.end("value"), self.name, "A number labelled as a Social Security number."))
        for m in (_SSN_LAST_FOUR.finditer(text) if ssn_word or "xxx" in low or "***" in text else ()):
            group = "value" if m.group("value") else "masked"
            found.append(Candidate("SSN", m.start(group), m.end(group), self.name, "The last four digits of a Social Security number."))
        for clause in (_SSN_CLAUSE.finditer(text) if ssn_word else ()):
            for m in _FOUR_DIGITS.finditer(text, clause.start()):  # no end bound: the clause may end inside a number
                if m.start() >= clause.end():
                    break
                if not _NOT_SSN_BEFORE.search(text, max(0, m.start() - 10), m.start()) \
                        and not _MONTH_DAY_BEFORE_YEAR.search(text, max(0, m.start() - 16), m.start()):
                    found.append(Candidate("SSN", m.start("value"), m.end("value"), self.name,
                                           "A four-digit number in a sentence about a Social Security number."))
        for m in (_LAST_FOUR_OF.finditer(text) if ssn_word or "soc" in low else ()):
            found.append(Candidate("SSN", m.start("value"), m.end("value"), self.name, "The last four digits of a Social Security number."))
        if ssn_word and _SSN_CLAUSE.search(text):
            for m in (m for clause in _SSN_CLAUSE.finditer(text) for m in _NINE_DIGITS.finditer(text, clause.start(), clause.end())):
                found.append(Candidate("SSN", m.start("value"), m.end("value"), self.name,
                                       "A nine-digit number in a message about a Social Security number."))
            for m in _LAST_FOUR.finditer(text):
                found.append(Candidate("SSN", m.start("value"), m.end("value"), self.name,
                                       "Four digits after 'last 4' in a message about a Social Security number."))
        for m in (_MR_PREFIXED.finditer(text) if "MR" in text else ()):
            found.append(Candidate("MRN", m.start("value"), m.end("value"), self.name, "A record number with its MR prefix."))
        for m in (_LAST_FOUR_BARE.finditer(text) if "last" in low else ()):
            found.append(Candidate("SSN", m.start("value"), m.end("value"), self.name, "Four digits right after 'last 4': an SSN's last four."))
        for m in (_REPORT_NUMBER.finditer(text) if "report" in low or "referral" in low or "case" in low else ()):
            found.append(Candidate("ID", m.start("value"), m.end("value"), self.name, "The number of a police report or a PRC referral."))
        for m in _MBI.finditer(text):
            found.append(Candidate("ID", m.start("value"), m.end("value"), self.name, "The shape of a Medicare Beneficiary Identifier."))
        members = [(m.start("value"), m.end("value")) for m in _INSURER_NUMBER.finditer(text)]
        for start, end in members:
            found.append(Candidate("ID", start, end, self.name, "A member number right after an insurer's name."))
        for m in (_GROUPED_LICENCE.finditer(text) if "lic" in low or "dl" in low else ()):
            found.append(Candidate("ID", m.start("value"), m.end("value"), self.name, "A driver's licence number written in groups."))
        for m in _SSN.finditer(text):
            if _ID_LABEL_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                continue  # "VA id 022-64-8891": another number in the same shape, found as ID above
            found.append(Candidate("SSN", m.start("value"), m.end("value"), self.name, "Has the ddd-dd-dddd shape of a Social Security number."))
        for m in (_PIPE_FIELD.finditer(text) if "|" in text else ()):
            found.append(Candidate("MRN", m.start("value"), m.end("value"), self.name,
                                   "A record number in its own field of an EHR row ('| E00381922 |')."))
        for m in _PHONE.finditer(text):
            value = m.group("value")
            before = text[max(0, m.start() - 30) : m.start()]
            formatted = any(ch in value for ch in "()-. ")
            if not (self._valid_phone(value) or (formatted and len(_digits(value)) >= 10) or _PHONE_CUE.search(before)):
                continue
            if _ID_LABEL_BEFORE.search(before) or _ID_LABEL_NEAR.search(before) or (m.start("value"), m.end("value")) in members:
                continue  # "FIN 402-118-8871", "AARP 2039471022": a number labelled as an account or a member's, found as ID
            if _FAX_CUE.search(before):
                found.append(Candidate("FAX", m.start("value"), m.end("value"), self.name, "A telephone number labelled as a fax number."))
            else:
                found.append(Candidate("PHONE", m.start("value"), m.end("value"), self.name, "A valid telephone number."))
        for m in (_INTERNATIONAL_PHONE.finditer(text) if "+" in text else ()):
            if self._valid_phone(m.group("value")):
                found.append(Candidate("PHONE", m.start("value"), m.end("value"), self.name, "A valid international telephone number."))
        for m in _LOCAL_PHONE.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            if m.group("ext") or _PHONE_CUE.search(before):
                kind = "FAX" if _FAX_CUE.search(before) else "PHONE"
                found.append(Candidate(kind, m.start("value"), m.end("value"), self.name, "A seven-digit telephone number after a phone word."))
        for m in (_HASH_NUMBER.finditer(text) if "#" in text else ()):
            if _NOT_PATIENT_NUMBER_BEFORE.search(text, max(0, m.start() - 25), m.start()):
                continue  # "ticket #INC0048812", "order #40028114", "interpreter #10442": not the patient's
            found.append(Candidate("ID", m.start(), m.end(), self.name, "A long number written as #NNNNN, likely a record or account number."))
        for m in _LONG_NUMBER.finditer(text):
            before = text[max(0, m.start() - 20) : m.start()]
            if _MEASURE_CUE.search(before) or _NOT_PATIENT_NUMBER_BEFORE.search(before):
                continue
            found.append(
                Candidate("ID", m.start("value"), m.end("value"), self.name,
                          "A bare number of seven or more digits, likely a record or account number.")
            )
        for pattern in _AGE:
            for m in pattern.finditer(text):
                unit = _AGE_UNIT_AFTER.match(text, m.end("value")) is not None
                if (_TEMPERATURE_CUE.search(text, max(0, m.start() - 16), m.start()) and not unit) \
                        or text[m.end("value") : m.end("value") + 2].strip().startswith("°"):
                    continue  # "T 101 F" is a temperature
                not_age = NOT_AGE_BEFORE.search(text, max(0, m.start("value") - 16), m.start("value"))
                if (not_age and not (unit and not_age.group().strip(" :=~").lower() in _WORDS_BEFORE_AN_AGE)) or (
                    pattern in _AGE_WITHOUT_UNIT and _MEASURED.search(text, max(0, m.start() - 30), m.start("value"))
                ):
                    continue  # "sats is 92", "room 93,", "Na on bed 7 is 118": a measurement or a place
                found.append(Candidate("AGE>89", m.start("value"), m.end("value"), self.name, "An age over 89 (Safe Harbor aggregates these)."))
        return found


def _id_near(text: str, start: int) -> list[Candidate]:
    """The first code of capitals and at least four digits within a few words after an identifier's label
    ("Medicaid # for Dakota Kills Crow: 119983274WA", "band BB 4471-2218", "MBI for Teodoro: 7KD3-PX1-WM62")."""
    window = re.split(r"[\n;]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSr)\.\s", text[start : start + _ID_GAP + 24])[0]
    for m in _ID_VALUE.finditer(window):
        if m.start() > _ID_GAP:
            break
        value = m.group("value")
        head = value.split(" ", 1)[0]
        if " " in value and head.lower() in ("rm", "room", "bed", "loc"):
            continue  # "RM 4N-406": a room
        offset = len(head) + 1 if " " in value and _ID_LABEL.fullmatch(head) else 0  # "member ID XJH448812"
        value = value[offset:]
        if len(_digits(value)) < 4 or len(value) < 6 or _looks_like_time_or_measure(value):
            continue
        if _NOT_PATIENT_NUMBER_BEFORE.search(text, max(0, start + m.start() - 25), start + m.start()):
            return []
        return [Candidate("ID", start + m.start() + offset, start + m.end(), NumericIdentifierDetector.name,
                          "A code of capitals and at least four digits a few words after an identifier's label.")]
    return []


def _looks_like_time_or_measure(value: str) -> bool:
    return value.isdigit() and len(value) == 4 and value.startswith(("19", "20"))
