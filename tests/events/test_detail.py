"""The event page: facts in Swedish, programme, banners, links, previews, JSON-LD."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event

from .factories import (
    local,
    make_article,
    make_contact,
    make_editor,
    make_event,
    make_organisation,
    make_programme,
    make_rich_event,
)

pytestmark = pytest.mark.django_db


def _get(client, event):
    return client.get(reverse("events:detail", kwargs={"slug": event.slug}))


def _main(response):
    return response.content.decode().split("<main", 1)[1]


def test_detail_shows_the_facts_in_swedish(client):
    """Dates, venue address, organisers, audience and theme."""
    event = make_event(
        start=local(2017, 5, 31, 9),
        end=local(2017, 6, 1, 14, 30),
        audience="Företagare inom KKN",
        theme="Digitaliseringens möjligheter",
        organisers=[make_organisation(name="Tillväxtverket", url="https://tillvaxtverket.se/")],
    )
    content = _main(_get(client, event))
    assert "31 maj–1 juni 2017" in content
    assert "Acusticum<br>Acusticum 4<br>941 63 Piteå" in content
    assert '<a href="https://tillvaxtverket.se/">Tillväxtverket</a>' in content
    assert "Företagare inom KKN" in content and "Digitaliseringens möjligheter" in content


def test_one_day_event_shows_date_and_times(client):
    """A dialogue day shows "26 oktober 2016 kl. 09.00–16.00"."""
    event = make_event(start=local(2016, 10, 26, 9), end=local(2016, 10, 26, 16))
    assert "26 oktober 2016 kl. 09.00–16.00" in _main(_get(client, event))


def test_programme_is_grouped_by_day(client):
    """Each day of the programme gets a heading with weekday and date."""
    event = make_event(start=local(2017, 5, 31, 9), end=local(2017, 6, 1, 15))
    make_programme(event, 4, per_day=2)
    content = _main(_get(client, event))
    assert "Onsdag 31 maj 2017" in content and "Torsdag 1 juni 2017" in content
    assert (
        content.index("Programpunkt 2")
        < content.index("Torsdag 1 juni 2017")
        < content.index("Programpunkt 3")
    )
    assert "09.00–09.30" in content


@pytest.mark.parametrize(
    ("deadline_days", "expected", "absent"),
    [(5, "Anmäl dig", "Anmälan stängd"), (-1, "Anmälan stängd", "Anmäl dig")],
)
def test_registration_open_or_closed(client, deadline_days, expected, absent):
    """Before the last registration date a link; after it "Anmälan stängd"."""
    event = make_event(
        start=timezone.now() + timedelta(days=20),
        registration_url="https://example.se/anmalan",
        registration_closes_at=timezone.now() + timedelta(days=deadline_days),
    )
    content = _main(_get(client, event))
    assert expected in content and absent not in content


@pytest.mark.parametrize(
    ("status", "banner"),
    [
        (Event.EventStatus.CANCELLED, "Evenemanget är inställt."),
        (Event.EventStatus.POSTPONED, "Evenemanget är framflyttat."),
    ],
)
def test_cancelled_or_postponed_event_has_a_banner(client, status, banner):
    """A clear banner with the status message."""
    event = make_event(event_status=status, status_message="Nytt datum kommer i höst.")
    content = _main(_get(client, event))
    assert banner in content and "Nytt datum kommer i höst." in content


def test_scheduled_event_has_no_banner(client):
    """No status banner when all is as planned."""
    assert "status-banner" not in _main(_get(client, make_event()))


def test_only_published_related_news_are_shown(client):
    """A related draft article never shows up on the event page."""
    shown = make_article(title="Publicerad nyhet")
    draft = make_article(title="Hemligt utkast", status="draft")
    content = _main(_get(client, make_event(articles=[shown, draft])))
    assert "Publicerad nyhet" in content and "Hemligt utkast" not in content


def test_contacts_have_tel_and_mailto_links(client):
    """Phone numbers become tel: links in international form; e-mail mailto:."""
    contact = make_contact(phone="0980-31 92 10", email="sara@example.se")
    content = _main(_get(client, make_event(contacts=[contact])))
    assert 'href="tel:+46980319210"' in content
    assert 'href="mailto:sara@example.se"' in content


def test_add_to_calendar_offers_ics_google_and_outlook(client):
    """.ics download plus Google and Outlook links with UTC times."""
    event = make_event(start=local(2030, 5, 31, 9), end=local(2030, 5, 31, 16))
    content = _main(_get(client, event))
    assert "Lägg till i kalender" in content
    assert f'href="{reverse("events:ics", kwargs={"slug": event.slug})}" download' in content
    assert "dates=20300531T070000Z%2F20300531T140000Z" in content
    assert "startdt=2030-05-31T07%3A00%3A00Z" in content


def test_json_ld_describes_the_event(client):
    """schema.org Event with status, attendance mode, Place, organiser and offsets."""
    event = make_event(
        start=local(2017, 5, 31, 9),
        end=local(2017, 6, 1, 14, 30),
        event_status=Event.EventStatus.CANCELLED,
        organisers=[make_organisation(name="Region Norrbotten")],
        title="</script><script>alert(1)</script>",
    )
    response = _get(client, event)
    content = response.content.decode()
    # Data, not code: CSP does not govern it, so it needs no nonce (the page stays shareable).
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2017-05-31T09:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Acusticum 4",
        "postalCode": "941 63",
        "addressLocality": "Piteå",
        "addressCountry": "SE",
    }
    assert data["organizer"][0]["name"] == "Region Norrbotten"
    assert data["name"] == event.title  # escaped inside the script, intact as data


def test_open_graph_and_meta_description(client):
    """Open Graph tags and a meta description that starts with the dates."""
    event = make_event(title="Dialogdag", start=local(2016, 10, 26, 9), end=local(2016, 10, 26, 16))
    content = _get(client, event).content.decode()
    assert '<meta property="og:title" content="Dialogdag">' in content
    assert (
        f'<meta property="og:url" content="http://testserver{event.get_absolute_url()}">' in content
    )
    assert '<meta name="description" content="26 oktober 2016 kl. 09.00–16.00, Piteå.' in content


@pytest.mark.parametrize(
    ("user_kind", "status"),
    [("anonymous", 404), ("staff_without_permission", 404), ("editor", 200)],
)
@pytest.mark.parametrize("published", [False, "scheduled"])
def test_unpublished_event_is_a_preview_for_editors_only(client, user_kind, status, published):
    """Editors with events.change_event see a never-cached preview; others get 404."""
    if published == "scheduled":
        event = make_event(published=True, published_at=timezone.now() + timedelta(days=3))
    else:
        event = make_event(published=False)
    if user_kind == "editor":
        client.force_login(make_editor("events.change_event"))
    elif user_kind == "staff_without_permission":
        client.force_login(make_editor())
    response = _get(client, event)
    assert response.status_code == status
    ics = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    assert ics.status_code == status
    if status == 200:
        assert "Förhandsvisning – inte publicerad" in response.content.decode()
        assert "no-store" in response["Cache-Control"] and "no-store" in ics["Cache-Control"]
        assert "application/ld+json" not in response.content.decode()


def test_published_event_is_not_marked_as_preview(client):
    """The public page has no preview banner and may be cached by the browser."""
    response = _get(client, make_event())
    assert "Förhandsvisning" not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("programme", [3, 40])
def test_detail_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, programme):
    """Same budget with 3 and 40 programme items, organisers, contacts and news."""
    event = make_rich_event(programme=programme)
    with django_assert_max_num_queries(8):
        response = _get(client, event)
    assert response.content.decode().count('class="programme-item"') == programme


def test_unknown_slug_is_404(client):
    """No event, no page."""
    assert client.get(reverse("events:detail", kwargs={"slug": "finns-inte"})).status_code == 404
