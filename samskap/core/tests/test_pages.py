import pytest
from django.urls import reverse

from samskap.core.models import HubSettings

pytestmark = pytest.mark.django_db


def test_home_shows_the_hubs_name_and_invites_visitors_to_sign_up(client):
    HubSettings.objects.create(pk=1, name="Grannskapet Rosengård")
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Grannskapet Rosengård" in html
    assert reverse("account_signup") in html


@pytest.mark.parametrize("path", ["/", "/accounts/login/"])
def test_home_and_login_render_with_at_most_six_queries_for_a_visitor(client, django_assert_max_num_queries, path):
    client.get(path)  # the first request fills the hub-settings cache, as on a running site
    with django_assert_max_num_queries(6):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/", "/profile/"])
def test_home_and_profile_render_with_at_most_six_queries_for_a_member(client, member, django_assert_max_num_queries, path):
    client.force_login(member)
    client.get(path)
    with django_assert_max_num_queries(6):
        assert client.get(path).status_code == 200


def test_health_check_answers_without_touching_the_database(client, django_assert_num_queries):
    client.get("/")  # hub settings are cached on a running site
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.content == b"ok"


@pytest.mark.parametrize("name", ["core:accessibility", "core:privacy"])
def test_footer_links_to_the_accessibility_statement_and_privacy_page(client, name):
    home = client.get("/").content.decode()
    assert reverse(name) in home
    assert client.get(reverse(name)).status_code == 200


def test_accessibility_statement_names_the_hubs_contact_address(client):
    HubSettings.objects.create(pk=1, name="Hubben", contact_email="tillganglighet@hubben.se")
    html = client.get(reverse("core:accessibility")).content.decode()
    assert "mailto:tillganglighet@hubben.se" in html


def test_main_navigation_links_only_to_pages_that_exist(client, hub_admin):
    client.force_login(hub_admin)
    html = client.get("/").content.decode()
    nav = html[html.index('<nav class="site-nav"'):html.index("</nav>")]
    hrefs = [part.split('"')[0] for part in nav.split('href="')[1:]]
    assert hrefs
    for href in hrefs:
        assert client.get(href).status_code == 200, href


def test_every_page_has_a_skip_link_to_the_main_content(client):
    html = client.get("/").content.decode()
    assert 'href="#main"' in html
    assert 'id="main"' in html


def test_demo_data_loads_once_and_running_it_again_changes_nothing(db):
    from django.core.management import call_command

    from samskap.accounts.models import User

    call_command("load_demo")
    count = User.objects.count()
    call_command("load_demo")
    assert User.objects.count() == count >= 4
    assert User.objects.get(email="admin@samskap.test").is_superuser
    assert User.objects.get(email="facilitator@samskap.test").is_facilitator


def test_a_missing_page_explains_itself_in_the_users_language(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "We cannot find that page</h1>" in response.content.decode()


def test_a_forbidden_page_explains_itself(client, member):
    client.force_login(member)
    response = client.get(reverse("core:hub_settings"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


@pytest.mark.skipif(not __import__("os").environ.get("REDIS_URL"), reason="REDIS_URL is not set (CI sets it)")
def test_hub_settings_are_cached_in_redis_when_redis_url_is_set(client, settings):
    import redis
    from django.core.cache import cache

    client.get("/")
    assert "RedisCache" in settings.CACHES["default"]["BACKEND"]
    server = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    assert any(b"hub-settings" in key for key in server.keys("*"))
    assert cache.get("samskap:hub-settings:v1") is not None
