"""Swedish 404, flatpages from seed_demo, sitemap, robots.txt and security.txt."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command
from django.urls import reverse

from kkn_portal import demo

SWEDISH_DATE = r"\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}"


def test_404_is_swedish(client, db):
    """An unknown address: status 404, lang="sv", Swedish text, a way on."""
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Sidan hittades inte" in html
    assert f'href="{reverse("home")}"' in html


@pytest.mark.parametrize("path", ["/", "/tillganglighet/", "/finns-inte/"])
def test_footer_links_to_accessibility_statement(client, seeded, path):
    """Every page's footer names "Tillgänglighetsredogörelse" and links to it (C2.8)."""
    html = client.get(path).content.decode()
    link = re.search(r'<a href="([^"]+)">Tillgänglighetsredogörelse</a>', html)
    assert link, "no footer link to the accessibility statement"
    assert link.group(1) == reverse("accessibility")


def test_accessibility_statement_has_digg_contents(client, seeded):
    """The statement has DIGG's required parts (RULES R2.3, C2.8)."""
    response = client.get(reverse("accessibility"))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"\b(helt|delvis|inte) förenlig\b", html)
    assert re.search(r"bedömningen gjordes den " + SWEDISH_DATE, html)
    assert re.search(r"uppdaterades senast den " + SWEDISH_DATE, html)
    assert "Hur vi testat webbplatsen" in html  # evaluation method
    assert "självskattning" in html
    assert "Rapportera brister" in html  # feedback function
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert "Innehåll som inte är tillgängligt" in html
    assert "Oskäligt betungande anpassning" in html
    assert "Innehåll som inte omfattas av lagstiftningen" in html
    assert "Region Norrbotten" in html


def test_about_page(client, seeded):
    """/om-webbplatsen/ renders after seed_demo and names the security contact."""
    response = client.get(reverse("about"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Om webbplatsen</h1>" in html
    assert "security@example.se" in html


def test_flatpages_are_editable_in_admin(admin_client, seeded):
    """Editors reach the flatpages in admin."""
    page = FlatPage.objects.get(url="/tillganglighet/")
    response = admin_client.get(reverse("admin:flatpages_flatpage_change", args=[page.pk]))
    assert response.status_code == 200


def test_seed_demo_is_idempotent(db):
    """Running seed_demo twice creates nothing new and fails on nothing."""
    call_command("seed_demo", verbosity=0)
    first = sorted(FlatPage.objects.values_list("url", flat=True))
    call_command("seed_demo", verbosity=0)
    assert sorted(FlatPage.objects.values_list("url", flat=True)) == first
    assert {"/tillganglighet/", "/om-webbplatsen/", "/personuppgifter/"} <= set(first)


def test_seed_keeps_editor_changes(db):
    """seed() never overwrites what an editor changed, and says what it did."""
    assert demo.seed() == "3 flatpages created, 0 kept"
    FlatPage.objects.filter(url="/om-webbplatsen/").update(content="<p>Ny text</p>")
    assert demo.seed() == "0 flatpages created, 3 kept"
    assert FlatPage.objects.get(url="/om-webbplatsen/").content == "<p>Ny text</p>"


def test_sitemap_lists_pages(client, seeded):
    """sitemap.xml answers with XML listing the start page and the flatpages."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    xml = response.content.decode()
    # The domain is the Site's (set in admin), the scheme the request's.
    assert re.search(r"<loc>http://[^/<]+/</loc>", xml)
    assert re.search(r"<loc>http://[^/<]+/tillganglighet/</loc>", xml)


def test_robots_points_at_sitemap(client, db):
    """robots.txt is plain text and gives the sitemap's absolute address."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /" not in lines  # the site itself stays crawlable


def test_security_txt(client, db):
    """/.well-known/security.txt has Contact and a future Expires within a year (RFC 9116)."""
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(
        line.split(": ", 1)
        for line in response.content.decode().splitlines()
        if line and not line.startswith("#")
    )
    assert fields["Contact"].startswith(("mailto:", "https://"))
    expires = datetime.fromisoformat(fields["Expires"])
    now = datetime.now(UTC)
    # Fails when the date has passed or is set too far ahead: renew it yearly.
    assert now < expires <= now + timedelta(days=366)
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
