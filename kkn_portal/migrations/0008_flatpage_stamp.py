"""Flatpages get an update time of their own ("Senast uppdaterad").

Until now the time came from the admin log at every page view. Existing
pages take their latest log entry's time; a page nobody has changed in the
admin gets no stamp (the time is not known) until it is next saved.
"""

import django.db.models.deletion
from django.db import migrations, models


def stamp_from_admin_log(apps, schema_editor):
    """One stamp per flatpage that has a change in the admin log: the latest one."""
    FlatPage = apps.get_model("flatpages", "FlatPage")
    FlatPageStamp = apps.get_model("kkn_portal", "FlatPageStamp")
    LogEntry = apps.get_model("admin", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="flatpages", model="flatpage").first()
    if content_type is None:
        return
    latest = {}
    entries = LogEntry.objects.filter(content_type=content_type).values_list(
        "object_id", "action_time"
    )
    for object_id, action_time in entries:
        if object_id not in latest or action_time > latest[object_id]:
            latest[object_id] = action_time
    FlatPageStamp.objects.bulk_create(
        FlatPageStamp(flatpage_id=page.pk, updated_at=latest[str(page.pk)])
        for page in FlatPage.objects.only("pk")
        if str(page.pk) in latest
    )


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("flatpages", "0001_initial"),
        ("kkn_portal", "0007_site_domain_from_site_url"),
    ]

    operations = [
        migrations.CreateModel(
            name="FlatPageStamp",
            fields=[
                (
                    "flatpage",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="stamp",
                        serialize=False,
                        to="flatpages.flatpage",
                        verbose_name="page",
                    ),
                ),
                ("updated_at", models.DateTimeField(verbose_name="updated")),
            ],
            options={
                "verbose_name": "page update time",
                "verbose_name_plural": "page update times",
            },
        ),
        migrations.RunPython(stamp_from_admin_log, migrations.RunPython.noop),
    ]
