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


def test_summary_markdown_to_html_escapes_and_structures() -> None:
    from api.web.rendering import markdown_html

    html = str(markdown_html("# Title\n- **gait** <script>\n  - nested\n\n| a | b |\n|---|---|\n| 1 | <x> |\n"))
    assert "<h2>Title</h2>" in html and "<strong>gait</strong> &lt;script&gt;" in html
    assert html.count("<ul>") == 2 and "<td>&lt;x&gt;</td>" in html and "<script>" not in html


def test_text_segments_mark_hits_over_flags() -> None:
    from api.web.rendering import text_segments

    segs = text_segments("an antalgic gait", [(3, 16, "flag"), (3, 11, "hit")])
    assert segs == [("an ", ""), ("antalgic", "hit"), (" gait", "flag")]


def test_summary_pdf_handles_markup_characters() -> None:
    from api.web.brief_pdf import markdown_to_pdf

    pdf = markdown_to_pdf("# A & B <c>\n\n- [ ] item *x* `y`\n\n| h |\n|---|\n| <td> |\n")
    assert pdf.startswith(b"%PDF")
