"""The texts and programmes of the demo events (Swedish content, fictitious people).

Each programme row is ``(day offset, start, end, title, speakers, description)``.
"""

KKN_ARTICLE = "satsning-pa-kulturella-och-kreativa-naringar"

CONFERENCE_PROGRAMME = [
    (
        0,
        "09:00",
        "09:20",
        "Välkommen till Piteå och Acusticum",
        "Linnea Strand, regionråd, Region Norrbotten; moderator Anna Berglund",
        "",
    ),
    (
        0,
        "09:20",
        "10:05",
        "Digitaliseringen ritar om kartan för kreativa företag",
        "Johan Ekberg, forskare i digital ekonomi",
        "Vad händer när publiken, kunderna och konkurrenterna finns ett klick bort? Om nya affärsmodeller och vad de betyder för företag långt från storstäderna.",
    ),
    (0, "10:05", "10:30", "Kaffe och mingel", "", ""),
    (
        0,
        "10:30",
        "11:15",
        "Musik i strömningens tid",
        "Maria Lantto, skivbolaget Norrljud; Erik Vikström, musiker; Sofia Haapala, musikhögskolan",
        "Samtal om hur artister och bolag i norr tjänar pengar när lyssnandet har flyttat till nätet.",
    ),
    (
        0,
        "11:15",
        "12:00",
        "Hur gick det för de 900 företagen?",
        "Per Nordmark, analytiker",
        "Resultat från uppföljningen av kartläggningen av KKN-företag i Luleå och Piteå, nu med hela länet.",
    ),
    (0, "12:00", "13:00", "Lunch", "", ""),
    (
        0,
        "13:00",
        "14:30",
        "Parallella seminarier",
        "",
        "A. Spel i norr: från studentprojekt till export.\nB. Film och rörlig bild när teamet sitter på olika orter.\nC. E-handel för konsthantverkare och formgivare.",
    ),
    (0, "14:30", "15:00", "Kaffe", "", ""),
    (
        0,
        "15:00",
        "16:00",
        "Det offentliga som möjliggörare",
        "Panel med Tillväxtverket, Länsstyrelsen i Norrbotten och två kommuner",
        "Hur gör vi det enklare att starta och driva ett kreativt företag, och vilket stöd behövs när allt blir digitalt?",
    ),
    (0, "16:00", "16:30", "Sammanfattning av dagen", "Anna Berglund, moderator", ""),
    (0, "19:00", "22:00", "Konferensmiddag med musik", "Studenter från musikhögskolan i Piteå", ""),
    (1, "08:30", "09:00", "Kaffe", "", ""),
    (
        1,
        "09:00",
        "09:45",
        "Upplevelser i nya format: VR och AR i besöksnäringen",
        "Ida Pohjanen, upplevelseproducent",
        "",
    ),
    (
        1,
        "09:45",
        "10:30",
        "Upphovsrätt och avtal på nätet",
        "Henrik Sandberg, jurist",
        "Vad behöver ett kreativt företag veta om rättigheter när verken sprids digitalt?",
    ),
    (1, "10:30", "11:00", "Paus", "", ""),
    (
        1,
        "11:00",
        "12:00",
        "Workshop: digitaliseringens möjligheter i Norrbotten",
        "Karin Lindqvist, Region Norrbotten",
        "I grupper tar vi fram förslag som blir underlag för den regionala handlingsplanen.",
    ),
    (1, "12:00", "13:00", "Lunch", "", ""),
    (
        1,
        "13:00",
        "14:00",
        "Från strategi till handling",
        "Mattias Nilimaa, Länsstyrelsen i Norrbotten",
        "Hur den nya regionala strategin och handlingsplanen för KKN ska genomföras de kommande åren.",
    ),
    (
        1,
        "14:00",
        "14:30",
        "Avslutning och överlämning till nästa värdregion",
        "Linnea Strand, regionråd",
        "",
    ),
]

