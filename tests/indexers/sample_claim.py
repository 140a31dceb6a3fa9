"""A small, realistic claim file (one C-file, twelve pages) and a second claim that shares its words.

The second claim exists to prove isolation: it contains the same clinical phrases, so any leak shows.
"""

from __future__ import annotations

import datetime as dt

from indexers.base import PageDoc

CLAIM = "claim-sample-1"
OTHER = "claim-sample-2"
FILE = "f_sample_cfile"
OTHER_FILE = "f_other_cfile"

# page number -> (text, record_type, date, in_service, flag categories)
PAGES: dict[int, tuple[str, str, dt.date | None, bool | None, list[str]]] = {
    1: (
        "CHRONOLOGICAL RECORD OF MEDICAL CARE\nSM c/o LBP x 3 days after a 12-mile ruck march carrying an 80 lb "
        "rucksack. Tenderness over L4-L5 paraspinals. A: mechanical back strain. Profile 7 days, no running.",
        "service_treatment", dt.date(1998, 3, 2), True, ["back_complaint", "service_strain"],
    ),
    2: (
        "SICK CALL\nHard landing on a parachute jump during airborne operations. Pain in the lower back radiating "
        "to the left leg. Straight leg raise positive on the left.",
        "service_treatment", dt.date(1999, 7, 14), True, ["injury", "back_complaint"],
    ),
    3: (
        "REPORT OF MEDICAL EXAMINATION (DD 2808)\nSpine, other musculoskeletal: abnormal. Recurrent back pain. "
        "Examinee states rucking and jumps aggravated his back throughout his service.",
        "service_exam", dt.date(2002, 5, 1), True, ["back_complaint"],
    ),
    4: (
        "EXAM: MRI LUMBAR SPINE WITHOUT CONTRAST\nTECHNIQUE: sagittal and axial images.\nFINDINGS: Disc desiccation "
        "at L4-5 with mild foraminal narrowing.\nIMPRESSION: Degenerative disc disease at L4-L5 and L5-S1.",
        "imaging_report", dt.date(2015, 9, 10), False, ["imaging_finding", "diagnosis"],
    ),
    5: (
        "LOCAL TITLE: PRIMARY CARE NOTE\nVeteran walks with an antalgic gait favoring the right leg and uses a "
        "cane. Chronic low back pain ever since service.",
        "va_treatment", dt.date(2016, 1, 20), False, ["gait", "continuity", "back_complaint"],
    ),
    6: (
        "DISABILITY BENEFITS QUESTIONNAIRE\nBACK (THORACOLUMBAR SPINE) CONDITIONS\nThe lumbosacral spine range of "
        "motion is reduced. Opinion: less likely than not incurred in service; findings are consistent with the "
        "natural aging process.",
        "cp_exam", dt.date(2017, 4, 11), False, ["medical_opinion", "aging_attribution"],
    ),
    7: (
        "Chief Complaint: lower back pain.\nPatient works as a roofer since 2012. Formal physical therapy twice "
        "weekly. Long marches and hiking aggravate symptoms.",
        "private_treatment", dt.date(2018, 6, 5), False, ["alternative_cause", "back_complaint"],
    ),
    8: (
        "RATING DECISION\nService connection for lumbar DDD is denied.\nReasons for Decision: the compensation and "
        "pension examination found no nexus to service.",
        "rating_decision", dt.date(2018, 10, 1), None, [],
    ),
    9: (
        "21-10210 LAY/WITNESS STATEMENT\nI served with him in the 82nd Airborne. We did ruck marches every week "
        "carrying heavy loads; he hurt his back on a jump in 1999.",
        "buddy_statement", None, None, ["service_strain", "injury"],
    ),
    10: (
        "Orthopedic follow-up. Right knee medial meniscus tear. Altered gait from the knee has strained the back.",
        "private_treatment", dt.date(2019, 2, 2), False, ["secondary_link", "gait", "diagnosis"],
    ),
    11: (
        "CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY\nMOS 11B Infantryman. Parachutist Badge. "
        "Honorable.",
        "service_personnel", dt.date(2002, 6, 30), True, [],
    ),
    12: (
        "Neurology consult. Patient denies radiating pain. Negative SLR bilaterally. Electromyography of the lower "
        "extremities is normal.",
        "va_treatment", dt.date(2019, 5, 5), False, [],
    ),
}

OTHER_PAGES: dict[int, str] = {
    1: "LBP after lifting at work. Antalgic gait noted. Ruck march history.",
    2: "MRI lumbar spine shows DDD at L4-L5. Compensation and pension exam scheduled.",
    3: "Natural aging process. Meniscus tear of the knee. Electromyography normal. Jumps and marches.",
}


def page_id(file_id: str, page: int) -> str:
    return f"{file_id}-p{page}"


def sample_docs() -> list[PageDoc]:
    docs = [
        PageDoc(page_id=page_id(FILE, n), claim_id=CLAIM, file_id=FILE, filename="cfile.pdf", page=n, text=text,
                document_id=f"d{n}", record_type=rt, date=date, in_service=ins, flag_categories=flags)
        for n, (text, rt, date, ins, flags) in PAGES.items()
    ]
    docs += [
        PageDoc(page_id=page_id(OTHER_FILE, n), claim_id=OTHER, file_id=OTHER_FILE, filename="other.pdf", page=n,
                text=text, record_type="other", flag_categories=["gait"])
        for n, text in OTHER_PAGES.items()
    ]
    return docs


# query -> exactly the pages of CLAIM that must come back (all of them within the first ten hits).
EXPECTED: dict[str, set[int]] = {
    "antalgic gait": {5},
    "MRI lumbar": {4},
    "ruck": {1, 3, 9},
    "LBP": {1, 5, 7},
    "low back pain": {1, 5, 7},
    "degenerative disc disease": {4, 8},
    "C&P": {8},
    '"natural aging process"': {6},
    "jump*": {2, 3, 9},
    "marches": {1, 7, 9},
    "meniscus OR radiculopathy": {10},
    "LS spine": {4, 6},
    "magnetic resonance imaging": {4},
    "EMG": {12},
    "back -knee": {1, 2, 3, 5, 6, 7, 9},
    '"straight leg raise"': {2, 12},  # synonyms apply inside quotes too (as ES synonym_graph does)
    "SLR": {2, 12},
}
