"""An editor's whole journey in headless Chromium, under the site's strict CSP.

Logs in, writes an article with a bold word and a link in the rich-text
editor, uploads a photo (first without the alt text the form then asks
for), schedules it, previews it (and shares the preview with a reviewer
who has no account), publishes it now from the list, finds it on /nyheter/,
changes it and restores the earlier version from its history. Every page is
watched for console errors; CSP violations are reported there by Chromium
and, to be sure, by a ``securitypolicyviolation`` listener.
"""

import datetime
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.utils import timezone
from PIL import Image
from reversion.models import Version

from events.models import Event
from feedback.models import Comment
from kkn_portal.roles import EDITOR_GROUP
from news.models import Article
from tests.admin.factories import PASSWORD, ensure_roles, make_user
from tests.images import image_bytes

from .probe import format_axe_violations

TITLE = "Regionen satsar på kreativa näringar"
LINK = "https://www.norrbotten.se/"
LINK_TEXT = "Region Norrbotten"
# Runs before any page script (Playwright's init scripts are exempt from the CSP).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def editor_page(demo, probe):
    """A logged-in member of Redaktör (permissions from the data migration)."""
    # Live-server tests flush the database; put the migration's roles back.
    ensure_roles()
    make_user("redaktor", group=EDITOR_GROUP, first_name="Rut")
    page = probe.page
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.goto("/admin/login/")
    page.get_by_label("Användarnamn").fill("redaktor")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/admin/")
    return page


def select_backwards(page, editor, text):
    """Select the just-typed ``text`` with Shift+ArrowLeft, as a keyboard user does.

    ProseMirror applies typed characters from its own state a moment later
    and puts the cursor back where that state says; a selection made before
    it has caught up loses its first steps (seen under load). So wait until
    the editor holds the text, then extend the selection until it is exactly
    ``text``.
    """
    page.wait_for_function(
        "([el, t]) => el.textContent.endsWith(t)", arg=[editor.element_handle(), text]
    )
    selected = ""
    for _ in range(3 * len(text)):
        if selected == text:
            break
        page.keyboard.press("Shift+ArrowLeft")
        selected = page.evaluate("() => window.getSelection().toString()")
    assert selected == text


def write_body(page):
    """Type a paragraph with one bold word and one link in the prose editor."""
    editor = page.locator(".prose-editor .ProseMirror[contenteditable='true']").first
    editor.click()
    page.keyboard.type("Regionen satsar ")
    page.get_by_role("button", name="Fetstil").first.click()
    page.keyboard.type("kraftigt")
    page.get_by_role("button", name="Fetstil").first.click()
    page.keyboard.type(" på kulturella näringar. Läs mer: ")
    page.keyboard.type(LINK_TEXT)
    select_backwards(page, editor, LINK_TEXT)
    page.get_by_role("button", name="Infoga länk").first.click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    dialog.get_by_label("Adress (URL)").fill(LINK)
    dialog.locator("button[type='submit']").click()


def save_and_continue(page):
    """Press "Spara och fortsätt redigera" and wait for the success message."""
    page.locator("input[name='_continue']").click()
    page.wait_for_selector(".messagelist .success")


def test_editor_writes_schedules_previews_and_publishes(
    editor_page, probe, browser, live_server, tmp_path
):
    """The whole journey works for a Redaktör, with no CSP violation on any page."""
    page = editor_page
    page.goto("/admin/news/article/add/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_lead").fill("Ett nytt program för kulturella och kreativa näringar.")
    write_body(page)

    # A photo with a GPS position, first without alt text: the form asks for one.
    photo = tmp_path / "konsert.jpg"
    photo.write_bytes(image_bytes(gps=True))
    page.locator("#id_image").set_input_files(str(photo))
    page.locator("input[name='_continue']").click()
    page.wait_for_selector(".errorlist")
    assert "Beskriv bilden" in page.locator(".errorlist").first.inner_text()
    page.locator("#id_image").set_input_files(str(photo))  # browsers drop a file after an error
    page.locator("#id_image_alt").fill("Publik framför en scen i blått ljus")

    # Schedule: published, from tomorrow morning.
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.locator("#id_status").select_option(Article.Status.PUBLISHED)
    page.locator("#id_published_at_0").fill(tomorrow.isoformat())
    page.locator("#id_published_at_1").fill("08:00:00")
    save_and_continue(page)
    article = Article.objects.get(title=TITLE)
    assert article.is_scheduled()
    assert "<strong>kraftigt</strong>" in article.body
    assert f'href="{LINK}"' in article.body
    assert (article.image_width, article.image_height) == (1200, 800)
    with Image.open(article.image.path) as stored:
        assert not stored.getexif()  # camera and GPS gone
    change_url = page.url

    page.goto("/nyheter/")
    assert page.get_by_text(TITLE).count() == 0

    # Preview the saved article from its change form.
    page.goto(change_url)
    page.get_by_role("link", name="Förhandsgranska").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.locator(".preview-banner").is_visible()
    assert page.locator(".rich-text strong").inner_text() == "kraftigt"
    assert page.locator(f".rich-text a[href='{LINK}']").inner_text() == LINK_TEXT

    # Share it with a reviewer without an account.
    page.goto(change_url)
    page.get_by_role("link", name="Dela förhandsvisning").click()
    page.get_by_role("button", name="Skapa länken").click()
    shared = page.get_by_label("Adress att dela").input_value()
    # The link names the public address (SITE_URL); here the live server answers it.
    assert shared.startswith(f"{settings.SITE_URL}/forhandsvisning/")
    reviewer = browser.new_context(base_url=live_server.url, locale="sv-SE")
    try:
        review = reviewer.new_page()
        review.goto(urlsplit(shared).path)
        assert review.get_by_role("heading", level=1).inner_text() == TITLE
        assert review.locator(".preview-banner").is_visible()
    finally:
        reviewer.close()

    # Publish now: the list's action, with a message that says what happened.
    page.goto("/admin/news/article/?publicering=schemalagd")
    assert "Schemalagd" in page.locator(f"tr:has-text('{TITLE}') .kkn-badge").inner_text()
    page.locator(f"tr:has-text('{TITLE}') input.action-select").check()
    page.locator("select[name='action']").select_option("publish_now")
    page.get_by_role("button", name="Utför").click()
    assert page.locator(".messagelist .success").inner_text() == "1 artikel publicerades."
    article.refresh_from_db()
    assert article.is_live()

    page.goto("/nyheter/")
    page.get_by_role("link", name=TITLE).click()
    assert page.locator(".preview-banner").count() == 0
    assert page.locator(".rich-text strong").inner_text() == "kraftigt"
    # The photo as the public sees it: a rendition that loads, with the alt text.
    photo_shown = page.get_by_role("img", name="Publik framför en scen i blått ljus")
    photo_shown.wait_for()
    assert photo_shown.evaluate("img => img.complete && img.naturalWidth > 0")

    # Change the title, then restore the earlier version from the history.
    page.goto(change_url)
    page.locator("#id_title").fill("En rubrik som blev fel")
    save_and_continue(page)
    page.get_by_role("link", name="Historik").click()
    page.locator("#change-history tbody tr").nth(1).get_by_role("link").click()
    page.locator(".kkn-diff").first.wait_for()
    assert page.locator(".kkn-diff").count() == 1  # only the title differs
    assert page.locator(".kkn-diff ins").inner_text() == TITLE
    page.get_by_role("button", name="Återställ").click()
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.title == TITLE and article.is_live()

    assert probe.console_errors == []


