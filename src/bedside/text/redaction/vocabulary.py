"""Hand-written word lists that keep ordinary and clinical words from being read as names.

The US Census surname list contains many English words (Page, Day, Call, Care, Nurse, Pain...). A
word in :data:`COMMON_WORDS` is never taken as a name from weak evidence (a lower-case word, or a
capitalised word with no cue); after a strong cue such as "Mr." a capitalised word is still a name,
which is how "Mr. Brown" and "Ms. Hope" are caught. Written for this project (no external source).
"""

from __future__ import annotations

_FUNCTION = """
a an the this that these those there here it its it's he she they them their his her him we us our you your i me my mine
is are was were be been being am has have had having do does did done will would shall should can could may might must
not no nor yes and or but so if then than as at by for from in into of off on onto out over to up upon with within without
via per about above after again against all also any around away back because before behind below between both down during
each either else even ever every few first further just last later least less many more most much near neither next none now
only other others own same several since some still such then though through thru till too under until very well what when
where whether which while who whom whose why yet how
i'm i've i'd i'll let's that's what's there's here's who's he's she's we're they're you're we've they've you've
"""
_CLINICAL = """
pt pts patient patients resident family wife husband son daughter mother father mom dad sister brother niece nephew
grandson granddaughter spouse partner guardian caregiver poa friend kids children child baby infant newborn
dr doc doctor md do np pa rn lpn cna crna np-c attending fellow intern resident hospitalist intensivist surgeon
nurse nursing charge team unit floor icu micu sicu ccu picu nicu ed er or pacu tele stepdown ward bay bed beds room rm
pharmacy pharmacist lab labs radiology rad rads ct mri xr cxr us echo ekg ecg eeg pt/ot ot slp rt case management cm sw
social work chaplain dietary dietitian transport security admin admitting registration billing
pain fever afebrile febrile stable unstable critical fine good better worse ok okay alert oriented confused agitated calm
asleep awake sleeping eating drinking walking ambulating ambulatory sitting lying resting comfortable uncomfortable
nauseous vomiting dizzy weak tired sob sick ill well improving declining tachy brady hypotensive hypertensive
denies reports states says said complains c/o endorses refuses refused declined agreed agrees wants needs need needed asks
asked asking requesting requests request requested called calling call calls paged page paging texted text message
seen see saw seeing evaluated examined assessed discharged discharge d/c admitted admit admission transferred transfer
transferring moved moving going went gone coming came arrived arriving left leaving waiting ready due scheduled pending
got gets getting given give giving took take taking started start starting stopped stop held hold holding continue
continued restarted increased decreased changed change changing ordered order orders placed place placing sent send
npo nil diet fluids ivf iv po pr sq im prn bid tid qid qd qhs qam daily nightly weekly stat asap urgent routine now today
tonight tomorrow yesterday morning afternoon evening night overnight noon midnight am pm shift days day week weeks month
vitals vital bp hr rr temp spo2 sat sats o2 oxygen bipap cpap vent intubated extubated trach peg ngt foley line lines
picc cvc art central port drain drains chest tube wound dressing incision site sites
meds med medication medications dose doses dosing drug drugs insulin heparin lasix tylenol morphine dilaudid zosyn vanc
vancomycin cefepime ceftriaxone keppra coumadin warfarin eliquis xarelto metoprolol lisinopril potassium kcl magnesium
sodium calcium phos glucose sugar sugars blood cbc bmp cmp lfts inr ptt trop troponin bnp lactate culture cultures
results result levels level value values count counts abx antibiotics fluids bolus drip gtt
fall falls risk precautions isolation contact droplet airborne code blue rapid response rrt sepsis alert
consult consults consulted surgery procedure scan imaging study studies film films report reports note notes chart charted
plan plans goals goal care comfort hospice palliative dnr dni full code status
okay thanks thank thx pls please plz sorry hi hello hey fyi re update updated updates question questions quick
new old next last other same another small large big little low high higher lower normal abnormal positive negative
left right bilateral upper lower mid front back side top bottom inside outside
yes no maybe sure agree cannot can't won't don't didn't isn't wasn't hasn't haven't doesn't
home house floor bedside hallway desk station
still again already also just only even really very quite pretty
male female man woman gentleman lady boy girl
monday tuesday wednesday thursday friday saturday sunday weekend
name names year year-old years-old yr-old month-old week-old day-old yo yrs record records account form forms face sheet
hospital clinic center centre medical health healthcare university department service services rehab snf ltach
heme onc ortho neuro cards gi renal pulm id ent uro gyn obgyn peds psych medicine surgical surgery trauma
policy meeting huddle rounds education training skills fair reminder incident contact security billing insurance
portal mychart epic cerner email phone cell fax pager number address street avenue road
na k cl co2 hco3 bun cr scr mg ca phos hgb hct plt wbc anc inr ptt pt/inr ast alt alk tbili dbili lipase ldh ck cpk
english spanish french german chinese american western eastern northern southern list class colonel general
captain president professor sir lady lord saint mount lake river valley city state church queen prince princess god
christmas easter thanksgiving holiday
vietnamese mandarin cantonese russian arabic portuguese haitian creole somali korean japanese tagalog polish italian
hindi urdu bengali punjabi farsi amharic swahili asl navajo hmong ukrainian
tylenol motrin advil toradol dilaudid norco percocet oxycontin ativan xanax haldol seroquel zyprexa precedex propofol
versed fentanyl narcan zofran reglan phenergan protonix pepcid colace senna miralax dulcolax lovenox coumadin
eliquis xarelto plavix aspirin asa lipitor lopressor toprol coreg cardizem bumex aldactone norvasc hydralazine
levophed neo vaso dobutamine milrinone amio amiodarone digoxin nitro dilantin depakote vimpat
rocephin unasyn augmentin bactrim cipro levaquin flagyl clinda doxy azithro zithromax diflucan
micafungin meropenem merrem acyclovir tamiflu decadron solumedrol prednisone lantus humalog novolog levemir glargine
synthroid klor-con mag-ox vapotherm optiflow port-a-cath pyxis omnicell gofundme facebook google teams zoom
experience relations advocate advocacy satisfaction safety quality access financial counselor navigator liaison
coma scale score sign signs syndrome disease test criteria index classification protocol pathway bundle
glasgow braden morse apgar babinski whipple hartmann parkinson parkinson's crohn crohn's jackson-pratt swan-ganz
cushing addison graves hashimoto alzheimer alzheimer's huntington guillain-barre guillain barre stevens-johnson kawasaki
wilms ewing hodgkin hodgkin's kussmaul cheyne-stokes trendelenburg valsalva heimlich seldinger wernicke korsakoff
tsh a1c ph pco2 po2 lac esr crp procal bnp ua ucx bcx mcv rdw alb trig ldl hdl ammonia
recheck rechecks repeat titrate wean bolus fingerstick accucheck glucometer telemetry ringer ringer's lactated
syncope presyncope afib aflutter rvr svt vtach vfib nstemi stemi acs chf copd dka hhs aki ckd esrd uti cva tia pe dvt
cellulitis pneumonia pancreatitis cholecystitis appendicitis diverticulitis colitis delirium dementia withdrawal
hypoxia hypotension hypertension hypoglycemia hyperglycemia hyperkalemia hypokalemia hyponatremia tachycardia
bradycardia constipation diarrhea nausea emesis melena hematuria hemoptysis dyspnea orthopnea edema ascites
lethargic obtunded somnolent diaphoretic tachypneic febrile afebrile hypoxic septic anemic jaundiced
sbar situation background assessment recommendation handoff signout sign-out precepting preceptor orientee
"""
# Capitalised English words that head a message or a sentence and are also in the name lists.
_CAPITALISED_COMMON = """
will may june april august grace hope faith joy rose lily daisy iris ivy holly dawn sunny summer autumn winter spring
crystal amber ruby pearl jewel
bill mark frank rich ray art jack pat sue rob don chase grant hunter mason carter cole pierce lance miles wade
brown white green black gray grey young long short bell hall wood king hill ward cook price rice gross love hunt
stone rivers banks bush field fields lane street park wells bond page day call care sick early late good fine low high
best bright cash cross dean dale fox gay golden hardy honey hope house joy key knight lord major mayo moss noble
oliver paris parish pope power rose royal rush sharp short strong swift wise worth
reading north south east west new prince
"""
# Verbs and adjectives whose endings mark a lower-case word after "pt" as not a name ("pt ambulating").
NOT_NAME_SUFFIXES: tuple[str, ...] = (
    "ing", "ed", "ly", "ous", "ive", "al", "ic", "ile", "ble", "ful", "less", "ent", "ant", "ate", "ize", "ise",
    "tion", "sion", "ness", "ment", "ry", "ty", "sy", "gy", "phy", "emia", "itis", "osis", "ectomy", "scopy", "s",
)

