"""Flag comments with invisible or direction-changing characters (issue 16, item 6).

Comments received before the flag existed are flagged here, so the admin's
filter finds them too.
"""

from django.db import migrations, models

# The same set as feedback.hidden.HIDDEN, copied: a migration must not change
# when the code does.
HIDDEN = "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"


def flag_existing(apps, schema_editor):
    """Set the flag on every stored comment whose text or title holds such a character."""
    Comment = apps.get_model("feedback", "Comment")
    flagged = [
        pk
        for pk, text, title in Comment.objects.values_list("pk", "text", "page_title").iterator()
        if any(char in HIDDEN for char in text + title)
    ]
    for start in range(0, len(flagged), 1000):
        Comment.objects.filter(pk__in=flagged[start : start + 1000]).update(
            has_hidden_characters=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="has_hidden_characters",
            field=models.BooleanField(default=False, verbose_name="invisible characters"),
        ),
        migrations.RunPython(flag_existing, migrations.RunPython.noop),
    ]