def admin_path(path):
    """Resolve the placeholders of ``EDITOR_PAGES`` against the demo content."""
    draft = Article.objects.filter(status=Article.Status.DRAFT).first()
    event = Event.objects.first()
    page = FlatPage.objects.first()
    comment = Comment.objects.first()
    if path == "article-revision":
        version = Version.objects.get_for_object(draft).first()
        return f"/admin/news/article/{draft.pk}/history/{version.pk}/"
    return path.format(article=draft.pk, event=event.pk, flatpage=page.pk, comment=comment.pk)


# The admin pages an editor uses, each checked with axe (C2.2).
EDITOR_PAGES = [
    "/admin/",
    "/admin/previews/previewlink/dela/article/{article}/",
    "/admin/previews/previewlink/",
    "/admin/news/article/",
    "/admin/news/article/add/",
    "/admin/news/article/{article}/change/",
    "/admin/news/article/{article}/history/",
    "article-revision",
    "/admin/events/event/",
    "/admin/events/event/{event}/change/",
    "/admin/feedback/comment/",
    "/admin/feedback/comment/{comment}/change/",
    "/admin/flatpages/flatpage/{flatpage}/change/",
    "/admin/feedback/comment/statistik/",
]


@pytest.mark.parametrize("path", EDITOR_PAGES)
def test_editor_admin_pages_pass_axe(editor_page, probe, path):
    """The overview, lists, change forms, history and sharing pass axe (C2.2).

    Console errors are checked before axe runs: axe's own probing of styles
    is refused by the strict CSP and would be reported as the page's.
    """
    if path == "article-revision":
        # A version to look at: the editor saves the draft once.
        draft = Article.objects.filter(status=Article.Status.DRAFT).first()
        editor_page.goto(f"/admin/news/article/{draft.pk}/change/")
        editor_page.locator("input[name='_continue']").click()
        editor_page.wait_for_selector(".messagelist .success")
    probe.visit(admin_path(path))
    assert probe.console_errors == []
    violations = probe.axe_violations()
    assert violations == [], "\n".join(format_axe_violations(violations))


def test_rich_text_editor_has_an_accessible_name(editor_page):
    """The editable area is named after its field, and the toolbar is Swedish."""
    editor_page.goto("/admin/news/article/add/")
    editable = editor_page.locator(".prose-editor .ProseMirror[contenteditable='true']").first
    assert editable.get_attribute("aria-label") == "Brödtext"
    assert editor_page.get_by_role("button", name="Kursiv").first.is_visible()


def test_lockout_and_password_pages_pass_axe(demo, probe):
    """The Swedish lockout page and the password-set page pass axe."""
    ensure_roles()
    make_user("redaktor", group=EDITOR_GROUP)
    page = probe.page
    page.goto("/admin/login/")
    for _ in range(5):
        page.get_by_label("Användarnamn").fill("redaktor")
        page.get_by_label("Lösenord").fill("fel-lösenord")
        with page.expect_navigation():
            page.get_by_role("button", name="Logga in").click()
    page.get_by_role("heading", name="Inloggningen är tillfälligt låst").wait_for()
    # Chromium reports the 429 document itself as a failed load; nothing else.
    assert [error for error in probe.console_errors if "status of 429" not in error] == []
    violations = probe.axe_violations()
    assert violations == [], "\n".join(format_axe_violations(violations))

    probe.visit("/konto/losenord/MQ/ogiltig/")
    assert probe.axe_violations() == []
