"""Demo content of the site itself: the flatpages editors maintain in admin.

The texts are content, not interface strings, so they are Swedish here and
editors change them in admin; ``seed`` only creates pages that are missing
and never overwrites an editor's changes.
"""

from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site

from kkn_portal.models import Contact

# Fictitious demo people, shared by the news and events demo content:
# example.se addresses and phone numbers from PTS's series for fiction.
DEMO_CONTACTS = {
    "karin": {
        "email": "karin.lindqvist@example.se",
        "name": "Karin Lindqvist",
        "role": "Projektledare för KKN",
        "organisation": "Region Norrbotten",
        "phone": "070-174 06 12",
    },
    "sara": {
        "email": "sara.ohman@example.se",
        "name": "Sara Öhman",
        "role": "Konferenssamordnare",
        "organisation": "Region Norrbotten",
        "phone": "0980-31 92 45",
    },
    "mattias": {
        "email": "mattias.nilimaa@example.se",
        "name": "Mattias Nilimaa",
        "role": "Näringslivsutvecklare",
        "organisation": "Länsstyrelsen i Norrbotten",
        "phone": "031-390 06 45",
    },
}


def demo_contacts():
    """The demo contact people by key, created if missing (never overwritten)."""
    return {
        key: Contact.objects.get_or_create(
            email=data["email"], defaults={k: v for k, v in data.items() if k != "email"}
        )[0]
        for key, data in DEMO_CONTACTS.items()
    }


ACCESSIBILITY = """
<p>Region Norrbotten står bakom KKN-portalen. Vi vill att så många som möjligt ska kunna använda webbplatsen. Här beskriver vi hur KKN-portalen uppfyller lagen om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera problem så att vi kan åtgärda dem.</p>

<h2>Hur tillgänglig är webbplatsen?</h2>
<p>KKN-portalen är <strong>delvis förenlig</strong> med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>

<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
<p>Om du behöver innehåll från KKN-portalen som inte är tillgängligt för dig men som omfattas av lagen kan du kontakta webbredaktionen på <a href="mailto:webbredaktionen@example.se">webbredaktionen@example.se</a> eller <a href="tel:+46980123456">0980-12 34 56</a>. Vi svarar inom fem arbetsdagar.</p>

<h2>Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, kan du använda formuläret Kommentera sidan längst ned på varje sida eller skicka e-post till <a href="mailto:webbredaktionen@example.se">webbredaktionen@example.se</a>.</p>

<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">kontakta Digg och påtala det</a>.</p>

<h2>Teknisk information om webbplatsens tillgänglighet</h2>
<p>KKN-portalen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>

<h3>Innehåll som inte är tillgängligt</h3>
<ul>
<li>Den självhostade kontrollen av att du är en människa (ALTCHA) kräver JavaScript. Utan JavaScript går formuläret Kommentera sidan inte att skicka; skicka då dina synpunkter med e-post i stället. Vi utreder ett alternativ som fungerar utan JavaScript.</li>
<li>Äldre bilder i nyhetsarkivet kan sakna beskrivande alternativtext. Vi går igenom arkivet under 2027.</li>
</ul>

<h3>Oskäligt betungande anpassning</h3>
<p>Vi gör inga undantag med hänvisning till oskäligt betungande anpassning.</p>

<h3>Innehåll som inte omfattas av lagstiftningen</h3>
<p>Inspelade filmer och ljud som publicerades före den 23 september 2020 och dokument i kontorsformat som publicerades före den 23 september 2018 omfattas inte av lagen.</p>

<h2>Hur vi testat webbplatsen</h2>
<p>Vi har gjort en självskattning (intern testning) av KKN-portalen. Varje sida testas automatiskt med axe-core mot WCAG 2.1 nivå A och AA vid varje ändring, och vi testar manuellt med tangentbord, skärmläsare och 200 procents förstoring inför varje större version.</p>
<p>Senaste bedömningen gjordes den 2 november 2026.</p>
<p>Webbplatsen publicerades den 27 november 2026.</p>
<p>Redogörelsen uppdaterades senast den 27 november 2026.</p>
"""

