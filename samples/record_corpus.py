# ruff: noqa: E501  (template text reads best on one line per record line)
"""A generated, labelled corpus of claim-file pages for training and evaluating record typing and
document segmentation.

Each record type has eight differently-worded template VARIANTS (titles, layouts, field order,
vocabulary, clinical content). Variants 0-2 and 5-7 make the training split; variants 3-4 are held
out and make the test split, so the evaluation measures records the model has never seen the wording
of. (Variants 5-7 were added later, for every type alike, to cover more real-world families of each
record type; the held-out variants and the held-out files were left as they were.)
Files are sequences of documents (runs of the same type included, as in a real C-file), paginated
with "Page k of N", running continuation headers, or nothing at all.

New layouts for the kinds of error a physician found (issue 12: multi-page letters and Board decisions
whose later pages have no header, a two-page ER visit, a codesheet with its rating decision, a fax cover
sheet before the records it transmits, documents whose first date is not theirs, sick-call runs) are
KINDS scenarios, with training variants (0-1, 4-5; letters 6-7 and Board decisions 6 too) and held-out variants (2-3) of their own, in files
of their own (generate_kind_files). Every document carries its gold: date and precision, encounter
dates, and words its title must (and must not) hold.

OCR noise comes two ways: simulate_ocr_noise() (character confusions, broken words, dropped and
merged lines, damaged headers) for the bulk, and samples.scan_ocr-style rendering + real Tesseract
for a small cached subset (see render_and_ocr_pages()). Everything is deterministic from a seed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import multiprocessing
import random
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

CORPUS_VERSION = "3"
TRAIN_VARIANTS = (0, 1, 2, 5, 6, 7)
HELD_OUT_VARIANTS = (3, 4)
# The held-out split is drawn with the seed it had when it was first reported (corpus v2), so it stays
# the same files whatever training variants are added: figures stay comparable and the OCR cache valid.
HELD_OUT_SPLIT_VERSION = "2"


# --------------------------------------------------------------------------------------------------
# Data model


@dataclass(frozen=True)
class CorpusPage:
    """One labelled page: its text, its document's type, whether it starts the document, and its
    document's gold: the date (its first day) at its precision, the encounter dates (ISO, at their
    precision; None: one encounter of the document's date) and words its title must hold."""

    text: str
    record_type: str
    group: str  # "record_type/vN": the template variant, for grouped calibration and the split
    starts_document: bool
    document_date: dt.date | None
    date_precision: str = "day"
    encounter_dates: tuple[str, ...] | None = None
    title_words: tuple[str, ...] = ()
    title_forbidden: tuple[str, ...] = ()
    kind: str = ""  # the kind of layout error a new-layout document exercises ("" for the others)

    def relabelled(self, text: str) -> CorpusPage:
        """The same labels on another text (noise, OCR, rearranging)."""
        return dataclasses.replace(self, text=text)


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
    date_precision: str = "day"
    encounter_dates: tuple[str, ...] | None = None
    title_words: tuple[str, ...] = ()
    title_forbidden: tuple[str, ...] = ()
    kind: str = ""

    def corpus_pages(self, group: str) -> list[CorpusPage]:
        return [CorpusPage(text, self.record_type, group, k == 0, self.date, self.date_precision,
                           self.encounter_dates, self.title_words, self.title_forbidden, self.kind)
                for k, text in enumerate(self.pages)]


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


# --------------------------------------------------------------------------------------------------
# More training-only variants (5-7 of every type): other real-world families of each record type,
# written from the forms and print formats themselves, never from the held-out variants or their figures.

MTFS = ["WOMACK AMC", "DARNALL AMC", "BLANCHFIELD ACH", "NH CAMP LEJEUNE", "EVANS ACH", "NMC SAN DIEGO",
        "MADIGAN AMC", "KELLER ACH", "WEED ACH", "NH OKINAWA"]
CHRONIC_PROBLEMS = ["Hypertension", "Hyperlipidemia", "Obesity", "Tobacco use", "Insomnia", "GERD", "Tinnitus",
                    "Allergic rhinitis", "Depression, in remission", "Type 2 diabetes"]
MEDICATIONS = ["IBUPROFEN 800MG TAB take 1 by mouth three times daily", "NAPROXEN 500MG TAB 1 PO BID",
               "CYCLOBENZAPRINE 10MG TAB 1 PO QHS PRN", "MELOXICAM 15MG TAB 1 PO DAILY", "LISINOPRIL 10MG TAB 1 PO DAILY",
               "GABAPENTIN 300MG CAP 1 PO TID", "ACETAMINOPHEN 500MG TAB 2 PO Q6H PRN", "TRAMADOL 50MG TAB 1 PO Q6H PRN"]


def _vitals(rng: random.Random) -> str:
    return (f"BP {rng.randint(108, 152)}/{rng.randint(64, 96)}  HR {rng.randint(56, 104)}  RR {rng.randint(12, 20)}  "
            f"Temp {rng.randint(97, 99)}.{rng.randint(0, 9)} F  Wt {rng.randint(140, 260)} lb  Pain {rng.randint(0, 9)}/10")


def str_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # AHLTA/CHCS encounter print, no form title
    d = _service_date(rng, p)
    clinic = rng.choice(["FAMILY PRACTICE CLINIC", "TROOP MEDICAL CLINIC 2", "SOLDIER READINESS CLINIC",
                         "BN AID STATION", "ACUTE CARE CLINIC", "SICK CALL"])
    header = [f"{p.last_first}   FMP 20   DOB {fmt(p.dob, 'milc')}   {rng.choice(MTFS)}",
              f"Encounter ID {rng.randint(10 ** 8, 10 ** 9)}   Appt Type: {rng.choice(['ACUT', 'SPEC', 'WELL', 'FTR'])}",
              f"Date/Time: {fmt(d, 'mil')} {rng.randint(7, 16):02d}{rng.choice(['00', '15', '30', '45'])}   Clinic: {clinic}",
              f"Provider: {rng.choice(CLINICIANS).upper()}   Patient Status: Outpatient"]
    body = ["Chief Complaint", f"The patient's chief complaint is: {rng.choice(COMPLAINTS)}.",
            "History of present illness", f"{p.rank} presents with {rng.choice(COMPLAINTS)}. Onset during duty.",
            "Vital Signs", f"  {_vitals(rng)}", "Physical Findings"] + [f"  {x}" for x in _pick(rng, EXAM_FINDINGS, rng.randint(1, 4))] + [
            "Assessment and Plan" if rng.random() < 0.5 else "A/P",
            f"  1. {rng.choice(ASSESSMENTS)}  ICD: M54.{rng.randint(2, 5)}", f"     {rng.choice(PLANS)}",
            f"  Profile: {rng.choice(['none', 'temporary profile 14 days', 'no running x 7 days'])}",
            "Disposition", f"  {rng.choice(['Released w/o Limitations', 'Released w/ Work/Duty Limitations', 'Sick at Home/Quarters 24 hrs'])}",
            f"  Follow up: {rng.choice(['PRN', 'in 2 weeks', 'with PT'])}. Discussed with patient who voiced understanding.",
            f"Signed Electronically by {rng.choice(CLINICIANS).upper()} on {fmt(d, 'milc')} @ {rng.randint(10, 18)}{rng.randint(10, 59)}"]
    pages = paginate(rng, header, body, style=rng.choice(["plain", "page_of", "running"]),
                     continuation_header=f"{p.last_first}  Encounter (continued)")
    return GeneratedDocument("service_treatment", 5, pages, d)


def str_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # dental / optometry / PT notes in service
    d = _service_date(rng, p)
    kind = rng.randrange(3)
    if kind == 0:
        header = [f"DENTAL CLINIC {rng.randint(1, 4)}  {p.base}", f"{p.last_first}  {p.rank}  {p.unit}",
                  f"Date: {fmt(d, rng.choice(['mil', 'ymd']))}   Dental class: {rng.choice(['1', '2', '3'])}"]
        body = [f"Tooth #{rng.randint(1, 32)}: {rng.choice(['occlusal caries', 'fractured cusp', 'periapical abscess'])}.",
                f"Tx: {rng.choice(['composite restoration', 'extraction under local anesthesia', 'prophy and exam'])}.",
                "Lido 2% 1:100k epi 1.8 ml x 1. Pt tolerated procedure well. POI given.",
                f"Pt also reports {rng.choice(COMPLAINTS)}; referred to TMC.", f"{rng.choice(CLINICIANS)}, DDS, CPT DC"]
        footer = rng.choice(["SF 603-A (HEALTH RECORD - DENTAL, CONTINUATION)", ""])
    elif kind == 1:
        header = ["OPTOMETRY CLINIC", f"Service member: {p.last_first}  Unit: {p.unit}",
                  f"Exam date {fmt(d, 'milc')}"]
        body = [f"Reason: {rng.choice(['annual readiness eye exam', 'blurred vision', 'eye strain on night ops'])}",
                f"VA sc OD 20/{rng.choice([20, 25, 30, 40])} OS 20/{rng.choice([20, 25, 30, 40])}",
                "Pupils PERRL, EOM full, SLE unremarkable, DFE c/d 0.3 OU.",
                "Dx: Myopia OU. Rx issued, military eyewear (frames of choice) ordered. Protective mask inserts ordered.",
                f"Member also reports {rng.choice(COMPLAINTS)} - advised sick call.", f"{rng.choice(CLINICIANS)}, OD"]
        footer = ""
    else:
        header = [f"PHYSICAL THERAPY - {rng.choice(MTFS)}", f"SM: {p.rank} {p.last_first}   {p.unit}",
                  f"Visit {rng.randint(1, 12)}  {fmt(d, 'mil')}"]
        body = [f"S: SM reports {rng.choice(COMPLAINTS)}. Unable to run or ruck.",
                f"O: {rng.choice(EXAM_FINDINGS)} {rng.choice(EXAM_FINDINGS)}",
                f"A: {rng.choice(ASSESSMENTS)} Progressing toward return to duty.",
                f"P: {rng.choice(PLANS)} Continue profile. Recheck 1 wk.", f"{rng.choice(CLINICIANS)}, CPT, SP"]
        footer = ""
    body += [rng.choice(EXAM_FINDINGS) for _ in range(rng.randint(0, 3))]
    return GeneratedDocument("service_treatment", 6, paginate(rng, header, body, style="plain", footer=footer), d)


def str_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # immunizations, sick slip, profile print
    d = _service_date(rng, p)
    kind = rng.randrange(3)
    if kind == 0:
        header = [rng.choice(["IMMUNIZATION RECORD", "INTERNATIONAL CERTIFICATE OF VACCINATION", "MEDPROS IMMUNIZATION HISTORY"]),
                  f"NAME {p.last_first}  SSN XXX-XX-{p.ssn4}  {p.branch}"]
        body = [f"{rng.choice(['ANTHRAX', 'INFLUENZA', 'HEP A', 'HEP B', 'TD', 'MMR', 'TYPHOID', 'SMALLPOX', 'YELLOW FEVER'])}"
                f"  {fmt(_service_date(rng, p), 'milc')}  LOT {rng.randint(1000, 9999)}{rng.choice('ABCDE')}  "
                f"{rng.choice(MTFS)}" for _ in range(rng.randint(5, 14))]
        body += ["PPD/TB screening: negative", f"Reviewed {fmt(d, 'milc')} by {rng.choice(CLINICIANS)}"]
        footer = rng.choice(["PHS 731", "DD FORM 2766C", ""])
    elif kind == 1:
        header = ["INDIVIDUAL SICK SLIP", f"TO: COMMANDER, {p.unit}", f"DATE: {fmt(d, 'mil')}",
                  f"NAME: {p.last_first}  GRADE: {p.rank}"]
        body = [f"Complaint: {rng.choice(COMPLAINTS)}",
                f"DISPOSITION: {rng.choice(['Duty', 'Light duty 72 hrs', 'Quarters 24 hrs', 'Referred to specialty clinic'])}",
                f"Remarks: {rng.choice(PLANS)}", f"MEDICAL OFFICER: {rng.choice(CLINICIANS)}"]
        footer = "DD FORM 689"
    else:
        header = ["PROFILE - eProfile", f"Soldier: {p.last_first}  {p.rank}  {p.unit}",
                  f"Profile date: {fmt(d, 'ymd')}  Type: {rng.choice(['Temporary', 'Permanent'])}"]
        body = [f"Condition: {rng.choice(ASSESSMENTS)}", "PULHES: P1 U1 L3 H1 E1 S1",
                "Limitations: No running, jumping, rucking. No lifting over 25 lbs. May perform alternate aerobic event.",
                "APFT/ACFT: may not take until profile expires.", "Expiration: 30 days",
                f"Profiling provider: {rng.choice(CLINICIANS)}  Commander acknowledgment: yes"]
        footer = ""
    return GeneratedDocument("service_treatment", 7, paginate(rng, header, body, style="plain", footer=footer), d)


def sexam_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # PHA / readiness
    d = _service_date(rng, p)
    header = [rng.choice(["PERIODIC HEALTH ASSESSMENT (PHA)", "ANNUAL PERIODIC HEALTH ASSESSMENT", "PHA - PROVIDER SECTION"]),
              f"Service member: {p.last_first}  {p.rank}  {p.unit}", f"Assessment date: {fmt(d, 'milc')}"]
    body = ["Part 1 - Service member self-assessment", f"  Current health concerns: {rng.choice(COMPLAINTS)}",
            "  Duty limitations in past 12 months: " + rng.choice(["none", "temporary profile for back", "light duty for knee"]),
            "Part 2 - Provider review", f"  {_vitals(rng)}", f"  {rng.choice(EXAM_FINDINGS)}",
            f"  IMR status: {rng.choice(['Fully Medically Ready', 'MRC 2', 'MRC 3A'])}   Dental class {rng.randint(1, 2)}",
            "  Hearing: H1   Vision: within standards   Immunizations: current",
            f"  Deployability: {rng.choice(['deployable', 'non-deployable pending profile'])}",
            f"Provider: {rng.choice(CLINICIANS)}"]
    return GeneratedDocument("service_exam", 5, paginate(rng, header, body, style=rng.choice(["plain", "page_of"])), d)


def sexam_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # SHPE / MEPS, item-numbered exam pages
    d = _service_date(rng, p)
    header = [rng.choice(["SEPARATION HISTORY AND PHYSICAL EXAMINATION", "MEPS ACCESSION MEDICAL EXAMINATION",
                          "MEDICAL EXAMINATION FOR RETIREMENT"]),
              f"{p.last_first}   XXX-XX-{p.ssn4}   DATE OF EXAM {fmt(d, 'ymd')}"]
    items = ["Head, face, neck and scalp", "Eyes - general", "Ears - general", "Lungs and chest", "Heart",
             "Abdomen and viscera", "Upper extremities", "Lower extremities", "Spine, other musculoskeletal",
             "Skin, lymphatics", "Neurologic", "Psychiatric"]
    body = [f"{n}. {item}: {rng.choice(['NORMAL', 'NORMAL', 'NORMAL', 'ABNORMAL'])}"
            for n, item in zip(range(rng.randint(17, 20), 60), items, strict=False)]
    body += [f"{rng.randint(40, 60)}. HEIGHT {rng.randint(62, 76)} IN  WEIGHT {rng.randint(130, 250)} LB  BP {rng.randint(110, 145)}/{rng.randint(65, 92)}",
             f"{rng.randint(60, 72)}. AUDIOMETER  500 1000 2000 3000 4000  R {rng.randint(0, 25)} {rng.randint(0, 25)} {rng.randint(0, 30)} {rng.randint(5, 40)} {rng.randint(5, 45)}",
             f"{rng.randint(73, 76)}. PHYSICAL PROFILE P1 U1 L{rng.randint(1, 3)} H{rng.randint(1, 2)} E1 S1",
             f"SUMMARY OF DEFECTS AND DIAGNOSES: {rng.choice(ASSESSMENTS)} {rng.choice(COMPLAINTS)}",
             f"EXAMINEE {rng.choice(['IS', 'IS NOT'])} QUALIFIED FOR {rng.choice(['SERVICE', 'RETENTION', 'SEPARATION'])}",
             f"EXAMINER: {rng.choice(CLINICIANS)}   REVIEWING OFFICER: {rng.choice(CLINICIANS)}"]
    footer = rng.choice(["DD FORM 2808", "DD 2808, OCT 2005", ""])
    # later pages repeat only the name line, like a continuation sheet without page numbers
    pages = paginate(rng, header, body, style=rng.choice(["plain", "running"]),
                     continuation_header=f"{p.last_first}  DATE OF EXAM: {fmt(d, 'ymd')}", footer=footer)
    return GeneratedDocument("service_exam", 6, pages, d)


def sexam_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # PDHRA, audiogram, medical history narrative
    d = _service_date(rng, p)
    if rng.random() < 0.5:
        header = ["POST-DEPLOYMENT HEALTH RE-ASSESSMENT (PDHRA)", f"Last name, first: {p.last_first}",
                  f"Date of reassessment {fmt(d, 'us')}   Days since return: {rng.randint(90, 180)}"]
        body = [f"{n}. {q}: {rng.choice(['Yes', 'No', 'Sometimes'])}" for n, q in enumerate([
            "Since return, have you had any health concerns", "Do you have pain in your back or joints",
            "Have you had nightmares or trouble sleeping", "Were you injured during this deployment",
            "Do you want a referral for any concern"], start=1)]
        body += [f"Provider assessment: {rng.choice(ASSESSMENTS)} Referral: {rng.choice(['PCM', 'PT', 'Behavioral health', 'none'])}",
                 f"Provider: {rng.choice(CLINICIANS)}"]
        footer = rng.choice(["DD FORM 2900", ""])
    else:
        header = ["HEARING CONSERVATION DATA - REFERENCE AUDIOGRAM", f"NAME {p.last_first}  DATE {fmt(d, 'ymd')}",
                  f"UNIT {p.unit}  NOISE EXPOSURE: {rng.choice(['weapons fire', 'aircraft', 'generators'])}"]
        body = [f"{hz} Hz  R {rng.randint(0, 30)} dB  L {rng.randint(0, 35)} dB" for hz in (500, 1000, 2000, 3000, 4000, 6000)]
        body += [f"Significant threshold shift: {rng.choice(['NO', 'YES'])}", "Hearing profile: H1",
                 f"Audiologist/technician: {rng.choice(CLINICIANS)}"]
        footer = rng.choice(["DD FORM 2215", "DD FORM 2216", ""])
    return GeneratedDocument("service_exam", 7, paginate(rng, header, body, style="plain", footer=footer), d)


def pers_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # NGB 22 / DD 215
    kind = rng.random() < 0.5
    header = (["REPORT OF SEPARATION AND RECORD OF SERVICE", f"NAME {p.last_first}  DEPARTMENT {p.branch} NATIONAL GUARD"]
              if kind else ["CORRECTION TO DD FORM 214, CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY",
                            f"NAME {p.last_first}   SSN XXX XX {p.ssn4}"])
    body = ([f"7. DATE OF ENLISTMENT {fmt(p.entered, 'ymd')}", f"8. EFFECTIVE DATE OF SEPARATION {fmt(p.separated, 'ymd')}",
             "12. NET SERVICE THIS PERIOD  0006 00 00", "23. AUTHORITY AND REASON  NGR 600-200 ETS", "24. CHARACTER OF SERVICE  HONORABLE"]
            if kind else [f"THE DD FORM 214 ISSUED {fmt(p.separated, 'ymd')} IS CORRECTED AS FOLLOWS:",
                          "ITEM 13: ADD: ARMY GOOD CONDUCT MEDAL (2ND AWARD) // COMBAT ACTION BADGE",
                          "ITEM 18: ADD: SERVICE IN IRAQ 20050110 - 20060105", "ALL OTHER ENTRIES REMAIN AS RECORDED"])
    footer = "NGB FORM 22" if kind else "DD FORM 215"
    return GeneratedDocument("service_personnel", 5, paginate(rng, header, body, style="plain", footer=footer), p.separated)


