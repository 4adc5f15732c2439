"""Every change is visible on the very next request, cached pages or not."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from events.models import Event
from kkn_portal.models import Branch
from news.models import Article
from tests.events.factories import make_event
from tests.news.factories import make_article, make_contact, make_draft

from .factories import make_flatpage

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2031, 3, 10, 9, 0, tzinfo=datetime.UTC)


def html(path):
    """The page as a new anonymous visitor gets it (asserting a 200)."""
    response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def status(path):
    return Client().get(path).status_code


def warm(*paths):
    """Render and cache each page (twice, so the second is a hit)."""
    for path in paths:
        Client().get(path)
        assert Client().get(path).page_cache == "hit", path


NEWS_PAGES = [reverse("home"), reverse("news:index")]
EVENT_PAGES = [reverse("home"), reverse("events:index")]


def test_publishing_an_article_shows_it_everywhere():
    """A draft published by an editor appears in the list, on the start page and at its URL."""
    draft = make_draft(title="Hemlig nyhet")
    warm(*NEWS_PAGES)
    assert status(draft.get_absolute_url()) == 404
    draft.status = Article.Status.PUBLISHED
    draft.save()
    for path in [*NEWS_PAGES, draft.get_absolute_url()]:
        assert "Hemlig nyhet" in html(path)


def test_unpublishing_an_article_hides_it_everywhere():
    """An unpublished article leaves the list and start page, and its page is gone."""
    article = make_article(title="Tillbakadragen nyhet")
    warm(*NEWS_PAGES, article.get_absolute_url())
    article.status = Article.Status.DRAFT
    article.save()
    for path in NEWS_PAGES:
        assert "Tillbakadragen nyhet" not in html(path)
    assert status(article.get_absolute_url()) == 404


def test_editing_an_article_changes_every_page_showing_it():
    """A new title is on the list, the start page and the article page at once."""
    article = make_article(title="Gammal rubrik")
    warm(*NEWS_PAGES, article.get_absolute_url())
    article.title = "Ny rubrik"
    article.save()
    for path in [*NEWS_PAGES, article.get_absolute_url()]:
        page = html(path)
        assert "Ny rubrik" in page and "Gammal rubrik" not in page


def test_publishing_editing_and_unpublishing_an_event():
    """An event's whole life shows on lists, start page and its page without delay."""
    event = make_event(title="Dialogdag i Piteå", published=False)
    warm(*EVENT_PAGES)
    assert status(event.get_absolute_url()) == 404
    event.status = Event.Status.PUBLISHED
    event.save()
    for path in [*EVENT_PAGES, event.get_absolute_url()]:
        assert "Dialogdag i Piteå" in html(path)
    event.title = "Dialogdag i Luleå"
    event.save()
    for path in [*EVENT_PAGES, event.get_absolute_url()]:
        assert "Dialogdag i Luleå" in html(path)
    Event.objects.filter(pk=event.pk).touch(status=Event.Status.DRAFT)  # a bulk update
    for path in EVENT_PAGES:
        assert "Dialogdag i Luleå" not in html(path)
    assert status(event.get_absolute_url()) == 404


def test_venue_change_shows_on_the_event_page():
    """A venue renamed elsewhere in admin changes the event page that names it."""
    event = make_event()
    warm(event.get_absolute_url())
    event.venue.name = "Kulturens hus"
    event.venue.save()
    assert "Kulturens hus" in html(event.get_absolute_url())


def test_flatpage_edit_is_visible_at_once():
    """The accessibility statement shows an editor's change on the next request."""
    page = make_flatpage(content="<p>Första versionen.</p>")
    url = reverse("accessibility")
    warm(url)
    page.content = "<p>Andra versionen.</p>"
    page.save()
    assert "Andra versionen." in html(url)


def test_contact_edit_is_visible_on_the_article():
    """A contact person's new phone number shows on every article naming them."""
    contact = make_contact(name="Kim Exempel", phone="0980-31 92 10")
    article = make_article(contacts=[contact])
    warm(article.get_absolute_url())
    contact.phone = "0980-31 92 99"
    contact.save()
    assert "0980-31 92 99" in html(article.get_absolute_url())


def test_branch_rename_is_visible_on_the_news_list():
    """A renamed branch shows in the list's filter and tags."""
    branch = Branch.objects.first()
    make_article(branches=[branch])
    warm(reverse("news:index"))
    branch.name = "Nytt branschnamn"
    branch.save()
    assert "Nytt branschnamn" in html(reverse("news:index"))


def test_scheduled_article_appears_exactly_at_its_time():
    """No save happens at publication time, yet the cached pages show it from that second."""
    live = T0 + datetime.timedelta(hours=2)
    with time_machine.travel(T0, tick=False):
        article = make_article(title="Schemalagd nyhet", published_at=live)
        warm(*NEWS_PAGES)
    with time_machine.travel(live - datetime.timedelta(microseconds=1), tick=False):
        for path in NEWS_PAGES:
            assert "Schemalagd nyhet" not in html(path)
        assert status(article.get_absolute_url()) == 404
    with time_machine.travel(live, tick=False):
        for path in [*NEWS_PAGES, article.get_absolute_url()]:
            assert "Schemalagd nyhet" in html(path)


def test_event_moves_to_the_past_when_it_ends():
    """After its end an event leaves the upcoming list and start page and joins the archive."""
    start = T0 + datetime.timedelta(days=1)
    end = start + datetime.timedelta(hours=6)
    with time_machine.travel(T0, tick=False):
        make_event(title="Konferensen", start=start, end=end)
        warm(*EVENT_PAGES, reverse("events:past"))
    with time_machine.travel(end, tick=False):
        assert "Konferensen" in html(reverse("events:index"))
    with time_machine.travel(end + datetime.timedelta(seconds=1), tick=False):
        for path in EVENT_PAGES:
            assert "Konferensen" not in html(path)
        assert "Konferensen" in html(reverse("events:past"))


def test_registration_closes_on_the_cached_event_page():
    """The registration link disappears at the closing time, to the minute."""
    closes = datetime.datetime(2031, 3, 15, 11, 0, tzinfo=datetime.UTC)  # 12.00 Swedish time
    with time_machine.travel(T0, tick=False):
        event = make_event(
            start=T0 + datetime.timedelta(days=20),
            end=T0 + datetime.timedelta(days=21),
            registration_url="https://example.se/anmalan",
            registration_closes_at=closes,
        )
        warm(event.get_absolute_url())
        assert "https://example.se/anmalan" in html(event.get_absolute_url())
    with time_machine.travel(closes - datetime.timedelta(minutes=1), tick=False):
        page = html(event.get_absolute_url())
        assert "https://example.se/anmalan" in page
        assert "Sista anmälan 15 mars 2031 kl. 12.00" in page
    with time_machine.travel(closes, tick=False):
        page = html(event.get_absolute_url())
        assert "https://example.se/anmalan" not in page
        assert "Anmälan stängd" in page
