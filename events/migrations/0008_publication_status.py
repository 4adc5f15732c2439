"""Events take the shared publication shape (kkn_portal.publication.Publishable).

``status`` (planned / cancelled / postponed) becomes ``event_status``; the
``published`` flag becomes the publication ``status`` ("draft" /
"published"), with every row carried over; ``published_at`` is unchanged.
"""

import django.utils.timezone
from django.db import migrations, models


def flag_to_status(apps, schema_editor):
    """published=True -> status "published", else "draft"."""
    Event = apps.get_model("events", "Event")
    Event.objects.filter(published=True).update(status="published")
    Event.objects.filter(published=False).update(status="draft")


def status_to_flag(apps, schema_editor):
    """The way back: status "published" -> published=True."""
    Event = apps.get_model("events", "Event")
    Event.objects.update(published=False)
    Event.objects.filter(status="published").update(published=True)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_image_and_more_kinds"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="event", name="events_event_pub_end"),
        migrations.RenameField(model_name="event", old_name="status", new_name="event_status"),
        migrations.AlterField(
            model_name="event",
            name="event_status",
            field=models.CharField(
                choices=[
                    ("planerad", "As planned"),
                    ("installd", "Cancelled"),
                    ("framflyttad", "Postponed"),
                ],
                default="planerad",
                help_text="Whether the event takes place as planned, is cancelled or postponed.",
                max_length=20,
                verbose_name="event status",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("published", "Published")],
                default="draft",
                help_text="Drafts are never shown to the public.",
                max_length=20,
                verbose_name="publication status",
            ),
        ),
        migrations.RunPython(flag_to_status, status_to_flag),
        migrations.RemoveField(model_name="event", name="published"),
        migrations.AlterField(
            model_name="event",
            name="published_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                help_text="Published content goes live at this time; a future time schedules it.",
                verbose_name="publication date",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["status", "end", "start"], name="events_event_status_end"),
        ),
    ]