def pers_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # orders
    d = _service_date(rng, p)
    header = [f"DEPARTMENT OF THE {p.branch}", f"HEADQUARTERS, {rng.choice(UNITS)}", f"{p.base}",
              f"ORDERS {rng.randint(100, 365)}-{rng.randint(1, 999):03d}   {fmt(d, 'mil')}"]
    body = [f"{p.last_first} XXX-XX-{p.ssn4} {p.rank} {p.unit}",
            rng.choice(["You are reassigned as shown. Report to gaining unit NLT date shown.",
                        "You are ordered to active duty in support of OPERATION IRAQI FREEDOM.",
                        "You are released from assignment and will proceed to transition point for separation processing."]),
            f"Report date: {fmt(d + dt.timedelta(days=30), 'ymd')}", f"Assigned to: {rng.choice(UNITS)}",
            "Purpose: PCS  Accounting classification: 2172020 0000 01-1100", "Special instructions: N/A",
            "FOR THE COMMANDER:", f"{rng.choice(LAST).upper()}, MAJ, Adjutant", "DISTRIBUTION: Individual (5), unit (2)"]
    return GeneratedDocument("service_personnel", 6, paginate(rng, header, body, style="plain"), d)


def pers_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # evaluation reports, awards, personnel actions
    d = _service_date(rng, p)
    kind = rng.randrange(3)
    if kind == 0:
        header = ["NCO EVALUATION REPORT", f"PART I - ADMINISTRATIVE DATA  NAME {p.last_first}  RANK {p.rank}",
                  f"PERIOD COVERED {fmt(d - dt.timedelta(days=365), 'ymd')} THRU {fmt(d, 'ymd')}"]
        body = [f"PART III - DUTY DESCRIPTION  PRINCIPAL DUTY TITLE: {rng.choice(['Squad Leader', 'Team Leader', 'Motor Sergeant'])}",
                f"DUTY MOSC {p.mos}", "PART IV - PERFORMANCE: led 9 Soldiers through 3 field exercises; 100% accountability",
                "completed 40 static line jumps; APFT 280", "PART V - OVERALL POTENTIAL: Among the best; promote ahead of peers",
                "RATER / SENIOR RATER AUTHENTICATION"]
        footer = "DA FORM 2166-8"
    elif kind == 1:
        header = ["RECOMMENDATION FOR AWARD", f"TO: Commander  FROM: {p.unit}", f"NAME {p.last_first}  RANK {p.rank}"]
        body = [f"AWARD RECOMMENDED: {rng.choice(['ARCOM', 'AAM', 'MSM', 'BSM'])}  PERIOD {fmt(d, 'ymd')}",
                "ACHIEVEMENTS: Served as a team leader during combat operations; maintained equipment 100% FMC.",
                "CITATION: For exceptionally meritorious service...", "APPROVED / ORDERS NUMBER 123-45"]
        footer = "DA FORM 638"
    else:
        header = ["PERSONNEL ACTION", f"NAME {p.last_first}  GRADE {p.rank}  SSN XXX-XX-{p.ssn4}",
                  f"DATE {fmt(d, 'ymd')}"]
        body = ["SECTION II - DUTY STATUS CHANGE / REQUEST FOR PERSONNEL ACTION",
                rng.choice(["Request reassignment to airborne unit.", "Request for retention beyond ETS.",
                            "Change of name in records.", "Request for reclassification of MOS."]),
                "SECTION IV - RECOMMENDATION: Approve", f"COMMANDER {rng.choice(LAST).upper()}"]
        footer = "DA FORM 4187"
    return GeneratedDocument("service_personnel", 7, paginate(rng, header, body, style="plain", footer=footer), d)


def lod_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # LOD determination memorandum (formal memo)
    d = _service_date(rng, p)
    header = [f"DEPARTMENT OF THE {p.branch}", f"HEADQUARTERS, {rng.choice(UNITS)}", "",
              f"{rng.choice(['AFZA', 'AFVG', 'AFRD'])}-{rng.choice(['CO', 'JA', 'S1'])}   {fmt(d + dt.timedelta(days=21), 'mil')}",
              "MEMORANDUM THRU Commander", "FOR Appointing Authority",
              "SUBJECT: Line of Duty Determination" + rng.choice(["", f" - {p.rank} {p.last_first}"])]
    memo_date = d + dt.timedelta(days=21)  # the memorandum is dated; the injury it determines is of d
    body = ["1. References: AR 600-8-4, Line of Duty Policy, Procedures, and Investigations.",
            f"2. On {fmt(d, 'mil')} the Soldier sustained {rng.choice(ASSESSMENTS).lower()} while "
            f"{rng.choice(['conducting airborne operations', 'performing PT', 'conducting a tactical road march', 'loading equipment'])}.",
            "3. The Soldier was present for duty, not absent without leave, and not under the influence.",
            f"4. Determination: {rng.choice(['In Line of Duty (ILD)', 'ILD - informal', 'Injury incurred in LOD'])}. "
            "No further investigation is required.", "5. POC is the undersigned.",
            f"{rng.choice(LAST).upper()}", f"{rng.choice(['LTC', 'COL', 'MAJ'])}, {rng.choice(['IN', 'AR', 'FA'])}", "Commanding"]
    return GeneratedDocument("line_of_duty", 5, paginate(rng, header, body, style="plain"), memo_date)


def lod_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # Navy/USMC command investigation, JAGMAN
    d = _service_date(rng, p)
    header = [rng.choice(["COMMAND INVESTIGATION", "PRELIMINARY INQUIRY", "JAGMAN INVESTIGATION"]),
              f"INTO THE CIRCUMSTANCES SURROUNDING THE INJURY OF {p.rank} {p.last_first}",
              f"THAT OCCURRED ON {fmt(d, 'mil')} ABOARD {p.base.upper()}"]
    body = ["PRELIMINARY STATEMENT", "Per the appointing order, I inquired into the facts of the injury.",
            "FINDINGS OF FACT", f"1. On {fmt(d, 'mil')} the member was on duty at {p.unit}.",
            f"2. The member {rng.choice(['fell from a ladder on the flight deck', 'injured the back lifting ordnance', 'slipped on the ramp of an AAV'])}.",
            f"3. Medical diagnosis: {rng.choice(ASSESSMENTS)}", "OPINIONS",
            "1. The injury was incurred in the line of duty and not due to the member's own misconduct.",
            "RECOMMENDATIONS", "1. That no further action be taken.",
            f"{rng.choice(LAST).upper()}, {rng.choice(['LT', 'CAPT', 'Maj'])}, Investigating Officer"]
    pages = paginate(rng, header, body, style=rng.choice(["plain", "page_of"]))
    return GeneratedDocument("line_of_duty", 6, pages, d)


def lod_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # injury report / endorsement of an LOD packet
    d = _service_date(rng, p)
    dated = d  # an injury report is of the injury it reports; an endorsement of its own date
    if rng.random() < 0.5:
        header = ["INJURY / ILLNESS REPORT", f"Member: {p.last_first}  Rank: {p.rank}  Unit: {p.unit}",
                  f"Date and time of injury: {fmt(d, 'us')} {rng.randint(6, 22):02d}00"]
        body = [f"Place: {p.base}  Activity: {rng.choice(['unit PT', 'field training', 'motor pool', 'jump operations'])}",
                f"Description: {rng.choice(COMPLAINTS)}.", "Duty status: Present for duty", "Alcohol involved: No",
                "Misconduct suspected: No", "LOD: Yes - in line of duty",
                f"Medical facility: {rng.choice(MTFS)}  Diagnosis: {rng.choice(ASSESSMENTS)}",
                f"Reported by: {rng.choice(LAST).upper()}, 1SG"]
    else:
        dated = d + dt.timedelta(days=40)
        header = [f"1st Ind, {rng.choice(['SJA', 'Legal Advisor'])}", f"{fmt(dated, 'mil')}",
                  "FOR Appointing Authority", f"SUBJECT: Legal Review, LOD Investigation, {p.rank} {p.last_first}"]
        body = ["1. I have reviewed the attached line of duty investigation and find it legally sufficient.",
                f"2. The evidence supports a finding that the injury of {fmt(d, 'mil')} was in line of duty.",
                "3. The findings are supported by a preponderance of the evidence. No EPTS condition is documented.",
                f"{rng.choice(LAST).upper()}, CPT, JA", "Administrative Law Attorney"]
    return GeneratedDocument("line_of_duty", 7, paginate(rng, header, body, style="plain"), dated)


def va_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # VA inpatient discharge summary / admission
    d = _post_date(rng, p)
    fac = rng.choice(VA_FACILITIES)
    header = [f"{fac}", rng.choice(["DISCHARGE SUMMARY", "ADMISSION HISTORY AND PHYSICAL", "EMERGENCY DEPT NOTE"]),
              f"PATIENT: {p.last_first}   SSN: XXX-XX-{p.ssn4}   WARD: {rng.choice(['4 WEST', 'SICU', 'ED', 'MED 2'])}",
              f"DATE OF ADMISSION: {fmt(d, 'us')}   ATTENDING: {rng.choice(CLINICIANS).upper()}"]
    body = [f"Veteran is a {rng.randint(30, 70)} y/o {p.branch.title()} veteran, SC {rng.choice([0, 10, 30, 50])}%, "
            f"admitted for {rng.choice(['acute exacerbation of chronic low back pain', 'pain control', 'fall at home'])}.",
            f"History: {rng.choice(COMPLAINTS)}.", f"Exam: {rng.choice(EXAM_FINDINGS)}",
            f"Hospital course: {rng.choice(PLANS)}", f"Discharge diagnosis: {rng.choice(ASSESSMENTS)}",
            "Follow up with PACT team in 2 weeks. VA pharmacy to mail medications.",
            f"/es/ {rng.choice(CLINICIANS).upper()}", f"Signed: {fmt(d, 'us')}"]
    body += [rng.choice(EXAM_FINDINGS) for _ in range(rng.randint(0, 4))]
    pages = paginate(rng, header, body, style=rng.choice(["plain", "running"]),
                     continuation_header=f"{p.last_first}  {fac} (continued)")
    return GeneratedDocument("va_treatment", 5, pages, d)


def va_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # My HealtheVet Blue Button / CAPRI health summary
    d = _post_date(rng, p)
    header = [rng.choice(["My HealtheVet - VA Blue Button Report", "CAPRI Health Summary", "VA Health Summary"]),
              f"Name: {p.full}   Date of report: {fmt(d, 'us')}", f"VA facility: {rng.choice(VA_FACILITIES)}"]
    body = ["VA PROBLEM LIST"] + [f"  {x}  (active)" for x in _pick(rng, CHRONIC_PROBLEMS + ASSESSMENTS, rng.randint(2, 6))]
    body += ["VA MEDICATIONS"] + [f"  {x}  Status: ACTIVE  Refills: {rng.randint(0, 5)}" for x in _pick(rng, MEDICATIONS, rng.randint(2, 5))]
    body += ["VA APPOINTMENTS"] + [f"  {fmt(_post_date(rng, p), 'us')}  {rng.choice(['PRIMARY CARE', 'PT', 'ORTHO', 'MENTAL HEALTH'])} CLINIC"
                                   for _ in range(rng.randint(1, 4))]
    body += ["VA VITALS", f"  {_vitals(rng)}"]
    return GeneratedDocument("va_treatment", 6, paginate(rng, header, body, style=rng.choice(["page_of", "plain"])), d)


def va_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # VistA note pieces without LOCAL TITLE on the page
    d = _post_date(rng, p)
    header = [f"{p.last_first}  XXX-XX-{p.ssn4}  {rng.choice(VA_FACILITIES)}",
              f"{rng.choice(VA_STD_TITLES)}  {fmt(d, 'vista')}", f"Clinic: {rng.choice(['PC GREEN TEAM', 'PACT BLUE', 'PM&R', 'ORTHO CLINIC'])}"]
    body = [f"Veteran seen in clinic for {rng.choice(COMPLAINTS)}.",
            f"Vitals: {_vitals(rng)}", f"Pain screen: {rng.randint(0, 10)}/10", rng.choice(EXAM_FINDINGS),
            f"ASSESSMENT: {rng.choice(ASSESSMENTS)}", f"PLAN: {rng.choice(PLANS)}",
            "Return to clinic in 3 months. Veteran agrees with plan.", "Enc. Time: 30 min",
            f"/es/ {rng.choice(CLINICIANS).upper()}", rng.choice(["PACT Primary Care Provider", "Staff Physician"]),
            f"Signed: {fmt(d, 'us')} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"]
    return GeneratedDocument("va_treatment", 7, paginate(rng, header, body, style="plain"), d)


def priv_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # private hospital ED record
    d = _post_date(rng, p)
    hosp = rng.choice(["Cape Fear Valley Medical Center", "Seton Medical Center", "Sentara Norfolk General",
                       "Memorial Hospital Central", "Tennova Healthcare", "Scripps Memorial Hospital"])
    header = [hosp, "EMERGENCY DEPARTMENT RECORD", f"Patient: {p.last_first}  MRN {rng.randint(10 ** 6, 10 ** 7)}",
              f"Arrival: {fmt(d, 'us')} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}   Triage level {rng.randint(2, 5)}"]
    body = [f"CHIEF COMPLAINT: {rng.choice(COMPLAINTS)}", f"HPI: Pt states {rng.choice(COMPLAINTS)}.",
            f"ROS: negative except as noted. VITALS: {_vitals(rng)}", f"PHYSICAL EXAM: {rng.choice(EXAM_FINDINGS)}",
            f"MDM: {rng.choice(['No red flags.', 'Low suspicion for cauda equina.', 'X-ray negative for fracture.'])}",
            f"ED DIAGNOSIS: {rng.choice(ASSESSMENTS)}", f"DISPOSITION: Discharged home. {rng.choice(PLANS)}",
            f"Attending: {rng.choice(CLINICIANS)}"]
    pages = paginate(rng, header, body, style=rng.choice(["page_of", "plain"]))
    return GeneratedDocument("private_treatment", 5, pages, d)


def priv_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # EHR print of a progress note (no letterhead)
    d = _post_date(rng, p)
    header = [f"{p.full} (MRN {rng.randint(10 ** 6, 10 ** 7)})  DOB: {fmt(p.dob, 'us')}",
              f"Progress Notes by {rng.choice(CLINICIANS)} at {fmt(d, 'us2')} {rng.randint(8, 11)}:{rng.randint(10, 59)} AM",
              f"Encounter Date: {fmt(d, 'us')}  Department: {rng.choice(['Family Medicine', 'Orthopedics', 'Spine Center', 'Internal Medicine'])}"]
    body = [f"Subjective: {p.first} is a {rng.randint(25, 70)} y.o. who presents for {rng.choice(COMPLAINTS)}.",
            f"Current Outpatient Medications: {rng.choice(MEDICATIONS)}", f"Objective: {_vitals(rng)}",
            rng.choice(EXAM_FINDINGS), f"Assessment/Plan: {rng.choice(ASSESSMENTS)} {rng.choice(PLANS)}",
            f"Electronically signed by {rng.choice(CLINICIANS)} at {fmt(d, 'us')}"]
    body += [rng.choice(EXAM_FINDINGS) for _ in range(rng.randint(0, 5))]
    pages = paginate(rng, header, body, style=rng.choice(["page_of", "running"]),
                     continuation_header=f"{p.full} (MRN)  Progress Notes (continued)")
    return GeneratedDocument("private_treatment", 6, pages, d)


def priv_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # operative report / procedure note
    d = _post_date(rng, p)
    header = _letterhead(rng)[: rng.randint(1, 4)] + [rng.choice(["OPERATIVE REPORT", "PROCEDURE NOTE", "INJECTION PROCEDURE NOTE"]),
                                                      f"PATIENT: {p.last_first}   DATE OF PROCEDURE: {fmt(d, 'us')}"]
    body = [f"PREOPERATIVE DIAGNOSIS: {rng.choice(ASSESSMENTS)}", "POSTOPERATIVE DIAGNOSIS: Same.",
            f"PROCEDURE: {rng.choice(['L4-5 microdiscectomy', 'Left L5 transforaminal epidural steroid injection', 'Right knee arthroscopic partial medial meniscectomy', 'Lumbar medial branch block L3-L5'])}",
            f"SURGEON: {rng.choice(CLINICIANS)}   ANESTHESIA: {rng.choice(['general', 'local with MAC'])}",
            "INDICATIONS: Failed conservative care including PT and NSAIDs.",
            "DESCRIPTION: The patient was positioned prone, prepped and draped in sterile fashion. Fluoroscopy confirmed the level.",
            "The patient tolerated the procedure well without complications. EBL minimal.",
            f"DISPOSITION: Home with follow up in {rng.randint(1, 3)} weeks."]
    return GeneratedDocument("private_treatment", 7, paginate(rng, header, body, style=rng.choice(["plain", "page_of"])), d)


def img_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # EHR-embedded radiology result
    d = _post_date(rng, p)
    study = rng.choice(["XR LUMBAR SPINE 2-3 VIEWS", "MRI CERVICAL SPINE WO CONTRAST", "XR KNEE RIGHT 3 VIEWS",
                        "CT ABDOMEN PELVIS W CONTRAST", "XR SACROILIAC JOINTS"])
    header = [f"{study}", f"Result date: {fmt(d, 'us')}   Ordering provider: {rng.choice(CLINICIANS)}",
              f"Patient: {p.full}   Status: Final result"]
    body = ["Narrative", f"Reason for exam: {rng.choice(COMPLAINTS)}"] + _imaging_body(rng) + [
            "Impression", f"{rng.choice(IMAGING_FINDINGS)}",
            f"Read by {rng.choice(CLINICIANS)} on {fmt(d, 'us')}. Final report signed."]
    return GeneratedDocument("imaging_report", 5, paginate(rng, header, body, style="plain"), d)


def img_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # ultrasound / bone density / nuclear
    d = _post_date(rng, p)
    kind = rng.choice(["ULTRASOUND", "DEXA BONE DENSITOMETRY", "NUCLEAR MEDICINE BONE SCAN", "FLUOROSCOPY"])
    header = [rng.choice(IMAGING_CENTERS), f"{kind} REPORT", f"{p.last_first}   DOS {fmt(d, 'us2')}"]
    body = [f"Indication: {rng.choice(COMPLAINTS)}", f"Technique: Standard {kind.lower()} protocol.",
            "Result:", rng.choice(["T-score lumbar spine -1.2 (osteopenia). Femoral neck -0.8.",
                                    "Increased uptake in the lower lumbar facets, degenerative pattern.",
                                    "No fluid collection. Normal vascular flow."])] + _imaging_body(rng)[:2] + [
            "Opinion:", f"{rng.choice(IMAGING_FINDINGS)}", f"{rng.choice(CLINICIANS)}, Radiology"]
    return GeneratedDocument("imaging_report", 6, paginate(rng, header, body, style=rng.choice(["plain", "page_of"])), d)


