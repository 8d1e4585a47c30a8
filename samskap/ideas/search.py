"""Ideas and challenges in search. Registered in IdeasConfig.ready.

Only published ideas that everyone may see (public, not hidden) and challenges that are not hidden are found.
The services keep the index current after commit:

    transaction.on_commit(partial(idea_index, idea_id=idea.pk))            # published, changed, hidden …
    transaction.on_commit(partial(challenge_index, challenge_id=c.pk))
Bulk writes (seed_scale) call `ideas_index_many(ids)` / `challenges_index_many(ids)`.
"""

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from samskap.core.search import register_search_kind, search_index_delete, search_index_update

from .models import Challenge, Idea


def _theme_words(themes) -> str:
    return " ".join(" ".join(dict.fromkeys(str(label) for label in theme.labels.values())) for theme in themes)


def _stage_words(stage) -> str:
    return " ".join(dict.fromkeys(str(label) for label in stage.labels.values()))


def ideas_for_search():
    return Idea.objects.public().select_related("place", "stage", "challenge").prefetch_related("themes", "needs")


def idea_document(idea: Idea) -> dict | None:
    if idea.published_at is None or idea.hidden_at is not None or idea.visibility != "public":
        return None
    return {
        "title": idea.title,
        "body": "\n".join(part for part in (idea.summary, idea.problem, idea.solution, idea.target_group) if part),
        "keywords": " ".join((_theme_words(idea.themes.all()), _stage_words(idea.stage),
                              idea.place.name if idea.place_id else "", idea.location,
                              idea.challenge.title if idea.challenge_id else "",
                              " ".join(need.text for need in idea.needs.all()))),
        "url": idea.get_absolute_url(),
        "language": idea.language,
    }


def challenges_for_search():
    return Challenge.objects.visible().select_related("organisation").prefetch_related("themes", "places", "tree_nodes")


def challenge_document(challenge: Challenge) -> dict | None:
    if challenge.hidden_at is not None:
        return None
    return {
        "title": challenge.title,
        "body": "\n".join(part for part in (challenge.core_problem, challenge.description, challenge.why_it_matters)
                          if part),
        "keywords": " ".join((_theme_words(challenge.themes.all()), " ".join(p.name for p in challenge.places.all()),
                              challenge.target_groups, challenge.organisation.name if challenge.organisation_id else "",
                              " ".join(node.text for node in challenge.tree_nodes.all()))),
        "url": challenge.get_absolute_url(),
        "language": challenge.language,
    }


register_search_kind("idea", label=_("Ideas"), queryset_fn=ideas_for_search, document_fn=idea_document)
register_search_kind("challenge", label=_("Challenges"), queryset_fn=challenges_for_search,
                     document_fn=challenge_document)


def idea_index(idea_id: int) -> None:
    idea = Idea.objects.select_related("place", "stage", "challenge").prefetch_related(
        "themes", "needs").filter(pk=idea_id).first()
    if idea is None:
        search_index_delete(kind="idea", object_id=idea_id)
    else:
        search_index_update(kind="idea", obj=idea)


def ideas_index_many(idea_ids: Iterable[int]) -> None:
    for idea in Idea.objects.select_related("place", "stage", "challenge").prefetch_related(
            "themes", "needs").filter(pk__in=list(idea_ids)):
        search_index_update(kind="idea", obj=idea)


def challenge_index(challenge_id: int) -> None:
    challenge = Challenge.objects.select_related("organisation").prefetch_related(
        "themes", "places", "tree_nodes").filter(pk=challenge_id).first()
    if challenge is None:
        search_index_delete(kind="challenge", object_id=challenge_id)
    else:
        search_index_update(kind="challenge", obj=challenge)


def challenges_index_many(challenge_ids: Iterable[int]) -> None:
    for challenge in Challenge.objects.select_related("organisation").prefetch_related(
            "themes", "places", "tree_nodes").filter(pk__in=list(challenge_ids)):
        search_index_update(kind="challenge", obj=challenge)
