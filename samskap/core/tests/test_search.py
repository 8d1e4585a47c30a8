"""Search: one box over every indexed kind, across Swedish, Norwegian, Danish and English.

Most tests index a test-only kind, "note", over users (title = name, body = bio), so that they
say exactly what is indexed; the directory's own kinds are tested where they are registered.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from samskap.accounts.services import profile_update, user_delete
from samskap.accounts.tests.factories import UserFactory
from samskap.core.models import SearchEntry, SearchTerm
from samskap.core.search import (
    SEARCH_KINDS,
    SearchKind,
    search_index_delete,
    search_index_rebuild,
    search_index_update,
    search_keys,
    snippet,
    within_one_edit,
)
from samskap.core.selectors import search, search_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """A browser asking for English, whatever the hub's default language."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def note_document(user):
    if user.name.startswith("hidden"):
        return None
    return {"title": user.name, "body": user.bio, "url": f"/notes/{user.pk}/", "language": "sv"}


@pytest.fixture(autouse=True)
def note_kind(monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setitem(SEARCH_KINDS, "note", SearchKind(
        kind="note", label="Notes", queryset_fn=lambda: get_user_model().objects.exclude(name=""),
        document_fn=note_document,
    ))


def note(title: str, body: str = "", *, index: bool = True):
    user = UserFactory(name=title, bio=body)
    if index:
        search_index_update(kind="note", obj=user)
    return user


def found(query: str, kinds=("note",)) -> list[str]:
    results, _count = search(query=query, kinds=kinds, limit=100)
    return [result.title for result in results]


# The word families of the issue -------------------------------------------------------------------

FAMILIES = [
    ("ensamhet", "ensomhet", "ensomhed"),
    ("samarbete", "samarbeid", "samarbejde"),
    ("arbetslöshet", "arbetsløshet", "arbejdsløshed"),
]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family[0])
def test_each_scandinavian_spelling_finds_the_other_two(family):
    for language, word in zip(("sv", "nb", "da"), family):
        note(f"Note in {language}", f"Vi arbetar mot {word} i vårt område.")
    for word in family:
        assert sorted(found(word)) == ["Note in da", "Note in nb", "Note in sv"], word


def test_inflected_forms_find_each_other_across_languages():
    note("Danish", "Samarbejdet mellem kommunerne")
    note("Swedish", "Vi söker samarbeten med kommunen")
    assert sorted(found("samarbetet")) == ["Danish", "Swedish"]
    assert sorted(found("kommune")) == ["Danish", "Swedish"]


def test_the_families_share_keys_before_any_typo_tolerance():
    assert "samarbet" in search_keys("samarbete") & search_keys("samarbeid") & search_keys("samarbejde")
    assert "arbetslos" in search_keys("arbetslöshet") & search_keys("arbejdsløshed")


def test_a_place_written_without_its_diacritics_is_found():
    note("Träffpunkt Malmö", "Öppet hus varje tisdag.")
    note("Mötesplats Aarhus")
    results, _count = search(query="Malmo", kinds=["note"], limit=10)
    assert [result.title for result in results] == ["Träffpunkt Malmö"]
    assert "<mark>Malmö</mark>" in results[0].title_html
    assert found("Århus") == ["Mötesplats Aarhus"]


@pytest.mark.parametrize("typo", ["smarbete", "samarbtee", "samarbette", "ensamhte"])
def test_one_typo_is_forgiven(typo):
    note("Kooperativet", "Samarbete mot ensamhet bland äldre.")
    assert found(typo) == ["Kooperativet"]


def test_two_typos_are_not_forgiven():
    note("Kooperativet", "Samarbete mot ensamhet bland äldre.")
    assert found("smarbtee") == []


@pytest.mark.parametrize("indexed, query", [
    ("arbetslöshet", "arbeidsledighet"),
    ("arbeidsledighet", "arbetslöshet"),
    ("företag", "virksomhed"),
    ("virksomhed", "företag"),
])
def test_different_words_for_the_same_thing_do_not_match(indexed, query):
    note("Note", f"Om {indexed} i Norden.")
    assert found(query) == []


def test_every_word_of_a_query_must_match_but_function_words_are_ignored():
    note("Both", "Samarbete mot ensamhet.")
    note("One", "Samarbete mellan företag.")
    assert found("samarbete och ensamhet") == ["Both"]
    assert sorted(found("samarbete")) == ["Both", "One"]


