# ruff: noqa: E501  (template text reads best on one line per record line)
"""A generated, labelled corpus of claim-file pages for training and evaluating record typing and
document segmentation.

Each record type has five differently-worded template VARIANTS (titles, layouts, field order,
vocabulary, clinical content). Variants 0-2 make the training split; variants 3-4 are held out and
make the test split, so the evaluation measures records the model has never seen the wording of.
Files are sequences of documents (runs of the same type included, as in a real C-file), paginated
with "Page k of N", running continuation headers, or nothing at all.

OCR noise comes two ways: simulate_ocr_noise() (character confusions, broken words, dropped and
merged lines, damaged headers) for the bulk, and samples.scan_ocr-style rendering + real Tesseract
for a small cached subset (see render_and_ocr_pages()). Everything is deterministic from a seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

CORPUS_VERSION = "2"
TRAIN_VARIANTS = (0, 1, 2)
HELD_OUT_VARIANTS = (3, 4)


# --------------------------------------------------------------------------------------------------
# Data model


@dataclass(frozen=True)
class CorpusPage:
    """One labelled page: its text, its document's type, whether it starts the document."""

    text: str
    record_type: str
    group: str  # "record_type/vN": the template variant, for grouped calibration and the split
    starts_document: bool
    document_date: dt.date | None


@dataclass
class CorpusFile:
    """A generated claim file: pages in order with their labels."""

    name: str
    pages: list[CorpusPage] = field(default_factory=list)

    def page_tuples(self) -> list[tuple[int, str]]:
        return [(i + 1, p.text) for i, p in enumerate(self.pages)]

    def document_starts(self) -> set[int]:
        return {i + 1 for i, p in enumerate(self.pages) if p.starts_document}


@dataclass
class GeneratedDocument:
    record_type: str
    variant: int
    pages: list[str]
    date: dt.date | None


# --------------------------------------------------------------------------------------------------
# Vocabulary pools

FIRST = ["James", "Robert", "Michael", "William", "David", "Carlos", "Marcus", "Anthony", "Kevin", "Jose",
         "Brian", "Jason", "Tyrone", "Daniel", "Eric", "Maria", "Jennifer", "Angela", "Lisa", "Tanya",
         "Raymond", "Gregory", "Luis", "Darnell", "Patrick", "Samuel", "Keisha", "Rachel", "Howard", "Wesley"]
LAST = ["Miller", "Johnson", "Ramirez", "Washington", "Nguyen", "O'Brien", "Kowalski", "Thompson", "Garcia",
        "Jackson", "Henderson", "Patel", "Brooks", "Sanders", "Delgado", "Fitzgerald", "Okafor", "Harris",
        "Lindqvist", "Castillo", "Whitaker", "Morales", "Bennett", "Coleman", "Reyes", "Sullivan", "Foster"]
CLINICIANS = ["Sarah Kim, MD", "Thomas Reed, DO", "Anita Shah, PA-C", "John Baxter, NP", "Helen Ortiz, MD",
              "Mark Feldman, DPT", "Grace Lee, MD", "Victor Alvarez, DC", "Paul Brennan, MD", "Nadia Haddad, NP"]
BRANCHES = ["ARMY", "NAVY", "AIR FORCE", "MARINE CORPS"]
RANKS = ["PFC", "SPC", "SGT", "SSG", "CPL", "LCpl", "SrA", "PO2", "SFC"]
UNITS = ["B Co 2-504 PIR, 82nd ABN DIV", "HHC 1-67 AR, 4th ID", "C Btry 3-320 FA", "2nd MP Co",
         "1st Bn 7th Marines", "USS Carl Vinson (CVN-70)", "366th Maintenance Sq", "A Co 1-75 RGR",
         "HSC 44th Med Bde", "3rd Bn 6th Marines"]
BASES = ["Fort Bragg, NC", "Fort Hood, TX", "Fort Campbell, KY", "Camp Lejeune, NC", "Fort Carson, CO",
         "Naval Station Norfolk, VA", "Mountain Home AFB, ID", "Camp Pendleton, CA", "Fort Drum, NY"]
MOS = ["11B Infantryman", "88M Motor Transport Operator", "91B Wheeled Vehicle Mechanic", "0311 Rifleman",
       "68W Combat Medic", "13B Cannon Crewmember", "2A5X1 Aerospace Maintenance", "92Y Unit Supply Specialist"]
VA_FACILITIES = ["CENTRAL TEXAS VETERANS HCS", "DURHAM VAMC", "TAMPA VA MEDICAL CENTER", "PUGET SOUND HCS",
                 "HAMPTON VAMC", "AUSTIN CBOC", "FAYETTEVILLE VA COASTAL HCS", "SAN DIEGO VA HCS"]
VA_NOTE_TITLES = ["PRIMARY CARE NOTE", "PACT RN TRIAGE NOTE", "PHYSICAL MEDICINE REHAB CONSULT",
                  "PAIN CLINIC NOTE", "PRIMARY CARE FOLLOW UP", "ORTHOPEDIC SURGERY CONSULT",
                  "PHYSICAL THERAPY OUTPATIENT NOTE", "NURSING TELEPHONE NOTE", "MENTAL HEALTH INTAKE"]
VA_STD_TITLES = ["PRIMARY CARE NOTE", "NURSING NOTE", "PHYSICAL MEDICINE & REHAB CONSULT", "PAIN MANAGEMENT NOTE",
                 "ORTHOPEDIC SURGERY CONSULT", "PHYSICAL THERAPY NOTE", "MENTAL HEALTH NOTE"]
CLINICS = [
    ("Carolina Spine & Orthopaedic Associates", "1200 Medical Park Dr, Suite 300", "Fayetteville, NC 28304"),
    ("Lone Star Physical Therapy, PLLC", "4410 S Congress Ave", "Austin, TX 78745"),
    ("Bayside Chiropractic Center", "88 Harbor Blvd", "Norfolk, VA 23510"),
    ("Summit Pain Management Group", "2750 N Academy Blvd", "Colorado Springs, CO 80917"),
    ("Riverside Family Medicine", "615 River Rd", "Clarksville, TN 37040"),
    ("Pacific Coast Orthopedics", "9300 Genesee Ave, Ste 210", "San Diego, CA 92121"),
    ("Mercy Urgent Care", "17 Commerce Pkwy", "Killeen, TX 76541"),
    ("Tidewater Sports Medicine", "401 Greenbrier Pkwy", "Chesapeake, VA 23320"),
]
IMAGING_CENTERS = ["Advanced Imaging of Fayetteville", "Radiology Associates of Austin", "Tampa VA Imaging Service",
                   "Precision MRI Center", "Womack Army Medical Center Radiology", "Coastal Diagnostic Imaging"]
COMPLAINTS = [
    "low back pain x 3 days after a 12 mile ruck march with 80 lb",
    "lower back pain radiating to the left buttock since a hard parachute landing",
    "back pain after lifting a tire during motor pool maintenance",
    "right knee pain after a fall from the vehicle ramp",
    "neck and upper back stiffness after a HMMWV rollover training exercise",
    "left ankle sprain during PT formation run",
    "low back spasm after loading ammunition crates",
    "chronic low back pain with intermittent numbness in the left leg",
    "sore throat, congestion and cough for 2 days",
    "bilateral knee pain worse on stairs and after running",
]
EXAM_FINDINGS = [
    "Tenderness over the L4-L5 paraspinal muscles bilaterally. Forward flexion limited by pain.",
    "Antalgic gait favoring the right. Straight leg raise positive on the left at 40 degrees.",
    "No midline tenderness. Full range of motion with mild discomfort at end range.",
    "Paraspinal spasm noted. Strength 5/5 lower extremities. Reflexes 2+ and symmetric.",
    "Right knee with mild effusion, medial joint line tenderness, McMurray equivocal.",
    "Gait steady without assistive device. Heel and toe walk intact.",
    "Decreased sensation to light touch over the left L5 dermatome.",
    "Oropharynx erythematous, no exudate. Lungs clear to auscultation.",
    "Uses a single point cane. Difficulty rising from a chair.",
]
ASSESSMENTS = [
    "Lumbar strain.", "Mechanical low back pain.", "Lumbar degenerative disc disease.",
    "Lumbar radiculopathy, left L5.", "Patellofemoral pain syndrome, right knee.", "Viral URI.",
    "Chronic low back pain with sciatica.", "Ankle sprain, grade I.", "Medial meniscus tear, right knee (suspected).",
]
PLANS = [
    "Motrin 800 mg TID x 7 days, ice, stretching. Light duty x 5 days, no running, no rucking.",
    "Continue home exercise program. Follow up in 4 weeks or sooner if symptoms worsen.",
    "Referral to physical therapy 2x/week for 6 weeks. Naproxen 500 mg BID with food.",
    "Order MRI lumbar spine without contrast. Return to clinic after imaging.",
    "Flexeril 10 mg at bedtime. Heat. Avoid heavy lifting over 25 lb.",
    "Gabapentin titration discussed. Patient agrees with plan.",
    "RICE, ankle brace, crutches as needed. Recheck in 1 week.",
]
IMAGING_FINDINGS = [
    "Disc desiccation at L4-5 and L5-S1 with mild loss of disc height.",
    "Broad-based posterior disc bulge at L4-5 with mild bilateral foraminal narrowing.",
    "Small left paracentral protrusion at L5-S1 contacting the traversing left S1 nerve root.",
    "Facet arthropathy at L4-5 and L5-S1. No spondylolisthesis.",
    "Vertebral body heights are maintained. Alignment is normal.",
    "Mild multilevel degenerative endplate changes. No acute fracture.",
    "The conus terminates normally at L1. No abnormal marrow signal.",
    "Mild narrowing of the medial compartment of the right knee joint.",
]


def _name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST), rng.choice(LAST)


def _ssn4(rng: random.Random) -> str:
    return f"{rng.randint(0, 9999):04d}"


def _date_between(rng: random.Random, start_year: int, end_year: int) -> dt.date:
    start = dt.date(start_year, 1, 1).toordinal()
    end = dt.date(end_year, 12, 28).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]


def fmt(d: dt.date, style: str) -> str:
    """A date written the way a given kind of record writes it."""
    if style == "mil":  # 14 MAR 2009
        return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"
    if style == "milc":  # 14Mar2009
        return f"{d.day:02d}{MONTHS[d.month - 1].title()}{d.year}"
    if style == "us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "us2":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "long":
        return f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "ymd":
        return f"{d.year}{d.month:02d}{d.day:02d}"
    if style == "vista":
        return f"{MONTHS[d.month - 1]} {d.day:02d}, {d.year}@{(d.day * 7) % 24:02d}:{(d.month * 11) % 60:02d}"
    raise ValueError(style)


def _pick(rng: random.Random, pool: list[str], k: int) -> list[str]:
    return rng.sample(pool, min(k, len(pool)))


@dataclass
class Person:
    first: str
    last: str
    ssn4: str
    dob: dt.date
    branch: str
    rank: str
    unit: str
    base: str
    mos: str
    entered: dt.date
    separated: dt.date

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def last_first(self) -> str:
        return f"{self.last.upper()}, {self.first.upper()}"


def make_person(rng: random.Random) -> Person:
    first, last = _name(rng)
    entered = _date_between(rng, 1988, 2008)
    separated = entered + dt.timedelta(days=rng.randint(3 * 365, 20 * 365))
    return Person(first, last, _ssn4(rng), _date_between(rng, 1965, 1988), rng.choice(BRANCHES), rng.choice(RANKS),
                  rng.choice(UNITS), rng.choice(BASES), rng.choice(MOS), entered, separated)


# --------------------------------------------------------------------------------------------------
# Pagination

LINES_PER_PAGE = (9, 26)


def paginate(
    rng: random.Random,
    first_header: list[str],
    body: list[str],
    *,
    style: str,
    continuation_header: str = "",
    footer: str = "",
) -> list[str]:
    """Lays a document's lines out on pages.

    style: "page_of" (footer "Page k of N"), "page_of_top" (header "Page k of N"), "running"
    (continuation pages open with continuation_header), "plain" (no marker at all).
    footer: a form footer printed on every page (form number and edition).
    """
    per_page = rng.randint(*LINES_PER_PAGE)
    chunks: list[list[str]] = []
    lines = list(first_header) + list(body)
    while lines:
        chunks.append(lines[:per_page])
        lines = lines[per_page:]
    n = len(chunks)
    pages = []
    for k, chunk in enumerate(chunks, start=1):
        top: list[str] = []
        bottom: list[str] = []
        if style == "page_of":
            bottom.append(f"Page {k} of {n}")
        elif style == "page_of_top" and n > 1:
            top.append(f"Page {k} of {n}")
        elif style == "running" and k > 1 and continuation_header:
            top.append(continuation_header)
        if footer:
            bottom.append(footer)
        pages.append("\n".join(top + chunk + bottom))
    return pages


