"""Titles a physician can read and cite: what the record is, then who made it.

"MRI, lumbar spine — Dayton VA Medical Center", "C&P exam, back (thoracolumbar spine) DBQ",
"VA Form 21-4138, Statement in Support of Claim", "Medical opinion — Ellen R. Castellanos, MD".
A title is built from the record type and what the text names (modality and body part for imaging,
the DBQ for a C&P exam, the form's number and name for a form, the note title for a VA note), then
the facility or author when the text names one. It is never a raw header line, a patient-name header
or a fax banner: those are looked past (fax banners are blanked before anything is read, lines naming
the patient are never a facility).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from classifiers.fax import blank_fax_banners
from classifiers.record_types import TOP_ZONE_CHARS

DASH = " — "
MAX_TITLE = 120
TOP_LINES = 14
FORM_LINE_SHARE = 0.25

# Form number (folded: letters and digits, no spaces) -> (printed number, name).
FORMS: dict[str, tuple[str, str]] = {
    "VA21526EZ": ("VA Form 21-526EZ", "Application for Disability Compensation"),
    "VA214138": ("VA Form 21-4138", "Statement in Support of Claim"),
    "VA2110210": ("VA Form 21-10210", "Lay/Witness Statement"),
    "VA200995": ("VA Form 20-0995", "Decision Review Request: Supplemental Claim"),
    "VA200996": ("VA Form 20-0996", "Decision Review Request: Higher-Level Review"),
    "VA10182": ("VA Form 10182", "Decision Review Request: Board Appeal (Notice of Disagreement)"),
    "VA214142": ("VA Form 21-4142", "Authorization to Disclose Information to VA"),
    "VA210966": ("VA Form 21-0966", "Intent to File"),
    "VA2122": ("VA Form 21-22", "Appointment of Veterans Service Organization as Representative"),
    "VA218940": ("VA Form 21-8940", "Application for Increased Compensation Based on Unemployability"),
    "VA210781": ("VA Form 21-0781", "Statement in Support of Claim for PTSD"),
    "DD214": ("DD Form 214", "Certificate of Release or Discharge from Active Duty"),
    "DD215": ("DD Form 215", "Correction to DD Form 214"),
    "DD2808": ("DD Form 2808", "Report of Medical Examination"),
    "DD28071": ("DD Form 2807-1", "Report of Medical History"),
    "DD2697": ("DD Form 2697", "Report of Medical Assessment"),
    "DD2796": ("DD Form 2796", "Post-Deployment Health Assessment"),
    "DD2900": ("DD Form 2900", "Post-Deployment Health Reassessment"),
    "DD261": ("DD Form 261", "Report of Investigation, Line of Duty and Misconduct Status"),
    "DD689": ("DD Form 689", "Individual Sick Slip"),
    "DA2173": ("DA Form 2173", "Statement of Medical Examination and Duty Status"),
    "DA3349": ("DA Form 3349", "Physical Profile"),
    "DA1307": ("DA Form 1307", "Individual Jump Record"),
    "DA21": ("DA Form 2-1", "Personnel Qualification Record"),
    "SF600": ("SF 600", "Chronological Record of Medical Care"),
    "SF88": ("SF 88", "Report of Medical Examination"),
    "SF93": ("SF 93", "Report of Medical History"),
    "SF558": ("SF 558", "Emergency Care and Treatment"),
    "SF603A": ("SF 603-A", "Health Record, Dental"),
    "AF348": ("AF Form 348", "Line of Duty Determination"),
    "NGB22": ("NGB Form 22", "Report of Separation and Record of Service"),
}
# Which types a form belongs to (a form named on a page of another type is only quoted there).
FORM_TYPES: dict[str, frozenset[str]] = {
    "VA21526EZ": frozenset({"claim_form"}), "VA214138": frozenset({"personal_statement"}),
    "VA2110210": frozenset({"buddy_statement"}), "VA200995": frozenset({"claim_form"}),
    "VA200996": frozenset({"claim_form"}), "VA10182": frozenset({"claim_form"}),
    "VA214142": frozenset({"claim_form"}), "VA210966": frozenset({"claim_form"}), "VA2122": frozenset({"claim_form"}),
    "VA218940": frozenset({"claim_form"}), "VA210781": frozenset({"personal_statement"}),
    "DD214": frozenset({"service_personnel"}), "DD215": frozenset({"service_personnel"}),
    "DD2808": frozenset({"service_exam"}), "DD28071": frozenset({"service_exam"}),
    "DD2697": frozenset({"service_exam"}),
    "DD2796": frozenset({"service_exam"}), "DD2900": frozenset({"service_exam"}), "DD261": frozenset({"line_of_duty"}),
    "DD689": frozenset({"service_treatment"}), "DA2173": frozenset({"line_of_duty"}),
    "DA3349": frozenset({"service_treatment"}), "DA1307": frozenset({"service_personnel"}),
    "DA21": frozenset({"service_personnel"}), "SF600": frozenset({"service_treatment"}),
    "SF88": frozenset({"service_exam"}), "SF93": frozenset({"service_exam"}), "SF558": frozenset({"service_treatment"}),
    "SF603A": frozenset({"service_treatment"}), "AF348": frozenset({"line_of_duty"}),
    "NGB22": frozenset({"service_personnel"}),
}
_FORM_REF = re.compile(
    r"\b(?P<agency>VA|DD|DA|AF|NGB|STANDARD|SF)\s*(?:FORM|FRM)?\s*(?:NO\.?\s*)?(?P<number>\d{1,5}(?:-\d{1,5}[A-Z]{0,2})?)"
    r"(?![\d])",
    re.I,
)
# Titles of forms whose number may be missing from the page.
FORM_TITLES: dict[str, str] = {
    "CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY": "DD214",
    "CHRONOLOGICAL RECORD OF MEDICAL CARE": "SF600",
    "STATEMENT OF MEDICAL EXAMINATION AND DUTY STATUS": "DA2173",
    "STATEMENT IN SUPPORT OF CLAIM": "VA214138",
    "LAY/WITNESS STATEMENT": "VA2110210",
    "APPLICATION FOR DISABILITY COMPENSATION": "VA21526EZ",
    "EMERGENCY CARE AND TREATMENT": "SF558",
    "INDIVIDUAL JUMP RECORD": "DA1307",
}

_MODALITIES: list[tuple[str, re.Pattern[str]]] = [
    ("MRI", re.compile(r"\bMRI\b|\bMR\b|MAGNETIC\s+RESONANCE", re.I)),
    ("CT", re.compile(r"\bCT\b|\bCAT\s+SCAN|COMPUTED\s+TOMOGRAPHY", re.I)),
    ("X-ray", re.compile(r"X-?\s?RAYS?|\bXR\b|RADIOGRAPH|\b\d\s*(?:OR\s*\d\s*)?VIEWS?\b", re.I)),
    ("Ultrasound", re.compile(r"ULTRASOUND|SONOGRA|\bUS\b(?=\s+[A-Z])", re.I)),
    ("Bone density (DEXA)", re.compile(r"\bDEXA\b|\bDXA\b|BONE\s+DENSITY", re.I)),
    ("Bone scan", re.compile(r"BONE\s+SCAN|NUCLEAR\s+MEDICINE", re.I)),
    ("EMG/nerve conduction study", re.compile(r"\bEMG\b|NERVE\s+CONDUCTION", re.I)),
]
_SIDE = r"(?:(?P<side>LEFT|RIGHT|BILATERAL|LT\.?|RT\.?|BILAT\.?)\s+)?"
# A side written after the part ("KNEE LEFT", "KNEE, RT").
_SIDE_AFTER = r"(?:\s*,?\s*(?P<after>LEFT|RIGHT|BILATERAL|LT|RT|BILAT)\b)?"
_BODY_PARTS: list[tuple[str, re.Pattern[str]]] = [
    ("lumbar spine", re.compile(r"LUMBO?\s*-?\s*SACRAL\s+SPINE|LUMBAR\s+SPINE|L-?\s?SPINE", re.I)),
    ("thoracic spine", re.compile(r"THORACIC\s+SPINE|T-?\s?SPINE", re.I)),
    ("cervical spine", re.compile(r"CERVICAL\s+SPINE|C-?\s?SPINE", re.I)),
    ("knee", re.compile(_SIDE + r"KNEES?\b" + _SIDE_AFTER, re.I)),
    ("hip", re.compile(_SIDE + r"HIPS?\b" + _SIDE_AFTER, re.I)),
    ("shoulder", re.compile(_SIDE + r"SHOULDERS?\b" + _SIDE_AFTER, re.I)),
    ("ankle", re.compile(_SIDE + r"ANKLES?\b" + _SIDE_AFTER, re.I)),
    ("foot", re.compile(_SIDE + r"FOOT|FEET\b", re.I)),
    ("pelvis", re.compile(r"\bPELVIS\b", re.I)),
    ("sacroiliac joints", re.compile(r"SACROILIAC|\bSI\s+JOINTS?", re.I)),
    ("chest", re.compile(r"\bCHEST\b", re.I)),
]
_SIDES = {"LEFT": "left", "LT": "left", "RIGHT": "right", "RT": "right", "BILATERAL": "bilateral", "BILAT": "bilateral"}
# Where an imaging report names its study.
_STUDY_LINE = re.compile(r"^\s*(?:EXAM(?:INATION)?|PROCEDURE|STUDY|PROC|TITLE)\s*:|CPT|VIEWS|W/?O\s+CONTRAST|"
                         r"WITH(?:OUT)?\s+CONTRAST|MAGNETIC|RADIOGRAPH|X-?RAY|\bMRI\b|\bCT\b", re.I | re.M)

_DBQS: list[tuple[str, re.Pattern[str]]] = [
    ("back (thoracolumbar spine) DBQ",
     re.compile(r"THORACOLUMBAR|\bDBQ\b[^\n]{0,30}\bBACK\b|\bBACK\s+CONDITIONS", re.I)),
    ("neck (cervical spine) DBQ", re.compile(r"CERVICAL\s+SPINE\)?\s+CONDITIONS|\bNECK\b[^\n]{0,20}CONDITIONS", re.I)),
    ("knee and lower leg DBQ", re.compile(r"KNEE\s+AND\s+LOWER\s+LEG", re.I)),
    ("hip and thigh DBQ", re.compile(r"HIP\s+AND\s+THIGH", re.I)),
    ("shoulder and arm DBQ", re.compile(r"SHOULDER\s+AND\s+ARM", re.I)),
    ("foot conditions DBQ", re.compile(r"FOOT\s+CONDITIONS|\bFLATFOOT|\bPES\s+PLANUS", re.I)),
    ("ankle DBQ", re.compile(r"ANKLE\s+CONDITIONS", re.I)),
    ("peripheral nerves DBQ", re.compile(r"PERIPHERAL\s+NERVES", re.I)),
    ("hearing loss and tinnitus DBQ", re.compile(r"HEARING\s+LOSS|TINNITUS\s+(?:DBQ|CONDITIONS)", re.I)),
    ("PTSD DBQ", re.compile(r"\bPTSD\b[^\n]{0,30}(?:DBQ|QUESTIONNAIRE|REVIEW)", re.I)),
    ("medical opinion DBQ", re.compile(r"MEDICAL\s+OPINION\s+(?:DISABILITY\s+BENEFITS\s+QUESTIONNAIRE|DBQ)", re.I)),
]

# Words a title keeps in capitals.
_ACRONYMS = frozenset((
    "VA", "VAMC", "VAMCS", "HCS", "CBOC", "CBOCS", "VHA", "VBA", "BVA", "CAVC", "DBQ", "C&P", "MRI", "CT", "PT",
    "OT", "RN", "NP", "MD", "DO", "DC", "DPT", "PA", "PA-C", "LPN", "ED", "ER", "ICU", "PACT", "PM&R", "MH",
    "PTSD", "SF", "DD", "DA", "AF", "NGB", "AMC", "ACH", "PIR", "BN", "TMC", "BAS", "LLC", "PLLC", "PC", "PA",
    "USA", "USN", "USAF", "USMC", "NC", "SC", "VA", "TX", "OH", "CA", "CO", "KY", "TN", "WA", "NY", "ID", "FL",
    "GA", "II", "III", "IV", "QTC", "VES", "LHI", "DEXA", "EMG", "HMMWV", "CPT", "MC", "MAJ", "LTC", "COL", "MSC",
    "DDS", "OD", "RVSR", "DRO", "VSR", "AD", "RA"
))
_STATES = frozenset((
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
    "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC"
))
_SMALL_WORDS = frozenset(["of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "or", "with"])

_PATIENT_LINE = re.compile(
    r"\b(?:PATIENT|PT\s+NAME|NAME|VETERAN|CLAIMANT|APPELLANT|EXAMINEE|MEMBER|SOLDIER|SM|SERVICE\s+MEMBER|RE|DOB|SSN|"
    r"MRN|FMP|DATE|SEX|AGE|ACCESSION|FILE)\b\s*[:#.]|XXX|\d{3}-\d{2}-\d{4}|\bRE\b\s*:",
    re.I,
)
_LAST_FIRST = re.compile(r"^\s*[A-Z][A-Z'-]+,\s?[A-Z][A-Z'-]+(?:\s+[A-Z]\.?)?(?:\s|$)")
_FACILITY_WORDS = re.compile(
    r"\b(?:CLINIC|CENTER|CENTRE|ASSOCIATES|CHIROPRACTIC|THERAPY|MEDICAL|MEDICINE|ORTHOPA?EDICS?|HOSPITAL|GROUP|"
    r"HEALTH|HEALTHCARE|SPINE|IMAGING|RADIOLOGY|PLLC|LLC|INC|P\.?C\.?|URGENT\s+CARE|REHABILITATION|REHAB|"
    r"DIAGNOSTIC|PRACTICE|PHYSICIANS|SERVICES|VAMC|HCS|CBOC|REGIONAL\s+OFFICE|MRI|LAW\s+GROUP)\b",
    re.I,
)
_VA_FACILITY = re.compile(
    r"(?P<name>(?:[A-Z][A-Za-z.'-]*\s+){1,4}(?:VAMC|VA\s+MEDICAL\s+CENTER|VA\s+HCS|HCS|CBOC|VA\s+HEALTH\s+CARE\s+SYSTEM|"
    r"VETERANS\s+(?:AFFAIRS\s+)?(?:MEDICAL\s+CENTER|HCS|HEALTH\s+CARE\s+SYSTEM)))"
    r"|(?P<pre>VA\s+MEDICAL\s+CENTER\s+(?:[A-Z]+\b\s?){1,2})",
)
# Lines that name a record, not a place: "CHRONOLOGICAL RECORD OF MEDICAL CARE", "RADIOLOGY REPORT".
_NOT_A_NAME = re.compile(r"\b(?:RECORD|REPORT|FORM|NOTE|NOTES|QUESTIONNAIRE|STATEMENT|EXAMINATION|SUMMARY|PRINTED"
                         r"|DEPARTMENT\s+OF\s+VETERANS\s+AFFAIRS)\b", re.I)
_REGIONAL_OFFICE = re.compile(r"(?P<name>(?:[A-Z][A-Za-z.'-]+[ \t]+){1,3})(?:VA[ \t]+)?REGIONAL[ \t]+OFFICE", re.I)
CREDENTIAL = (r"(?:M\.?D\.?|D\.?O\.?|D\.?C\.?|DPT|PA-C|NP|RN|PhD|Ph\.D\.|FNP|ARNP|PT|DDS|OD|LPN|CNP|CPT|MAJ|LTC|COL"
              r"|MC|MSC|SP|DC|FACS|FAAOS|PA)")
_CREDENTIAL = CREDENTIAL
_PERSON = r"(?P<person>(?:Dr\.?\s+)?[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]*){0,3}(?:,\s*" + _CREDENTIAL + r")+)"
_AUTHOR_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"^\s*/e?s/\s*" + _PERSON, re.M),
    re.compile(r"(?:Electronically\s+signed|Signed|Dictated|Read|Prepared)\s*(?:by)?\s*:?\s*" + _PERSON, re.I),
    re.compile(r"^\s*(?:Sincerely|Respectfully|Regards|Very truly yours)[^\n]*\n\s*(?:/s/\s*)?" + _PERSON, re.M | re.I),
    re.compile(r"(?:Examiner|Physician|Radiologist|Author|Provider|Examining provider|Signature)\s*:?\s*(?:/e?s/\s*)?"
               + _PERSON, re.I),
    re.compile(r"^\s*" + _PERSON + r"\s*$", re.M),
]
_AUTHOR_LASTFIRST = re.compile(r"AUTHOR\s*:\s*(?P<last>[A-Z][A-Z'-]+),\s*(?P<first>[A-Z][A-Z'-]+(?:\s+[A-Z])?)", re.I)
_LOCAL_TITLE = re.compile(r"L\s?[O0]\s?CAL\s*T[I1l|]T[I1l|]?LE\s*[:;]?\s*(?P<title>[^\n]{3,80})", re.I)
_TITLE_LABEL = re.compile(r"^\s*TITLE\s*:\s*(?P<title>[^\n]{3,80})", re.I | re.M)


def smart_case(text: str) -> str:
    """ALL-CAPS words as a title reads them: "DAYTON VAMC" -> "Dayton VAMC", "FORT BRAGG NC" -> "Fort Bragg NC"."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        bare = word.strip(",.;:()").upper()
        if not any(ch.isalpha() for ch in word) or not word.isupper() and not word.islower():
            out.append(word)
        elif (bare in _ACRONYMS or (bare in _STATES and i > 0 and (i == len(words) - 1 or words[i - 1].endswith(",")))
              or re.fullmatch(r"[A-Z]\.?", bare)
              or any(c.isdigit() for c in word)):
            out.append(word.upper())
        elif bare.lower() in _SMALL_WORDS and i > 0:
            out.append(word.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


def sentence_case(text: str) -> str:
    """"PRIMARY CARE NOTE - NEW PATIENT" -> "Primary care note - new patient" (acronyms kept)."""
    words = []
    for i, word in enumerate(text.split()):
        bare = word.strip(",.;:()").upper()
        if bare in _ACRONYMS or any(c.isdigit() for c in word):
            words.append(word.upper() if bare in _ACRONYMS else word)
        else:
            words.append(word.lower() if i else word[:1].upper() + word[1:].lower())
    return " ".join(words)


# A title phrase OCR damaged ("CH IROPRACT~IC", "C0URT OF APPEAI S FOR VETERANS CLAlMS") is still found
# in the page's letters alone when this similar (0-100) and at least FUZZY_PHRASE_LETTERS letters long.
FUZZY_PHRASE_SIMILARITY = 88.0
FUZZY_PHRASE_LETTERS = 8
_NOT_LETTERS = re.compile(r"[^A-Z]")
_LOOKALIKE_LETTERS = str.maketrans({"0": "O", "1": "I", "l": "I", "|": "I", "5": "S", "8": "B"})


def _letters(text: str) -> str:
    return _NOT_LETTERS.sub("", text.translate(_LOOKALIKE_LETTERS).upper().replace("L", "I"))


def fuzzy_phrase(phrase: str, text: str) -> bool:
    """Whether text holds phrase, allowing for OCR damage: broken words, specks, a letter or two misread."""
    wanted = _letters(phrase)
    if len(wanted) < FUZZY_PHRASE_LETTERS:
        return False
    return fuzz.partial_ratio(wanted, _letters(text)) >= FUZZY_PHRASE_SIMILARITY


def _top(text: str) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    return "\n".join(lines[:TOP_LINES])


def _footer(text: str) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    return "\n".join(lines[-3:])


def _titles_line(line: str, start: int, end: int) -> bool:
    """A form number titles its line when it opens it or makes up a good part of it ("MEDICAL RECORD
    STANDARD FORM 600 (REV. 6-97)"), not when a sentence mentions it ("profile (DA 3349) x 30 days")."""
    stripped = line.strip(" ^\t")
    lead = len(line) - len(line.lstrip(" ^\t"))
    return start - lead <= 2 or (end - start) >= FORM_LINE_SHARE * len(stripped)


def form_of(text: str, record_type: str) -> tuple[str, str] | None:
    """(printed number, name) of the form a page is: a form title in its first lines, or a form number
    titling a line of its top or bottom lines, that belongs to the record type."""
    lines = [line for line in text.split("\n") if line.strip()]
    first_lines = " ".join(lines[:4]).upper()
    for title, key in FORM_TITLES.items():
        if title in first_lines and record_type in FORM_TYPES[key]:
            return FORMS[key]
    for line in lines[:TOP_LINES] + lines[-3:]:
        for m in _FORM_REF.finditer(line):
            agency = m.group("agency").upper()
            agency = "SF" if agency == "STANDARD" else agency
            key = agency + re.sub(r"[^0-9A-Z]", "", m.group("number").upper())
            if key in FORMS and record_type in FORM_TYPES.get(key, frozenset()) and _titles_line(line, *m.span()):
                return FORMS[key]
    upper = " ".join(lines[:TOP_LINES]).upper()
    for title, key in FORM_TITLES.items():
        if title in upper and record_type in FORM_TYPES[key]:
            return FORMS[key]
    return None


def imaging_what(text: str) -> str:
    """"MRI, lumbar spine", "X-ray, left knee", "CT", or "Imaging report"."""
    head = text[:TOP_ZONE_CHARS * 2]
    study_lines = "\n".join(line for line in head.split("\n") if _STUDY_LINE.search(line))
    search_in = [study_lines, head]
    modality = None
    for zone in search_in:
        hits = [(m.start(), name) for name, rx in _MODALITIES for m in [rx.search(zone)] if m]
        if hits:
            modality = min(hits)[1]
            break
    part = None
    for zone in search_in:
        parts = [(m.start(), name, m) for name, rx in _BODY_PARTS for m in [rx.search(zone)] if m]
        if parts:
            _, name, m = min(parts, key=lambda p: p[0])
            side = m.groupdict().get("side") or m.groupdict().get("after")
            part = f"{_SIDES[side.upper().rstrip('.')]} {name}" if side else name
            break
    if modality and part:
        return f"{modality}, {part}"
    if modality:
        return modality
    return f"Imaging report, {part}" if part else "Imaging report"


def cp_what(text: str) -> str:
    head = text[:TOP_ZONE_CHARS * 2]
    for name, rx in _DBQS:
        if rx.search(head):
            return f"C&P exam, {name}"
    if re.search(r"ADDENDUM", head, re.I):
        return "C&P exam addendum"
    if re.search(r"ACCEPTABLE\s+CLINICAL\s+EVIDENCE|\bACE\b|RECORDS?\s+REVIEW", head, re.I):
        return "C&P records review"
    return "C&P exam"


def facility_of(text: str) -> str | None:
    """The facility a record names at its top: a VA medical center, a clinic on its letterhead."""
    top = _top(text)
    va = _VA_FACILITY.search(top)
    if va:
        name = va.group("name") or va.group("pre")
        return _clean_name(name)
    for line in top.split("\n")[:6]:
        stripped = line.strip().lstrip("^")
        if (not stripped or _PATIENT_LINE.search(stripped) or _LAST_FIRST.match(stripped)
                or _NOT_A_NAME.search(stripped)):
            continue
        if re.search(r"\d{3}.?\d{3}.?\d{4}|\d{5}|\b(?:SUITE|STE|BLVD|AVE|ST|RD|DR|PKWY)\b\.?", stripped,
                     re.I):
            continue
        if _FACILITY_WORDS.search(stripped) and len(stripped) <= 70:
            name = re.split(r"\s+[-–]\s+(?=[A-Z])|\s{2,}", stripped)[0]
            return _clean_name(name)
    return None


def _clean_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,.-:")
    name = re.sub(r"\s+(?:IMAGING\s+SERVICE|IMAGING|RADIOLOGY)$", "", name, flags=re.I) if re.search(
        r"VA|VAMC", name) else name
    return smart_case(name)


def author_of(text: str) -> str | None:
    """Who signed: "/s/ Ellen R. Castellanos, MD", "Electronically signed by Sarah Kim, MD", a name with
    credentials after "Sincerely,"; never the patient."""
    for rx in _AUTHOR_PATTERNS:
        for m in rx.finditer(text):
            person = " ".join(m.group("person").split()).strip(" ,")
            if len(person) > 60 or _PATIENT_LINE.search(person):
                continue
            return smart_case(person) if person.isupper() else person
    m = _AUTHOR_LASTFIRST.search(text)
    if m:
        return smart_case(f"{m.group('first')} {m.group('last')}")
    return None


def _va_what(text: str) -> str:
    local = _LOCAL_TITLE.search(text[:TOP_ZONE_CHARS * 2])
    title = local.group("title") if local else None
    if title is None:
        labelled = _TITLE_LABEL.search(text[:TOP_ZONE_CHARS * 2])
        title = labelled.group("title") if labelled else None
    if title:
        title = re.split(r"\s{2,}|\(CONT", title)[0].strip(" :-")
        title = re.sub(r"\s*\b\d{1,2}\s+[A-Z]{3}\s+\d{4}\b.*$", "", title)
        return f"VA {sentence_case(title)[:1].lower()}{sentence_case(title)[1:]}" if title else "VA treatment note"
    upper = text[:TOP_ZONE_CHARS * 2].upper()
    for words, name in (("DISCHARGE SUMMARY", "discharge summary"), ("TELEPHONE", "telephone contact"),
                        ("ADMISSION", "admission note"), ("HEALTH SUMMARY", "health summary"),
                        ("BLUE BUTTON", "health record summary"), ("PROGRESS NOTE", "progress note")):
        if words in upper:
            return f"VA {name}"
    return "VA treatment note"


_PRIVATE_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bEMERGENCY\b|\bED\s+(?:RECORD|NOTE|VISIT|PHYSICIAN|PROVIDER|COURSE)\b", re.I),
     "Emergency department record"),
    (re.compile(r"URGENT\s+CARE", re.I), "Urgent care visit"),
    (re.compile(r"OPERATIVE\s+REPORT", re.I), "Operative report"),
    (re.compile(r"PROCEDURE\s+NOTE", re.I), "Procedure note"),
    (re.compile(r"DISCHARGE\s+SUMMARY", re.I), "Discharge summary"),
    (re.compile(r"CHIROPRACTIC|\bCHIRO\b", re.I), "Chiropractic"),
    (re.compile(r"PHYSICAL\s+THERAPY|\bPT\s+(?:DAILY|NOTE|EVAL|VISIT)|REHAB", re.I), "Physical therapy"),
    (re.compile(r"PAIN\s+(?:MANAGEMENT|MEDICINE|CLINIC)|INTERVENTIONAL\s+PAIN", re.I), "Pain management"),
    (re.compile(r"ORTHOPA?EDIC", re.I), "Orthopedic"),
]
_PRIVATE_NOTE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"CONSULT", re.I), "consultation"),
    (re.compile(r"PROGRESS\s+NOTE|SOAP|DAILY\s+NOTE|VISIT\s+NOTE|TREATMENT\s+NOTES?", re.I), "progress note"),
    (re.compile(r"EVALUATION|INITIAL\s+EVAL", re.I), "evaluation"),
    (re.compile(r"OFFICE\s+VISIT", re.I), "office visit"),
]


