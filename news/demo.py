"""Demo news: the KKN article of the old site, retold, and a few more.

Content, not interface text, so it is Swedish. The people are fictitious:
e-mail addresses at example.se, phone numbers from PTS's series for fiction.
``seed`` creates what is missing and never overwrites an editor's changes.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from kkn_portal.demo import demo_contacts
from kkn_portal.images.demo import demo_image
from kkn_portal.models import Branch

from .models import Article

STOCKHOLM = ZoneInfo("Europe/Stockholm")
ALL_BRANCHES = "*"


def local(year, month, day, hour=9, minute=0):
    """An aware datetime in Swedish time."""
    return datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


KKN_BODY = """
<p>Under hösten och det kommande året händer mycket för de kulturella och kreativa näringarna i Norrbotten. Region, länsstyrelse och Tillväxtverket samlar krafterna kring en ny strategi, en nationell konferens och en utbildning för kommunernas chefer.</p>
<h2>Var med och forma den nya strategin</h2>
<p>I höst tar vi fram en ny regional strategi med handlingsplan för KKN. Alla som vill påverka arbetet är välkomna till en dialogdag <strong>den 26 oktober 2016</strong>, där dina idéer och erfarenheter blir underlag för det fortsatta arbetet.</p>
<p>Under dagen presenteras också en ny studie. Den följer upp rapporten <em>En ny näring växer fram</em> från 2012, som kartlade 900 företag i Luleå och Piteå. Den här gången undersöks hur det har gått för företagen sedan dess, och blicken vidgas till hela länet.</p>
<h2>Nationell konferens i Piteå 2017</h2>
<p>Norrbotten är värd för nästa års nationella KKN-konferens, som arrangeras varje år på olika platser i landet. Konferensen hålls på Acusticum i Piteå den 31 maj–1 juni 2017 med temat <strong>Digitaliseringens möjligheter</strong>.</p>
<h2>Utbildning för kommunernas chefer</h2>
<p>Tillsammans med Umeå universitet planeras under 2017 en utbildning för chefer på kommunernas närings- och kulturförvaltningar. Målet är att fler ska känna till näringarnas villkor och att förvaltningarna ska arbeta mer tillsammans, över gränserna mellan politikområden, så att företagen får bättre förutsättningar att växa.</p>
<p>Bakom satsningarna står Länsstyrelsen i Norrbotten och Landstinget (i dag Region Norrbotten), med Tillväxtverket som nationell part.</p>
<h2>En sektor i stark tillväxt</h2>
<p>Statistik från SCB, bearbetad av Volante Research, visar att de kulturella och kreativa näringarna omsatte 458 miljarder kronor i Sverige år 2014. Det är 5 procent mer än året innan. Mellan 2007 och 2014 växte sektorn med 14 procent, att jämföra med 12 procent för näringslivet i stort.</p>
<ul>
<li>Förädlingsvärdet var 164,5 miljarder kronor 2014, en ökning med drygt 8 procent från året innan och ungefär 4 procent av Sveriges BNP.</li>
<li>Mest av ökningen kommer, enligt Volante Research, från digitalt drivna affärsmodeller.</li>
<li>Även mode, design och musik bidrog till tillväxten, och rörlig bild-bolag och reklam ökar också.</li>
</ul>
"""

KKN_FOOTNOTE = (
    "*Till de kulturella och kreativa näringarna (KKN) räknas verksamheter i många "
    "branscher: arkitektur, form och design, film och foto, konst, mode, litteratur, "
    "musik, scenkonst, spel och media, måltid, turism och besöksnäring samt "
    "upplevelsebaserat lärande."
)

ARTICLES = [
    {
        "slug": "satsning-pa-kulturella-och-kreativa-naringar",
        "title": "Satsning på kulturella och kreativa näringar",
        "lead": "En ny regional strategi, en nationell konferens i Piteå och en chefsutbildning: så ska de kulturella och kreativa näringarna (KKN)* i Norrbotten få ännu bättre möjligheter att växa.",
        "body": KKN_BODY,
        "footnote": KKN_FOOTNOTE,
        "picture": "fjall",
        "published_at": local(2016, 9, 11),
        "branches": ALL_BRANCHES,
        "contacts": ["karin"],
        "links": [
            ("Tillväxtverket om kulturella och kreativa näringar", "https://tillvaxtverket.se/"),
            ("Region Norrbotten", "https://www.norrbotten.se/"),
            ("Länsstyrelsen i Norrbotten", "https://www.lansstyrelsen.se/norrbotten/"),
        ],
    },
    {
        "slug": "dialogdag-om-kkn-strategin-26-oktober",
        "title": "Dialogdag om KKN-strategin den 26 oktober",
        "lead": "Driver du företag inom musik, scenkonst, konst eller någon annan kreativ bransch? Kom till dialogdagen och påverka Norrbottens nya strategi för de kulturella och kreativa näringarna.",
        "body": """
