"""The sample claim file, as data: one fictional veteran's C-file with its ground truth.

Everything here is invented (names, numbers, units' personnel, clinics' staff); the records follow the
shape of real ones so that the classifier, the segmenter and the flag finders meet what they will meet
in practice: form numbers and OMB numbers, VistA headers, SF 600 sick-call entries, a DBQ, letterhead,
dates written five different ways, and the traps a reviewer must not be buried in (negations, family
history, hypotheticals, past history, a plain age that is not an aging attribution).

The veteran's story, which every document supports from its own angle: an airborne infantryman
(11B, 1991-2011) who hurt his low back on a hard parachute landing in April 2008, had it flare after a
12-mile ruck march in March 2009, separated with recurrent back pain, and has had back pain ever
since; lumbar DDD on a 2021 MRI; now walks with an antalgic gait and a cane, and his left knee hurts.
A C&P examiner blamed aging (negative opinion, speculative on the knee); a rating decision denied; a
private IMO answers both (positive, with the gait-to-knee secondary mechanism).

Page text uses the markup of :mod:`samples.pdf_writer` (``^`` starts a centred heading line). Every
expected flag's ``phrase`` appears verbatim on its page (after heading markers are dropped), which a
test checks, so the ground truth cannot drift from the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from config.vocabulary import FLAG_CATEGORIES, RECORD_TYPES  # noqa: F401 - re-exported


@dataclass(frozen=True)
class ExpectedFlag:
    """Evidence a correct flagger finds on the page, with the clinical context it must assign.

    ``phrase`` is the core words (what the flag's ``text`` should overlap), not the whole sentence,
    copied with the page's exact line breaks so a plain ``str.find`` locates it (a test checks).
    A negated / historical / hypothetical / other-experiencer flag is still listed: the engine may
    either emit it with that context or suppress it, but must never report it as a plain finding.
    ``historical`` follows ConText: true only where the text presents it as past history ("history
    of", "Hx of", "prior", "s/p" and their scope), not merely because an event lies in the past.
    The lists hold what a reviewer must see; they are thorough but not exhaustive (every ROM figure
    is not listed), so score recall and context against them, and precision only with care.
    """

    category: str
    phrase: str
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    experiencer: str = "patient"
    polarity: str | None = None


@dataclass(frozen=True)
class NotAFlag:
    """Words that look like evidence of ``category`` but are not (e.g. a plain age is no aging claim)."""

    category: str
    phrase: str
    why: str


@dataclass
class SampleDocument:
    """One document of the claim file: the unit the segmenter must find and the classifier must type.

    ``rotation`` applies to every page of a scanned document (degrees clockwise the sheet was turned).
    ``flags`` and ``not_flags`` run parallel to ``pages``.
    """

    record_type: str
    title: str
    date: str | None
    pages: list[str]
    flags: list[list[ExpectedFlag]]
    scanned: bool = False
    rotation: int = 0
    vbms_type_id: int | None = None
    not_flags: list[list[NotAFlag]] = field(default_factory=list)
    font: str = "Courier"

    def __post_init__(self) -> None:
        if len(self.flags) != len(self.pages):
            raise ValueError(f"{self.title}: flags must have one list per page")
        if not self.not_flags:
            self.not_flags = [[] for _ in self.pages]
        if len(self.not_flags) != len(self.pages):
            raise ValueError(f"{self.title}: not_flags must have one list per page")
        if self.record_type not in RECORD_TYPES:
            raise ValueError(f"{self.title}: unknown record type {self.record_type}")
        if self.rotation not in (0, 90, 180, 270) or (self.rotation and not self.scanned):
            raise ValueError(f"{self.title}: only scanned pages can be rotated (0/90/180/270)")


F = ExpectedFlag

VETERAN = {
    "name": "Marcus Dean Whitfield",
    "date_of_birth": "1970-08-02",
    "branch": "Army",
    "va_file_number": "28 417 903",
}
SERVICE_PERIODS = [{"start": "1991-06-11", "end": "2011-08-31", "branch": "Army"}]

# ---------------------------------------------------------------- claim form

CLAIM_FORM = SampleDocument(
    record_type="claim_form",
    title="VA Form 21-526EZ, Application for Disability Compensation",
    date="2024-06-11",
    vbms_type_id=533,
    pages=[
        """\
OMB Control No. 2900-0747                         Respondent Burden: 25 minutes
^VA FORM 21-526EZ
^APPLICATION FOR DISABILITY COMPENSATION AND RELATED COMPENSATION BENEFITS
DEPARTMENT OF VETERANS AFFAIRS                 VA DATE STAMP: JUN 11 2024

SECTION I: IDENTIFICATION AND CLAIM INFORMATION
1. VETERAN'S NAME (First, Middle Initial, Last): MARCUS D WHITFIELD
2. SOCIAL SECURITY NUMBER: XXX-XX-6183        3. VA FILE NUMBER: 28 417 903
4. DATE OF BIRTH (MM/DD/YYYY): 08/02/1970     5. SERVICE NUMBER: N/A
6. MAILING ADDRESS: 4117 Shroyer Rd, Kettering, OH 45429
7. TELEPHONE NUMBER: (937) 555-0193       8. E-MAIL: on file

SECTION II: CLAIM TYPE
[X] STANDARD CLAIM PROCESS      [ ] FULLY DEVELOPED CLAIM (FDC) PROGRAM

SECTION V: CLAIM INFORMATION
CURRENT DISABILITY(IES)                  EXPOSURE/EVENT/INJURY       APPROX DATE
1. LOW BACK CONDITION (LUMBAR DDD)       PARACHUTE JUMP INJURY,      04/2008
                                         RUCK MARCHES, AIRBORNE
2. LEFT KNEE CONDITION, SECONDARY TO     ALTERED GAIT FROM BACK      2020
   LOW BACK CONDITION

SECTION VI: SERVICE INFORMATION
1. BRANCH OF SERVICE: ARMY     COMPONENT: ACTIVE
2. MOST RECENT ACTIVE SERVICE: ENTRY 06/11/1991   EXIT 08/31/2011
3. PLACE OF LAST OR ANTICIPATED SEPARATION: FORT BRAGG, NC

SECTION IX: TREATMENT INFORMATION
1. DAYTON VA MEDICAL CENTER, DAYTON OH - LOW BACK, LEFT KNEE - 2019 TO PRESENT
2. MIAMI VALLEY CHIROPRACTIC & SPINE, KETTERING OH - LOW BACK - 2020

SECTION XI: CERTIFICATION AND SIGNATURE
I CERTIFY THAT the statements on this form are true and correct to the best of
my knowledge and belief.
SIGNATURE OF VETERAN: /s/ Marcus D. Whitfield        DATE SIGNED: 06/11/2024

VA FORM 21-526EZ, FEB 2024
""",
    ],
    flags=[
        [
            F("injury", "PARACHUTE JUMP INJURY"),
            F("service_strain", "RUCK MARCHES"),
            F("secondary_link", "LEFT KNEE CONDITION, SECONDARY TO"),
            F("diagnosis", "LUMBAR DDD"),
        ]
    ],
)

# ---------------------------------------------------------------- DD 214

DD214 = SampleDocument(
    record_type="service_personnel",
    title="DD Form 214, Certificate of Release or Discharge from Active Duty",
    date="2011-08-31",
    vbms_type_id=45,
    scanned=True,
    pages=[
        """\
CAUTION: NOT TO BE USED FOR       THIS IS AN IMPORTANT RECORD.
IDENTIFICATION PURPOSES           SAFEGUARD IT.
^CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY
This Report Contains Information Subject to the Privacy Act of 1974.

1. NAME (Last, First, Middle)       2. DEPARTMENT, COMPONENT AND BRANCH
   WHITFIELD, MARCUS DEAN              ARMY/RA/INFANTRY
3. SOCIAL SECURITY NUMBER  4a. GRADE, RATE OR RANK   4b. PAY GRADE
   XXX-XX-6183                 SFC                      E07
5. DATE OF BIRTH (YYYYMMDD)        6. RESERVE OBLIGATION TERMINATION DATE
   19700802                           00000000
7a. PLACE OF ENTRY INTO ACTIVE DUTY    7b. HOME OF RECORD AT TIME OF ENTRY
    COLUMBUS, OHIO                         DAYTON, OH 45406
8a. LAST DUTY ASSIGNMENT AND MAJOR COMMAND
    CO C 2D BN 504TH INF REGT 82D ABN DIV   FORSCOM
8b. STATION WHERE SEPARATED: FORT BRAGG, NC 28310
11. PRIMARY SPECIALTY (Number, title and years and months in specialty)
    11B40 INFANTRYMAN -- 20 YRS 2 MOS // 11B1P INFANTRYMAN (AIRBORNE)
12. RECORD OF SERVICE                        YEAR(S)   MONTH(S)   DAY(S)
    a. DATE ENTERED AD THIS PERIOD             1991       06        11
    b. SEPARATION DATE THIS PERIOD             2011       08        31
    c. NET ACTIVE SERVICE THIS PERIOD          0020       02        21
    d. TOTAL PRIOR ACTIVE SERVICE              0000       00        00
    h. EFFECTIVE DATE OF PAY GRADE             2007       10        01
13. DECORATIONS, MEDALS, BADGES, CITATIONS AND CAMPAIGN RIBBONS
    BRONZE STAR MEDAL // ARMY COMMENDATION MEDAL (3RD AWARD) //
    ARMY GOOD CONDUCT MEDAL (6TH AWARD) // IRAQ CAMPAIGN MEDAL //
    COMBAT INFANTRYMAN BADGE // SENIOR PARACHUTIST BADGE //
    EXPERT INFANTRYMAN BADGE // AIR ASSAULT BADGE
14. MILITARY EDUCATION: AIRBORNE COURSE, 3 WKS, 1991 // JUMPMASTER
    COURSE, 2 WKS, 1999 // ADVANCED LEADER COURSE, 6 WKS, 2004
18. REMARKS: CONTINUOUS HONORABLE ACTIVE SERVICE FROM 19910611 UNTIL
    20110831 // SERVICE IN IRAQ 20030214-20040210, 20070105-20080108 //
    MEMBER COMPLETED 64 STATIC LINE PARACHUTE JUMPS // NOTHING FOLLOWS
23. TYPE OF SEPARATION: RETIREMENT
24. CHARACTER OF SERVICE: HONORABLE
25. SEPARATION AUTHORITY: AR 635-200, CHAP 12
26. SEPARATION CODE: RBD     27. REENTRY CODE: NA
28. NARRATIVE REASON FOR SEPARATION: SUFFICIENT SERVICE FOR RETIREMENT

DD FORM 214, AUG 2009            PREVIOUS EDITION IS OBSOLETE.
""",
    ],
    flags=[[F("service_strain", "64 STATIC LINE PARACHUTE JUMPS")]],
)

# ---------------------------------------------------------------- service treatment records

_SF600_FOOT = """\
PATIENT'S IDENTIFICATION: WHITFIELD, MARCUS D   SSN XXX-XX-6183
DOB 02 AUG 1970   UNIT: CO C 2-504 PIR, 82D ABN DIV   SPONSOR: SELF
^CHRONOLOGICAL RECORD OF MEDICAL CARE
MEDICAL RECORD                         STANDARD FORM 600 (REV. 6-97)
"""

STR_JUMP = SampleDocument(
    record_type="service_treatment",
    title="SF 600 sick-call note: hard parachute landing, acute lumbar strain",
    date="2008-04-22",
    vbms_type_id=353,
    scanned=True,
    pages=[
        """\
^CHRONOLOGICAL RECORD OF MEDICAL CARE
DATE        SYMPTOMS, DIAGNOSIS, TREATMENT, TREATING ORGANIZATION
            (Sign each entry)
22 APR 2008   BN AID STATION, 2-504 PIR, FORT BRAGG NC      0640 HRS
S: 37 y/o SSG seen at sick call c/o low back pain since
   a hard landing on a parachute jump at 0215 this morning (Sicily DZ,
   night combat equipment jump). States he oscillated on descent and
   landed on his buttocks and low back with his rucksack still attached.
   Pain 7/10, aching and sharp with bending. Denies numbness or tingling
   in the legs. Denies bowel or bladder changes. No LOC, no head strike.
O: VS: BP 128/82, P 76, T 98.4. In mild distress.
   Walks slowly with a guarded posture. TTP over L4-L5 paraspinals
   bilaterally with palpable muscle spasm. Flexion limited to about
   45 deg by pain. SLR negative bilaterally. Strength 5/5 BLE. DTRs 2+
   and symmetric.
A: Lumbar strain, acute, s/p hard parachute landing.
P: 1. Motrin 800 mg PO TID with food x 7 days, #21.
   2. Flexeril 10 mg PO QHS x 5 days, #5.
   3. Ice 20 min 3-4x/day x 48 hrs, then heat.
   4. Temporary profile (DA 3349) x 14 days: no running, no jumping,
      no ruck marching, may lift up to 20 lb.
   5. LOD initiated, DA 2173 sent to BN S1.
   6. Follow up at sick call in 1 week.
   /s/ R. T. OYELARAN, PA-C, 2-504 PIR BN AID STATION


"""
        + _SF600_FOOT,
    ],
    flags=[
        [
            F("back_complaint", "c/o low back pain"),
            F("injury", "a hard landing on a parachute jump"),
            F("service_strain", "night combat equipment jump"),
            F("injury", "landed on his buttocks and low back"),
            F("back_complaint", "numbness or tingling\n   in the legs", negated=True),
            F("gait", "Walks slowly with a guarded posture"),
            F("back_complaint", "TTP over L4-L5 paraspinals"),
            F("diagnosis", "Lumbar strain, acute"),
        ]
    ],
)

LOD = SampleDocument(
    record_type="line_of_duty",
    title="DA Form 2173, Statement of Medical Examination and Duty Status",
    date="2008-04-22",
    vbms_type_id=12,
    scanned=True,
    rotation=90,
    pages=[
        """\
^STATEMENT OF MEDICAL EXAMINATION AND DUTY STATUS
For use of this form, see AR 600-8-4; the proponent agency is DCS, G-1.
1. TO: COMMANDER, CO C, 2-504 PIR     2. FROM: BN SURGEON, 2-504 PIR
3. NAME: WHITFIELD, MARCUS D   4. SSN: XXX-XX-6183   5. GRADE: SSG
6. ORGANIZATION: CO C, 2D BN, 504TH PIR, 82D ABN DIV, FORT BRAGG NC
SECTION I - MEDICAL EXAMINATION
7. DATE OF EXAMINATION: 22 APR 2008     8. HOUR: 0640
9. DATE AND HOUR OF INJURY: 22 APR 2008, 0215
10. PLACE: SICILY DROP ZONE, FORT BRAGG, NC
11. NATURE AND EXTENT OF INJURY: ACUTE LUMBAR STRAIN WITH PARASPINAL
    MUSCLE SPASM. NO NEUROLOGIC DEFICIT.
12. HOW INJURY OCCURRED (Per member): DURING A NIGHT COMBAT EQUIPMENT
    JUMP, MEMBER MADE A HARD PARACHUTE LANDING AND STRUCK THE GROUND
    WITH HIS BUTTOCKS AND LOWER BACK WHILE CARRYING A COMBAT LOAD OF
    ABOUT 90 LB.
13. WAS MEMBER ON DUTY STATUS? YES - SCHEDULED TRAINING JUMP
14. MEDICAL OPINION: INJURY WAS NOT DUE TO ALCOHOL OR DRUG ABUSE.
SECTION II - ACCIDENT IDENTIFICATION
15. DETAILS OF ACCIDENT: MASS TACTICAL NIGHT JUMP FROM C-17 AT 800 FT
    AGL. SURFACE WINDS 11-13 KNOTS. SIX JUMPERS TREATED FOR LANDING
    INJURIES THE SAME NIGHT.
16. INJURY IS CONSIDERED TO HAVE BEEN INCURRED:
    [X] IN LINE OF DUTY
    [ ] NOT IN LINE OF DUTY - NOT DUE TO OWN MISCONDUCT
    [ ] FORMAL LINE OF DUTY INVESTIGATION IS REQUIRED
17. SIGNATURE OF UNIT COMMANDER: /s/ J. P. KAMINSKI, CPT, IN
    DATE: 24 APR 2008

DA FORM 2173, APR 1980
""",
    ],
    flags=[
        [
            F("diagnosis", "ACUTE LUMBAR STRAIN"),
            F("injury", "MADE A HARD PARACHUTE LANDING"),
            F("service_strain", "COMBAT LOAD OF"),
        ]
    ],
)

STR_RUCK = SampleDocument(
    record_type="service_treatment",
    title="SF 600 sick-call note: low back pain after a 12-mile ruck march",
    date="2009-03-14",
    vbms_type_id=353,
    scanned=True,
    pages=[
        """\
^CHRONOLOGICAL RECORD OF MEDICAL CARE
DATE        SYMPTOMS, DIAGNOSIS, TREATMENT, TREATING ORGANIZATION
            (Sign each entry)
14 MAR 2009   TROOP MEDICAL CLINIC 3, FORT BRAGG NC        0915 HRS
S: 38 y/o SFC c/o LBP x 2 days after a 12-mile ruck march with 80 lb
   during battalion EIB train-up. Pain 6/10, dull, across the low back,
   R > L, worse with bending, lifting and sitting in the LMTV. States the
   back "has not been right" since the hard landing last April. Took
   Motrin 800 on his own with some relief. Denies radiation into the
   legs. Denies weakness.
O: Ambulating independently. Paraspinal tenderness L4-S1, R > L, with
   mild spasm. Forward flexion to fingertips at mid-shin with pain at end
   range. SLR negative bilaterally. Sensation intact L2-S1.
A: Lumbar strain, recurrent. Hx of lumbar strain 04/2008 (hard
   parachute landing, LOD yes).
P: 1. Motrin 800 mg PO TID x 10 days, #30.
   2. Robaxin 750 mg PO TID PRN spasm, #20.
   3. Temporary profile x 21 days: no ruck marching, no running, no
      airborne operations, no lifting over 25 lb.
   4. Refer to PT for core strengthening if not improved in 2 weeks.
   /s/ D. A. FERREIRA, MD, CPT, MC


"""
        + _SF600_FOOT,
    ],
    flags=[
        [
            F("back_complaint", "c/o LBP x 2 days"),
            F("service_strain", "12-mile ruck march with 80 lb"),
            F("back_complaint", "radiation into the\n   legs", negated=True),
            F("back_complaint", "Paraspinal tenderness L4-S1"),
            F("diagnosis", "Lumbar strain, recurrent"),
            F("diagnosis", "Hx of lumbar strain 04/2008", historical=True),
        ]
    ],
)

STR_RUCK_FU = SampleDocument(
    record_type="service_treatment",
    title="SF 600 follow-up: recurrent lumbar strain, profile extended",
    date="2009-03-28",
    vbms_type_id=353,
    scanned=True,
    pages=[
        """\
^CHRONOLOGICAL RECORD OF MEDICAL CARE
DATE        SYMPTOMS, DIAGNOSIS, TREATMENT, TREATING ORGANIZATION
            (Sign each entry)
28 MAR 2009   TROOP MEDICAL CLINIC 3, FORT BRAGG NC        1340 HRS
S: F/U low back pain. SFC Whitfield reports LBP improved to 4/10 but
   still stiff every morning and sore by the end of the duty day. Back
   flares when he wears body armor and the assault pack for more than an
   hour. Unable to complete the 2-mile run at the last PT test.
O: Mild paraspinal spasm R L4-L5. Flexion improved, pain at end range.
   Neuro intact BLE. Heel and toe walk without difficulty.
A: Mechanical low back pain, lumbar strain, slow to resolve.
P: 1. Extend profile (DA 3349) x 30 days: no ruck marching, no
      airborne operations, may walk APFT alternate event.
   2. PT consult placed, 2x/week x 6 weeks, core and hip stabilization.
   3. Continue Motrin PRN. Avoid prolonged load carriage.
   4. RTC 30 days or sooner if symptoms change.
   /s/ D. A. FERREIRA, MD, CPT, MC

29 MAR 2009   PT CLINIC, WOMACK AMC - CONSULT RECEIVED, APPT 02 APR 2009.
   /s/ L. NGUYEN, DPT


"""
        + _SF600_FOOT,
    ],
    flags=[
        [
            F("back_complaint", "still stiff every morning"),
            F("service_strain", "wears body armor and the assault pack"),
            F("back_complaint", "Mild paraspinal spasm"),
            F("diagnosis", "Mechanical low back pain, lumbar strain"),
        ]
    ],
)

# ---------------------------------------------------------------- separation exam (two pages, no "Page N of M")

SEPARATION_EXAM = SampleDocument(
    record_type="service_exam",
    title="DD Form 2808, Report of Medical Examination (retirement)",
    date="2011-05-18",
    vbms_type_id=349,
    scanned=True,
    pages=[
        """\
^REPORT OF MEDICAL EXAMINATION
1. LAST NAME - FIRST NAME - MIDDLE NAME      2. SOCIAL SECURITY NUMBER
   WHITFIELD, MARCUS DEAN                       XXX-XX-6183
3. HOME ADDRESS: 118 LAUREL OAK DR, FAYETTEVILLE NC 28311
4. DATE OF EXAMINATION: 20110518        5. EXAMINING LOCATION:
                                           WOMACK ARMY MEDICAL CENTER
6. GRADE: E7    7. DATE OF BIRTH: 19700802    8. AGE: 40    9. SEX: M
14. COMPONENT: ACTIVE DUTY   15. PURPOSE OF EXAMINATION: RETIREMENT
CLINICAL EVALUATION (AHLTA PRINT):
17. Head, face, neck and scalp: NORMAL
25. Lungs and chest: NORMAL
29. Heart: NORMAL
32. Abdomen and viscera: NORMAL
34. Upper extremities: NORMAL
35. Lower extremities (except feet): NORMAL
36. Spine, other musculoskeletal: ABNORMAL
37. Feet: NORMAL
38. Neurologic: NORMAL
NOTES (Describe every abnormality in detail):
36. Tenderness to palpation of the lower lumbar paraspinal muscles, R
    greater than L. Forward flexion limited by pain at 70 deg. No
    scoliosis. Neuro exam of lower extremities normal.
MEASUREMENTS: 52. HEIGHT 71 IN   53. WEIGHT 214 LB   54. BP 132/84
    55. PULSE 72

DD FORM 2808, OCT 2005               PREVIOUS EDITION IS OBSOLETE.
""",
        """\
WHITFIELD, MARCUS DEAN   XXX-XX-6183   DATE OF EXAM: 20110518
73. QUALIFIED FOR SERVICE: YES     74. SUMMARY OF DEFECTS AND DIAGNOSES
    A. Chronic low back pain, mechanical, since hard parachute landing
       04/2008 and recurrent strain 03/2009 (E).
    B. Bilateral high frequency hearing loss, mild (E).
75. RECOMMENDATIONS - FURTHER SPECIALIST EXAMINATIONS INDICATED:
    Orthopedic follow-up for back at the VA after retirement.
    File VA claim; member briefed on the VA disability process.
76. PHYSICAL PROFILE: P 1  U 1  L 2  H 2  E 1  S 1
REVIEW OF DD 2807-1 (REPORT OF MEDICAL HISTORY) BY EXAMINER:
    Item 12e. Recurrent back pain or any back problem: YES. Member
    states low back pain 2-3 times a week since the 2008 jump injury,
    worse after ruck marches and jumps. Self-treats with Motrin.
    Item 12a. Painful or "trick" shoulder or elbow: NO.
    Item 12d. Knee trouble: NO.
    Item 13. Have you ever been on a profile for a back problem: YES.
77. EXAMINEE: [X] IS QUALIFIED FOR SERVICE
78. PHYSICIAN'S NAME: E. M. BRANDT, MAJ, MC      79. SIGNATURE: /s/
81. REVIEWING OFFICER: S. K. IWASAKI, LTC, MC    DATE: 20110520

DD FORM 2808, OCT 2005
""",
    ],
    flags=[
        [
            F("back_complaint", "Tenderness to palpation of the lower lumbar paraspinal muscles"),
        ],
        [
            F("back_complaint", "Chronic low back pain, mechanical"),
            F("back_complaint", "Recurrent back pain or any back problem: YES"),
            F("continuity", "low back pain 2-3 times a week since the 2008 jump injury"),
        ],
    ],
    not_flags=[
        [NotAFlag("aging_attribution", "AGE: 40", "a form field holding an age attributes nothing")],
        [NotAFlag("back_complaint", "Knee trouble: NO", "a knee item answered no is no back complaint")],
    ],
)

# ---------------------------------------------------------------- VA treatment (three pages, "Page N of 3")

_VA_HDR = "WHITFIELD,MARCUS D     XXX-XX-6183     DAYTON VAMC     Printed On Oct 21, 2019"

VA_PRIMARY_CARE = SampleDocument(
    record_type="va_treatment",
    title="VA primary care note: establish care, chronic low back pain",
    date="2019-10-08",
    vbms_type_id=58,
    pages=[
        _VA_HDR
        + """
LOCAL TITLE: PRIMARY CARE NOTE - NEW PATIENT
STANDARD TITLE: PRIMARY CARE NOTE
DATE OF NOTE: OCT 08, 2019@10:42     ENTRY DATE: OCT 08, 2019@10:42:17
      AUTHOR: PATEL,ANJALI R          EXP COSIGNER:
     URGENCY:                               STATUS: COMPLETED

CHIEF COMPLAINT: New patient, establish care. Low back pain.

HPI: 49 y/o male Army veteran (11B infantry, airborne, retired 2011)
presents to establish primary care. Main concern is chronic low back
pain. He has had back pain ever since service; it started with a hard
parachute landing in 2008 and never fully went away. He has a history
of lumbar strain in 2008 with a second episode after a ruck march in
2009, both treated with profiles and Motrin. Pain today 6/10, aching,
across the low back, right worse than left, worse with bending, lifting
and standing more than an hour, better with rest and heat. He denies
radiating pain. Denies saddle anesthesia, bowel or bladder changes.
Takes ibuprofen 800 mg 1-2 times a day most days.

PAST MEDICAL HISTORY: Low back pain. Hypertension. Tinnitus. Obesity.
PAST SURGICAL HISTORY: None.

SOCIAL HISTORY: Married, two children. Works as a roofer since 2013
(residential shingle roofing, carries 70-80 lb bundles up ladders).
Former smoker, quit 2010 (10 pack-years). Alcohol 2-3 beers per week.

FAMILY HISTORY: Father had back surgery (lumbar laminectomy) at age 61.
Mother with hypertension and type 2 diabetes.

                                                              Page 1 of 3
""",
        _VA_HDR
        + """
LOCAL TITLE: PRIMARY CARE NOTE - NEW PATIENT (continued)

REVIEW OF SYSTEMS: Negative except as in HPI. No fever, chills or
unintentional weight loss.

VITALS: BP 138/86  P 78  R 16  T 98.1 F  Wt 262 lb  Ht 71 in  BMI 36
PAIN: 6/10

PHYSICAL EXAM:
GEN: Well-appearing, obese male in no acute distress.
CV: RRR, no murmur. LUNGS: Clear bilaterally.
BACK: Tenderness over the L4-S1 paraspinal muscles, R > L. No midline
step-off. Forward flexion limited to 60 deg with pain. Extension 15 deg
with pain. Straight leg raise negative bilaterally.
NEURO: Strength 5/5 in both lower extremities. Reflexes 2+ at knees and
ankles. Sensation intact to light touch.
GAIT: Normal speed and base, no assistive device.

ASSESSMENT/PLAN:
1. Chronic low back pain, mechanical, suspect lumbar degenerative disc
   disease. Onset in service per veteran.
   - X-ray lumbar spine, AP/lateral/flexion/extension.
   - Physical therapy consult for core strengthening.
   - Meloxicam 15 mg daily with food; stop ibuprofen.
   - Discussed weight loss; MOVE! program referral.
   - If pain worsens, return to clinic. ED for any new leg weakness or
     bowel or bladder changes.
2. Hypertension, not at goal. Start lisinopril 10 mg daily.
3. Obesity. See above.

                                                              Page 2 of 3
""",
        _VA_HDR
        + """
LOCAL TITLE: PRIMARY CARE NOTE - NEW PATIENT (continued)

HEALTH MAINTENANCE: Influenza vaccine given today. Colon cancer
screening discussed; FIT kit given. Depression screen PHQ-2 = 0.
PTSD screen negative. Alcohol AUDIT-C = 2.

PROBLEM LIST UPDATED:
  Low back pain, chronic (ICD-10 M54.50)
  Essential hypertension (ICD-10 I10)
  Obesity, BMI 36.0-36.9 (ICD-10 Z68.36)
  Tinnitus, bilateral (ICD-10 H93.13)

Return to clinic in 3 months, sooner as needed. Patient verbalized
understanding of and agreement with the plan.

/es/ ANJALI R. PATEL, MD
STAFF PHYSICIAN, PRIMARY CARE
Signed: 10/08/2019 11:37

                                                              Page 3 of 3
""",
    ],
    flags=[
        [
            F("back_complaint", "chronic low back\npain"),
            F("continuity", "He has had back pain ever since service"),
            F("injury", "hard\nparachute landing in 2008"),
            F("diagnosis", "lumbar strain in 2008", historical=True),
            F("service_strain", "after a ruck march", historical=True),
            F("back_complaint", "radiating pain", negated=True),
            F("alternative_cause", "Works as a roofer since 2013"),
            F("back_complaint", "back surgery", experiencer="other"),
            F("alternative_cause", "Obesity"),
        ],
        [
            F("alternative_cause", "BMI 36"),
            F("alternative_cause", "obese male"),
            F("back_complaint", "Tenderness over the L4-S1 paraspinal muscles"),
            F("gait", "assistive device", negated=True),
            F("diagnosis", "lumbar degenerative disc\n   disease"),
            F("back_complaint", "pain worsens", hypothetical=True),
        ],
        [
            F("back_complaint", "Low back pain, chronic"),
            F("alternative_cause", "Obesity, BMI 36.0-36.9"),
        ],
    ],
    not_flags=[
        [
            NotAFlag("aging_attribution", "49 y/o male", "a plain age attributes nothing"),
            NotAFlag("alternative_cause", "Former smoker", "smoking is never flagged (LABELS.md)"),
        ],
        [],
        [],
    ],
)

VA_PT = SampleDocument(
    record_type="va_treatment",
    title="VA physical therapy consult: antalgic gait, cane, left knee pain",
    date="2021-02-09",
    vbms_type_id=58,
    pages=[
        "WHITFIELD,MARCUS D     XXX-XX-6183     DAYTON VAMC     Printed On Feb 19, 2021"
        + """
LOCAL TITLE: PHYSICAL THERAPY CONSULT
STANDARD TITLE: PHYSICAL THERAPY CONSULT
DATE OF NOTE: FEB 09, 2021@14:05     ENTRY DATE: FEB 09, 2021@15:21:40
      AUTHOR: OKONKWO,GRACE E         EXP COSIGNER:
     URGENCY:                               STATUS: COMPLETED

REASON FOR REFERRAL: Chronic LBP, worsening; new left knee pain.

SUBJECTIVE: 50 y/o veteran with chronic low back pain since a 2008
parachute injury in service. Reports pain 7/10, now with intermittent
aching into the right buttock. He started using a cane about 6 months
ago after two near-falls at work. Reports left knee pain for about a
year, medial, worse on stairs and on ladders; no knee injury that he
recalls. He thinks the knee started hurting because he limps to keep
weight off the right side.

OBJECTIVE:
Gait: Antalgic gait favoring the right, with shortened right stance
phase and increased lateral trunk lean. He uses a cane in the left
hand. Slow cadence.
Lumbar AROM: flexion 50% limited with pain, extension 75% limited,
side bending R 50% limited. Hypertonic R lumbar paraspinals.
Special tests: SLR R positive at 60 deg for buttock pain, L negative.
Slump R positive. Crossed SLR negative.
L knee: medial joint line tenderness, mild effusion, crepitus with
squat. McMurray negative. Ligaments stable.
Strength: R hip abductors 4/5, R quadriceps 4+/5, L LE 5/5.

ASSESSMENT: Lumbar DDD with probable right L5 radiculopathy, causing
antalgic gait and compensatory overload of the left knee.

PLAN: PT 2x/week x 8 weeks: core stabilization, hip strengthening, gait
training with cane, home exercise program. Issued single point cane,
adjusted for height. Recommend MRI lumbar spine (ordered by PCP).

/es/ GRACE E. OKONKWO, DPT
PHYSICAL THERAPIST
Signed: 02/09/2021 15:21
""",
    ],
    flags=[
        [
            F("back_complaint", "chronic low back pain since a 2008\nparachute injury"),
            F("injury", "parachute injury"),
            F("gait", "using a cane"),
            F("secondary_link", "the knee started hurting because he limps"),
            F("gait", "Antalgic gait favoring the right"),
            F("gait", "He uses a cane in the left\nhand"),
            F("gait", "Issued single point cane"),
            F("back_complaint", "Hypertonic R lumbar paraspinals"),
            F("diagnosis", "Lumbar DDD with probable right L5 radiculopathy"),
            F("secondary_link", "compensatory overload of the left knee"),
        ]
    ],
    not_flags=[[NotAFlag("injury", "no knee injury", "a denied injury is not an injury event")]],
)

# ---------------------------------------------------------------- private chiropractic (faxed)

CHIRO = SampleDocument(
    record_type="private_treatment",
    title="Chiropractic progress note (faxed)",
    date="2020-06-23",
    vbms_type_id=59,
    scanned=True,
    pages=[
        """\
JUN-24-2020 09:12   FROM: MIAMI VALLEY CHIRO   937 555 0149        P.1/1
^MIAMI VALLEY CHIROPRACTIC & SPINE
^2250 Far Hills Ave, Suite 4, Kettering, OH 45419
^Tel (937) 555-0148   Fax (937) 555-0149

PROGRESS NOTE (SOAP)
Patient: Marcus Whitfield          DOB: 08/02/1970
Date of Service: June 23, 2020     Visit: 6 of 12
Chief Complaint: Low back pain with stiffness, right greater than left.

S: Patient reports low back pain 6/10 after a long week on a roofing
   job; pain into the right buttock by the end of the day. States his
   back has bothered him on and off since he left the Army in 2011 and
   he has never had a stretch of more than a few weeks without it.
   Sleep disturbed 2-3 nights a week. Oswestry 38%.
O: Guarded, slightly flexed standing posture. Hypertonicity of the
   lumbar paraspinals L3-S1, R > L. Restricted segmental motion at L4/L5
   and the right SI joint. Lumbar flexion 55 deg with pain, extension 10
   deg with pain. Kemp's test positive on the right for local pain.
   No motor or reflex deficit.
A: 1. Lumbosacral strain/sprain, chronic (S33.5XXD).
   2. Segmental dysfunction L4/L5 and right SI joint.
P: Diversified adjustment L4/L5 and R SI, interferential current and
   moist heat to the lumbar region 15 min. Home stretching reviewed.
   Advised to limit ladder carries. Return in one week.

Electronically signed: Thomas J. Baird, D.C.        06/23/2020

CONFIDENTIALITY NOTICE: This facsimile contains protected health
information. If you received it in error, notify the sender at once.
""",
    ],
    flags=[
        [
            F("back_complaint", "low back pain 6/10"),
            F("alternative_cause", "a long week on a roofing\n   job"),
            F("continuity", "back has bothered him on and off since he left the Army in 2011"),
            F("gait", "Guarded, slightly flexed standing posture"),
            F("back_complaint", "Hypertonicity of the\n   lumbar paraspinals"),
            F("diagnosis", "Lumbosacral strain/sprain, chronic"),
        ]
    ],
)

# ---------------------------------------------------------------- imaging

MRI = SampleDocument(
    record_type="imaging_report",
    title="MRI lumbar spine without contrast",
    date="2021-03-02",
    vbms_type_id=948,
    pages=[
        """\
DAYTON VA MEDICAL CENTER - IMAGING SERVICE
Name: WHITFIELD,MARCUS D       SSN: XXX-XX-6183      Age: 50   Sex: M

EXAM: MRI LUMBAR SPINE WITHOUT CONTRAST
Exam Date/Time: 03/02/2021 08:14      Case No: 030221-1147
Report Status: Verified               Requesting Physician: PATEL,ANJALI R

CLINICAL HISTORY: Chronic low back pain since 2008 parachute injury,
right buttock pain, positive right SLR. Evaluate for disc disease.

TECHNIQUE: Multiplanar, multisequence MRI of the lumbar spine was
performed on a 1.5 T magnet without intravenous contrast.

COMPARISON: Radiographs of the lumbar spine dated 10/22/2019.

FINDINGS:
Alignment: Normal lumbar lordosis. Negative for spondylolisthesis.
Vertebrae: Vertebral body heights are maintained. No evidence of
fracture. Marrow signal is normal. Small Schmorl's node at the L3
superior endplate.
Conus: Terminates normally at L1.
L1-L2 and L2-L3: No disc bulge, canal or foraminal stenosis.
L3-L4: Minimal disc bulge. No stenosis.
L4-L5: Disc desiccation at L4-5 with mild foraminal narrowing, right
greater than left. Broad-based disc bulge with a small right
foraminal protrusion contacting the exiting right L4 nerve root. Mild
facet arthropathy. No central canal stenosis.
L5-S1: Mild disc desiccation and loss of disc height with a small
central annular fissure. No nerve root impingement.
Paraspinal soft tissues: Normal.

IMPRESSION:
1. Degenerative disc disease at L4-5 with disc desiccation, broad-based
   bulge and mild right greater than left foraminal narrowing; the
   right foraminal protrusion contacts the exiting right L4 nerve root.
2. Mild L5-S1 disc degeneration with a central annular fissure.
3. No evidence of fracture or spondylolisthesis.

Primary Diagnostic Code: SIGNIFICANT ABNORMALITY, ATTN NEEDED
/es/ HOWARD L. DEVEREUX, MD, RADIOLOGIST
Verified: 03/02/2021 13:52
""",
    ],
    flags=[
        [
            F("back_complaint", "Chronic low back pain since 2008 parachute injury"),
            F("imaging_finding", "spondylolisthesis", negated=True),
            F("imaging_finding", "fracture", negated=True),
            F("imaging_finding", "Disc desiccation at L4-5 with mild foraminal narrowing"),
            F("imaging_finding", "small right\nforaminal protrusion contacting the exiting right L4 nerve root"),
            F("imaging_finding", "small\ncentral annular fissure"),
            F("imaging_finding", "Broad-based disc bulge"),
            F("imaging_finding", "Mild\nfacet arthropathy"),
            F("imaging_finding", "Small Schmorl's node"),
            F("imaging_finding", "central canal stenosis", negated=True),
            F("imaging_finding", "nerve root impingement", negated=True),
            F("diagnosis", "Degenerative disc disease at L4-5"),
        ]
    ],
    not_flags=[[NotAFlag("aging_attribution", "Age: 50", "a header age attributes nothing")]],
)

# ---------------------------------------------------------------- C&P exam (four pages, no page numbers)

_DBQ_FOOT = "VA FORM 21-0960M-14, DEC 2022        BACK (THORACOLUMBAR SPINE) CONDITIONS DBQ"

CP_EXAM = SampleDocument(
    record_type="cp_exam",
    title="Back (Thoracolumbar Spine) Conditions DBQ, with medical opinion",
    date="2024-09-17",
    vbms_type_id=356,
    pages=[
        """\
DEPARTMENT OF VETERANS AFFAIRS                      OMB Control No. 2900-0808
                                                  Respondent Burden: 30 Minutes
^BACK (THORACOLUMBAR SPINE) CONDITIONS
^DISABILITY BENEFITS QUESTIONNAIRE

Name of patient/Veteran: MARCUS D WHITFIELD      SSN: XXX-XX-6183
Date of examination: September 17, 2024
Examination facility: Dayton VAMC C&P Clinic (in-person examination)

Is this DBQ being completed in conjunction with a VA 21-2507, C&P
examination request? [X] Yes  [ ] No
Evidence reviewed: [X] VA claims file (VBMS)  [X] VA treatment records
  [X] Private treatment records  [X] Service treatment records

SECTION I - DIAGNOSIS
1. Does the Veteran now have or has he ever been diagnosed with a
   thoracolumbar spine (back) condition? [X] Yes  [ ] No
   Diagnosis #1: Lumbosacral strain          ICD: S39.012   Date: 2008
   Diagnosis #2: Degenerative arthritis of the spine (lumbar DDD)
                                             ICD: M51.36    Date: 2021

SECTION II - MEDICAL HISTORY
2a. Describe the history (including onset and course):
The Veteran is a 54-year-old male, a retired Army infantryman (11B,
airborne), who reports the onset of low back pain after a hard parachute
landing in April 2008, documented at sick call and on a DA 2173 (in line
of duty). STRs show a second episode after a ruck march in March 2009,
treated with a profile and PT. The separation exam of 05/18/2011 notes
recurrent back pain. He reports the pain has continued since service and
has slowly worsened. He has worked as a roofer since 2013. He now has
pain daily, 6-8/10, with intermittent pain into the right buttock.
2b. Does the Veteran report flare-ups? [X] Yes. Two to three times a
    month after long days on roofs, lasting 2-4 days.
2c. Functional loss: cannot sit more than 30 min or lift over 25 lb.

"""
        + _DBQ_FOOT,
        """\
SECTION III - RANGE OF MOTION (ROM) AND FUNCTIONAL LIMITATION
3a. Initial ROM: [X] Abnormal
    Forward flexion 0 to 55 degrees (normal 90); pain begins at 40.
    Extension 0 to 15 degrees; lateral flexion R 0-20, L 0-25;
    lateral rotation R 0-25, L 0-30. Combined ROM 160 degrees.
3b. Is there evidence of pain on weight-bearing? [X] Yes
3c. Localized tenderness or pain to palpation? [X] Yes - L4-S1
    paraspinal tenderness, right greater than left.
3d. Guarding or muscle spasm: [X] Muscle spasm resulting in abnormal
    gait or abnormal spinal contour.
    Gait: antalgic, favoring the right lower extremity.

SECTION IV - MUSCLE STRENGTH, REFLEXES AND SENSATION
Strength: hip flexion, knee extension, ankle plantar and dorsiflexion
5/5 on the left; right knee extension 4/5, right EHL 4/5.
Reflexes: knee 2+ L, 1+ R; ankle 2+ bilaterally. Sensation decreased
to light touch over the right dorsal foot (L5). SLR positive on the
right.

SECTION V - RADICULOPATHY
Radicular pain or signs due to radiculopathy? [X] Yes
Nerve roots involved: [X] L4/L5/S1/S2/S3 (sciatic nerve) - Right.
Severity: Right lower extremity - mild.

SECTION VI - ANKYLOSIS: [X] No ankylosis of the spine.
SECTION VII - INTERVERTEBRAL DISC SYNDROME (IVDS): [X] Yes. No
    incapacitating episodes requiring bed rest prescribed by a
    physician in the past 12 months.

SECTION VIII - ASSISTIVE DEVICES
Does the Veteran use any assistive devices? [X] Yes
    Cane: [X] Regular. Uses a cane in the left hand for walking
    outside the home and on uneven ground.

"""
        + _DBQ_FOOT,
        """\
SECTION IX - DIAGNOSTIC TESTING
Imaging studies of the thoracolumbar spine performed and results
available? [X] Yes
    Arthritis documented? [X] Yes
    MRI lumbar spine 03/02/2021: degenerative disc disease at L4-5 with
    disc desiccation and mild foraminal narrowing, R > L; mild L5-S1
    disc degeneration; no fracture.
    X-ray lumbar spine 09/17/2024: multilevel disc space narrowing and
    endplate osteophytes, L3-S1, most marked at L4-5. Negative for
    spondylolisthesis. Vertebral compression fracture: No.

SECTION X - FUNCTIONAL IMPACT
Does the back condition impact the ability to work? [X] Yes. He
reports missing 2-3 workdays a month during flares and no longer
carrying shingle bundles up ladders.

SECTION XI - REMARKS
Knee: The Veteran also reports left knee pain for about 3 years. Left
knee X-ray 09/17/2024 shows mild medial joint space narrowing. The
left knee was not claimed for direct service connection and no knee
injury is documented in the STRs.

SECTION XII - MEDICAL OPINION (VA Form 21-2507 request)
Opinion requested: Direct service connection, lumbar spine condition.
[X] The claimed condition was less likely than not (less than 50%
    probability) incurred in or caused by the claimed in-service
    injury, event or illness.

"""
        + _DBQ_FOOT,
        """\
SECTION XII - MEDICAL OPINION (continued)
RATIONALE: The STRs document an acute lumbar strain in April 2008 and
a recurrent strain in March 2009, each treated conservatively, with no
further back visits in the following two years. A strain is a soft
tissue injury that is expected to resolve. The current lumbar DDD seen
on MRI in 2021, ten years after separation, is consistent with the
natural aging process. These are age-related degenerative changes of
the type commonly seen in males of his age group, and the MRI shows no
traumatic findings such as fracture. Obesity (BMI 36) and eleven years
of heavy post-service work as a roofer are more likely contributors
than a remote strain that resolved.

Secondary opinion requested: Left knee condition, claimed as secondary
to the lumbar spine condition.
I cannot resolve this issue without resort to mere speculation. The
lumbar condition is not service connected, the knee has not been
examined under a knee DBQ, and the medical literature on gait changes
and knee degeneration is mixed.

Examiner: /es/ KAREN L. MOSBY, PA-C
C&P Examiner, Dayton VAMC         Date signed: September 19, 2024

"""
        + _DBQ_FOOT,
    ],
    flags=[
        [
            F("diagnosis", "Lumbosacral strain"),
            F("diagnosis", "Degenerative arthritis of the spine (lumbar DDD)"),
            F("injury", "a hard parachute\nlanding in April 2008"),
            F("back_complaint", "recurrent back pain"),
            F("continuity", "the pain has continued since service"),
            F("alternative_cause", "He has worked as a roofer since 2013"),
        ],
        [
            F("back_complaint", "L4-S1\n    paraspinal tenderness"),
            F("gait", "Muscle spasm resulting in abnormal\n    gait"),
            F("gait", "Gait: antalgic, favoring the right lower extremity"),
            F("diagnosis", "radiculopathy"),
            F("back_complaint", "Radicular pain"),
            F("diagnosis", "INTERVERTEBRAL DISC SYNDROME (IVDS)"),
            F("gait", "Uses a cane in the left hand"),
        ],
        [
            F("imaging_finding", "disc desiccation and mild foraminal narrowing"),
            F("imaging_finding", "multilevel disc space narrowing and\n    endplate osteophytes"),
            F("imaging_finding", "spondylolisthesis", negated=True),
            F("imaging_finding", "mild medial joint space narrowing"),
            F("medical_opinion", "less likely than not", polarity="negative"),
        ],
        [
            F("diagnosis", "acute lumbar strain in April 2008"),
            F("aging_attribution", "consistent with the\nnatural aging process"),
            F("aging_attribution", "age-related degenerative changes"),
            F("aging_attribution", "commonly seen in males of his age group"),
            F("alternative_cause", "Obesity (BMI 36)"),
            F("alternative_cause", "heavy post-service work as a roofer"),
            F(
                "medical_opinion",
                "cannot resolve this issue without resort to mere speculation",
                polarity="speculative",
            ),
        ],
    ],
    not_flags=[
        [NotAFlag("aging_attribution", "a 54-year-old male", "a plain age is not an aging attribution")],
        [],
        [NotAFlag("injury", "no knee\ninjury is documented", "an absent injury is not an injury event")],
        [],
    ],
)

# ---------------------------------------------------------------- rating decision (two pages)

RATING = SampleDocument(
    record_type="rating_decision",
    title="Rating decision: service connection for back and left knee denied",
    date="2024-11-04",
    vbms_type_id=338,
    font="Times-Roman",
    pages=[
        """\
DEPARTMENT OF VETERANS AFFAIRS
Veterans Benefits Administration
Cleveland Regional Office
^RATING DECISION
                                                       November 4, 2024
NAME OF VETERAN: MARCUS D WHITFIELD       VA FILE NUMBER: 28 417 903
SOCIAL SECURITY NR: XXX XX 6183           POA: OHIO DEPT OF VETERANS SERVICES
ACTIVE DUTY: EOD 06/11/1991 - RAD 08/31/2011, ARMY, HONORABLE

INTRODUCTION
The records reflect that you are a veteran of the Gulf War Era. You
filed a claim for service connection received on June 11, 2024.

DECISION
1. Service connection for lumbar degenerative disc disease with
   lumbosacral strain is denied.
2. Service connection for left knee condition, claimed as secondary to
   the low back condition, is denied.

EVIDENCE
- VA Form 21-526EZ, Application for Disability Compensation, received
  June 11, 2024
- Service treatment records, 06/11/1991 through 08/31/2011
- DA Form 2173, Statement of Medical Examination and Duty Status,
  April 22, 2008
- VA treatment records, Dayton VA Medical Center, October 8, 2019
  through August 30, 2024
- Private treatment records, Miami Valley Chiropractic & Spine, 2020
- VA examination, Back (Thoracolumbar Spine) Conditions DBQ,
  September 17, 2024

""",
        """\
WHITFIELD, MARCUS D           28 417 903           RATING DECISION
REASONS FOR DECISION
1. Service connection for lumbar degenerative disc disease with
lumbosacral strain.
Service connection may be granted for a disability that began in
military service or was caused by some event or experience in service.
Your service treatment records show treatment for a lumbar strain in
April 2008 and March 2009. The VA examiner opined that your current
back condition is less likely than not incurred in or caused by
service. The examiner explained that the condition is consistent with
the natural aging process, and that obesity and post-service work as a
roofer are more likely causes. We found the VA opinion probative
because it was based on a review of your records and an in-person
examination. Service connection is denied.

2. Service connection for left knee condition, claimed as secondary to
the low back condition.
Service connection on a secondary basis requires a service-connected
disability. Your low back condition is not service connected. The VA
examiner could not provide an opinion without resort to speculation.
No knee condition is shown in service. Service connection is denied.

REFERENCES: Title 38 of the Code of Federal Regulations, sections 3.303
and 3.310.

/s/ T. R. HALVORSEN
Rating Veterans Service Representative
""",
    ],
    flags=[
        [F("diagnosis", "lumbar degenerative disc disease")],
        [
            F("diagnosis", "a lumbar strain in\nApril 2008"),
            F("medical_opinion", "less likely than not incurred in or caused by\nservice", polarity="negative"),
            F("aging_attribution", "consistent with\nthe natural aging process"),
            F("alternative_cause", "obesity and post-service work as a\nroofer"),
            F("medical_opinion", "could not provide an opinion without resort to speculation", polarity="speculative"),
        ],
    ],
)

# ---------------------------------------------------------------- lay evidence

PERSONAL_STATEMENT = SampleDocument(
    record_type="personal_statement",
    title="VA Form 21-4138, Statement in Support of Claim",
    date="2025-01-15",
    vbms_type_id=115,
    font="Helvetica",
    pages=[
        """\
OMB Control No. 2900-0075                         Respondent Burden: 15 minutes
^DEPARTMENT OF VETERANS AFFAIRS
^STATEMENT IN SUPPORT OF CLAIM
VA FORM 21-4138
1. FIRST NAME - MIDDLE INITIAL - LAST NAME: MARCUS D WHITFIELD
2. VA FILE NUMBER: 28 417 903        3. DATE OF BIRTH: 08/02/1970
4. TELEPHONE: (937) 555-0193         5. DATE: 01/15/2025

The following statement is made in connection with my claim for my low
back and my left knee. I want the VA to know what happened.

I was a paratrooper in the 82nd Airborne for most of my 20 years. In
April 2008 I made a hard landing on a night jump on Sicily drop zone with
my ruck still hooked up. I went to sick call that morning and they put me
on a profile. In March 2009 my back went out again after a 12 mile ruck
march with about 80 lb. We rucked every week and jumped every month, and
I carried the radio or the gun more often than not.

My back has hurt ever since. After I retired I did not go to the doctor
for years because I figured that is just what my back does now. I took
Motrin almost every day. I went to the VA in 2019 when I could not do it
anymore.

I did not hurt my back roofing. My back was already bad when I started
roofing in 2013, and I have had to stop carrying bundles. Since about
2020 I walk with a cane, and I limp to keep weight off my right side.
My left knee started hurting after I started limping like that. I never
hurt my left knee.

I CERTIFY THAT the statements on this form are true and correct to the
best of my knowledge and belief.
SIGNATURE: /s/ Marcus D. Whitfield              DATE SIGNED: 01/15/2025

VA FORM 21-4138, DEC 2017
""",
    ],
    flags=[
        [
            F("injury", "I made a hard landing on a night jump"),
            F("service_strain", "12 mile ruck\nmarch with about 80 lb"),
            F("back_complaint", "my back went out again"),
            F("service_strain", "We rucked every week and jumped every month"),
            F("continuity", "My back has hurt ever since"),
            F("gait", "I walk with a cane"),
            F("gait", "I limp to keep weight off my right side"),
            F("secondary_link", "My left knee started hurting after I started limping"),
        ]
    ],
    not_flags=[[NotAFlag("injury", "I did not hurt my back roofing", "a denied injury is no injury event")]],
)

BUDDY_STATEMENT = SampleDocument(
    record_type="buddy_statement",
    title="VA Form 21-10210, Lay/Witness Statement (fellow paratrooper)",
    date="2025-01-20",
    vbms_type_id=1442,
    scanned=True,
    rotation=180,
    pages=[
        """\
OMB Control No. 2900-0881                         Respondent Burden: 15 minutes
^LAY/WITNESS STATEMENT
^VA FORM 21-10210
SECTION I: CLAIMANT'S IDENTIFICATION INFORMATION
1. CLAIMANT'S NAME: MARCUS D WHITFIELD     2. VA FILE NUMBER: 28 417 903
SECTION II: WITNESS'S IDENTIFICATION INFORMATION
8. WITNESS'S NAME: RAFAEL A. QUINTERO
9. RELATIONSHIP TO CLAIMANT: SERVED WITH THE VETERAN
10. WITNESS'S TELEPHONE: (910) 555-0172
SECTION III: STATEMENT
I served with SFC Whitfield in C Company, 2nd Battalion, 504th PIR
at Fort Bragg from 2005 until he retired in 2011. I was his team leader
and later his platoon sergeant's driver.

I was on the same night jump on Sicily DZ in April 2008. The winds were
high and a lot of guys came in hard. I saw him land hard on his back
and he could not get up for a few minutes. We carried his ruck off the
drop zone for him. He went to the aid station the next morning.

After that jump he was never the same. He complained about his back
after every ruck march and every jump. He walked bent over and stiff
for the first hour every morning, and he kept a bottle of Motrin in his
cargo pocket. He still carried the 240 ammo and his 80 lb ruck because
he would not let his guys carry his weight.

I have stayed in touch with him since we got out. His back has bothered
him the whole time, and these last few years he walks with a cane.

I CERTIFY THAT the statements on this form are true and correct.
SIGNATURE: /s/ Rafael A. Quintero                   DATE: 01/20/2025

VA FORM 21-10210, MAR 2022
""",
    ],
    flags=[
        [
            F("injury", "I saw him land hard on his back"),
            F("back_complaint", "He complained about his back"),
            F("gait", "He walked bent over and stiff"),
            F("service_strain", "his 80 lb ruck"),
            F("continuity", "His back has bothered\nhim the whole time"),
            F("gait", "he walks with a cane"),
        ]
    ],
)

# ---------------------------------------------------------------- private IMO (three pages, no page numbers)

IMO = SampleDocument(
    record_type="medical_opinion",
    title="Independent medical opinion (nexus letter), lumbar spine and left knee",
    date="2025-03-03",
    vbms_type_id=663,
    font="Times-Roman",
    pages=[
        """\
^BUCKEYE SPINE & REHABILITATION ASSOCIATES
^Ellen R. Castellanos, MD - Physical Medicine and Rehabilitation
^1400 Wilmington Pike, Suite 210, Dayton, OH 45420 - (937) 555-0126
Board Certified, American Board of PM&R. Licensed: Ohio. NPI on file.

March 3, 2025

Department of Veterans Affairs
Evidence Intake Center, PO Box 4444, Janesville, WI 53547-4444

RE: Veteran Marcus D. Whitfield    VA File No. 28 417 903
Independent Medical Opinion: lumbar spine; left knee (secondary)

I am a physician board certified in physical medicine and rehabilitation
and have treated spine disorders for 19 years. At the veteran's request
I reviewed his records and examined him on February 24, 2025.

RECORDS REVIEWED
- DD 214 (Army, 06/11/1991 to 08/31/2011), MOS 11B, Senior Parachutist
  Badge, 64 static line jumps.
- Service treatment records: sick-call notes of 04/22/2008 and
  03/14/2009 and 03/28/2009; DA 2173 line of duty report, 04/22/2008;
  DD 2808 retirement examination of 05/18/2011.
- Dayton VAMC records 10/08/2019 to 08/30/2024, including the physical
  therapy consult of 02/09/2021 and MRI of the lumbar spine 03/02/2021.
- Miami Valley Chiropractic records, 2020.
- VA DBQ examination and opinion of 09/17/2024; rating decision of
  11/04/2024.
- Lay statements of the veteran (01/15/2025) and of Mr. Rafael Quintero
  (01/20/2025).

DIAGNOSES
1. Lumbar degenerative disc disease at L4-5 and L5-S1 with right L5
   radiculopathy.
2. Left knee medial compartment osteoarthritis.
""",
        """\
HISTORY AND SERVICE DUTIES
Mr. Whitfield served twenty years as an airborne infantryman. His duties
included weekly ruck marches with 60 to 80 lb loads, monthly parachute
jumps with combat equipment, and carrying crew-served weapons and ammo.
On 04/22/2008 he made a hard parachute landing onto his buttocks and low
back, documented the same morning and found in line of duty. He had a
recurrence after a 12-mile ruck march in March 2009, and his retirement
examination recorded recurrent back pain. He has had back pain ever
since service: his treatment records, his chiropractor, his own
statement and a fellow soldier all describe continuous symptoms from
2008 to the present.

EXAMINATION (02/24/2025)
He walks with an antalgic gait, shortening stance on the right, and
uses a single point cane in the left hand. Lumbar flexion is 50 degrees
with pain. Straight leg raise is positive on the right at 50 degrees,
with decreased sensation over the right dorsal foot. The left knee has
medial joint line tenderness and crepitus; left knee X-ray (09/17/2024)
shows medial joint space narrowing.

OPINION: LUMBAR SPINE
It is my opinion that the veteran's lumbar degenerative disc disease is
at least as likely as not (50 percent or greater probability) incurred
in or caused by his military service, including the documented hard
parachute landing of April 2008 and twenty years of repetitive axial
loading from parachute jumps and ruck marches.

The VA examiner attributed the condition to aging. That opinion did not
address the documented in-service injury, the repetitive axial loading
of airborne duty, or the continuity of symptoms since 2008. Degeneration
concentrated at L4-5, the level loaded most in parachute landings, at
age 50 and with a documented injury at that level, is not what the
natural aging process alone would predict.
""",
        """\
His obesity and post-service roofing were considered. His back pain was
documented in service and at retirement, years before he began roofing
in 2013, and his weight gain followed the loss of activity caused by
his back. These factors may have added to his symptoms, but they do not
explain a condition that was already present and recurrent in service.

OPINION: LEFT KNEE (SECONDARY, 38 CFR 3.310)
It is my opinion that the veteran's left knee osteoarthritis is at
least as likely as not proximately due to, or aggravated by, his lumbar
spine condition. The mechanism is documented: the lumbar condition with
right L5 radiculopathy has produced a chronic antalgic gait favoring the
right since at least 2020, with weakness of the right hip abductors and
quadriceps. To protect the right side he shifts load onto the left leg
with every step. The altered gait from the back has strained the left
knee, and the overload falls on the medial compartment, exactly where
his knee X-ray shows joint space narrowing. There is no history of a
left knee injury. Peer-reviewed gait studies support the relationship
between compensatory gait and accelerated contralateral knee
degeneration.

I have no financial interest in the outcome of this claim. This opinion
is based on my review of the records listed, my examination, and the
medical literature, and is given to a reasonable degree of medical
certainty.

/s/ Ellen R. Castellanos, MD
Physical Medicine and Rehabilitation
""",
    ],
    flags=[
        [
            F("service_strain", "64 static line jumps"),
            F("diagnosis", "Lumbar degenerative disc disease at L4-5 and L5-S1"),
            F("diagnosis", "right L5\n   radiculopathy"),
            F("diagnosis", "Left knee medial compartment osteoarthritis"),
        ],
        [
            F("service_strain", "weekly ruck marches with 60 to 80 lb loads"),
            F("service_strain", "monthly parachute\njumps with combat equipment"),
            F("injury", "hard parachute landing onto his buttocks and low\nback"),
            F("back_complaint", "recurrent back pain"),
            F("continuity", "He has had back pain ever\nsince service"),
            F("continuity", "continuous symptoms from\n2008 to the present"),
            F("gait", "He walks with an antalgic gait"),
            F("gait", "uses a single point cane"),
            F("imaging_finding", "medial joint space narrowing"),
            F("medical_opinion", "at least as likely as not", polarity="positive"),
            F("service_strain", "repetitive axial\nloading"),
            F("aging_attribution", "attributed the condition to aging"),
            F("aging_attribution", "natural aging process alone would predict", negated=True),
        ],
        [
            F("alternative_cause", "His obesity and post-service roofing"),
            F("medical_opinion", "at\nleast as likely as not proximately due to", polarity="positive"),
            F("secondary_link", "The altered gait from the back has strained the left\nknee"),
            F("gait", "chronic antalgic gait favoring the\nright"),
            F("injury", "left knee injury", negated=True),
        ],
    ],
    not_flags=[
        [],
        [NotAFlag("aging_attribution", "at\nage 50", "an age stated to rebut aging is not an aging attribution")],
        [],
    ],
)

#: The claim file in page order, the order a VBMS download would put them in for this example.
DOCUMENTS: list[SampleDocument] = [
    CLAIM_FORM,
    DD214,
    STR_JUMP,
    LOD,
    STR_RUCK,
    STR_RUCK_FU,
    SEPARATION_EXAM,
    VA_PRIMARY_CARE,
    VA_PT,
    CHIRO,
    MRI,
    CP_EXAM,
    RATING,
    PERSONAL_STATEMENT,
    BUDDY_STATEMENT,
    IMO,
]
