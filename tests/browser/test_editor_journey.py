"""An editor's whole journey in headless Chromium, under the site's strict CSP.

Logs in, writes an article with a bold word and a link in the rich-text
editor, schedules it, previews it (and shares the preview with a reviewer
who has no account), publishes it, and finds it on /nyheter/. Every page is
watched for console errors; CSP violations are reported there by Chromium
and, to be sure, by a ``securitypolicyviolation`` listener.
"""

import datetime

import pytest
from django.utils import timezone

from kkn_portal.roles import EDITOR_GROUP
from news.models import Article
from tests.admin.factories import PASSWORD, ensure_roles, make_user

from .probe import format_axe_violations

TITLE = "Regionen satsar på kreativa näringar"
LINK = "https://www.norrbotten.se/"
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


def write_body(page):
    """Type a paragraph with one bold word and one link in the prose editor."""
    editor = page.locator(".prose-editor .ProseMirror[contenteditable='true']").first
    editor.click()
    page.keyboard.type("Regionen satsar ")
    page.get_by_role("button", name="Fetstil").first.click()
    page.keyboard.type("kraftigt")
    page.get_by_role("button", name="Fetstil").first.click()
    page.keyboard.type(" på kulturella näringar. Läs mer: ")
    page.keyboard.type("Region Norrbotten")
    for _ in "Region Norrbotten":
        page.keyboard.press("Shift+ArrowLeft")
    page.get_by_role("button", name="Infoga länk").first.click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    dialog.get_by_label("Adress (URL)").fill(LINK)
    dialog.locator("button[type='submit']").click()


def save_and_continue(page):
    """Press "Spara och fortsätt redigera" and wait for the success message."""
    page.locator("input[name='_continue']").click()
    page.wait_for_selector(".messagelist .success")


def test_editor_writes_schedules_previews_and_publishes(editor_page, probe, browser, live_server):
    """The whole journey works for a Redaktör, with no CSP violation on any page."""
    page = editor_page
    page.goto("/admin/news/article/add/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_lead").fill("Ett nytt program för kulturella och kreativa näringar.")
    write_body(page)

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
    change_url = page.url

    page.goto("/nyheter/")
    assert page.get_by_text(TITLE).count() == 0

    # Preview the saved article from its change form.
    page.goto(change_url)
    page.get_by_role("link", name="Förhandsgranska").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.locator(".preview-banner").is_visible()
    assert page.locator(".rich-text strong").inner_text() == "kraftigt"
    assert page.locator(f".rich-text a[href='{LINK}']").inner_text() == "Region Norrbotten"

    # Share it with a reviewer without an account.
    page.goto(change_url)
    page.get_by_role("link", name="Dela förhandsvisning").click()
    page.get_by_role("button", name="Skapa länken").click()
    shared = page.get_by_label("Adress att dela").input_value()
    reviewer = browser.new_context(base_url=live_server.url, locale="sv-SE")
    try:
        review = reviewer.new_page()
        review.goto(shared)
        assert review.get_by_role("heading", level=1).inner_text() == TITLE
        assert review.locator(".preview-banner").is_visible()
    finally:
        reviewer.close()

    # Publish now: the admin's "I dag" and "Nu" shortcuts, then save.
    page.goto(change_url)
    page.locator(".datetimeshortcuts").first.get_by_role("link", name="I dag").click()
    page.locator(".datetimeshortcuts").nth(1).get_by_role("link", name="Nu").click()
    save_and_continue(page)
    article.refresh_from_db()
    assert article.is_live()

    page.goto("/nyheter/")
    page.get_by_role("link", name=TITLE).click()
    assert page.locator(".preview-banner").count() == 0
    assert page.locator(".rich-text strong").inner_text() == "kraftigt"

    assert probe.console_errors == []


@pytest.mark.parametrize(
    "path",
    ["/admin/", "share", "/admin/previews/previewlink/", "/admin/feedback/comment/statistik/"],
)
def test_editor_admin_pages_pass_axe(editor_page, probe, path):
    """The overview (with its chart), the share page, the link list and the statistics pass axe (C2.2).

    Console errors are checked before axe runs: axe's own probing of styles
    is refused by the strict CSP and would be reported as the page's.
    """
    if path == "share":
        draft = Article.objects.filter(status=Article.Status.DRAFT).first()
        path = f"/admin/previews/previewlink/dela/article/{draft.pk}/"
    probe.visit(path)
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