<p>Den 26 oktober bjuder Region Norrbotten, Länsstyrelsen i Norrbotten och Tillväxtverket in till en dialogdag om den nya regionala strategin och handlingsplanen för de kulturella och kreativa näringarna.</p>
<h2>Program</h2>
<ul>
<li>Förmiddag: en ny studie om hur KKN-företagen i länet har utvecklats sedan kartläggningen 2012.</li>
<li>Eftermiddag: samtal i mindre grupper om vad strategin ska prioritera.</li>
</ul>
<p>Dagen är kostnadsfri. Anmäl dig senast den 17 oktober till kontaktpersonen nedan och berätta om du har behov av till exempel teckenspråkstolk eller särskild kost.</p>
""",
        "picture": "dialog",
        "published_at": local(2016, 10, 3, 10),
        "branches": ["musik", "scenkonst", "konst", "litteratur"],
        "contacts": ["karin", "mattias"],
        "links": [
            ("Tillväxtverket om kulturella och kreativa näringar", "https://tillvaxtverket.se/")
        ],
    },
    {
        "slug": "chefsutbildning-om-kreativa-naringar",
        "title": "Chefer i kommunerna utbildas om kreativa näringar",
        "lead": "I vår startar en utbildning för chefer på kommunernas närings- och kulturförvaltningar, i samarbete med Umeå universitet.",
        "body": """
<p>De kreativa näringarna hamnar ofta mellan stolarna: för kultur för näringslivskontoret och för företag för kulturförvaltningen. Utbildningen ska ändra på det.</p>
<p>Under tre träffar får deltagarna lära sig mer om hur företag inom till exempel <strong>upplevelsebaserat lärande</strong> och <strong>besöksnäring</strong> fungerar, och hur kommunerna kan stödja dem över förvaltningsgränserna.</p>
<h2>Vem kan delta?</h2>
<p>Utbildningen riktar sig till chefer och strateger i länets fjorton kommuner. Varje kommun kan anmäla två deltagare.</p>
""",
        "published_at": local(2017, 2, 14, 8, 30),
        "branches": ["upplevelsebaserat-larande", "turism-och-besoksnaring"],
        "contacts": ["mattias"],
        "links": [("Umeå universitet", "https://www.umu.se/")],
    },
    {
        "slug": "digitaliseringen-i-fokus-pa-acusticum",
        "title": "Digitaliseringens möjligheter i fokus på Acusticum",
        "lead": "Över 300 deltagare har redan anmält sig till den nationella KKN-konferensen i Piteå den 31 maj–1 juni.",
        "body": """