# The words of each private kind to look for fuzzily when OCR hid them from the patterns above.
_PRIVATE_KIND_WORDS: list[tuple[str, str]] = [
    ("EMERGENCY DEPARTMENT", "Emergency department record"), ("EMERGENCY ROOM", "Emergency department record"),
    ("URGENT CARE", "Urgent care visit"), ("OPERATIVE REPORT", "Operative report"),
    ("CHIROPRACTIC", "Chiropractic"), ("PHYSICAL THERAPY", "Physical therapy"),
    ("PAIN MANAGEMENT", "Pain management"), ("ORTHOPEDIC", "Orthopedic"), ("ORTHOPAEDIC", "Orthopedic"),
]


def private_what(text: str) -> str:
    head = _top(text)
    kind = next((name for rx, name in _PRIVATE_KINDS if rx.search(head)), None)
    kind = kind or next((name for words, name in _PRIVATE_KIND_WORDS if fuzzy_phrase(words, head)), None)
    note = next((name for rx, name in _PRIVATE_NOTE if rx.search(head)), None)
    if kind and kind.endswith(("record", "visit", "report", "note", "summary")):
        return kind
    if kind and note:
        return f"{kind} {note}"
    if kind:
        return f"{kind} note"
    if note:
        return note[:1].upper() + note[1:]
    return "Private treatment note"


