"""The portal's identity (issue 14, point 1): palette, wordmark, header search, footer, favicon."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

CSS = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()

# Every text/background pair the stylesheet uses, by custom property.
PAIRS = [
    ("--kkn-ink", "--kkn-paper"),
    ("--kkn-ink", "--kkn-surface"),
    ("--kkn-muted", "--kkn-paper"),
    ("--kkn-muted", "--kkn-surface"),
    ("--kkn-link", "--kkn-paper"),
    ("--kkn-link", "--kkn-surface"),
    ("--kkn-brand", "--kkn-paper"),
    ("--kkn-brand", "--kkn-surface"),
    ("--kkn-brand-dark", "--kkn-surface"),
    ("--kkn-paper", "--kkn-brand"),
    ("--kkn-paper", "--kkn-brand-dark"),
]


def colour(name):
    """The hex value the palette gives ``name``."""
    return re.search(rf"{name}:\s*(#[0-9a-f]{{6}})", CSS).group(1)


def luminance(hex_colour):
    """WCAG relative luminance."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_palette_pairs_reach_4_5_to_1(text, background):
    """WCAG 1.4.3: each text colour on each background it is used on."""
    lighter, darker = sorted((luminance(colour(text)), luminance(colour(background))), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


def test_type_scale_and_reading_width_are_custom_properties():
    """The scale and the measure are written once and used by the headings and the text."""
    for step in ("--kkn-step-0", "--kkn-step-1", "--kkn-step-2", "--kkn-step-3", "--kkn-step-4"):
        assert re.search(rf"{step}:", CSS)
    assert "max-width: var(--kkn-measure)" in CSS
    assert re.search(r"--kkn-measure:\s*6\dch", CSS)


def test_header_has_wordmark_labelled_search_and_menu(client):
    """The wordmark links home; the search field is labelled and sends GET to /sok/."""
    page = client.get(reverse("home")).content.decode()
    header = re.search(r"<header.*?</header>", page, re.S).group(0)
    assert re.search(r'<a class="wordmark" href="/"><img src="[^"]*wordmark[^"]*\.svg"', header)
    assert 'alt="KKN-portalen, Region Norrbotten: startsidan"' in header
    form = re.search(r"<form[^>]*>", header).group(0)
    assert 'method="get"' in form and f'action="{reverse("search:index")}"' in form
    assert '<label class="visually-hidden" for="site-search-q">Sök på webbplatsen</label>' in header
    assert 'id="site-search-q" name="q"' in header
    assert 'aria-label="Huvudmeny"' in header


def test_wordmark_is_our_own_svg():
    """The wordmark is an SVG drawn here, with the name and the sender."""
    svg = (Path(settings.BASE_DIR) / "static/img/wordmark.svg").read_text()
    assert svg.startswith("<svg") and ">KKN-portalen</text>" in svg
    assert ">Region Norrbotten</text>" in svg


def test_footer_names_the_organisations_contact_and_required_links(client):
    """Länsstyrelsen, Region Norrbotten, Tillväxtverket; an address; one link each, "kakor" only."""
    page = client.get(reverse("home")).content.decode()
    footer = re.search(r"<footer.*?</footer>", page, re.S).group(0)
    for name in ("Länsstyrelsen i Norrbotten", "Region Norrbotten", "Tillväxtverket"):
        assert name in footer
    assert "<address" in footer and "971 89 Luleå" in footer
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)
    targets = [href.split("#")[0] for href, _ in links]
    for url in (reverse("accessibility"), reverse("privacy"), reverse("consent:cookies")):
        assert targets.count(url) == 1, url
    assert "Kakinställningar" in footer
    assert "ookie" not in re.sub(r'href="[^"]*"', "", footer)


def test_favicon_is_served(client):
    """/favicon.ico answers with an icon, not 404."""
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"


def test_print_stylesheet_hides_navigation_and_forms_and_prints_urls():
    """Print: no menu, banner or forms; link addresses after the links."""
    printed = CSS[CSS.index("@media print") :]
    for selector in (".site-nav-bar", ".consent-banner", "form"):
        assert selector in printed.split("display: none")[0]
    assert 'content: " (" attr(href) ")"' in printed


def test_start_page_has_open_graph(client):
    """Shared links to the start page get a title, description and absolute URL."""
    page = client.get(reverse("home")).content.decode()
    assert '<meta property="og:type" content="website">' in page
    assert '<meta property="og:url" content="http://testserver/">' in page
    assert '<meta property="og:title" content="KKN-portalen: ' in page
