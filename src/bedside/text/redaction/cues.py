"""Context cues that announce a person's name in clinical team messages.

A *strong* cue ("Mr.", "pt", "daughter", "room 12 –") makes the next capitalised word a name even when
it is also an English word; a *post* cue ("… in 4b", "… (MRN", "…, 84F") confirms a name-list word
just before it. Staff cues ("Dr.", "RN", "nurse") mark the next name as a clinician, which is not PHI.
"""

from __future__ import annotations

import re

TITLE_CUES: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "mister", "mstr", "madam", "sr", "sra", "srta", "mme", "mlle", "sgt", "ssgt", "msgt",
     "cpl", "pvt", "capt", "cmdr", "pastor", "rev", "reverend", "deacon"}
)
PATIENT_CUES: frozenset[str] = frozenset({"pt", "pts", "patient", "patients", "re", "pnt", "ptnt", "px", "contact", "caller", "visitor", "name", "alias", "aka"})
RELATIVE_CUES: frozenset[str] = frozenset(
    {
        "daughter", "son", "wife", "husband", "mother", "mom", "mum", "father", "dad", "sister", "brother", "niece",
        "nephew", "grandson", "granddaughter", "grandmother", "grandfather", "grandma", "grandpa", "spouse", "partner",
        "guardian", "caregiver", "poa", "hcp", "proxy", "fiance", "fiancee", "boyfriend", "girlfriend", "aunt", "uncle",
        "cousin", "stepson", "stepdaughter", "neighbor", "neighbour", "roommate", "dtr", "grandaughter",
        "auntie", "aunty", "stepmom", "stepdad", "stepmother", "stepfather", "godmother", "godfather", "fiancé", "fiancée",
        "daughters", "sons", "sisters", "brothers", "grandsons", "granddaughters", "grandkids", "nieces", "nephews",
        "hubby", "parents", "grandparents", "ex", "ex-husband", "ex-wife", "ex-boyfriend", "ex-girlfriend", "abuela", "abuelo", "esposa", "esposo", "hija", "hijo", "grandmom", "bf", "gf",
    }
)
STAFF_CUES: frozenset[str] = frozenset(
    {"dr", "doctor", "rn", "np", "pa", "nurse", "md", "charge", "attending", "resident", "fellow", "intern", "pharmacist",
     "cna", "tech", "prof", "professor", "dra", "cnas", "rns", "nps", "techs", "nurses", "residents", "interns", "rph",
     "grad", "orientee"}
)
# Words allowed between a cue and the name: "pt: Smith", "daughter, Maria,", "wife (Grace)", "son is Tom".
CUE_GAP = re.compile(r"\.?(?:'s)?\s*(?:[:,(\-–—]|\bis\b|\bnamed\b|\bcalled\b)?\s*(?:\bis\b|\bnamed\b)?\s*\(?\s*")
TITLE_GAP = re.compile(r"\.?\s+|\.")
# Where a patient is: "room 12", "rm 4B", "ICU bed 5", "hall bed 27", "ED 23", "bay 9", "chair 3".
_PLACE = r"(?:room|rm\.?|bed|bay|bd|cubicle|cube|pod|ed|er|chair|stretcher|trauma|resus|hallway|hall)"
LOCATION_CUE = re.compile(
    r"\b" + _PLACE + r"\s*#?\s*\d{1,4}[A-Za-z]?\b(?P<sep>\s*[-–—:,/|(]\s*|\s+)"
    r"|(?:^|(?<=[\s(]))\d{1,3}[A-Za-z]?(?P<sep2>\s+[-–—|]\s*|\s*[:–—]\s+|\s*[|]\s*)",
    re.IGNORECASE,
)
# After "in 2": a span of time, not a room ("f/u PCP Ogallala in 1 wk").
_NOT_DURATION = r"(?!\s*(?:min|mins|minutes|hours?|hrs?|days?|d|weeks?|wks?|months?|mos?|years?|yrs?|am|pm)\b)"
POST_CUE = re.compile(
    r"(?:'s)?(?:(?:\s+(?:is|was|now|still|back))?\s+(?:in|on)\s+(?:(?:icu|hall|er|ed)\s+)?(?:" + _PLACE + r"\s*)?#?\d{1,4}[A-Fa-f]?\b(?![.:,/]\d)"
    + _NOT_DURATION +
    r"|\s+(?:to|from)\s+(?:(?:icu|hall|er|ed)\s+)?" + _PLACE + r"\s*#?\d{1,4}[A-Fa-f]?\b(?![.:,/]\d)"
    r"|\s*\(\s*(?:MRN|DOB|mr#|med rec|\d|(?:(?:icu|hall|er|ed)\s+)?" + _PLACE + r"\s*#?\d)"
    r"|,?\s+\d{1,3}\s?(?:yo\b|y/o|y\.o\.|M\b|F\b|-?year)"
    r"|\s*,\s*(?:MRN|DOB)\b"
    r"|\s+(?:MRN|DOB)\b"
    r"|\s*[-–—:]\s*(?:room\s*|rm\.?\s*|bed\s*)?\d{1,4}[A-Za-z]?\b(?![.:,]\d)\s*[-–—:,]"
    r"|\s+(?:family|daughter|son|wife|husband|kids|children)\b(?!\s+of\b)"
    # "Faith in LDR 6": a unit's short name and a number
    r"|(?:\s+(?:is|was|now|still|back))?\s+in\s+(?:LDR|L&D|PACU|NICU|PICU|MICU|SICU|CCU|ICU|CVICU|ED|ER|OR|tele|obs|peds|"
    r"triage|postpartum|antepartum|step-?down|recovery|labor|dialysis)(?:\s+(?:bay|bed|rm|room|pod))?\s*#?\d{1,3}[A-Za-z]?\b"
    # "Faith in 4W-403", "hunter in 5E-14": a floor and wing, then the room
    r"|(?:\s+(?:is|was|now|still|back))?\s+in\s+\d{1,2}[A-Za-z]{1,2}-\d{1,4}\b(?![.:,/]\d))",
    re.IGNORECASE,
)
POSSESSIVE_CUE = re.compile(
    r"'s\s+(?:labs?|k\b|potassium|family|daughter|son|wife|husband|mother|father|meds|medications|bp|vitals|"
    r"discharge|dc|d/c|insurance|room|bed|chart|mrn|dob|family|ride|pain|procedure|surgery|ct|mri|cultures?|inr|"
    r"record|records|mychart|portal|account|bill|labs|results|glucose|sugars?|dressing|wound|foley|iv|line|picc|appointment|appt|follow[- ]?up|husband|partner|caregiver|mom|dad|mum|sister|brother|grandson|granddaughter|niece|nephew|poa)\b",
    re.IGNORECASE,
)
FAMILY_OF = re.compile(
    r"\b(?:family|relatives?|kids|children|friends?)\s+of\s+(?:pt\.?\s+|patient\s+)?"
    r"|\b(?P<newborn>baby\s+(?:boy|girl)\s+(?:[AB]\s+)?)"  # "Baby Girl Oyebanji", "Baby Girl Huntington": a newborn's record name
    # "goes by Lucho", "prefers \"Mo\"", "says his name is Boy"; ``stated``: after it a word is a name whatever else it is
    r"|\b(?:(?P<stated>goes\s+by|aka|a\.k\.a\.|nicknamed|known\s+as)|prefers)\s+[\"“']?"
    r"|\b(?P<named>(?:his|her|their|(?:the\s+)?(?:pt|patient)['’]?s)\s+name\s+is)\s+[\"“']?",
    re.IGNORECASE,
)
VERB_AFTER = re.compile(
    r"\s+(?:is|was|fell|has|had|needs|wants|refus\w*|says|said|states|denies|reports|asked|asking|called|left|went|"
    r"pulled|spiked|desatted|agitated|declined|agrees|agreed|vomited|coded|complains|c/o|seems|looks|felt|feels|"
    r"ambulated|walked|ate|slept|became|got|remains|continues|arrived|transferred|expired|passed|can|could|"
    r"should|would|will|went|done|did|does|is|has|keeps|refused|requests|requested|wants)\b"
)
# Verbs whose object is a patient: "Rehab accepted Brown", "we transferred Long to ICU".
PATIENT_OBJECT_VERBS: frozenset[str] = frozenset(
    {"accepted", "discharged", "transferred", "admitted", "discharging", "admitting", "transferring", "saw", "visited",
     "examined", "consented", "intubated", "extubated", "sedated", "restrained", "roomed", "triaged", "boarding",
     "for", "on", "about", "re", "with", "see", "called", "paged", "update", "d/c", "dc'd", "dc", "if", "take", "says",
     "said", "round", "check", "taking", "covering", "cover", "over", "out", "has", "have", "spoke", "meet", "met",
     "following", "follow", "followed", "rounding", "seeing", "seen", "assess", "reassess", "evaluate", "eval",
     "consult", "watching", "watch", "moving", "move", "moved", "discharge", "transfer", "admit", "bring", "brought",
     "prepping", "prep", "ambulate", "ambulating", "turn", "reposition", "feed", "helping", "help", "recheck",
     "accepting", "cleared", "clearing", "give", "gave", "giving", "draw", "drew", "scope", "scoped"}
)
# "sherpa rm 16", "seo bed 8": a place number right after a word (a name only when the word is no ordinary word).
PLACE_RIGHT_AFTER = re.compile(r"\s+(?:rm\.?|room|bed|bay)\s*#?\d{1,4}[A-Za-z]?\b(?![.:,/]\d)", re.IGNORECASE)
# After a room number, a lower-case word in no list is a name when another field separator follows it, as in a
# list of rows ("rm 536 - karimova - npo", "12 | abernathy | d/c today").
FIELD_AFTER = re.compile(r"\s*[-–—|;/]\s")
# A capitalised word followed by one of these names a place ("the Jackson conference room"), not a person.
PLACE_AFTER = re.compile(
    r"\s+(?:conference|auditorium|building|hall|pavilion|wing|center|centre|hospital|clinic|institute|library|lounge|"
    r"tower|campus|street|avenue|road|drive|university|college|county|memorial|medical|health|foundation|fund|"
    r"conf|general|regional|community|lodge|home|village|manor|place|gardens|terrace|house|center|centre)\b",
    re.IGNORECASE,
)
DAY_WORDS: frozenset[str] = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "today", "tonight", "tomorrow", "yesterday"}
)
MONTH_WORDS: frozenset[str] = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)

