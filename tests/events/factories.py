"""Small builders for event test data (``kwargs.setdefault`` style)."""

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from events.models import Event, Organisation, ProgrammeItem, Venue
from kkn_portal.models import Contact
from news.models import Article

STOCKHOLM = ZoneInfo("Europe/Stockholm")
_sequence = itertools.count(1)


def local(year, month, day, hour=9, minute=0):
    """An aware datetime in Swedish time."""
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def make_venue(**kwargs):
    """Acusticum in Piteå, unless told otherwise."""
    kwargs.setdefault("name", "Acusticum")
    kwargs.setdefault("street_address", "Acusticum 4")
    kwargs.setdefault("postal_code", "941 63")
    kwargs.setdefault("municipality", "Piteå")
    return Venue.objects.create(**kwargs)


def make_organisation(**kwargs):
    number = next(_sequence)
    kwargs.setdefault("name", f"Organisation {number}")
    kwargs.setdefault("url", f"https://example.se/org{number}")
    return Organisation.objects.create(**kwargs)


def make_event(organisers=(), contacts=(), articles=(), **kwargs):
    """A published event tomorrow, 09–16 local time, at a new venue."""
    number = next(_sequence)
    start = kwargs.setdefault("start", timezone.now() + timedelta(days=1))
    kwargs.setdefault("end", start + timedelta(hours=7))
    kwargs.setdefault("title", f"Evenemang {number}")
    kwargs.setdefault("slug", f"evenemang-{number}")
    kwargs.setdefault("lead", f"Ingress till evenemang {number}.")
    kwargs.setdefault("description", "<p>Beskrivning.</p>")
    kwargs.setdefault("kind", Event.Kind.CONFERENCE)
    # ``published=False`` is shorthand for a draft (the field is ``status``).
    published = kwargs.pop("published", True)
    kwargs.setdefault("status", Event.Status.PUBLISHED if published else Event.Status.DRAFT)
    kwargs.setdefault("published_at", timezone.now() - timedelta(days=1))
    if "venue" not in kwargs:
        kwargs["venue"] = make_venue()
    event = Event.objects.create(**kwargs)
    event.organisers.set(organisers)
    event.contacts.set(contacts)
    event.related_articles.set(articles)
    return event


def make_programme(event, count, per_day=8):
    """``count`` half-hour sessions from the event's start, ``per_day`` a day."""
    items = []
    for n in range(count):
        day, slot = divmod(n, per_day)
        start = event.start + timedelta(days=day, minutes=30 * slot)
        items.append(
            ProgrammeItem.objects.create(
                event=event,
                start=start,
                end=start + timedelta(minutes=30),
                title=f"Programpunkt {n + 1}",
                speakers="Talare Exempelsson",
            )
        )
    return items


def make_rich_event(programme=5, **kwargs):
    """An event with organisers, contacts, a related article and a programme."""
    organisers = [make_organisation(), make_organisation()]
    contacts = [make_contact(), make_contact()]
    articles = [make_article()]
    event = make_event(organisers=organisers, contacts=contacts, articles=articles, **kwargs)
    make_programme(event, programme)
    return event


def make_contact(**kwargs):
    """A fictitious contact person (PTS fiction number, example.se address)."""
    number = next(_sequence)
    kwargs.setdefault("name", f"Person {number}")
    kwargs.setdefault("organisation", "Region Norrbotten")
    kwargs.setdefault("phone", "0980-31 92 10")
    kwargs.setdefault("email", f"person{number}@example.se")
    return Contact.objects.create(**kwargs)


def make_article(**kwargs):
    """A published news article."""
    number = next(_sequence)
    kwargs.setdefault("title", f"Nyhet {number}")
    kwargs.setdefault("slug", f"nyhet-{number}")
    kwargs.setdefault("lead", f"Ingress till nyhet {number}.")
    kwargs.setdefault("body", "<p>Brödtext.</p>")
    kwargs.setdefault("status", Article.Status.PUBLISHED)
    kwargs.setdefault("published_at", timezone.now() - timedelta(hours=1))
    return Article.objects.create(**kwargs)


def make_editor(*permissions, **kwargs):
    """A staff user with the given ``app.codename`` permissions."""
    number = next(_sequence)
    kwargs.setdefault("username", f"redaktor{number}")
    user = get_user_model().objects.create_user(is_staff=True, **kwargs)
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user
