"""Markdown for resources' texts: CommonMark with tables and strikethrough, then sanitised.

Two walls, so one mistake is not enough for a script to reach a page:
1. markdown-it-py with raw HTML off: "<script>" in a text stays text, and its own link check drops
   javascript:, vbscript:, file: and data: addresses.
2. nh3 (ammonia) on the HTML that comes out: only the tags and attributes below, links only to http,
   https and mailto addresses (relative ones are dropped too), every link with rel="nofollow noopener".

Images are not shown: an image in the Markdown becomes a link to it, with its description as the link
text. Images from other sites are blocked by the pages' Content-Security-Policy anyway, and would tell
those sites who reads what; a picture belongs in the resource's file.

Headings are shifted so that the text's top level sits just below the page's own headings (a "#" in a
resource text is an h2 under the page's h1, or an h3 inside a section) and no level is skipped going down.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

import nh3

ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "a", "code", "pre", "em", "strong", "del",
    "s", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"


def _image_as_link(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    src = token.attrGet("src") or ""
    text = self.renderInlineAsText(token.children or [], options, env) or src
    return f'<a href="{escape(src)}">{escape(text)}</a>'


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(["table", "strikethrough"])
    md.add_render_rule("image", _image_as_link)
    return md


_MD = _parser()


def _headings_shifted(tokens, base: int) -> None:
    """Put the text's highest heading level at `base`, never more than one level deeper than the one before."""
    levels = [int(token.tag[1]) for token in tokens if token.type == "heading_open"]
    if not levels:
        return
    top, previous = min(levels), base - 1
    opened = []
    for token in tokens:
        if token.type == "heading_open":
            level = min(base + int(token.tag[1]) - top, previous + 1, 6)
            token.tag = f"h{level}"
            opened.append(token.tag)
            previous = level
        elif token.type == "heading_close":
            token.tag = opened.pop()


def render_markdown(text: str | None, *, heading_base: int = 2) -> SafeString:
    """Render a resource's Markdown as safe HTML for a page whose own headings stop at h(heading_base - 1)."""
    if not text or not text.strip():
        return mark_safe("")
    heading_base = max(2, min(int(heading_base), 6))
    env: dict = {}
    tokens = _MD.parse(text, env)
    _headings_shifted(tokens, heading_base)
    html = _MD.renderer.render(tokens, _MD.options, env)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        url_relative="deny",
        link_rel=LINK_REL,
        clean_content_tags={"script", "style"},
        strip_comments=True,
        # Markdown tables have one header row: its cells head columns.
        set_tag_attribute_values={"th": {"scope": "col"}},
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
