"""Our own Swedish where Django's reads oddly, and one time format: "kl. 08.00"."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from kkn_portal.dates import moment
from tests.admin.factories import make_editor
from tests.news.factories import make_article
from tests.news.test_admin import article_form

pytestmark = pytest.mark.django_db


def test_saved_message_and_inline_button_read_naturally(client):
    """'”Ny artikel” har sparats', not 'Lade till artikel …'; "Lägg till en rad" for links."""
    client.force_login(make_editor())
    response = client.post(reverse("admin:news_article_add"), article_form(), follow=True)
    [message] = [str(message) for message in response.context["messages"]]
    assert message.endswith(">Ny artikel</a>” har sparats (artikel).")
    page = client.get(reverse("admin:news_article_add")).content.decode()
    # The inline's button text travels as JSON in an attribute (\u-escaped).
    assert "L\\u00e4gg till en rad (Mer information-l\\u00e4nk)" in page
    assert "ytterligare" not in page


@pytest.mark.parametrize(
    ("when", "text"),
    [
        (datetime.datetime(2026, 12, 3, 7, 0, tzinfo=datetime.UTC), "3 december kl. 08.00"),
        (datetime.datetime(2027, 7, 1, 5, 30, tzinfo=datetime.UTC), "1 juli 2027 kl. 07.30"),
    ],
)
def test_one_time_format(when, text):
    """Swedish time, "kl." and a dot; the year only when it is not this one."""
    with time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC)):
        assert moment(when) == text


def test_last_changed_column_uses_it(admin_client, admin_user):
    """The "Senast ändrad av/kl." column writes "kl. 14.05", never "14:05"."""
    with time_machine.travel(datetime.datetime(2026, 11, 27, 13, 5, tzinfo=datetime.UTC)):
        make_article(last_modified_by=admin_user)
        page = admin_client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "27 november kl. 14.05" in page
