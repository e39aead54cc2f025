"""The publishing parser turns plain text, HTML and Markdown into one article shape, or refuses clearly.

These tests need no database. The fixtures in ``tests/fixtures/articles/`` are invented text,
``article-*.txt`` in the shape of the sample articles (tests/fixtures/README.md).
"""

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wagtail_kratom.publishing import (
    BULLET,
    MAX_SOURCE_CHARS,
    MAX_TITLE_CHARS,
    NUMBERED,
    PARAGRAPH,
    Article,
    ArticleParseError,
    Paragraph,
    Section,
    derive_title,
    parse,
    parse_html,
    parse_markdown,
    parse_text,
    slugify,
    sniff_format,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
SEEDS = FIXTURES
SEED_NAMES = ["article-a.txt", "article-b.txt", "article-c.txt"]
FORMATS = [None, "text", "html", "markdown"]
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ALLOWED_TAGS = {"a", "b", "strong", "i", "em"}

# A small valid article in the plain-text shape; the broken inputs below are edits of it.
VALID_TEXT_LINES = [
    "A short summary of the article.",  # 1
    "An introduction that sets out the topic.",  # 2
    "- First Part",  # 3
    "- Second Part",  # 4
    "First Part",  # 5
    "The first part has one paragraph.",  # 6
    "Second Part",  # 7
    "The second part has its own paragraph.",  # 8
    "The closing paragraph of the article.",  # 9
]


def text_with(*, replace: dict[int, str | None] | None = None, insert: dict[int, str] | None = None) -> str:
    """The valid text with 1-based lines replaced (``None`` removes one) or inserted before a line."""
    replace, insert = replace or {}, insert or {}
    lines = []
    for number, line in enumerate(VALID_TEXT_LINES, 1):
        if number in insert:
            lines.append(insert[number])
        if replace.get(number, line) is not None:
            lines.append(replace.get(number, line))
    return "\n".join(lines)


def small_html(body: str, *, intro: str = "<p>Summary.</p><p>Introduction.</p>") -> str:
    return f"<h1>A title</h1>\n{intro}\n{body}"


def parse_error(source: str | bytes, **kwargs) -> ArticleParseError:
    with pytest.raises(ArticleParseError) as caught:
        parse(source, **kwargs)
    return caught.value


def paragraph_shapes(article: Article) -> list[tuple[str, str]]:
    return [(paragraph.text, paragraph.kind) for paragraph in article.iter_paragraphs()]


def assert_safe_html(html: str) -> None:
    """The HTML holds only the inline elements a rich-text paragraph allows, with nothing but a safe href."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in ALLOWED_TAGS, html
        if tag.name == "a":
            assert list(tag.attrs) == ["href"], html
            scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", tag["href"])
            assert scheme is None or scheme.group(1).lower() in {"http", "https", "mailto"}, html
        else:
            assert not tag.attrs, html


def assert_well_formed(article: Article, source: str | bytes) -> None:
    """What every parsed article guarantees, whatever it came from."""
    assert isinstance(article, Article)
    assert article.title and len(article.title) <= MAX_TITLE_CHARS
    assert article.title == " ".join(article.title.split())
    assert SLUG.fullmatch(article.slug) and len(article.slug) <= MAX_TITLE_CHARS
    assert article.source_format in {"text", "html", "markdown"}
    assert article.title_source in {"given", "heading", "derived"}
    assert article.intro and article.sections and article.conclusion
    assert article.sections[0].level == 2
    for section in article.sections:
        assert section.heading and section.line >= 1 and section.level in (2, 3)
    for paragraph in article.iter_paragraphs():
        assert paragraph.text and paragraph.text == paragraph.text.strip()
        assert paragraph.line >= 1
        assert paragraph.kind in (PARAGRAPH, BULLET, NUMBERED)
        assert_safe_html(paragraph.html)
        assert BeautifulSoup(paragraph.html, "html.parser").get_text() == paragraph.text
    if article.source_format == "text":
        text = source.decode("utf-8-sig") if isinstance(source, bytes) else source.removeprefix("\ufeff")
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for paragraph in article.iter_paragraphs():
            assert paragraph.text in lines[paragraph.line - 1]


class TestSeeds:
    """The sample articles parse into exactly the anatomy their shape describes."""

    @pytest.fixture(params=SEED_NAMES)
    def seed(self, request) -> tuple[str, Article]:
        source = (SEEDS / request.param).read_bytes()
        return source.decode("utf-8"), parse(source)

    def test_sections_follow_the_table_of_contents(self, seed):
        source, article = seed
        entries = [line[2:].strip() for line in source.split("\n") if line.startswith("- ")]
        assert entries
        assert article.contents == tuple(entries)
        assert [section.heading for section in article.sections] == entries
        assert all(section.level == 2 and section.paragraphs for section in article.sections)

    def test_summary_intro_and_conclusion_come_from_their_lines(self, seed):
        source, article = seed
        lines = source.split("\n")
        assert article.source_format == "text"
        assert (article.summary.text, article.summary.line) == (lines[0].strip(), 1)
        # Curly quotes around the introduction are kept exactly.
        assert [(p.text, p.line) for p in article.intro] == [(lines[1].strip(), 2)]
        last = max(number for number, line in enumerate(lines, 1) if line.strip())
        assert [(p.text, p.line) for p in article.conclusion] == [(lines[last - 1].strip(), last)]

    def test_every_paragraph_is_verbatim_at_its_line(self, seed):
        source, article = seed
        lines = source.split("\n")
        for paragraph in article.iter_paragraphs():
            assert paragraph.text == lines[paragraph.line - 1].strip()
        for section in article.sections:
            assert section.heading == lines[section.line - 1].strip()
        assert_well_formed(article, source)

    def test_title_is_derived_from_the_first_heading(self, seed):
        _source, article = seed
        assert article.title_source == "derived"
        assert article.title == article.sections[0].heading
        assert SLUG.fullmatch(article.slug)

    def test_pasted_variants_read_the_same(self, seed):
        source, article = seed
        crlf_bom = ("\ufeff" + source.replace("\n", "\r\n")).encode("utf-8")
        spaced = "\n\n".join(f"  {line}\t" for line in source.split("\n")) + "\n\n"
        for variant in (crlf_bom, spaced):
            again = parse(variant)
            assert paragraph_shapes(again) == paragraph_shapes(article)
            assert [s.heading for s in again.sections] == [s.heading for s in article.sections]
        assert parse(crlf_bom) == article

    def test_a_given_title_wins(self):
        article = parse((SEEDS / SEED_NAMES[0]).read_bytes(), title="  An   editor’s title ")
        assert (article.title, article.title_source, article.slug) == ("An editor’s title", "given", "an-editors-title")


class TestFormats:
    """One invented article as plain text, an HTML export and Markdown reads the same."""

    @pytest.fixture(scope="class")
    @classmethod
    def articles(cls) -> dict[str, Article]:
        return {name: parse((FIXTURES / f"product-label.{name}").read_bytes()) for name in ("txt", "html", "md")}

    def test_formats_are_sniffed(self, articles):
        assert [articles[name].source_format for name in ("txt", "html", "md")] == ["text", "html", "markdown"]

    def test_all_formats_give_the_same_article(self, articles):
        text = articles["txt"]
        for name in ("html", "md"):
            other = articles[name]
            assert paragraph_shapes(other) == paragraph_shapes(text)
            assert [(s.heading, s.level) for s in other.sections] == [(s.heading, s.level) for s in text.sections]
            assert [len(s.paragraphs) for s in other.sections] == [len(s.paragraphs) for s in text.sections]
            assert other.contents == text.contents
            assert (other.title, other.title_source) == ("Reading a Kratom Product Label", "heading")
            assert other.slug == "reading-a-kratom-product-label"
        assert (text.title, text.title_source) == ("What a Label Usually Shows", "derived")

    def test_list_items_are_kept_as_paragraphs_of_their_kind(self, articles):
        for article in articles.values():
            kinds = [p.kind for p in article.sections[2].paragraphs]
            assert kinds == [PARAGRAPH, BULLET, BULLET, PARAGRAPH]

    @pytest.mark.parametrize("name", ["html", "md"])
    def test_links_survive_as_safe_anchors(self, articles, name):
        paragraph = articles[name].sections[2].paragraphs[-1]
        assert (
            '<a href="https://example.org/kratom/lab-testing?ref=label&amp;lang=en">independent testing</a>'
            in paragraph.html
        )
        # The javascript: link loses its anchor and keeps its words.
        assert paragraph.html.startswith("Read the seller’s page with care,")
        assert "<strong>net weight</strong>" in articles[name].sections[0].paragraphs[0].html
        assert "<em>marketed</em>" in articles[name].sections[0].paragraphs[1].html

    @pytest.mark.parametrize("name", ["html", "md"])
    def test_scripts_handlers_and_page_furniture_do_not_get_in(self, articles, name):
        article = articles[name]
        everything = " ".join([p.html for p in article.iter_paragraphs()] + [s.heading for s in article.sections])
        for unwanted in (
            "javascript",
            "onclick",
            "onmouseover",
            "style",
            "<script",
            "document.write",
            "alert",
            "Injected",
            "Advertisement",
        ):
            assert unwanted not in everything
        for furniture in ("Home", "Articles", "rights reserved", "Subscribe", "Example Site"):
            assert furniture not in everything
        for paragraph in article.iter_paragraphs():
            assert_safe_html(paragraph.html)

    @pytest.mark.parametrize("name", ["txt", "html", "md"])
    def test_lines_point_at_the_source(self, articles, name):
        lines = (FIXTURES / f"product-label.{name}").read_text(encoding="utf-8").split("\n")
        article = articles[name]
        for paragraph in article.iter_paragraphs():
            assert paragraph.text.split()[0] in lines[paragraph.line - 1], paragraph
        for section in article.sections:
            assert section.heading in lines[section.line - 1]

    def test_html_whitespace_is_collapsed(self, articles):
        assert "\n" not in articles["html"].intro[0].text
        assert articles["html"].intro[0].line == 17

    def test_pasted_text_with_blank_lines_and_windows_endings(self, articles):
        source = (FIXTURES / "product-label.txt").read_text(encoding="utf-8")
        pasted = "\ufeff\r\n" + source.replace("\n", "\r\n\r\n")
        assert paragraph_shapes(parse(pasted.encode("utf-8"))) == paragraph_shapes(articles["txt"])
        assert paragraph_shapes(parse(pasted, format="text")) == paragraph_shapes(articles["txt"])

    def test_a_given_title_replaces_the_h1(self):
        article = parse((FIXTURES / "product-label.html").read_text(encoding="utf-8"), title="Label basics")
        assert (article.title, article.title_source, article.slug) == ("Label basics", "given", "label-basics")


class TestHtmlStructure:
    def test_subsections_and_an_explicit_conclusion(self):
        article = parse_html(
            small_html(
                "<h2>Risks</h2><h3>Liver</h3><p>About the liver.</p><h3>Dependence</h3><p>About dependence.</p>"
                "<h2>Use</h2><p>About use.</p><h2>Conclusion</h2><p>First closing.</p><p>Second closing.</p>"
            )
        )
        assert [(s.heading, s.level, len(s.paragraphs)) for s in article.sections] == [
            ("Risks", 2, 0),
            ("Liver", 3, 1),
            ("Dependence", 3, 1),
            ("Use", 2, 1),
        ]
        assert [p.text for p in article.conclusion] == ["First closing.", "Second closing."]
        assert [s.is_subsection for s in article.sections] == [False, True, True, False]

    def test_a_nested_table_of_contents_lists_subsections(self):
        article = parse_html(
            small_html(
                "<ul><li>One<ul><li>Detail</li></ul></li><li>Two</li></ul>"
                "<h2>One</h2><h3>Detail</h3><p>a</p><h2>Two</h2><p>b</p><p>c</p>"
            )
        )
        assert article.contents == ("One", "Detail", "Two")
        assert [p.text for p in article.intro] == ["Introduction."]

    def test_without_h2_the_highest_heading_level_makes_sections(self):
        article = parse_html(small_html("<h3>One</h3><p>a</p><h4>Inner</h4><p>b</p><h3>Two</h3><p>c</p><p>d</p>"))
        assert [(s.heading, s.level) for s in article.sections] == [("One", 2), ("Inner", 3), ("Two", 2)]

    def test_a_list_that_is_not_contents_belongs_to_the_introduction(self):
        article = parse_html(
            small_html("<h2>Part</h2><p>Text.</p><p>End.</p>", intro="<p>Summary.</p><ol><li>one</li><li>two</li></ol>")
        )
        assert article.contents == ()
        assert [(p.text, p.kind) for p in article.intro] == [("one", NUMBERED), ("two", NUMBERED)]

    def test_sloppy_unclosed_paragraphs_and_items(self):
        article = parse_html("<h1>T</h1><p>Summary<p>Intro<h2>Part</h2><p>one<p>two<ul><li>a<li>b</ul><p>end")
        assert [p.text for p in article.sections[0].paragraphs] == ["one", "two", "a", "b"]
        assert article.conclusion[0].text == "end"

    def test_deep_nesting_does_not_exhaust_the_stack(self):
        article = parse_html(small_html("<h2>Deep</h2>" + "<div>" * 5000 + "<p>x</p><p>y</p>"))
        assert [p.text for p in article.sections[0].paragraphs] == ["x"]

    def test_loose_list_items_stay_one_item(self):
        article = parse_markdown("# T\n\nSummary.\n\nIntro.\n\n## Part\n\n1. first\n\n   more\n2. second\n\nEnd.\n")
        assert [(p.text, p.kind, p.line) for p in article.sections[0].paragraphs] == [
            ("first more", NUMBERED, 9),
            ("second", NUMBERED, 12),
        ]

    def test_raw_html_in_markdown_ends_with_its_block(self):
        article = parse_markdown(
            "# T\n\nSummary.\n\n<nav>\nmenu\n\nIntro.\n\n## Part\n\nSee <b>bold <i>text\n\nEnd.\n\nLast.\n"
        )
        assert [(p.text, p.line) for p in article.intro] == [("Intro.", 8)]
        assert [p.html for p in article.sections[0].paragraphs] == ["See <b>bold <i>text</i></b>", "End."]

    def test_formatting_across_blocks_stays_balanced(self):
        article = parse_html(small_html("<h2>Part</h2><b>bold <p>inside</p> after</b><p>End.</p>"))
        assert [p.html for p in article.sections[0].paragraphs] == ["<b>bold</b>", "<b>inside</b>", "<b>after</b>"]

    @pytest.mark.parametrize(
        ("href", "kept"),
        [
            ("https://example.org/a?b=1&c=2", True),
            ("http://example.org", True),
            ("mailto:editor@example.org", True),
            ("/relative/path", True),
            ("#section", True),
            ("javascript:alert(1)", False),
            ("  JavaScript:alert(1)", False),
            ("java\nscript:alert(1)", False),
            ("java&#x09;script:alert(1)", False),
            ("data:text/html,<b>x</b>", False),
            ("vbscript:msgbox", False),
            ("", False),
        ],
    )
    def test_only_safe_links_are_kept(self, href, kept):
        article = parse_html(small_html(f'<h2>Part</h2><p>See <a href="{href}" onclick="x()">this</a>.</p><p>E.</p>'))
        html = article.sections[0].paragraphs[0].html
        assert html.startswith('See <a href="') == kept
        assert html.endswith("this</a>.") == kept
        assert "this" in html and "onclick" not in html


class TestBrokenInput:
    """Each input the parser cannot use is refused with a message and, where it helps, a line."""

    @pytest.mark.parametrize("source", ["", "   \n\t\r\n", b"", b"\xef\xbb\xbf \n"])
    def test_empty(self, source):
        error = parse_error(source)
        assert (error.message, error.line) == ("the source is empty", None)

    def test_binary_bytes(self):
        error = parse_error(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
        assert "looks like a binary file" in error.message
        assert error.line is None

    @pytest.mark.parametrize("source", ["text\x00more", "\x01\x02\x03\x04ab\x05\x06"])
    def test_binary_text(self, source):
        assert "looks like a binary file" in str(parse_error(source))

    def test_not_utf8(self):
        error = parse_error("A summary.\r\nAn intro about caf\xe9s.\n".encode("latin-1"))
        assert error.message.startswith("the file is not UTF-8 text")
        assert "0xe9" in error.message
        assert error.line == 2

    def test_utf16(self):
        error = parse_error(text_with().encode("utf-16"))
        assert error.message.startswith("the file is not UTF-8 text")

    @pytest.mark.parametrize("make", [lambda n: "a" * n, lambda n: b"a" * n], ids=["str", "bytes"])
    def test_over_the_size_limit(self, make):
        error = parse_error(make(MAX_SOURCE_CHARS + 1))
        assert error.message == (
            f"the source is {MAX_SOURCE_CHARS + 1:,} characters long; the limit is 2,000,000 (MAX_SOURCE_CHARS)"
        )
        assert error.line is None

    def test_the_valid_text_parses(self):
        article = parse_text(text_with().encode("utf-8"))
        assert [s.heading for s in article.sections] == ["First Part", "Second Part"]
        assert article.conclusion[0].line == 9

    @pytest.mark.parametrize(
        ("source", "message", "line"),
        [
            pytest.param(
                text_with(replace={7: "Second part"}),
                "the table of contents lists “Second Part”, but no heading matches it",
                4,
                id="toc-entry-without-heading",
            ),
            pytest.param(
                text_with(insert={8: "First Part"}),
                "the heading “First Part” appears twice (first on line 5)",
                8,
                id="duplicate-heading",
            ),
            pytest.param(
                text_with(replace={6: None}),
                "the section “First Part” has no paragraphs",
                5,
                id="section-without-paragraphs",
            ),
            pytest.param(
                "A summary.\nAn introduction.\nMore text.\nThe end.",
                "the text has no table of contents: after the summary and the introduction, list each section "
                "heading on a line that starts with “- ”, then repeat each heading above its section",
                None,
                id="no-toc-no-headings",
            ),
            pytest.param(
                text_with(replace={1: None, 2: None}),
                "the text starts with its table of contents; put a summary and an introduction before it",
                1,
                id="toc-first",
            ),
            pytest.param(
                text_with(replace={2: None}),
                "the table of contents follows the first paragraph; the first paragraph is the summary, "
                "and an introduction must come between it and the table of contents",
                2,
                id="no-introduction",
            ),
            pytest.param(
                text_with(replace={4: "- First Part"}),
                "the table of contents lists “First Part” twice (also on line 3)",
                4,
                id="toc-entry-twice",
            ),
            pytest.param(
                text_with(replace={4: "-"}),
                "this table-of-contents line names no heading after “- ”",
                4,
                id="empty-toc-entry",
            ),
            pytest.param(
                text_with(replace={3: "- Second Part", 4: "- First Part"}),
                "the heading “First Part” is out of order: the table of contents lists “Second Part” "
                "(line 3) before it",
                5,
                id="out-of-order",
            ),
            pytest.param(
                text_with(insert={5: "A stray paragraph."}),
                "this text comes between the table of contents and the first heading “First Part”, "
                "so it belongs to no section",
                5,
                id="text-before-first-heading",
            ),
            pytest.param(
                text_with(replace={9: None}),
                "the last section “Second Part” has only one paragraph, and the article's last paragraph is its "
                "conclusion, so the section would be empty; add the conclusion as a paragraph of its own",
                7,
                id="no-conclusion-possible",
            ),
            pytest.param(
                text_with(replace={9: "- a closing item"}),
                "the article ends with a list item, but its last paragraph must be the conclusion",
                9,
                id="ends-with-list",
            ),
        ],
    )
    def test_plain_text(self, source, message, line):
        error = parse_error(source, format="text")
        assert (error.message, error.line) == (message, line)
        assert str(error) == (message if line is None else f"line {line}: {message}")
        with pytest.raises(ArticleParseError):
            parse_text(source)

    @pytest.mark.parametrize(
        ("source", "message", "line"),
        [
            pytest.param(
                "<h1>Title</h1>\n<p>Summary.</p>\n<p>Intro.</p>\n<p>No sections.</p>",
                "the HTML has no section headings (h2), so it has no sections",
                None,
                id="no-headings",
            ),
            pytest.param(
                small_html(
                    "<ul><li>One</li>\n<li>Missing</li>\n<li>Two</li></ul>\n<h2>One</h2><p>a</p>\n<h2>Two</h2><p>b</p><p>c</p>"
                ),
                "the table of contents lists “Missing”, but no heading matches it",
                4,
                id="toc-item-without-heading",
            ),
            pytest.param(
                small_html("<h2>One</h2><p>a</p>\n<h1>Again</h1><p>b</p>"),
                "a second top-level heading “Again”; the first (line 1) is the title, "
                "so use second-level headings for sections",
                4,
                id="second-h1",
            ),
            pytest.param(
                small_html("<h2>One</h2>\n<p>a</p>", intro="<p>Only a summary.</p>"),
                "there is only one paragraph before the first heading “One”; the article needs a summary "
                "(the first paragraph) and an introduction (the next) before its sections",
                2,
                id="no-introduction",
            ),
            pytest.param(
                small_html("<h2>One</h2><p>a</p>\n<h2>One</h2>\n<p>b</p><p>c</p>"),
                "the heading “One” appears twice (first on line 3)",
                4,
                id="duplicate-heading",
            ),
            pytest.param(
                small_html("<h2>One</h2>\n<h2>Two</h2><p>b</p><p>c</p>"),
                "the section “One” has no paragraphs",
                3,
                id="section-without-paragraphs",
            ),
            pytest.param(
                small_html("<h2>One</h2>\n<p>a</p><ul><li>last</li></ul>"),
                "the article ends with a list item, but its last paragraph must be the conclusion",
                4,
                id="ends-with-list",
            ),
            pytest.param(
                small_html("<h2>Conclusion</h2>\n<p>a</p>"),
                "the article has no sections besides its conclusion",
                3,
                id="only-conclusion",
            ),
            pytest.param(
                small_html("<h2>Conclusion</h2><p>a</p>\n<h2>One</h2><p>b</p>\n<h2>In conclusion</h2><p>c</p>"),
                "a second conclusion section “In conclusion” (the first is on line 3)",
                5,
                id="two-conclusions",
            ),
            pytest.param(
                f"<h1>{'Long title words ' * 10}</h1><p>S.</p><p>I.</p><h2>One</h2><p>a</p><p>b</p>",
                "the title heading is 169 characters long; keep it to 120 or give a shorter title",
                1,
                id="long-h1",
            ),
        ],
    )
    def test_html(self, source, message, line):
        error = parse_error(source, format="html")
        assert (error.message, error.line) == (message, line)

    def test_markdown_lines_point_at_the_markdown(self):
        source = "# Title\n\nSummary.\n\nIntro.\n\n## One\n\ntext\n\n## Two\n\n## Three\n\nmore\n\nend\n"
        error = parse_error(source)
        assert (error.message, error.line) == ("the section “Two” has no paragraphs", 11)

    def test_markdown_without_sections(self):
        error = parse_error("# Title\n\nOnly paragraphs.\n", format="markdown")
        assert error.message == "the Markdown has no section headings (##), so it has no sections"

    @pytest.mark.parametrize("title", ["", "   \n "])
    def test_an_empty_given_title(self, title):
        error = parse_error(text_with(), title=title)
        assert (error.message, error.line) == ("the title given is empty", None)

    def test_an_unknown_format(self):
        assert str(parse_error(text_with(), format="docx")) == "unknown format “docx”; use one of text, html, markdown"

    def test_the_error_is_a_value_error_that_survives_pickling(self):
        error = ArticleParseError("the section “X” has no paragraphs", 7)
        assert isinstance(error, ValueError)
        again = pickle.loads(pickle.dumps(error))
        assert (again.message, again.line, str(again)) == (
            error.message,
            7,
            "line 7: the section “X” has no paragraphs",
        )

    def test_a_source_that_is_not_text_is_a_type_error(self):
        with pytest.raises(TypeError):
            parse(None)


class TestHelpers:
    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("<!DOCTYPE html><html><body><h2>x</h2></body></html>", "html"),
            ("  <p>Summary</p>\n<h2>x</h2>", "html"),
            ("# Title\n\nSummary with <b>bold</b>.\n", "markdown"),
            ("Summary.\n\n## Part\n", "markdown"),
            ("Summary with <p>a tag</p> inside.\nIntro.\n", "html"),
            ("Summary.\nIntro.\n- Part\nPart\nText.\n", "text"),
            ("#1 reason, #hashtag\nIntro.\n", "text"),
        ],
    )
    def test_sniff_format(self, source, expected):
        assert sniff_format(source) == expected

    @pytest.mark.parametrize(
        ("title", "slug"),
        [
            ("Kratom’s Role: A Guide", "kratoms-role-a-guide"),
            ("  Café & Crème — 2024 ", "cafe-creme-2024"),
            ("标题", "article"),
            ("---", "article"),
            ("word " * 60, ("word-" * 24)[:-1]),
        ],
    )
    def test_slugify(self, title, slug):
        assert slugify(title) == slug

    def test_derived_title_skips_generic_headings(self):
        summary = Paragraph("Ignored.", "Ignored.", 1)
        sections = (Section("Introduction", (), 5), Section("How Labels Differ", (), 9))
        assert derive_title(sections, summary) == "How Labels Differ"

    def test_derived_title_falls_back_to_the_summary_clause(self):
        summary = Paragraph("“Labels vary; some omit batch numbers.”", "", 1)
        assert derive_title((Section("Overview", (), 3),), summary) == "Labels vary"

    def test_derived_title_is_shortened_at_a_word(self):
        heading = "A very long heading " * 10
        title = derive_title((Section(heading, (), 3),), Paragraph("S.", "S.", 1))
        assert len(title) <= MAX_TITLE_CHARS and title.endswith("…")
        assert heading.startswith(title[:-1])


# Property-based: whatever arrives, the parser returns an article or raises ArticleParseError.

FRAGMENTS = [
    "- First",
    "- Second",
    "- ",
    "-",
    "First",
    "Second",
    "Conclusion",
    "A paragraph of text.",
    "“A quoted intro”",
    "# Title",
    "## First",
    "## Second",
    "### Sub",
    "#",
    "1. item",
    "* item",
    "**bold** and *italic*",
    "[link](javascript:alert(1))",
    "[link](https://example.org)",
    "<h1>Title</h1>",
    "<h2>First</h2>",
    "<h2>Conclusion</h2>",
    "<h3>Sub</h3>",
    "<h2>",
    "</h2>",
    "<p>",
    "</p>",
    "<p>Text</p>",
    "</",
    "<",
    ">",
    "<script>",
    "</script>",
    "<style>",
    "<ul><li>First</li><li>Second</li></ul>",
    "<li>",
    "<ol>",
    "<a href='javascript:alert(1)' onclick='x()'>x</a>",
    '<a href="https://example.org">y</a>',
    "<b>",
    "</i>",
    "<br>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<!DOCTYPE html>",
    "<?xml version='1.0'?>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&",
    "<template>",
    "<nav>",
    "<pre>",
    "<table><tr><td>",
    "```",
    "    indented",
    "> quote",
    "---",
    "===",
    "\ufeff",
    "\x00",
    "\x01",
    "\r",
    "\t",
    "\u2028",
]
SEPARATORS = st.sampled_from(["\n", "\r\n", "\n\n", "", " "])
SOURCES = st.builds(
    lambda parts, separator: separator.join(parts),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40),
    SEPARATORS,
)


def parse_or_refuse(source: str | bytes, format: str | None) -> Article | None:
    try:
        article = parse(source, format=format)
    except ArticleParseError as error:
        assert error.message and str(error)
        assert error.line is None or error.line >= 1
        return None
    assert_well_formed(article, source)
    return article


class TestProperties:
    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(SOURCES)
    def test_any_text_gives_an_article_or_a_parse_error(self, source):
        for format in FORMATS:
            parse_or_refuse(source, format)

    @settings(max_examples=300, deadline=None)
    @given(st.one_of(st.binary(max_size=200), SOURCES.map(str.encode)))
    def test_any_bytes_give_an_article_or_a_parse_error(self, source):
        for format in FORMATS:
            parse_or_refuse(source, format)

    @settings(max_examples=300, deadline=None)
    @given(st.text(max_size=300))
    def test_any_unicode_gives_an_article_or_a_parse_error(self, source):
        for format in FORMATS:
            parse_or_refuse(source, format)

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(
            st.lists(
                st.sampled_from(["Kratom", "Labels", "Testing", "Risks", "Use", "Batch", "Liver", "Safety"]),
                min_size=1,
                max_size=4,
            ).map(" ".join),
            min_size=1,
            max_size=5,
            unique=True,
        ),
        st.lists(st.integers(min_value=1, max_value=3), min_size=5, max_size=5),
        st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cs", "Zl", "Zp"]), min_size=1, max_size=30),
        SEPARATORS.filter(lambda separator: "\n" in separator),
    )
    def test_well_formed_text_always_parses(self, headings, counts, words, separator):
        word = words.strip() or "x"
        lines = [f"Summary {word}.", f"“Intro {word}.”"] + [f"- {heading}" for heading in headings]
        expected = []
        for index, heading in enumerate(headings):
            paragraphs = [f"Paragraph {index}.{n} {word}." for n in range(counts[index])]
            lines += [heading, *paragraphs]
            expected.append(paragraphs)
        lines.append(f"Conclusion {word}.")
        source = separator.join(lines)
        article = parse(source, format="text")
        assert article.source_format == "text"
        assert [s.heading for s in article.sections] == headings
        assert [[p.text for p in s.paragraphs] for s in article.sections] == expected
        assert article.conclusion[0].text == f"Conclusion {word}."
        assert_well_formed(article, source)


def test_importing_the_library_does_not_import_django():
    """The library must work without the app registry: scripts, CI and other frameworks use it."""
    code = (
        "import sys\n"
        "import wagtail_kratom.publishing as publishing\n"
        "publishing.parse('<h1>T</h1><p>S</p><p>I</p><h2>A</h2><p>a</p><p>b</p>')\n"
        "publishing.parse('# T\\n\\nS\\n\\nI\\n\\n## A\\n\\na\\n\\nb\\n')\n"
        "publishing.parse('S\\nI\\n- A\\nA\\na\\nb\\n')\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in ('django', 'wagtail'))\n"
        "print(loaded)\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "[]"
