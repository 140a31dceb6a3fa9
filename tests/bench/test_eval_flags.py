"""The flag evaluation: note-level folds, unit scoring, context errors, and what it refuses to show."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pytest

from bench import eval_flags as ev
from samples import labelled_text as lt


def test_folds_are_by_document_name_sha256_mod_4() -> None:
    name = "Made-up Note - 7"
    assert ev.doc_fold(name) == int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 4
    assert set(ev.DEV_FOLDS).isdisjoint(ev.TEST_FOLDS) and set(ev.DEV_FOLDS) | set(ev.TEST_FOLDS) == {0, 1, 2, 3}


def _hit(category: str, start: int, end: int, negated: bool = False) -> SimpleNamespace:
    return SimpleNamespace(category=category, start=start, end=end, spans=((start, end),), negated=negated,
                           hypothetical=False, experiencer="patient", polarity=None)


def test_units_are_scored_by_category_with_context_errors_apart() -> None:
    units = [
        lt.LabelledUnit("doc", 0, "Denies back pain.", (lt.GoldLabel("back_complaint", negated=True),)),
        lt.LabelledUnit("doc", 1, "Uses a cane.", (lt.GoldLabel("gait"),)),
        lt.LabelledUnit("doc", 2, "Fell off a ladder.", (lt.GoldLabel("injury"),)),
    ]
    page = "\n".join(u.text for u in units)

    def finder(text: str, record_type: str) -> list[SimpleNamespace]:
        assert text == page  # the units of a document are read as one page
        back = text.index("back pain")
        cane = text.index("cane")
        return [_hit("back_complaint", back, back + 9, negated=False), _hit("gait", cane, cane + 4),
                _hit("diagnosis", cane, cane + 4)]

    scores = ev.score_units(units, finder, keep_errors=True)
    s = ev.summary(scores)
    assert (s["categories"]["back_complaint"]["tp"], s["categories"]["back_complaint"]["context_errors"]) == (1, 1)
    assert s["categories"]["gait"]["tp"] == 1 and s["categories"]["diagnosis"]["fp"] == 1
    assert s["categories"]["injury"]["fn"] == 1
    assert s["context_errors"] == 1 and s["flags"] == 3
    assert any(e.startswith("CTX back_complaint") for e in scores.errors)


def test_the_plainest_flag_of_a_unit_speaks_for_it() -> None:
    units = [lt.LabelledUnit("d", 0, "Gait antalgic, no cane.", (lt.GoldLabel("gait"),))]

    def finder(text: str, record_type: str) -> list[SimpleNamespace]:
        return [_hit("gait", 15, 22, negated=True), _hit("gait", 0, 4)]

    assert ev.summary(ev.score_units(units, finder))["context_errors"] == 0


def test_corpus_gold_per_unit_takes_the_plainest_span() -> None:
    from samples.flag_corpus import CorpusSentence, GoldSpan

    item = CorpusSentence("Gait normal, cane absent.", (GoldSpan(("gait",), 0, 4, negated=True),
                                                       GoldSpan(("gait",), 13, 17, negated=False)), "g", 0, "test")
    (unit,) = ev.corpus_units([item], "c")
    assert unit.labels == (lt.GoldLabel("gait", negated=False),)


@pytest.mark.parametrize(
    "argv",
    [
        ["--part", "notes", "--split", "test", "--errors"],
        ["--part", "board", "--board-set", "B", "--errors"],
    ],
)
def test_held_out_errors_are_refused_before_anything_is_read(argv: list[str]) -> None:
    with pytest.raises(SystemExit, match="stay unseen"):
        ev.main(argv)


def test_sample_claim_one_flag_per_sentence_and_fewer_flags_than_before() -> None:
    report = ev.sample_claim_report(ev.rules_finder())
    assert report is not None
    assert report["repeats"] == 0
    assert report["flags_per_page"] < 12.0  # 12.0 a page, 73 of them repeats, before issue 10
    assert report["recall"] >= 0.98 and report["traps_flagged"] == 0


def test_repo_training_data_is_in_the_repository_and_labelled() -> None:
    texts = lt.repo_training_texts()
    groups = {t.group for t in texts}
    assert {"corpus", "corpus-noisy", "written"} <= groups
    written = lt.written_sentences()
    assert len(written) >= 300
    assert any(not t.stretches[0][2] for t in written)  # negatives too


def test_a_note_as_published_is_read_whole_and_its_units_found_in_it(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "notes").mkdir()
    body = "HISTORY:  Fell at work.He denies leg pain.EXAM:  Antalgic gait."
    (tmp_path / "notes" / "n1.txt").write_text(
        "Medical Specialty:X\nSample Name: n1\nDescription: d\n(Medical Transcription Sample Report)\n"
        f"{body}\n\nKeywords: gait, fall\n", encoding="utf-8")
    units = [lt.LabelledUnit("n1", 0, "HISTORY: Fell at work.", (lt.GoldLabel("injury"),)),
             lt.LabelledUnit("n1", 1, "He denies leg pain.", ()),
             lt.LabelledUnit("n1", 2, "EXAM: Antalgic gait.", (lt.GoldLabel("gait"),))]
    texts = ev.published_notes(tmp_path, ["n1"])
    text = texts["n1"]
    starts, ends = ev.unit_spans(text, units)
    assert "Keywords" not in text and "Sample Name" not in text
    assert [text[s:s + 7] for s in starts] == ["HISTORY", "He deni", "EXAM:  "]
    assert text[ends[-1] - 5 : ends[-1]] == "gait."
    seen: list[str] = []

    def finder(page: str, record_type: str) -> list[SimpleNamespace]:
        seen.append(page)
        gait = page.index("Antalgic gait")
        return [_hit("gait", gait, gait + 13)]

    scores = ev.score_units(units, finder, texts=texts)
    assert seen == [text]  # the glued published text, not the units joined by newlines
    assert scores.tp["gait"] == 1 and scores.fn["injury"] == 1 and scores.fp["gait"] == 0


def test_errors_of_held_out_web_sets_are_refused() -> None:
    for web_set in ev.WEB_SETS:
        with pytest.raises(SystemExit, match="unseen"):
            ev.main(["--part", "web", "--web-set", web_set, "--web-split", "test", "--errors"])


def test_typed_reading_types_an_untyped_text_as_the_pipeline_does(trained_model_dir) -> None:  # noqa: ANN001
    seen: list[str] = []
    finder = ev.typed_finder(lambda text, record_type: seen.append(record_type) or [])
    report = (
        "MRI LUMBAR SPINE WITHOUT CONTRAST\nEXAM: MRI lumbar spine.\nTECHNIQUE: Sagittal and axial T1 and T2.\n"
        "FINDINGS: Alignment is normal. L4-5 disc bulge with mild foraminal narrowing.\n"
        "IMPRESSION: Mild L4-5 degenerative disc disease.\n"
    )
    finder(report, "other")
    finder(report, "board_decision")  # a type the eval knows is kept
    assert seen == ["imaging_report", "board_decision"]