FUNCTION_WORDS: frozenset[str] = frozenset(_FUNCTION.split())
COMMON_WORDS: frozenset[str] = frozenset(_FUNCTION.split()) | frozenset(_CLINICAL.split())
AMBIGUOUS_NAME_WORDS: frozenset[str] = frozenset(_CAPITALISED_COMMON.split())
# Words that structure a message ("room", "bed", "new") and never continue or start a name.
STRUCTURE_WORDS: frozenset[str] = frozenset(
    {"room", "bed", "bay", "unit", "floor", "patient", "pt", "admit", "code", "team", "lab", "new", "next"}
)

# Names that stand for each other as a first name ("Sam Osei" on the rota is Samuel Osei on the roster): a roster
# first name brings its group with it, so a colleague called by a short form stays unredacted.
_NICKNAME_GROUPS = """
samuel sam sammy | samantha sam sammy | william will bill billy liam | thomas tom tommy | benjamin ben benny
robert rob bob bobby robbie | richard rick rich ricky | james jim jimmy jamie | john jack johnny jon
michael mike mikey mick | christopher chris | christina chris tina | daniel dan danny | david dave davey
joseph joe joey | matthew matt | anthony tony | andrew andy drew | edward ed eddie ted | nicholas nick nicky
alexander alex xander | alexandra alex lexi sasha | katherine kate katie kathy kat | catherine kate katie cathy
elizabeth liz beth lizzie eliza | margaret maggie meg peggy | jennifer jen jenny | jessica jess jessie
rebecca becca becky | deborah deb debbie | patricia pat patty tricia | patrick pat paddy | victoria vicky tori
susan sue susie | olivia liv livvy | isabella bella izzy | gabriel gabe | gabriela gabby | ana anna annie
hannah hanna | leah lea | marcus marc | grace gracie | jorge george | luis lou | eleanor ellie | nora norah
priya | kofi | mei | dev | ian | chloe | rachel rach | olivia | jonathan jon jonny | timothy tim timmy
stephen steve stevie | steven steve stevie | kenneth ken kenny | ronald ron ronnie | donald don donny
gregory greg | jeffrey jeff | joshua josh | zachary zach zack | benedict ben | frederick fred freddie
"""


def nickname_group(first: str) -> frozenset[str]:
    """Every form of a first name in its nickname groups, itself included ("samuel" -> samuel, sam, sammy)."""
    out = {first}
    for group in _NICKNAME_GROUPS.replace("\n", " | ").split("|"):
        names = group.split()
        if first in names:
            out.update(names)
    return frozenset(out)


# Weekdays and months with their abbreviations: never a town (places.py) nor, for the sequence model, a name.
CALENDAR_WORDS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday jan feb mar "
    "apr may jun jul aug sep sept oct nov dec january february march april june july august september october november "
    "december".split()
)