def _opinion_what(text: str) -> str:
    head = _top(text).upper()
    for words, name in (("VHA EXPERT", "VHA expert medical opinion"),
                        ("INDEPENDENT MEDICAL EXAM", "Independent medical examination"),
                        ("IME", "Independent medical examination"),
                        ("INDEPENDENT MEDICAL OPINION", "Independent medical opinion"),
                        ("NEXUS", "Medical opinion (nexus letter)"), ("PHYSICIAN STATEMENT", "Physician statement"),
                        ("PHYSICIAN'S STATEMENT", "Physician statement"), ("MEDICAL STATEMENT", "Physician statement"),
                        ("RECORD REVIEW", "Medical records review and opinion")):
        if re.search(rf"\b{re.escape(words)}\b", head):
            return name
    return "Medical opinion letter"


def _rating_what(text: str, codesheet_only: bool) -> str:
    head = _top(text).upper()
    if "SUPPLEMENTAL STATEMENT OF THE CASE" in head:
        return "Supplemental Statement of the Case"
    if "STATEMENT OF THE CASE" in head:
        return "Statement of the Case"
    if codesheet_only and (re.search(r"CODE\s?SHEET", head) or fuzzy_phrase("CODE SHEET", head)):  # "C0DE SHEFT"
        return "Rating code sheet"
    if "HIGHER-LEVEL REVIEW" in head or "HIGHER LEVEL REVIEW" in head:
        return "Higher-Level Review decision"
    if "PROPOSED" in head:
        return "Proposed rating decision"
    if "RATING DECISION" in head:
        return "Rating decision"
    if re.search(r"WE MADE A DECISION|DEAR\b", text[:TOP_ZONE_CHARS * 3].upper()):
        return "Decision notification letter"
    return "Rating decision"


