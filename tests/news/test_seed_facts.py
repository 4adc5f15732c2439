"""The KKN article of the demo carries every fact of the seed page (issue 14, point 5).

Each fact is looked for in the article page's visible text (tags removed,
entities decoded, white space collapsed), so the facts are checked where a
reader finds them, not in the source code of the demo.
"""

import html
import re

import pytest

from news import demo
from news.models import Article

pytestmark = pytest.mark.django_db

KKN_SLUG = "satsning-pa-kulturella-och-kreativa-naringar"

# (what the seed page says, how the article must say it)
FACTS = [
    ("dialogue day on 26 October 2016", "dialogdag den 26 oktober 2016"),
    ("follow-up of the 2012 report", "En ny näring växer fram från 2012"),
    ("900 companies in Luleå and Piteå", "900 företag i Luleå och Piteå"),
    ("conference at Acusticum", "Acusticum i Piteå"),
    ("conference dates", "31 maj–1 juni 2017"),
    ("conference theme", "Digitaliseringens möjligheter"),
    ("training with Umeå universitet", "Tillsammans med Umeå universitet"),
    (
        "for managers in business and culture administrations",
        "chefer på kommunernas närings- och kulturförvaltningar",
    ),
    ("Länsstyrelsen behind it", "Länsstyrelsen i Norrbotten"),
    ("Landstinget behind it", "Landstinget"),
    ("Tillväxtverket, nationally", "Tillväxtverket som nationell part"),
    ("source of the figures", "Statistik från SCB, bearbetad av Volante Research"),
    ("turnover 2014", "458 miljarder kronor"),
    ("turnover growth", "5 procent mer än året innan"),
    ("growth 2007–2014", "Mellan 2007 och 2014 växte sektorn med 14 procent"),
    ("the whole business sector", "12 procent för näringslivet i stort"),
    ("value added", "164,5 miljarder kronor"),
    ("value added growth", "drygt 8 procent"),
    ("share of GDP", "4 procent av Sveriges BNP"),
    ("driven by digital business models", "digitalt drivna affärsmodeller"),
    ("fashion, design and music", "mode, design och musik"),
    ("moving image and advertising", "rörlig bild-bolag och reklam ökar"),
    (
        "the footnote's branches",
        "arkitektur, form och design, film och foto, konst, mode, litteratur, musik, scenkonst, spel och media, måltid, turism och besöksnäring samt upplevelsebaserat lärande",
    ),
    ("publication date", "11 september 2016"),
]


def visible_text(page):
    """The page's text as a reader sees it: no tags, entities decoded, spaces collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()).replace(" ,", ",")


@pytest.fixture
def article_text(client):
    """The KKN article page of a freshly seeded demo, as text."""
    demo.seed()
    article = Article.objects.get(slug=KKN_SLUG)
    return visible_text(client.get(article.get_absolute_url()).content.decode())


@pytest.mark.parametrize(("fact", "wording"), FACTS, ids=[fact for fact, _ in FACTS])
def test_kkn_article_states_the_fact(article_text, fact, wording):
    """Each fact of the seed page is on the article page."""
    assert wording in article_text, fact
