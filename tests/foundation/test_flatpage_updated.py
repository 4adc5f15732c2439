"""A flatpage says when it was last updated: every save stamps it (FlatPageStamp)."""

import importlib
import re
from datetime import datetime, timedelta

import pytest
import reversion
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from kkn_portal.models import FlatPageStamp
from tests.admin.test_flatpages import flatpage, form_data

pytestmark = pytest.mark.django_db
LONG_AGO = timezone.make_aware(datetime(2020, 1, 15, 12, 0))


def shown_update(client, page):
    """The ``datetime`` of the page's "Senast uppdaterad" line, or None."""
    html = client.get(page.url).content.decode()
    found = re.search(r'Senast uppdaterad <time datetime="([^"]+)">', html)
    return found and found.group(1)


def test_a_saved_page_says_when(client):
    """Created now: today's date, machine-readable, on the page."""
    page = flatpage(content="<p>Om oss</p>")
    assert shown_update(client, page).startswith(timezone.localdate().isoformat())


def test_a_page_without_a_stamp_says_nothing(client):
    """An old page nobody has saved since stamps began: no invented date."""
    page = flatpage(content="<p>Om oss</p>")
    FlatPageStamp.objects.all().delete()
    assert shown_update(client, page) is None


def test_an_edit_in_the_admin_moves_the_date(admin_client, client):
    """The admin's save stamps the page anew."""
    page = flatpage(content="<p>Gammalt</p>")
    FlatPageStamp.objects.update(updated_at=LONG_AGO)
    assert shown_update(client, page).startswith("2020-01-15")
    url = reverse("admin:flatpages_flatpage_change", args=[page.pk])
    assert admin_client.post(url, form_data(page, content="<p>Nytt</p>")).status_code == 302
    assert shown_update(client, page).startswith(timezone.localdate().isoformat())


def test_restoring_a_version_moves_the_date():
    """A restore (django-reversion saves raw) is a change, so it is stamped too."""
    with reversion.create_revision():
        page = flatpage(content="<p>Första</p>")
    with reversion.create_revision():
        page.content = "<p>Andra</p>"
        page.save()
    FlatPageStamp.objects.update(updated_at=LONG_AGO)
    Version.objects.get_for_object(page).last().revert()
    assert FlatPage.objects.get(pk=page.pk).content == "<p>Första</p>"
    assert FlatPageStamp.objects.get(flatpage=page).updated_at > LONG_AGO


def test_migration_takes_the_latest_admin_log_time(admin_user):
    """Existing pages get their last change in the admin log; pages without one get nothing."""
    edited, untouched = flatpage(url="/a/"), flatpage(url="/b/")
    FlatPageStamp.objects.all().delete()
    content_type = ContentType.objects.get_for_model(FlatPage)
    for days in (30, 3):
        entry = LogEntry.objects.create(
            user=admin_user,
            content_type=content_type,
            object_id=str(edited.pk),
            object_repr="a",
            action_flag=CHANGE,
        )
        LogEntry.objects.filter(pk=entry.pk).update(action_time=LONG_AGO + timedelta(days=days))
    migration = importlib.import_module("kkn_portal.migrations.0008_flatpage_stamp")
    migration.stamp_from_admin_log(apps, None)
    assert FlatPageStamp.objects.get(flatpage=edited).updated_at == LONG_AGO + timedelta(days=30)
    assert not FlatPageStamp.objects.filter(flatpage=untouched).exists()


def test_the_admin_list_shows_the_update_time(admin_client):
    """The flatpage list has a "Senast uppdaterad" column; a page without a stamp shows a dash."""
    flatpage(url="/a/")
    flatpage(url="/b/")
    FlatPageStamp.objects.filter(flatpage__url="/b/").delete()
    html = admin_client.get(reverse("admin:flatpages_flatpage_changelist")).content.decode()
    assert "Senast uppdaterad" in html
    assert re.search(r'class="field-updated">[^<]*kl\. \d\d\.\d\d<', html)
    assert 'class="field-updated">–<' in html
