"""Rendering helpers of the pages: nothing from a record can inject markup."""

from __future__ import annotations


def test_search_fragments_keep_only_mark_tags() -> None:
    from api.web.rendering import marked_fragment as _marks

    out = str(_marks("a <mark>gait</mark> <script>alert(1)</script> &lt;img&gt;"))
    assert "<mark>gait</mark>" in out and "<script>" not in out and "<img" not in out


def test_flag_sentence_emphasis_escapes() -> None:
    from api.web.rendering import emphasised_sentence as _emph

    assert str(_emph("walks with <b> antalgic gait", "Antalgic Gait")) == (
        "walks with &lt;b&gt; <strong>antalgic gait</strong>")
    assert str(_emph("no match <i>", "gait")) == "no match &lt;i&gt;"


def test_brief_blocks_to_html_escape_and_structure() -> None:
    from api.web.rendering import brief_html
    from claims.brief_layout import Bullets, Heading, ListItem, Para, Run, Section, Table

    html = str(brief_html([
        Heading(2, "Title <x>", anchor="a\"b"),
        Para((Run("**gait** <script>", strong=True), Run(" p. 3", href="/p?q=1&r=2"))),
        Bullets((ListItem((Run("one"),), (ListItem((Run("nested", badge="confirmed"),)),)),)),
        Table(("h",), (((Run("<x>"),),),), (1.0,), ("in-service",)), Section("opinion", (Para((Run("in"),)),))]))
    assert '<h2 id="a&#34;b">Title &lt;x&gt;</h2>' in html
    assert "<strong>**gait** &lt;script&gt;</strong>" in html and '<a href="/p?q=1&amp;r=2"> p. 3</a>' in html
    assert html.count("<ul>") == 2 and '<span class="badge confirmed">nested</span>' in html
    assert '<tr class="in-service"><td>&lt;x&gt;</td></tr>' in html and '<section class="card opinion">' in html
    assert "<script>" not in html and "<x>" not in html


def test_text_segments_mark_hits_over_flags() -> None:
    from api.web.rendering import text_segments

    segs = text_segments("an antalgic gait", [(3, 16, "flag"), (3, 11, "hit")])
    assert segs == [("an ", ""), ("antalgic", "hit"), (" gait", "flag")]


def test_brief_pdf_prints_markup_characters_as_text() -> None:
    import io

    from pypdf import PdfReader

    from api.web.brief_pdf import brief_to_pdf
    from claims.brief_layout import Bullets, Heading, ListItem, Para, Run, Table

    blocks = [Heading(1, "A & B <c>"), Para((Run("**a *b** c*.pdf"), Run(" p. 3", href="/claims/x/files/f/pages/3"))),
              Bullets((ListItem((Run("[ ] item *x* `y` </para>"),)),)), Table(("h",), (((Run("<td>"),),),), (1.0,))]
    pdf = brief_to_pdf(blocks, "http://h")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "A & B <c>" in text and "**a *b** c*.pdf" in text and "</para>" in text and "<td>" in text