# -- cues of the no-cue rules (1.4.0): roster names, initials, list rows, places -------------------------
PATIENT_PLACE_AFTER = re.compile(
    r"(?:\s+(?:is|was|now|still))?\s+(?:in|on)\s+(?:(?:icu|hall|er|ed|pacu|ldr)\s+)?(?:(?:room|rm|bed|bay)\s*)?#?\d{1,4}[A-Za-z]?\b"
    r"(?![.:,/]\d)" + _NOT_DURATION +
    r"|\s+(?:rm\.?|room|bed|bay)\s*#?\d{1,4}[A-Za-z]?\b",
    re.IGNORECASE,
)
# A bed or room number just before a name and an age and sex just after it: a sign-out line's patient ("bed 6 Kim 45F").
# A room number right after a name ("ms young 412"), and the message calling the name the patient ("Faith (the 19yo in
# 410)", "faith the pt in 3N-301").
ROOM_AFTER_NAME = re.compile(r"\s+(?:(?:rm\.?|room|bed)\s*)?#?\d{1,4}[A-Za-z]?\b(?![.:/]\d)", re.IGNORECASE)
THE_PATIENT_AFTER = re.compile(r"\s*\(?\s*(?:the|our)\s+(?:pt|patient|\d{1,3}\s?(?:yo|y/o|yr|-year-old))\b(?!['’]s)", re.IGNORECASE)
# "pt in 614 deng c/o", "patient rm 12 - rivera": a patient's room right before a word.
PATIENT_ROOM_BEFORE = re.compile(r"\b(?:pt|patient)\s+(?:in\s+)?(?:rm\.?|room|bed)?\s*#?\d{1,4}[A-Za-z]?\s*[-–:,(]?\s*$", re.IGNORECASE)
# "Bell family requesting chaplain", "the Hunter kid in peds 3", "the Lee pt in 22": a surname before the family or the patient.
FAMILY_AFTER = re.compile(
    r"\s+(?:family|fam|kid)\b(?!\s+(?:med|medicine|practice|planning|meeting|mtg|room|lounge|nurse|doctor|dr|physician|members?)\b)"
    r"|\s+(?:pt|patient)\s+in\s+(?:rm\.?\s*|room\s*|bed\s*)?\d",
    re.IGNORECASE,
)
BED_BEFORE = re.compile(r"\b(?:bed|bd|rm\.?|room|bay)\s*#?\d{1,4}[A-Za-z]?\s*[-–:,]?\s*$", re.IGNORECASE)
AGE_SEX_AFTER = re.compile(r"\s*,?\s*\d{1,3}\s?(?:y/?o|yo|yr|M|F)\b")
# After "pt Short", what shows the word is the patient's name: a clinical abbreviation, a dash or a place.
RECORD_FIELD_AFTER = re.compile(r"\s+[A-Z]{2,5}\b|\s*[-–:(]\s|\s+(?:trauma|hall|icu|ed|er)?\s*(?:bay|bed|rm|room)\s*\d")
# After a roster name, words saying it is a patient's: "(pt, no relation to Kofi)", "(the patient, not bell)".
NOT_OUR_STAFF_AFTER = re.compile(
    r"(?:\s+\d{1,4}[A-Za-z]?)?(?:\s*\(\s*(?:the\s+)?(?:pt|patient)\b|\s*\(\s*not\s+(?:our|the)\b|,?\s+(?:the\s+)?(?:pt|patient)\b,?\s+not\b"
    r"|,?\s+no\s+relation\b|,?\s+not\s+our\s+(?:rn|rt|md|np|pa|doc|nurse|charge|pharmacist|tech|staff|[a-z]+)\b"
    r"|\s*\(\s*no\s+relation\b|\s*[-–—]\s*the\s+(?:pt|patient)\b|\s*[-–—]\s*not\s+our\b)",
    re.IGNORECASE,
)
# After a word that opens a message, a room or a patient's details in brackets: "Happy (rm 214)", "Doc (228, retired
# vet)", "Olivia (peds 11, 6yo)", "Tiny (real name Raymond Eckhart)", "Juniper (baby girl)", "Priya (4yo pt, peds 2)".
PATIENT_BRACKET_AFTER = re.compile(
    r"\s*\(\s*(?:(?:rm|room|bed|bay|peds|pod|chair)\s*#?\d|\d{1,4}[A-Za-z]?\s*[,)]|\d{1,3}\s*(?:yo|y/o|mo|wk|[MF])\b"
    r"|(?:real|legal|chart)\s+name|goes\s+by|baby\s+(?:girl|boy)|(?:the\s+)?(?:pt|patient)\b)",
    re.IGNORECASE,
)
# After any word, a bracket or an "aka" that says whose name or nickname it is: "a call from Trang (pt's niece)",
# "Sissy (pt's sister)", "Boo (pt's nickname)", "bubba (real name Lester Crowe)", "pops aka Mr Heine".
RELATION_BRACKET_AFTER = re.compile(
    r"\s*\(\s*(?:(?:the\s+)?(?:pt|patient|pts|his|her)(?:'s|’s)?\s+(?:"
    + "|".join(sorted(RELATIVE_CUES | {"nickname", "name", "friend", "buddy", "fiancé", "kid", "kids", "baby", "child"}, key=len, reverse=True))
    + r")\b|(?:real|legal|given|full)\s+name\b|nickname\b|goes\s+by\b|aka\b"
    r"|(?:that'?s\s+)?what\s+(?:he|she|they)\s+(?:(?:wants?|likes?|prefers?)\s+to\s+be\s+called|goes?\s+by)\b)"
    # "Bill (husband)", "Hope (other daughter)": a relative's name with only the relation in brackets
    r"|\s*\(\s*(?:(?:other|older|younger|oldest|eldest|youngest|middle|2nd|second)\s+)?(?:"
    + "|".join(sorted(RELATIVE_CUES, key=len, reverse=True))
    + r")\s*[),]"
    r"|\s+(?:aka|a\.k\.a\.)\s",
    re.IGNORECASE,
)
# After a word that opens a message, "in" and a three- or four-digit room: "Bubba in 312", "hope in 22" is not enough.
ROOM_IN_AFTER = re.compile(
    r"\s+(?:is\s+|was\s+|still\s+)?in\s+(?:(?:[A-Z]{2,5}\s+)?(?:rm\.?|room|bed|bay)\s*#?\d{1,4}[A-Za-z]?\b|#?\d{3,4}[A-Za-z]?\b)"
    r"(?!\s*(?:min|mins|minutes|hours?|hrs?)\b|[:.]\d)",
    re.IGNORECASE,
)
# After a first name that opens a message, a small room and what a patient does: "hope in 22 asking for her phone",
# "liam in 22 keeps pulling his NG", "faith in 12 (sitter at bedside)", "will from 12 keeps asking".
SMALL_ROOM_THEN_PATIENT = re.compile(
    r"\s+(?:in|from)\s+(?:(?:rm|room|bed|bay|chair)\s*)?#?\d{1,4}[A-Za-z]?\s+(?:\(|(?:is|was|has|keeps|kept|wont|won't|can't|cant|"
    r"just|now|still|asking|asked|wants|wanted|needs|needed|refused|refusing|refuses|pulled|pulling|fell|ate|yelling|crying|"
    r"says|said|c/o|eloped|requesting|sleeping|screaming|climbing|trying)\b)",
    re.IGNORECASE,
)
# After a name that opens a sign-out row, its room number and a field separator or what the patient did:
# "Faith 802 - sickle crisis; Young 806 - hepatic enceph", "night float: Young 505 agitated, pulled IV".
ROOM_NUMBER_THEN_FIELD = re.compile(
    r"\s+#?\d{3,4}[A-Za-z]?(?:\s*[-–—:]\s|\s+(?:agitated|spiked|pulled|fell|refused|refusing|s/p|pod\s?\d|c/o|npo|"
    r"d/c|dc|desatted|desat|hypotensive|febrile|confused|combative)\b)",
    re.IGNORECASE,
)
# Words that a room number may follow without being a name ("Page 714:", "Tower 802 - closed", "Ward 505").
NOT_ROW_NAMES = frozenset(
    {"page", "pager", "call", "ext", "tower", "ward", "pod", "suite", "level", "station", "gate", "lot", "code", "line",
     "wing", "hall", "north", "south", "east", "west", "building", "box", "route", "highway", "unit", "room", "bed", "bay",
     "floor", "door", "lab", "phone", "cell", "fax", "order", "ticket", "case", "step", "round", "rounds", "note"}
)
# Before a roster name, words that introduce a patient: "admitted a Marcus Bell", "new pt Grace Kim".
NEW_PATIENT_BEFORE = re.compile(
    r"\b(?:admitted|admitting|admit|a|another|new\s+pt|new\s+patient|(?:pt|patient)\s+(?:in\s+\d+\s+)?(?:is\s+)?named)\s+$",
    re.IGNORECASE,
)
# Before a town's name: "dialysis in Pierre", "transfer to Fargo", "out by Dupree", "from Sanford".
PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "towards", "toward", "outside", "around", "via"})
# Before "to" or "by", words that make what follows a place ("going to Pierre", "divert to Fargo", "out by Dupree").
TRAVEL_WORDS = frozenset(
    {"go", "going", "goes", "went", "drive", "driving", "drove", "fly", "flying", "flew", "transfer", "transferred",
     "transferring", "divert", "diverted", "diverting", "move", "moved", "moving", "back", "home", "out", "way", "trip",
     "ride", "bus", "route", "routed", "heading", "headed", "travel", "traveling", "travelling", "run", "runs"}
)
# "Hi Gregory bed 10 is on lorazepam": the roster name right after a greeting is the person addressed.
GREETING_BEFORE = re.compile(
    r"\b(?:hi|hello|hey|morning|evening|afternoon|thanks|thank\s+you|thx|dear|yo|ok|okay|sorry)[,!.]?\s*$", re.IGNORECASE
)
# The writer saying who they are: "hey Ben its Grace on 4W", "this is Leah from pharmacy".
SELF_NAMED_BEFORE = re.compile(r"(?:^|[\s,.!])(?:it'?s|it’s|this\s+is|i'?m|i’m|im)\s*$", re.IGNORECASE)
# Initials standing for a patient, with a room after them: "JR in 6", "T.M. (bed 2)".
INITIALS = re.compile(
    r"(?<![\w.])(?P<value>[A-Z]\.\s?[A-Z]\.?|[A-Z]{2})(?=(?:\s+(?:is|was|now|still))?\s+(?:in|on)\s+(?:room\s*|rm\s*|bed\s*)?\d"
    r"|\s*\(\s*(?:bed|rm|room|bay)\s*\d|\s+(?:rm|room|bed)\s*\d|\s+\d{1,2}[NSEW]{1,2}-\d{1,3}\b|,?\s+\d{1,3}\s?(?:[MF]|yo|y/o)\b"
    r"|\s+in\s+(?:ICU|CCU|PICU|NICU|ED|ER|hall|peds)\s*(?:bed\s*)?\d|\s*\((?:pt\s+)?initials\b"
    # "KC (pt in 12, goes by KC)", "KM (the pt above)", "TW in ED bay 3", "T.W. bay 6"
    r"|\s*\((?:pt|patient|the\s+(?:pt|patient|one|guy|lady|kid))\b|(?:\s+in)?(?:\s+(?:ED|ER))?\s+bay\s*\d)"
)
# "Tallulah 6 - mother requesting", "Young 505 agitated": a bare room number, then a field or a patient's verb.
ROOM_THEN_FIELD = re.compile(
    r"\s+\d{1,4}[A-Za-z]?\s*(?:[-–—:]\s|\((?:\d|[A-Za-z]{1,4}\s*\d)|\s(?:agitated|pulled|vomited|spiked|fell|refused|refusing|"
    r"asking|wants|needs|c/o|desatted|confused|febrile|hypotensive|tachy|brady|crying|yelling|back|still)\b)"
)
# "L.V. 210 hypoK", "B.T. s/p fall", "C.A.O. bed 12", "for K.L. — ferritin 8", "D.M. 7W-5", "E.M. 4/4/1939", "pt L.H.
# (889014)": initials written with dots, then a room, a bed, "s/p", a biopsy, a dash, a date of birth or a number in brackets.
DOTTED_INITIALS = re.compile(
    r"(?<![\w.])(?P<value>[A-Z]\.[A-Z]\.(?:[A-Z]\.)?)(?=\s+(?:\d{1,4}[A-Za-z]?\b(?![.:/-]\d)|s/p\b|bx\b|in\s+\d|(?:bed|rm|room)\s*\d|[-–—]\s"
    r"|\(\d|\d{1,2}/\d{1,2}/\d{2,4}\b|\d{1,2}[A-Z]{1,2}-\d))"
)
# An age and a sex right after initials ("KM 17F OD", "LM 52F cellulitis"): a patient, whatever else the letters spell.
AGE_SEX_AFTER = re.compile(r",?\s+\d{1,3}\s?(?:[MF]|yo|y/o)\b")
# After a room or bed, "pt" or a relative: "rm 4 DJ etoh w/d", "(pt RL)", "pt in 21 (LS)", "her son JP", "T.M." anywhere.
INITIALS_AFTER_PLACE = re.compile(
    r"(?:\b(?:bed|rm|room|bay)\s*#?\d{1,4}[A-Za-z]?(?:\s+|\s*[-:(]\s*)|\b(?:pt|patient|re)\b:?\s+|\bpt\s+in\s+\d{1,4}[A-Za-z]?\s*\(\s*"
    r"|\b(?:son|daughter|dtr|partner|wife|husband|mom|dad|mother|father|brother|sister|niece|nephew|grandson|granddaughter)\s+)"
    r"(?P<value>[A-Z]\.\s?[A-Z]\.?|[A-Z]\.[A-Z]\.[A-Z]\.?|(?-i:[A-Z]{2}))"
    r"(?=[\s,;:)]|$)(?!\s+(?:drain|tube|line|cath|catheter|site|dressing|port)\b)",  # "rm 204 JP drain"
)
# After a name that is also an everyday word, verbs that make it a patient ("Baker back from IR", "Rich still waiting").
PATIENT_VERB_AFTER = re.compile(
    r"\s+(?:got|gets|needs|wants|refused|refuses|refusing|pulled|fell|spiked|desatted|desatting|vomited|coded|c/o|"
    r"complains|complaining|back|still|asking|asked|requesting|ambulated|ate|slept|left|arrived|transferred|extubated|"
    r"intubated|discharged|d/c'd|declined|agreed|says|states|denies|reports|tolerated|tolerating|voided|"
    r"confused|agitated|febrile|hypotensive|tachy|brady)\b"
)
# "1) Klassen afib 2) Wiens EGD done": the number of an item of a numbered list.
NUMBERED_ITEM_BEFORE = re.compile(r"(?:^|[\s,;:.])\d{1,2}\)\s*$")
LIST_BREAK = re.compile(r"[,;:/|\n]\s*(?:\d{1,4}[A-Za-z]?\s*[-:]?\s*)?$")
# After a number, words that name a hospital unit or building ("4 North", "6 East", "4 Tower").
UNIT_WORDS = frozenset({"north", "south", "east", "west", "tower", "wing", "pavilion", "annex", "main"})
NUMBER_BEFORE = re.compile(r"\b\d{1,2}[A-Za-z]?\s$")
# Particles that open a surname ("von Hohenberg", "de la Cruz", "Ó Súilleabháin", "bin Laden", "al-" is one word).
PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "Ó", "Ní", "Mac",
     "bin", "ibn", "bint", "ter", "ten", "zu", "Van", "Von", "De", "Del", "Di", "Da", "Du", "La", "Le", "Te"}
)
# Between two words, a break that starts a new message part: a sentence end, a list separator, a line.
SEGMENT_BREAK = re.compile(r"[.!?;/\n|•]|:\s|\s[-–—]\s")