def test_a_query_of_only_function_words_finds_nothing():
    note("Note", "Det är och var så.")
    assert search(query="och det", kinds=["note"], limit=10) == ([], 0)


# Ranking, snippets, counts ------------------------------------------------------------------------

def test_title_matches_rank_above_body_matches():
    note("Grannskapsföreningen", "Vi driver samarbete mellan grannar och samarbete med skolan.")
    note("Samarbete Rosengård", "En mötesplats.")
    assert found("samarbete") == ["Samarbete Rosengård", "Grannskapsföreningen"]


def test_exact_words_rank_above_typo_matches():
    note("Typo match", "Om ensomhet.")  # Norwegian: one letter from the Swedish stem
    note("Exact match", "Om ensamhet.")
    assert found("ensamhet") == ["Exact match", "Typo match"]


def test_the_snippet_escapes_html_and_marks_the_matching_words():
    note("Note", "<script>alert('x')</script> Vi arbetar med samarbete & ensamhet.")
    result = search(query="samarbeid", kinds=["note"], limit=1)[0][0]
    assert "<script>" not in result.snippet
    assert "&lt;script&gt;" in result.snippet
    assert "<mark>samarbete</mark>" in result.snippet
    assert "&amp; ensamhet" in result.snippet


def test_a_long_body_is_cut_around_the_first_match():
    body = "Inledning om ingenting särskilt. " * 30 + "Här står det om arbejdsløshed bland unga. " + "Slut. " * 50
    text = str(snippet(body, search_keys("arbetslöshet")))
    assert text.startswith("… ") and text.endswith(" …")
    assert "<mark>arbejdsløshed</mark>" in text
    assert len(text) < 320


def test_results_are_paginated_with_a_total_count():
    for n in range(7):
        note(f"Samarbete {n}")
    first, count = search(query="samarbete", kinds=["note"], limit=3, offset=0)
    last, count_again = search(query="samarbete", kinds=["note"], limit=3, offset=6)
    beyond, count_beyond = search(query="samarbete", kinds=["note"], limit=3, offset=30)
    assert (len(first), len(last), len(beyond)) == (3, 1, 0)
    assert count == count_again == count_beyond == 7


def test_results_can_be_limited_to_kinds_and_counted_per_kind():
    member = UserFactory(name="Sara Samarbete", bio="", listed_in_directory=True)
    search_index_update(kind="person", obj=member)
    note("Samarbete i Malmö")
    assert found("samarbete", kinds=["person"]) == ["Sara Samarbete"]
    page = search_page(query="samarbete", per_kind=5)
    assert page.counts == {"note": 1, "person": 1}
    assert [(group.kind, group.count) for group in page.groups] == [("person", 1), ("note", 1)]  # as registered


def test_an_unknown_kind_is_an_error():
    with pytest.raises(LookupError):
        search(query="samarbete", kinds=["nothing"], limit=10)


def test_one_edit_means_one_insertion_deletion_substitution_or_swap():
    assert within_one_edit("ensam", "ensom")
    assert within_one_edit("samarbet", "smarbet")
    assert within_one_edit("samarbet", "samarbte")
    assert not within_one_edit("samarbet", "smarbte")
    assert not within_one_edit("abcx", "abyc")


# Keeping the index current ---------------------------------------------------------------------------

def test_the_index_follows_updates_and_deletes():
    user = note("Föreningen", "Vi arbetar mot ensamhet.")
    user.bio = "Vi arbetar med samarbete."
    user.save()
    search_index_update(kind="note", obj=user)
    assert found("ensamhet") == []
    assert found("samarbejde") == ["Föreningen"]
    search_index_delete(kind="note", object_id=user.pk)
    assert found("samarbejde") == []
    assert not SearchEntry.objects.filter(kind="note").exists()


def test_a_document_that_must_not_be_found_leaves_the_index():
    user = note("Föreningen", "Samarbete.")
    user.name = "hidden now"
    search_index_update(kind="note", obj=user)
    assert found("samarbete") == []


def test_new_words_enter_the_vocabulary_for_typo_tolerance():
    note("Note", "Kvarteret Rosengård.")
    assert SearchTerm.objects.filter(term="rosengart").exists()
    assert found("Rosengaard") == ["Note"]
    assert found("Rosngård") == ["Note"]


