"""The shared query parser: total over any input, and the AST both backends render."""

from __future__ import annotations

import random
import sqlite3

import pytest

from indexers.query_parser import (
    Clause,
    ParsedQuery,
    Term,
    expand_synonyms,
    parse_query,
    parse_synonyms,
    to_fts5,
    to_simple_query_string,
)
from indexers.synonyms import SYNONYMS_PATH, load_synonyms, solr_synonym_rules


def words(*ws: str) -> tuple[Clause, ...]:
    return tuple(Clause((Term((w,)),)) for w in ws)


def test_plain_words_are_and_ed() -> None:
    assert parse_query("antalgic gait") == ParsedQuery(must=words("antalgic", "gait"))


def test_phrase_or_exclude_prefix() -> None:
    q = parse_query('"low back" OR lbp -knee lumb* NOT hip')
    assert q.must == (
        Clause((Term(("low", "back")), Term(("lbp",)))),
        Clause((Term(("lumb",), prefix=True),)),
    )
    assert q.must_not == words("knee", "hip")


def test_unbalanced_quote_runs_to_the_end() -> None:
    assert parse_query('pain "low back').must == (Clause((Term(("pain",)),)), Clause((Term(("low", "back")),)))


def test_punctuated_words_become_phrases() -> None:
    assert parse_query("L4-L5").must == (Clause((Term(("l4", "l5")),)),)
    assert parse_query("C&P").must == (Clause((Term(("c", "p")),)),)


def test_operators_alone_mean_nothing() -> None:
    for text in ["AND OR NOT (", "*", '"', "-", "|", "OR", "x*", "((", ""]:
        assert parse_query(text).is_empty, text


def test_lowercase_operators_are_words() -> None:
    assert parse_query("pain or numbness").must == words("pain", "or", "numbness")


def test_synonym_expansion_multiword_and_single() -> None:
    table = parse_synonyms(["lbp, low back pain", "ddd, degenerative disc disease"])
    q = expand_synonyms(parse_query("chronic low back pain L5"), table)
    assert q.must[0] == Clause((Term(("chronic",)),))
    assert q.must[1] == Clause((Term(("low", "back", "pain")), Term(("lbp",))))
    assert q.must[2] == Clause((Term(("l5",)),))
    assert expand_synonyms(parse_query("DDD"), table).must[0].alternatives[1] == Term(
        ("degenerative", "disc", "disease"))
    assert expand_synonyms(parse_query("-lbp"), table).must_not[0].alternatives == (
        Term(("lbp",)), Term(("low", "back", "pain")))
    assert expand_synonyms(parse_query("lbp*"), table).must[0].alternatives == (Term(("lbp",), prefix=True),)


def test_synonym_file_has_enough_sensible_groups() -> None:
    table = load_synonyms()
    assert len(table.groups) >= 25
    for key in [("lbp",), ("ddd",), ("c", "p"), ("mri",), ("ls", "spine"), ("magnetic", "resonance", "imaging")]:
        assert table.group_for(key) is not None, key
    rules = solr_synonym_rules(table)
    assert "c p, compensation and pension" in rules
    assert SYNONYMS_PATH.exists()


def test_fts5_rendering() -> None:
    q = parse_query('"low back" OR lbp -knee lumb*')
    assert to_fts5(q, "text", 'claimtok : "k1"') == (
        '(claimtok : "k1" AND text : (("low back" OR "lbp") AND "lumb"*)) NOT text : ("knee")')
    assert to_fts5(ParsedQuery(), "text", 'claimtok : "k1"') == 'claimtok : "k1"'
    with pytest.raises(ValueError):
        to_fts5(parse_query("-knee"), "text")


def test_simple_query_string_rendering() -> None:
    q = parse_query('"low back" OR lbp lumb* L4-L5')
    assert to_simple_query_string(q.must) == '("low back" | lbp) lumb* "l4 l5"'


def test_fuzz_every_rendering_is_valid_fts5() -> None:
    """Random junk from the characters that mean something to FTS5 or ES: never a syntax error."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(text, claimtok, tokenize='porter unicode61')")
    conn.execute("INSERT INTO t VALUES ('lumbar back pain', 'k1')")
    rng = random.Random(5)
    alphabet = list('"*-+|()^~:{}[]\\/\'&!? ') + ["AND", "OR", "NOT", "NEAR", "back", "lbp", "x", " ", "ü", "中"]
    table = load_synonyms()
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        q = expand_synonyms(parse_query(text), table)
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (to_fts5(q, "text", 'claimtok : "k1"'),)).fetchall()
        rendered = to_simple_query_string(q.must)
        assert not set(rendered) - set('abcdefghijklmnopqrstuvwxyz0123456789 "|()*üß中'), rendered
