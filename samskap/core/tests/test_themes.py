import pytest
from django.urls import reverse
from django.utils import translation

from samskap.accounts.tests.factories import make_user_for_role
from samskap.core.admin import ThemeAdminForm
from samskap.core.models import Theme
from samskap.core.selectors import themes_active
from samskap.core.themes_data import LABEL_LANGUAGES, THEMES

pytestmark = pytest.mark.django_db


def theme_form_data(theme: Theme | None = None, **overrides):
    data = {"kind": "challenge", "slug": "", "position": "20", "is_active": "on",
            "label_en": "Food waste", "label_sv": "Matsvinn", "label_nb": "Matsvinn", "label_da": "Madspild"}
    if theme is not None:
        data.update(kind=theme.kind, slug=theme.slug, position=str(theme.position),
                    **{f"label_{language}": theme.labels.get(language, "") for language in LABEL_LANGUAGES})
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_hub_starts_with_four_focus_areas_seventeen_sdgs_and_the_societal_challenges():
    counts = {kind: Theme.objects.filter(kind=kind).count() for kind in Theme.Kind.values}
    assert counts == {"focus_area": 4, "sdg": 17, "challenge": 15}
    assert Theme.objects.count() == len(THEMES)


def test_every_shipped_theme_has_a_label_in_all_four_languages():
    for theme in Theme.objects.all():
        assert all(theme.labels.get(language, "").strip() for language in ("en", "sv", "nb", "da")), theme.slug


def test_the_sdgs_are_numbered_by_goal_with_their_official_names():
    sdgs = list(Theme.objects.filter(kind="sdg").order_by("position"))
    assert [sdg.position for sdg in sdgs] == list(range(1, 18))
    no_poverty = sdgs[0]
    assert no_poverty.slug == "sdg-1-no-poverty"
    assert no_poverty.labels == {"en": "No poverty", "sv": "Ingen fattigdom", "nb": "Utrydde fattigdom",
                                 "da": "Afskaf fattigdom"}
    assert sdgs[16].slug == "sdg-17-partnerships-for-the-goals"


def test_the_focus_areas_are_the_kreapreneur_models_four_in_its_own_words():
    focus_areas = themes_active(kinds=["focus_area"])
    assert [theme.labels["en"] for theme in focus_areas] == [
        "Environment and health", "Values and rules", "Communication and learning", "Business and value creation"]
    assert [theme.labels["sv"] for theme in focus_areas] == [
        "Miljö och hälsa", "Värdegrund och regler", "Kommunikation och lärande", "Näringsliv och värdeskapande"]


def test_a_theme_label_follows_the_active_language():
    loneliness = Theme.objects.get(slug="loneliness")
    expected = {"en": "Loneliness", "sv": "Ensamhet", "nb": "Ensomhet", "da": "Ensomhed"}
    for language, label in expected.items():
        with translation.override(language):
            assert loneliness.label == label
            assert str(loneliness) == label


def test_a_missing_translation_falls_back_to_english():
    theme = Theme.objects.create(kind="challenge", slug="food-waste", labels={"en": "Food waste", "sv": "Matsvinn"})
    with translation.override("da"):
        assert theme.label == "Food waste"
    with translation.override("sv"):
        assert theme.label == "Matsvinn"


def test_active_themes_come_focus_areas_first_then_sdgs_then_challenges_without_retired_ones():
    Theme.objects.filter(slug="bullying").update(is_active=False)
    themes = list(themes_active())
    kinds = [theme.kind for theme in themes]
    assert kinds == ["focus_area"] * 4 + ["sdg"] * 17 + ["challenge"] * 14
    assert "bullying" not in {theme.slug for theme in themes}
    challenges = [theme.slug for theme in themes_active(kinds=["challenge"])]
    assert challenges[:3] == ["youth-unemployment", "loneliness", "poverty"]


def test_the_theme_admin_form_shows_one_field_per_language_filled_from_the_labels():
    theme = Theme.objects.get(slug="mental-health")
    form = ThemeAdminForm(instance=theme)
    assert "labels" not in form.fields
    assert {language: form[f"label_{language}"].value() for language in LABEL_LANGUAGES} == {
        "en": "Mental health", "sv": "Psykisk hälsa", "nb": "Psykisk helse", "da": "Mental sundhed"}


def test_the_theme_admin_form_writes_the_labels_back_and_keeps_other_languages():
    theme = Theme.objects.get(slug="mental-health")
    Theme.objects.filter(pk=theme.pk).update(labels={**theme.labels, "fi": "Mielenterveys"})
    theme.refresh_from_db()
    form = ThemeAdminForm(theme_form_data(theme, label_da="Psykisk sundhed", label_nb=""), instance=theme)
    assert form.is_valid(), form.errors
    form.save()
    theme.refresh_from_db()
    assert theme.labels == {"en": "Mental health", "sv": "Psykisk hälsa", "da": "Psykisk sundhed",
                            "fi": "Mielenterveys"}
    with translation.override("nb"):
        assert theme.label == "Mental health"


def test_a_new_theme_without_a_slug_gets_one_from_its_english_name():
    form = ThemeAdminForm(theme_form_data(label_en="Food waste – and loss"))
    assert form.is_valid(), form.errors
    theme = form.save()
    assert theme.slug == "food-waste-and-loss"
    assert theme.labels == {"en": "Food waste – and loss", "sv": "Matsvinn", "nb": "Matsvinn", "da": "Madspild"}


def test_a_theme_needs_an_english_name_and_a_free_slug():
    form = ThemeAdminForm(theme_form_data(label_en=""))
    assert not form.is_valid()
    assert "label_en" in form.errors
    form = ThemeAdminForm(theme_form_data(label_en="Loneliness"))
    assert not form.is_valid()
    assert "slug" in form.errors
    assert not Theme.objects.filter(labels__en="Food waste").exists()


def test_hub_admin_edits_a_themes_labels_through_the_admin(client, hub_admin):
    client.force_login(hub_admin)
    theme = Theme.objects.get(slug="housing")
    url = reverse("admin:core_theme_change", args=[theme.pk])
    html = client.get(url).content.decode()
    assert 'name="label_sv"' in html and 'value="Bostäder"' in html
    response = client.post(url, theme_form_data(theme, label_sv="Bostadsbrist"))
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.labels["sv"] == "Bostadsbrist"
    assert theme.labels["da"] == "Bolig"


def test_hub_admin_filters_and_searches_themes_in_any_language(client, hub_admin):
    client.force_login(hub_admin)
    url = reverse("admin:core_theme_changelist")
    with translation.override("en"):
        html = client.get(url, {"kind__exact": "focus_area"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Values and rules" in html and "No poverty" not in html
    html = client.get(url, {"q": "ensomhed"}).content.decode()
    assert "loneliness" in html and "poverty" not in html
    html = client.get(url, {"q": "halsa"}).content.decode()  # folded: finds "hälsa"
    assert "environment-and-health" in html and "mental-health" in html and "loneliness" not in html


@pytest.mark.parametrize("role", ["member", "mentor", "facilitator"])
def test_only_hub_admins_reach_the_theme_admin(client, role):
    client.force_login(make_user_for_role(role))
    response = client.get(reverse("admin:core_theme_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]
