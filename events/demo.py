"""Demo events: the dialogue day, the conference at Acusticum, the manager training.

Content, not interface text, so it is Swedish. Speakers and contacts are
fictitious: e-mail at example.se, phone numbers from PTS's series reserved
for fiction. ``seed`` creates what is missing and never overwrites an
editor's changes, except that the two demo events meant to lie ahead are
moved forward again once they have passed, so the upcoming list is never
empty on a demo site.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from kkn_portal.demo import demo_contacts
from kkn_portal.images.demo import demo_image
from kkn_portal.models import Branch
from news.models import Article

from .demo_content import EVENTS, RELATIVE_EVENTS
from .models import Event, Organisation, Venue
from .registration.demo import seed_registrations

STOCKHOLM = ZoneInfo("Europe/Stockholm")

ORGANISATIONS = {
    "lansstyrelsen": ("Länsstyrelsen i Norrbotten", "https://www.lansstyrelsen.se/norrbotten/"),
    "region": ("Region Norrbotten", "https://www.norrbotten.se/"),
    "tillvaxtverket": ("Tillväxtverket", "https://tillvaxtverket.se/"),
    "umu": ("Umeå universitet", "https://www.umu.se/"),
}

VENUES = {
    "acusticum": {
        "name": "Acusticum",
        "street_address": "Acusticum 4",
        "postal_code": "941 63",
        "municipality": "Piteå",
        "latitude": "65.314400",
        "longitude": "21.480200",
    },
    "kulturens-hus": {
        "name": "Kulturens hus",
        "street_address": "Skeppsbrogatan 17",
        "postal_code": "972 31",
        "municipality": "Luleå",
        "latitude": "65.583200",
        "longitude": "22.149700",
    },
}


def local(day, time):
    """An aware datetime from a date and an "HH:MM" string, in Swedish time."""
    hour, minute = (int(part) for part in time.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def _lookup():
    contacts = demo_contacts()
    organisations = {
        key: Organisation.objects.get_or_create(name=name, defaults={"url": url})[0]
        for key, (name, url) in ORGANISATIONS.items()
    }
    venues = {
        key: Venue.objects.get_or_create(
            name=data["name"], municipality=data["municipality"], defaults=data
        )[0]
        for key, data in VENUES.items()
    }
    return contacts, organisations, venues


def _create(data, first_day, refs):
    contacts, organisations, venues = refs
    start, end = (
        local(first_day, data["start"]),
        local(first_day + timedelta(data["days"] - 1), data["end"]),
    )
    # Registration closes a number of days before the first day, at a time of day.
    closes = data.get("closes")
    event = Event.objects.create(
        slug=data["slug"],
        title=data["title"],
        kind=data["kind"],
        lead=data["lead"],
        description=data["description"].strip(),
        start=start,
        end=end,
        venue=venues[data["venue"]],
        audience=data.get("audience", ""),
        theme=data.get("theme", ""),
        registration_url=data.get("registration_url", ""),
        registration_email=data.get("registration_email", ""),
        registration_closes_at=local(first_day - timedelta(closes[0]), closes[1])
        if closes
        else None,
        event_status=data.get("event_status", Event.EventStatus.SCHEDULED),
        status_message=data.get("status_message", ""),
        status=Event.Status.PUBLISHED,
        published_at=min(start - timedelta(days=40), timezone.now()),
        **data.get("registration", {}),
        **demo_image(data.get("picture")),
    )
    event.organisers.set([organisations[key] for key in data["organisers"]])
    event.contacts.set([contacts[key] for key in data["contacts"]])
    event.branches.set(Branch.objects.filter(slug__in=data.get("branches", [])))
    # Articles come from the news demo; link those that exist.
    event.related_articles.set(Article.objects.filter(slug__in=data.get("articles", [])))
    for day_offset, time_from, time_to, title, speakers, description in data.get("programme", []):
        day = first_day + timedelta(day_offset)
        event.programme.create(
            start=local(day, time_from),
            end=local(day, time_to) if time_to else None,
            title=title,
            speakers=speakers,
            description=description,
        )
    return event


def _move_forward(event, data, first_day):
    """Give a demo event that has passed new dates, keeping its programme's times."""
    shift = local(first_day, data["start"]) - event.start
    # Whole local days for the closing time, so it keeps its clock time across
    # a daylight-saving change (the shift itself may then be N days ± 1 hour).
    days = timedelta(days=(first_day - timezone.localdate(event.start)).days)
    event.start += shift
    event.end += shift
    if event.registration_closes_at:
        closes = timezone.localtime(event.registration_closes_at)
        event.registration_closes_at = local(closes.date() + days, f"{closes:%H:%M}")
    event.save()
    for item in event.programme.all():
        item.start += shift
        item.end = item.end + shift if item.end else None
        item.save()


def seed():
    """Create the demo events that are missing; return a one-line summary."""
    refs = _lookup()
    created = moved = 0
    for data in EVENTS:
        if not Event.objects.filter(slug=data["slug"]).exists():
            _create(data, date.fromisoformat(data["date"]), refs)
            created += 1
    today = timezone.localdate()
    for data in RELATIVE_EVENTS:
        first_day = today + timedelta(days=data["days_ahead"])
        event = Event.objects.filter(slug=data["slug"]).first()
        if event is None:
            _create(data, first_day, refs)
            created += 1
        elif event.is_past:
            _move_forward(event, data, first_day)
            moved += 1
    for data in (*EVENTS, *RELATIVE_EVENTS):
        # Earlier demos typed the seminar and the workshop "Övrigt"; only that is corrected.
        Event.objects.filter(slug=data["slug"], kind=Event.Kind.OTHER).exclude(
            kind=data["kind"]
        ).update(kind=data["kind"])
    seed_registrations()
    total = len(EVENTS) + len(RELATIVE_EVENTS)
    return f"{created} events created, {total - created} kept ({moved} moved forward)"
