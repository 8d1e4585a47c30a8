"""`{% organisation_partners organisation %}` and `{% person_partners person %}`: the "Partners" section of a
profile — the other side of each partnership, since when, and where it began (e.g. a marketplace ad)."""

from django import template

from ..selectors import partnerships_of_organisation, partnerships_of_person

register = template.Library()


@register.inclusion_tag("actors/partials/partnerships.html")
def organisation_partners(organisation) -> dict:
    return {"partnerships": partnerships_of_organisation(organisation=organisation)}


@register.inclusion_tag("actors/partials/partnerships.html")
def person_partners(person) -> dict:
    return {"partnerships": partnerships_of_person(person=person)}