def _board_what(text: str) -> str:
    head = text[:TOP_ZONE_CHARS * 2].upper()
    if "COURT OF APPEALS FOR VETERANS CLAIMS" in head or fuzzy_phrase("COURT OF APPEALS FOR VETERANS CLAIMS", head):
        return "Court of Appeals for Veterans Claims decision"
    if "TRANSCRIPT" in head or "HEARING HELD" in head:
        return "Board hearing transcript"
    if re.search(r"^\s*REMAND\s*$|BVA\s+REMAND", head, re.M) and not re.search(r"^\s*ORDER\s*$", head, re.M):
        return "Board of Veterans' Appeals remand"
    return "Board of Veterans' Appeals decision"


_OTHER_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"FAX\s+COVER|FACSIMILE|FAX\s+TRANSMI|TRANSMITTAL|\bFAX\b", re.I), "Fax cover sheet"),
    (re.compile(r"INTENTIONALLY\s+LEFT\s+BLANK", re.I), "Blank page"),
    (re.compile(r"DOCUMENT\s+SEPARATOR|SCAN\s+STATION", re.I), "Document separator"),
    (re.compile(r"STATEMENT\s+OF\s+ACCOUNT|AMOUNT\s+DUE|BILLING", re.I), "Billing statement"),
    (re.compile(r"TABLE\s+OF\s+CONTENTS|INDEX\s+OF\s+EXHIBITS|EVIDENCE\s+LIST|C-FILE\s+INDEX", re.I),
     "Index of records"),
    (re.compile(r"ROUTING\s+SLIP|RETURN\s+RECEIPT|POSTAGE|CERTIFIED\s+MAIL", re.I), "Mail or routing slip"),
    (re.compile(r"EMPLOYMENT\s+VERIFICATION|HUMAN\s+RESOURCES", re.I), "Employment record"),
    (re.compile(r"EXPLANATION\s+OF\s+BENEFITS|PHARMACY|APPOINTMENT\s+REMINDER", re.I), "Correspondence"),
]

