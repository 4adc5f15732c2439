"""One way to publish: "Publicera nu", "Schemalägg …" and "Avpublicera" on articles and events."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from events.models import Event
from news.models import Article
from tests.admin.factories import make_editor
from tests.events.factories import make_event
from tests.news.factories import make_article, make_draft

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC)
ARTICLES = reverse("admin:news_article_changelist")
EVENTS = reverse("admin:events_event_changelist")


@pytest.fixture
def frozen():
    """The clock stands still on 30 November 2026, 11.00 Swedish time."""
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def editor_client(client):
    """A member of the Redaktör group, logged in."""
    client.force_login(make_editor())
    return client


def rows(frozen):
    """A draft dated last year, a draft dated ahead, a scheduled and a live article."""
    return {
        "old_draft": make_draft(published_at=frozen - datetime.timedelta(days=400)),
        "future_draft": make_draft(published_at=frozen + datetime.timedelta(days=5)),
        "scheduled": make_article(published_at=frozen + datetime.timedelta(days=2)),
        "live": make_article(published_at=frozen - datetime.timedelta(days=3)),
    }


def act(client, url, action, objects, **extra):
    """POST an admin action for ``objects`` and follow to the page that shows its message."""
    data = {"action": action, "_selected_action": [obj.pk for obj in objects], **extra}
    return client.post(url, data, follow=True)


def messages_of(response):
    return [(m.level_tag, m.message) for m in response.context["messages"]]


def test_publish_now_makes_drafts_and_scheduled_rows_live(editor_client, frozen):
    """Drafts and scheduled articles go live; a past date is kept, a future one becomes now."""
    made = rows(frozen)
    response = act(editor_client, ARTICLES, "publish_now", made.values())
    assert messages_of(response) == [
        ("success", "3 artiklar publicerades; 1 artikel hade redan publicerats.")
    ]
    for obj in made.values():
        obj.refresh_from_db()
        assert obj.is_live()
    assert made["old_draft"].published_at == frozen - datetime.timedelta(days=400)
    assert made["future_draft"].published_at == made["scheduled"].published_at == frozen
    assert LogEntry.objects.filter(action_flag=CHANGE).count() == 3


def test_publish_now_on_live_rows_changes_nothing_and_says_so(editor_client, frozen):
    """Nothing to do is a warning that says why, never a green "0 publicerades"."""
    live = make_article(published_at=frozen - datetime.timedelta(days=3))
    response = act(editor_client, ARTICLES, "publish_now", [live])
    assert messages_of(response) == [("warning", "1 artikel hade redan publicerats.")]
    assert not LogEntry.objects.exists()


def test_republishing_keeps_the_original_date(editor_client, frozen):
    """Unpublish an old article and publish it again: it keeps its date."""
    old = make_article(published_at=frozen - datetime.timedelta(days=400))
    act(editor_client, ARTICLES, "unpublish", [old])
    act(editor_client, ARTICLES, "publish_now", [old])
    old.refresh_from_db()
    assert old.is_live() and old.published_at == frozen - datetime.timedelta(days=400)


def test_schedule_asks_for_a_date_and_time_first(editor_client, frozen):
    """The first POST shows the intermediate form with the chosen rows; nothing changes yet."""
    draft = make_draft(title="Utkast om musik")
    response = editor_client.post(ARTICLES, {"action": "schedule", "_selected_action": [draft.pk]})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Schemalägg publicering" in content and "Utkast om musik" in content
    assert 'type="date"' in content and 'type="time"' in content
    draft.refresh_from_db()
    assert draft.is_draft()


def test_schedule_sets_the_time_and_says_when(editor_client, frozen):
    """Drafts and scheduled rows get the new time; live ones are left alone, and it says so."""
    made = rows(frozen)
    response = act(
        editor_client,
        ARTICLES,
        "schedule",
        made.values(),
        apply="1",
        date="2026-12-03",
        time="08:00",
    )
    assert messages_of(response) == [
        (
            "success",
            "3 artiklar schemalades till 3 december kl. 08.00; "
            "1 artikel hade redan publicerats och ändrades inte.",
        )
    ]
    when = datetime.datetime(2026, 12, 3, 8, 0, tzinfo=STOCKHOLM)
    for name in ("old_draft", "future_draft", "scheduled"):
        made[name].refresh_from_db()
        assert made[name].is_scheduled() and made[name].published_at == when
    made["live"].refresh_from_db()
    assert made["live"].published_at == frozen - datetime.timedelta(days=3)


@pytest.mark.parametrize(
    ("date", "time", "error"),
    [
        ("2026-11-29", "08:00", "Välj en tidpunkt som inte har passerat."),
        ("2026-13-40", "08:00", "Fyll i ett giltigt datum."),
        ("", "", "Detta fält måste fyllas i."),
    ],
)
def test_schedule_refuses_a_past_or_odd_time(editor_client, frozen, date, time, error):
    """A time that has passed or is no time is a form error; nothing is scheduled."""
    draft = make_draft()
    response = editor_client.post(
        ARTICLES,
        {
            "action": "schedule",
            "_selected_action": [draft.pk],
            "apply": "1",
            "date": date,
            "time": time,
        },
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_draft()


def test_unpublish_turns_live_and_scheduled_rows_into_drafts(editor_client, frozen):
    """Live and scheduled articles become drafts with their dates kept; drafts are named."""
    made = rows(frozen)
    response = act(editor_client, ARTICLES, "unpublish", made.values())
    assert messages_of(response) == [
        ("success", "2 artiklar avpublicerades och är nu utkast; 2 artiklar var redan utkast.")
    ]
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}
    made["scheduled"].refresh_from_db()
    assert made["scheduled"].published_at == frozen + datetime.timedelta(days=2)


def test_event_actions_speak_of_events(editor_client, frozen):
    """Events use the same actions; the words fit "evenemang" in singular and plural."""
    draft = make_event(published=False)
    response = act(editor_client, EVENTS, "publish_now", [draft])
    assert messages_of(response) == [("success", "1 evenemang publicerades.")]
    draft.refresh_from_db()
    assert draft.is_live() and draft.sequence == 1
    others = [make_event(published=False), make_event(published=False)]
    response = act(
        editor_client, EVENTS, "schedule", others, apply="1", date="2027-01-15", time="07:30"
    )
    assert messages_of(response) == [
        ("success", "2 evenemang schemalades till 15 januari 2027 kl. 07.30.")
    ]
    response = act(editor_client, EVENTS, "unpublish", [draft])
    assert messages_of(response) == [
        ("success", "1 evenemang avpublicerades och är nu ett utkast.")
    ]
    assert Event.objects.drafts().count() == 1 and Event.objects.scheduled().count() == 2


def test_list_shows_the_state_and_filters_by_it(editor_client, frozen):
    """Utkast / Schemalagd <när> / Publicerad, and a filter over the same three states."""
    made = rows(frozen)
    content = editor_client.get(ARTICLES).content.decode()
    assert "Schemalagd 2 december kl. 11.00" in content
    assert content.count(">Utkast</span>") == 2 and content.count(">Publicerad</span>") == 1
    for value, expected in [
        ("utkast", {made["old_draft"], made["future_draft"]}),
        ("schemalagd", {made["scheduled"]}),
        ("publicerad", {made["live"]}),
        ("\x00", set(made.values())),
        ("okänd", set(made.values())),
    ]:
        response = editor_client.get(ARTICLES, {"publicering": value}, follow=True)
        assert response.status_code == 200
        assert set(response.context["cl"].result_list) == expected


def test_querysets_are_the_one_rule(frozen):
    """published(), scheduled() and drafts() split the rows without overlap."""
    made = rows(frozen)
    assert set(Article.objects.drafts()) == {made["old_draft"], made["future_draft"]}
    assert set(Article.objects.scheduled()) == {made["scheduled"]}
    assert set(Article.objects.published()) == {made["live"]}
    assert Article.objects.state_counts(frozen) == {"drafts": 2, "scheduled": 1, "published": 1}
