"""Template helpers for the knowledge base: sanitised Markdown, language names, method-card facts.

`{{ resource.body|markdown }}` renders the text with its headings starting at h2;
`{{ resource.body|markdown:3 }}` starts them at h3, for a text inside a section.
"""

from pathlib import PurePath

from django import template
from django.core.cache import cache
from django.template.defaultfilters import filesizeformat
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskap.core.fragments import KNOWLEDGE, generation

from .. import selectors
from ..markdown import render_markdown
from ..models import Audience

register = template.Library()

FILE_TYPES = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel", "pptx": "PowerPoint", "odt": "OpenDocument",
              "ods": "OpenDocument", "odp": "OpenDocument", "txt": "TXT", "jpg": "JPEG", "jpeg": "JPEG", "png": "PNG",
              "webp": "WebP"}
# Each language named in itself, so a reader finds their own whatever the page's language.
AUTONYMS = {"sv": "Svenska", "nb": "Norsk", "da": "Dansk", "en": "English", "fi": "Suomi", "is": "Íslenska"}


@register.filter
def markdown(text: str, heading_base: int = 2) -> SafeString:
    return render_markdown(text, heading_base=heading_base)


@register.filter
def autonym(code: str) -> str:
    return AUTONYMS.get(code, code)


@register.filter
def duration(minutes) -> str:
    """ "90 minutes", "2 hours", "2 hours 30 minutes" (translated)."""
    if minutes in (None, ""):
        return ""
    minutes = int(minutes)
    hours, rest = divmod(minutes, 60)
    hour_text = ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}
    minute_text = ngettext("%(count)s minute", "%(count)s minutes", rest) % {"count": rest}
    if hours == 0 or minutes < 120 and rest:
        return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    return f"{hour_text} {minute_text}" if rest else hour_text


@register.simple_tag
def group_size(low, high) -> str:
    """ "12–300 people", "at least 5 people", "up to 20 people" (translated)."""
    if low and high:
        if low == high:
            return ngettext("%(count)s person", "%(count)s people", low) % {"count": low}
        return _("%(low)s–%(high)s people") % {"low": low, "high": high}
    if low:
        return ngettext("at least %(count)s person", "at least %(count)s people", low) % {"count": low}
    if high:
        return ngettext("up to %(count)s person", "up to %(count)s people", high) % {"count": high}
    return ""


@register.filter
def audience_labels(codes) -> str:
    """ "Residents, municipalities": the audiences' names in the page's language."""
    labels = dict(Audience.choices)
    text = ", ".join(str(labels[code]) for code in codes or [] if code in labels)
    return text[:1].upper() + text[1:]


@register.filter
def file_type(name: str) -> str:
    extension = PurePath(name or "").suffix.lower().lstrip(".")
    return FILE_TYPES.get(extension, extension.upper())


@register.filter
def file_size(field_file) -> str:
    """The stored file's size, or nothing when the storage cannot tell (a file lost from the disk)."""
    try:
        return filesizeformat(field_file.size) if field_file else ""
    except (OSError, ValueError):
        return ""


@register.inclusion_tag("knowledge/partials/organisation_knowledge.html")
def organisation_knowledge(organisation):
    """`{% load knowledge %}{% organisation_knowledge organisation %}`: the organisation's resources and open
    funding calls on its page, so the directory's templates show them without the directory importing them."""
    key = f"organisation-knowledge:{generation(KNOWLEDGE)}:{get_language()}:{organisation.pk}"
    found = cache.get(key)
    if found is None:  # kept a minute (calls close with the clock), and never past a change to the knowledge base
        found = selectors.organisation_knowledge(organisation=organisation)
        cache.set(key, found, 60)
    return {"organisation": organisation, **found}