_TYPE_NAMES = {
    "service_treatment": "Service treatment record",
    "service_exam": "Service medical examination",
    "service_personnel": "Service personnel record",
    "line_of_duty": "Line of duty report",
    "va_treatment": "VA treatment note",
    "private_treatment": "Private treatment note",
    "imaging_report": "Imaging report",
    "cp_exam": "C&P exam",
    "medical_opinion": "Medical opinion",
    "rating_decision": "Rating decision",
    "board_decision": "Board of Veterans' Appeals decision",
    "buddy_statement": "Lay statement",
    "personal_statement": "Personal statement",
    "claim_form": "Claim form",
    "other": "Other document",
}
_SERVICE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"ENLISTED\s+RECORD\s+BRIEF", re.I), "Enlisted Record Brief"),
    (re.compile(r"OFFICER\s+RECORD\s+BRIEF", re.I), "Officer Record Brief"),
    (re.compile(r"\bORDERS?\b", re.I), "Orders"),
    (re.compile(r"EVALUATION\s+REPORT|\bNCOER\b|\bOER\b", re.I), "Evaluation report"),
    (re.compile(r"PERIODIC\s+HEALTH\s+ASSESSMENT|\bPHA\b", re.I), "Periodic Health Assessment"),
    (re.compile(r"SEPARATION\s+HISTORY\s+AND\s+PHYSICAL", re.I), "Separation history and physical"),
    (re.compile(r"IMMUNIZATION", re.I), "Immunization record"),
    (re.compile(r"DENTAL", re.I), "Dental record"),
    (re.compile(r"PHYSICAL\s+THERAPY", re.I), "Physical therapy note"),
    (re.compile(r"OPTOMETRY", re.I), "Optometry note"),
    (re.compile(r"PROFILE", re.I), "Physical profile"),
    (re.compile(r"SICK\s+CALL|AID\s+STATION|TROOP\s+MEDICAL|\bTMC\b|\bBAS\b", re.I), "Sick-call note"),
    (re.compile(r"ENCOUNTER|AHLTA", re.I), "Outpatient encounter"),
    (re.compile(r"LINE\s+OF\s+DUTY", re.I), "Line of duty determination"),
    (re.compile(r"MEMORANDUM", re.I), "Memorandum"),
]


