"""Demo comments for the editors' inbox (``seed_demo``); safe to run again.

Each comment has a fixed form token, so a second run finds it instead of
adding a copy. The personnummer is Skatteverket's published example
(640823-3234) and the phone number comes from PTS's series reserved for
fiction, so nothing here belongs to a real person.
"""

import datetime
import uuid

from django.utils import timezone

from feedback.models import Comment, HelpfulnessCount

NAMESPACE = uuid.UUID("5d0c1c58-0f5e-4c1e-9a53-8c1b7a0f0b05")

COMMENTS = [
    {
        "key": "strategi-lank",
        "page_path": "/nyheter/satsning-pa-kulturella-och-kreativa-naringar/",
        "page_title": "Satsning på kulturella och kreativa näringar",
        "text": "Bra att strategin tas fram! Finns det en länk till själva handlingsplanen? Jag hittar den inte på sidan.",
        "days_ago": 12,
        "handled": True,
        "note": "Länk till handlingsplanen tillagd i artikeln.",
    },
    {
        "key": "dialogdag-anmalan",
        "page_path": "/nyheter/dialogdag-om-kkn-strategin-26-oktober/",
        "page_title": "Dialogdag om KKN-strategin den 26 oktober",
        "text": "Jag vill anmäla mig till dialogdagen men formuläret är stängt. Mitt personnummer är 640823-3234 om ni behöver det.",
        "days_ago": 5,
    },
    {
        "key": "evenemang-kalender",
        "page_path": "/evenemang/",
        "page_title": "Evenemang",
        "text": "Det vore fint om man kunde filtrera evenemangen på kommun. Ring mig gärna på 070-174 06 05 så berättar jag mer.",
        "days_ago": 3,
    },
    {
        "key": "startsida-kontrast",
        "page_path": "/",
        "page_title": "Startsida",
        "text": "Texten i sidfoten är lite svår att läsa i mobilen när solen skiner.",
        "days_ago": 1,
    },
    {
        "key": "tillganglighet-pdf",
        "page_path": "/tillganglighet/",
        "page_title": "Tillgänglighetsredogörelse",
        "text": "Går det att få redogörelsen som en enkel textfil också?\nTack på förhand!",
        "days_ago": 0,
    },
]


def seed():
    """Create the demo comments that are missing; return a one-line summary."""
    now = timezone.now()
    created = 0
    for data in COMMENTS:
        token = uuid.uuid5(NAMESPACE, data["key"])
        if Comment.objects.filter(form_token=token).exists():
            continue
        received = now - datetime.timedelta(days=data["days_ago"], hours=2)
        comment = Comment(
            form_token=token,
            page_path=data["page_path"],
            page_title=data["page_title"],
            text=data["text"],
            created_at=received,
        )
        if data.get("handled"):
            comment.status = Comment.Status.HANDLED
            comment.handled_at = received + datetime.timedelta(hours=20)
            comment.internal_note = data.get("note", "")
        comment.save()
        created += 1
    seed_answers(now)
    return f"{created} comments created, {len(COMMENTS) - created} kept"


# "Hjälpte informationen dig?" for the statistics page: (path, title, days ago, yes, no).
ANSWERS = [
    ("/", "Start", 2, 14, 2),
    ("/evenemang/", "Evenemang", 5, 6, 5),
    ("/tillganglighet/", "Tillgänglighetsredogörelse", 9, 1, 3),
]


def seed_answers(now):
    """Answer counts for a few pages (kept if a row for that page and day exists)."""
    for path, title, days_ago, yes, no in ANSWERS:
        HelpfulnessCount.objects.get_or_create(
            page_path=path,
            day=timezone.localdate(now) - datetime.timedelta(days=days_ago),
            defaults={"page_title": title, "yes": yes, "no": no},
        )
