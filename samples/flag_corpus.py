# ruff: noqa: E501  (template table: one sentence per line reads better than wrapped strings)
"""A labelled corpus for the evidence flaggers, generated (never hand-typed per sentence).

Why generated: real claim files cannot be committed, and a metric is only worth something if the
sentences it is measured on were not the ones the rules were written against. So every category has
several differently-worded templates ("variants"); the last variants of each category are held out
(split "test") and the rule packs are tuned on "train" only. Trap sentences sit beside them:
negations ("denies", "no evidence of", "negative for", "without"), family history, hypotheticals,
history, plain ages, and complaints that are not about the back. Labels follow `LABELS.md` (normal findings
are negated, smoking and a BMI under 30 are no alternative cause, "the in-service injury" is an injury).
A copy with simulated OCR noise (character confusions, broken line wraps) measures robustness.

Markup in a template: [[category|words]] or [[cat_a,cat_b|words]] (a span two finders may both
claim), [[medical_opinion:negative|words]] for an opinion's polarity, and a third field for span
context overriding the template's: [[gait|cane|neg]] (neg, hist, hyp, other).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

SPLITS: tuple[str, ...] = ("train", "test")


@dataclass(frozen=True)
class GoldSpan:
    """One labelled span: the categories that may claim it and the context a finder should report."""

    categories: tuple[str, ...]
    start: int
    end: int
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    experiencer: str = "patient"
    polarity: str | None = None


@dataclass(frozen=True)
class CorpusSentence:
    text: str
    spans: tuple[GoldSpan, ...]
    group: str  # the template group: a category, or a trap kind
    variant: int
    split: str
    noisy: bool = False


# (template, template context). Context keys: neg, hist, hyp, other.
Template = tuple[str, frozenset[str]]
NONE: frozenset[str] = frozenset()


def _t(text: str, *ctx: str) -> Template:
    return (text, frozenset(ctx))


# Per group: (train variants, held-out test variants). Test wordings differ from the train ones.
TEMPLATES: dict[str, tuple[list[Template], list[Template]]] = {
    "back_complaint": (
        [
            _t("{pt} c/o [[back_complaint|LBP]] {dur}."),
            _t("{pt} reports [[back_complaint|low back pain]] after PT today."),
            _t("[[back_complaint|Tenderness over {level} paraspinals]] on exam."),
            _t("Sick call: [[back_complaint|lower back pain radiating down the {side} leg]]."),
            _t("{pt} states his [[back_complaint|back hurts]] when bending over."),
            _t("Veteran endorses [[back_complaint|aching in the lumbar region]] that worsens with prolonged sitting."),
        ],
        [
            _t("Chief complaint: [[back_complaint|mid back stiffness]] and [[back_complaint|lumbar spasm]] {dur}."),
            _t("Exam notable for [[back_complaint|painful motion of the thoracolumbar spine]]."),
            _t("He has been having [[back_complaint|pain in his lower back]] since the weekend."),
            _t("Seen for [[back_complaint|paraspinal muscle spasm]] and [[back_complaint|sore back]] {dur}."),
            _t("Objective: [[back_complaint|spasm of the lumbar paraspinal muscles]] bilaterally."),
            _t("He rates his [[back_complaint|low back pain]] 7/10 today."),
            _t("Presents with [[back_complaint|acute onset LBP]] after lifting."),
            _t("Subjective: [[back_complaint|backache]] with morning stiffness."),
            _t("Pt presents to sick call with [[back_complaint|lower lumbar pain]] after field exercise."),
            _t("[[back_complaint|Midline tenderness at L5]] noted on palpation."),
            _t("He describes [[back_complaint|a dull ache across the low back]]."),
            _t("She reports [[back_complaint|sharp pain in the tailbone]] when sitting."),
            _t("Complains of [[back_complaint|stiffness in his back]] each morning."),
        ],
    ),
    "injury": (
        [
            _t("{pt} [[injury|fell from the vehicle ramp]] during loading on {date}."),
            _t("Sustained a [[injury|hard landing]] on a [[service_strain|night jump]]."),
            _t("[[injury|Hurt his back lifting a box]] at the motor pool."),
            _t("Involved in a [[injury|vehicle rollover]] near the FOB."),
            _t("{pt} [[injury|slipped and fell on ice]] outside the barracks."),
        ],
        [
            _t("During [[service_strain|airborne]] operations he [[injury|landed awkwardly]] and felt a pop."),
            _t("Was [[injury|thrown from the turret]] when the HMMWV struck a mine."),
            _t("LOD: [[injury|struck by a falling hatch]] on the flight deck."),
            _t("{pt} [[injury|twisted his back while carrying]] a litter."),
            _t("{pt} was [[injury|hit by a truck]] while directing traffic on post."),
            _t("Reports he [[injury|fell down a flight of stairs]] in the barracks."),
            _t("Sustained a [[injury,diagnosis|lumbar strain]] while lifting a generator."),
            _t("[[injury|Parachute malfunction]] resulted in a [[injury|hard landing]] on rocky ground."),
            _t("He [[injury|was knocked down by an IED blast]] in 2007."),
            _t("While on patrol he [[injury|stepped into a hole and twisted his back]]."),
            _t("[[injury|Rear-ended at a stop light]] in 2016 per his report."),
            _t("He [[injury|was crushed between two vehicles]] during a convoy halt."),
            _t("SM [[injury|jumped from the back of a truck]] and felt a pop."),
            _t("During PT he [[injury|strained his lower back]] doing deadlifts."),
        ],
    ),
    "gait": (
        [
            _t("[[gait|Antalgic gait favoring the {side}]]."),
            _t("{pt} [[gait|ambulates with a cane]]."),
            _t("[[gait|Gait is slow and guarded]]."),
            _t("Observed [[gait|limping]] on the {side} during exam."),
            _t("[[gait|Shortened stride]] and [[gait|forward-flexed posture]] noted."),
            _t("Needs a [[gait|walker]] at home."),
        ],
        [
            _t("He [[gait|walks with a limp]] and [[gait|shifts his weight to the {side} leg]]."),
            _t("[[gait|Uses a rollator]] for distances over one block."),
            _t("Unable to [[gait|tandem walk]] without losing balance."),
            _t("[[gait|Wide-based gait]]; [[gait|difficulty standing]] from a chair."),
            _t("[[gait|Gait antalgic]] on the {side}."),
            _t("He [[gait|favors his {side} leg]] when walking."),
            _t("[[gait|Tandem gait]] impaired."),
            _t("[[gait|Non-weight-bearing]] on the {side} for six weeks."),
            _t("Patient [[gait|walks slowly with a cane in the right hand]]."),
            _t("[[gait|Station and gait]] notable for a [[gait|left-sided limp]]."),
            _t("He [[gait|cannot heel walk]] on the {side}."),
            _t("[[gait|Ambulated 50 feet]] with standby assist."),
            _t("Observed [[gait|stooped posture]] while standing."),
        ],
    ),
    "aging_attribution": (
        [
            _t("Degenerative changes are [[aging_attribution|consistent with his age]]."),
            _t("Findings represent [[aging_attribution|age-related degenerative changes]]."),
            _t("This reflects the [[aging_attribution|natural progression]] of [[diagnosis|degenerative disc disease]]."),
            _t("[[aging_attribution|Wear and tear of aging]] rather than any in-service event."),
            _t("Such findings are [[aging_attribution|common in this age group]]."),
            _t("Degeneration of this kind is [[aging_attribution|seen in most men over 50]]."),
            _t("The examiner opined the [[diagnosis|arthritis]] is [[aging_attribution|a normal consequence of aging]]."),
        ],
        [
            _t("The lumbar condition is [[aging_attribution|degenerative in nature and due to age]]."),
            _t("These changes are [[aging_attribution|expected with advancing age]]."),
            _t("His [[diagnosis|spondylosis]] is [[aging_attribution|typical of a man his age]]."),
            _t("[[aging_attribution|Normal wear and tear with aging]] explains the MRI."),
            _t("The changes are part of [[aging_attribution|the natural aging process]]."),
            _t("[[aging_attribution|Age-appropriate]] [[diagnosis|spondylosis]] is noted."),
            _t("Findings are [[aging_attribution|attributable to the aging process]] rather than service."),
            _t("His back condition is [[aging_attribution|a result of getting older]]."),
            _t("This degree of [[diagnosis|arthritis]] is [[aging_attribution|to be expected at his age]]."),
            _t("The examiner wrote that the disc changes [[aging_attribution|reflect normal aging]]."),
            _t("Spurring is [[aging_attribution|an age-related phenomenon]]."),
            _t("The condition [[aging_attribution|developed as part of the aging process]]."),
            _t("[[imaging_finding|Disc desiccation]] [[aging_attribution|typically occurs as people get older]]."),
        ],
    ),
    "diagnosis": (
        [
            _t("Assessment: [[diagnosis|lumbar DDD]]."),
            _t("Diagnosed with [[diagnosis|{side} L5 radiculopathy]]."),
            _t("Impression: [[diagnosis|lumbosacral strain]]."),
            _t("Knee exam consistent with a [[diagnosis|medial meniscus tear]]."),
            _t("History of [[diagnosis|herniated disc]] at {level}.", "hist"),
        ],
        [
            _t("Dx: [[diagnosis|spinal stenosis]] and [[diagnosis,back_complaint|sciatica]]."),
            _t("Assessment: [[diagnosis|intervertebral disc syndrome]] with [[diagnosis|bilateral lower extremity radiculopathy]]."),
            _t("Follow-up for [[diagnosis|patellofemoral pain syndrome]] of the {side} knee."),
            _t("Problem list: [[diagnosis|degenerative joint disease]], [[diagnosis|plantar fasciitis]]."),
        ],
    ),
    "imaging_finding": (
        [
            _t("MRI: [[imaging_finding|disc desiccation at {level}]] with [[imaging_finding|mild foraminal narrowing]]."),
            _t("[[imaging_finding|X-rays show]] [[imaging_finding|anterior osteophytes]] at L3-L4."),
            _t("[[imaging_finding|Loss of disc height]] at {level}."),
            _t("Impression: [[imaging_finding|broad-based disc bulge]] at {level}."),
            _t("There is [[imaging_finding|facet hypertrophy]] and [[imaging_finding|moderate central canal stenosis]]."),
        ],
        [
            _t("[[imaging_finding|Lumbar MRI demonstrated]] a [[imaging_finding|{side} paracentral disc protrusion]]."),
            _t("Radiographs: [[imaging_finding|Schmorl's nodes]] and [[imaging_finding|endplate sclerosis]]."),
            _t("[[imaging_finding,diagnosis|Grade 1 anterolisthesis]] of L4 on L5."),  # LABELS.md: a spondylolisthesis
            _t("[[imaging_finding|Annular fissure]] with [[imaging_finding|nerve root impingement]] at {level}."),
        ],
    ),
    "service_strain": (
        [
            _t("Completed [[service_strain|{n}-mile ruck marches with {w} lb]] weekly."),
            _t("[[service_strain|Airborne]] qualified with [[service_strain|{n} jumps]]."),
            _t("Duties included [[service_strain|heavy lifting of artillery rounds]]."),
            _t("[[service_strain|MOS 11B infantryman]] for four years."),
            _t("Wore [[service_strain|body armor]] on daily patrols for 12 months."),
        ],
        [
            _t("He [[service_strain|carried a {w} lb rucksack on field exercises]]."),
            _t("As a [[service_strain|cannon crewmember]] he [[service_strain|loaded {w} lb rounds]] daily."),
            _t("[[service_strain|Years of climbing in and out of vehicles]] in full kit."),
            _t("Served as a [[service_strain|paratrooper]] with [[service_strain|{n} static-line jumps]]."),
        ],
    ),
    "medical_opinion": (
        [
            _t("It is [[medical_opinion:positive|at least as likely as not that the back condition was incurred in service]]."),
            _t("The claimed condition is [[medical_opinion:negative|less likely than not related to military service]]."),
            _t("The [[diagnosis|lumbar DDD]] is [[medical_opinion:positive|more likely than not due to his military service]]."),
            _t("The examiner [[medical_opinion:speculative|cannot resolve this issue without resort to mere speculation]]."),
            _t("The back disability [[medical_opinion:negative|was not caused by]] the in-service event."),
        ],
        [
            _t("This condition [[medical_opinion:positive|is related to]] his duties as a [[service_strain|paratrooper]]."),
            _t("In my opinion the disorder is [[medical_opinion:negative|not related to]] the [[diagnosis|back strain]] in service."),
            _t("An opinion on etiology [[medical_opinion:speculative|would be speculative]] given the missing records."),
            _t("The spine condition [[medical_opinion:positive|was incurred in service]]."),
        ],
    ),
    "alternative_cause": (
        [
            _t("{pt} [[alternative_cause|works as a {job}]] since 2012."),
            _t("Vitals: [[alternative_cause|BMI {bmi}]]."),
            _t("Plays [[alternative_cause|weekend football]] with friends."),
            _t("He [[injury|injured his back]] in a [[alternative_cause,injury|post-service motor vehicle accident]] in 2015."),
        ],
        [
            _t("Filed a [[alternative_cause|workers' compensation]] claim after a [[injury|lifting injury]] at the warehouse."),
            _t("[[alternative_cause|Morbid obesity]] may contribute to his [[back_complaint|back pain]]."),
            _t("Civilian [[alternative_cause|employment as a {job}]] for 15 years."),
            _t("[[alternative_cause|Obese]] and deconditioned."),
        ],
    ),
    "continuity": (
        [
            _t("He has had [[back_complaint|back pain]] [[continuity|ever since]]."),
            _t("Symptoms [[continuity|have persisted since discharge]]."),
            _t("The pain [[continuity|never went away]] after the jump."),
            _t("Reports [[back_complaint|back pain]] [[continuity|on and off since service]]."),
            _t("[[continuity|Continuity of symptomatology]] is documented in VA records."),
        ],
        [
            _t("She [[continuity|has continued to have flare-ups since her separation]]."),
            _t("[[back_complaint|Low back pain]] [[continuity|since his time in the Army]]."),
            _t("He states the [[back_complaint,continuity,injury|back pain has been constant since the in-service injury]]."),
            _t("The [[back_complaint|back problems]] [[continuity|never resolved]] after Iraq."),
        ],
    ),
    "secondary_link": (
        [
            _t("[[gait,secondary_link|Altered gait from the knee has strained the back]]."),
            _t("[[back_complaint|Back pain]] is [[secondary_link|secondary to his service-connected {side} knee condition]]."),
            _t("[[secondary_link|Compensating for the knee has overloaded the lumbar spine]]."),
            _t("[[secondary_link|The knee condition has aggravated his back]]."),
            _t("[[diagnosis|Lumbar radiculopathy]] is [[secondary_link|proximately due to the service-connected back disability]]."),
        ],
        [
            _t("His [[gait,secondary_link|antalgic gait has placed abnormal stress on the left knee]]."),
            _t("Bilateral [[diagnosis|pes planus]] [[gait,secondary_link|has altered his gait and strained the low back]]."),
            _t("[[secondary_link|Overuse of the {side} leg to compensate for the back]] led to [[diagnosis|knee arthritis]]."),
            _t("[[diagnosis|Knee DJD]] is [[secondary_link|aggravated by his service-connected back]] condition."),
        ],
    ),
    "negated": (
        [
            _t("{pt} denies [[back_complaint|back pain]].", "neg"),
            _t("No evidence of [[imaging_finding|foraminal narrowing]].", "neg"),
            _t("Negative for [[back_complaint|radiating pain down the legs]].", "neg"),
            _t("[[gait|Gait normal]] without [[gait|assistive device]].", "neg"),
            _t("Separation exam: denies [[back_complaint|recurrent back pain]].", "neg"),
            _t("Without [[back_complaint|paraspinal tenderness]] today.", "neg"),
        ],
        [
            _t("There is no [[imaging_finding,diagnosis|disc herniation at {level}]].", "neg"),
            _t("[[gait|Ambulates]] without a [[gait|cane|neg]]."),
            _t("No [[aging_attribution|age-related changes]] were described.", "neg"),
            _t("Negative for [[diagnosis|radiculopathy]] on EMG.", "neg"),
            _t("He denied any [[injury|motor vehicle accident]].", "neg"),
        ],
    ),
    "family": (
        [
            _t("Family history: mother with [[diagnosis|degenerative disc disease]].", "other"),
            _t("His father had [[back_complaint|chronic back pain]].", "other"),
        ],
        [
            _t("Brother has [[diagnosis|lumbar stenosis]].", "other"),
            _t("FHx significant for [[diagnosis|scoliosis]] in his sister.", "other"),
        ],
    ),
    "hypothetical": (
        [
            _t("Return to clinic if [[back_complaint|back pain]] worsens.", "hyp"),
            _t("Call if [[gait|unable to bear weight]].", "hyp"),
        ],
        [
            _t("Should he develop [[back_complaint|lumbar pain]], he will report to sick call.", "hyp"),
            _t("Watch for [[gait|antalgic gait]] after surgery.", "hyp"),
        ],
    ),
    "historical": (
        [
            _t("Status post [[injury|fall from a ladder]] in 2009.", "hist"),
            _t("Past medical history of [[diagnosis|lumbar strain]].", "hist"),
        ],
        [
            _t("Previous [[injury|back injury]] in 1998.", "hist"),
            _t("Prior history of [[diagnosis,back_complaint|sciatica]].", "hist"),
        ],
    ),
    "trap": (
        [
            _t("A {age}-year-old male presents for follow-up."),
            _t("Age: {age}."),
            _t("{pt} c/o sore throat {dur}."),
            _t("Smokes 1 ppd; BMI 27."),
            _t("Neck pain radiating to the shoulder."),
            _t("He came back to clinic for refills."),
            _t("Pain in the back of the head."),
            _t("Fall risk assessment completed."),
            _t("Veteran, aged {age}, here for annual exam."),
            _t("Headache and nausea since this morning."),
            _t("He will be back at work Monday."),
            _t("The knee was stable; gait not assessed."),
            _t("Lifting restrictions: no lifting over 20 lb."),
        ],
        [
            _t("{pt} is a {age} y/o veteran with hypertension."),
            _t("Enlisted at age 18 in 1990."),
            _t("Fell asleep during the briefing."),
            _t("Shoulder pain with overhead reaching at the gym."),
            _t("Chest pain resolved with rest."),
            _t("DOB 1968; {age} years old at the time of exam."),
            _t("Patient is {age} years of age."),
            _t("Back to duty in 3 days."),
            _t("He enjoys walking his dog daily."),
            _t("He is a {age}-year-old retired Army sergeant."),
            _t("Age at separation: 40."),
            _t("Pain in the back of the knee after running."),
            _t("He went back to the motor pool."),
            _t("Sore throat and cough; no other complaints."),
            _t("The veteran's age is noted as 58 on the DBQ."),
        ],
    ),
}

FILLERS: dict[str, list[str]] = {
    "pt": ["Pt", "Patient", "Veteran", "He", "SM", "The veteran"],
    "side": ["right", "left"],
    "level": ["L4-5", "L5-S1", "L3-L4", "L4-L5"],
    "dur": ["x 3 days", "for 2 weeks", "x 1 wk", "for the past month", "x2 days"],
    "date": ["03/14/2004", "2004-03-14", "14 March 2004", "June 2, 2005"],
    "job": ["roofer", "construction worker", "mechanic", "warehouse worker", "truck driver"],
    "age": [str(a) for a in range(34, 71, 3)],
    "n": [str(n) for n in (6, 9, 12, 15, 20, 35, 60)],
    "w": [str(w) for w in (45, 60, 80, 90, 100)],
    "bmi": ["31", "34", "36", "38.5", "41"],
}
_MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)(?:\|([^\]]+))?\]\]")
_CTX_KEYS = {"neg", "hist", "hyp", "other"}


def parse_template(filled: str, template_ctx: frozenset[str]) -> tuple[str, list[GoldSpan]]:
    """Strip the markup, returning the plain sentence and its gold spans."""
    out: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(filled):
        plain = filled[pos : m.start()]
        out.append(plain)
        length += len(plain)
        cats_raw, words, ctx_raw = m.group(1), m.group(2), m.group(3)
        ctx = set(template_ctx) if ctx_raw is None else {c for c in ctx_raw.split(",") if c in _CTX_KEYS}
        polarity = None
        categories: list[str] = []
        for c in cats_raw.split(","):
            name, _, pol = c.partition(":")
            categories.append(name)
            polarity = pol or polarity
        spans.append(
            GoldSpan(
                categories=tuple(categories),
                start=length,
                end=length + len(words),
                negated="neg" in ctx,
                historical="hist" in ctx,
                hypothetical="hyp" in ctx,
                experiencer="other" if "other" in ctx else "patient",
                polarity=polarity,
            )
        )
        out.append(words)
        length += len(words)
        pos = m.end()
    out.append(filled[pos:])
    return "".join(out), spans


def build_flag_corpus(instances_per_variant: int = 6, seed: int = 20261121) -> list[CorpusSentence]:
    """Every template filled `instances_per_variant` times with deterministic fillers, clean text."""
    rng = random.Random(seed)
    corpus: list[CorpusSentence] = []
    for group, (train, test) in TEMPLATES.items():
        for split, variants in (("train", train), ("test", test)):
            for variant, (template, ctx) in enumerate(variants):
                seen: set[str] = set()
                for _ in range(instances_per_variant):
                    values = {k: rng.choice(v) for k, v in FILLERS.items()}
                    filled = template.format_map(values)
                    if filled in seen:
                        continue
                    seen.add(filled)
                    text, spans = parse_template(filled, ctx)
                    corpus.append(CorpusSentence(text, tuple(spans), group, variant, split))
    return corpus


# OCR confusions seen in scanned service records (tesseract on 300 dpi faxes and carbon copies).
_CONFUSIONS: dict[str, list[str]] = {
    "l": ["1", "I"], "I": ["l", "1"], "O": ["0"], "o": ["0"], "e": ["c"], "c": ["e"], "m": ["rn"],
    "S": ["5"], "s": ["5"], "B": ["8"], "g": ["q"], "i": ["l", "1"], "a": ["o"], "t": ["f"], "h": ["b"],
}


def _noisy_segment(seg: str, rng: random.Random, char_rate: float, wrap_rate: float) -> str:
    out: list[str] = []
    for ch in seg:
        if ch == " " and rng.random() < wrap_rate:
            out.append("\n")
        elif ch in _CONFUSIONS and rng.random() < char_rate:
            out.append(rng.choice(_CONFUSIONS[ch]))
        else:
            out.append(ch)
    return "".join(out)


def add_ocr_noise(
    corpus: list[CorpusSentence], seed: int = 7, char_rate: float = 0.02, wrap_rate: float = 0.12
) -> list[CorpusSentence]:
    """A noisy copy: per-character confusions and line breaks inside sentences; gold spans re-anchored."""
    rng = random.Random(seed)
    noisy: list[CorpusSentence] = []
    for item in corpus:
        cuts = sorted({0, len(item.text)} | {s.start for s in item.spans} | {s.end for s in item.spans})
        new_pos: dict[int, int] = {0: 0}
        parts: list[str] = []
        total = 0
        for a, b in zip(cuts, cuts[1:], strict=False):
            seg = _noisy_segment(item.text[a:b], rng, char_rate, wrap_rate)
            parts.append(seg)
            total += len(seg)
            new_pos[b] = total
        spans = tuple(replace(s, start=new_pos[s.start], end=new_pos[s.end]) for s in item.spans)
        noisy.append(replace(item, text="".join(parts), spans=spans, noisy=True))
    return noisy


def held_out(corpus: list[CorpusSentence]) -> list[CorpusSentence]:
    return [c for c in corpus if c.split == "test"]


def training(corpus: list[CorpusSentence]) -> list[CorpusSentence]:
    return [c for c in corpus if c.split == "train"]