def document_title(record_type: str, pages: Sequence[str]) -> str:
    """A readable title for a document of record_type whose pages' texts are given, first page first."""
    texts = [blank_fax_banners(t) for t in pages if t and t.strip()] or [""]
    first = texts[0]
    whole = "\n".join(texts)
    who: str | None = None
    what: str
    form = form_of(first, record_type) or (form_of(texts[-1], record_type) if len(texts) > 1 else None)
    if record_type == "imaging_report":
        what, who = imaging_what(first), facility_of(first)
    elif record_type == "cp_exam":
        what, who = cp_what(first), facility_of(first) or _contractor(first)
    elif record_type == "va_treatment":
        what, who = _va_what(first), facility_of(whole)
    elif record_type == "private_treatment":
        what, who = private_what(first), facility_of(first)
    elif record_type == "medical_opinion":
        what, who = _opinion_what(first), author_of(whole)
    elif record_type == "rating_decision":
        what = _rating_what(first, codesheet_only=len(texts) == 1)
        office = _REGIONAL_OFFICE.search(first)
        who = smart_case(" ".join(office.group(0).split())) if office else None
    elif record_type == "board_decision":
        what = _board_what(first)
    elif form is not None:
        what = f"{form[0]}, {form[1]}"
        if record_type == "service_treatment":
            who = _str_facility(first)
        elif record_type == "buddy_statement":
            who = _witness(whole)
    else:
        what = _other_what(record_type, first)
        if record_type == "service_treatment":
            who = _str_facility(first)
        elif record_type == "buddy_statement":
            who = _witness(whole)
    title = f"{what}{DASH}{who}" if who and who.lower() not in what.lower() else what
    return title[:MAX_TITLE]