EVENTS = [
    {
        "slug": "dialogdag-om-kkn-strategin-2016",
        "title": "Dialogdag om Norrbottens strategi för kulturella och kreativa näringar",
        "kind": "dialogdag",
        "picture": "dialog",
        "date": "2016-10-26",
        "days": 1,
        "start": "09:00",
        "end": "16:00",
        "venue": "kulturens-hus",
        "lead": "En ny regional strategi och handlingsplan för de kulturella och kreativa näringarna tas fram under hösten. Kom och ge dina inspel – dagen är öppen för alla intresserade.",
        "description": """
<p>Under hösten 2016 tar Länsstyrelsen i Norrbotten, Landstinget (i dag Region Norrbotten) och Tillväxtverket fram en ny regional strategi med handlingsplan för de kulturella och kreativa näringarna (KKN). Dialogdagen är ditt tillfälle att påverka vad den ska innehålla.</p>
<h2>Uppföljning av kartläggningen av 900 företag</h2>
<p>Under dagen presenteras en uppföljning av rapporten <em>En ny näring växer fram</em>, som 2012 kartlade 900 företag inom näringarna i Luleå och Piteå. Den nya studien visar vad som har hänt med företagen sedan dess och ger en bild av KKN i hela länet.</p>
<p>Dagen är kostnadsfri och lunch ingår. Berätta gärna i anmälan om du behöver tolk eller specialkost.</p>
""",
        "audience": "Alla som är intresserade av de kulturella och kreativa näringarna i Norrbotten",
        "theme": "Ny regional strategi och handlingsplan för KKN",
        "registration_email": "karin.lindqvist@example.se",
        "deadline": 9,
        "organisers": ["lansstyrelsen", "region", "tillvaxtverket"],
        "contacts": ["karin", "mattias"],
        "branches": ["musik", "scenkonst", "konst", "litteratur", "form-och-design"],
        "articles": [KKN_ARTICLE, "dialogdag-om-kkn-strategin-26-oktober"],
        "programme": [
            (0, "09:00", "09:30", "Kaffe och registrering", "", ""),
            (
                0,
                "09:30",
                "10:30",
                "En ny näring växer fram – hur har det gått?",
                "Per Nordmark, analytiker",
                "Resultat från uppföljningen av kartläggningen av 900 företag i Luleå och Piteå.",
            ),
            (
                0,
                "10:45",
                "12:00",
                "Vart är vi på väg? Utgångspunkter för strategin",
                "Karin Lindqvist, Region Norrbotten",
                "",
            ),
            (0, "12:00", "13:00", "Lunch", "", ""),
            (0, "13:00", "15:00", "Samtal i grupper om vad strategin ska prioritera", "", ""),
            (
                0,
                "15:15",
                "16:00",
                "Sammanfattning och fortsatt arbete",
                "Mattias Nilimaa, Länsstyrelsen i Norrbotten",
                "",
            ),
        ],
    },
    {
        "slug": "nationell-kkn-konferens-2017",
        "title": "Nationell KKN-konferens 2017: Digitaliseringens möjligheter",
        "kind": "konferens",
        "picture": "scen",
        "date": "2017-05-31",
        "days": 2,
        "start": "09:00",
        "end": "14:30",
        "venue": "acusticum",
        "lead": "Norrbotten är värd för årets nationella konferens om kulturella och kreativa näringar. Två dagar på Acusticum i Piteå om vad digitaliseringen betyder för företagen.",
        "description": """
<p>Konferensen arrangeras varje år i en ny del av landet. 2017 är Norrbotten värd, och temat är <strong>digitaliseringens möjligheter</strong>: nya affärsmodeller, nya sätt att nå publik och kunder, och vad det offentliga kan göra för att underlätta.</p>
<p>Konferensen vänder sig till företagare, företagsrådgivare, forskare och tjänstepersoner som arbetar med de kulturella och kreativa näringarna.</p>
<ul>
<li>Föreläsningar och samtal om musik, spel, film och upplevelser</li>
<li>Parallella seminarier på eftermiddagen den första dagen</li>
<li>Konferensmiddag med musik på kvällen den 31 maj</li>
</ul>
""",
        "audience": "Företagare, rådgivare, forskare och tjänstepersoner inom KKN",
        "theme": "Digitaliseringens möjligheter",
        "registration_url": "https://example.se/anmalan/kkn-konferens-2017",
        "deadline": 19,
        "organisers": ["region", "lansstyrelsen", "tillvaxtverket"],
        "contacts": ["sara", "karin"],
        "branches": ["spel-och-media", "musik", "film-och-foto", "turism-och-besoksnaring"],
        "articles": [KKN_ARTICLE, "digitaliseringen-i-fokus-pa-acusticum"],
        "programme": CONFERENCE_PROGRAMME,
    },
    {
        "slug": "chefsutbildning-kkn-2017",
        "title": "Utbildning för chefer: kulturella och kreativa näringar i kommunerna",
        "kind": "utbildning",
        "date": "2017-03-22",
        "days": 2,
        "start": "10:00",
        "end": "15:00",
        "venue": "kulturens-hus",
        "lead": "En utbildning i samarbete med Umeå universitet för chefer på kommunernas näringslivs- och kulturförvaltningar.",
        "description": """
<p>Utbildningen ska öka kunskapen om de kulturella och kreativa näringarna och stimulera samarbete över politikområdes- och förvaltningsgränser. Det ger bättre förutsättningar för tillväxt i hela länet.</p>
<p>Utbildningen leds av lärare från Umeå universitet och består av tre träffar under 2017. Den första träffen hålls i Luleå; tid och plats för de följande meddelas deltagarna.</p>
""",
        "audience": "Chefer och strateger på kommunernas näringslivs- och kulturförvaltningar",
        "theme": "Samverkan för tillväxt i de kreativa näringarna",
        "registration_email": "mattias.nilimaa@example.se",
        "deadline": 21,
        "organisers": ["umu", "region", "lansstyrelsen"],
        "contacts": ["mattias"],
        "branches": ["upplevelsebaserat-larande", "turism-och-besoksnaring"],
        "articles": ["chefsutbildning-om-kreativa-naringar"],
        "programme": [
            (
                0,
                "10:00",
                "12:00",
                "Vad är de kulturella och kreativa näringarna?",
                "Lärare från Umeå universitet",
                "",
            ),
            (0, "13:00", "16:00", "Näringarnas villkor: fallstudier från länet", "", ""),
            (1, "09:00", "12:00", "Samverkan över förvaltningsgränser", "", ""),
            (1, "13:00", "15:00", "Egen handlingsplan för kommunen", "", ""),
        ],
    },
]