def img_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # in-service radiology (CHCS), addendum
    d = _service_date(rng, p) if rng.random() < 0.5 else _post_date(rng, p)
    header = [f"RADIOLOGY - {rng.choice(MTFS)}", f"Exam: {rng.choice(['LUMBAR SPINE AP/LAT', 'L-SPINE 5 VIEWS', 'KNEE 3V RT', 'PELVIS AP'])}",
              f"Pt: {p.last_first}  FMP/SSN 20/XXX-XX-{p.ssn4}  Exam dt: {fmt(d, 'ymd')}"]
    body = [f"Hx: {rng.choice(COMPLAINTS)}", "Result:"] + _imaging_body(rng) + [
            rng.choice(["ADDENDUM: Comparison with prior study shows no interval change.", "Dictated, not read back.", ""]),
            f"Impression: {rng.choice(IMAGING_FINDINGS)}", f"Interpreted by: {rng.choice(CLINICIANS)}, Radiologist",
            f"Approved: {fmt(d, 'ymd')}"]
    return GeneratedDocument("imaging_report", 7, paginate(rng, header, body, style="plain"), d)


def cp_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # other DBQs (knee, feet, hearing)
    d = _post_date(rng, p)
    dbq = rng.choice(["Knee and Lower Leg Conditions", "Flatfoot (Pes Planus)", "Hearing Loss and Tinnitus",
                      "Peripheral Nerves Conditions (not including Diabetic Sensory-Motor Peripheral Neuropathy)"])
    header = [f"{dbq} Disability Benefits Questionnaire", f"Name of Claimant/Veteran: {p.last_first}",
              f"Claimant's SSN: XXX-XX-{p.ssn4}   Date of exam: {fmt(d, 'us')}"]
    body = ["Is this DBQ being completed in conjunction with a VA21-2507, C&P examination request? Yes",
            "Evidence review: VA claims file (hard copy paper C-file) and VBMS records were reviewed.",
            "SECTION I: Diagnosis", f"  {rng.choice(ASSESSMENTS)}  ICD code M{rng.randint(17, 79)}.{rng.randint(0, 9)}",
            "SECTION II: Medical history", f"  {rng.choice(COMPLAINTS)}.",
            "SECTION III: Range of motion and functional limitation",
            f"  Flexion 0 to {rng.randint(90, 140)} degrees; pain noted on exam; contributes to functional loss.",
            "  Does the Veteran have additional functional loss after three repetitions? No",
            "SECTION IV: Flare-ups  The examiner is unable to say without mere speculation.",
            f"Physician signature: {rng.choice(CLINICIANS)}   Date signed: {fmt(d, 'us')}"]
    pages = paginate(rng, header, body, style="page_of", footer=rng.choice(["VA FORM 21-0960M-9", "OMB Approved No. 2900-0808", ""]))
    return GeneratedDocument("cp_exam", 5, pages, d)


def cp_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # medical opinion DBQ / C&P addendum
    d = _post_date(rng, p)
    header = [rng.choice(["Medical Opinion Disability Benefits Questionnaire", "C&P ADDENDUM OPINION", "VA 21-2507a Addendum Request - Response"]),
              f"Veteran: {p.last_first}   Date: {fmt(d, 'us')}", "Type of exam: Medical opinion (no examination)"]
    body = ["MEDICAL OPINION SUMMARY", "a. Direct service connection", "The claimed condition is "
            f"{rng.choice(['less likely than not (less than 50 percent probability)', 'at least as likely as not (50 percent or greater probability)'])} "
            "incurred in or caused by the claimed in-service injury, event or illness.",
            "b. Rationale:", f"STRs document {rng.choice(COMPLAINTS)}, which resolved with conservative treatment.",
            "The separation examination of the spine was normal. Current imaging shows changes that are typical for age.",
            "Evidence reviewed: VBMS, CPRS, JLV.", f"{rng.choice(CLINICIANS)}  Compensation and Pension Examiner"]
    return GeneratedDocument("cp_exam", 6, paginate(rng, header, body, style=rng.choice(["page_of", "plain"])), d)


def cp_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # ACE / records review by a contractor
    d = _post_date(rng, p)
    header = [rng.choice(["Acceptable Clinical Evidence (ACE) Review", "Records Review Examination", "Gulf War General Medical Examination"]),
              f"Veteran Name: {p.full}   File #: XXX-XX-{p.ssn4}", f"Review completed: {fmt(d, 'long')}",
              f"Examining contractor: {rng.choice(['LHI', 'QTC Medical Services', 'VES', 'Optum Serve'])}"]
    body = ["Purpose: Disability evaluation for compensation.", "Claimed condition(s): back condition, knee condition",
            f"Diagnosis: {rng.choice(ASSESSMENTS)}", "Functional impact: limits prolonged standing, lifting over 20 lb.",
            f"Range of motion: thoracolumbar flexion 0 to {rng.randint(40, 90)} degrees, combined ROM {rng.randint(120, 240)} degrees",
            "Remarks: Examination complete; the evidence of record was sufficient to complete the DBQ without an in-person exam.",
            f"Examiner: {rng.choice(CLINICIANS)}"]
    return GeneratedDocument("cp_exam", 7, paginate(rng, header, body, style=rng.choice(["page_of", "plain"])), d)


def op_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # treating provider letter, letterhead, untitled
    d = _post_date(rng, p)
    header = _letterhead(rng) + [fmt(d, rng.choice(["long", "us"]))]
    body = [rng.choice(["To Whom It May Concern,", "Dear VA Adjudicator:", "RE: Medical opinion"]),
            f"{p.full} has been my patient since {rng.randint(2010, 2022)} for chronic {rng.choice(['low back', 'lumbar', 'knee'])} problems.",
            "I have reviewed the service records provided by the patient, including sick call entries and profiles.",
            f"It is my professional opinion that the current condition is {rng.choice(OPINION_PHRASES)} "
            "the result of the injuries sustained during military service.",
            "My rationale is based on the documented in-service injury, the continuity of symptoms reported since discharge, "
            "and the absence of any other significant injury.",
            rng.choice(["Please feel free to contact my office with questions.", "I am willing to provide further information."]),
            rng.choice(["Sincerely,", "Respectfully,", "Regards,"]), rng.choice(CLINICIANS)]
    return GeneratedDocument("medical_opinion", 5, paginate(rng, header, body, style="plain"), d)


def op_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # IME report
    d = _post_date(rng, p)
    header = [rng.choice(["INDEPENDENT MEDICAL EXAMINATION", "IME REPORT", "MEDICAL RECORD REVIEW AND OPINION"]),
              f"Examinee: {p.full}   Date of evaluation: {fmt(d, 'us')}",
              f"Requested by: {rng.choice(['Veterans law firm', 'the Veteran', 'VSO representative'])}"]
    body = ["RECORDS REVIEWED: service treatment records, DD 214, VA treatment records, private records, C&P report.",
            "HISTORY:", f"The examinee reports {rng.choice(COMPLAINTS)} during service.",
            "EXAMINATION:", rng.choice(EXAM_FINDINGS), "DIAGNOSES:", rng.choice(ASSESSMENTS),
            "CAUSATION ANALYSIS:", f"Within a reasonable degree of medical certainty, the condition is {rng.choice(OPINION_PHRASES)} related to service.",
            "The VA examiner's reliance on age alone is not supported by the imaging, which shows changes unusual for the examinee's age.",
            f"{rng.choice(CLINICIANS)}, Independent Medical Examiner"]
    pages = paginate(rng, header, body, style=rng.choice(["page_of", "running"]),
                     continuation_header=f"IME - {p.full} - continued")
    return GeneratedDocument("medical_opinion", 6, pages, d)


def op_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # physician's statement / DBQ-style private opinion
    d = _post_date(rng, p)
    header = [rng.choice(["PHYSICIAN STATEMENT IN SUPPORT OF VETERAN'S CLAIM", "TREATING PHYSICIAN STATEMENT",
                          "MEDICAL STATEMENT"]), f"Patient: {p.full}", f"Date: {fmt(d, 'us')}"]
    body = ["1. How long have you treated the patient? " + f"{rng.randint(1, 12)} years",
            f"2. Diagnosis: {rng.choice(ASSESSMENTS)}",
            "3. Have you reviewed the patient's service medical records? Yes",
            f"4. Opinion: the diagnosed condition is {rng.choice(OPINION_PHRASES)} related to the patient's military service.",
            "5. Basis for opinion: history of injury in service, consistent symptoms since, clinical findings and imaging.",
            f"Signature: {rng.choice(CLINICIANS)}  License #{rng.randint(10000, 99999)}"]
    return GeneratedDocument("medical_opinion", 7, paginate(rng, header, body, style="plain"), d)


def rd_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # decision notification letter
    d = _post_date(rng, p)
    header = ["DEPARTMENT OF VETERANS AFFAIRS", f"{rng.choice(['Winston-Salem', 'Waco', 'St. Petersburg', 'Seattle'])} Regional Office",
              fmt(d, "long"), f"{p.full.upper()}", "In Reply Refer To: 27/21", f"VA File Number XX XXX {p.ssn4}"]
    body = [f"Dear {p.full}:", "We made a decision on your claim for service connected compensation received on "
            f"{fmt(d - dt.timedelta(days=150), 'long')}.", "What We Decided",
            f"Service connection for {rng.choice(['low back condition', 'right knee condition', 'tinnitus'])} is "
            f"{rng.choice(['denied', 'granted at 10 percent', 'granted at 20 percent'])}.",
            "Your combined rating is " + f"{rng.choice([10, 30, 40, 60])}%.", "What You Should Do If You Disagree With Our Decision",
            "You may request a Higher-Level Review, file a Supplemental Claim, or appeal to the Board.",
            "Sincerely yours,", "Regional Office Director", "Enclosure(s): Rating Decision"]
    return GeneratedDocument("rating_decision", 5, paginate(rng, header, body, style=rng.choice(["page_of", "plain"])), d)


def rd_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # VBMS-R codesheet print
    d = _post_date(rng, p)
    header = ["VBMS-R CODESHEET", f"{p.last_first}   C {rng.randint(10 ** 7, 10 ** 8)}",
              f"Promulgation Date: {fmt(d, 'us')}   Rating Decision: {fmt(d - dt.timedelta(days=3), 'us')}"]
    body = ["SUBJECT TO COMPENSATION (1.SC)"]
    body += [f"  {rng.choice(['5237', '5242', '5257', '5260', '8520', '6260', '7101'])}  {rng.choice(ASSESSMENTS)}  "
             f"Service Connected, Incurred  {rng.choice([0, 10, 20, 40])}% from {fmt(_post_date(rng, p), 'us')}"
             for _ in range(rng.randint(1, 4))]
    body += ["NOT SERVICE CONNECTED/NOT SUBJECT TO COMPENSATION (8.NSC)", f"  {rng.choice(ASSESSMENTS)}  Not Incurred/Caused by Service",
             f"COMBINED: {rng.choice([10, 30, 50, 70])}% from {fmt(d - dt.timedelta(days=100), 'us')}",
             f"SPECIAL MONTHLY COMPENSATION: none   Rater: {rng.choice(LAST)}, RVSR"]
    return GeneratedDocument("rating_decision", 6, paginate(rng, header, body, style="plain"), d)


def rd_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # HLR decision / proposal to reduce
    d = _post_date(rng, p)
    header = ["DEPARTMENT OF VETERANS AFFAIRS", rng.choice(["Higher-Level Review Decision", "PROPOSED RATING REDUCTION", "DEFERRED RATING DECISION"]),
              f"Veteran: {p.last_first}   Date: {fmt(d, 'us')}"]
    body = ["ISSUE", f"Evaluation of {rng.choice(['lumbar strain', 'right knee strain', 'radiculopathy of the left lower extremity'])}.",
            "DECISION", rng.choice(["The prior decision is continued.", "A duty to assist error was found; a new examination is ordered.",
                                    "A reduction from 20 to 10 percent is proposed."]),
            "EVIDENCE CONSIDERED", "Service treatment records; VA treatment records; VA examination",
            "REASONS FOR DECISION", "The evidence shows improvement under the General Rating Formula for Diseases and Injuries of the Spine.",
            "38 CFR 3.105(e), 3.2601 were applied.", f"Decision Review Officer / RVSR {rng.choice(LAST)}"]
    return GeneratedDocument("rating_decision", 7, paginate(rng, header, body, style=rng.choice(["page_of", "plain"])), d)


def bva_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # AMA-era Board decision
    d = _post_date(rng, p)
    header = ["BOARD OF VETERANS' APPEALS", f"IN THE APPEAL OF {p.full.upper()}   Represented by: {rng.choice(['DAV', 'VFW', 'Attorney'])}",
              f"SS {rng.choice(['XXX XX', ''])} {p.ssn4}   Docket No. {rng.randint(200000, 299999)}-{rng.randint(1000, 9999)}",
              f"DATE: {fmt(d, 'long')}"]
    body = ["ORDER", f"Service connection for {rng.choice(['a low back disability', 'a right knee disability', 'tinnitus'])} is "
            f"{rng.choice(['granted', 'denied', 'remanded'])}.", "FINDINGS OF FACT",
            "1. The evidence is at least in equipoise that the disability began in service.", "CONCLUSIONS OF LAW",
            "1. The criteria for service connection are met. 38 U.S.C. §§ 1110, 5107; 38 C.F.R. § 3.303.",
            "REASONS AND BASES FOR FINDINGS AND CONCLUSIONS",
            "The Veteran served on active duty. The Board's review is limited to the evidence of record at the time of the decision.",
            f"{rng.choice(LAST).upper()}", "Veterans Law Judge", "Board of Veterans' Appeals"]
    return GeneratedDocument("board_decision", 5, paginate(rng, header, body, style=rng.choice(["page_of", "plain"])), d)


def bva_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # hearing transcript
    d = _post_date(rng, p)
    header = ["BOARD OF VETERANS' APPEALS", "TRANSCRIPT OF HEARING", f"IN THE APPEAL OF {p.full.upper()}",
              f"Hearing held: {fmt(d, 'long')}  {rng.choice(['Virtual tele-hearing', 'Videoconference', 'Travel Board'])}"]
    body = ["JUDGE: We are on the record. Please raise your right hand.",
            f"REPRESENTATIVE: Mr./Ms. {p.last}, tell the judge how you hurt your back.",
            f"VETERAN: I {rng.choice(['landed hard on a jump', 'fell off the truck ramp', 'was carrying a heavy ruck'])} and went to sick call.",
            "JUDGE: Did you have back pain when you separated?", "VETERAN: Yes, I just did not want to stay on profile.",
            "JUDGE: The record will be held open for 90 days for additional evidence.", "(Whereupon the hearing was concluded.)"]
    pages = paginate(rng, header, body, style="running", continuation_header=f"Hearing transcript - {p.full} - continued")
    return GeneratedDocument("board_decision", 6, pages, d)


def bva_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # Board remand order / vacatur
    d = _post_date(rng, p)
    header = [f"Citation Nr: {rng.randint(10 ** 7, 10 ** 8 - 1)}" if rng.random() < 0.5 else "BVA REMAND",
              f"DOCKET NO. {rng.randint(10, 24)}-{rng.randint(10000, 99999)}", f"DATE {fmt(d, 'us')}"]
    body = ["REMAND", "The Board regrets the additional delay, but further development is required.",
            "A new VA examination is needed because the prior examiner did not consider the Veteran's competent lay statements.",
            "The matter is REMANDED for the following action:", "1. Associate outstanding VA treatment records.",
            "2. Schedule an orthopedic examination and obtain an opinion with a complete rationale.",
            f"{rng.choice(LAST).upper()}", "Veterans Law Judge, Board of Veterans' Appeals"]
    return GeneratedDocument("board_decision", 7, paginate(rng, header, body, style="plain"), d)


def bud_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # typed letter, no form, no title
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    header = [f"{fmt(d, rng.choice(['long', 'us']))}"] + ([f"{wf} {wl}", f"{rng.randint(10, 9999)} {rng.choice(['Oak', 'Pine', 'Main', 'Elm'])} St"]
                                                          if rng.random() < 0.5 else [])
    body = [rng.choice(["To whom it may concern,", "Dear Sir or Madam,", "To the Department of Veterans Affairs:"]),
            f"I am writing this letter on behalf of my {rng.choice(['friend', 'battle buddy', 'brother-in-arms', 'former soldier'])} {p.full}."]
    body += _lay_story(rng, p, "buddy")
    body += [f"I remember {rng.choice(['he', 'she'])} {rng.choice(['could barely get out of the truck', 'had to be helped off the drop zone', 'kept working even though in pain'])}.",
             "Everything in this letter is true to the best of my knowledge.", rng.choice(["Sincerely,", "Respectfully,", ""]),
             f"{wf} {wl}", rng.choice([f"(former {rng.choice(RANKS)}, {p.unit})", f"Phone: ({rng.randint(200, 989)}) 555-{rng.randint(1000, 9999)}", ""])]
    return GeneratedDocument("buddy_statement", 5, paginate(rng, header, body, style="plain"), d)


def bud_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # family member statement
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    rel = rng.choice(["mother", "father", "sister", "brother", "daughter", "son", "ex-wife"])
    header = [rng.choice([f"Statement of {wf} {wl}", "Lay statement", f"Re: {p.full}"]), f"Date: {fmt(d, 'us')}"]
    body = [f"I am {p.first}'s {rel}. I have known {p.first} all of {rng.choice(['his', 'her'])} life.",
            f"Before the military {p.first} {rng.choice(['played football and worked construction', 'was active and never complained of pain', 'helped on the farm'])}.",
            f"When {p.first} came home on leave in {p.entered.year + rng.randint(1, 3)} {rng.choice(['he', 'she'])} "
            f"{rng.choice(['walked bent over', 'could not sit through dinner', 'told me about the jump injury'])}.",
            f"Today I see {p.first} {rng.choice(['struggle with stairs', 'use a cane', 'lie on the floor to ease the pain'])}.",
            f"I declare under penalty of perjury that the foregoing is true. {wf} {wl}"]
    return GeneratedDocument("buddy_statement", 6, paginate(rng, header, body, style="plain"), d)


def bud_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # supervisor / co-worker statement
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    header = [rng.choice(["Employer statement", "Statement from supervisor", "Co-worker statement"]),
              f"Regarding: {p.full}", f"{fmt(d, 'long')}"]
    body = [f"I am {wf} {wl}, {rng.choice(['shift supervisor', 'foreman', 'manager', 'co-worker'])} at "
            f"{rng.choice(['a warehouse', 'a roofing company', 'the county', 'a trucking company'])}.",
            f"I have worked with {p.first} for {rng.randint(2, 12)} years.",
            f"{p.first} has missed about {rng.randint(5, 30)} days a year because of back pain and cannot lift heavy loads.",
            f"I have seen {p.first} {rng.choice(['stop work to stretch', 'leave early because of pain', 'ask others to lift for him'])}.",
            f"{p.first} told me the back problem started in the {p.branch.title()}.", f"Signed, {wf} {wl}"]
    return GeneratedDocument("buddy_statement", 7, paginate(rng, header, body, style="plain"), d)


def ps_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # typed letter by the veteran, no title
    d = _post_date(rng, p)
    header = [f"{p.full}", f"{rng.randint(10, 9999)} {rng.choice(['Oak', 'Pine', 'Main', 'Elm'])} St", fmt(d, "long")]
    body = [rng.choice(["To the VA:", "Dear Rater,", "To whom it may concern,"]),
            rng.choice(["I am writing to explain my back condition.", "This is my statement about my disability.",
                        "I want to tell you how my injury happened."])] + _my_story(rng, p) + [
            "Thank you for considering my claim.", p.full]
    return GeneratedDocument("personal_statement", 5, paginate(rng, header, body, style="plain"), d)


