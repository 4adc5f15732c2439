"""The Comment model: schema, cleaning, flags, duplicates and querysets."""

import datetime
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from feedback.models import Comment
from feedback.personal_id import MASK

from .factories import make_comment

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_schema_holds_nothing_about_the_sender():
    """C5.1: exactly these fields; no IP address, user agent or captcha data."""
    names = {field.name for field in Comment._meta.get_fields()}
    assert names == {
        "id",
        "page_path",
        "page_title",
        "text",
        "created_at",
        "status",
        "handled_by",
        "handled_at",
        "internal_note",
        "has_personal_id",
        "mentions_contact_details",
        "has_hidden_characters",
        "after_no",
        "form_token",
    }


def test_export_permission_is_defined():
    """The custom permission that gates CSV export exists."""
    assert ("export_comment", "Kan exportera kommentarer") in Comment._meta.permissions


def test_save_cleans_and_flags():
    """On first save the text is cleaned and both flags are set from it."""
    comment = make_comment(text="  Hej\x00! Mitt pnr 640823-3234, mejla a@example.se \x07 ")
    comment.refresh_from_db()
    assert comment.text == "Hej! Mitt pnr 640823-3234, mejla a@example.se"
    assert comment.has_personal_id and comment.mentions_contact_details
    assert comment.status == Comment.Status.NEW


def test_stored_as_received_but_masked_for_display():
    """By default the number stays in the database; every display uses the mask."""
    comment = make_comment(text="Pnr 640823-3234")
    assert Comment.objects.get().text == "Pnr 640823-3234"
    assert comment.masked_text == f"Pnr {MASK}"
    assert MASK in comment.excerpt()


def test_mask_on_store(settings):
    """With FEEDBACK_MASK_ON_STORE the number never reaches the database, the flag stays."""
    settings.FEEDBACK_MASK_ON_STORE = True
    make_comment(text="Pnr 640823-3234 och ogiltigt 640823-3235")
    stored = Comment.objects.get()
    assert stored.text == f"Pnr {MASK} och ogiltigt 640823-3235"
    assert stored.has_personal_id
    stored.status = Comment.Status.HANDLED
    stored.save()
    assert Comment.objects.get().has_personal_id


def test_receive_stores_once_per_token():
    """A repeated form token returns the first comment and stores nothing new."""
    token = uuid.uuid4()
    first, created = Comment.objects.receive(
        page_path="/", page_title="Start", text="Ett", form_token=token
    )
    again, created_again = Comment.objects.receive(
        page_path="/", page_title="Start", text="Två", form_token=token
    )
    assert created and not created_again
    assert again == first
    assert Comment.objects.count() == 1


def test_receive_ignores_same_text_on_same_page_within_ten_minutes():
    """The same text on the same page within 10 minutes is stored once; later it is new."""
    kwargs = {"page_path": "/", "page_title": "Start", "text": "Samma text"}
    Comment.objects.receive(form_token=uuid.uuid4(), **kwargs)
    _, created = Comment.objects.receive(form_token=uuid.uuid4(), **kwargs)
    assert not created
    _, other_page = Comment.objects.receive(
        form_token=uuid.uuid4(), **{**kwargs, "page_path": "/nyheter/"}
    )
    assert other_page
    Comment.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=11))
    _, later = Comment.objects.receive(form_token=uuid.uuid4(), **kwargs)
    assert later
    assert Comment.objects.filter(page_path="/").count() == 2


def test_created_between_uses_stockholm_days():
    """Day ranges are local: 23:30 Stockholm on 31 Dec belongs to 31 Dec, not 1 Jan."""
    late = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=STOCKHOLM)
    early = datetime.datetime(2027, 1, 1, 0, 30, tzinfo=STOCKHOLM)
    inside = make_comment(created_at=late)
    make_comment(created_at=early, text="Nästa år")
    result = Comment.objects.created_between(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    assert list(result) == [inside]


def test_mark_handled_and_new_stamp_and_clear(django_user_model):
    """Marking handled stamps user and time; marking new clears them."""
    user = django_user_model.objects.create_user("r")
    make_comment()
    assert Comment.objects.all().mark_handled(user) == 1
    comment = Comment.objects.get()
    assert comment.handled_by == user and comment.handled_at is not None
    assert Comment.objects.all().mark_new() == 1
    comment.refresh_from_db()
    assert comment.status == Comment.Status.NEW and comment.handled_by is None
    assert comment.handled_at is None


def test_purgeable_only_old_handled_comments():
    """Only handled comments older than the retention are purgeable."""
    old = timezone.now() - datetime.timedelta(days=400)
    handled_old = make_comment(created_at=old, status=Comment.Status.HANDLED)
    make_comment(created_at=old, text="ny och gammal")
    make_comment(status=Comment.Status.HANDLED, text="behandlad och färsk")
    assert list(Comment.objects.purgeable(365)) == [handled_old]


def test_str_and_absolute_url():
    """A comment reads as page title and local time, and links to its page."""
    comment = make_comment(
        page_title="Evenemang",
        page_path="/evenemang/",
        created_at=datetime.datetime(2026, 6, 1, 10, 0, tzinfo=datetime.UTC),
    )
    assert str(comment) == "Evenemang (2026-06-01 12:00)"
    assert comment.get_absolute_url() == "/evenemang/"
    assert comment.page_url == "http://testserver/evenemang/"