# Dated relative to the day the demo is loaded, so some events always lie ahead.
RELATIVE_EVENTS = [
    {
        "slug": "frukostseminarium-finansiering-for-kreativa-foretag",
        "title": "Frukostseminarium: finansiering för kreativa företag",
        "kind": "seminarium",
        "days_ahead": 45,
        "days": 1,
        "start": "07:30",
        "end": "09:30",
        "venue": "kulturens-hus",
        "lead": "Vilka stöd och lån finns för företag inom kultur och kreativa näringar? Rådgivare från länsstyrelsen och Tillväxtverket svarar på frågor över frukost.",
        "description": "<p>Ta med dina frågor om finansiering, från första investeringen till export. Frukost serveras från 07.30.</p>",
        "audience": "Företagare och blivande företagare inom KKN",
        "registration_email": "mattias.nilimaa@example.se",
        "deadline": 5,
        "organisers": ["lansstyrelsen", "tillvaxtverket"],
        "contacts": ["mattias"],
        "branches": ["konst", "mode", "form-och-design"],
        "programme": [
            (0, "07:30", "08:00", "Frukost", "", ""),
            (
                0,
                "08:00",
                "09:00",
                "Så finansierar du ditt kreativa företag",
                "Rådgivare från Länsstyrelsen i Norrbotten och Tillväxtverket",
                "",
            ),
            (0, "09:00", "09:30", "Frågor och samtal", "", ""),
        ],
    },
    {
        "slug": "workshop-spelutveckling-i-norrbotten",
        "title": "Workshop: spelutveckling i Norrbotten",
        "kind": "workshop",
        "picture": "spel",
        "days_ahead": 75,
        "days": 1,
        "start": "13:00",
        "end": "16:30",
        "venue": "acusticum",
        "lead": "En eftermiddag för spelutvecklare och studenter om att starta och finansiera spelprojekt i länet.",
        "description": "<p>Korta presentationer från spelstudior i länet följs av samtal i grupper om finansiering, rekrytering och export.</p>",
        "audience": "Spelutvecklare och studenter",
        "registration_url": "https://example.se/anmalan/spelworkshop",
        "status": "installd",
        "status_message": "Workshopen är inställd på grund av för få anmälningar. Vi återkommer med ett nytt datum.",
        "organisers": ["region"],
        "contacts": ["karin"],
        "branches": ["spel-och-media"],
    },
]
