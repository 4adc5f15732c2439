"""Invisible and bidirectional characters in comments (issue 16, item 6).

Stored as received, flagged, and shown visibly escaped wherever editors read
a comment: the admin, the notification e-mail and the CSV export. What people
type into the registration form is shown the same way in the participant
list, its CSV and its printable page.
"""

import pytest
from django.core import mail
from django.urls import reverse

from feedback import export, hidden
from feedback.models import Comment
from feedback.personal_id import MASK
from tests.feedback.factories import make_comment
from tests.feedback.helpers import patch_captcha, post_data
from tests.news.factories import make_article
from tests.registration.helpers import make_registrable, make_registration

# Every character the issue names: U+200B–U+200F, U+202A–U+202E, U+2066–U+2069.
ISSUE_CHARACTERS = [chr(c) for c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F))] + [
    chr(c) for c in range(0x2066, 0x206A)
]
# "Pay to account 1234" that an override displays as something else.
SPOOFED = "Betala till konto 1234\u202e9876\u202c, tack."
SHOWN = "Betala till konto 1234[U+202E]9876[U+202C], tack."


@pytest.mark.parametrize("char", ISSUE_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_character_is_found_and_shown(char):
    """Every one of them is detected and written as [U+XXXX]."""
    assert hidden.has_hidden_characters(f"a{char}b")
    assert hidden.reveal(f"a{char}b") == f"a[U+{ord(char):04X}]b"


@pytest.mark.parametrize(
    "text", ["Hej, det här är bra!", "Åsa och Örjan", "مرحبا بالعالم", "👍 tack", "tab\tny\nrad"]
)
def test_ordinary_writing_is_left_alone(text):
    """Swedish, Arabic (right-to-left by itself), emoji and line breaks are not flagged."""
    assert not hidden.has_hidden_characters(text)
    assert hidden.reveal(text) == text


@pytest.mark.django_db
def test_posted_comment_is_stored_as_received_and_flagged(browser):
    """The record keeps every character; the flag says something is hidden in it."""
    with patch_captcha():
        browser.post(reverse("feedback:post"), post_data(text=SPOOFED))
    comment = Comment.objects.get()
    assert comment.text == SPOOFED
    assert comment.has_hidden_characters


@pytest.mark.django_db
def test_admin_shows_them_escaped(admin_client):
    """List, change form and the superuser's original: [U+202E], never the character itself."""
    comment = make_comment(text=SPOOFED, page_title="Start\u2067sida")
    listing = admin_client.get(reverse("admin:feedback_comment_changelist")).content.decode()
    change = admin_client.get(
        reverse("admin:feedback_comment_change", args=[comment.pk])
    ).content.decode()
    original = admin_client.post(
        reverse("admin:feedback_comment_reveal", args=[comment.pk])
    ).content.decode()
    for html in (listing, change):
        assert "[U+202E]" in html and "Start[U+2067]sida" in html
    assert SHOWN in change and SHOWN in original
    for html in (listing, change, original):
        assert not hidden.has_hidden_characters(html)
    flagged = admin_client.get(
        reverse("admin:feedback_comment_changelist") + "?has_hidden_characters__exact=1"
    )
    assert flagged.context["cl"].result_count == 1


@pytest.mark.django_db
def test_email_shows_them_escaped_and_says_so(
    browser, settings, django_capture_on_commit_callbacks
):
    """The notification names the page with the characters shown and explains the flag.

    The title is the page's own (an editor's), read on the server.
    """
    settings.FEEDBACK_NOTIFY_EMAILS = ["webbredaktionen@example.se"]
    article = make_article(title="Start\u202esida")
    with patch_captcha(), django_capture_on_commit_callbacks(execute=True):
        browser.post(
            reverse("feedback:post"),
            post_data(text=SPOOFED, page_path=article.get_absolute_url()),
        )
    [message] = mail.outbox
    assert "Start[U+202E]sida" in message.body
    assert "osynliga eller riktningsändrande tecken" in message.body
    assert not hidden.has_hidden_characters(message.body + message.subject)


@pytest.mark.django_db
def test_csv_shows_them_escaped_and_flags_them():
    """Text and title cells carry [U+XXXX]; the flags cell names them."""
    make_comment(text=SPOOFED, page_title="Start\u2066sida")
    csv = b"".join(export.csv_lines(Comment.objects.all())).decode("utf-8-sig")
    assert SHOWN in csv and "Start[U+2066]sida" in csv
    assert "osynliga tecken" in csv
    assert not hidden.has_hidden_characters(csv)


@pytest.mark.django_db
def test_a_personnummer_split_by_a_zero_width_space_is_still_masked():
    """A hidden character cannot smuggle a personnummer past the masking."""
    comment = make_comment(text="Mitt nummer 640823\u200b-3234 och\u200dmer")
    assert comment.has_personal_id
    assert comment.masked_text == f"Mitt nummer {MASK} och[U+200D]mer"
    csv = b"".join(export.csv_lines(Comment.objects.all())).decode("utf-8-sig")
    assert "3234" not in csv


@pytest.mark.django_db
def test_masking_on_store_keeps_the_other_characters_as_received(settings):
    """FEEDBACK_MASK_ON_STORE masks across them but does not write [U+…] into the record."""
    settings.FEEDBACK_MASK_ON_STORE = True
    comment = make_comment(text="Nr 640823\u200b-3234 \u202eslut")
    assert comment.text == f"Nr {MASK} \u202eslut"


@pytest.mark.django_db
def test_registrations_show_them_escaped_in_list_csv_and_print(admin_client):
    """A participant's name, organisation, role and needs: [U+XXXX] wherever staff read them."""
    event = make_registrable()
    make_registration(
        event,
        name="Anna\u202e nosrettE",
        organisation="Kultur\u200bhuset",
        role="Chef\u2066",
        needs=SPOOFED,
    )
    listing = admin_client.get(reverse("admin:events_registration_changelist")).content.decode()
    assert "Anna[U+202E] nosrettE" in listing and "Kultur[U+200B]huset" in listing
    csv = b"".join(
        admin_client.get(reverse("admin:events_registration_export", args=[event.pk]))
    ).decode("utf-8-sig")
    printed = admin_client.get(
        reverse("admin:events_registration_print", args=[event.pk])
    ).content.decode()
    for text in (csv, printed):
        assert "Anna[U+202E] nosrettE" in text and "Kultur[U+200B]huset" in text
        assert "Chef[U+2066]" in text and SHOWN in text
    for text in (listing, csv, printed):
        assert not hidden.has_hidden_characters(text)
