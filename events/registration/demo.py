"""Demo registrations: fictitious people (example.se) signed up for the demo network meeting.

Called from ``events.demo.seed``; creates only what is missing.
"""

from .models import Registration

EVENT_SLUG = "natverkstraff-kreativa-foretag-i-lulea"

PEOPLE = [
    ("Elin Exempeldotter", "elin.exempeldotter@example.se", "Formgivare Elin", "lulea", ""),
    ("Johan Provsson", "johan.provsson@example.se", "Ljudverkstan AB", "pitea", "Vegetarisk kost"),
    ("Aino Testsson", "aino.testsson@example.se", "Kiruna kommun", "kiruna", ""),
    ("Nils Demoqvist", "nils.demoqvist@example.se", "Spelstudion Nord", "boden", ""),
    ("Maja Fiktiv", "maja.fiktiv@example.se", "Maja Fiktiv Design", "annan", ""),
]


def seed_registrations():
    """Sign the demo people up for the demo event (if it exists); returns how many were added."""
    from events.models import Event

    event = Event.objects.filter(slug=EVENT_SLUG).first()
    if event is None:
        return 0
    added = 0
    for name, email, organisation, municipality, needs in PEOPLE:
        _registration, created = Registration.objects.get_or_create(
            event=event,
            email=email,
            defaults={
                "name": name,
                "organisation": organisation,
                "municipality": municipality,
                "needs": needs,
            },
        )
        added += created
    return added
