"""The content version: bumped by every public change and at every scheduled instant."""

import datetime

import pytest
import time_machine
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from events.models import Event, ProgrammeItem
from feedback.models import Comment
from kkn_portal import content_version
from kkn_portal.content_version import current as current_version
from kkn_portal.models import Branch
from news.models import Article, ArticleLink
from tests.events.factories import make_event, make_organisation, make_venue
from tests.news.factories import make_article, make_contact, make_draft

from .factories import make_flatpage

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2031, 3, 10, 9, 0, tzinfo=datetime.UTC)
TICK = datetime.timedelta(microseconds=1)


@pytest.fixture
def content():
    """One of each public thing, linked the way pages show them."""
    article = make_article(title="Artikeln")
    event = make_event(title="Evenemanget", organisers=[make_organisation()])
    return {
        "article": article,
        "link": ArticleLink.objects.create(article=article, title="Mer", url="https://example.se"),
        "event": event,
        "item": ProgrammeItem.objects.create(event=event, start=event.start, title="Inledning"),
        "contact": make_contact(),
        "flatpage": make_flatpage(),
    }


def rename(obj, field="title"):
    setattr(obj, field, getattr(obj, field) + " (ändrad)")
    obj.save()


CHANGES = {
    "new article": lambda c: make_article(),
    "new draft": lambda c: make_draft(),
    "article edited": lambda c: rename(c["article"]),
    "article deleted": lambda c: c["article"].delete(),
    "article link edited": lambda c: rename(c["link"]),
    "article link added": lambda c: c["article"].links.create(title="Ny", url="https://example.se"),
    "article contact added": lambda c: c["article"].contacts.add(c["contact"]),
    "article branch removed": lambda c: c["article"].branches.clear(),
    "article branch added": lambda c: c["article"].branches.add(Branch.objects.first()),
    "event edited": lambda c: rename(c["event"]),
    "event deleted": lambda c: c["event"].delete(),
    "programme item edited": lambda c: rename(c["item"]),
    "programme item deleted": lambda c: c["item"].delete(),
    "venue edited": lambda c: rename(c["event"].venue, "name"),
    "new venue": lambda c: make_venue(),
    "organisation edited": lambda c: rename(c["event"].organisers.get(), "name"),
    "event organiser removed": lambda c: c["event"].organisers.clear(),
    "event contact added": lambda c: c["event"].contacts.add(c["contact"]),
    "event related article added": lambda c: c["event"].related_articles.add(c["article"]),
    "contact edited": lambda c: rename(c["contact"], "name"),
    "contact deleted": lambda c: c["contact"].delete(),
    "branch edited": lambda c: rename(Branch.objects.first(), "name"),
    "flatpage edited": lambda c: rename(c["flatpage"]),
    "flatpage removed from site": lambda c: c["flatpage"].sites.clear(),
    "flatpage deleted": lambda c: c["flatpage"].delete(),
    "site renamed": lambda c: rename(Site.objects.get_current(), "name"),
    "event changed in bulk": lambda c: Event.objects.filter(pk=c["event"].pk).touch(
        status=Event.Status.DRAFT
    ),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_every_public_change_bumps_the_version(content, change):
    """Saves, deletes, many-to-many changes and queryset actions of public models bump it."""
    before = current_version()
    assert current_version() == before, "stable while nothing changes"
    change(content)
    assert current_version() != before


def test_changes_the_public_never_sees_do_not_bump(content, django_user_model):
    """A comment or a new user changes no public page, so cached pages stay."""
    before = current_version()
    Comment.objects.create(page_path="/", page_title="Start", text="Hej")
    django_user_model.objects.create_user("besokare", password="pw-for-tests-only")
    assert current_version() == before


def test_version_lives_in_the_shared_cache(content):
    """The token is in the shared cache; a second process derives the same version."""
    version = current_version()
    assert cache.get(content_version.CACHE_KEY) == version.split(".")[0]
    content_version._state.window = (None, None, None, "")  # a process that starts now
    assert current_version() == version
    cache.clear()  # e.g. Redis restarted: a new token, never an old page
    assert current_version() != version


def test_second_bump_waits_for_commit(django_capture_on_commit_callbacks):
    """Inside a transaction the version changes now and once more after commit.

    A page rendered during the transaction (from the old rows) is keyed by
    a version that dies at commit.
    """
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            article = make_article()
            before = current_version()
            rename(article)
            make_event()
            during = current_version()
    assert during != before
    assert len(callbacks) == 1, "one bump after commit, however many rows changed"
    assert current_version() != during


def test_warm_version_costs_no_query_and_a_new_token_one(content, django_assert_num_queries):
    """With the window known: no query (one cache get); after a bump: exactly one query."""
    current_version()
    with django_assert_num_queries(0):
        current_version()
    content_version.bump()
    with django_assert_num_queries(1):
        current_version()


def version_at(moment):
    with time_machine.travel(moment, tick=False):
        return current_version()


def test_scheduled_article_changes_the_version_exactly_at_its_time():
    """No save happens at publication time; the version changes at that very microsecond."""
    with time_machine.travel(T0, tick=False):
        make_article(published_at=T0 + datetime.timedelta(hours=2))
        before = current_version()
    live = T0 + datetime.timedelta(hours=2)
    assert version_at(live - TICK) == before
    assert version_at(live) != before
    assert version_at(live + datetime.timedelta(minutes=5)) == version_at(live)


def test_a_draft_has_no_schedule():
    """A draft's publication date passing changes nothing public."""
    with time_machine.travel(T0, tick=False):
        make_draft(published_at=T0 + datetime.timedelta(hours=2))
        before = current_version()
    assert version_at(T0 + datetime.timedelta(hours=3)) == before


@pytest.mark.parametrize(
    ("field", "offset"),
    [
        ("published_at", datetime.timedelta(0)),  # the event goes live
        ("start", datetime.timedelta(0)),  # it becomes ongoing
        ("end", TICK),  # it becomes past just after its end (upcoming() is end >= now)
    ],
)
def test_event_transitions_change_the_version(field, offset):
    """Publication, start and end of an event each change the version at their instant."""
    instants = {
        "published_at": T0 + datetime.timedelta(hours=1),
        "start": T0 + datetime.timedelta(days=2),
        "end": T0 + datetime.timedelta(days=3),
    }
    with time_machine.travel(T0, tick=False):
        make_event(**instants)
    moment = instants[field] + offset
    assert version_at(moment - TICK) != version_at(moment)
    assert version_at(moment) == version_at(moment + datetime.timedelta(minutes=1))


def test_registration_closing_changes_the_version_at_its_minute():
    """Registration closes at its set time: the version changes at that instant, not before."""
    closes = datetime.datetime(2031, 3, 20, 11, 0, tzinfo=datetime.UTC)  # 12.00 Swedish time
    with time_machine.travel(T0, tick=False):
        make_event(
            start=T0 + datetime.timedelta(days=30),
            end=T0 + datetime.timedelta(days=31),
            registration_url="https://example.se/anmalan",
            registration_closes_at=closes,
        )
    assert version_at(closes - TICK) != version_at(closes)
    assert version_at(closes - datetime.timedelta(minutes=1)) == version_at(closes - TICK)
    assert version_at(closes) == version_at(closes + datetime.timedelta(minutes=1))


def test_travelling_back_in_time_recomputes():
    """A clock set back (or a test) never keeps a window that does not contain now."""
    with time_machine.travel(T0, tick=False):
        make_article(published_at=T0 + datetime.timedelta(hours=2))
        before = current_version()
    after = version_at(T0 + datetime.timedelta(hours=3))
    assert version_at(T0) == before != after


def test_bulk_publish_actions_bump(admin_client):
    """Admin actions that update rows in bulk bump the version (events) or save (news)."""
    event = make_event(published=False)
    draft = make_draft()
    for url, pk in [
        (reverse("admin:events_event_changelist"), event.pk),
        (reverse("admin:news_article_changelist"), draft.pk),
    ]:
        before = current_version()
        response = admin_client.post(url, {"action": "publish_now", "_selected_action": [pk]})
        assert response.status_code == 302
        assert current_version() != before
    assert Event.objects.get(pk=event.pk).status == Event.Status.PUBLISHED
    assert Article.objects.get(pk=draft.pk).status == Article.Status.PUBLISHED


def test_content_apps_registered_their_models_and_transitions():
    """news and events tell the portal what is public in their ready(); feedback does not."""
    models = content_version.registered_models()
    assert {Article, ArticleLink, Event, ProgrammeItem, Branch} <= models
    assert Comment not in models
    fields = {(t.rows().model, t.field) for t in content_version._registry.transitions}
    assert (Article, "published_at") in fields
    event_fields = ("published_at", "start", "end", "registration_opens", "registration_closes_at")
    assert {(Event, f) for f in event_fields} <= fields


def test_the_token_is_remembered_briefly_in_each_process(settings, content):
    """With a memo, another process's bump shows after the memo's time, this process's at once."""
    settings.CONTENT_VERSION_MEMO_SECONDS = 60
    before = current_version()
    cache.set(content_version.CACHE_KEY, "elsewhere", timeout=None)  # another process bumped
    assert current_version() == before, "read again only when the memo is old"
    content_version._state.read_at -= 61
    assert current_version().startswith("elsewhere.")
    content_version.bump()  # this process: visible at once, memo or not
    assert not current_version().startswith("elsewhere.")


class BrokenCache:
    """A shared cache that cannot be reached (Redis stopped)."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

        return fail


def test_unreachable_shared_cache_gives_no_version_and_a_bump_on_return(monkeypatch, caplog):
    """Down: no version (pages render uncached), one warning; back: a fresh token, once."""
    before = current_version()
    with monkeypatch.context() as patched:
        patched.setattr(content_version, "cache", BrokenCache())
        assert current_version() is None
        assert current_version() is None
    assert [r.levelname for r in caplog.records].count("WARNING") == 1
    assert current_version() is None, "left alone for a few seconds after a failure"
    content_version._state.down_until = 0
    after = current_version()
    assert after is not None and after != before, "changes made meanwhile were never announced"
    assert current_version() == after


def test_is_shared_cache_up(monkeypatch):
    """The health check asks the shared cache itself, not the memo."""
    assert content_version.is_shared_cache_up()
    monkeypatch.setattr(content_version, "cache", BrokenCache())
    assert not content_version.is_shared_cache_up()