def test_a_person_is_found_only_while_they_consent_to_the_directory():
    person = UserFactory(name="Karin Kooperativ", bio="", listed_in_directory=False)
    profile_update(user=person, by=person, bio="Jag kan bokföring och samarbete.")
    assert found("samarbete", kinds=["person"]) == []
    profile_update(user=person, by=person, listed_in_directory=True)
    assert found("samarbete", kinds=["person"]) == ["Karin Kooperativ"]
    assert search(query="samarbete", kinds=["person"], limit=1)[0][0].url == reverse("accounts:person", args=[person.pk])
    profile_update(user=person, by=person, listed_in_directory=False)
    assert found("samarbete", kinds=["person"]) == []


def test_a_deleted_account_leaves_the_index():
    person = UserFactory(name="Karin Kooperativ", listed_in_directory=True)
    profile_update(user=person, by=person, bio="Samarbete.")
    user_delete(user=person, by=person)
    assert found("samarbete", kinds=["person"]) == []
    assert not SearchEntry.objects.filter(kind="person").exists()


def test_rebuilding_indexes_everything_and_forgets_what_is_gone():
    note("Indexed and then deleted", "Samarbete.").delete()  # deleted without the services: stale
    note("Never indexed", "Samarbete.", index=False)
    out = StringIO()
    call_command("rebuild_search_index", "--kind", "note", stdout=out)
    assert found("samarbete") == ["Never indexed"]
    assert "Search index rebuilt" in out.getvalue() and "note" in out.getvalue()


def test_rebuilding_everything_makes_the_vocabulary_match_the_index():
    user = note("Note", "Ensamhet.")
    user.bio = "Samarbete."
    user.save()
    counts = search_index_rebuild()
    assert counts["note"] >= 1
    assert SearchTerm.objects.filter(term="samarbet").exists()
    assert not SearchTerm.objects.filter(term="ensam").exists()


def test_rebuilding_an_unknown_kind_is_refused():
    with pytest.raises(CommandError, match="Unknown kind"):
        call_command("rebuild_search_index", "--kind", "nothing", stdout=StringIO())


# The search page ------------------------------------------------------------------------------------

def test_the_search_page_groups_results_by_kind_and_keeps_the_query(client):
    member = UserFactory(name="Sara Samarbete", listed_in_directory=True)
    search_index_update(kind="person", obj=member)
    note("Samarbete i Malmö", "Vi <b>bygger</b> samarbete.")
    response = client.get("/search/?q=samarbeid")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="samarbeid"' in html
    assert ">Notes <span" in html and ">People <span" in html
    assert "<mark>Samarbete</mark> i Malmö" in html
    assert "Vi &lt;b&gt;bygger&lt;/b&gt; <mark>samarbete</mark>." in html
    assert "2 results for “samarbeid”" in html


def test_the_search_page_says_when_nothing_is_found(client):
    note("Samarbete")
    html = client.get("/search/?q=zqxw").content.decode()
    assert "No results for “zqxw”." in html


def test_the_search_page_without_a_query_shows_only_the_form(client):
    html = client.get("/search/").content.decode()
    assert 'name="q"' in html and "No results" not in html


def test_the_search_page_filters_by_kind_page_by_page(client):
    for n in range(23):
        note(f"Samarbete {n:02}")
    first = client.get("/search/?q=samarbete&kind=note").content.decode()
    second = client.get("/search/?q=samarbete&kind=note&page=2").content.decode()
    assert first.count("<h3") == 20 and second.count("<h3") == 3
    assert "Show all" not in first
    overview = client.get("/search/?q=samarbete").content.decode()
    assert overview.count("<h3") == 5
    assert "Show all 23 results in Notes" in overview


def test_a_page_past_the_end_shows_the_last_page(client):
    for n in range(23):
        note(f"Samarbete {n:02}")
    html = client.get("/search/?q=samarbete&kind=note&page=9").content.decode()
    assert html.count("<h3") == 3
    assert 'aria-current="true" href="?q=samarbete&amp;kind=note&amp;page=2"' in html


def test_every_page_has_a_search_box_in_the_header(client):
    html = client.get("/").content.decode()
    header = html[html.index("<header"):html.index("</header>")]
    assert 'role="search"' in header and f'action="{reverse("core:search")}"' in header
    assert '<label class="ds-sr-only" for="site-search-query">Search</label>' in header