ABOUT = """
<p>KKN-portalen är Norrbottens webbplats för satsningen på de kulturella och kreativa näringarna (KKN). Här publicerar Region Norrbottens webbredaktion nyheter och evenemang om arbetet med att få näringarna att växa i hela länet.</p>
<h2>Vem står bakom webbplatsen?</h2>
<p>Webbplatsen drivs av Region Norrbotten. Satsningen görs tillsammans med Länsstyrelsen i Norrbotten och Tillväxtverket.</p>
<h2>Kakor och personuppgifter</h2>
<p>Läs om <a href="/cookies/">vilka kakor vi använder</a> och om <a href="/personuppgifter/">hur vi behandlar personuppgifter</a>.</p>
<h2>Säkerhet</h2>
<p>Har du hittat en säkerhetsbrist på webbplatsen? Skriv till <a href="mailto:security@example.se">security@example.se</a>. Vi bekräftar ditt meddelande inom två arbetsdagar. Läs mer i vår <a href="/.well-known/security.txt">security.txt</a>.</p>
"""

PRIVACY = """
<p>Här beskriver vi hur vi behandlar de uppgifter du lämnar när du använder formuläret Kommentera sidan.</p>
<h2>Personuppgiftsansvarig</h2>
<p>Region Norrbotten är personuppgiftsansvarig. Du når regionens dataskyddsombud på <a href="mailto:dataskyddsombud@example.se">dataskyddsombud@example.se</a>.</p>
<h2>Ändamål och rättslig grund</h2>
<p>Vi tar emot dina synpunkter för att kunna förbättra innehållet på webbplatsen. Den rättsliga grunden är att behandlingen är nödvändig för att utföra en uppgift av allmänt intresse (artikel 6.1 e i dataskyddsförordningen).</p>
<h2>Vad vi sparar</h2>
<p>Vi sparar texten du skriver, vilken sida den gäller och när den kom in. Vi sparar inte din IP-adress eller andra uppgifter om dig eller din dator. Skriv inga personuppgifter i kommentaren.</p>
<h2>Allmän handling</h2>
<p>En kommentar som kommer in till Region Norrbotten blir en allmän handling. Det betyder att vem som helst kan begära att få ta del av den, efter en sekretessprövning.</p>
<h2>Hur länge vi sparar uppgifterna</h2>
<p>Kommentarerna bevaras eller gallras enligt Region Norrbottens dokumenthanteringsplan.</p>
<h2>Anmälan till evenemang</h2>
<p>När du anmäler dig till ett evenemang här på webbplatsen sparar vi namn, e-postadress, organisation, titel eller roll, kommun och det du skriver om specialkost eller andra behov, tillsammans med när du anmälde dig. Vi använder uppgifterna för att genomföra evenemanget: för att planera platser och mat, skicka bekräftelse, påminnelse och besked om väntelistan, och ge arrangörerna en deltagarlista.</p>
<p>Uppgifter om specialkost eller andra behov kan säga något om din hälsa eller tro. Bara de som ordnar evenemanget ser dem, och de raderas automatiskt dagen efter evenemanget. Övriga uppgifter raderas 90 dagar efter evenemanget. Du kan själv avboka med länken i bekräftelsen.</p>
<h2>Dina rättigheter</h2>
<p>Du har rätt att få information om vilka uppgifter vi behandlar om dig, att begära rättelse och att i vissa fall begära begränsning eller invända mot behandlingen. Rätten till radering gäller inte allmänna handlingar som ska bevaras. Du kan klaga hos Integritetsskyddsmyndigheten (IMY) om du anser att vi behandlar dina uppgifter felaktigt.</p>
"""

FLATPAGES = [
    ("/tillganglighet/", "Tillgänglighetsredogörelse", ACCESSIBILITY),
    ("/om-webbplatsen/", "Om webbplatsen", ABOUT),
    ("/personuppgifter/", "Så behandlar vi dina personuppgifter", PRIVACY),
]


def seed():
    """Create the flatpages that are missing; return a one-line summary."""
    site = Site.objects.get_current()
    created = 0
    for url, title, content in FLATPAGES:
        page, was_created = FlatPage.objects.get_or_create(
            url=url, defaults={"title": title, "content": content.strip()}
        )
        page.sites.add(site)
        created += was_created
    return f"{created} flatpages created, {len(FLATPAGES) - created} kept"