def _paragraphs(rng: random.Random, pools: list[list[str]], n: int) -> list[str]:
    out = []
    for _ in range(n):
        pool = rng.choice(pools)
        out.append(rng.choice(pool))
    return out


def _clinical_body(rng: random.Random, labels: tuple[str, str, str, str], length: int) -> list[str]:
    """Subjective / objective / assessment / plan lines with a house style of section labels."""
    s, o, a, p = labels
    lines = [f"{s} {rng.choice(COMPLAINTS)}."]
    lines += [rng.choice(COMPLAINTS).capitalize() + " noted in the past." for _ in range(rng.randint(0, 1))]
    lines += [f"{o} {' '.join(_pick(rng, EXAM_FINDINGS, 2))}"]
    lines += [rng.choice(EXAM_FINDINGS) for _ in range(length)]
    lines += [f"{a} {rng.choice(ASSESSMENTS)}", f"{p} {rng.choice(PLANS)}"]
    lines += [rng.choice(PLANS) for _ in range(rng.randint(0, length))]
    return lines


# --------------------------------------------------------------------------------------------------
# Variants, by record type. Each returns the document's pages and its date.

Variant = Callable[[random.Random, Person], GeneratedDocument]


def _service_date(rng: random.Random, p: Person) -> dt.date:
    span = max((p.separated - p.entered).days - 2, 1)
    return p.entered + dt.timedelta(days=rng.randint(1, span))


def _post_date(rng: random.Random, p: Person) -> dt.date:
    return p.separated + dt.timedelta(days=rng.randint(60, 12 * 365))


def str_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = ["MEDICAL RECORD", "CHRONOLOGICAL RECORD OF MEDICAL CARE",
              "DATE    SYMPTOMS, DIAGNOSIS, TREATMENT, TREATING ORGANIZATION (Sign each entry)",
              f"{fmt(d, 'mil')}  TMC #{rng.randint(1, 9)} {p.base}  SICK CALL"]
    body = _clinical_body(rng, ("S:", "O:", "A:", "P:"), rng.randint(1, 4))
    body += [f"RTD w/ limitations. {rng.choice(CLINICIANS)}",
             f"PATIENT'S IDENTIFICATION: {p.last_first} {p.rank} SSN XXX-XX-{p.ssn4} {p.unit}"]
    pages = paginate(rng, header, body, style=rng.choice(["plain", "running"]),
                     continuation_header=f"{p.last_first} SF 600 (CONT)",
                     footer="STANDARD FORM 600 (REV. 5-84) Prescribed by GSA/ICMR FIRMR (41 CFR) 201-9.202-1")
    return GeneratedDocument("service_treatment", 0, pages, d)


def str_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = [f"{rng.choice(['BATTALION AID STATION', 'TROOP MEDICAL CLINIC'])} - {p.unit}",
              f"Sick Call Screening  Date: {fmt(d, 'milc')}",
              f"Soldier: {p.rank} {p.last_first}  Unit: {p.unit}"]
    body = [f"CC: {rng.choice(COMPLAINTS)}", f"SM reports {rng.choice(COMPLAINTS)}.",
            f"Exam: {rng.choice(EXAM_FINDINGS)}", f"Dx: {rng.choice(ASSESSMENTS)}",
            f"Tx: {rng.choice(PLANS)}", f"Duty status: {rng.choice(['RTD', 'Quarters x 24 hrs', 'Light duty x 7 days'])}",
            f"Screened by: {rng.choice(['SPC', 'SGT'])} {rng.choice(LAST)}, 68W  Reviewed: {rng.choice(CLINICIANS)}"]
    body += [rng.choice(EXAM_FINDINGS) for _ in range(rng.randint(0, 3))]
    return GeneratedDocument("service_treatment", 1, paginate(rng, header, body, style="plain"), d)


def str_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = ["DA FORM 3349, PHYSICAL PROFILE", f"1. NAME: {p.last_first}  2. GRADE: {p.rank}",
              f"3. UNIT: {p.unit}  4. DATE: {fmt(d, 'ymd')}"]
    body = [f"5. MEDICAL CONDITION: {rng.choice(ASSESSMENTS)}",
            "6. PULHES  P1 U1 L3 H1 E1 S1  TEMPORARY  EXPIRATION: " + fmt(d + dt.timedelta(days=30), "ymd"),
            "7. FUNCTIONAL ACTIVITIES: No running, no jumping, no rucking. May walk at own pace and distance.",
            "May lift up to 20 lbs. No prolonged standing over 30 minutes.",
            f"Profiling officer: {rng.choice(CLINICIANS)}  Approving authority: {rng.choice(CLINICIANS)}"]
    body += [rng.choice(PLANS) for _ in range(rng.randint(0, 2))]
    return GeneratedDocument("service_treatment", 2, paginate(rng, header, body, style="plain"), d)


def str_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: AHLTA encounter print
    d = _service_date(rng, p)
    header = ["Outpatient Encounter Note  (AHLTA)", f"Patient: {p.last_first}  FMP/SSN: 20/XXX-XX-{p.ssn4}",
              f"Encounter Date: {fmt(d, 'milc')} 0815  Clinic: {rng.choice(['FAMILY MED', 'TMC 4', 'SOLDIER CTR'])}, "
              f"{p.base}", f"Provider: {rng.choice(CLINICIANS)}"]
    body = ["Reason for Appointment:", f"  {rng.choice(COMPLAINTS)}", "History of present illness:",
            f"  The patient is a {rng.randint(19, 40)} y/o {p.rank} who presents with {rng.choice(COMPLAINTS)}.",
            "Physical Exam:"] + [f"  {x}" for x in _pick(rng, EXAM_FINDINGS, rng.randint(2, 5))] + [
            "A/P:", f"  1. {rng.choice(ASSESSMENTS)}", f"     {rng.choice(PLANS)}",
            "Disposition: Released w/o limitations. Follow up PRN.",
            f"Signed by {rng.choice(CLINICIANS)} on {fmt(d, 'mil')}"]
    pages = paginate(rng, header, body, style=rng.choice(["page_of", "plain"]))
    return GeneratedDocument("service_treatment", 3, pages, d)


def str_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: SF 558 emergency care
    d = _service_date(rng, p)
    header = ["EMERGENCY CARE AND TREATMENT", "MEDICAL RECORD  STANDARD FORM 558",
              f"PATIENT: {p.last_first}  SERVICE: {p.branch}  GRADE: {p.rank}",
              f"ARRIVAL DATE {fmt(d, 'mil')}  TIME 2140  MODE: ambulance"]
    body = [f"HISTORY: Injured {fmt(d, 'mil')} - {rng.choice(COMPLAINTS)}.",
            f"PHYSICAL FINDINGS: {' '.join(_pick(rng, EXAM_FINDINGS, 2))}",
            f"DIAGNOSIS: {rng.choice(ASSESSMENTS)}",
            f"TREATMENT: Toradol 60 mg IM. {rng.choice(PLANS)}",
            "DISPOSITION: Released to unit. Quarters 24h then light duty.",
            f"PHYSICIAN: {rng.choice(CLINICIANS)}  CONDITION ON RELEASE: stable"]
    return GeneratedDocument("service_treatment", 4, paginate(rng, header, body, style="plain"), d)


def sexam_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    purpose = rng.choice(["ENLISTMENT", "SEPARATION", "PERIODIC", "RETIREMENT"])
    header = ["REPORT OF MEDICAL EXAMINATION", f"1. LAST NAME, FIRST NAME  {p.last_first}  2. SSN XXX-XX-{p.ssn4}",
              f"4. DATE OF EXAMINATION {fmt(d, 'ymd')}  5. PURPOSE OF EXAMINATION: {purpose}"]
    body = [f"{n}. {item} ........ {rng.choice(['NORMAL', 'NORMAL', 'ABNORMAL'])}"
            for n, item in zip(range(17, 40), ["HEAD, FACE, NECK", "NOSE", "SINUSES", "MOUTH AND THROAT", "EARS",
                                                "EYES", "LUNGS AND CHEST", "HEART", "ABDOMEN", "SPINE, OTHER MUSCULOSKELETAL",
                                                "LOWER EXTREMITIES", "NEUROLOGIC", "SKIN"], strict=False)]
    body += [f"77. SUMMARY OF DEFECTS AND DIAGNOSES: {rng.choice(ASSESSMENTS)}",
             "78. RECOMMENDATIONS: None.  79. QUALIFIED FOR SERVICE: YES",
             f"81. EXAMINER: {rng.choice(CLINICIANS)}", f"PULHES: P1 U1 L{rng.randint(1, 3)} H1 E1 S1"]
    pages = paginate(rng, header, body, style="page_of_top",
                     footer="DD FORM 2808, OCT 2005  PREVIOUS EDITION IS OBSOLETE.")
    return GeneratedDocument("service_exam", 0, pages, d)


def sexam_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = ["REPORT OF MEDICAL HISTORY", f"1. NAME (Last, First, Middle) {p.last_first}  3. DATE OF EXAMINATION "
              f"{fmt(d, 'ymd')}", f"5. PURPOSE OF EXAMINATION  {rng.choice(['SEPARATION', 'RETIREMENT', 'ENLISTMENT'])}"]
    items = ["Recurrent back pain or any back problem", "Swollen or painful joints", "Knee trouble",
             "Broken bones", "Frequent or severe headache", "Numbness or tingling", "Arthritis, rheumatism or bursitis",
             "Foot trouble", "Loss of vision", "Asthma"]
    body = ["11. HAVE YOU EVER HAD OR DO YOU NOW HAVE: (Check each item)"]
    body += [f"  {rng.choice(['[X] YES [ ] NO', '[ ] YES [X] NO'])}  {item}" for item in items]
    body += [f"29. EXPLANATION OF YES ANSWERS: {rng.choice(COMPLAINTS)}.",
             f"30a. EXAMINEE SIGNATURE  {p.full}", f"PHYSICIAN'S SUMMARY: {rng.choice(ASSESSMENTS)} "
             f"{rng.choice(EXAM_FINDINGS)}"]
    pages = paginate(rng, header, body, style="plain", footer="DD FORM 2807-1, MAR 2020")
    return GeneratedDocument("service_exam", 1, pages, d)