<p>Spelutvecklare, filmare, musiker och företagsrådgivare från hela landet samlas på Acusticum i Piteå för två dagar om hur digitaliseringen förändrar de kulturella och kreativa näringarna.</p>
<h2>Några av programpunkterna</h2>
<ol>
<li>Nya affärsmodeller för musik och rörlig bild.</li>
<li>Spelbranschen i norr: från studentprojekt till export.</li>
<li>Hur offentliga aktörer kan göra det lättare att starta kreativa företag.</li>
</ol>
<p>Konferensen arrangeras varje år i en ny region. I år är Norrbotten värd.</p>
""",
        "picture": "scen",
        "published_at": local(2017, 4, 20, 13),
        "branches": ["spel-och-media", "musik", "film-och-foto"],
        "contacts": ["karin"],
        "links": [("Acusticum i Piteå", "https://www.acusticum.se/")],
    },
    {
        "slug": "matkultur-lockar-besokare-till-tornedalen",
        "title": "Matkultur lockar besökare till Tornedalen",
        "lead": "Lokala råvaror och berättelser om platsen gör måltiden till ett resmål. Flera företag i Tornedalen har byggt upplevelser kring maten.",
        "body": """
<p>Sik från älven, kolbullar över öppen eld och hjortron från myren: måltiden blir allt oftare anledningen till att resa norrut.</p>
<p>Tre företag i Tornedalen har tillsammans tagit fram ett gemensamt erbjudande för besökare från Europa. <em>Maten är vår berättelse</em>, säger en av företagarna.</p>
<h2>Stöd för att utveckla upplevelser</h2>
<p>Företag inom måltid och besöksnäring kan söka stöd för att utveckla nya upplevelser. Kontakta länsstyrelsen för mer information.</p>
""",
        "published_at": local(2017, 8, 22, 9, 15),
        "branches": ["maltid", "turism-och-besoksnaring"],
        "contacts": ["mattias"],
        "links": [],
    },
    {
        "slug": "spelbranschen-i-norrbotten-kartlaggs",
        "title": "Spelbranschen i Norrbotten kartläggs",
        "lead": "Hur många spelföretag finns i länet, och vad behöver de för att växa? En ny kartläggning ska ge svar.",
        "body": "<p>Utkast: kartläggningen görs under våren. Texten kompletteras när upphandlingen är klar.</p>",
        "status": Article.Status.DRAFT,
        "published_at": local(2017, 3, 1),
        "branches": ["spel-och-media"],
        "contacts": ["karin"],
        "links": [],
    },
    {
        "slug": "oppen-atelje-helg-i-kiruna",
        "title": "Öppen ateljé-helg i Kiruna",
        "lead": "Konstnärer och formgivare i Kiruna öppnar sina ateljéer för allmänheten under en helg.",
        "body": "<p>Ett tjugotal konstnärer och formgivare visar sina verkstäder och berättar om sitt arbete. Programmet publiceras här när det är klart.</p>",
        # Scheduled: goes live a month after the demo is first loaded.
        "published_at": None,
        "branches": ["konst", "form-och-design"],
        "contacts": [],
        "links": [],
    },
]


def seed():
    """Create missing contacts and articles; return a one-line summary."""
    contacts = demo_contacts()
    branches = {branch.slug: branch for branch in Branch.objects.all()}
    created = 0
    for data in ARTICLES:
        published_at = data["published_at"] or timezone.now() + timedelta(days=30)
        article, was_created = Article.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "lead": data["lead"],
                "body": data["body"].strip(),
                "footnote": data.get("footnote", ""),
                "status": data.get("status", Article.Status.PUBLISHED),
                "published_at": published_at,
                **demo_image(data.get("picture")),
            },
        )
        if not was_created:
            continue
        created += 1
        slugs = branches if data["branches"] == ALL_BRANCHES else data["branches"]
        article.branches.set([branches[slug] for slug in slugs if slug in branches])
        article.contacts.set([contacts[key] for key in data["contacts"]])
        for position, (title, url) in enumerate(data["links"]):
            article.links.create(title=title, url=url, position=position)
        # Demo articles look as if they were last edited when they went live.
        Article.objects.filter(pk=article.pk).update(updated_at=min(published_at, timezone.now()))
    return f"{created} articles created, {len(ARTICLES) - created} kept"
