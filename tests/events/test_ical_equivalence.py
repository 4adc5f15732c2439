"""The hand-written calendar says what ``icalendar`` would say, for any event text."""

import html
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from events.ical import build_calendar
from events.models import Event, Venue

from . import ical_reference
from .factories import local, make_event, make_venue
from .test_ical_text import TEXTS, assert_folded_well, readable

BASE_URL = "http://testserver"
NAME = "KKN-portalen: evenemang"


def varied_events():
    """Events that exercise every property and every escaping and folding rule."""
    acusticum = make_venue()
    no_geo = make_venue(name="Kulturens hus; foajén", street_address="", postal_code="")
    geo = make_venue(
        name="Ájtte, Svenskt fjäll- och samemuseum",
        municipality="Jokkmokk",
        latitude=Decimal("66.605000"),
        longitude=Decimal("-19.000000"),
    )
    rich = (
        "<h2>Program, dag 1</h2><p>Kaffe &amp; <strong>fralla</strong>;&nbsp; sedan "
        'samtal om <a href="https://example.se/?a=1&amp;b=2">finansiering</a>.</p>'
        "<ul><li>Presentationer</li><li>Lunch <em>ingår</em> 😀</li></ul><p><br></p>"
        "<p>Sökväg: C:\\Temp\\kkn; pris 1 &lt; 2</p>"
    )
    return [
        make_event(
            title='Möte: kultur, näringar; "KKN" \\ backslash',
            lead="Rad ett\r\nRad två\rRad tre\nRad fyra",
            description=rich,
            start=local(2016, 10, 30, 1),  # across the end of summer time
            end=local(2016, 10, 30, 5),
            venue=acusticum,
            registration_url="https://example.se/anmalan?event=1&x=2",
            # Midnight after 20 October, as migrated from a last registration date.
            registration_closes_at=local(2016, 10, 21, 0),
        ),
        make_event(
            title="Långt namn " + "åäö 😀 " * 30,
            lead="Ingress. " * 60,
            kind=Event.Kind.DIALOGUE_DAY,
            start=local(2027, 3, 28, 1, 30),  # the night summer time starts
            end=local(2027, 3, 28, 4),
            venue=geo,
            registration_email="anmalan@example.se",
            registration_closes_at=local(2027, 3, 1, 12, 30),
        ),
        make_event(
            title="Inställd utbildning",
            kind=Event.Kind.TRAINING,
            event_status=Event.EventStatus.CANCELLED,
            status_message="För få anmälda, ny tid; hösten.",
            venue=no_geo,
            registration_url="https://example.se/utan-sista-dag",
        ),
        make_event(
            title="Framflyttad",
            kind=Event.Kind.OTHER,
            event_status=Event.EventStatus.POSTPONED,
            description="",
            venue=None,
            start=local(2026, 12, 31, 22),  # ends in the next year
            end=local(2027, 1, 1, 2),
        ),
        make_event(title="Tab\tmitt i, och\u00a0hårt mellanslag", description="<p>  </p>"),
    ]


def onsets(calendar):
    """Every transition the VTIMEZONEs define: kind, names, offsets and local onset."""
    found = []
    for part in calendar.walk("STANDARD") + calendar.walk("DAYLIGHT"):
        rdates = part.get("RDATE", [])
        times = [part["DTSTART"].dt] + [
            value.dt
            for rdate in (rdates if isinstance(rdates, list) else [rdates])
            for value in rdate.dts
        ]
        fixed = (part.name, str(part["TZNAME"]), part["TZOFFSETFROM"].td, part["TZOFFSETTO"].td)
        found += [(*fixed, time) for time in times]
    return sorted(found)


