"""Notifications: made once per key, listed on /notifications/, counted in the header, e-mailed in the digest."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samskap.accounts.models import Notification, User
from samskap.accounts.notifications import (
    DIGEST_MAX_ITEMS, digests_send, notifications_mark_read, notify, notify_many, unread_count,
)
from samskap.core.models import HubSettings

from .factories import UserFactory

pytestmark = pytest.mark.django_db


class FailingForBrokenAddresses(EmailBackend):
    """A mail server that refuses messages to "broken@…" and takes the rest (into mail.outbox)."""

    def send_messages(self, messages):
        if any(address.startswith("broken@") for message in messages for address in message.to):
            raise ConnectionRefusedError("the mail server is down")
        return super().send_messages(messages)


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://hub.example.org"
    return settings


# notify, notify_many, mark read ------------------------------------------------------------------

def test_notify_with_a_key_makes_one_notification_however_often_it_is_called(member):
    first = notify(user=member, kind="funding_call", title="New call", url="/funding/a/", key="funding-call:1")
    second = notify(user=member, kind="funding_call", title="New call again", key="funding-call:1")

    assert first is not None and second is None
    assert list(Notification.objects.filter(user=member).values_list("title", flat=True)) == ["New call"]


def test_notify_without_a_key_makes_a_notification_each_time(member):
    notify(user=member, kind="note", title="One")
    notify(user=member, kind="note", title="Two")

    assert Notification.objects.filter(user=member).count() == 2


def test_the_same_key_may_be_used_by_different_members(member):
    other = UserFactory()
    notify(user=member, kind="note", title="Hi", key="k")
    notify(user=other, kind="note", title="Hi", key="k")

    assert Notification.objects.filter(key="k").count() == 2


def test_notify_many_skips_members_who_already_have_the_key(member):
    others = [UserFactory() for _ in range(3)]
    notify(user=member, kind="note", title="Already told", key="news:1")

    notify_many(users=[member, *others], kind="note", title="News", key="news:1")
    notify_many(users=[member, *others], kind="note", title="News", key="news:1")

    assert Notification.objects.filter(key="news:1").count() == 4
    assert Notification.objects.get(user=member).title == "Already told"


def test_too_long_texts_are_cut_to_fit_instead_of_failing(member):
    notification = notify(user=member, kind="note", title="T" * 400, body="B" * 3000)

    notification.refresh_from_db()
    assert (len(notification.title), len(notification.body)) == (300, 2000)


def test_mark_read_marks_the_given_ones_or_all_and_only_the_members_own(member):
    other = UserFactory()
    mine = [notify(user=member, kind="note", title=f"Mine {n}") for n in range(3)]
    theirs = notify(user=other, kind="note", title="Theirs")

    assert notifications_mark_read(user=member, ids=[mine[0].pk, theirs.pk]) == 1
    assert set(Notification.objects.filter(read_at__isnull=False).values_list("pk", flat=True)) == {mine[0].pk}
    assert notifications_mark_read(user=member) == 2
    assert Notification.objects.filter(user=member, read_at__isnull=True).count() == 0
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_the_unread_count_is_cached_and_refreshed_when_notify_and_mark_read_run(
        member, django_assert_num_queries, django_capture_on_commit_callbacks):
    assert unread_count(user_id=member.pk) == 0
    with django_assert_num_queries(0):
        assert unread_count(user_id=member.pk) == 0
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=member, kind="note", title="One")
        notify_many(users=[member], kind="note", title="Two")
    assert unread_count(user_id=member.pk) == 2
    with django_capture_on_commit_callbacks(execute=True):
        notifications_mark_read(user=member)
    assert unread_count(user_id=member.pk) == 0


# Pages ---------------------------------------------------------------------------------------------

def test_the_notification_page_needs_a_log_in(client):
    response = client.get(reverse("accounts:notifications"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_page_lists_newest_first_and_says_which_are_unread(client, member):
    now = timezone.now()
    Notification.objects.create(user=member, kind="note", title="Older and read", created_at=now - timedelta(days=2),
                                read_at=now)
    Notification.objects.create(user=member, kind="note", title="Newer and unread", body="Some details",
                                url="/funding/x/", created_at=now - timedelta(hours=1))
    Notification.objects.create(user=UserFactory(), kind="note", title="Someone else's")
    client.force_login(member)

    html = client.get(reverse("accounts:notifications"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert html.index("Newer and unread") < html.index("Older and read")
    assert "Someone else&#x27;s" not in html and "Someone else's" not in html
    newer = html[html.index("Newer and unread") - 600:html.index("Newer and unread")]
    older = html[html.index("Older and read") - 600:html.index("Older and read")]
    assert "Unread" in newer and "Unread" not in older
    assert "Some details" in html
    assert "Mark all as read" in html


def test_the_page_is_paginated_with_a_constant_number_of_queries(client, member, django_assert_max_num_queries):
    Notification.objects.bulk_create(Notification(user=member, kind="note", title=f"Note {n:02}") for n in range(45))
    client.force_login(member)
    url = reverse("accounts:notifications")
    client.get(url)

    with django_assert_max_num_queries(10):
        first = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    with django_assert_max_num_queries(10):
        third = client.get(url + "?page=3", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "45 notifications" in first
    assert first.count('class="notification notification--unread"') == 20
    assert third.count('class="notification notification--unread"') == 5
    assert "There is no page" in client.get(url + "?page=9", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_mark_all_as_read_is_a_post_and_clears_the_unread_marks(client, member):
    for n in range(3):
        notify(user=member, kind="note", title=f"Note {n}")
    client.force_login(member)

    assert client.get(reverse("accounts:notifications_read")).status_code == 405
    response = client.post(reverse("accounts:notifications_read"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert Notification.objects.filter(user=member, read_at__isnull=True).count() == 0
    html = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "All notifications are marked as read." in html
    assert "notification--unread" not in html and "Mark all as read" not in html


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(client, member):
    notification = notify(user=member, kind="funding_call", title="Call", url="/funding/stod-1/")
    client.force_login(member)

    response = client.post(reverse("accounts:notification_open", args=[notification.pk]))

    assert response.status_code == 302
    assert response["Location"] == "/funding/stod-1/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                                 ""])
def test_opening_never_leaves_the_site(client, member, url):
    notification = notify(user=member, kind="note", title="Odd link", url=url)
    client.force_login(member)

    response = client.post(reverse("accounts:notification_open", args=[notification.pk]), {"page": "2"})

    assert response["Location"] == reverse("accounts:notifications") + "?page=2"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_nobody_opens_someone_elses_notification(client, member):
    notification = notify(user=UserFactory(), kind="note", title="Private", url="/x/")
    client.force_login(member)

    assert client.post(reverse("accounts:notification_open", args=[notification.pk])).status_code == 404
    assert client.get(reverse("accounts:notification_open", args=[notification.pk])).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_header_link_tells_members_the_unread_count_and_costs_one_cached_query(
        client, member, django_assert_num_queries):
    for n in range(3):
        notify(user=member, kind="note", title=f"Note {n}")
    client.force_login(member)
    client.get("/")  # hub settings cached, as on a running site

    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    link = html[html.index(f'href="{reverse("accounts:notifications")}"'):]
    link = link[:link.index("</a>")]
    assert link.endswith('Notifications <span aria-hidden="true">(</span>3<span class="ds-sr-only"> unread</span>'
                         '<span aria-hidden="true">)</span>')

    from django.core.cache import cache

    cache.delete(f"notifications:unread:{member.pk}")
    with django_assert_num_queries(3) as captured:  # session, user, and the count
        client.get("/")
    assert "accounts_notification" in captured.captured_queries[-1]["sql"]
    with django_assert_num_queries(2):  # the count comes from the cache for a minute
        client.get("/")


def test_visitors_see_no_notification_link(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert reverse("accounts:notifications") not in html


def test_members_without_unread_notifications_see_the_link_without_a_count(client, member):
    client.force_login(member)
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f'href="{reverse("accounts:notifications")}">Notifications</a>' in html


# The digest choice on the profile ----------------------------------------------------------------

def profile_data(**overrides):
    return {"name": "Mira Medlem", "email_visibility": "members", "phone_visibility": "only_me", **overrides}


def test_the_profile_form_offers_the_digest_with_a_help_text(client, member):
    client.force_login(member)
    html = client.get(reverse("accounts:profile_edit"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert 'name="digest" value="daily"' in html and 'name="digest" value="off"' in html
    assert "How often we e-mail you" in html


def test_a_member_chooses_a_daily_digest(client, member):
    client.force_login(member)

    response = client.post(reverse("accounts:profile_edit"), profile_data(digest="daily"))

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.digest == "daily"


def test_a_form_without_the_digest_keeps_the_choice(client, member):
    User.objects.filter(pk=member.pk).update(digest="off")
    client.force_login(member)

    client.post(reverse("accounts:profile_edit"), profile_data(name="New Name"))

    member.refresh_from_db()
    assert (member.name, member.digest) == ("New Name", "off")


def test_an_unknown_digest_choice_is_refused_and_nothing_is_saved(client, member):
    client.force_login(member)

    response = client.post(reverse("accounts:profile_edit"), profile_data(name="Changed", digest="hourly"),
                           HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    member.refresh_from_db()
    assert (member.name, member.digest) == ("Mira Medlem", "weekly")


# The digest ----------------------------------------------------------------------------------------

def test_a_digest_lists_the_unread_notifications_in_one_email_with_links_on_the_site(site):
    user = UserFactory(email="mira@example.org", name="Mira", digest="daily", preferred_language="en")
    notify(user=user, kind="funding_call", title="New funding call for Grannskap: Stöd", url="/funding/stod/",
           body="Next deadline: 1 June.")
    notify(user=user, kind="note", title="Without a link")
    notify(user=user, kind="note", title="Off-site link", url="https://evil.example/")
    notify(user=user, kind="note", title="Already read").__class__.objects.filter(title="Already read").update(
        read_at=timezone.now())

    assert digests_send() == 1

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mira@example.org"]
    assert message.subject == "3 new notifications from Samskap"
    assert "Hello Mira" in message.body
    assert "New funding call for Grannskap: Stöd" in message.body
    assert "https://hub.example.org/funding/stod/" in message.body
    assert "Next deadline: 1 June." in message.body
    assert "evil.example" not in message.body
    assert "Already read" not in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="https://hub.example.org/funding/stod/"' in html
    assert 'lang="en"' in html
    assert message.extra_headers["List-Unsubscribe"] == "<https://hub.example.org/profile/edit/>"
    assert "https://hub.example.org/profile/edit/" in message.body
    user.refresh_from_db()
    assert user.digest_sent_at is not None
    assert Notification.objects.filter(user=user, emailed_at__isnull=True).count() == 1  # the one already read


def test_a_second_run_sends_nothing_new(site):
    user = UserFactory(digest="daily")
    notify(user=user, kind="note", title="Once")

    assert digests_send() == 1
    assert digests_send() == 0
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("digest, last_sent_ago, due", [
    ("daily", None, True),
    ("daily", timedelta(hours=23), False),
    ("daily", timedelta(hours=25), True),
    ("weekly", None, True),
    ("weekly", timedelta(days=6), False),
    ("weekly", timedelta(days=7, minutes=1), True),
    ("off", None, False),
    ("off", timedelta(days=30), False),
])
def test_a_digest_goes_out_daily_or_weekly_by_the_members_choice(site, digest, last_sent_ago, due):
    now = timezone.now()
    user = UserFactory(digest=digest)
    User.objects.filter(pk=user.pk).update(digest_sent_at=now - last_sent_ago if last_sent_ago else None)
    notify(user=user, kind="note", title="News")

    assert digests_send(now=now) == int(due)
    assert len(mail.outbox) == int(due)
    assert Notification.objects.get(user=user).emailed_at == (now if due else None)


def test_nothing_new_means_no_email(site):
    UserFactory(digest="daily")

    assert digests_send() == 0
    assert mail.outbox == []


def test_inactive_members_get_no_digest(site):
    user = UserFactory(digest="daily", is_active=False)
    notify(user=user, kind="note", title="News")

    assert digests_send() == 0


def test_the_digest_speaks_the_members_language_or_the_hubs(site):
    HubSettings.objects.create(pk=1, name="Hubben", default_language="nb")
    swede = UserFactory(digest="daily", preferred_language="sv")
    unknown = UserFactory(digest="daily", preferred_language="")
    notify(user=swede, kind="note", title="Nyhet")
    notify(user=unknown, kind="note", title="Nyhet")

    digests_send()

    languages = {message.to[0]: message.extra_headers["Content-Language"] for message in mail.outbox}
    assert languages == {swede.email: "sv", unknown.email: "nb"}
    html = {message.to[0]: message.alternatives[0][0] for message in mail.outbox}
    assert 'lang="sv"' in html[swede.email] and 'lang="nb"' in html[unknown.email]


def test_one_failing_address_does_not_stop_the_others_and_is_tried_again(site):
    site.EMAIL_BACKEND = "samskap.accounts.tests.test_notifications.FailingForBrokenAddresses"
    broken = UserFactory(email="broken@example.org", digest="daily")
    fine = UserFactory(email="fine@example.org", digest="daily")
    notify(user=broken, kind="note", title="For the broken one")
    notify(user=fine, kind="note", title="For the fine one")

    assert digests_send() == 1
    assert [message.to for message in mail.outbox] == [["fine@example.org"]]
    broken.refresh_from_db()
    assert broken.digest_sent_at is None
    assert Notification.objects.get(user=broken).emailed_at is None

    site.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert digests_send() == 1
    assert mail.outbox[-1].to == ["broken@example.org"]
    assert Notification.objects.get(user=broken).emailed_at is not None


def test_a_long_digest_lists_the_newest_and_counts_the_rest(site):
    user = UserFactory(digest="weekly", preferred_language="en")  # the digest is in the member's language
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(user=user, kind="note", title=f"Note number {n:03}", created_at=now - timedelta(minutes=n))
        for n in range(DIGEST_MAX_ITEMS + 7))

    digests_send()

    body = mail.outbox[0].body
    assert "Note number 000" in body and f"Note number {DIGEST_MAX_ITEMS - 1:03}" in body
    assert f"Note number {DIGEST_MAX_ITEMS:03}" not in body
    assert "… and 7 more." in body
    assert Notification.objects.filter(user=user, emailed_at__isnull=True).count() == 0


def test_the_send_digests_command_sends_the_due_digests(site):
    user = UserFactory(digest="daily")
    notify(user=user, kind="note", title="News")

    call_command("send_digests", verbosity=0)

    assert len(mail.outbox) == 1


def test_the_digest_task_sends_the_due_digests(site, run_tasks):
    from samskap.accounts.tasks import send_digests

    user = UserFactory(digest="daily")
    notify(user=user, kind="note", title="News")

    send_digests.enqueue()
    run_tasks()

    assert len(mail.outbox) == 1