# After a name, what makes it an EHR record's "LAST, FIRST" ("ADEBAYO, FOLASADE DOB ...", "Kim, Grace (MRN 8810045)").
# The clinician's field of a copied record row ("ATT: RAMAN, PRIYA", "Attending: Stone, Rachel").
STAFF_LABEL_BEFORE = re.compile(
    r"\b(?:att|attg|attending|admitting|pcp|provider|referring|ordering)\b\.?\s*(?:md|dr\.?)?\s*[:\-]\s*(?:[A-Za-z'’\-]+,\s*)?$", re.IGNORECASE
)
RECORD_AFTER = re.compile(
    r"\s*[,(:-]?\s*(?:DOB|MRN|D\.O\.B|born|\d{1,3}\s?(?:yo|y/o|[MF])\b|(?:rm\.?|room|bed|bay)\s*#?\d)", re.IGNORECASE
)


def cue_gap_ok(gap: str, cue: str = "") -> bool:
    """Whether the text between a cue and the next word lets the cue apply: no line break, and no comma after a
    plural ("all 6W pts, Mei will send": the clause has ended)."""
    m = CUE_GAP.fullmatch(gap)
    return m is not None and "\n" not in gap and not plural_cue_ended(gap, cue)


def plural_cue_ended(gap: str, cue: str) -> bool:
    """"pts" or "patients" and a comma: the clause about them has ended ("all 6W pts, Mei will send")."""
    return "," in gap and cue in ("pts", "patients")


def skip_space(text: str, pos: int) -> int:
    """The first position at or after ``pos`` that is not white space."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def lower_case_title(title: str, text: str, end: int) -> bool:
    """"mrs", or "mr." / "ms." with its full stop: not "mr" (mitral regurgitation) or "ms" (multiple sclerosis)."""
    return title in ("mrs", "mr", "ms") and (title == "mrs" or text.startswith(".", end))
