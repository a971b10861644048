"""Page safety: what a hand-written page may not contain (script, another site shown inside it,
javascript:, vbscript: and data: addresses), each found at its own line and however disguised,
while code and ordinary pages pass; the reviewed allow-list of pages that may; and symbolic links
under docs/ that would publish a file from outside it.

These are unit tests of hooks/guidance/page_safety.py, which renders each page with Python-Markdown
and the site's own extensions (read from mkdocs.yml without MkDocs) and reads the HTML with an HTML5
parser, as a browser would.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guidance.pages import body
from guidance.page_safety import (ALLOW_LIST, markdown_renderer, markdown_settings, outside_links,
                                  read_allow_list, unsafe_html, unsafe_markup)

ROOT = Path(__file__).resolve().parents[2]
render = markdown_renderer(*markdown_settings(ROOT / "mkdocs.yml"))
PAGE = "docs/tools/example.md"
OPENING = "# A page\n\nSome guidance text.\n\n"  # four lines: what follows is on line 5


def found(text: str) -> list[tuple[int, str]]:
    """Each finding as (line, message)."""
    problems = unsafe_markup(PAGE, text, render=render)
    assert all(problem.path == PAGE and problem.code == "unsafe-html" for problem in problems)
    return [(problem.line, problem.message) for problem in problems]


def element(name: str) -> str:
    return f"this page contains {'an' if name[0] in 'aeiou' else 'a'} <{name}> element"


def attribute(name: str) -> str:
    return f"this page contains an {name} attribute"


def address(scheme: str) -> str:
    return f"this page contains a {scheme}: address"


IN_BRACKETS = ", added in curly brackets { }"


# Elements and attributes ---------------------------------------------------------------------

@pytest.mark.parametrize("html, name", [
    ("<script>alert(1)</script>", "script"),
    ('<SCRIPT type="module" src="https://example.org/x.js"></SCRIPT>', "script"),
    ("<script/src=x.js></script>", "script"),
    ('<iframe src="https://example.org/"></iframe>', "iframe"),
    ('<object data="film.swf"></object>', "object"),
    ('<embed src="film.swf">', "embed"),
    ('<applet code="x.class"></applet>', "applet"),
    ('<base href="https://example.org/">', "base"),
    ('<form action="https://example.org/send"><input name="q"></form>', "form"),
])
def test_each_element_that_runs_script_or_embeds_a_document_is_found(html, name):
    assert (5, element(name)) in found(OPENING + html + "\n")


def test_a_meta_refresh_is_found():
    text = OPENING + '<meta http-equiv="Refresh" content="0; url=https://example.org/">\n'
    assert found(text) == [(5, "this page contains a <meta http-equiv=refresh> element")]


@pytest.mark.parametrize("html, name", [
    ('<p onclick="alert(1)">Press</p>', "onclick"),
    ("<img src=x onerror=alert(1)>", "onerror"),
    ("<img/onerror=alert(1) src=x>", "onerror"),
    ('<svg onload="alert(1)"></svg>', "onload"),
    ('<a href="page.md" ONMOUSEOVER="alert(1)">x</a>', "onmouseover"),
    ('<details ontoggle=alert(1) open>', "ontoggle"),
])
def test_any_attribute_starting_on_is_found(html, name):
    assert found(OPENING + html + "\n") == [(5, attribute(name))]


def test_an_attribute_is_reported_at_its_own_line_in_a_tag_over_several_lines():
    text = OPENING + '<img\n  src="picture.png"\n  alt="A picture"\n  onerror="alert(1)">\n'
    assert found(text) == [(8, attribute("onerror"))]


@pytest.mark.parametrize("html, scheme", [
    ('<a href="javascript:alert(1)">x</a>', "javascript"),
    ('<a href="VBScript:MsgBox(1)">x</a>', "vbscript"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data"),
    ("<button formaction=javascript:alert(1)>Go</button>", "javascript"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "javascript"),
    ('<video poster="javascript:alert(1)"></video>', "javascript"),
    ('<table background="javascript:alert(1)"></table>', "javascript"),
    ('<svg><animate attributeName="href" values="0;javascript:alert(1)"/></svg>', "javascript"),
])
def test_a_dangerous_address_in_an_html_attribute_is_found(html, scheme):
    assert found(OPENING + html + "\n") == [(5, address(scheme))]


# Markdown addresses and attribute lists -----------------------------------------------------

@pytest.mark.parametrize("markdown, line, scheme", [
    ("[Press here](javascript:alert(1))", 5, "javascript"),
    ("![A picture](data:image/png;base64,iVBORw0KGgo=)", 5, "data"),
    ("[Press here](<javascript:alert(1)>)", 5, "javascript"),
    ('[Press here](javascript:alert(1) "A title")', 5, "javascript"),
    ("[Press here][id]\n\n[id]: javascript:alert(1)", 7, "javascript"),
    ("[Press here][id]\n\n[id]:\n    vbscript:msgbox(1)", 8, "vbscript"),
])
def test_a_dangerous_address_in_a_markdown_link_is_found(markdown, line, scheme):
    assert found(OPENING + markdown + "\n") == [(line, address(scheme))]


@pytest.mark.parametrize("target", [
    "jav&#x09;ascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
    "&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)",  # no semicolons
    "java&NewLine;script&colon;alert(1)",
    "JaVaScRiPt:alert(1)",
    "&#x20;javascript:alert(1)",
])
def test_a_disguised_javascript_address_is_found(target):
    assert found(f"{OPENING}[Press here]({target})\n") == [(5, address("javascript"))]
    assert found(f'{OPENING}<a href="{target}">x</a>\n') == [(5, address("javascript"))]


def test_control_characters_and_spaces_in_an_address_do_not_hide_it():
    text = OPENING + '<a href=" \x01java\tscript:alert(1)">x</a>\n'
    assert found(text) == [(5, address("javascript"))]


@pytest.mark.parametrize("markdown, message", [
    ('## A heading { #a-heading onclick="alert(1)" }', attribute("onclick") + IN_BRACKETS),
    ("A paragraph.\n{: .note onmouseover='alert(1)' }", attribute("onmouseover") + IN_BRACKETS),
    ('[A link](page.md){ href="javascript:alert(1)" }', address("javascript") + IN_BRACKETS),
    ("![A picture](a.png){: src='data:text/html,hi' }", address("data") + IN_BRACKETS),
    ('A paragraph.\n{: onclick="a}b" }', attribute("onclick") + IN_BRACKETS),
])
def test_an_attribute_list_adding_script_or_a_dangerous_address_is_found(markdown, message):
    line = 5 + markdown.count("\n")
    assert found(OPENING + markdown + "\n") == [(line, message)]


# Disguises -----------------------------------------------------------------------------------

@pytest.mark.parametrize("markdown", [
    "<!--><img src=x onerror=alert(1)>-->",           # <!--> is a whole comment to a browser
    "<!---><img src=x onerror=alert(1)>-->",
    "<!-- a --!><img src=x onerror=alert(1)> -->",    # --!> closes a comment
    "<!-- never closed <img src=x onerror=alert(1)>",  # Python-Markdown shows it as text
    "<![CDATA[ ><img src=x onerror=alert(1)> ]]>",     # a browser ends it at the first >
    "<a href=<img src=x onerror=alert(1)>",            # a broken tag is text in Markdown
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<style>p {}</style foo><img src=x onerror=alert(1)>",
    "<div>\n`<img src=x onerror=alert(1)>`\n</div>",   # backticks are not code in raw HTML
    "```\n<img src=x onerror=alert(1)>",               # a fence that never closes is no fence
    "```python hl_lines=\"x\"\n\n<img src=x onerror=alert(1)>\n\n```",  # nor one with bad options
    "- a `x\n- b`\n  c` <img src=x onerror=alert(1)> `d`",  # backticks pair within a list item
    "``y```<img src=x onerror=alert(1)>```python",     # as Python-Markdown pairs backticks
])
def test_html_disguised_from_a_simple_reading_is_found(markdown):
    text = OPENING + markdown + "\n"
    assert attribute("onerror") in [message for _, message in found(text)]
    # Really live: in the HTML Python-Markdown makes of it, as a browser reads that.
    assert attribute("onerror") in [message for message, _, _ in unsafe_html(render(text))]


def test_every_occurrence_is_reported_at_its_own_line():
    text = OPENING + "\n".join([
        "<script>alert(1)</script>",                          # 5
        "Read [this](javascript:alert(2)) and [that](javascript:alert(3)).",  # 6
        "",                                                   # 7
        "<img src=x onerror=alert(4)> <img src=y onload=alert(5)>",  # 8
        "",                                                   # 9
        '<iframe src="https://example.org/"></iframe>',      # 10
        "## Heading { onclick=alert(6) }",                    # 11
        "<script>alert(7)</script>",                          # 12
    ]) + "\n"
    assert found(text) == [
        (5, element("script")),
        (6, address("javascript")),
        (8, attribute("onerror")),
        (8, attribute("onload")),
        (10, element("iframe")),
        (11, attribute("onclick") + IN_BRACKETS),
        (12, element("script")),
    ]


def test_rendered_html_is_checked_as_html():
    html = ('<p>Read <a href="javascript:alert(1)">this</a>.</p>\n'
            "<p><code>&lt;script&gt;</code> and [x](javascript:alert(2)) as text</p>\n"
            '<p><img alt="" src="a.png" onerror="alert(3)"></p>\n')
    assert [message for message, _, _ in unsafe_html(html)] == [address("javascript"),
                                                                 attribute("onerror")]


def test_what_a_browser_would_not_run_is_not_reported():
    """As a browser reads a page's content: a <frame> or <frameset> there is dropped, an onclick
    with no value runs nothing, and <javascript:x> is no link (Python-Markdown links only web
    addresses written so) but an unknown element."""
    assert found(OPENING + "<javascript:alert(1)>\n") == []
    assert found(OPENING + '<frameset><frame src="a.html"></frameset>\n') == []
    assert found(OPENING + '<p onclick="">Press</p>\n') == []


def test_the_message_says_what_to_do_as_the_guide_shows_it():
    [problem] = unsafe_markup("docs/tools/request-planner.md",
                              "\n" * 30 + '<iframe src="https://example.org/"></iframe>\n',
                              render=render)
    assert "link to it instead, like [words](https://address)" in problem.hint
    assert f"a developer must add the page to the reviewed allow-list {ALLOW_LIST}" in problem.hint
    assert str(problem) in (ROOT / "editing/build-messages.md").read_text(encoding="utf-8")


def test_a_data_address_gets_advice_about_pictures():
    [problem] = unsafe_markup(PAGE, "![A chart](data:image/png;base64,iVBORw0KGgo=)\n",
                              render=render)
    assert "![words](picture.png)" in problem.hint and ALLOW_LIST in problem.hint


# What is fine --------------------------------------------------------------------------------

@pytest.mark.parametrize("markdown", [
    "```html\n<script>alert(1)</script>\n<a href=\"javascript:x\" onclick=\"y\">z</a>\n```",
    "~~~\n<iframe src=\"https://example.org/\"></iframe>\n[x](javascript:alert(1))\n~~~",
    "````markdown\n```\n<script>alert(1)</script>\n```\n````",
    "1. A step:\n\n    ```html\n    <script>alert(1)</script>\n    ```\n\n2. Another step.",
    '```html title="An example" hl_lines="1 2-3" linenums="1"\n<script>alert(1)</script>\n```',
    "``` { .html #example }\n<embed src=x>\n```",
    "Write `<script>`, `<iframe src=x>` or ``<img onerror=`x`>``: they show as text.",
    "Never `[x](javascript:alert(1))` or `{ onclick=alert(1) }`.",
    "| Tag | Use |\n| --- | --- |\n| `<script>` | never |\n| `<!-- formal use -->` | a marker |",
    "- in a page, end the line with `<!-- formal use -->`;\n- in data, `# formal use`.",
    "<div class=\"grid cards\" markdown>\n\n- Use `<script>` never.\n\n</div>",
])
def test_code_is_not_searched(markdown):
    assert found(OPENING + markdown + "\n") == []


@pytest.mark.parametrize("markdown", [
    "[A site](https://example.org/page?a=1&b=2), [mail](mailto:team@example.org), "
    "[a section](../audit-learning/retraction.md#good-practice), [here](#local) and "
    "[a planner](tools/request-planner.md?person=child&categories=a,b).",
    "![A chart](../assets/chart.png) and <https://example.org/>",
    "[Reference]: https://example.org/ \"javascript: the language\"",
    "## A heading { #a-heading .wide }\n\nA paragraph.\n{: #para .note }",
    "Being online at the onset of the one-to-one session: data: 2020 (javascript: no).",
    "An onclick=\"x\" handler, as words in a sentence, and {online, onset}.",
    '<abbr title="Multi-Agency Public Protection Arrangements">MAPPA</abbr>',
    "<details>\n<summary>More</summary>\nHidden text.\n</details>",
    "<!-- insert: request-planner -->\n\n<!-- <script>alert(1)</script> [x](javascript:a) -->",
    "A word to avoid <!-- formal use -->, and a < b, and &lt;script&gt; as text.",
    '<a href="https://example.org/" title="Opens the partnership\'s site">site</a>',
])
def test_ordinary_pages_are_fine(markdown):
    assert found(OPENING + markdown + "\n") == []


def test_the_frozen_test_projects_pages_are_fine():
    pages = sorted((ROOT / "tests/fixture/docs").rglob("*.md"))
    assert pages
    for page in pages:
        assert unsafe_markup(str(page), body(page.read_text(encoding="utf-8")),
                             render=render) == [], page


PIECES = ["`", "``", "```", "~~~", "\n", "\n\n", "    ", "- ", "# ", "> ", "| a |", "\n|-|-|\n",
          "<div>", "</div>", "<div markdown>", "<p>", "</p>", "<span>", "</span>", "<hr>",
          "<!--", "-->", "<!-->", "--!>", "<![CDATA[", "]]>", "<?", "</ ", "<a href=", '"',
          "<style>", "</style>", "<svg>", "<title>", "<textarea>", "</textarea>", "\\",
          "<img src=x onerror=a>", "<script>", "</script>", "[a](", "javascript:x", ")",
          "{: onclick=a }", "{ #i }", "text", "`x`", "!!! note\n    "]


def test_every_finding_is_put_on_a_line_that_holds_it():
    """Random jumbles of tricky pieces: whatever the rendered page holds is reported, each at a
    line of the page that mentions it, and nothing else is."""
    jumbles = random.Random(20260523)
    for _ in range(150):
        text = "".join(jumbles.choice(PIECES) for _ in range(jumbles.randint(2, 12))) + "\n"
        rendered = {message for message, _, _ in unsafe_html(render(text))}
        problems = unsafe_markup(PAGE, text, render=render)
        assert {problem.message.removesuffix(IN_BRACKETS) for problem in problems} == rendered
        lines = text.split("\n")
        for problem in problems:
            needle = problem.message.split()[4].strip("<>:").replace("element", "")
            assert needle.lower() in lines[problem.line - 1].lower(), (text, problem)


@pytest.mark.parametrize("markdown", [
    "<div markdown>\n`<script>` fine\n</div>",
    "Use `<script>` here and ``<iframe src=x>`` there.",
    "```python\n<script>alert(1)</script>\n```",
    "- item\n\n    ```\n    <script>alert(1)</script>\n    ```",
])
def test_code_python_markdown_shows_as_text_is_not_reported(markdown):
    assert not unsafe_html(render(markdown))
    assert not unsafe_markup(PAGE, markdown, render=render)


# The allow-list ------------------------------------------------------------------------------

def test_the_projects_allow_list_explains_itself_and_lists_no_page():
    path = ROOT / ALLOW_LIST
    pages, problems = read_allow_list(path)
    assert (pages, problems) == (frozenset(), [])
    text = path.read_text(encoding="utf-8")
    assert "developers only" in text and "reviews" in text


def test_a_missing_allow_list_is_empty(tmp_path):
    assert read_allow_list(tmp_path / "allowed-html.txt") == (frozenset(), [])


def test_the_allow_list_gives_each_page_and_ignores_comments_and_reasons(tmp_path):
    path = tmp_path / "allowed-html.txt"
    path.write_text("# Pages allowed HTML\n\n"
                    "tools/request-planner.md  # its own planner; reviewed 2026-05-01\n"
                    "  about.md\n"
                    "audit-learning/retraction.md # reason\n", encoding="utf-8")
    assert read_allow_list(path) == (
        frozenset({"tools/request-planner.md", "about.md", "audit-learning/retraction.md"}), [])


def test_each_malformed_line_of_the_allow_list_is_a_problem_at_its_line(tmp_path):
    path = tmp_path / "allowed-html.txt"
    path.write_text("# header\n"
                    "/tools/request-planner.md\n"      # 2: absolute
                    "../outside.md\n"                  # 3: leaves docs/
                    "tools/../index.md\n"              # 4
                    "tools/request-planner.txt\n"      # 5: not a page or a published file
                    "docs/about.md\n"                  # 6: docs/ twice
                    "tools\\planner.md\n"              # 7: backslash
                    "C:/site/docs/about.md\n"          # 8: absolute
                    "about.md\n"
                    "findings/handout.html\n", encoding="utf-8")
    pages, problems = read_allow_list(path)
    assert pages == frozenset({"about.md", "findings/handout.html"})
    assert [problem.line for problem in problems] == [2, 3, 4, 5, 6, 7, 8]
    assert all(problem.path == ALLOW_LIST and problem.code == "unsafe-html" for problem in problems)
    assert problems[0].message == ("'/tools/request-planner.md' is an absolute path, not a path "
                                   "inside docs/")
    assert "tools/request-planner.md" in problems[0].hint


def test_an_allow_list_that_is_not_utf8_is_a_problem(tmp_path):
    path = tmp_path / "allowed-html.txt"
    path.write_bytes(b"caf\xe9.md\n")
    pages, [problem] = read_allow_list(path, "hooks/allowed-html.txt")
    assert pages == frozenset() and (problem.line, problem.code) == (1, "not-utf8")


# Symbolic links ------------------------------------------------------------------------------

def test_links_leading_outside_docs_or_nowhere_are_reported(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "notes.md").write_text("private\n", encoding="utf-8")
    (docs / "notes.md").symlink_to(secret / "notes.md")                  # a file outside
    (docs / "assets" / "private").symlink_to(Path("../..") / "secret")   # a folder outside
    (docs / "gone.md").symlink_to(docs / "no-such-file.md")              # a broken link
    (docs / "lost.md").symlink_to(tmp_path / "lost.md")                  # broken, outside
    (docs / "home.md").symlink_to("index.md")                            # inside docs: fine
    (docs / "assets" / "pages").symlink_to(docs)                         # a loop inside: fine
    problems = outside_links(docs)
    assert [(problem.path, problem.line, problem.message) for problem in problems] == [
        ("docs/assets/private", 1,
         "this is a symbolic link to a file outside docs/ (../../secret)"),
        ("docs/gone.md", 1,
         f"this is a symbolic link to a file that does not exist ({docs / 'no-such-file.md'})"),
        ("docs/lost.md", 1,
         f"this is a symbolic link to a file outside docs/ ({tmp_path / 'lost.md'})"),
        ("docs/notes.md", 1,
         f"this is a symbolic link to a file outside docs/ ({secret / 'notes.md'})"),
    ]
    assert all(problem.code == "link-outside-docs" for problem in problems)
    assert problems[0].hint == ("Copy the file into docs/ instead, or remove the link: nothing "
                                "from outside the project is published.")


def test_a_tree_without_links_has_no_problems_and_is_walked_quickly(tmp_path):
    docs = tmp_path / "site-docs"
    for number in range(100):
        page = docs / f"section-{number % 10}" / f"page-{number}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("# A page\n", encoding="utf-8")
    (docs / "section-0" / "up").symlink_to("..")  # a loop, never followed
    started = time.perf_counter()
    assert outside_links(docs, display_root="site-docs") == []
    assert time.perf_counter() - started < 1


def test_a_link_loop_is_reported_without_hanging(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    os.symlink(docs / "b", docs / "a")
    os.symlink(docs / "a", docs / "b")
    assert [problem.path for problem in outside_links(docs)] == ["docs/a", "docs/b"]