def _other_what(record_type: str, first: str) -> str:
    head = _top(first)
    if record_type == "other":
        return next((name for rx, name in _OTHER_KINDS if rx.search(head)), _TYPE_NAMES["other"])
    if record_type in ("service_treatment", "service_personnel", "service_exam", "line_of_duty"):
        return next((name for rx, name in _SERVICE_WORDS if rx.search(head)), _TYPE_NAMES[record_type])
    if record_type == "personal_statement":
        return "Personal statement"
    if record_type == "buddy_statement":
        return "Lay statement"
    return _TYPE_NAMES.get(record_type, "Document")


_CONTRACTOR = re.compile(r"\b(QTC(?:\s+Medical\s+Services)?|VES\b[^\n]{0,40}|LHI|Optum[^\n]{0,20})", re.I)


def _contractor(text: str) -> str | None:
    m = _CONTRACTOR.search(_top(text))
    return " ".join(m.group(1).split()).strip(" -") if m else None


_STR_PLACE = re.compile(
    r"(?P<place>(?:\b[A-Z]+[ \t]){0,3}\b(?:AID\s+STATION|CLINIC|TMC|BAS|AMC|ACH|MEDICAL\s+CENTER|HOSPITAL)\b"
    r"[^\n]{0,50})",
    re.I,
)


