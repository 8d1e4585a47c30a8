"""Suggested matches: "Ads for you" (for the member and each of their organisations) and, for an ad's owner,
the organisations and people that fit the ad. Both explain why; the ranking is in `matching.py`.

Never cached: every page here is personal.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from samskap.actors.models import Membership, Organisation

from . import matching
from .models import Ad

PER_GROUP = 10


@require_safe
@login_required
def suggested(request):
    """"Ads for you": one group at a time — for the member (the default), or `?for=<slug>` for one of their
    organisations — so the page runs the same few queries however many organisations they belong to."""
    organisations = list(Organisation.objects.listed().filter(
        memberships__user=request.user, memberships__status=Membership.Status.ACTIVE,
    ).select_related("head_office").order_by("name", "pk"))
    wanted = request.GET.get("for", "")
    chosen = next((organisation for organisation in organisations if organisation.slug == wanted), None)
    if wanted and chosen is None:
        raise Http404
    tree = matching.PlaceTree()
    if chosen is None:
        suggestions = matching.ads_for_member(request.user, limit=PER_GROUP, tree=tree,
                                              organisation_ids=[organisation.pk for organisation in organisations])
    else:
        suggestions = matching.ads_for_organisation(chosen, limit=PER_GROUP, tree=tree)
    return render(request, "marketplace/suggested.html", {
        "organisations": organisations, "chosen": chosen,
        "groups": [{"organisation": chosen, "suggestions": suggestions}]})


@require_safe
@login_required
def ad_suggestions(request, pk: int):
    """The organisations and people suggested for an ad: a page of its own, or (htmx) the section on the ad page."""
    ad = Ad.objects.select_related("organisation", "owner").prefetch_related("themes", "places").filter(pk=pk).first()
    if ad is None or not request.user.has_perm("marketplace.view_ad", ad):
        raise Http404
    if not request.user.has_perm("marketplace.change_ad", ad):
        raise PermissionDenied
    suggestions = matching.suggestions_for_ad(ad) if ad.status == Ad.Status.OPEN and not ad.is_hidden else []
    context = {"ad": ad, "suggestions": suggestions, "loaded": True, "is_owner": True}
    if request.htmx:
        return render(request, "marketplace/partials/ad_suggestions.html", context)
    return render(request, "marketplace/ad_suggestions.html", context)
