"""Registration closes at a date and time, not at the end of a date.

``registration_deadline`` (a date: "registration closes at the end of this
day") becomes ``registration_closes_at`` (an instant). Each old date is
carried over as the instant the old code closed at: local midnight after
that day, in the site's time zone (``end_of_day`` in
events/registration/settings.py before this change), so every event closes
exactly when it did. Backwards, an instant becomes the last local day on
which registration was still open: midnight gives back the same date, and a
time within a day gives that day.

The conversions are written out here rather than imported: a migration must
keep doing what it did when the app code changes.
"""

import datetime

from django.db import migrations, models
from django.utils import timezone

# Rows written per UPDATE batch.
BATCH = 500


def closing_instant(day, zone):
    """The aware instant at which local ``day`` has fully passed (the old rule)."""
    following = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(following, zone)


def last_open_day(instant, zone):
    """The last local day on which registration was open before ``instant``."""
    return timezone.localtime(instant - datetime.timedelta(microseconds=1), zone).date()


def convert(apps, schema_editor, source, target, to_target):
    """Write ``to_target(value, zone)`` of each event's ``source`` field into ``target``."""
    Event = apps.get_model("events", "Event")
    zone = timezone.get_default_timezone()
    events = Event.objects.using(schema_editor.connection.alias)
    changed = list(events.filter(**{f"{source}__isnull": False}).only("pk", source))
    for event in changed:
        setattr(event, target, to_target(getattr(event, source), zone))
    events.bulk_update(changed, [target], batch_size=BATCH)


def deadline_to_closing(apps, schema_editor):
    """Each last registration date becomes local midnight after it."""
    convert(apps, schema_editor, "registration_deadline", "registration_closes_at", closing_instant)


def closing_to_deadline(apps, schema_editor):
    """The way back: each closing time becomes the last day registration was open."""
    convert(apps, schema_editor, "registration_closes_at", "registration_deadline", last_open_day)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_publication_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="registration_closes_at",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "Swedish time, e.g. 12.00 on the last day; at the latest when the event "
                    "starts. Empty = registration on the portal closes when the event starts."
                ),
                null=True,
                verbose_name="last registration",
            ),
        ),
        migrations.RunPython(deadline_to_closing, closing_to_deadline),
        migrations.RemoveField(model_name="event", name="registration_deadline"),
    ]
