"""Reading a page number from a list's query string."""

from django.utils.translation import gettext as _


def page_number(raw: str, num_pages: int, problems: list[str]) -> int:
    """The page asked for, or the nearest that exists; a note for the page in `problems` when it differs."""
    try:
        number = int(raw)
        if number < 1:
            raise ValueError
    except ValueError:
        problems.append(_("“%(value)s” is not a page number, so the first page is shown.") % {"value": raw[:20]})
        return 1
    if number > num_pages:
        problems.append(_("There is no page %(number)s, so the last page is shown.") % {"number": number})
        return num_pages
    return number