def assert_same_calendar(ours, theirs):
    """Both files parse, and every component and property has the same value."""
    assert_folded_well(ours)
    ours, theirs = Calendar.from_ical(ours), Calendar.from_ical(theirs)
    assert dict(ours.items()) == dict(theirs.items())
    assert [str(zone["TZID"]) for zone in ours.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert onsets(ours) == onsets(theirs)
    pairs = zip(ours.walk("VEVENT"), theirs.walk("VEVENT"), strict=True)
    for mine, reference in pairs:
        assert sorted(mine) == sorted(reference)
        for name in reference:
            assert mine[name].to_ical() == reference[name].to_ical(), name
            assert dict(mine[name].params) == dict(reference[name].params), name
    # Last, everything at once: icalendar writes both back the same (the
    # VTIMEZONE apart: ours has one RDATE value a line, compared above).
    for calendar in (ours, theirs):
        calendar.subcomponents = [part for part in calendar.subcomponents if part.name == "VEVENT"]
    assert ours.to_ical() == theirs.to_ical()


@pytest.mark.django_db
def test_feed_says_what_icalendar_says():
    """The whole feed, read with one query as rows, equals icalendar's file."""
    events = varied_events()
    queryset = Event.objects.filter(pk__in=[event.pk for event in events]).order_by("start")
    reference = ical_reference.build_calendar(queryset.select_related("venue"), BASE_URL, NAME)
    assert_same_calendar(build_calendar(queryset, BASE_URL, name=NAME), reference)


@pytest.mark.django_db
def test_each_single_file_says_what_icalendar_says():
    """The one-event files, written from model instances, equal icalendar's too."""
    for event in varied_events():
        reference = ical_reference.build_calendar([event], BASE_URL)
        assert_same_calendar(build_calendar([event], BASE_URL), reference)


@pytest.mark.django_db
def test_a_feed_row_and_an_instance_give_the_same_vevent():
    """Rows (the feed) and instances (one event's file) take one code path to the bytes."""
    for event in varied_events():
        single = build_calendar([event], BASE_URL)
        feed = build_calendar(Event.objects.filter(pk=event.pk), BASE_URL)
        assert single == feed


def unsaved_event(**fields):
    """An event with a venue, without the database (fast enough for hypothesis)."""
    fields.setdefault("title", "Evenemang")
    fields.setdefault("lead", "")
    fields.setdefault("description", "")
    venue = Venue(pk=3, name=fields.pop("venue_name", "Acusticum"), municipality="Piteå")
    start = datetime(2027, 5, 31, 7, tzinfo=UTC)
    return Event(
        pk=7,
        slug="evenemang-7",
        start=start,
        end=start + timedelta(hours=7),
        created_at=start - timedelta(days=30),
        updated_at=start - timedelta(days=1),
        venue=venue,
        **fields,
    )


def read_back(event):
    """``event``'s file, checked for folding, parsed with icalendar: its VEVENT."""
    data = build_calendar([event], BASE_URL, name=NAME)
    assert_folded_well(data)
    (component,) = Calendar.from_ical(data).walk("VEVENT")
    return component


@settings(max_examples=150, deadline=None)
@given(title=TEXTS, lead=TEXTS, place=TEXTS)
def test_any_title_lead_and_place_come_back_from_icalendar(title, lead, place):
    """Whatever an editor types: the same text back, only unwritable characters gone."""
    component = read_back(unsaved_event(title=title, lead=lead, venue_name=place))
    assert str(component["SUMMARY"]) == readable(title)
    url = f"{BASE_URL}/evenemang/evenemang-7/"
    parts = [readable(lead), url]
    assert str(component["DESCRIPTION"]) == "\n\n".join(part for part in parts if part)
    assert str(component["LOCATION"]) == readable(", ".join(filter(None, [place, "Piteå"])))


DESCRIPTION_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=["Cs", "Cc"]),
        st.sampled_from('\\;,:"\t\n\r\xa0\u2028😀<>&'),
    ),
    max_size=400,
)


@settings(max_examples=150, deadline=None)
@given(paragraphs=st.lists(DESCRIPTION_TEXT, max_size=4))
def test_any_description_comes_back_as_icalendar_would_write_it(paragraphs):
    """Paragraphs of any text (escaped, as the sanitizer leaves them) come back as
    the strip_tags conversion gives them."""
    description = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    component = read_back(unsaved_event(description=description))
    expected = [ical_reference.html_to_text(description), f"{BASE_URL}/evenemang/evenemang-7/"]
    assert str(component["DESCRIPTION"]) == "\n\n".join(part for part in expected if part)
