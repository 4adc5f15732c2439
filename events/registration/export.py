"""The participant list of events: CSV (feedback's Excel-safe stream) and a printable page.

Both show what the person typed with invisible and direction-changing
characters written out (``[U+202E]``), so a name reads as it was sent.
Both show the diet/needs text: only staff allowed to export registrations
(``events.export_registration``) reach them. An export is recorded in the
admin log with who, when and how many, never with anyone's data.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from feedback import export as csv_export
from feedback import hidden
from kkn_portal.audit import log_admin_action

from .models import MUNICIPALITY_CHOICES, PERSON_FIELDS, Registration

COLUMNS = ("event__title", *PERSON_FIELDS, "status", "created_at")


def header():
    return [
        _("Event"),
        _("Name"),
        _("E-mail address"),
        _("Organisation"),
        _("Title or role"),
        _("Municipality"),
        _("Special diet or other needs"),
        _("Status"),
        _("Registered"),
    ]


def for_list(queryset):
    """Registrations as a participant list: by event, confirmed first, then in order of arrival."""
    return queryset.select_related("event").order_by(
        "event__start", "event_id", "status", "created_at", "pk"
    )


def rows(queryset):
    """Cell lists in :func:`header`'s order, read as tuples from a database iterator."""
    municipalities = {value: str(label) for value, label in MUNICIPALITY_CHOICES}
    statuses = {value: str(label) for value, label in Registration.Status.choices}
    zone = timezone.get_current_timezone()
    values = for_list(queryset).values_list(*COLUMNS).iterator(chunk_size=csv_export.CHUNK_SIZE)
    for title, name, email, organisation, role, municipality, needs, status, created in values:
        # What a visitor typed shows its invisible and direction-changing
        # characters as [U+202E], as comments do (feedback.hidden).
        yield [
            title,
            hidden.reveal(name),
            email,
            hidden.reveal(organisation),
            hidden.reveal(role),
            municipalities.get(municipality, municipality),
            hidden.reveal(needs),
            statuses.get(status, status),
            created.astimezone(zone).isoformat(timespec="seconds"),
        ]


def csv_response(queryset, filename):
    """The streamed CSV download (BOM, ``;``, every cell formula-safe)."""
    return csv_export.streamed_response(
        csv_export.csv_stream(header(), rows(queryset), "semicolon"), filename
    )


def filename(event=None):
    """``deltagare_<slug>.csv`` for one event, else a dated name for a selection."""
    if event is not None:
        return f"deltagare_{event.slug}.csv"
    return f"deltagare_urval_{timezone.localdate().isoformat()}.csv"


def log_export(user, count, what):
    """Who exported how many participants, as what: no names, no addresses."""
    message = ngettext(
        "Exported %(count)d registration (%(what)s).",
        "Exported %(count)d registrations (%(what)s).",
        count,
    ) % {"count": count, "what": what}
    log_admin_action(user, Registration, _("Participant list"), message)