def ps_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # stressor / incident statement
    d = _post_date(rng, p)
    header = [rng.choice(["STATEMENT IN SUPPORT OF CLAIM FOR SERVICE CONNECTION FOR PTSD", "MY STATEMENT OF THE INCIDENT",
                          "Veteran's description of in-service event"]), f"Name: {p.full}  Date: {fmt(d, 'us')}"]
    body = [f"Unit at the time: {p.unit}   Location: {p.base}", f"Date of event (approximate): {p.entered.year + rng.randint(1, 4)}",
            f"What happened: I was {rng.choice(['on a night jump', 'on a convoy', 'in the motor pool', 'on a field exercise'])} and "
            f"{rng.choice(['landed badly', 'the vehicle rolled', 'a crate fell on me'])}.",
            "Since then I have had trouble sleeping and my back hurts every day.",
            "I did not report everything at the time because I was afraid of being taken off jump status.",
            f"I certify this is true. {p.full}"]
    footer = rng.choice(["VA FORM 21-0781", ""])
    return GeneratedDocument("personal_statement", 6, paginate(rng, header, body, style="plain", footer=footer), d)


def ps_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # symptom diary / impact statement
    d = _post_date(rng, p)
    header = [rng.choice(["How my back affects my life", "Symptom log", "Statement of functional impact"]),
              f"by {p.full}", f"{fmt(d, 'us')}"]
    body = [f"{fmt(d - dt.timedelta(days=k * 7), 'us')} - {rng.choice(['pain 7/10, could not work', 'flare up, stayed in bed', 'pain 5/10, used heat', 'missed my son’s game'])}"
            for k in range(rng.randint(3, 8))]
    body += ["I can only stand 20 minutes. I sleep in a recliner most nights.", "I take ibuprofen every day.",
             f"I was hurt in the {p.branch.title()} and it has never gotten better.", p.full]
    return GeneratedDocument("personal_statement", 7, paginate(rng, header, body, style="plain"), d)


def cf_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # intent to file
    d = _post_date(rng, p)
    header = ["INTENT TO FILE A CLAIM FOR COMPENSATION AND/OR PENSION, OR SURVIVORS PENSION AND/OR DIC", "VA FORM 21-0966",
              "OMB Control No. 2900-0826"]
    body = ["SECTION I: IDENTIFICATION INFORMATION", f"1. VETERAN'S NAME {p.last_first}   2. SSN XXX-XX-{p.ssn4}",
            "SECTION II: TYPE OF INTENT TO FILE  [X] COMPENSATION  [ ] PENSION",
            f"SECTION IV: SIGNATURE {p.full}  DATE SIGNED {fmt(d, 'us')}"]
    pages = paginate(rng, header, body, style="plain", footer=rng.choice(["VA FORM 21-0966, JUL 2021", ""]))
    return GeneratedDocument("claim_form", 5, pages, d)


def cf_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # representative appointment
    d = _post_date(rng, p)
    header = ["APPOINTMENT OF VETERANS SERVICE ORGANIZATION AS CLAIMANT'S REPRESENTATIVE", "VA FORM 21-22",
              f"1. VETERAN'S NAME {p.last_first}"]
    body = [f"3. VA FILE NUMBER XXX-XX-{p.ssn4}", f"15. NAME OF SERVICE ORGANIZATION {rng.choice(['DISABLED AMERICAN VETERANS', 'THE AMERICAN LEGION', 'VFW'])}",
            "16. AUTHORIZATION FOR REPRESENTATIVE'S ACCESS TO RECORDS: YES", "20. LIMITATION OF CONSENT: none",
            f"21. SIGNATURE OF CLAIMANT {p.full}  DATE {fmt(d, 'us')}", "OMB Control No. 2900-0321"]
    return GeneratedDocument("claim_form", 6, paginate(rng, header, body, style="page_of"), d)


def cf_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # unemployability / increase application
    d = _post_date(rng, p)
    header = [rng.choice(["VETERAN'S APPLICATION FOR INCREASED COMPENSATION BASED ON UNEMPLOYABILITY",
                          "APPLICATION FOR DISABILITY COMPENSATION - INCREASE"]), rng.choice(["VA FORM 21-8940", "VA FORM 21-526EZ"]),
              f"NAME {p.last_first}   SSN XXX-XX-{p.ssn4}"]
    body = ["SECTION II: DISABILITY AND MEDICAL TREATMENT", "  Service-connected disability that prevents work: low back",
            f"  Date you last worked full time: {fmt(d - dt.timedelta(days=300), 'us')}",
            "SECTION III: EMPLOYMENT HISTORY", f"  {rng.choice(['Roofer', 'Warehouse', 'Driver'])}  40 hrs/wk  left due to disability",
            "SECTION IV: SCHOOLING  High school, 2 years college", f"SECTION VI: CERTIFICATION {p.full} {fmt(d, 'us')}"]
    return GeneratedDocument("claim_form", 7, paginate(rng, header, body, style=rng.choice(["page_of", "plain"])), d)


def oth_v5(rng: random.Random, p: Person) -> GeneratedDocument:  # table of contents / exhibit index
    d = _post_date(rng, p)
    header = [rng.choice(["TABLE OF CONTENTS", "INDEX OF EXHIBITS", "EVIDENCE LIST", "C-FILE INDEX"]),
              f"{p.full}   prepared {fmt(d, 'us')}"]
    items = ["DD 214", "Service treatment records", "VA treatment records", "Private medical records", "Buddy statements",
             "Nexus letter", "Rating decision", "MRI report", "C&P examination", "Personal statement"]
    body = [f"Tab {chr(65 + i)}  {item} {'.' * rng.randint(5, 20)} {rng.randint(1, 400)}"
            for i, item in enumerate(_pick(rng, items, rng.randint(4, 10)))]
    return GeneratedDocument("other", 5, paginate(rng, header, body, style="plain"), d)


def oth_v6(rng: random.Random, p: Person) -> GeneratedDocument:  # envelopes, mail receipts, blank scans
    d = _post_date(rng, p)
    kind = rng.randrange(3)
    if kind == 0:
        lines = ["DOMESTIC RETURN RECEIPT", "COMPLETE THIS SECTION ON DELIVERY", f"Article addressed to: {p.full}",
                 f"9590 9402 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(10, 99)}", "Certified Mail",
                 f"Date of delivery {fmt(d, 'us')}", "PS Form 3811"]
    elif kind == 1:
        lines = [p.full.upper(), f"{rng.randint(10, 9999)} {rng.choice(['OAK', 'PINE', 'MAIN'])} ST",
                 f"{rng.choice(['FAYETTEVILLE NC 28301', 'KILLEEN TX 76541', 'CLARKSVILLE TN 37040'])}", "",
                 "FIRST-CLASS MAIL", "US POSTAGE PAID", f"{fmt(d, 'us')}", "RETURN SERVICE REQUESTED"]
    else:
        lines = [rng.choice(["", ".", "-", "~ ."])] + [rng.choice(["", "'", ".", ","]) for _ in range(rng.randint(0, 4))]
    return GeneratedDocument("other", 6, ["\n".join(lines)], d if kind < 2 else None)


def oth_v7(rng: random.Random, p: Person) -> GeneratedDocument:  # unrelated correspondence
    d = _post_date(rng, p)
    kind = rng.randrange(3)
    if kind == 0:
        header = [rng.choice(["Internal Revenue Service", "State Department of Motor Vehicles", "County Tax Assessor"]),
                  fmt(d, "long"), f"{p.full}"]
        body = ["Your account information has been updated.", f"Reference number {rng.randint(10 ** 6, 10 ** 7)}",
                "No action is required at this time. Keep this letter for your records."]
    elif kind == 1:
        header = ["Pharmacy Information Sheet", f"{rng.choice(MEDICATIONS)}", f"Filled {fmt(d, 'us')}"]
        body = ["COMMON USES: This medicine is used to treat pain and inflammation.",
                "SIDE EFFECTS: stomach upset, heartburn, dizziness. Call your doctor if you have black stools.",
                "STORAGE: Store at room temperature away from moisture."]
    else:
        header = [rng.choice(["Insurance Explanation of Benefits", "Appointment reminder", "Billing notice"]),
                  f"Member: {p.full}  Date: {fmt(d, 'us')}"]
        body = [f"Claim number {rng.randint(10 ** 8, 10 ** 9)}", f"Amount billed ${rng.randint(50, 900)}.00",
                "THIS IS NOT A BILL.", "Questions? Call the number on the back of your card."]
    return GeneratedDocument("other", 7, paginate(rng, header, body, style="plain"), d)



VARIANTS: dict[str, list[Variant]] = {
    "service_treatment": [str_v0, str_v1, str_v2, str_v3, str_v4,
                         str_v5, str_v6, str_v7],
    "service_exam": [sexam_v0, sexam_v1, sexam_v2, sexam_v3, sexam_v4,
                    sexam_v5, sexam_v6, sexam_v7],
    "service_personnel": [pers_v0, pers_v1, pers_v2, pers_v3, pers_v4,
                         pers_v5, pers_v6, pers_v7],
    "line_of_duty": [lod_v0, lod_v1, lod_v2, lod_v3, lod_v4,
                    lod_v5, lod_v6, lod_v7],
    "va_treatment": [va_v0, va_v1, va_v2, va_v3, va_v4,
                    va_v5, va_v6, va_v7],
    "private_treatment": [priv_v0, priv_v1, priv_v2, priv_v3, priv_v4,
                         priv_v5, priv_v6, priv_v7],
    "imaging_report": [img_v0, img_v1, img_v2, img_v3, img_v4,
                      img_v5, img_v6, img_v7],
    "cp_exam": [cp_v0, cp_v1, cp_v2, cp_v3, cp_v4,
               cp_v5, cp_v6, cp_v7],
    "medical_opinion": [op_v0, op_v1, op_v2, op_v3, op_v4,
                       op_v5, op_v6, op_v7],
    "rating_decision": [rd_v0, rd_v1, rd_v2, rd_v3, rd_v4,
                       rd_v5, rd_v6, rd_v7],
    "board_decision": [bva_v0, bva_v1, bva_v2, bva_v3, bva_v4,
                      bva_v5, bva_v6, bva_v7],
    "buddy_statement": [bud_v0, bud_v1, bud_v2, bud_v3, bud_v4,
                       bud_v5, bud_v6, bud_v7],
    "personal_statement": [ps_v0, ps_v1, ps_v2, ps_v3, ps_v4,
                          ps_v5, ps_v6, ps_v7],
    "claim_form": [cf_v0, cf_v1, cf_v2, cf_v3, cf_v4,
                  cf_v5, cf_v6, cf_v7],
    "other": [oth_v0, oth_v1, oth_v2, oth_v3, oth_v4,
             oth_v5, oth_v6, oth_v7],
}
# Types whose documents come in runs in a real C-file (sick-call notes, VA progress notes, PT visits).
RUN_TYPES = ("service_treatment", "va_treatment", "private_treatment", "imaging_report")


# --------------------------------------------------------------------------------------------------
# New layouts for the kinds of error a physician found on a claim file written independently of these
# templates (issue 12): multi-page letters and Board decisions whose later pages carry no header, an
# ER visit of two pages, a codesheet filed with its rating decision, a fax cover sheet before the
# records it transmits, documents whose first date is a birth, edition, fax, service-entry or vague
# date, and runs of sick-call entries across SF 600 sheets. Each kind has four training variants (0-1,
# 4-5: two more families added after the first, so development folds can leave two out) and two
# held-out variants (2-3) written with other wording and layout; the eval reports them apart.
# A scenario returns one or more documents (a cover sheet and its records are two).

KIND_TRAIN_VARIANTS = (0, 1, 4, 5, 6, 7)
KIND_HELD_OUT_VARIANTS = (2, 3)
KIND_CORPUS_VERSION = "1"
WRAP = 76

Scenario = Callable[[random.Random, Person], list[GeneratedDocument]]


def _wrap(paragraphs: list[str], width: int = WRAP, indent: str = "") -> list[str]:
    """Paragraphs as a typewriter lays them out: wrapped lines, a blank line between paragraphs, so a
    page break falls in the middle of a sentence."""
    lines: list[str] = []
    for k, para in enumerate(paragraphs):
        words = para.split()
        line = indent
        for word in words:
            if len(line) + len(word) + 1 > width and line.strip():
                lines.append(line.rstrip())
                line = indent
            line += ("" if not line.strip() else " ") + word
        if line.strip():
            lines.append(line.rstrip())
        if k < len(paragraphs) - 1:
            lines.append("")
    return lines


def _pages_of(lines: list[str], rng: random.Random, per_page: tuple[int, int] = (22, 30),
              numbering: str = "none", top: list[str] | None = None) -> list[str]:
    """Lines cut into pages of a letter or decision: the first page opens with top, later pages have no
    header; numbering "none", "dash" ("- 2 -" at the foot), "word" ("Page 2" at the top), "bare" ("2")."""
    lines = list(top or []) + lines
    size = rng.randint(*per_page)
    chunks = [lines[i:i + size] for i in range(0, len(lines), size)] or [[]]
    if len(chunks) > 1 and len([x for x in chunks[-1] if x.strip()]) < 3:  # no near-empty last page
        chunks[-2].extend(chunks.pop())
    pages = []
    for k, chunk in enumerate(chunks, start=1):
        while chunk and not chunk[0].strip():
            chunk = chunk[1:]
        if numbering == "dash" and k > 1:
            chunk = chunk + ["", f"- {k} -"]
        elif numbering == "word" and k > 1:
            chunk = [f"Page {k}"] + chunk
        elif numbering == "bare" and k > 1:
            chunk = chunk + ["", f"{k}"]
        pages.append("\n".join(chunk))
    return pages


def _iso(d: dt.date, precision: str = "day") -> str:
    return d.isoformat() if precision == "day" else (f"{d.year:04d}-{d.month:02d}" if precision == "month"
                                                      else f"{d.year:04d}")


def _doc(record_type: str, variant: int, pages: list[str], d: dt.date | None, kind: str, *,
         precision: str = "day", encounters: list[dt.date] | None = None, title_words: tuple[str, ...] = (),
         forbidden: tuple[str, ...] = ()) -> GeneratedDocument:
    return GeneratedDocument(record_type, variant, pages, d, precision,
                             tuple(_iso(e) for e in encounters) if encounters else None, title_words, forbidden, kind)


DOCTORS = [("Ellen R.", "Castellanos", "MD", "Physical Medicine and Rehabilitation"),
           ("Marcus T.", "Oduya", "DO", "Orthopaedic Surgery"), ("Priya", "Raghunathan", "MD", "Neurology"),
           ("Daniel J.", "Whitcomb", "MD", "Occupational Medicine"), ("Sandra K.", "Ilves", "DO", "Family Medicine"),
           ("Robert A.", "Feinstein", "MD", "Spine Surgery")]
PRACTICES = [("Buckeye Spine & Rehabilitation Associates", "1400 Wilmington Pike, Suite 210", "Dayton, OH 45420"),
             ("Piedmont Orthopaedic Consultants, PLLC", "3301 Healy Dr", "Winston-Salem, NC 27103"),
             ("Gulf Coast Neurology Group", "7710 Merchants Row", "Tampa, FL 33614"),
             ("High Plains Occupational Medicine", "900 S Kansas Ave", "Topeka, KS 66612")]
HOSPITALS = ["Cape Fear Valley Medical Center", "Scott & White Memorial Hospital", "Sentara Leigh Hospital",
             "Kettering Health Main Campus", "St. Joseph Regional Medical Center", "Baptist Health Richmond"]
CHIRO_CLINICS = [("Miami Valley Chiropractic & Spine", "937 555 0149"), ("Sandhills Family Chiropractic", "910 555 0188"),
                 ("Alamo Chiropractic and Wellness", "210 555 0170"), ("Chiropractic Health Center of Killeen", "254 555 0126")]
PT_CLINICS = [("Lakeside Physical Therapy & Sports Rehab", "813 555 0112"), ("Back In Motion Physical Therapy", "254 555 0131"),
              ("Summit Rehab and Physical Therapy", "719 555 0107")]


def _doctor(rng: random.Random) -> tuple[str, str, str, str]:
    return rng.choice(DOCTORS)


def _history_paragraphs(rng: random.Random, p: Person) -> list[str]:
    injury_year = p.entered.year + rng.randint(1, 3)
    return [
        f"{p.full} served on active duty in the {p.branch.title()} from {fmt(p.entered, 'long')} to "
        f"{fmt(p.separated, 'long')} as {p.mos}. His duties included repeated load carriage, vehicle work and "
        f"{rng.choice(['parachute operations', 'field exercises', 'shipboard maintenance', 'ruck marches'])}.",
        f"The service treatment records document {rng.choice(COMPLAINTS)} in {injury_year}, treated with "
        f"{rng.choice(['Motrin and a temporary profile', 'light duty and physical therapy', 'rest and muscle relaxants'])}, "
        "and further sick-call visits for the low back in the years that followed.",
        f"Since separation the veteran has had {rng.choice(['continuous', 'recurring', 'worsening'])} low back pain. "
        f"He was seen at a VA clinic in {p.separated.year + rng.randint(1, 4)} and began chiropractic care in "
        f"{p.separated.year + rng.randint(2, 6)}.",
    ]


def _opinion_paragraphs(rng: random.Random, p: Person) -> list[str]:
    return [
        "I have reviewed the service treatment records, the DD 214, the VA treatment records, the private treatment "
        "records, the MRI report and the VA examination with its opinion.",
        f"On examination the veteran walked with {rng.choice(['an antalgic gait favoring the right', 'a guarded gait', 'a single point cane'])}. "
        f"{rng.choice(EXAM_FINDINGS)} {rng.choice(EXAM_FINDINGS)}",
        f"It is my opinion that the veteran's {rng.choice(['lumbar degenerative disc disease', 'chronic lumbar strain with radiculopathy', 'lumbar spondylosis'])} "
        f"is {rng.choice(OPINION_PHRASES)} caused by or the result of his military service, in particular the "
        "documented in-service injury and years of repetitive axial loading.",
        "The VA examiner attributed the condition to the natural aging process but did not address the documented "
        "injury, the continuity of symptoms reported since service, or the level at which the degeneration is "
        "concentrated, which is the level loaded most by the duties described.",
        "The medical literature supports repetitive heavy load carriage and hard landings as causes of early disc "
        "degeneration in young service members, years before such changes would be expected from age alone.",
    ]


# --- kind "letter": multi-page letters whose later pages have no header ------------------------------