def sexam_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = ["POST-DEPLOYMENT HEALTH ASSESSMENT (PDHA)", f"Name: {p.last_first}  Date: {fmt(d, 'us')}",
              f"Deployed location: {rng.choice(['Iraq', 'Afghanistan', 'Kuwait'])}  Unit: {p.unit}"]
    qs = ["Would you say your health in general is", "Did you receive care for an injury while deployed",
          "Do you have back pain", "Do you have swollen, stiff or painful joints",
          "Were you engaged in direct combat", "Are you having thoughts of hurting yourself"]
    body = [f"{i + 1}. {q}? {rng.choice(['Yes', 'No', 'Good', 'Fair'])}" for i, q in enumerate(qs)]
    body += [f"Provider comments: {rng.choice(COMPLAINTS)}. {rng.choice(PLANS)}",
             f"Health care provider: {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="page_of", footer="DD FORM 2796, JAN 2008")
    return GeneratedDocument("service_exam", 2, pages, d)


def sexam_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: SF 88 (older)
    d = _service_date(rng, p)
    header = ["STANDARD FORM 88", "REPORT OF MEDICAL EXAMINATION",
              f"2. NAME {p.last_first}  3. IDENTIFICATION NO. XXX-XX-{p.ssn4}",
              f"15. DATE OF EXAMINATION {fmt(d, 'mil')}  16. TYPE OF EXAMINATION  {rng.choice(['ETS', 'RETIREMENT'])}"]
    body = ["CLINICAL EVALUATION (Check each item in appropriate column)"]
    body += [f"  {'NOR' if rng.random() < 0.8 else 'ABN'}  {x}" for x in
             ["Head, face, neck and scalp", "Lungs and chest", "Spine, other musculoskeletal",
              "Lower extremities (Strength, range of motion)", "Feet", "Neurologic"]]
    body += [f"73. NOTES AND SIGNIFICANT OR INTERVAL HISTORY: {rng.choice(COMPLAINTS)}",
             f"74. SUMMARY OF DEFECTS AND DIAGNOSES: {rng.choice(ASSESSMENTS)}",
             "76. PHYSICAL PROFILE  P U L H E S  1 1 2 1 1 1", "77. EXAMINEE IS QUALIFIED FOR: SEPARATION",
             f"TYPED NAME OF PHYSICIAN  {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="running", continuation_header=f"SF 88 (CONT) {p.last_first}")
    return GeneratedDocument("service_exam", 3, pages, d)


def sexam_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: separation H&P, DD 2697
    d = _service_date(rng, p)
    header = ["REPORT OF MEDICAL ASSESSMENT", f"NAME: {p.last_first}   DATE: {fmt(d, 'ymd')}",
              "PURPOSE: Separation from active duty"]
    body = ["1. Compared to your last medical assessment, how would you rate your overall health? Worse",
            f"2. Since your last assessment have you had any illness or injury? Yes - {rng.choice(COMPLAINTS)}",
            "3. Have you been seen by a health care provider? Yes, sick call and physical therapy",
            "9. Do you intend to seek VA disability for any condition? Yes, back and knee",
            f"EXAMINER'S COMMENTS: {rng.choice(EXAM_FINDINGS)} {rng.choice(ASSESSMENTS)}",
            f"Examiner: {rng.choice(CLINICIANS)}  Date: {fmt(d, 'ymd')}"]
    pages = paginate(rng, header, body, style="page_of", footer="DD FORM 2697, FEB 1995")
    return GeneratedDocument("service_exam", 4, pages, d)


def pers_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    header = ["CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY",
              "THIS IS AN IMPORTANT RECORD. SAFEGUARD IT.",
              f"1. NAME (Last, First, Middle) {p.last_first}  2. DEPARTMENT, COMPONENT AND BRANCH {p.branch}/RA",
              f"3. SOCIAL SECURITY NUMBER XXX-XX-{p.ssn4}  4a. GRADE, RATE OR RANK {p.rank}"]
    body = [f"5. DATE OF BIRTH (YYYYMMDD) {fmt(p.dob, 'ymd')}",
            f"11. PRIMARY SPECIALTY  {p.mos} -- {rng.randint(3, 18)} YRS",
            "12. RECORD OF SERVICE            YEAR(S)  MONTH(S)  DAY(S)",
            f"a. DATE ENTERED AD THIS PERIOD   {fmt(p.entered, 'ymd')}",
            f"b. SEPARATION DATE THIS PERIOD   {fmt(p.separated, 'ymd')}",
            f"c. NET ACTIVE SERVICE THIS PERIOD  00{rng.randint(3, 20):02d} {rng.randint(0, 11):02d} {rng.randint(0, 29):02d}",
            "13. DECORATIONS, MEDALS, BADGES: ARMY COMMENDATION MEDAL // PARACHUTIST BADGE // NATO MEDAL",
            "24. CHARACTER OF SERVICE  HONORABLE", "25. SEPARATION AUTHORITY  AR 635-200, CHAP 4"]
    pages = paginate(rng, header, body, style="plain", footer="DD FORM 214, FEB 2000  PREVIOUS EDITION IS OBSOLETE.")
    return GeneratedDocument("service_personnel", 0, pages, p.separated)


def pers_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = ["INDIVIDUAL JUMP RECORD", f"NAME {p.last_first}  UNIT {p.unit}", "DA FORM 1307"]
    body = ["JUMP NO  DATE       TYPE ACFT   DROP ZONE   REMARKS"]
    jd = d
    for n in range(1, rng.randint(12, 40)):
        jd += dt.timedelta(days=rng.randint(5, 60))
        body.append(f"{n:>3}  {fmt(jd, 'mil')}  {rng.choice(['C-130', 'C-17', 'UH-60'])}  "
                    f"{rng.choice(['SICILY', 'NORMANDY', 'HOLLAND', 'ST MERE EGLISE'])}  "
                    f"{rng.choice(['', 'COMBAT EQUIP', 'NIGHT', 'HARD LANDING', 'MASS TACT'])}")
    pages = paginate(rng, header, body, style="running", continuation_header=f"DA FORM 1307 (CONT) {p.last_first}")
    return GeneratedDocument("service_personnel", 1, pages, None)


def pers_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = ["ENLISTED RECORD BRIEF", f"{p.last_first}  SSN XXX-XX-{p.ssn4}  DATE: {fmt(d, 'ymd')}",
              f"SECTION I - ASSIGNMENT INFORMATION  UNIT {p.unit}  PMOS {p.mos}"]
    body = ["SECTION II - SERVICE DATA", f"  PEBD {fmt(p.entered, 'ymd')}  BASD {fmt(p.entered, 'ymd')}",
            f"  RANK {p.rank}  DATE OF RANK {fmt(d, 'ymd')}", "SECTION III - AWARDS AND DECORATIONS",
            "  AAM-2  ARCOM  GWOTSM  ASR  PARACHUTIST BADGE", "SECTION VII - ASSIGNMENT HISTORY"]
    for _ in range(rng.randint(3, 8)):
        body.append(f"  {fmt(_service_date(rng, p), 'ymd')}  {rng.choice(UNITS)}  DUTY TITLE: "
                    f"{rng.choice(['RIFLEMAN', 'TEAM LEADER', 'SQUAD LEADER', 'MECHANIC', 'DRIVER'])}")
    pages = paginate(rng, header, body, style="page_of_top")
    return GeneratedDocument("service_personnel", 2, pages, d)


def pers_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: older DD 214 layout
    header = ["DD FORM 214", "CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY",
              f"1. LAST NAME-FIRST NAME-MIDDLE NAME  {p.last_first}   3. SERVICE NUMBER XXX XX {p.ssn4}",
              f"2. DEPARTMENT, COMPONENT AND BRANCH OR CLASS  {p.branch}"]
    body = ["12. RECORD OF SERVICE  a. DATE ENTERED AD THIS PERIOD     b. SEPARATION DATE THIS PERIOD",
            f"                       {fmt(p.entered, 'ymd')}                      {fmt(p.separated, 'ymd')}",
            f"11. PRIMARY SPECIALTY NUMBER AND TITLE  {p.mos}",
            "13. DECORATIONS, MEDALS, BADGES, COMMENDATIONS, CITATIONS AND CAMPAIGN RIBBONS AWARDED",
            "    NATIONAL DEFENSE SERVICE MEDAL // ARMY SERVICE RIBBON // EXPERT INFANTRYMAN BADGE",
            "23. TYPE OF SEPARATION  DISCHARGE   24. CHARACTER OF SERVICE  HONORABLE",
            "26. SEPARATION CODE  MBK   27. REENTRY CODE  1"]
    return GeneratedDocument("service_personnel", 3, paginate(rng, header, body, style="plain"), p.separated)


def pers_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: personnel qualification record
    d = _service_date(rng, p)
    header = ["PERSONNEL QUALIFICATION RECORD - PART II", "DA FORM 2-1",
              f"NAME {p.last_first}   SSN XXX-XX-{p.ssn4}   DATE PREPARED {fmt(d, 'mil')}"]
    body = [f"5. MILITARY OCCUPATIONAL SPECIALTY  PMOS {p.mos}", "18. APPOINTMENTS AND REDUCTIONS"]
    body += [f"    {fmt(_service_date(rng, p), 'mil')}  {rng.choice(RANKS)}" for _ in range(rng.randint(2, 5))]
    body += ["35. RECORD OF ASSIGNMENTS  PERIOD  PRINCIPAL DUTY  ORGANIZATION"]
    body += [f"    {fmt(_service_date(rng, p), 'mil')}  {rng.choice(['RIFLEMAN', 'TM LDR', 'SQD LDR', 'DRIVER'])}  "
             f"{rng.choice(UNITS)}" for _ in range(rng.randint(3, 8))]
    pages = paginate(rng, header, body, style="running", continuation_header=f"DA FORM 2-1 (CONT) {p.last_first}")
    return GeneratedDocument("service_personnel", 4, pages, d)


def lod_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = ["STATEMENT OF MEDICAL EXAMINATION AND DUTY STATUS", "DA FORM 2173",
              f"1. NAME {p.last_first}  2. SSN XXX-XX-{p.ssn4}  3. GRADE {p.rank}  4. ORGANIZATION {p.unit}"]
    body = [f"8. DATE AND HOUR OF ADMISSION {fmt(d, 'ymd')} 1430", f"14. DIAGNOSIS: {rng.choice(ASSESSMENTS)}",
            f"15. NATURE AND EXTENT OF INJURY: {rng.choice(COMPLAINTS)}.",
            f"16. DETAILS OF ACCIDENT: SM {rng.choice(['fell from the vehicle ramp', 'landed hard on a static line jump', 'was struck by a hatch'])} "
            "while performing assigned duties.", "17. INJURY CONSIDERED IN LINE OF DUTY: YES",
            "21. DUTY STATUS AT TIME OF INJURY: PRESENT FOR DUTY", f"Attending physician: {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="plain", footer="DA FORM 2173, APR 1980")
    return GeneratedDocument("line_of_duty", 0, pages, d)


def lod_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = ["LINE OF DUTY DETERMINATION", f"MEMBER: {p.rank} {p.last_first}  UNIT: {p.unit}",
              f"DATE OF INCIDENT: {fmt(d, 'us')}"]
    body = ["1. CIRCUMSTANCES: " + rng.choice([
        "During unit PT the member stepped in a hole and twisted the right knee.",
        "While loading a 5-ton the member lifted a generator and felt a pop in the low back.",
        "On a night airborne operation the member landed in trees and fell to the ground."]),
        "2. Was the member under the influence of alcohol or drugs? NO",
        "3. Was the injury the result of misconduct? NO", "FINDING: IN LINE OF DUTY",
        f"Appointing authority: {rng.choice(CLINICIANS).split(',')[0]}, LTC, Commanding"]
    pages = paginate(rng, header, body, style="page_of")
    return GeneratedDocument("line_of_duty", 1, pages, d)


def lod_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _service_date(rng, p)
    header = ["REPORT OF INVESTIGATION LINE OF DUTY AND MISCONDUCT STATUS", "DD FORM 261",
              f"TO: Commander, {p.base}   FROM: Investigating Officer   DATE: {fmt(d, 'ymd')}"]
    body = [f"1. NAME OF MEMBER {p.last_first}   2. GRADE {p.rank}", f"9. DATE OF INJURY {fmt(d, 'ymd')}",
            f"13. NATURE AND EXTENT OF INJURY: {rng.choice(ASSESSMENTS)}",
            "14. FINDINGS: The investigating officer finds the injury was incurred IN LINE OF DUTY, NOT due to own misconduct.",
            "15. STATEMENTS OF WITNESSES ATTACHED.", f"{rng.choice(COMPLAINTS).capitalize()}.",
            f"INVESTIGATING OFFICER  CPT {rng.choice(LAST).upper()}"]
    body += [rng.choice(EXAM_FINDINGS) for _ in range(rng.randint(0, 3))]
    pages = paginate(rng, header, body, style="running", continuation_header="DD FORM 261 (CONTINUED)")
    return GeneratedDocument("line_of_duty", 2, pages, d)


def lod_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: AF 348 style
    d = _service_date(rng, p)
    header = ["LINE OF DUTY (LOD) INVESTIGATION - INFORMAL", "AF FORM 348",
              f"MEMBER NAME {p.last_first}   GRADE {p.rank}   DATE OF INJURY {fmt(d, 'long')}"]
    body = ["ITEM 7. MEDICAL TREATMENT FACILITY: " + rng.choice(BASES),
            f"ITEM 8. DIAGNOSIS: {rng.choice(ASSESSMENTS)}",
            f"ITEM 10. DESCRIBE HOW THE INJURY OCCURRED: {rng.choice(COMPLAINTS)}.",
            "ITEM 14. MEMBER WAS IN DUTY STATUS  [X] YES",
            "UNIT COMMANDER RECOMMENDATION: In Line of Duty", "APPOINTING AUTHORITY ACTION: ILOD - approved"]
    pages = paginate(rng, header, body, style="page_of")
    return GeneratedDocument("line_of_duty", 3, pages, d)


def lod_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: memo-style accident report
    d = _service_date(rng, p)
    header = [f"DEPARTMENT OF THE {p.branch}", f"{p.unit}", f"{p.base}", "",
              f"MEMORANDUM FOR RECORD   {fmt(d, 'mil')}", "SUBJECT: Injury Report and Line of Duty Statement"]
    body = [f"1. On {fmt(d, 'mil')}, {p.rank} {p.last_first} was injured during {rng.choice(['a training jump', 'motor pool operations', 'a field exercise'])}.",
            f"2. Nature of injury: {rng.choice(COMPLAINTS)}.",
            "3. The Soldier was on duty and acting within the scope of assigned duties; the injury is considered in line of duty.",
            "4. No misconduct or negligence is suspected. Witness statements enclosed.",
            f"{rng.choice(LAST).upper()}, CPT, Commanding"]
    return GeneratedDocument("line_of_duty", 4, paginate(rng, header, body, style="plain"), d)


def _vista_note(rng: random.Random, p: Person, variant: int, title_style: int) -> GeneratedDocument:
    d = _post_date(rng, p)
    fac = rng.choice(VA_FACILITIES)
    title = rng.choice(VA_NOTE_TITLES)
    std = rng.choice(VA_STD_TITLES)
    if title_style == 0:
        header = [f"LOCAL TITLE: {title}", f"STANDARD TITLE: {std}",
                  f"DATE OF NOTE: {fmt(d, 'vista')}    ENTRY DATE: {fmt(d, 'vista')}",
                  f"      AUTHOR: {rng.choice(CLINICIANS).upper()}  EXP COSIGNER:", "     URGENCY:            STATUS: COMPLETED"]
    elif title_style == 1:
        header = [f" {p.last_first}  XXX-XX-{p.ssn4}   Progress Notes", f"LOCAL TITLE: {title}",
                  f"STANDARD TITLE: {std}", f"DATE OF NOTE: {fmt(d, 'vista')}   ENTRY DATE: {fmt(d, 'vista')}",
                  f"AUTHOR: {rng.choice(CLINICIANS).upper()}"]
    else:
        header = [f"LOCAL TITLE: {title}", f"STANDARD TITLE: {std}", f"VISIT: {fmt(d, 'us')} {fac}",
                  f"DATE OF NOTE: {fmt(d, 'vista')}"]
    body = _clinical_body(rng, ("SUBJECTIVE:", "OBJECTIVE:", "ASSESSMENT:", "PLAN:"), rng.randint(2, 8))
    body += [f"/es/ {rng.choice(CLINICIANS).upper()}", f"Signed: {fmt(d, 'us')} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"]
    if rng.random() < 0.4:
        body += [f"Receipt Acknowledged By: {fmt(d, 'us')} /es/ {rng.choice(CLINICIANS).upper()}"]
    pages = paginate(rng, header, body, style="running",
                     continuation_header=f"{p.last_first}  XXX-XX-{p.ssn4}  Progress Notes (continued)",
                     footer=f"Printed at {fac}" if title_style else "")
    return GeneratedDocument("va_treatment", variant, pages, d)


def va_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    return _vista_note(rng, p, 0, 0)


def va_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    return _vista_note(rng, p, 1, 1)


def va_v2(rng: random.Random, p: Person) -> GeneratedDocument:  # VA nursing telephone contact, no LOCAL TITLE
    d = _post_date(rng, p)
    header = [f"DEPARTMENT OF VETERANS AFFAIRS  {rng.choice(VA_FACILITIES)}", "PACT TELEPHONE CONTACT",
              f"Veteran: {p.last_first}   Date/Time: {fmt(d, 'us')} 10:42"]
    body = [f"Veteran called reporting {rng.choice(COMPLAINTS)}.", f"Pain {rng.randint(3, 9)}/10.",
            "Red flags screened: denies bowel or bladder changes, denies saddle anesthesia.",
            f"Advised: {rng.choice(PLANS)}", "Veteran verbalized understanding.",
            f"/es/ {rng.choice(CLINICIANS).upper()}", "PACT RN Care Manager"]
    return GeneratedDocument("va_treatment", 2, paginate(rng, header, body, style="plain"), d)


def va_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: CAPRI print with different header order
    d = _post_date(rng, p)
    fac = rng.choice(VA_FACILITIES)
    header = [f"{fac}", "Progress Notes", f"{p.last_first}  DOB {fmt(p.dob, 'us')}",
              f"STANDARD TITLE: {rng.choice(VA_STD_TITLES)}", f"LOCAL TITLE: {rng.choice(VA_NOTE_TITLES)}",
              f"DATE OF NOTE: {fmt(d, 'vista')}", f"AUTHOR: {rng.choice(CLINICIANS).upper()}"]
    body = ["CHIEF COMPLAINT / REASON FOR VISIT:", f"  {rng.choice(COMPLAINTS)}",
            "HISTORY:", f"  Veteran reports {rng.choice(COMPLAINTS)}.",
            "EXAM:"] + [f"  {x}" for x in _pick(rng, EXAM_FINDINGS, rng.randint(2, 6))] + [
            "IMPRESSION/PLAN:", f"  {rng.choice(ASSESSMENTS)} {rng.choice(PLANS)}",
            f"Electronically signed by: {rng.choice(CLINICIANS)} {fmt(d, 'us')}"]
    pages = paginate(rng, header, body, style="page_of")
    return GeneratedDocument("va_treatment", 3, pages, d)


def va_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: VA PT discharge summary
    d = _post_date(rng, p)
    header = [f"VA MEDICAL CENTER {rng.choice(['DURHAM', 'TAMPA', 'TEMPLE', 'SEATTLE'])}",
              "PHYSICAL MEDICINE & REHABILITATION SERVICE", f"TITLE: PT DISCHARGE SUMMARY   {fmt(d, 'mil')}",
              f"PATIENT: {p.last_first}  (Veteran)"]
    body = [f"Veteran attended {rng.randint(6, 16)} of {rng.randint(16, 20)} visits for {rng.choice(ASSESSMENTS)}",
            f"Goals: {rng.choice(['partially met', 'met', 'not met'])}.", rng.choice(EXAM_FINDINGS),
            f"Home program: {rng.choice(PLANS)}", f"/es/ {rng.choice(CLINICIANS).upper()}",
            f"Signed: {fmt(d, 'us')}"]
    return GeneratedDocument("va_treatment", 4, paginate(rng, header, body, style="plain"), d)


def _letterhead(rng: random.Random) -> list[str]:
    name, street, city = rng.choice(CLINICS)
    return [name, street, city, f"Tel ({rng.randint(200, 989)}) {rng.randint(200, 989)}-{rng.randint(1000, 9999)}"
            f"   Fax ({rng.randint(200, 989)}) {rng.randint(200, 989)}-{rng.randint(1000, 9999)}"]


def priv_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = _letterhead(rng) + ["", "OFFICE VISIT", f"Patient: {p.full}   DOB: {fmt(p.dob, 'us')}",
                                 f"Date of Service: {fmt(d, 'us')}   Provider: {rng.choice(CLINICIANS)}"]
    body = _clinical_body(rng, ("Chief Complaint:", "Exam:", "Assessment:", "Plan:"), rng.randint(1, 6))
    body += [f"Electronically signed by {rng.choice(CLINICIANS)} on {fmt(d, 'us')}"]
    pages = paginate(rng, header, body, style="page_of", continuation_header="")
    return GeneratedDocument("private_treatment", 0, pages, d)


def priv_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = _letterhead(rng) + ["PHYSICAL THERAPY DAILY NOTE", f"{p.full}  Visit #{rng.randint(2, 20)}  {fmt(d, 'long')}"]
    body = [f"Subjective: {rng.choice(COMPLAINTS).capitalize()}. Pain {rng.randint(2, 8)}/10 today.",
            "Treatment: therex 25 min (core stabilization, hip hinge), manual therapy 10 min, TENS 15 min",
            f"Objective: {rng.choice(EXAM_FINDINGS)}", f"Assessment: {rng.choice(['tolerated well', 'progressing slowly', 'limited by pain'])}.",
            "Plan: continue POC 2x/week.", f"{rng.choice(CLINICIANS)}  Lic #PT{rng.randint(1000, 99999)}"]
    return GeneratedDocument("private_treatment", 1, paginate(rng, header, body, style="plain"), d)


def priv_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = _letterhead(rng) + ["CHIROPRACTIC SOAP NOTE", f"Patient Name: {p.full}  DOS: {fmt(d, 'us2')}"]
    body = [f"S: {rng.choice(COMPLAINTS)}", f"O: Subluxation L4, L5, SI joint. {rng.choice(EXAM_FINDINGS)}",
            f"A: {rng.choice(ASSESSMENTS)}", "P: Diversified adjustment lumbar/pelvis, EMS, cold pack. Return 3x/week.",
            f"{rng.choice(CLINICIANS)}"]
    body += [rng.choice(EXAM_FINDINGS) for _ in range(rng.randint(0, 4))]
    return GeneratedDocument("private_treatment", 2, paginate(rng, header, body, style="plain"), d)


def priv_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: pain management consult
    d = _post_date(rng, p)
    header = _letterhead(rng) + ["", "NEW PATIENT CONSULTATION - INTERVENTIONAL PAIN",
                                 f"RE: {p.full}     DATE: {fmt(d, 'long')}", f"REFERRING PHYSICIAN: {rng.choice(CLINICIANS)}"]
    body = ["HISTORY OF PRESENT ILLNESS:", f"Mr./Ms. {p.last} is seen for {rng.choice(COMPLAINTS)}.",
            "Prior treatment has included NSAIDs, physical therapy and chiropractic care without lasting relief.",
            "PAST MEDICAL HISTORY: Hypertension. PAST SURGICAL HISTORY: None.",
            "MEDICATIONS: Meloxicam 15 mg daily, cyclobenzaprine 10 mg qhs.",
            "PHYSICAL EXAMINATION:"] + _pick(rng, EXAM_FINDINGS, rng.randint(2, 6)) + [
            "IMPRESSION:", f"1. {rng.choice(ASSESSMENTS)}", "RECOMMENDATIONS:",
            "Left L5 transforaminal epidural steroid injection. Continue home exercise.",
            f"Thank you for this referral. {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="running", continuation_header=f"RE: {p.full} - Page 2 (continued)")
    return GeneratedDocument("private_treatment", 3, pages, d)


def priv_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: urgent care discharge
    d = _post_date(rng, p)
    name, street, city = rng.choice(CLINICS)
    header = [f"{name} - Urgent Care", f"{street}, {city}",
              f"Visit Summary for {p.full}   Visit date {fmt(d, 'us')}"]
    body = [f"Reason for visit: {rng.choice(COMPLAINTS)}", f"Vitals: BP {rng.randint(110, 150)}/{rng.randint(70, 95)}, "
            f"HR {rng.randint(60, 100)}, T 98.{rng.randint(0, 9)}", f"Provider notes: {rng.choice(EXAM_FINDINGS)}",
            f"Diagnoses: {rng.choice(ASSESSMENTS)}", f"Instructions: {rng.choice(PLANS)}",
            "Follow up with your primary care provider in 1 week. Return for worsening symptoms.",
            f"Seen by: {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="page_of")
    return GeneratedDocument("private_treatment", 4, pages, d)


def _imaging_body(rng: random.Random) -> list[str]:
    return _pick(rng, IMAGING_FINDINGS, rng.randint(2, 5))


def img_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = [rng.choice(IMAGING_CENTERS), "RADIOLOGY REPORT", f"Patient: {p.last_first}  DOB: {fmt(p.dob, 'us')}",
              f"Exam Date: {fmt(d, 'us')}"]
    body = ["EXAM: MRI LUMBAR SPINE WITHOUT CONTRAST", f"CLINICAL HISTORY: {rng.choice(COMPLAINTS)}.",
            "TECHNIQUE: Multiplanar multisequence MR images of the lumbar spine were obtained without contrast.",
            "COMPARISON: None.", "FINDINGS:"] + _imaging_body(rng) + [
            "IMPRESSION:", f"1. {rng.choice(IMAGING_FINDINGS)}", f"Electronically signed by {rng.choice(CLINICIANS)}, Radiologist"]
    return GeneratedDocument("imaging_report", 0, paginate(rng, header, body, style="page_of"), d)


def img_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = [f"{rng.choice(VA_FACILITIES)}  Imaging", f"Exm Date: {fmt(d, 'vista').split('@')[0]}",
              f"Req Phys: {rng.choice(CLINICIANS)}   Pat Loc: PRIMARY CARE", f"{p.last_first}   XXX-XX-{p.ssn4}"]
    body = [f"(Case {rng.randint(100, 999)} COMPLETE)  LUMBAR SPINE 2 OR 3 VIEWS  (RAD  Detailed) CPT:72100",
            "Reason for Study: chronic LBP", "Report Status: Verified", "Clinical History:", f"  {rng.choice(COMPLAINTS)}",
            "Report:"] + [f"  {x}" for x in _imaging_body(rng)] + [
            "Impression:", f"  {rng.choice(IMAGING_FINDINGS)}", "Primary Diagnostic Code: MINOR ABNORMALITY",
            f"Primary Interpreting Staff: {rng.choice(CLINICIANS)}, Staff Radiologist", f"/ES/ {rng.choice(CLINICIANS).upper()}"]
    return GeneratedDocument("imaging_report", 1, paginate(rng, header, body, style="plain"), d)


def img_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    part = rng.choice(["RIGHT KNEE", "LUMBAR SPINE", "THORACIC SPINE", "PELVIS"])
    header = ["DIAGNOSTIC IMAGING", f"{part} X-RAY  ({rng.randint(2, 4)} VIEWS)", f"NAME: {p.full}  DATE: {fmt(d, 'iso')}"]
    body = [f"INDICATION: {rng.choice(COMPLAINTS)}", "VIEWS: AP, lateral and oblique.",
            "FINDINGS:"] + _imaging_body(rng) + ["IMPRESSION:", f"{rng.choice(IMAGING_FINDINGS)}",
                                                 f"Dictated by: {rng.choice(CLINICIANS)}  Transcribed: {fmt(d, 'iso')}"]
    return GeneratedDocument("imaging_report", 2, paginate(rng, header, body, style="plain"), d)


def img_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: CT, different headings
    d = _post_date(rng, p)
    header = [rng.choice(IMAGING_CENTERS), f"Accession: {rng.randint(10 ** 6, 10 ** 7)}",
              f"Patient Name: {p.last_first}  MRN {rng.randint(10 ** 5, 10 ** 6)}", f"Study Date: {fmt(d, 'long')}",
              "Procedure: CT LUMBAR SPINE WITHOUT CONTRAST"]
    body = [f"Indication: {rng.choice(COMPLAINTS)}",
            "Technique: Axial images with sagittal and coronal reformats. Dose reduction technique used.",
            "Comparison: Radiographs from prior year."] + ["Findings:"] + _imaging_body(rng) + [
            "Conclusion:", f"{rng.choice(IMAGING_FINDINGS)}", f"Read by {rng.choice(CLINICIANS)}, board certified radiologist"]
    return GeneratedDocument("imaging_report", 3, paginate(rng, header, body, style="page_of"), d)


def img_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: MRI knee narrative
    d = _post_date(rng, p)
    header = ["MAGNETIC RESONANCE IMAGING", f"{rng.choice(IMAGING_CENTERS)}", f"{p.full}   {fmt(d, 'us')}",
              f"MRI {rng.choice(['RIGHT KNEE', 'LEFT KNEE', 'LUMBAR SPINE'])} W/O CONTRAST"]
    body = ["HISTORY: pain, evaluate for internal derangement.",
            "PROTOCOL: Sagittal T1, sagittal and coronal PD fat sat, axial T2."] + _imaging_body(rng) + [
            "Medial meniscus: oblique tear of the posterior horn extending to the inferior articular surface.",
            "IMPRESSION: " + rng.choice(IMAGING_FINDINGS), f"Radiologist: {rng.choice(CLINICIANS)}"]
    return GeneratedDocument("imaging_report", 4, paginate(rng, header, body, style="plain"), d)


ROM = ["Forward flexion (0 to 90): 0 to {a} degrees", "Extension (0 to 30): 0 to {b} degrees",
       "Right lateral flexion (0 to 30): 0 to {b} degrees", "Left lateral rotation (0 to 30): 0 to {b} degrees"]


def _rom(rng: random.Random) -> list[str]:
    return [r.format(a=rng.randint(30, 90), b=rng.randint(10, 30)) for r in ROM]


def cp_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["Back (Thoracolumbar Spine) Conditions", "Disability Benefits Questionnaire",
              f"Name of patient/Veteran: {p.full}", f"Date of examination: {fmt(d, 'us')}"]
    body = ["SECTION I - DIAGNOSIS", f"1a. Does the Veteran now have or has he/she ever been diagnosed with a "
            f"thoracolumbar spine condition? Yes - {rng.choice(ASSESSMENTS)}",
            "SECTION II - MEDICAL HISTORY", f"2a. Describe the history: {rng.choice(COMPLAINTS)}.",
            "3. Does the Veteran report flare-ups? Yes", "SECTION IV - RANGE OF MOTION (ROM) AND FUNCTIONAL LIMITATION"]
    body += _rom(rng) + ["Is the Veteran able to perform repetitive-use testing with at least three repetitions? Yes",
                         "SECTION VII - RADICULOPATHY", rng.choice(EXAM_FINDINGS),
                         "SECTION XI - INTERVERTEBRAL DISC SYNDROME (IVDS) No incapacitating episodes",
                         f"Examiner: {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="page_of",
                     footer="VA FORM 21-0960M-14  OMB Approved No. 2900-0808")
    return GeneratedDocument("cp_exam", 0, pages, d)


def cp_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["LOCAL TITLE: C&P EXAMINATION NOTE", "STANDARD TITLE: C&P EXAMINATION NOTE",
              f"DATE OF NOTE: {fmt(d, 'vista')}", "Compensation and Pension Exam Report"]
    body = ["Medical Opinion Disability Benefits Questionnaire", f"Name of patient/Veteran: {p.full}",
            "Evidence review: VBMS claims file reviewed, STRs, VA treatment records.",
            "OPINION: The condition claimed was less likely than not incurred in or caused by the claimed in-service injury.",
            f"RATIONALE: {rng.choice(['The STRs show an acute strain that resolved.', 'Findings are consistent with age-related degeneration.', 'There is no documentation of chronicity.'])}",
            f"/es/ {rng.choice(CLINICIANS).upper()}", "C&P Examiner"]
    body += _rom(rng)[: rng.randint(0, 4)]
    pages = paginate(rng, header, body, style="running",
                     continuation_header=f"{p.last_first}  C&P EXAMINATION (continued)")
    return GeneratedDocument("cp_exam", 1, pages, d)


def cp_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["KNEE AND LOWER LEG CONDITIONS DISABILITY BENEFITS QUESTIONNAIRE",
              f"Veteran: {p.full}   Exam date: {fmt(d, 'long')}", "Was the Veteran's VA claims file reviewed? Yes"]
    body = ["1. DIAGNOSIS: " + rng.choice(["Right knee strain", "Patellofemoral pain syndrome", "Meniscal tear"]),
            f"2. History: {rng.choice(COMPLAINTS)}.", "3. Flare-ups: Yes, with prolonged standing.",
            f"4. Initial ROM: Flexion 0 to {rng.randint(90, 140)} degrees. Extension 0 degrees.",
            "5. Repetitive use testing: no additional loss of function.", "6. Joint stability testing: normal.",
            "7. Assistive devices: " + rng.choice(["none", "cane, occasional", "knee brace, regular"]),
            f"Examiner signature: {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="page_of", footer="VA FORM 21-0960M-9")
    return GeneratedDocument("cp_exam", 2, pages, d)


def cp_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: contractor (QTC/VES) style
    d = _post_date(rng, p)
    header = [rng.choice(["QTC Medical Services", "VES - Veterans Evaluation Services", "LHI"]),
              "COMPENSATION AND PENSION EXAMINATION", f"Claimant: {p.full}   Date of exam: {fmt(d, 'us')}",
              "DBQ MUSCULOSKELETAL - BACK"]
    body = ["Diagnosis: " + rng.choice(ASSESSMENTS), f"Veteran states: {rng.choice(COMPLAINTS)}.",
            "Functional loss: unable to stand more than 20 minutes, unable to lift more than 20 lbs."]
    body += _rom(rng) + ["Pain on weight-bearing: yes. Guarding or muscle spasm: yes, resulting in abnormal gait.",
                         "Radiculopathy: " + rng.choice(["none", "mild, left lower extremity"]),
                         "Other: Veteran uses a cane regularly.", f"Examining provider: {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="page_of", footer="OMB Approved No. 2900-0808")
    return GeneratedDocument("cp_exam", 3, pages, d)


def cp_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: IVDS-focused DBQ print
    d = _post_date(rng, p)
    header = ["DISABILITY BENEFITS QUESTIONNAIRE (DBQ)", "BACK (THORACOLUMBAR SPINE) CONDITIONS",
              f"Veteran name: {p.last_first}  Date: {fmt(d, 'iso')}"]
    body = ["Indicate the severity of radicular pain: moderate.", "Does the Veteran have IVDS? Yes.",
            f"Total duration of incapacitating episodes over the past 12 months: {rng.randint(0, 6)} weeks"]
    body += _rom(rng) + [rng.choice(EXAM_FINDINGS), "Remarks: examination performed in person.",
                         f"Physician: {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="running",
                     continuation_header=f"DBQ BACK - {p.last_first} (continued)")
    return GeneratedDocument("cp_exam", 4, pages, d)


OPINION_PHRASES = ["at least as likely as not (50 percent or greater probability)", "more likely than not",
                   "at least as likely as not", "as likely as not"]


def _opinion_body(rng: random.Random, p: Person) -> list[str]:
    return [f"I have reviewed {p.full}'s service treatment records, VA treatment records and the C&P examination.",
            f"In service the veteran had {rng.choice(COMPLAINTS)}.",
            f"It is my opinion that the veteran's {rng.choice(ASSESSMENTS).lower().rstrip('.')} is "
            f"{rng.choice(OPINION_PHRASES)} caused by or a result of military service.",
            "The C&P examiner attributed the condition to aging but did not address the documented in-service injury.",
            "Medical literature supports repetitive axial loading and parachute landings as causes of early disc degeneration.",
            rng.choice(IMAGING_FINDINGS), rng.choice(EXAM_FINDINGS)]


def op_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = _letterhead(rng) + ["", fmt(d, "long"), "", "To Whom It May Concern:", f"RE: {p.full}, DOB {fmt(p.dob, 'us')}"]
    body = _opinion_body(rng, p) + ["Sincerely,", rng.choice(CLINICIANS), "Board Certified, Orthopaedic Surgery"]
    return GeneratedDocument("medical_opinion", 0, paginate(rng, header, body, style="page_of"), d)


def op_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["INDEPENDENT MEDICAL OPINION", f"Veteran: {p.full}   Date: {fmt(d, 'us')}",
              "Records reviewed: C-file (STRs, DD 214, VA records, private records, C&P exam)"]
    body = ["DISCUSSION"] + _opinion_body(rng, p) + ["RATIONALE", rng.choice(EXAM_FINDINGS),
                                                    "CONCLUSION", f"Signed: {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style="running", continuation_header=f"IMO - {p.full} (continued)")
    return GeneratedDocument("medical_opinion", 1, pages, d)


def op_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["VHA EXPERT MEDICAL OPINION", f"Requested by: Board of Veterans' Appeals   Date: {fmt(d, 'long')}",
              f"Veteran: {p.full}"]
    body = ["Question 1: Is it at least as likely as not that the lumbar disability had its onset in service?",
            "Response:"] + _opinion_body(rng, p)[1:5] + [f"{rng.choice(CLINICIANS)}, Chief, Orthopaedic Section"]
    return GeneratedDocument("medical_opinion", 2, paginate(rng, header, body, style="plain"), d)


def op_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: nexus letter, no title, different wording
    d = _post_date(rng, p)
    header = _letterhead(rng) + [f"Date: {fmt(d, 'us')}", "", "Department of Veterans Affairs",
                                 "Evidence Intake Center", f"Re: Nexus statement for {p.full}"]
    body = ["Dear Rater,", f"I have treated {p.full} since {rng.randint(2012, 2022)}.",
            f"I reviewed his/her military medical records documenting {rng.choice(COMPLAINTS)}.",
            "Based on my review and examination, in my medical opinion the current back condition is "
            f"{rng.choice(OPINION_PHRASES)} related to the documented injury in service.",
            "Degenerative changes at this age and severity are not typical of the natural aging process.",
            "Respectfully,", rng.choice(CLINICIANS)]
    return GeneratedDocument("medical_opinion", 3, paginate(rng, header, body, style="page_of"), d)


def op_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: secondary-condition opinion
    d = _post_date(rng, p)
    header = ["MEDICAL NEXUS OPINION - SECONDARY SERVICE CONNECTION", f"Claimant: {p.full}",
              f"Prepared {fmt(d, 'long')} by {rng.choice(CLINICIANS)}"]
    body = ["Summary of records reviewed: STRs, VA outpatient records, MRI reports, C&P examination.",
            "Opinion: The left knee condition is at least as likely as not proximately due to or aggravated by the "
            "service-connected lumbar spine disability.",
            "Rationale: The altered, antalgic gait from the back condition shifts load onto the knee."] + \
        _opinion_body(rng, p)[4:] + ["I declare the above is true and correct to the best of my knowledge."]
    pages = paginate(rng, header, body, style="running", continuation_header=f"Nexus opinion - {p.full} - continued")
    return GeneratedDocument("medical_opinion", 4, pages, d)


def _rating_body(rng: random.Random, p: Person, d: dt.date) -> list[str]:
    cond = rng.choice(["lumbar strain with degenerative disc disease", "right knee patellofemoral pain syndrome",
                       "left lower extremity radiculopathy", "tinnitus"])
    return [f"Service connection for {cond} is {rng.choice(['denied', 'granted with an evaluation of 10 percent', 'granted with an evaluation of 20 percent'])} "
            f"effective {fmt(d - dt.timedelta(days=200), 'long')}.",
            "EVIDENCE", "- DD Form 214", "- Service treatment records", f"- VA examination, {fmt(d - dt.timedelta(days=60), 'long')}",
            "REASONS FOR DECISION",
            "The VA examiner opined the condition is less likely than not related to service. Diagnostic Code 5237.",
            "38 CFR 3.303 and 4.71a were considered. The evidence does not show a chronic disability in service."]


def rd_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["DEPARTMENT OF VETERANS AFFAIRS", "Veterans Benefits Administration", "Rating Decision",
              f"{rng.choice(['Winston-Salem', 'Waco', 'St. Petersburg', 'Seattle'])} Regional Office",
              f"{p.full}   VA File Number XXX XX {p.ssn4}   {fmt(d, 'long')}"]
    body = ["INTRODUCTION", "The records reflect that you are a veteran of the Gulf War Era.", "DECISION"] + _rating_body(rng, p, d)
    return GeneratedDocument("rating_decision", 0, paginate(rng, header, body, style="page_of"), d)


def rd_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["RATING CODE SHEET", f"NAME OF VETERAN {p.last_first}  VA FILE NUMBER XXX-XX-{p.ssn4}",
              f"RATING DECISION DATE {fmt(d, 'us')}  ACTIVE DUTY {fmt(p.entered, 'us')} - {fmt(p.separated, 'us')}"]
    body = ["SC CODE  DIAGNOSIS                          EFFECTIVE   %"]
    for _ in range(rng.randint(2, 6)):
        body.append(f"{rng.choice(['5237', '5242', '5260', '8520', '6260'])}  {rng.choice(ASSESSMENTS):<36} "
                    f"{fmt(_post_date(rng, p), 'us')}  {rng.choice([0, 10, 20, 40])}")
    body += ["COMBINED EVALUATION FOR COMPENSATION: " + f"{rng.choice([10, 30, 50, 70])}%", "NSC: " + rng.choice(ASSESSMENTS)]
    return GeneratedDocument("rating_decision", 1, paginate(rng, header, body, style="plain"), d)


def rd_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["STATEMENT OF THE CASE", f"NAME OF APPELLANT: {p.full}   DATE: {fmt(d, 'long')}",
              "ISSUE: Entitlement to service connection for a lumbar spine disability."]
    body = ["EVIDENCE:"] + [f"  {x}" for x in ["DD 214", "STRs", "VA treatment records", "C&P examination"]] + [
        "ADJUDICATIVE ACTIONS:", f"  Rating decision dated {fmt(d - dt.timedelta(days=300), 'long')} denied the claim.",
        "PERTINENT LAWS; REGULATIONS; RATING SCHEDULE PROVISIONS:", "  38 CFR 3.303 Principles relating to service connection.",
        "DECISION:", "  Service connection remains denied."] + _rating_body(rng, p, d)[5:]
    pages = paginate(rng, header, body, style="running", continuation_header=f"{p.full}  SOC (continued)")
    return GeneratedDocument("rating_decision", 2, pages, d)


def rd_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: SSOC
    d = _post_date(rng, p)
    header = ["SUPPLEMENTAL STATEMENT OF THE CASE", f"Veteran: {p.full}   File No. XXX XX {p.ssn4}",
              f"Date: {fmt(d, 'us')}"]
    body = ["This SSOC considers evidence received since the last SOC.", "Additional evidence:",
            f"  Private medical opinion dated {fmt(d - dt.timedelta(days=90), 'us')}",
            "Decision: The evaluation of lumbar strain remains 10 percent.",
            "Reasons and bases for the continued denial: The private opinion did not address the normal separation exam.",
            "The evidence does not establish an increased evaluation under Diagnostic Code 5242."]
    return GeneratedDocument("rating_decision", 3, paginate(rng, header, body, style="page_of"), d)


def rd_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: rating narrative with different sections
    d = _post_date(rng, p)
    header = ["VETERANS BENEFITS ADMINISTRATION", "RATING DECISION - NARRATIVE",
              f"Claimant {p.last_first}   Decision date {fmt(d, 'mil')}"]
    body = ["ISSUES DECIDED:", "1. Service connection, low back condition.", "2. Service connection, right knee.",
            "FINDINGS:"] + _rating_body(rng, p, d)[:1] + [
            "BASIS:", "Favorable findings: You have a current diagnosis. Your STRs show treatment in service.",
            "Unfavorable: The medical opinion is negative.", "Effective date: date of claim."]
    return GeneratedDocument("rating_decision", 4, paginate(rng, header, body, style="plain"), d)


def _bva_body(rng: random.Random, p: Person) -> list[str]:
    return ["THE ISSUE", "Entitlement to service connection for a lumbar spine disability.", "FINDINGS OF FACT",
            "The Veteran's lumbar degenerative disc disease is at least as likely as not related to in-service injury.",
            "CONCLUSION OF LAW", "The criteria for service connection for lumbar DDD are met. 38 U.S.C. 1110; 38 C.F.R. 3.303.",
            "REASONS AND BASES FOR FINDINGS AND CONCLUSION",
            f"The Board has reviewed all evidence. In service the Veteran had {rng.choice(COMPLAINTS)}.",
            "The Board finds the private opinion more probative than the VA opinion because it addresses the in-service injury.",
            "ORDER", "Service connection for lumbar DDD is granted."]


def bva_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = [f"Citation Nr: {rng.randint(10 ** 7, 10 ** 8 - 1)}", f"Decision Date: {fmt(d, 'us')}  Archive Nr: "
              f"{rng.randint(1000, 9999)}", f"DOCKET NO. {rng.randint(10, 24)}-{rng.randint(10000, 99999)}",
              "On appeal from the Department of Veterans Affairs Regional Office"]
    body = ["THE ISSUE"] + _bva_body(rng, p)[1:] + [f"{rng.choice(CLINICIANS).split(',')[0]}", "Veterans Law Judge, Board of Veterans' Appeals"]
    return GeneratedDocument("board_decision", 0, paginate(rng, header, body, style="page_of"), d)


def bva_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["BOARD OF VETERANS' APPEALS", "DEPARTMENT OF VETERANS AFFAIRS", f"IN THE APPEAL OF {p.full.upper()}",
              f"Docket No. {rng.randint(10, 24)}-{rng.randint(10000, 99999)}   Date: {fmt(d, 'long')}"]
    body = ["REMAND", "The claim is REMANDED for an addendum opinion.",
            "The examiner did not address the Veteran's lay statements of continuous back pain since service.",
            "1. Obtain outstanding VA treatment records.", "2. Obtain an addendum opinion addressing the hard landing.",
            "ATTORNEY FOR THE BOARD", f"{rng.choice(LAST)}, Associate Counsel"]
    return GeneratedDocument("board_decision", 1, paginate(rng, header, body, style="plain"), d)


def bva_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = [f"Citation Nr: A{rng.randint(10 ** 7, 10 ** 8 - 1)}", f"Decision Date: {fmt(d, 'us')}",
              f"Archive Date: {fmt(d + dt.timedelta(days=3), 'us')}", f"DOCKET NO. {rng.randint(200000, 299999)}-{rng.randint(100, 999)}"]
    body = ["DATE: " + fmt(d, "long"), "ORDER", "Entitlement to service connection for a right knee disability is denied.",
            "FINDING OF FACT", "The right knee condition did not have its onset in service.", "CONCLUSION OF LAW"] + _bva_body(rng, p)[5:9]
    pages = paginate(rng, header, body, style="running", continuation_header="IN THE APPEAL OF (continued)")
    return GeneratedDocument("board_decision", 2, pages, d)


def bva_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: CAVC memorandum decision
    d = _post_date(rng, p)
    header = ["UNITED STATES COURT OF APPEALS FOR VETERANS CLAIMS", f"No. {rng.randint(18, 24)}-{rng.randint(1000, 9999)}",
              f"{p.full.upper()}, APPELLANT,  V.  DENIS MCDONOUGH, SECRETARY OF VETERANS AFFAIRS, APPELLEE.",
              "MEMORANDUM DECISION", f"DATED: {fmt(d, 'long')}"]
    body = ["The appellant appeals a Board decision that denied service connection for a low back disability.",
            "The Board failed to provide adequate reasons or bases for rejecting favorable lay evidence.",
            "The Court will set aside the Board decision and remand the matter for readjudication.",
            f"The record shows {rng.choice(COMPLAINTS)}.", "SET ASIDE and REMANDED.", "JUDGE, concurring."]
    return GeneratedDocument("board_decision", 3, paginate(rng, header, body, style="page_of"), d)


def bva_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: BVA decision, intro-first layout
    d = _post_date(rng, p)
    header = [f"BVA Decision   Citation Nr: {rng.randint(10 ** 7, 10 ** 8 - 1)}", f"Decision Date: {fmt(d, 'us')}",
              f"Represented by: {rng.choice(['Disabled American Veterans', 'The American Legion', 'Attorney'])}"]
    body = ["INTRODUCTION", f"The Veteran served on active duty from {fmt(p.entered, 'long')} to {fmt(p.separated, 'long')}."] + \
        _bva_body(rng, p) + ["WITNESS AT HEARING ON APPEAL", "The Veteran and his spouse"]
    return GeneratedDocument("board_decision", 4, paginate(rng, header, body, style="page_of"), d)


def _lay_story(rng: random.Random, p: Person, who: str) -> list[str]:
    return [f"I served with {p.full} in {p.unit} at {p.base}." if who == "buddy" else
            f"I have been married to {p.full} for {rng.randint(5, 30)} years.",
            f"I personally saw {p.first} {rng.choice(['land hard on a jump', 'fall off the back of the truck', 'struggle to get up after ruck marches'])}.",
            f"After that {p.first} {rng.choice(['went to sick call several times', 'could not sleep because of back pain', 'walked with a limp'])}.",
            f"Since {p.first} got out, {rng.choice(['the back pain has never gone away', 'he uses a cane on bad days', 'she cannot lift our grandchildren'])}."]


def bud_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    header = ["LAY/WITNESS STATEMENT", "VA FORM 21-10210", "OMB Control No. 2900-0881",
              f"SECTION I: VETERAN'S NAME {p.full}  VA FILE NO. XXX-XX-{p.ssn4}"]
    body = [f"SECTION II: WITNESS NAME {wf} {wl}", f"RELATIONSHIP TO VETERAN: {rng.choice(['Fellow service member', 'Friend', 'Squad leader'])}",
            "SECTION III: STATEMENT"] + _lay_story(rng, p, "buddy") + [
        f"SECTION IV: I CERTIFY THAT the statements on this form are true. Signed {wf} {wl}  Date {fmt(d, 'us')}"]
    pages = paginate(rng, header, body, style="page_of", footer="VA FORM 21-10210, MAR 2023")
    return GeneratedDocument("buddy_statement", 0, pages, d)


def bud_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    header = ["BUDDY STATEMENT", f"In support of the claim of {p.full}", f"{fmt(d, 'long')}"]
    body = [f"My name is {wf} {wl}."] + _lay_story(rng, p, "buddy") + [
        "I am willing to be contacted to verify this statement.", f"{wf} {wl}", f"Former {rng.choice(RANKS)}, {p.unit}"]
    return GeneratedDocument("buddy_statement", 1, paginate(rng, header, body, style="plain"), d)


def bud_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    header = ["STATEMENT OF WITNESS", f"Re: {p.full}", f"Dated: {fmt(d, 'us')}"]
    body = _lay_story(rng, p, "spouse") + [f"My {rng.choice(['husband', 'wife'])} no longer can do yard work or play with the kids.",
                                           f"Sworn and subscribed: {wf} {wl}"]
    return GeneratedDocument("buddy_statement", 2, paginate(rng, header, body, style="plain"), d)


def bud_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: notarised affidavit
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    header = ["AFFIDAVIT OF WITNESS", f"STATE OF {rng.choice(['NORTH CAROLINA', 'TEXAS', 'TENNESSEE'])}", "COUNTY OF CUMBERLAND"]
    body = [f"I, {wf} {wl}, being duly sworn, state as follows:",
            f"1. I was {p.first}'s {rng.choice(['platoon sergeant', 'team leader', 'roommate in the barracks'])}."] + \
        _lay_story(rng, p, "buddy")[1:] + [f"Subscribed and sworn before me on {fmt(d, 'long')}.", "Notary Public"]
    return GeneratedDocument("buddy_statement", 3, paginate(rng, header, body, style="plain"), d)


def bud_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: 21-10210 with different layout
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    header = ["VA Form 21-10210  Lay/Witness Statement   Page 1", f"Claimant: {p.full}",
              f"Witness: {wf} {wl}  Phone: on file"]
    body = ["Describe what you know:"] + _lay_story(rng, p, rng.choice(["buddy", "spouse"])) + [
        f"Signature: {wf} {wl}   Date signed: {fmt(d, 'us')}"]
    return GeneratedDocument("buddy_statement", 4, paginate(rng, header, body, style="plain"), d)


def _my_story(rng: random.Random, p: Person) -> list[str]:
    return [f"I served in {p.unit} as {p.mos}.",
            f"In {p.entered.year + rng.randint(1, 3)} I {rng.choice(['hurt my back on a hard landing', 'fell off the vehicle ramp', 'injured my back carrying a ruck'])}.",
            "I went to sick call and was given Motrin and light duty, and I kept going because I did not want to let my unit down.",
            f"My back has hurt ever since. {rng.choice(['I cannot sit through a movie.', 'I walk with a cane now.', 'My knee started hurting from the way I walk.'])}",
            "I am asking the VA to service connect my back condition."]


def ps_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["STATEMENT IN SUPPORT OF CLAIM", "VA FORM 21-4138", f"NAME OF VETERAN: {p.full}   VA FILE NO. XXX-XX-{p.ssn4}"]
    body = ["The following statement is made in connection with a claim for benefits in the case of the above-named veteran:"] + \
        _my_story(rng, p) + [f"SIGNATURE: {p.full}   DATE SIGNED: {fmt(d, 'us')}"]
    pages = paginate(rng, header, body, style="plain", footer="VA FORM 21-4138, DEC 2017  OMB 2900-0075")
    return GeneratedDocument("personal_statement", 0, pages, d)


def ps_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["PERSONAL STATEMENT", f"{p.full}", f"{fmt(d, 'long')}"]
    body = ["To the VA rater:"] + _my_story(rng, p) + ["Thank you for your time.", p.full]
    return GeneratedDocument("personal_statement", 1, paginate(rng, header, body, style="plain"), d)


def ps_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["VETERAN'S STATEMENT REGARDING LOW BACK CONDITION", f"Claimant: {p.full}  Date: {fmt(d, 'us')}"]
    body = ["My daily life:", "Mornings are the worst. It takes me 30 minutes to get out of bed.",
            "I had to quit my job as a warehouse worker because I could not lift.", "In service:"] + _my_story(rng, p)[:3]
    return GeneratedDocument("personal_statement", 2, paginate(rng, header, body, style="page_of"), d)


def ps_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: handwritten-style letter
    d = _post_date(rng, p)
    header = [f"{fmt(d, 'us')}", "Dear Sir or Madam,"]
    body = [f"My name is {p.full} and I am writing about my claim for my back."] + _my_story(rng, p) + [
        "I have included my buddy's statement and my private doctor's letter.", "Respectfully,", p.full]
    return GeneratedDocument("personal_statement", 3, paginate(rng, header, body, style="plain"), d)


def ps_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: 21-4138 newer edition
    d = _post_date(rng, p)
    header = ["VA Form 21-4138  Statement in Support of Claim", "SECTION I: IDENTIFICATION INFORMATION",
              f"1. VETERAN'S NAME  {p.last_first}   3. VA FILE NUMBER XXX XX {p.ssn4}"]
    body = ["SECTION II: REMARKS"] + _my_story(rng, p) + ["SECTION III: CERTIFICATION AND SIGNATURE",
                                                          f"{p.full}  {fmt(d, 'us')}"]
    return GeneratedDocument("personal_statement", 4, paginate(rng, header, body, style="page_of"), d)


def cf_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["VA FORM 21-526EZ", "APPLICATION FOR DISABILITY COMPENSATION AND RELATED COMPENSATION BENEFITS",
              "OMB Control No. 2900-0747"]
    body = ["SECTION I: VETERAN'S IDENTIFICATION INFORMATION", f"1. VETERAN'S NAME {p.last_first}",
            f"2. SOCIAL SECURITY NUMBER XXX-XX-{p.ssn4}  4. DATE OF BIRTH {fmt(p.dob, 'us')}",
            "SECTION V: CLAIM INFORMATION", "CURRENT DISABILITY(IES)  EXPOSURE/EVENT/INJURY  APPROXIMATE DATE BEGAN",
            f"  Low back condition   parachute injury   {p.entered.year + 2}", "  Left knee condition  secondary to back",
            f"SECTION X: CERTIFICATION  SIGNATURE {p.full}  DATE {fmt(d, 'us')}"]
    pages = paginate(rng, header, body, style="page_of", footer="VA FORM 21-526EZ, JUL 2022")
    return GeneratedDocument("claim_form", 0, pages, d)


def cf_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["DECISION REVIEW REQUEST: SUPPLEMENTAL CLAIM", "VA FORM 20-0995", f"Claimant: {p.full}"]
    body = ["PART II - ISSUES FOR SUPPLEMENTAL CLAIM", "  Service connection, lumbar spine  Decision date "
            f"{fmt(d - dt.timedelta(days=120), 'us')}", "PART III - NEW AND RELEVANT EVIDENCE",
            "  Private medical opinion; MRI report", f"SIGNATURE {p.full}  DATE {fmt(d, 'us')}"]
    return GeneratedDocument("claim_form", 1, paginate(rng, header, body, style="page_of"), d)


def cf_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["AUTHORIZATION TO DISCLOSE INFORMATION TO THE DEPARTMENT OF VETERANS AFFAIRS (VA)", "VA FORM 21-4142",
              f"1. VETERAN'S NAME {p.last_first}   2. SSN XXX-XX-{p.ssn4}"]
    name, street, city = rng.choice(CLINICS)
    body = ["PROVIDER OR FACILITY NAME AND ADDRESS", f"  {name}, {street}, {city}",
            f"  Treatment dates: {fmt(d - dt.timedelta(days=900), 'us')} to {fmt(d, 'us')}",
            "  Conditions: low back", f"SIGNATURE {p.full}  DATE SIGNED {fmt(d, 'us')}"]
    return GeneratedDocument("claim_form", 2, paginate(rng, header, body, style="plain"), d)


def cf_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: HLR 20-0996
    d = _post_date(rng, p)
    header = ["DECISION REVIEW REQUEST: HIGHER-LEVEL REVIEW", "VA Form 20-0996", f"Veteran: {p.last_first}"]
    body = ["PART I - CLAIMANT INFORMATION", f"  Date of birth {fmt(p.dob, 'us')}",
            "PART III - ISSUES FOR HIGHER-LEVEL REVIEW", f"  Lumbar spine DDD - decision notice {fmt(d - dt.timedelta(days=60), 'us')}",
            "  Informal conference requested: Yes", f"PART V - CERTIFICATION  {p.full}  {fmt(d, 'us')}"]
    return GeneratedDocument("claim_form", 3, paginate(rng, header, body, style="page_of"), d)


def cf_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: NOD 10182
    d = _post_date(rng, p)
    header = ["DECISION REVIEW REQUEST: BOARD APPEAL (NOTICE OF DISAGREEMENT)", "VA FORM 10182",
              f"APPELLANT: {p.full}"]
    body = ["PART II - BOARD REVIEW OPTION: Evidence submission", "PART III - SPECIFIC ISSUE(S) TO BE APPEALED",
            f"  Service connection for low back disability; date of decision {fmt(d - dt.timedelta(days=90), 'us')}",
            f"PART IV - SIGNATURE {p.full}  {fmt(d, 'us')}"]
    return GeneratedDocument("claim_form", 4, paginate(rng, header, body, style="plain"), d)


def oth_v0(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["FAX COVER SHEET", f"To: {rng.choice(['Evidence Intake Center', 'Records Dept', 'Claims Processing'])}",
              f"From: {rng.choice(LAST)} Law Group   Date: {fmt(d, 'us')}", f"Pages (including cover): {rng.randint(3, 60)}"]
    body = ["Re: records request", "CONFIDENTIALITY NOTICE: This facsimile contains privileged information intended "
            "only for the recipient named above. If you received this in error please notify the sender."]
    return GeneratedDocument("other", 0, paginate(rng, header, body, style="plain"), d)


def oth_v1(rng: random.Random, p: Person) -> GeneratedDocument:
    header = ["*** THIS PAGE INTENTIONALLY LEFT BLANK ***"] if rng.random() < 0.5 else [
        "VBMS DOCUMENT SEPARATOR", f"BATCH {rng.randint(10 ** 5, 10 ** 6)}  SCAN STATION {rng.randint(1, 40)}"]
    return GeneratedDocument("other", 1, ["\n".join(header)], None)


def oth_v2(rng: random.Random, p: Person) -> GeneratedDocument:
    d = _post_date(rng, p)
    header = ["STATEMENT OF ACCOUNT", f"Account #{rng.randint(10 ** 6, 10 ** 7)}   Statement date {fmt(d, 'us')}",
              f"Guarantor: {p.full}"]
    body = [f"{fmt(d - dt.timedelta(days=rng.randint(1, 200)), 'us')}  Office visit  ${rng.randint(80, 400)}.00  Insurance adj"
            for _ in range(rng.randint(3, 10))] + ["AMOUNT DUE: $" + str(rng.randint(20, 900)) + ".00",
                                                   "Please remit payment within 30 days."]
    return GeneratedDocument("other", 2, paginate(rng, header, body, style="plain"), d)


def oth_v3(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: mail envelope / routing slip
    d = _post_date(rng, p)
    header = ["DEPARTMENT OF VETERANS AFFAIRS", "CLAIMS INTAKE CENTER", "PO BOX 4444", "JANESVILLE WI 53547-4444"]
    body = [f"RECEIVED {fmt(d, 'mil')}", "MAIL ROUTING SLIP", "Route to: VSC", f"Name: {p.last_first}"]
    return GeneratedDocument("other", 3, paginate(rng, header, body, style="plain"), d)


def oth_v4(rng: random.Random, p: Person) -> GeneratedDocument:  # held out: employment record
    d = _post_date(rng, p)
    header = [f"{rng.choice(['ACME LOGISTICS', 'Lowe Roofing Co.', 'City of Killeen'])} - Human Resources",
              "EMPLOYMENT VERIFICATION", f"Employee: {p.full}   Date: {fmt(d, 'us')}"]
    body = [f"Position: {rng.choice(['Warehouse associate', 'Roofer', 'Bus driver', 'Security officer'])}",
            f"Dates of employment: {fmt(d - dt.timedelta(days=2000), 'us')} to present",
            "Hours per week: 40", "Reason for leave: medical, approved FMLA", "HR Representative"]
    return GeneratedDocument("other", 4, paginate(rng, header, body, style="plain"), d)


VARIANTS: dict[str, list[Variant]] = {
    "service_treatment": [str_v0, str_v1, str_v2, str_v3, str_v4],
    "service_exam": [sexam_v0, sexam_v1, sexam_v2, sexam_v3, sexam_v4],
    "service_personnel": [pers_v0, pers_v1, pers_v2, pers_v3, pers_v4],
    "line_of_duty": [lod_v0, lod_v1, lod_v2, lod_v3, lod_v4],
    "va_treatment": [va_v0, va_v1, va_v2, va_v3, va_v4],
    "private_treatment": [priv_v0, priv_v1, priv_v2, priv_v3, priv_v4],
    "imaging_report": [img_v0, img_v1, img_v2, img_v3, img_v4],
    "cp_exam": [cp_v0, cp_v1, cp_v2, cp_v3, cp_v4],
    "medical_opinion": [op_v0, op_v1, op_v2, op_v3, op_v4],
    "rating_decision": [rd_v0, rd_v1, rd_v2, rd_v3, rd_v4],
    "board_decision": [bva_v0, bva_v1, bva_v2, bva_v3, bva_v4],
    "buddy_statement": [bud_v0, bud_v1, bud_v2, bud_v3, bud_v4],
    "personal_statement": [ps_v0, ps_v1, ps_v2, ps_v3, ps_v4],
    "claim_form": [cf_v0, cf_v1, cf_v2, cf_v3, cf_v4],
    "other": [oth_v0, oth_v1, oth_v2, oth_v3, oth_v4],
}
# Types whose documents come in runs in a real C-file (sick-call notes, VA progress notes, PT visits).
RUN_TYPES = ("service_treatment", "va_treatment", "private_treatment", "imaging_report")


# --------------------------------------------------------------------------------------------------
# OCR noise simulation

_CONFUSIONS = [("0", "O"), ("O", "0"), ("1", "l"), ("l", "1"), ("I", "l"), ("l", "I"), ("rn", "m"), ("m", "rn"),
               ("e", "c"), ("c", "e"), ("5", "S"), ("S", "5"), ("8", "B"), ("B", "8"), ("i", "1"), (".", ","),
               ("h", "b"), ("u", "v"), ("a", "o"), ("cl", "d"), ("vv", "w"), ("/", "l")]


def simulate_ocr_noise(text: str, rng: random.Random, level: float = 1.0) -> str:
    """Tesseract-like damage: character confusions, broken and joined words, dropped and merged lines,
    a damaged first line (header), stray marks. level scales every rate (1.0 ≈ a poor fax)."""
    lines = text.split("\n")
    if lines and rng.random() < 0.35 * level:  # header damage
        first = list(lines[0])
        for _ in range(max(1, len(first) // 6)):
            if first:
                first[rng.randrange(len(first))] = rng.choice(" .'-~|")
        lines[0] = "".join(first)
    if lines and rng.random() < 0.1 * level:
        lines = lines[1:]  # header line lost entirely
    merged: list[str] = []
    for line in lines:
        if merged and rng.random() < 0.15 * level:
            merged[-1] = merged[-1] + " " + line  # dropped line break
        elif rng.random() < 0.03 * level:
            continue  # dropped line
        else:
            merged.append(line)
    out_lines = []
    for line in merged:
        chars: list[str] = []
        i = 0
        while i < len(line):
            r = rng.random()
            applied = False
            if r < 0.04 * level:
                for a, b in rng.sample(_CONFUSIONS, 4):
                    if line.startswith(a, i):
                        chars.append(b)
                        i += len(a)
                        applied = True
                        break
            if applied:
                continue
            ch = line[i]
            if r > 1 - 0.008 * level:
                pass  # dropped character
            elif r > 1 - 0.016 * level and ch.isalpha():
                chars.append(ch + " ")  # broken word
            elif r > 1 - 0.022 * level and ch == " ":
                pass  # joined words
            elif r > 1 - 0.025 * level:
                chars.append(ch + rng.choice(".,'`~"))
            else:
                chars.append(ch)
            i += 1
        out_lines.append("".join(chars))
    return "\n".join(out_lines)


# --------------------------------------------------------------------------------------------------
# Files and splits


def generate_document(rng: random.Random, record_type: str, variant: int, person: Person) -> GeneratedDocument:
    return VARIANTS[record_type][variant](rng, person)


def generate_file(rng: random.Random, name: str, variants: tuple[int, ...], n_documents: int) -> CorpusFile:
    """One claim file: documents of random types from the given variants, with same-type runs."""
    person = make_person(rng)
    types = list(VARIANTS)
    out = CorpusFile(name)
    remaining = n_documents
    while remaining > 0:
        record_type = rng.choice(types)
        run = rng.randint(2, 4) if record_type in RUN_TYPES and rng.random() < 0.6 else 1
        for _ in range(min(run, remaining)):
            variant = rng.choice(variants)
            doc = generate_document(rng, record_type, variant, person)
            for k, text in enumerate(doc.pages):
                out.pages.append(CorpusPage(text, record_type, f"{record_type}/v{variant}", k == 0, doc.date))
            remaining -= 1
    return out


def generate_files(
    split: str,
    n_files: int,
    seed: int = 0,
    docs_per_file: tuple[int, int] = (8, 18),
    variants: tuple[int, ...] | None = None,
) -> list[CorpusFile]:
    """Claim files of the "train" split (variants 0-2) or the "test" split (held-out variants 3-4).

    variants overrides the split's variants (a development split inside the training variants)."""
    if split not in ("train", "test", "dev"):
        raise ValueError(split)
    if variants is None:
        variants = TRAIN_VARIANTS if split == "train" else HELD_OUT_VARIANTS
    rng = random.Random(f"{split}-{seed}-{CORPUS_VERSION}")
    return [generate_file(rng, f"{split}-{i:03d}", variants, rng.randint(*docs_per_file)) for i in range(n_files)]


def noisy_copy(file: CorpusFile, seed: int, level: float = 1.0) -> CorpusFile:
    """The same file as OCR would return it: every page through simulate_ocr_noise."""
    rng = random.Random(f"noise-{file.name}-{seed}")
    return CorpusFile(file.name + "-noisy", [
        CorpusPage(simulate_ocr_noise(p.text, rng, level), p.record_type, p.group, p.starts_document, p.document_date)
        for p in file.pages
    ])


TRAIN_FILES = 36


def training_pages(seed: int = 0, variants: tuple[int, ...] = TRAIN_VARIANTS) -> list[CorpusPage]:
    """The training split's pages, clean plus a lightly and a heavily noised copy of each (so the
    model learns OCR damage). variants: which template variants to draw from (0-2; never 3-4)."""
    if set(variants) & set(HELD_OUT_VARIANTS):
        raise ValueError("held-out variants are for evaluation only")
    files = generate_files("train", TRAIN_FILES, seed=seed, variants=variants)
    pages: list[CorpusPage] = []
    for f in files:
        pages.extend(f.pages)
        pages.extend(noisy_copy(f, seed, level=0.6).pages)
        pages.extend(noisy_copy(f, seed + 1, level=1.4).pages)
        pages.extend(rearranged_copy(f, seed).pages)
    return pages


def rearranged_copy(file: CorpusFile, seed: int) -> CorpusFile:
    """The same pages with their layout disturbed: header lines dropped or moved, blocks of lines
    reordered, some lines cut. Teaches the model the words of a record type rather than one
    template's layout, so a differently laid-out record of the same type still reads as that type."""
    rng = random.Random(f"rearrange-{file.name}-{seed}")
    out = []
    for p in file.pages:
        lines = [line for line in p.text.split("\n") if line.strip()]
        if len(lines) > 3 and rng.random() < 0.5:
            head = rng.randint(1, min(3, len(lines) - 1))
            lines = lines[head:] + (lines[:head] if rng.random() < 0.5 else [])
        if len(lines) > 4:
            cut = rng.randrange(1, len(lines) - 1)
            lines = lines[cut:] + lines[:cut] if rng.random() < 0.5 else lines
            lines = [line for line in lines if rng.random() > 0.15] or lines
        out.append(CorpusPage("\n".join(lines), p.record_type, p.group, p.starts_document, p.document_date))
    return CorpusFile(file.name + "-rearranged", out)


def rng_level(name: str) -> float:
    """A per-file noise level between light and heavy, deterministic."""
    return 0.5 + (sum(map(ord, name)) % 10) / 10.0


def iter_documents(file: CorpusFile) -> Iterator[tuple[int, int, str, dt.date | None]]:
    """(first_page, last_page, record_type, date) of each labelled document in a file."""
    start = None
    for i, page in enumerate(file.pages, start=1):
        if page.starts_document:
            if start is not None:
                prev = file.pages[start - 1]
                yield start, i - 1, prev.record_type, prev.document_date
            start = i
    if start is not None:
        prev = file.pages[start - 1]
        yield start, len(file.pages), prev.record_type, prev.document_date


# --------------------------------------------------------------------------------------------------
# Real OCR: render pages to scanned-looking images and read them back with Tesseract (cached)

RENDER_VERSION = "1"
RENDER_DPI = 200
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def _font_paths() -> list[str]:
    import os

    found = [p for p in FONT_CANDIDATES if os.path.exists(p)]
    if not found:
        try:
            import reportlab

            fonts = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
            found = [os.path.join(fonts, f) for f in sorted(os.listdir(fonts)) if f.lower().endswith(".ttf")]
        except ImportError:
            pass
    if not found:
        raise RuntimeError("no TrueType font found to render pages for OCR")
    return found


def render_scanned_page(text: str, seed: str) -> Image.Image:
    """A letter-size page image of text at 200 dpi with scan damage: skew, blur, speckle, fax thresholding."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    width, height = int(8.5 * RENDER_DPI), int(11 * RENDER_DPI)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    fonts = _font_paths()
    size = rng.randint(26, 32)  # ≈ 9.5-11.5 pt at 200 dpi
    font = ImageFont.truetype(rng.choice(fonts), size)
    margin = rng.randint(100, 170)
    y = margin
    max_width = width - 2 * margin
    for raw_line in text.split("\n"):
        words = raw_line.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if draw.textlength(candidate, font=font) > max_width and line:
                draw.text((margin, y), line, fill=rng.randint(0, 50), font=font)
                y += int(size * 1.35)
                line = word
            else:
                line = candidate
        draw.text((margin, y), line, fill=rng.randint(0, 50), font=font)
        y += int(size * 1.35)
        if y > height - margin:
            break
    image = image.rotate(rng.uniform(-1.8, 1.8), resample=Image.Resampling.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.3)))
    pixels = image.load()
    for _ in range(rng.randint(1500, 6000)):  # speckle
        x, yy = rng.randrange(width), rng.randrange(height)
        pixels[x, yy] = 0 if rng.random() < 0.7 else 255
    if rng.random() < 0.4:  # fax: low resolution, hard threshold
        small = image.resize((width // 2, height // 2), Image.Resampling.BILINEAR)
        small = small.point(lambda v: 0 if v < rng.randint(120, 170) else 255)
        image = small.resize((width, height), Image.Resampling.NEAREST)
    return image


def _ocr_one(args: tuple[str, str]) -> str:
    import os

    os.environ["OMP_THREAD_LIMIT"] = "1"
    import pytesseract

    text, seed = args
    return pytesseract.image_to_string(render_scanned_page(text, seed), config="--psm 3")


def render_and_ocr_pages(texts: list[str], cache_dir: Path, workers: int = 2) -> list[str]:
    """Real Tesseract output for each page text after rendering and scan damage; cached on disk by the
    hash of (text, render recipe) so a second evaluation run costs nothing."""
    import hashlib
    from concurrent.futures import ProcessPoolExecutor

    cache_dir.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha256(f"{RENDER_VERSION}\0{t}".encode()).hexdigest()[:32] for t in texts]
    results: dict[str, str] = {}
    todo: list[tuple[str, str]] = []
    for key, text in zip(keys, texts, strict=True):
        path = cache_dir / f"{key}.txt"
        if path.exists():
            results[key] = path.read_text(encoding="utf-8")
        elif key not in dict(todo):
            todo.append((key, text))
    if todo:
        with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
            for (key, _), out in zip(todo, pool.map(_ocr_one, [(t, k) for k, t in todo]), strict=True):
                (cache_dir / f"{key}.txt").write_text(out, encoding="utf-8")
                results[key] = out
    return [results[k] for k in keys]
