"""Add a benchmark-sized volume on top of the demo content.

1 000 published articles, 300 published events (half upcoming, half past)
with venues, organisers and a programme of 3-8 sessions each, and 100 000 (BENCH_COMMENTS)
page comments. Every article and event gets branches, contact people and
(articles) links, so the pages exercise the same prefetching as real ones.
Many titles and leads contain "kultur", so ``/sok/?q=kultur`` has thousands
of hits. Deterministic (a fixed seed), written with ``bulk_create`` in a
few seconds, and refuses to run twice on the same database.

Run with the project's settings in the environment (``bench/run.sh`` does):
``DATABASE_URL=… SECRET_KEY=… python bench/generate.py``.
"""

import os
import random
import sys
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kkn_portal.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from events.models import Event, Organisation, ProgrammeItem, Venue  # noqa: E402
from feedback.models import Comment  # noqa: E402
from kkn_portal import content_version  # noqa: E402
from kkn_portal.models import Branch, Contact  # noqa: E402
from news.models import Article, ArticleLink  # noqa: E402

ARTICLES, EVENTS = 1000, 300
# BENCH_COMMENTS=1000000 for the inbox at a million comments.
COMMENTS = int(os.environ.get("BENCH_COMMENTS", "100000"))
PREFIX = "bench-"
RNG = random.Random(2026)

SUBJECTS = [
    "kultur",
    "design",
    "musik",
    "film",
    "spelutveckling",
    "arkitektur",
    "mode",
    "konsthantverk",
    "matkultur",
    "besöksnäring",
    "scenkonst",
    "litteratur",
]
PLACES = ["Luleå", "Piteå", "Kiruna", "Gällivare", "Boden", "Kalix", "Haparanda", "Arvidsjaur"]
PARAGRAPH = (
    "<p>Företagen inom {s} i {p} växer, och fler vill arbeta tillsammans över "
    "kommungränserna. Region Norrbotten stöttar arbetet med rådgivning, nätverk "
    "och kunskap om hur kulturella och kreativa näringar kan utvecklas i hela länet.</p>"
)
COMMENT_TEXTS = [
    "Tack för en bra artikel! Finns det fler datum inplanerade?",
    "Länken till anmälan fungerar inte i min webbläsare.",
    "Bra att ni lyfter kulturföretagen i inlandet, mer sådant.",
    "Kan ni skriva mer om finansieringen av projektet?",
    "Texten är svår att läsa på mobilen, raderna blir väldigt långa.",
    "Jag saknar information om tillgänglighet i lokalen.",
]


def pick(items, low, high):
    """A random sample of ``low``…``high`` distinct items."""
    return RNG.sample(items, RNG.randint(low, min(high, len(items))))


def title_for(i):
    subject = SUBJECTS[i % len(SUBJECTS)]
    return f"Satsning på {subject} i {PLACES[i % len(PLACES)]}, del {i}"


def body_for(i):
    subject = SUBJECTS[i % len(SUBJECTS)]
    return "".join(PARAGRAPH.format(s=subject, p=place) for place in pick(PLACES, 3, 6))


def make_contacts():
    contacts = [
        Contact(
            name=f"Testperson {n}",
            role="Handläggare",
            organisation="Region Norrbotten",
            phone=f"070-174 06 {n:02d}",
            email=f"testperson{n}@example.se",
        )
        for n in range(40)
    ]
    return Contact.objects.bulk_create(contacts)


def make_articles(now, branches, contacts):
    articles = Article.objects.bulk_create(
        Article(
            title=title_for(i),
            slug=f"{PREFIX}nyhet-{i}",
            lead=f"Om {SUBJECTS[i % len(SUBJECTS)]} och kultur i Norrbotten, nummer {i}.",
            body=body_for(i),
            footnote="Artikeln är skapad för prestandatest." if i % 5 == 0 else "",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=6 * (i + 1)),
        )
        for i in range(ARTICLES)
    )
    through_b, through_c = Article.branches.through, Article.contacts.through
    through_b.objects.bulk_create(
        through_b(article_id=a.pk, branch_id=b.pk) for a in articles for b in pick(branches, 1, 3)
    )
    through_c.objects.bulk_create(
        through_c(article_id=a.pk, contact_id=c.pk) for a in articles for c in pick(contacts, 1, 2)
    )
    ArticleLink.objects.bulk_create(
        ArticleLink(
            article=a, title=f"Läs mer, länk {n}", url=f"https://example.se/{a.pk}/{n}", position=n
        )
        for a in articles
        for n in range(RNG.randint(0, 3))
    )
    return articles