def _str_facility(text: str) -> str | None:
    """The clinic of an in-service note: "Troop Medical Clinic 3, Fort Bragg NC"."""
    for line in _top(text).split("\n"):
        if _PATIENT_LINE.search(line) and not re.match(r"^\s*\d", line):
            continue
        m = _STR_PLACE.search(line)
        if m:
            place = re.split(r"\s{2,}|\s+\d{3,4}\s*HRS|\s+SICK\s+CALL", m.group("place"), flags=re.I)[0]
            place = place.strip(" ,-:")
            if len(place) >= 3 and not re.fullmatch(r"(?:CLINIC|MEDICAL\s+CLINIC)", place, re.I):
                return smart_case(place)
    return None


_WITNESS = re.compile(r"WITNESS(?:'S)?\s+NAME\s*:?\s*(?P<name>[A-Z][A-Za-z.' -]{3,40})|My\s+name\s+is\s+"
                      r"(?P<name2>[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][a-z'-]+)|^\s*I,\s+(?P<name3>[A-Z][a-z]+\s+[A-Z][a-z'-]+)",
                      re.I | re.M)


def _witness(text: str) -> str | None:
    m = _WITNESS.search(text)
    if not m:
        return None
    name = m.group("name") or m.group("name2") or m.group("name3")
    name = re.split(r"\s{2,}|\s+(?:PHONE|RELATIONSHIP|SECTION)\b", name, flags=re.I)[0]
    return smart_case(name.strip()) if name.isupper() else name.strip()
