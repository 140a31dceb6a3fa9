from store.page_content import Word, boxes_for_span, words_of

# [text, start, end, x0, y0, x1, y1, conf]
STORED = [
    ["antalgic", 0, 8, 10.0, 100.0, 60.0, 110.0, 95],
    ["gait", 9, 13, 64.0, 100.0, 90.0, 110.0, 96],
    ["favoring", 14, 22, 94.0, 100.0, 150.0, 110.0, 90],
    ["right", 23, 28, 10.0, 120.0, 40.0, 130.0, 91],
]
WORDS = words_of(STORED)


def test_a_word_is_a_typed_record_stored_as_a_list() -> None:
    import json

    assert WORDS[1] == Word("gait", 9, 13, 64.0, 100.0, 90.0, 110.0, 96.0)
    assert WORDS[1].end == 13 and WORDS[1].x1 == 90.0
    assert json.loads(json.dumps(WORDS)) == [[*w[:7], float(w[7])] for w in STORED]
    assert words_of([["short", 0, 5]]) == []


def test_words_of_a_phrase_on_one_line_merge_into_one_box() -> None:
    assert boxes_for_span(WORDS, 0, 13) == [[10.0, 100.0, 90.0, 110.0]]


def test_a_phrase_across_lines_gives_a_box_per_line() -> None:
    assert boxes_for_span(WORDS, 14, 28) == [[94.0, 100.0, 150.0, 110.0], [10.0, 120.0, 40.0, 130.0]]


def test_no_words_no_boxes() -> None:
    assert boxes_for_span([], 0, 5) == []
    assert boxes_for_span(WORDS, 200, 210) == []