def letter_k0(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # nexus letter on letterhead
    d = _post_date(rng, p)
    first, last, cred, field_ = _doctor(rng)
    name, street, city = rng.choice(PRACTICES)
    top = [name.upper(), f"{first} {last}, {cred} - {field_}", f"{street}, {city}",
           f"Tel ({rng.randint(200, 989)}) 555-{rng.randint(1000, 9999)}", "", fmt(d, "long"), "",
           "Department of Veterans Affairs", "Evidence Intake Center, PO Box 4444, Janesville, WI 53547-4444", "",
           f"RE: Veteran {p.full}", "Independent medical opinion: lumbar spine", "", "Dear Sir or Madam:", ""]
    body = _wrap(_history_paragraphs(rng, p) + _opinion_paragraphs(rng, p)
                 + ["I have no financial interest in the outcome of this claim. This opinion is given to a reasonable "
                    "degree of medical certainty."]) + ["", "Sincerely,", "", f"/s/ {first} {last}, {cred}", field_]
    pages = _pages_of(body, rng, numbering=rng.choice(["none", "none", "dash"]), top=top)
    return [_doc("medical_opinion", 0, pages, d, "letter", title_words=("opinion", last.lower()),
                 forbidden=(p.last.lower(),))]


def letter_k1(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # typed lay letter
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    top = [f"{wf} {wl}", f"{rng.randint(10, 9999)} {rng.choice(['Oak', 'Pine', 'Main', 'Elm', 'Cedar'])} Street",
           rng.choice(["Fayetteville, NC 28301", "Killeen, TX 76541", "Clarksville, TN 37040"]), "", fmt(d, "us"), "",
           "To whom it may concern,", ""]
    paras = [f"My name is {wf} {wl} and I served with {p.full} in {p.unit} at {p.base}. I was his "
             f"{rng.choice(['team leader', 'squad leader', 'roommate in the barracks', 'driver'])} for about "
             f"{rng.randint(2, 5)} years.",
             f"I was there the day he {rng.choice(['landed hard on a night jump', 'fell off the back of the truck', 'went down under his ruck on a march'])}. "
             "He could not get up for several minutes and we carried his gear for him the rest of the day. He went to "
             "sick call the next morning and came back with Motrin and a profile.",
             "After that he was never the same. He complained about his back after every road march, he walked stiff "
             "and bent over in the mornings, and he kept a bottle of pain pills in his cargo pocket. He still did his "
             "job because he did not want anyone to think he was getting over.",
             f"We have stayed in touch since we got out in {p.separated.year}. His back has bothered him the whole time, "
             "and the last few years he has had trouble working and uses a cane on bad days.",
             "Everything in this letter is true to the best of my knowledge. I am willing to be contacted."]
    body = _wrap(paras) + ["", "Respectfully,", "", f"{wf} {wl}", f"Former {rng.choice(RANKS)}, {p.unit}"]
    pages = _pages_of(body, rng, per_page=(14, 20), numbering=rng.choice(["none", "bare"]), top=top)
    return [_doc("buddy_statement", 1, pages, d, "letter", title_words=("statement",), forbidden=(p.last.lower(),))]


def letter_k2(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: veteran's own long letter
    d = _post_date(rng, p)
    top = [f"From: {p.full}", f"Date of birth: {fmt(p.dob, 'us')}   VA file no. XXX-XX-{p.ssn4}", "",
           "Dear Rating Officer,", ""]
    injury = p.entered + dt.timedelta(days=rng.randint(400, 1200))
    paras = [f"I am writing about my claim for my lower back and my right leg. I joined the {p.branch.title()} in "
             f"{p.entered.year} and served until {p.separated.year}. I want to explain what happened and what my life "
             "has been like since then, because I do not think the examiner understood it.",
             f"In {injury.year} I hurt my back {rng.choice(['on a training jump', 'loading a truck', 'during a field problem'])}. "
             "I went to the aid station and they gave me pills and told me to take it easy for a week. Nobody took an "
             "X-ray. I did not want to be the guy on profile so I went back to work and kept my mouth shut.",
             "For the rest of my time in I had flare ups every few months. Some of them are in my records and some "
             "are not, because I treated them myself with ibuprofen and heat and I only went to sick call when I "
             "could not bend over to put my boots on.",
             f"After I got out I tried to work construction but I could not keep up. In {p.separated.year + 3} I went "
             "to a chiropractor and later to the VA. Now the pain goes down my right leg and I cannot sit through a "
             "movie or drive more than an hour without stopping.",
             "I am asking you to look at my whole record and not just the separation exam, because I did not report "
             "everything at the time. My wife and my old squad leader wrote statements that say the same thing.",
             "Thank you for reading this."]
    body = _wrap(paras, width=72) + ["", "Sincerely,", "", p.full, f"Date: {fmt(d, 'us')}"]
    pages = _pages_of(body, rng, per_page=(16, 22), numbering=rng.choice(["none", "word"]), top=top)
    return [_doc("personal_statement", 2, pages, d, "letter", title_words=("statement",),
                 forbidden=(p.last.lower(),))]


def letter_k3(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: opinion letter to the Board
    d = _post_date(rng, p)
    first, last, cred, field_ = _doctor(rng)
    name, street, city = rng.choice(PRACTICES)
    top = [f"{first} {last}, {cred}", f"Board Certified, {field_}", f"{name} | {street} | {city}", "",
           f"{fmt(d, 'long')}", "", "Veterans Law Judge", "Board of Veterans' Appeals, PO Box 27063",
           "Washington, DC 20038", "", f"In the appeal of: {p.full}", "", "Dear Judge:", ""]
    paras = [f"At the request of the veteran's representative I examined {p.full} and reviewed his claims file. I "
             "write to answer the question the Board asked in its remand: whether the current low back disability "
             "is related to the injuries documented in service."] + _history_paragraphs(rng, p)[1:] + [
        "My review of the file found sick-call entries for the low back on several occasions, a temporary profile, "
        "and a separation history on which the veteran checked recurrent back pain. The imaging since service shows "
        "disc degeneration concentrated at L4-5 and L5-S1 with a protrusion contacting a nerve root.",
        f"In my opinion the disability is {rng.choice(OPINION_PHRASES)} related to the in-service injuries. The "
        "pattern and the timing fit a traumatic and repetitive loading mechanism; an age-related process alone "
        "would not be expected to produce this degree of change in a man of his age.",
        "Please do not hesitate to contact my office if the Board requires anything further."]
    body = _wrap(paras, width=80) + ["", "Respectfully submitted,", "", f"/s/ {first} {last}, {cred}"]
    pages = _pages_of(body, rng, per_page=(18, 26), numbering="none", top=top)
    return [_doc("medical_opinion", 3, pages, d, "letter", title_words=("opinion", last.lower()),
                 forbidden=(p.last.lower(),))]


# --- kind "board": Board decisions whose later pages have no header, one reading like an opinion -------

def _board_reasons(rng: random.Random, p: Person) -> list[str]:
    first, last, cred, _ = _doctor(rng)
    return [
        "The Veteran contends that his low back disability began with an injury in service and has continued since. "
        "Service connection may be granted for a disability resulting from disease or injury incurred in or "
        "aggravated by active service. 38 U.S.C. 1110; 38 C.F.R. 3.303.",
        f"The service treatment records show that in {p.entered.year + 2} the Veteran was seen for "
        f"{rng.choice(COMPLAINTS)}, and he was treated with medication and a profile. The separation report of "
        "medical history notes recurrent back pain.",
        f"In a private opinion, Dr. {first} {last} wrote that the Veteran's lumbar degenerative disc disease is "
        f"{rng.choice(OPINION_PHRASES)} related to the documented injury and to the repetitive axial loading of his "
        "duties. The physician explained that the degeneration is concentrated at the levels loaded most by those "
        "duties and that the medical literature supports early degeneration after such trauma.",
        "By contrast, the VA examiner concluded that the condition was less likely than not incurred in or caused by "
        "service, reasoning that a strain is expected to resolve and that the imaging shows changes consistent with "
        "the natural aging process. The examiner did not discuss the Veteran's reports of continuous symptoms.",
        "The Board finds the private opinion more probative. It rests on an accurate history, it is supported by a "
        "clear rationale, and it accounts for the lay evidence, which the Board finds competent and credible. The "
        "evidence is at least in approximate balance, and the benefit of the doubt is resolved in the Veteran's favor.",
    ]


def board_k0(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # legacy decision, sections, no headers
    d = _post_date(rng, p)
    judge = f"{rng.choice(FIRST)} {rng.choice(LAST)}".upper()
    top = [f"Citation Nr: {rng.randint(10 ** 7, 10 ** 8 - 1)}", f"Decision Date: {fmt(d, 'us')}",
           f"Archive Date: {fmt(d + dt.timedelta(days=rng.randint(2, 9)), 'us')}", "",
           f"DOCKET NO. {rng.randint(10, 24)}-{rng.randint(10000, 99999)}", "",
           "On appeal from the Department of Veterans Affairs Regional Office", "", "THE ISSUE", ""]
    body = _wrap(["Entitlement to service connection for a low back disability."]) + ["", "REPRESENTATION", ""] + _wrap(
        [f"Veteran represented by: {rng.choice(['Disabled American Veterans', 'The American Legion', 'Veterans of Foreign Wars'])}"]
    ) + ["", "ATTORNEY FOR THE BOARD", "", f"{rng.choice(FIRST)} {rng.choice(LAST)}, Associate Counsel", "",
         "FINDING OF FACT", ""] + _wrap(["The Veteran's low back disability is at least as likely as not related to an "
                                          "injury in service."]) + ["", "CONCLUSION OF LAW", ""] + _wrap(
        ["The criteria for service connection for a low back disability are met. 38 U.S.C. 1110, 5107; "
         "38 C.F.R. 3.102, 3.303."]) + ["", "REASONS AND BASES FOR FINDING AND CONCLUSION", ""] + _wrap(
        _board_reasons(rng, p)) + ["", "ORDER", ""] + _wrap(["Service connection for a low back disability is granted."]) + [
        "", "", judge, "Veterans Law Judge, Board of Veterans' Appeals"]
    pages = _pages_of(body, rng, per_page=(20, 28), numbering="none", top=top)
    return [_doc("board_decision", 0, pages, d, "board", title_words=("board",))]


def board_k1(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # AMA decision, order first, page numbers
    d = _post_date(rng, p)
    top = ["BOARD OF VETERANS' APPEALS", "DEPARTMENT OF VETERANS AFFAIRS", "", f"IN THE APPEAL OF {p.full.upper()}",
           f"Docket No. {rng.randint(200000, 299999)}-{rng.randint(1000, 9999)}", f"Represented by {rng.choice(['DAV', 'VFW', 'Attorney'])}",
           "", f"DATE: {fmt(d, 'long')}", "", "ORDER", ""]
    body = _wrap(["Entitlement to service connection for lumbar degenerative disc disease is granted.",
                  "Entitlement to service connection for a left knee disability, claimed as secondary, is remanded."]) + [
        "", "FINDING OF FACT", ""] + _wrap(["The evidence is at least in equipoise as to whether the lumbar disability "
                                            "began in service."]) + ["", "CONCLUSION OF LAW", ""] + _wrap(
        ["The criteria for service connection for lumbar degenerative disc disease are met."]) + [
        "", "REASONS AND BASES FOR FINDINGS AND CONCLUSIONS", ""] + _wrap(_board_reasons(rng, p)) + [
        "", "REMANDED MATTER", ""] + _wrap(["The left knee claim must be remanded for an examination that addresses "
                                            "whether the knee is caused or aggravated by the now service-connected "
                                            "lumbar disability, including through an altered gait."]) + [
        "", "", f"{rng.choice(LAST).upper()}", "Veterans Law Judge", "Board of Veterans' Appeals"]
    pages = _pages_of(body, rng, per_page=(20, 28), numbering=rng.choice(["dash", "bare", "none"]), top=top)
    return [_doc("board_decision", 1, pages, d, "board", title_words=("board",))]


def board_k2(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: decision whose pages read like opinions
    d = _post_date(rng, p)
    first, last, cred, _ = _doctor(rng)
    top = [f"BVA DECISION   Citation Nr: A{rng.randint(10 ** 7, 10 ** 8 - 1)}", f"Decision Date: {fmt(d, 'us')}",
           f"Appellant: {p.full}", "", "INTRODUCTION", ""]
    paras = [f"The Veteran served on active duty from {fmt(p.entered, 'long')} to {fmt(p.separated, 'long')}. This "
             "matter comes before the Board on appeal from a rating decision that denied service connection.",
             "The medical evidence on the question of nexus is summarized below before the Board weighs it."]
    evidence = [
        f"In a letter, Dr. {first} {last} stated that the physician had treated the Veteran for years and had reviewed "
        "his service records. The physician opined that his lumbar disc disease is at least as likely as not the "
        "result of the repeated injuries and heavy loads of his service. The rationale was that the degeneration is far advanced "
        "for his age, that it is concentrated at the levels injured, and that the medical literature describes "
        "accelerated disc degeneration after axial loading and trauma in young adults.",
        "The physician added that his symptoms were documented in service, at separation, and continuously afterward, "
        "and that his weight gain and later work did not explain a condition already present, and concluded, to a "
        "reasonable degree of medical certainty, that the disability is related to service.",
        "A VA examiner reached the opposite conclusion, finding it less likely than not that the condition was "
        "incurred in service because the in-service strains resolved and the changes are typical of aging.",
    ]
    analysis = ["The Board finds the private opinion more persuasive because it considers the whole record, including "
                "the competent lay reports of continuous symptoms, while the VA opinion does not. Resolving "
                "reasonable doubt in the Veteran's favor, service connection is warranted.",
                "ORDER: Service connection for lumbar degenerative disc disease is granted."]
    body = _wrap(paras) + ["", "FINDINGS OF FACT AND EVIDENCE", ""] + _wrap(evidence) + ["", "ANALYSIS", ""] + _wrap(
        analysis) + ["", f"{rng.choice(FIRST)} {rng.choice(LAST)}", "Veterans Law Judge"]
    pages = _pages_of(body, rng, per_page=(12, 16), numbering="none", top=top)
    return [_doc("board_decision", 2, pages, d, "board", title_words=("board",))]


def board_k3(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: remand, text runs across pages
    d = _post_date(rng, p)
    top = [f"Citation Nr: {rng.randint(10 ** 7, 10 ** 8 - 1)}     Decision Date: {fmt(d, 'us')}",
           f"DOCKET NO. {rng.randint(10, 24)}-{rng.randint(10000, 99999)}", f"IN THE APPEAL OF: {p.last_first}", "",
           "REMAND", ""]
    paras = ["The Board regrets the additional delay, but a remand is required before the claims can be decided. "
             "The Veteran seeks service connection for a low back disability and for a left knee disability he "
             "contends is secondary to the back.",
             f"The record shows that the Veteran was treated in service for {rng.choice(COMPLAINTS)}. A VA examiner "
             "later concluded that the current disability is less likely than not related to service, but the "
             "examiner's rationale relied on the absence of treatment records for several years after separation "
             "and did not address the Veteran's competent and credible statements that his pain continued without "
             "interruption, nor the private treating physician's statement that the condition is at least as likely "
             "as not related to the injuries of service.",
             "An opinion that does not consider the Veteran's lay statements is inadequate. Once VA undertakes to "
             "provide an examination it must provide an adequate one. The knee claim is inextricably intertwined.",
             "Accordingly, the case is REMANDED for the following action: 1. Obtain all outstanding VA treatment "
             "records. 2. Schedule an orthopedic examination with a clinician who has not examined the Veteran "
             "before, who must address the lay statements and the private opinion, and who must explain whether an "
             "altered gait from the back has caused or aggravated the knee. 3. Then readjudicate the claims."]
    body = _wrap(paras, width=82) + ["", f"{rng.choice(LAST).upper()}, Veterans Law Judge", "Board of Veterans' Appeals"]
    pages = _pages_of(body, rng, per_page=(10, 14), numbering="none", top=top)
    return [_doc("board_decision", 3, pages, d, "board", title_words=("board",))]


# --- kind "er_visit": an emergency department visit of two pages ------------------------------------

def _er_pages(rng: random.Random, p: Person, arrival: dt.datetime, discharge: dt.datetime, hospital: str,
              head_style: int) -> list[str]:
    doc_ = f"{rng.choice(['Kevin', 'Lauren', 'Omar', 'Grace'])} {rng.choice(['Tran', 'Maddox', 'Okoye', 'Lindgren'])}, MD"
    if head_style == 0:
        first = [hospital.upper(), "EMERGENCY DEPARTMENT RECORD",
                 f"Patient: {p.last_first}   DOB: {fmt(p.dob, 'us')}   MRN {rng.randint(10 ** 6, 10 ** 7)}",
                 f"Arrival: {fmt(arrival.date(), 'us')} {arrival:%H:%M}   Triage level {rng.randint(2, 4)}"]
    else:
        first = [f"{hospital} - Emergency Services", "ED PHYSICIAN DOCUMENTATION",
                 f"Name: {p.full}   Sex: M   Age: {arrival.year - p.dob.year}",
                 f"Date of service: {fmt(arrival.date(), 'us')}   Time seen: {arrival:%H%M}"]
    page1 = first + ["", f"CHIEF COMPLAINT: {rng.choice(COMPLAINTS)}", "HISTORY OF PRESENT ILLNESS:"] + _wrap(
        [f"The patient is a {arrival.year - p.dob.year} year old veteran who presents with {rng.choice(COMPLAINTS)}. "
         "He reports a long history of low back pain since military service that flared today after lifting. He "
         "denies bowel or bladder changes, saddle anesthesia, fever or trauma other than the lifting."]) + [
        "", f"VITALS: {_vitals(rng)}", "PHYSICAL EXAMINATION:"] + _wrap([rng.choice(EXAM_FINDINGS), rng.choice(EXAM_FINDINGS)])
    page2 = _wrap([f"{rng.choice(['ED course', 'Course in the department', 'Emergency department course'])}: the "
                   "patient was given ketorolac 30 mg IM and diazepam 5 mg PO with good relief and was able to walk "
                   "with a steady gait afterward. Lumbar X-rays showed degenerative changes without fracture."]) + [
        "", "MEDICAL DECISION MAKING:"] + _wrap(["Acute exacerbation of chronic low back pain without red flags. Low "
                                                 "suspicion for cauda equina syndrome or infection."]) + [
        "", f"DIAGNOSIS: {rng.choice(ASSESSMENTS)}",
        f"DISPOSITION: Discharged home {fmt(discharge.date(), 'us')} {discharge:%H:%M} in stable condition.",
        f"Follow up with primary care in {rng.randint(3, 10)} days. Return for new weakness or numbness.",
        "", f"Electronically signed by {doc_} {fmt(discharge.date(), 'us')} {discharge:%H:%M}"]
    return ["\n".join(page1), "\n".join(page2)]


def er_k0(rng: random.Random, p: Person) -> list[GeneratedDocument]:
    d = _post_date(rng, p)
    arrival = dt.datetime.combine(d, dt.time(rng.randint(19, 23), rng.randint(0, 59)))
    discharge = arrival + dt.timedelta(hours=rng.randint(2, 6))
    pages = _er_pages(rng, p, arrival, discharge, rng.choice(HOSPITALS), 0)
    return [_doc("private_treatment", 0, pages, d, "er_visit", title_words=("emergency",), forbidden=(p.last.lower(),))]


def er_k1(rng: random.Random, p: Person) -> list[GeneratedDocument]:
    d = _post_date(rng, p)
    arrival = dt.datetime.combine(d, dt.time(rng.randint(8, 22), rng.randint(0, 59)))
    discharge = arrival + dt.timedelta(hours=rng.randint(1, 9))
    pages = _er_pages(rng, p, arrival, discharge, rng.choice(HOSPITALS), 1)
    return [_doc("private_treatment", 1, pages, d, "er_visit", title_words=("emergency",), forbidden=(p.last.lower(),))]


def er_k2(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: visit summary + discharge page
    d = _post_date(rng, p)
    hospital = rng.choice(HOSPITALS)
    arrival = dt.datetime.combine(d, dt.time(rng.randint(20, 23), rng.randint(0, 59)))
    discharge = arrival + dt.timedelta(hours=rng.randint(3, 7))
    page1 = [f"{hospital}", "Emergency Department Visit Summary", f"{p.full}   Visit date {fmt(d, 'long')}",
             f"Attending: {rng.choice(CLINICIANS)}", "", "Reason for visit", f"  {rng.choice(COMPLAINTS)}",
             "Provider notes"] + _wrap([f"Veteran with chronic back pain, today {rng.choice(COMPLAINTS)}. "
                                        f"{rng.choice(EXAM_FINDINGS)} {rng.choice(EXAM_FINDINGS)}"], indent="  ") + [
        "Orders", "  Ketorolac 15 mg IV; lumbar spine X-ray 2 views", "Results",
        "  X-ray: mild degenerative changes, no acute fracture"]
    page2 = ["Patient discharge instructions", f"Discharge date/time: {fmt(discharge.date(), 'us')} {discharge:%I:%M %p}",
             "", "Diagnoses", f"  {rng.choice(ASSESSMENTS)}", "Medications",
             "  Cyclobenzaprine 5 mg at bedtime as needed; naproxen 500 mg twice daily with food",
             "Follow-up", "  Your VA primary care team within 1 week", "Return precautions"] + _wrap(
        ["Come back right away for numbness in the groin, loss of bladder or bowel control, fever, or new weakness."],
        indent="  ") + ["", "I have received and understand these instructions.", f"Patient signature: {p.full}"]
    return [_doc("private_treatment", 2, ["\n".join(page1), "\n".join(page2)], d, "er_visit",
                 title_words=("emergency",), forbidden=(p.last.lower(),))]


def er_k3(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: HPI runs onto page two
    d = _post_date(rng, p)
    hospital = rng.choice(HOSPITALS)
    page_text = [hospital.upper() + " - EMERGENCY ROOM", f"PATIENT NAME: {p.last_first}",
                 f"DATE OF VISIT: {fmt(d, 'mil')}   ARRIVAL MODE: private vehicle", "", "HPI:"] + _wrap([
        f"{p.first} is a veteran with a history of low back injury in the {p.branch.title()} who comes in with "
        f"{rng.choice(COMPLAINTS)}. He took ibuprofen at home without relief. The pain is worse with sitting and "
        "coughing and radiates into the back of the right thigh but not below the knee. He has had similar episodes "
        "about twice a year since his discharge and was told years ago that he had a bulging disc. He denies fever, "
        "weight loss, urinary retention or incontinence, and he has not fallen. He works in a warehouse and has "
        "missed the last two shifts because he cannot stand for long without the pain getting worse, and his wife "
        "drove him here tonight because he could not get comfortable in the car."]) + [
        "", "EXAM:"] + _wrap([rng.choice(EXAM_FINDINGS), rng.choice(EXAM_FINDINGS), rng.choice(EXAM_FINDINGS)]) + [
        "", "IMPRESSION AND PLAN:"] + _wrap([f"{rng.choice(ASSESSMENTS)} Toradol and Valium given. Home with a "
                                              "short course of muscle relaxant and NSAID. Follow up with the VA."]) + [
        "", f"{rng.choice(CLINICIANS)}, ER physician"]
    cut = rng.randint(8, 11)
    return [_doc("private_treatment", 3, ["\n".join(page_text[:cut]), "\n".join(page_text[cut:])], d, "er_visit",
                 title_words=("emergency",), forbidden=(p.last.lower(),))]


# --- kind "codesheet": a rating decision with its codesheet (one document); a codesheet alone -------

def _codesheet(rng: random.Random, p: Person, decided: dt.date, style: int) -> str:
    if style == 0:
        lines = ["RATING CODE SHEET", f"NAME OF VETERAN: {p.last_first}   VA FILE NUMBER: XX XXX {p.ssn4}",
                 f"ACTIVE DUTY: EOD {fmt(p.entered, 'us')}  RAD {fmt(p.separated, 'us')}  {p.branch}",
                 f"RATING DECISION DATE: {fmt(decided, 'us')}", "", "SC CODE  DIAGNOSIS                          EFFECTIVE   %"]
    else:
        lines = ["CODESHEET", f"{p.last_first}   C {rng.randint(10 ** 7, 10 ** 8)}",
                 f"SVC: {p.branch}  EOD {fmt(p.entered, 'ymd')}  RAD {fmt(p.separated, 'ymd')}  CHAR HON",
                 f"DATE OF DECISION: {fmt(decided, 'us')}   PROMULGATION DATE: {fmt(decided, 'us')}", "",
                 "SUBJECT TO COMPENSATION (1.SC)"]
    for _ in range(rng.randint(1, 4)):
        lines.append(f"{rng.choice(['5237', '5242', '5260', '8520'])}  {rng.choice(ASSESSMENTS):<34} "
                     f"{fmt(decided - dt.timedelta(days=rng.randint(60, 300)), 'us')}  {rng.choice([0, 10, 20, 40])}")
    lines += ["NOT SERVICE CONNECTED: " + rng.choice(ASSESSMENTS), f"COMBINED: {rng.choice([10, 30, 50])}%",
              f"/s/ {rng.choice(LAST).upper()}, RVSR"]
    return "\n".join(lines)


def _rating_pages(rng: random.Random, p: Person, d: dt.date, style: int) -> list[str]:
    office = rng.choice(["Cleveland", "Winston-Salem", "Waco", "St. Petersburg", "Muskogee"])
    if style == 0:
        top = ["DEPARTMENT OF VETERANS AFFAIRS", "Veterans Benefits Administration", f"{office} Regional Office", "",
               "RATING DECISION", f"{' ' * 40}{fmt(d, 'long')}", f"NAME OF VETERAN: {p.full.upper()}"]
    else:
        top = [f"{office.upper()} REGIONAL OFFICE", "Rating Decision", f"Veteran: {p.full}",
               f"Decision date: {fmt(d, 'us')}", f"Service: EOD {fmt(p.entered, 'us')} - RAD {fmt(p.separated, 'us')}"]
    body = ["", "INTRODUCTION"] + _wrap([f"The records reflect that you are a veteran who served from "
                                          f"{fmt(p.entered, 'long')} to {fmt(p.separated, 'long')}. You filed a claim "
                                          f"received on {fmt(d - dt.timedelta(days=rng.randint(90, 300)), 'long')}."]) + [
        "", "DECISION"] + _wrap([f"Service connection for {rng.choice(['lumbar strain', 'lumbar degenerative disc disease', 'left knee condition'])} "
                                 f"is {rng.choice(['denied', 'granted with an evaluation of 10 percent', 'granted with an evaluation of 20 percent'])}."]) + [
        "", "EVIDENCE", "- Service treatment records", "- VA treatment records",
        f"- VA examination, {fmt(d - dt.timedelta(days=rng.randint(20, 90)), 'long')}", "", "REASONS FOR DECISION"] + _wrap(
        ["Service connection may be granted for a disability which began in military service or was caused by some "
         "event or experience in service. The VA examiner's opinion and the treatment records were weighed; the "
         "evaluation assigned reflects the limitation of motion shown on examination under diagnostic code 5242."])
    lines = top + body
    cut = rng.randint(14, 20)
    return ["\n".join(lines[:cut]), "\n".join(lines[cut:])]


def codesheet_k0(rng: random.Random, p: Person) -> list[GeneratedDocument]:
    d = _post_date(rng, p)
    pages = _rating_pages(rng, p, d, 0) + [_codesheet(rng, p, d, 0)]
    return [_doc("rating_decision", 0, pages, d, "codesheet", title_words=("rating decision",))]


def codesheet_k1(rng: random.Random, p: Person) -> list[GeneratedDocument]:
    d = _post_date(rng, p)
    pages = _rating_pages(rng, p, d, 1) + [_codesheet(rng, p, d, 1)]
    return [_doc("rating_decision", 1, pages, d, "codesheet", title_words=("rating decision",))]


def codesheet_k2(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: other decision layout
    d = _post_date(rng, p)
    office = rng.choice(["Denver", "Phoenix", "Roanoke", "Nashville"])
    first = [f"VA {office} Regional Office", "", "RATING DECISION", f"Claimant: {p.last_first}",
             f"Date: {fmt(d, 'long')}", "", "ISSUES"] + _wrap(["1. Service connection for lumbar spine condition.",
                                                              "2. Service connection for radiculopathy, right lower extremity."]) + [
        "", "DECISION"] + _wrap([f"1. Service connection for lumbar spine condition is granted at {rng.choice([10, 20, 40])} percent.",
                                 "2. Service connection for radiculopathy of the right lower extremity is denied."])
    second = ["REASONS FOR DECISION"] + _wrap([
        "1. The evidence shows a current diagnosis, an in-service injury and a favorable medical opinion linking "
        "the two; the evaluation is based on forward flexion measured at the VA examination.",
        "2. The examination found no objective neurological deficit; the reported leg pain is contemplated in the "
        "evaluation of the spine."]) + ["", "/s/ " + rng.choice(LAST).upper(), "Rating Veterans Service Representative"]
    code = ["CODE SHEET", f"{p.last_first}", f"EOD {fmt(p.entered, 'mil')}   RAD {fmt(p.separated, 'mil')}",
            f"DECISION DATE {fmt(d, 'mil')}", "SC: 5242 DEGENERATIVE ARTHRITIS OF THE SPINE  " + f"{rng.choice([10, 20, 40])}%",
            "NSC: 8520 RADICULOPATHY RLE", f"COMBINED {rng.choice([10, 20, 40])}%"]
    pages = ["\n".join(first), "\n".join(second), "\n".join(code)]
    return [_doc("rating_decision", 2, pages, d, "codesheet", title_words=("rating decision",))]


def codesheet_k3(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: a codesheet on its own
    d = _post_date(rng, p)
    code = ["VA RATING CODE SHEET", f"VETERAN: {p.last_first}",
            f"SERVICE PERIOD: {fmt(p.entered, 'us')} TO {fmt(p.separated, 'us')}   BRANCH: {p.branch}",
            f"PROMULGATION DATE: {fmt(d, 'us')}", ""]
    code += [f"{rng.choice(['5237', '5242', '5260'])}  {rng.choice(ASSESSMENTS)}  "
             f"{rng.choice([0, 10, 20])}% from {fmt(d - dt.timedelta(days=rng.randint(30, 200)), 'us')}"
             for _ in range(rng.randint(2, 4))]
    code += [f"COMBINED EVALUATION: {rng.choice([10, 30, 40])}%"]
    return [_doc("rating_decision", 3, ["\n".join(code)], d, "codesheet", title_words=("code sheet",))]


# --- kind "fax": a fax cover sheet, then the visit notes it transmits (two documents) ----------------

def _banner(sent: dt.datetime, clinic: str, phone: str, k: int, n: int, style: int) -> str:
    if style == 0:
        return f"{sent:%b-%d-%Y %H:%M}".upper() + f"   FROM: {clinic.upper()[:22]}   {phone}        P.{k}/{n}"
    if style == 1:
        return f"{sent:%m/%d/%Y} {sent:%H:%M}  FAX {phone.replace(' ', '')}  {clinic.upper()[:20]}  PAGE {k:02d}/{n:02d}"
    return f"Received: {sent:%m/%d/%Y} {sent:%I:%M%p}; From: {phone} -> VA EIC; Page {k} of {n}"


def _visits(rng: random.Random, p: Person, n: int, start: dt.date) -> list[dt.date]:
    days = [start]
    for _ in range(n - 1):
        days.append(days[-1] + dt.timedelta(days=rng.randint(2, 10)))
    return days


def _chiro_visit(rng: random.Random, d: dt.date, style: int, provider: str) -> list[str]:
    if style == 0:
        return [f"Date of Service: {fmt(d, 'us')}   Visit #{rng.randint(2, 20)}",
                f"S: {rng.choice(COMPLAINTS).capitalize()}. Pain {rng.randint(3, 8)}/10.",
                f"O: {rng.choice(EXAM_FINDINGS)} Restricted motion L4/L5, right SI.",
                f"A: {rng.choice(ASSESSMENTS)}", "P: Diversified adjustment lumbar/pelvis, EMS, moist heat. Home stretches.",
                f"{provider}", ""]
    return [f"DOS {fmt(d, 'us2')}  --  Daily note", f"Subjective: {rng.choice(COMPLAINTS).capitalize()}.",
            f"Treatment: therex {rng.randint(15, 30)} min, manual therapy {rng.randint(8, 15)} min, TENS",
            f"Objective: {rng.choice(EXAM_FINDINGS)}", f"Assessment: {rng.choice(['tolerated well', 'slow progress', 'limited by pain'])}.",
            f"Plan: continue plan of care 2x/week. {provider}", ""]


def _fax_scenario(rng: random.Random, p: Person, variant: int, cover_style: int, visit_style: int,
                  banner_style: int, banner_at_top: bool) -> list[GeneratedDocument]:
    clinic, phone = rng.choice(CHIRO_CLINICS if visit_style == 0 else PT_CLINICS)
    first_visit = _post_date(rng, p)
    visits = _visits(rng, p, rng.randint(3, 7), first_visit)
    sent_day = visits[-1] + dt.timedelta(days=rng.randint(5, 60))
    sent = dt.datetime.combine(sent_day, dt.time(rng.randint(8, 16), rng.randint(0, 59)))
    provider = rng.choice(["Thomas J. Baird, D.C.", "Angela Ruiz, DC"] if visit_style == 0 else
                          ["Mark Feldman, DPT", "Jen Okafor, PT, DPT"])
    per_page = 2 if len(visits) > 3 else rng.choice([1, 2])
    chunks = [visits[i:i + per_page] for i in range(0, len(visits), per_page)]
    n = len(chunks) + 1
    if cover_style == 0:
        cover = ["FAX COVER SHEET", "", f"To: {rng.choice(['VA Evidence Intake Center', 'Records Dept', 'Claims Processing'])}",
                 f"Fax: {rng.choice(['844-531-7818', '248-524-4260'])}", f"From: {clinic}", f"Phone: {phone}",
                 f"Date: {fmt(sent_day, 'us')}", f"Pages (including cover): {n}", f"Re: records for {p.full}", ""]
    elif cover_style == 1:
        cover = ["FACSIMILE TRANSMITTAL", f"DATE: {fmt(sent_day, 'long')}", "TO: VA Claims Intake", f"FROM: {clinic}",
                 f"NUMBER OF PAGES INCLUDING COVER: {n}", f"SUBJECT: Treatment notes, {p.last_first}", ""]
    elif cover_style == 2:
        cover = ["F A X", "", "To:     Department of Veterans Affairs", "Fax:    844-531-7818",
                 f"From:   {clinic}   Phone: {phone}", f"Date:   {fmt(sent_day, 'us')}", f"Pages:  {n}",
                 f"Re:     {p.full} - requested records", ""]
    else:
        firm = f"{rng.choice(LAST)} & {rng.choice(LAST)} Veterans Law"
        cover = [firm.upper(), "Transmittal", "", f"Date: {fmt(sent_day, 'long')}", "To: Evidence Intake Center",
                 f"From: {firm}", f"Total pages: {n}", f"Regarding: {p.full}, evidence in support of claim", ""]
    cover += _wrap(["CONFIDENTIALITY NOTICE: This facsimile contains protected health information intended only for "
                    "the recipient named above. If you received it in error, notify the sender and destroy it."])
    pages = []
    for k, chunk in enumerate(chunks, start=2):
        lines: list[str] = []
        if k == 2:
            lines += [clinic.upper(), f"Phone {phone}", "TREATMENT NOTES" if visit_style == 0 else "DAILY NOTES",
                      f"Patient: {p.full}   DOB: {fmt(p.dob, 'us')}", ""]
        else:
            lines += [f"{p.full} (continued)" if rng.random() < 0.5 else ""]
        for v in chunk:
            lines += _chiro_visit(rng, v, visit_style, provider)
        text = "\n".join(lines).strip("\n")
        banner = _banner(sent, clinic, phone, k, n, banner_style)
        pages.append(f"{banner}\n{text}" if banner_at_top else f"{text}\n{banner}")
    cover_text = "\n".join(cover)
    cover_banner = _banner(sent, clinic, phone, 1, n, banner_style)
    cover_page = f"{cover_banner}\n{cover_text}" if banner_at_top else f"{cover_text}\n{cover_banner}"
    records_words = ("chiropractic",) if visit_style == 0 else ("therapy",)
    forbidden = (p.last.lower(), "from:", "p.2", "page 0")
    return [
        _doc("other", variant, [cover_page], sent_day, "fax", title_words=("fax",) if cover_style < 3 else (),
             forbidden=forbidden),
        _doc("private_treatment", variant, pages, visits[0], "fax", encounters=visits, title_words=records_words,
             forbidden=forbidden),
    ]


def fax_k0(rng: random.Random, p: Person) -> list[GeneratedDocument]:
    return _fax_scenario(rng, p, 0, 0, 0, 0, True)


def fax_k1(rng: random.Random, p: Person) -> list[GeneratedDocument]:
    return _fax_scenario(rng, p, 1, 1, 1, 1, True)


def fax_k2(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: untitled cover, banner below
    return _fax_scenario(rng, p, 2, 2, 0, 2, False)


def fax_k3(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: law-firm transmittal, PT notes
    return _fax_scenario(rng, p, 3, 3, 1, rng.choice([0, 1]), True)


# --- kind "dates": a document whose first date is not its date -----------------------------------------

def dates_k0(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # 21-4138: DOB first, edition footer
    d = _post_date(rng, p)
    body = ["STATEMENT IN SUPPORT OF CLAIM", f"1. VETERAN'S NAME: {p.last_first}", f"2. DATE OF BIRTH: {fmt(p.dob, 'us')}",
            f"3. VA FILE NUMBER: XX XXX {p.ssn4}", "", "REMARKS:"] + _wrap(_my_story(rng, p)) + [
        "", f"SIGNATURE: {p.full}", f"DATE SIGNED: {fmt(d, 'us')}", "", "VA FORM 21-4138, JUN 2021"]
    return [_doc("personal_statement", 0, ["\n".join(body)], d, "dates", title_words=("4138",))]


def dates_k1(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # letter dated by month only
    d = _post_date(rng, p).replace(day=1)
    wf, wl = _name(rng)
    body = [f"{MONTH_NAMES[d.month - 1]} {d.year}", "", "To the VA:"] + _wrap(
        [f"I am {p.first}'s {rng.choice(['wife', 'brother', 'mother', 'neighbor'])}. In {p.entered.year + 2} he came "
         "home on leave walking bent over and could not lift his own bag.",
         f"Since he got out in {p.separated.year} his back has gotten worse every year. He stopped coaching our "
         "son's team and he sleeps in a recliner most nights."]) + ["", f"{wf} {wl}"]
    return [_doc("buddy_statement", 1, ["\n".join(body)], d, "dates", precision="month", title_words=("statement",))]


def dates_k2(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: 21-10210, edition + DOBs
    d = _post_date(rng, p)
    wf, wl = _name(rng)
    wdob = _date_between(rng, 1960, 1990)
    body = ["LAY/WITNESS STATEMENT", f"Claimant: {p.full}   Claimant's date of birth: {fmt(p.dob, 'mil')}",
            f"Witness: {wf} {wl}   Born {fmt(wdob, 'mil')}", "Statement:"] + _wrap(_lay_story(rng, p, "buddy")) + [
        "", f"Witness signature: {wf} {wl}            Date signed: {fmt(d, 'mil')}", "",
        "VA FORM 21-10210  SEP 2019 EDITION"]
    return [_doc("buddy_statement", 2, ["\n".join(body)], d, "dates", title_words=("10210",))]


def dates_k3(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: veteran's note dated by month
    d = _post_date(rng, p).replace(day=1)
    body = [f"Veteran: {p.full}", f"Born: {fmt(p.dob, 'long')}", f"Written {MONTH_NAMES[d.month - 1]}, {d.year}", ""] + _wrap(
        [f"I want to add to my claim. I was hurt in {p.entered.year + 1} and again in {p.entered.year + 3}.",
         "I still have the pain every day and it keeps me from working full time."]) + ["", p.full, "",
                                                                                       "VA FORM 21-4138 (REV 6-97)"]
    return [_doc("personal_statement", 3, ["\n".join(body)], d, "dates", precision="month",
                 title_words=("statement",))]


# --- kind "sick_call": runs of SF 600 entries across sheets without headers --------------------------

def _sf600_entry(rng: random.Random, d: dt.date, style: int, clinic: str) -> list[str]:
    who = rng.choice(["R. T. OYELARAN, PA-C", "D. A. FERREIRA, MD, CPT, MC", "J. KIM, PA-C", "S. ABERNATHY, MD"])
    head = f"{fmt(d, 'mil')}   {clinic}   {rng.randint(6, 16):02d}{rng.choice(['00', '15', '30', '45'])} HRS" if style == 0 else (
        f"{fmt(d, 'us')}  {clinic} - {rng.choice(['SICK CALL', 'F/U', 'WALK-IN'])}")
    return [head, f"S: {rng.choice(COMPLAINTS)}.", f"O: {rng.choice(EXAM_FINDINGS)}", f"A: {rng.choice(ASSESSMENTS)}",
            f"P: {rng.choice(PLANS)}", f"   /s/ {who}", ""]


def _sick_call_run(rng: random.Random, p: Person, variant: int, style: int, first_header: list[str],
                   footer: str) -> list[GeneratedDocument]:
    clinic = rng.choice(["TMC #2, FORT BRAGG NC", "BN AID STATION 2-504 PIR", "TROOP MEDICAL CLINIC 3",
                         "SICK CALL, NH CAMP LEJEUNE", "ACUTE CARE CLINIC, DARNALL AMC"])
    start = _service_date(rng, p)
    dates = _visits(rng, p, rng.randint(3, 6), start)
    lines: list[str] = []
    for d in dates:
        lines += _sf600_entry(rng, d, style, clinic)
    size = rng.randint(16, 24)
    chunks = [lines[i:i + size] for i in range(0, len(lines), size)]
    pages = []
    for k, chunk in enumerate(chunks):
        top = first_header if k == 0 else []
        pages.append("\n".join(top + chunk + ["", footer]))
    return [_doc("service_treatment", variant, pages, dates[0], "sick_call", encounters=dates,
                 title_words=("sf 600",) if "600" in footer else (), forbidden=(p.last.lower(),))]


def sick_call_k0(rng: random.Random, p: Person) -> list[GeneratedDocument]:
    header = ["CHRONOLOGICAL RECORD OF MEDICAL CARE",
              "DATE    SYMPTOMS, DIAGNOSIS, TREATMENT, TREATING ORGANIZATION (Sign each entry)"]
    return _sick_call_run(rng, p, 0, 0, header, f"{p.last_first}  MEDICAL RECORD  STANDARD FORM 600 (REV. 6-97)")


def sick_call_k1(rng: random.Random, p: Person) -> list[GeneratedDocument]:
    header = ["HEALTH RECORD - CHRONOLOGICAL RECORD OF MEDICAL CARE", f"PATIENT: {p.last_first}  {p.rank}  {p.unit}"]
    return _sick_call_run(rng, p, 1, 1, header, "SF 600")


def sick_call_k2(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: other sheet and dates
    header = ["MEDICAL RECORD", "CHRONOLOGICAL RECORD OF MEDICAL CARE - CONTINUATION",
              f"{p.last_first}   SSN XXX-XX-{p.ssn4}"]
    return _sick_call_run(rng, p, 2, 1, header, "STANDARD FORM 600 (REV. 5-84)")


def sick_call_k3(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # held out: military dates, no title
    header = [f"{p.unit}  -  SICK CALL ENTRIES", f"SM: {p.rank} {p.last_first}"]
    return _sick_call_run(rng, p, 3, 0, header, "SF 600 (EG)")


# More training variants of each kind (4-5), other families of the same layouts, so that development
# folds can leave one out and still train on the rest.

def letter_k4(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # VA decision letter, no header after page 1
    d = _post_date(rng, p)
    office = rng.choice(["Cleveland", "Winston-Salem", "Waco", "Muskogee", "Roanoke"])
    top = ["DEPARTMENT OF VETERANS AFFAIRS", f"{office} Regional Office", "", fmt(d, "long"), "", p.full.upper(),
           f"{rng.randint(100, 9999)} {rng.choice(['MAPLE', 'OAK', 'FIRST'])} AVE", "", "In Reply Refer To: 27/21",
           f"File Number: XX XXX {p.ssn4}", "", f"Dear {p.full}:", ""]
    paras = [f"We made a decision on your claim for service-connected compensation received on "
             f"{fmt(d - dt.timedelta(days=rng.randint(90, 250)), 'long')}. This letter tells you what we decided, "
             "how we made our decision, and what to do if you disagree.",
             f"Service connection for {rng.choice(['lumbar strain', 'lumbar degenerative disc disease', 'a left knee condition'])} "
             f"is {rng.choice(['granted with an evaluation of 20 percent', 'denied', 'granted with an evaluation of 10 percent'])}. "
             "We considered your service treatment records, your VA treatment records, the statements you and your "
             "witnesses submitted, and the VA examination.",
             "We looked at the examiner's measurements of your range of motion, your reports of flare-ups and the "
             "effect of pain on your daily activities. The evaluation we assigned is the one that best matches the "
             "evidence under the General Rating Formula for Diseases and Injuries of the Spine.",
             "If you disagree with our decision you may ask for a Higher-Level Review, file a Supplemental Claim with "
             "new and relevant evidence, or appeal directly to the Board of Veterans' Appeals. You have one year "
             "from the date of this letter to act."]
    body = _wrap(paras) + ["", "Sincerely yours,", "", "Veterans Service Center Manager", "Enclosure: Rating Decision"]
    pages = _pages_of(body, rng, per_page=(12, 18), numbering=rng.choice(["none", "bare"]), top=top)
    return [_doc("rating_decision", 4, pages, d, "letter", title_words=("decision",), forbidden=(p.last.lower(),))]


def letter_k5(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # numbered personal narrative
    d = _post_date(rng, p)
    top = [f"STATEMENT OF {p.full.upper()} IN SUPPORT OF MY CLAIM", f"VA file number XX XXX {p.ssn4}", ""]
    paras = [f"1. I served in the {p.branch.title()} from {p.entered.year} to {p.separated.year}. My job was "
             f"{p.mos} and it required heavy lifting, long marches and working on and under vehicles.",
             f"2. My back problems started during training in {p.entered.year + 1}, when I felt a pull in my low back "
             "carrying a machine gun and tripod on a road march. The medic told me it was a strain.",
             "3. After that my back hurt off and on. I went to sick call a few times and got Motrin and a day of "
             "quarters. Most of the time I just kept going because that is what everyone did.",
             "4. Since I got out the pain has gotten worse and now it goes into my leg. I have seen a chiropractor "
             "and the VA, and I have had an MRI that shows bulging discs.",
             "5. I am asking that my back be service connected because it started in service and never went away."]
    body = _wrap(paras, width=70) + ["", "I certify the above is true and correct.", "",
                                     f"Signed: {p.full}      Date: {fmt(d, 'us')}"]
    pages = _pages_of(body, rng, per_page=(10, 14), numbering=rng.choice(["none", "dash"]), top=top)
    return [_doc("personal_statement", 5, pages, d, "letter", title_words=("statement",), forbidden=())]


def board_k4(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # CAVC memorandum decision, pages run on
    d = _post_date(rng, p)
    top = ["UNITED STATES COURT OF APPEALS FOR VETERANS CLAIMS", "", f"No. {rng.randint(18, 24)}-{rng.randint(1000, 9999)}",
           "", f"{p.full.upper()}, APPELLANT,", "V.", "DENIS MCDONOUGH, SECRETARY OF VETERANS AFFAIRS, APPELLEE.", "",
           "Before the Court", "", "MEMORANDUM DECISION", "", f"DATED: {fmt(d, 'long')}", ""]
    paras = ["The appellant, through counsel, appeals a Board decision that denied service connection for a lumbar "
             "spine disability. For the reasons that follow, the Court will set aside the Board decision and remand "
             "the matter for further proceedings consistent with this decision.",
             f"The appellant served on active duty from {p.entered.year} to {p.separated.year}. His service records "
             f"show treatment for {rng.choice(COMPLAINTS)}, and he reported recurrent back pain at separation.",
             "In denying the claim, the Board relied on a VA examination report that concluded the current disability "
             "was less likely than not related to service because the in-service complaints were acute and resolved. "
             "The Board did not address a private physician's opinion that the disability was at least as likely as "
             "not the result of repetitive loading in service, nor did it discuss the appellant's statements of "
             "continuous symptoms since discharge.",
             "The Board must account for the evidence it finds persuasive or unpersuasive and provide the reasons for "
             "its rejection of material evidence favorable to the claimant. Because it did not, remand is warranted.",
             "On remand the appellant may submit additional evidence and argument, and the Board must consider it."]
    body = _wrap(paras) + ["", "SET ASIDE and REMANDED.", "", "DATED: " + fmt(d, "long"), "",
                           f"{rng.choice(LAST).upper()}, Judge"]
    pages = _pages_of(body, rng, per_page=(14, 20), numbering="none", top=top)
    return [_doc("board_decision", 4, pages, d, "board", title_words=("court",))]


def board_k5(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # decision whose middle pages weigh opinions
    d = _post_date(rng, p)
    top = [f"Citation Nr: {rng.randint(10 ** 7, 10 ** 8 - 1)}", f"Decision Date: {fmt(d, 'us')}   Archive Date: "
           f"{fmt(d + dt.timedelta(days=4), 'us')}", f"DOCKET NO. {rng.randint(10, 24)}-{rng.randint(10000, 99999)}", "",
           "THE ISSUES", ""] + _wrap(["1. Entitlement to service connection for degenerative disc disease of the "
                                      "lumbar spine.", "2. Entitlement to service connection for right lower extremity "
                                      "radiculopathy."]) + [""]
    paras = ["The Veteran's treating chiropractor wrote that she has adjusted his lumbar spine weekly for years and "
             "that, in her professional opinion, his degenerative changes are more likely than not the result of "
             "the repeated parachute landings and heavy loads he described. She based this on his history, her "
             "examinations and the level of the changes on imaging, and she noted that the literature on military "
             "parachutists reports early lumbar degeneration.",
             "A VA physician reviewed the file and found the condition less likely than not related to service, "
             "citing a normal separation examination and a gap in treatment after discharge. The physician did not "
             "discuss the Veteran's reports that he treated himself during that gap.",
             "Weighing these opinions, the Board gives more weight to the private opinion, which rests on a complete "
             "history and explains its reasoning, than to the VA opinion, which relies on the absence of records "
             "without considering the Veteran's credible account. Service connection for the lumbar spine is granted.",
             "The radiculopathy claim depends on the examination of the nerves of the right leg, which has not been "
             "done, and it is remanded for that examination."]
    body = ["REASONS AND BASES FOR FINDINGS AND CONCLUSIONS", ""] + _wrap(paras) + [
        "", "ORDER", ""] + _wrap(["Service connection for degenerative disc disease of the lumbar spine is granted."]) + [
        "", "REMAND", ""] + _wrap(["The radiculopathy claim is remanded for a VA peripheral nerves examination."]) + [
        "", f"{rng.choice(FIRST).upper()} {rng.choice(LAST).upper()}", "Veterans Law Judge, Board of Veterans' Appeals"]
    pages = _pages_of(body, rng, per_page=(12, 18), numbering="none", top=top)
    return [_doc("board_decision", 5, pages, d, "board", title_words=("board",))]


def er_k4(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # ED record, page two: results and disposition
    d = _post_date(rng, p)
    hospital = rng.choice(HOSPITALS)
    page1 = [f"{hospital}", "Emergency Department Provider Note", f"{p.last_first}   MRN {rng.randint(10 ** 6, 10 ** 7)}",
             f"ED arrival: {fmt(d, 'us')} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", "",
             f"History: {rng.choice(COMPLAINTS)}.", f"Exam: {rng.choice(EXAM_FINDINGS)}", f"Vitals: {_vitals(rng)}",
             "Orders placed: CBC, BMP, urinalysis, lumbar spine X-ray."]
    page2 = ["Results", f"  WBC {rng.randint(5, 11)}.{rng.randint(0, 9)}   Hgb {rng.randint(12, 16)}.{rng.randint(0, 9)}"
             f"   Creatinine 0.{rng.randint(7, 9)}", "  Urinalysis: negative", "  X-ray: degenerative changes, no fracture",
             "Assessment: " + rng.choice(ASSESSMENTS), "Disposition: home with prescriptions, back precautions.",
             f"Follow up: primary care in {rng.randint(2, 7)} days.", f"Electronically signed by {rng.choice(CLINICIANS)}"]
    return [_doc("private_treatment", 4, ["\n".join(page1), "\n".join(page2)], d, "er_visit",
                 title_words=("emergency",), forbidden=(p.last.lower(),))]


def er_k5(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # EHR print, same running header on both pages
    d = _post_date(rng, p)
    hospital = rng.choice(HOSPITALS)
    head = f"{p.full}  MRN {rng.randint(10 ** 6, 10 ** 7)}  ED Visit {fmt(d, 'us')}  {hospital}"
    page1 = [head, "", "ED Triage Note", f"Chief complaint: {rng.choice(COMPLAINTS)}", f"Vitals: {_vitals(rng)}",
             "ED Provider Note", f"HPI: {rng.choice(COMPLAINTS).capitalize()}. History of back injury in service.",
             f"Exam: {rng.choice(EXAM_FINDINGS)} {rng.choice(EXAM_FINDINGS)}"]
    page2 = [head, "", "Medical decision making: no red flags; symptomatic treatment.",
             f"Diagnosis: {rng.choice(ASSESSMENTS)}", f"Discharge instructions: {rng.choice(PLANS)}",
             "Discharged ambulatory with steady gait.", f"Attending: {rng.choice(CLINICIANS)}"]
    return [_doc("private_treatment", 5, ["\n".join(page1), "\n".join(page2)], d, "er_visit",
                 title_words=("emergency",), forbidden=(p.last.lower(),))]


def codesheet_k4(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # decision + tabular codesheet
    d = _post_date(rng, p)
    pages = _rating_pages(rng, p, d, rng.choice([0, 1]))
    code = ["CODESHEET", f"VETERAN: {p.last_first}", f"DATE OF RATING DECISION: {fmt(d, 'long')}",
            f"SERVICE: {fmt(p.entered, 'us')} - {fmt(p.separated, 'us')}  {p.branch}", "",
            "DC      DISABILITY                         %     FROM"]
    code += [f"{rng.choice(['5237', '5242', '5257'])}    {rng.choice(ASSESSMENTS):<34} {rng.choice([0, 10, 20]):<5} "
             f"{fmt(d - dt.timedelta(days=rng.randint(30, 200)), 'us')}" for _ in range(rng.randint(1, 3))]
    return [_doc("rating_decision", 4, pages + ["\n".join(code)], d, "codesheet", title_words=("rating decision",))]


def codesheet_k5(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # codesheet alone, entry date first
    d = _post_date(rng, p)
    code = ["RATING CODESHEET", f"{p.last_first}   XX XXX {p.ssn4}",
            f"EOD: {fmt(p.entered, 'mil')}   RAD: {fmt(p.separated, 'mil')}   CHARACTER: HONORABLE",
            f"RATING DATE: {fmt(d, 'mil')}", "", "SUBJECT TO COMPENSATION"]
    code += [f"  {rng.choice(['5237', '5242'])} {rng.choice(ASSESSMENTS)}  {rng.choice([10, 20, 40])}%" for _ in range(2)]
    return [_doc("rating_decision", 5, ["\n".join(code)], d, "codesheet", title_words=("code sheet",))]


def fax_k4(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # community care cover + ortho office notes
    clinic, phone = rng.choice([("Piedmont Orthopaedic Consultants", "336 555 0199"), ("Coastal Spine Institute", "757 555 0144")])
    visits = _visits(rng, p, rng.randint(2, 4), _post_date(rng, p))
    sent = dt.datetime.combine(visits[-1] + dt.timedelta(days=rng.randint(3, 40)), dt.time(rng.randint(8, 17), 10))
    n = len(visits) + 1
    cover = ["Community Care Network - Medical Records Transmittal", "", f"Date sent: {fmt(sent.date(), 'us')}",
             "Recipient: VA Evidence Intake", f"Sender: {clinic}   Fax {phone}", f"Pages: {n}",
             f"Patient: {p.full}", "", "This transmission contains confidential health information."]
    pages = ["\n".join(cover) + "\n" + _banner(sent, clinic, phone, 1, n, 2)]
    for k, v in enumerate(visits, start=2):
        note = ([clinic.upper(), f"Phone {phone}", "ORTHOPAEDIC OFFICE NOTE"] if k == 2 else [f"{p.full} - continued"]) + [
            f"Visit date: {fmt(v, 'us')}", f"HPI: {rng.choice(COMPLAINTS)}.", f"Exam: {rng.choice(EXAM_FINDINGS)}",
            f"Impression: {rng.choice(ASSESSMENTS)}", f"Plan: {rng.choice(PLANS)}", rng.choice(CLINICIANS)]
        pages.append("\n".join(note) + "\n" + _banner(sent, clinic, phone, k, n, 2))
    return [_doc("other", 4, pages[:1], sent.date(), "fax", title_words=("fax",)),
            _doc("private_treatment", 4, pages[1:], visits[0], "fax", encounters=visits, title_words=("orthop",),
                 forbidden=(p.last.lower(), "received:"))]


def fax_k5(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # plain cover + chiropractic flow sheet
    return _fax_scenario(rng, p, 5, rng.choice([0, 1]), 0, rng.choice([0, 1]), False)


def dates_k4(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # private form: revision date, DOB, signed date
    d = _post_date(rng, p)
    first, last, cred, _ = _doctor(rng)
    body = ["TREATING PROVIDER QUESTIONNAIRE - BACK", f"Patient: {p.full}   Date of birth: {fmt(p.dob, 'us')}",
            "1. Diagnosis: " + rng.choice(ASSESSMENTS), f"2. Date of first treatment: {fmt(d - dt.timedelta(days=700), 'us')}",
            f"3. Is the condition at least as likely as not related to service? Yes - {rng.choice(OPINION_PHRASES)}",
            "4. Rationale: documented in-service injury and continuous symptoms.", "",
            f"Provider signature: {first} {last}, {cred}     Date signed: {fmt(d, 'mil')}", "",
            f"Form PQ-7 (Rev. {rng.choice(['03/2019', '11/2017', '06/2021'])})"]
    return [_doc("medical_opinion", 4, ["\n".join(body)], d, "dates", title_words=(last.lower(),))]


def dates_k5(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # statement dated only by its year
    d = dt.date(_post_date(rng, p).year, 1, 1)
    body = [f"{p.full} - my statement", f"born {fmt(p.dob, 'us')}", ""] + _wrap(
        [f"I was injured in {p.entered.year + 1} and treated at sick call. I have had back pain every year since.",
         f"Written in the spring of {d.year}."]) + ["", p.full]
    return [_doc("personal_statement", 5, ["\n".join(body)], d, "dates", precision="year", title_words=("statement",))]


def sick_call_k4(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # two-digit years, clinic first
    header = ["CHRONOLOGICAL RECORD OF MEDICAL CARE", f"{p.last_first}  {p.rank}  {p.unit}"]
    clinic = rng.choice(["TMC 4", "BAS 1-75", "SICK CALL"])
    start = _service_date(rng, p)
    dates = _visits(rng, p, rng.randint(3, 5), start)
    lines: list[str] = []
    for d in dates:
        lines += [f"{d.day:02d}{MONTHS[d.month - 1].title()}{d.year % 100:02d}  {clinic}  {rng.choice(['S/C', 'F/U', 'RTC'])}",
                  f"  CC: {rng.choice(COMPLAINTS)}", f"  Exam: {rng.choice(EXAM_FINDINGS)}", f"  Dx: {rng.choice(ASSESSMENTS)}",
                  f"  Plan: {rng.choice(PLANS)}", f"  {rng.choice(['SGT', 'SPC'])} {rng.choice(LAST).upper()}, 68W / "
                  f"{rng.choice(CLINICIANS)}", ""]
    size = rng.randint(14, 20)
    chunks = [lines[i:i + size] for i in range(0, len(lines), size)]
    pages = ["\n".join((header if k == 0 else []) + chunk + ["SF 600"]) for k, chunk in enumerate(chunks)]
    return [_doc("service_treatment", 4, pages, dates[0], "sick_call", encounters=dates, forbidden=(p.last.lower(),))]


def sick_call_k5(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # continuation sheets with a running header
    docs = _sick_call_run(rng, p, 5, 1, ["CHRONOLOGICAL RECORD OF MEDICAL CARE"], "STANDARD FORM 600")
    pages = docs[0].pages
    docs[0].pages[:] = [pages[0]] + [f"{p.last_first}   SF 600 (CONT)\n{text}" for text in pages[1:]]
    return docs


# Two more training families of long letters (6-7): a letter's later pages carry neither its type's words
# nor a header, so they must keep the type and the date of the letter they continue.
BOARD_ADDRESSES = [["Board of Veterans' Appeals", "P.O. Box 27063", "Washington, DC 20038"],
                   ["Department of Veterans Affairs", "Board of Veterans' Appeals", "425 I Street NW",
                    "Washington, DC 20001"],
                   ["VA Evidence Intake Center", "P.O. Box 4444", "Janesville, WI 53547-4444"]]


def letter_k6(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # physician's letter addressed to the Board
    d = _post_date(rng, p)
    first, last, cred, field_ = _doctor(rng)
    address = rng.choice(BOARD_ADDRESSES)
    if rng.random() < 0.5:
        name, street, city = rng.choice(PRACTICES)
        head = [name, f"{street}  |  {city}", f"Phone ({rng.randint(200, 989)}) 555-{rng.randint(1000, 9999)}"]
    else:
        head = [f"{first} {last}, {cred}", f"Diplomate, American Board of {field_}"]
    docket = f"{rng.randint(17, 25)}-{rng.randint(10000, 99999)}"
    top = head + ["", fmt(d, rng.choice(["long", "us"])), ""] + address + [
        "", f"Re: {p.full}, Appellant" + rng.choice([f" - Docket No. {docket}", ""]),
        rng.choice(["Opinion regarding the lumbar spine", "Supplemental medical opinion", "Response to the remand"]), "",
        rng.choice(["Dear Veterans Law Judge:", "Dear Members of the Board:", "To the Board:", "Dear Judge:"]), ""]
    paras = [f"I am a physician specializing in {field_.lower()}. I write at the request of {p.full}, whom I have "
             f"treated since {p.separated.year + rng.randint(1, 5)}, to address the question the Board asked in its "
             "remand: whether his current low back disability is related to his military service."] +         _history_paragraphs(rng, p) + [
        "The Board's remand noted that the earlier VA opinion did not consider the veteran's lay statements. I have "
        "read those statements, and they are consistent with what he told me at his first visit and with the "
        "course of his symptoms over the years I have treated him.",
        f"The MRI of {fmt(d - dt.timedelta(days=rng.randint(100, 900)), 'long')} shows "
        f"{rng.choice(IMAGING_FINDINGS).lower()} This pattern, at the levels most loaded by his duties, is what "
        "repeated axial loading and hard landings produce, and it is unusual for a man of his age without such a history.",
    ] + _opinion_paragraphs(rng, p)[2:] + [
        "Please contact my office if the Board needs my records or a further explanation of my reasoning."]
    close = rng.choice(["Respectfully submitted,", "Sincerely,", "Very truly yours,"])
    body = _wrap(paras, width=rng.choice([72, 78])) + ["", close, "", f"{first} {last}, {cred}", field_]
    pages = _pages_of(body, rng, per_page=(18, 26), numbering=rng.choice(["none", "dash", "word"]), top=top)
    return [_doc("medical_opinion", 6, pages, d, "letter", title_words=("opinion", last.lower()),
                 forbidden=(p.last.lower(), "board"))]


def letter_k7(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # veteran's own letter, signed and dated at the end
    d = _post_date(rng, p)
    injured = _service_date(rng, p)
    top = rng.choice([[p.full, f"VA File No. XX XXX {p.ssn4}", ""], [f"From: {p.full}", "To: Department of Veterans Affairs", ""],
                      []]) + [rng.choice(["Dear Sir or Madam,", "To whom it may concern:", "Dear VA Rater,",
                                          "To the Department of Veterans Affairs:"]), ""]
    paras = [f"I am writing about my claim for my back. I served in the {p.branch.title()} from {p.entered.year} to "
             f"{p.separated.year} and worked as {p.mos}.",
             f"On {fmt(injured, 'long')} I hurt my lower back when I "
             f"{rng.choice(['fell off a loading ramp', 'landed badly on a jump', 'lifted a generator with two other soldiers', 'slipped on a ladder on the ship'])}. "
             "I went to sick call the next day. The doctor gave me Motrin and put me on light duty for a week.",
             "After that my back never really got better. I kept doing my job because I did not want to let my unit "
             "down, but I was in pain most days, and I went back to sick call more than once.",
             f"When I got out in {p.separated.year} I did not have insurance for a while, so I took over the counter "
             "pills and used a heating pad. I first saw a doctor for it after I got a job with insurance.",
             f"Now the pain goes down my {rng.choice(['left', 'right'])} leg. I cannot sit for more than half an hour, "
             "I had to stop coaching my son's team, and I miss work when it flares up. My wife helps me put on my socks.",
             "The VA examiner spent about fifteen minutes with me and never asked about my injury in service. I do not "
             "think the opinion is fair, because my back has hurt since the day I was injured.",
             "I ask that you look at my service records, my private records and my wife's statement, and grant my claim."]
    sign = rng.choice([[p.full, fmt(d, "long")], [p.full, f"Date: {fmt(d, 'us')}"], [f"{p.full}   {fmt(d, 'us')}"],
                       [p.full, f"VA File No. XX XXX {p.ssn4}", fmt(d, "long")]])
    body = _wrap(paras, width=rng.choice([68, 74, 80])) + ["", rng.choice(["Sincerely,", "Respectfully,", "Thank you,"]),
                                                          ""] + sign
    pages = _pages_of(body, rng, per_page=(14, 22), numbering=rng.choice(["none", "none", "bare"]), top=top)
    return [_doc("personal_statement", 7, pages, d, "letter", title_words=("statement",), forbidden=(p.last.lower(),))]


def board_k6(rng: random.Random, p: Person) -> list[GeneratedDocument]:  # decision with sub-headed opinion discussion
    d = _post_date(rng, p)
    first, last, cred, field_ = _doctor(rng)
    examiner = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    top = ["BOARD OF VETERANS' APPEALS", "FOR THE SECRETARY OF VETERANS AFFAIRS", "",
           f"IN THE APPEAL OF {p.full.upper()}", f"SS XXX XX {p.ssn4}",
           f"Docket No. {rng.randint(180000, 259999)}", "", f"DATE: {fmt(d, rng.choice(['long', 'us']))}", "",
           "THE ISSUES", ""] + _wrap(["Entitlement to service connection for a lumbar spine disability.",
                                      "Entitlement to service connection for a right hip disability."]) + [""]
    sections = [
        ("FINDINGS OF FACT", ["The Veteran's lumbar spine disability is at least as likely as not related to the "
                              "parachute injury in service.", "The right hip disability did not begin in service and is "
                              "not caused or aggravated by a service-connected disability."]),
        ("CONCLUSIONS OF LAW", ["The criteria for service connection for a lumbar spine disability are met.",
                                "The criteria for service connection for a right hip disability are not met."]),
        ("REASONS AND BASES", ["The Board has reviewed all of the evidence in the claims file, with an emphasis on "
                               "the evidence relevant to this appeal."]),
        (rng.choice(["Medical Opinion Evidence", "The Medical Opinions", "Competent Medical Evidence"]),
         [f"In a letter of {fmt(d - dt.timedelta(days=rng.randint(200, 700)), 'long')}, Dr. {first} {last}, a "
          f"specialist in {field_.lower()}, wrote that he had reviewed the service treatment records and the imaging. "
          f"He opined that the Veteran's lumbar degenerative disc disease is {rng.choice(OPINION_PHRASES)} the result of "
          "the hard landing in service, explaining that degeneration at two levels in a young man is not the ordinary "
          "course of aging and that the medical literature links such injuries to early disc disease.",
          f"The VA examiner, {examiner}, found the condition less likely than not related to service, reasoning that "
          "the separation examination was normal. The rationale does not address the documented treatment after the "
          "landing or the Veteran's reports of continuous symptoms."]),
        (rng.choice(["Lay Evidence", "The Veteran's Statements", "Lay Statements"]),
         ["The Veteran is competent to report back pain since service, and his account is consistent with the records "
          "and with the statements of his wife and a fellow soldier. The Board finds it credible."]),
        (rng.choice(["Right Hip", "Service Connection for the Right Hip", "The Hip Claim"]),
         ["No hip complaint appears in service, and the first treatment for the hip was many years later. No clinician "
          "has related the hip to service or to the back, and the VA examiner explained why it is not related. The "
          "preponderance of the evidence is against the claim, so the benefit of the doubt does not apply."]),
        ("ORDER", ["Service connection for a lumbar spine disability is granted.",
                   "Service connection for a right hip disability is denied."]),
    ]
    body: list[str] = []
    for heading, paras in sections:
        body += [heading, ""] + _wrap(paras) + [""]
    body += ["", f"{rng.choice(FIRST).upper()} {rng.choice(LAST).upper()}", "Veterans Law Judge",
             "Board of Veterans' Appeals"]
    pages = _pages_of(body, rng, per_page=(12, 18), numbering=rng.choice(["none", "dash"]), top=top)
    return [_doc("board_decision", 6, pages, d, "board", title_words=("board",))]


KINDS: dict[str, list[Scenario]] = {
    "letter": [letter_k0, letter_k1, letter_k2, letter_k3, letter_k4, letter_k5, letter_k6, letter_k7],
    "board": [board_k0, board_k1, board_k2, board_k3, board_k4, board_k5, board_k6],
    "er_visit": [er_k0, er_k1, er_k2, er_k3, er_k4, er_k5],
    "codesheet": [codesheet_k0, codesheet_k1, codesheet_k2, codesheet_k3, codesheet_k4, codesheet_k5],
    "fax": [fax_k0, fax_k1, fax_k2, fax_k3, fax_k4, fax_k5],
    "dates": [dates_k0, dates_k1, dates_k2, dates_k3, dates_k4, dates_k5],
    "sick_call": [sick_call_k0, sick_call_k1, sick_call_k2, sick_call_k3, sick_call_k4, sick_call_k5],
}


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
            out.pages.extend(doc.corpus_pages(f"{record_type}/v{variant}"))
            remaining -= 1
    return out


def generate_files(
    split: str,
    n_files: int,
    seed: int = 0,
    docs_per_file: tuple[int, int] = (8, 18),
    variants: tuple[int, ...] | None = None,
) -> list[CorpusFile]:
    """Claim files of the "train" split (TRAIN_VARIANTS) or the "test" split (held-out variants 3-4).

    variants overrides the split's variants (a development split inside the training variants)."""
    if split not in ("train", "test", "dev"):
        raise ValueError(split)
    if variants is None:
        variants = TRAIN_VARIANTS if split == "train" else HELD_OUT_VARIANTS
    version = HELD_OUT_SPLIT_VERSION if split == "test" else CORPUS_VERSION
    rng = random.Random(f"{split}-{seed}-{version}")
    return [generate_file(rng, f"{split}-{i:03d}", variants, rng.randint(*docs_per_file)) for i in range(n_files)]


def noisy_copy(file: CorpusFile, seed: int, level: float = 1.0) -> CorpusFile:
    """The same file as OCR would return it: every page through simulate_ocr_noise."""
    rng = random.Random(f"noise-{file.name}-{seed}")
    return CorpusFile(file.name + "-noisy", [p.relabelled(simulate_ocr_noise(p.text, rng, level)) for p in file.pages])


TRAIN_FILES = 36
KIND_TRAIN_FILES = 18
# Share of a new-layout file's documents that are new-layout scenarios (the rest are ordinary records).
KIND_SHARE = 0.65


def generate_kind_files(
    split: str,
    n_files: int,
    seed: int = 0,
    kind_variants: tuple[int, ...] | None = None,
    variants: tuple[int, ...] | None = None,
    docs_per_file: tuple[int, int] = (5, 9),
) -> list[CorpusFile]:
    """Claim files built around the new layouts (KINDS): scenarios of the split's kind variants (training
    0-1, held-out 2-3) among ordinary records of the split's template variants, so the boundaries on
    both sides of each scenario are measured too."""
    if split not in ("train", "test", "dev"):
        raise ValueError(split)
    if kind_variants is None:
        kind_variants = KIND_TRAIN_VARIANTS if split == "train" else KIND_HELD_OUT_VARIANTS
    if variants is None:
        variants = TRAIN_VARIANTS if split == "train" else HELD_OUT_VARIANTS
    rng = random.Random(f"kinds-{split}-{seed}-{KIND_CORPUS_VERSION}")
    kinds = list(KINDS)
    files = []
    turn = 0
    for i in range(n_files):
        person = make_person(rng)
        out = CorpusFile(f"kinds-{split}-{i:03d}")
        for _ in range(rng.randint(*docs_per_file)):
            if rng.random() < KIND_SHARE:
                kind = kinds[turn % len(kinds)]
                turn += 1
                # Not every kind has every training variant (letters have 6-7): choose among its own.
                variant = rng.choice([v for v in kind_variants if v < len(KINDS[kind])])
                for doc in KINDS[kind][variant](rng, person):
                    out.pages.extend(doc.corpus_pages(f"{doc.record_type}/{kind}-k{variant}"))
            else:
                record_type = rng.choice(list(VARIANTS))
                variant = rng.choice(variants)
                doc = generate_document(rng, record_type, variant, person)
                out.pages.extend(doc.corpus_pages(f"{record_type}/v{variant}"))
        files.append(out)
    return files


def training_pages(seed: int = 0, variants: tuple[int, ...] = TRAIN_VARIANTS,
                   kind_variants: tuple[int, ...] = KIND_TRAIN_VARIANTS) -> list[CorpusPage]:
    """The training split's pages, clean plus a lightly and a heavily noised copy of each (so the
    model learns OCR damage). variants: which template variants to draw from (TRAIN_VARIANTS; never 3-4);
    kind_variants: which new-layout variants (KIND_TRAIN_VARIANTS; never 2-3)."""
    if set(variants) & set(HELD_OUT_VARIANTS) or set(kind_variants) & set(KIND_HELD_OUT_VARIANTS):
        raise ValueError("held-out variants are for evaluation only")
    files = generate_files("train", TRAIN_FILES, seed=seed, variants=variants)
    if kind_variants:
        files += generate_kind_files("train", KIND_TRAIN_FILES, seed=seed, kind_variants=kind_variants,
                                     variants=variants)
    pages: list[CorpusPage] = []
    for f in files:
        pages.extend(f.pages)
        pages.extend(noisy_copy(f, seed, level=0.6).pages)
        pages.extend(noisy_copy(f, seed + 1, level=1.4).pages)
        pages.extend(rearranged_copy(f, seed).pages)
    return pages


def training_examples(seed: int = 0, variants: tuple[int, ...] | None = None,
                      kind_variants: tuple[int, ...] | None = None) -> list[tuple[str, str, str]]:
    """The training split as (text, record_type, group) examples for `claimdex train` (all training
    variants, or a subset for development folds)."""
    pages = training_pages(seed=seed, variants=variants or TRAIN_VARIANTS,
                           kind_variants=KIND_TRAIN_VARIANTS if kind_variants is None else kind_variants)
    return [(p.text, p.record_type, p.group) for p in pages]


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
        out.append(p.relabelled("\n".join(lines)))
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


def iter_labelled_documents(file: CorpusFile) -> Iterator[tuple[int, int, CorpusPage]]:
    """(first_page, last_page, the document's first page with its gold labels) of each document."""
    starts = [i for i, page in enumerate(file.pages, start=1) if page.starts_document]
    for k, start in enumerate(starts):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(file.pages)
        yield start, end, file.pages[start - 1]


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


def _ocr_one(args: tuple[str, str, Callable[[Image.Image, int], str]]) -> str:
    text, seed, read = args
    return read(render_scanned_page(text, seed), RENDER_DPI)


def render_and_ocr_pages(texts: list[str], cache_dir: Path, read: Callable[[Image.Image, int], str],
                         reader_version: str, workers: int = 2) -> list[str]:
    """Real OCR output for each page text after rendering and scan damage: `read(image, dpi)` is the OCR
    (the product's, given by the caller), `reader_version` names what it does. Cached on disk by the hash
    of (text, render recipe, reader version) so a second evaluation run costs nothing."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    # The scan's damage is seeded by the text alone: every reader version reads the same images.
    seeds = [hashlib.sha256(f"{RENDER_VERSION}\0{t}".encode()).hexdigest()[:32] for t in texts]
    keys = [hashlib.sha256(f"{seed}\0{reader_version}".encode()).hexdigest()[:32] for seed in seeds]
    results: dict[str, str] = {}
    todo: dict[str, tuple[str, str]] = {}  # key -> (text, seed)
    for key, seed, text in zip(keys, seeds, texts, strict=True):
        path = cache_dir / f"{key}.txt"
        if path.exists():
            results[key] = path.read_text(encoding="utf-8")
        else:
            todo.setdefault(key, (text, seed))
    if todo:
        jobs = [(text, seed, read) for text, seed in todo.values()]
        if workers <= 1:
            outs: Iterable[str] = map(_ocr_one, jobs)
        else:
            # spawned, not forked: a fork of a process with threads (a test server's, an HTTP client's) can
            # copy a lock some thread holds and hang the child forever
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
            outs = pool.map(_ocr_one, jobs)
        try:
            for key, out in zip(todo, outs, strict=True):
                (cache_dir / f"{key}.txt").write_text(out, encoding="utf-8")
                results[key] = out
        finally:
            if workers > 1:
                pool.shutdown()
    return [results[k] for k in keys]