@pytest.mark.parametrize("rows", [5, 50])
def test_the_search_page_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, rows):
    from django.db import connection

    for n in range(rows):
        note(f"Samarbete {n}", "Om samarbete mellan kommuner och ensamhet.")
    client.get("/")  # the hub settings, cached for every later page
    # The vocabulary, at most four tiers of matches for each kind, the entries shown; on PostgreSQL
    # also the planner settings and the savepoint around them. Nothing per row.
    most = 1 + 4 * len(SEARCH_KINDS) + 1 + (3 if connection.vendor == "postgresql" else 0)
    with django_assert_max_num_queries(most):
        assert client.get("/search/?q=samarbete").status_code == 200
    with django_assert_max_num_queries(most):
        assert client.get(f"/search/?q=samarbete&kind=note&page={2 if rows > 20 else 1}").status_code == 200


# Very common words -----------------------------------------------------------------------------------
# At most SEARCH_COUNT_LIMIT matches are read, tier by tier. The limit is lowered here so that a
# handful of notes is "very many".

@pytest.fixture
def low_count_limit(monkeypatch):
    from samskap.core import selectors

    monkeypatch.setattr(selectors, "SEARCH_COUNT_LIMIT", 4)


def test_a_very_common_word_is_counted_up_to_the_limit_reading_the_best_tiers_first(low_count_limit):
    note("Typo body", "Smarbete.")
    note("Body 1", "Samarbete.")
    note("Typo title Smarbete", "")
    note("Body 2", "Om samarbete.")
    note("Body 3", "Om samarbete.")
    note("Title Samarbete", "")
    note("Another title samarbetet", "")
    results, count = search(query="samarbete", kinds=["note"], limit=10)
    assert count == 4
    titles = [result.title for result in results]
    assert set(titles[:2]) == {"Another title samarbetet", "Title Samarbete"}
    assert set(titles[2:]) < {"Body 1", "Body 2", "Body 3"}
    assert all(result.is_exact for result in results)
    assert search(query="samarbete", kinds=["note"], limit=3, offset=4) == ([], 4)


def test_a_very_common_word_still_shows_every_kind(low_count_limit):
    for n in range(8):
        note(f"Samarbete {n}")
    member = UserFactory(name="Sara Samarbete", listed_in_directory=True)
    search_index_update(kind="person", obj=member)
    page = search_page(query="samarbete", per_kind=2)
    assert [(group.kind, group.count, len(group.results)) for group in page.groups] == [
        ("person", 1, 1), ("note", 4, 2)]
    assert page.capped and page.groups[1].count_is_capped and not page.groups[0].count_is_capped


def test_the_search_page_says_when_there_are_more_results_than_it_counts(client, low_count_limit):
    for n in range(6):
        note(f"Samarbete {n}")
    html = client.get("/search/?q=samarbete").content.decode()
    assert "4 or more results for “samarbete”" in html
    assert "Notes <span class=\"search-meta\">(4+)</span>" in html


def test_renaming_a_theme_refreshes_search_in_the_background(hub_admin, run_tasks,
                                                            django_capture_on_commit_callbacks):
    from samskap.actors.tests.factories import OrganisationFactory
    from samskap.core.models import Theme
    from samskap.core.search import search_index_update
    from samskap.core.selectors import search
    from samskap.core.services import theme_labels_update

    theme = Theme.objects.get(slug="loneliness")
    organisation = OrganisationFactory(name="Fika för alla", themes=[theme])
    search_index_update(kind="organisation", obj=organisation)
    assert search(query="Gemenskapsbrist")[1] == 0

    with django_capture_on_commit_callbacks(execute=True):
        theme_labels_update(theme=theme, by=hub_admin, labels={"sv": "Gemenskapsbrist"})
    run_tasks()

    results, count = search(query="Gemenskapsbrist")
    assert count == 1 and results[0].title == "Fika för alla"


def test_a_repeated_search_is_read_from_the_cache_until_the_index_changes(client, django_assert_num_queries,
                                                                         django_capture_on_commit_callbacks):
    from samskap.actors.tests.factories import OrganisationFactory
    from samskap.core.search import search_index_update

    from django.utils.html import strip_tags

    def found() -> str:
        return strip_tags(client.get("/search/?q=samarbete", HTTP_ACCEPT_LANGUAGE="en").content.decode())

    first = OrganisationFactory(name="Samarbete Malmö")
    search_index_update(kind="organisation", obj=first)
    assert "Samarbete Malmö" in found()
    with django_assert_num_queries(0):
        client.get("/search/?q=samarbete", HTTP_ACCEPT_LANGUAGE="en")

    second = OrganisationFactory(name="Samarbeid Tromsø")
    with django_capture_on_commit_callbacks(execute=True):
        search_index_update(kind="organisation", obj=second)
    assert "Samarbeid Tromsø" in found()