def make_events(now, branches, contacts, articles):
    venues = Venue.objects.bulk_create(
        Venue(
            name=f"Kulturhuset {n}",
            street_address=f"Storgatan {n}",
            postal_code="971 71",
            municipality=PLACES[n % len(PLACES)],
        )
        for n in range(20)
    )
    organisers = Organisation.objects.bulk_create(
        Organisation(name=f"{PREFIX}arrangör {n}", url=f"https://example.se/arr/{n}")
        for n in range(15)
    )
    events = []
    for i in range(EVENTS):
        # Half upcoming (days ahead), half past; some span two days.
        start = now + timedelta(days=(i // 2 + 1) * (1 if i % 2 else -1), hours=RNG.randint(0, 8))
        events.append(
            Event(
                title=f"{title_for(i).replace('Satsning på', 'Träff om')}",
                slug=f"{PREFIX}evenemang-{i}",
                kind=RNG.choice(Event.Kind.values),
                lead=f"En dag om {SUBJECTS[i % len(SUBJECTS)]}, kultur och kreativa näringar.",
                description=body_for(i),
                start=start,
                end=start + timedelta(hours=RNG.choice([3, 8, 30])),
                venue=RNG.choice(venues),
                audience="Företagare och kommunernas tjänstepersoner",
                theme="Digitaliseringens möjligheter",
                registration_url=f"https://example.se/anmalan/{i}" if i % 3 else "",
                registration_email="anmalan@example.se",
                status=Event.Status.PUBLISHED,
                published_at=now - timedelta(days=400),
            )
        )
    events = Event.objects.bulk_create(events)
    for model, field, pool, low, high in (
        (Event.branches.through, "branch_id", branches, 1, 3),
        (Event.contacts.through, "contact_id", contacts, 1, 2),
        (Event.organisers.through, "organisation_id", organisers, 1, 2),
        (Event.related_articles.through, "article_id", articles, 0, 2),
    ):
        model.objects.bulk_create(
            model(event_id=e.pk, **{field: item.pk})
            for e in events
            for item in pick(pool, low, high)
        )
    ProgrammeItem.objects.bulk_create(
        ProgrammeItem(
            event=e,
            start=e.start + timedelta(minutes=45 * n),
            end=e.start + timedelta(minutes=45 * n + 40),
            title=f"Pass {n + 1}: {SUBJECTS[(e.pk + n) % len(SUBJECTS)]}",
            speakers="Testperson 1, Testperson 2",
            description="Samtal och frågor från publiken.",
        )
        for e in events
        for n in range(RNG.randint(3, 8))
    )
    return events


def make_comments(now, pages):
    step = timedelta(days=730) / COMMENTS
    for first in range(0, COMMENTS, 5000):
        Comment.objects.bulk_create(
            Comment(
                page_path=path,
                page_title=title,
                text=RNG.choice(COMMENT_TEXTS),
                # Spread over the past two years however many there are: never in the future.
                created_at=now - step * n,
                status=Comment.Status.HANDLED if n % 3 else Comment.Status.NEW,
                form_token=uuid.UUID(int=RNG.getrandbits(128), version=4),
            )
            for n in range(first, min(first + 5000, COMMENTS))
            for path, title in [RNG.choice(pages)]
        )


def main():
    if Article.objects.filter(slug__startswith=PREFIX).exists():
        sys.exit(
            "The benchmark volume is already there; bench/run.sh starts from a fresh database."
        )
    now = timezone.now()
    with transaction.atomic():
        branches = list(Branch.objects.all())
        contacts = make_contacts()
        articles = make_articles(now, branches, contacts)
        events = make_events(now, branches, contacts, articles)
        pages = [(o.get_absolute_url(), o.title) for o in [*articles, *events]] + [("/", "Start")]
        make_comments(now, pages)
    # bulk_create sends no signals: tell the page cache that content changed.
    content_version.bump()
    print(
        f"generated {len(articles)} articles, {len(events)} events "
        f"({ProgrammeItem.objects.count()} programme items), {Comment.objects.count()} comments"
    )


if __name__ == "__main__":
    main()
