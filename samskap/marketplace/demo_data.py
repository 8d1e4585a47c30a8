"""The demo marketplace's content: ads of every kind in Swedish, Norwegian, Danish and English.

Built from what the seeds say the marketplace is for: "Find new collaborations or partners! New business
ideas — companies seeking competence — collaboration between companies. Advertise completely free!"
(Kompanjoner in Skåne), SED's network meetings growing into trading between social enterprises, and job
centres and social enterprises looking for the right match. Each ad is posted by one of the demo's people,
for an organisation they belong to in the directory's demo (or for themselves), and written in one language.

The journey of issue 6 is in it: a company in Malmö (fictional, added here as the directory lacks one)
posts "Vi söker kompetens inom arbetsintegrering"; Syateljén Rosengård, a work-integrating social
enterprise in Malmö, offers internships and supervision in its profile and shares the ad's themes.

Days are counted from the day the demo loads: `valid_days` ahead (negative: the ad has expired),
`created_days_ago` back. Places and themes are slugs; a slug the hub does not have is skipped.
"""

from typing import NamedTuple

from samskap.actors.demo_data import DemoOrganisation


class DemoAd(NamedTuple):
    kind: str
    language: str
    owner: str  # e-mail address of a demo user
    organisation: str  # slug; "" posts for the owner themself
    title: str
    description: str
    themes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    is_anywhere: bool = False
    valid_days: int = 60
    created_days_ago: int = 1
    status: str = "open"  # open, expired or matched


class DemoMessage(NamedTuple):
    sender: str  # "owner" or "respondent"
    hours_ago: int
    body: str


class DemoConversation(NamedTuple):
    ad: str  # the ad's title
    respondent: str  # e-mail address
    respondent_organisation: str  # slug or ""
    messages: tuple[DemoMessage, ...]
    owner_read_hours_ago: int | None  # when the owner last read it (None: never)
    respondent_read_hours_ago: int | None


class DemoMatch(NamedTuple):
    ad: str  # the ad's title, marked matched
    partner: str  # e-mail address
    partner_organisation: str  # slug or ""
    description: str  # what the partners do together
    hours_ago: int


class DemoSavedSearch(NamedTuple):
    user: str
    name: str
    query: dict


JOURNEY_TITLE = "Vi söker kompetens inom arbetsintegrering"
JOURNEY_COMPANY = "kvarterslyftet-fastighetsservice"
JOURNEY_ENTERPRISE = "syateljen-rosengard"

# Organisations the directory's demo does not have.
ORGANISATIONS: list[DemoOrganisation] = [
    DemoOrganisation(
        slug=JOURNEY_COMPANY, name="Kvarterslyftet Fastighetsservice AB", kind="company", sector="private",
        country="SE", legal_form="se-aktiebolag", head_office="se-malmo", areas_served=("se-malmo",),
        themes=("work-integration", "housing", "business-and-value-creation"), description_language="sv",
        founded_year=2011, fictional=True,
        description=(
            "Ett fastighetsserviceföretag i Malmö som sköter trapphus, gårdar och grönytor åt "
            "bostadsrättsföreningar och hyresvärdar. Företaget vill ta ett större socialt ansvar och anställa "
            "fler som står långt från arbetsmarknaden."),
        offers="Fastighetsskötsel och trädgårdsarbete, och anställningar för personer på väg in i arbetslivet.",
        seeks="Kunskap om arbetsintegrering och handledning, och ett arbetsintegrerande socialt företag att "
              "samarbeta med om praktikplatser.",
    ),
]

# (user e-mail, organisation slug, role): memberships the ads need that the directory's demo lacks.
MEMBERSHIPS = [
    ("admin@samskap.test", JOURNEY_COMPANY, "contact"),
]

# The themes of what an organisation offers / seeks, set when it has none yet (for the suggested matches).
OFFER_THEMES = {JOURNEY_ENTERPRISE: ("work-integration",)}
SEEK_THEMES = {JOURNEY_COMPANY: ("work-integration",)}

MATCHED_TITLE = "Samarbeidspartner til en dag om sosialt entreprenørskap og fremtidens velferd"
VOLUNTEERS_TITLE = "Frivilliga som kan laga elektronik sökes till reparationskaféet"

ADS: list[DemoAd] = [
    # --- Swedish ----------------------------------------------------------------------------------------
    DemoAd(
        kind="seeking_competence", language="sv", owner="admin@samskap.test", organisation=JOURNEY_COMPANY,
        title=JOURNEY_TITLE,
        description=(
            "Kvarterslyftet sköter trapphus, gårdar och grönytor åt bostadsrättsföreningar och hyresvärdar i "
            "Malmö. Nu vill vi anställa fler som står långt från arbetsmarknaden, men vi saknar erfarenhet av "
            "handledning och arbetsträning.\n\n"
            "Vi söker ett arbetsintegrerande socialt företag i Malmö som vill dela med sig av sin kunskap: hur "
            "man tar emot praktikanter, hur handledningen går till och hur samarbetet med Arbetsförmedlingen och "
            "Malmö stad fungerar. Gärna ett långsiktigt samarbete där vi erbjuder praktikplatser tillsammans. "
            "Vi betalar för er tid."),
        themes=("work-integration", "youth-unemployment", "sdg-8-decent-work-and-economic-growth"),
        places=("se-malmo",), valid_days=35, created_days_ago=3,
    ),
    DemoAd(
        kind="volunteers", language="sv", owner="member@samskap.test", organisation="reparera-och-motas-rosengard",
        title=VOLUNTEERS_TITLE,
        description=(
            "Varje torsdagskväll lagar grannar i Rosengård cyklar, kläder och elektronik tillsammans över en kopp "
            "kaffe. Många kommer med trasiga radioapparater, lampor och mobilladdare – men ingen av oss kan laga "
            "elektronik.\n\n"
            "Kan du löda och felsöka, eller har du tålamod att lära dig? Kom en torsdag i månaden, eller oftare om "
            "du vill. Du behöver inte tala perfekt svenska: hos oss hörs arabiska, finska, somaliska och mycket "
            "mer. Vi bjuder på fika och har verktygen."),
        themes=("loneliness", "environment-and-health", "sdg-12-responsible-consumption-and-production"),
        places=("se-malmo-rosengard",), valid_days=21, created_days_ago=9,
    ),
    DemoAd(
        kind="buy_social", language="sv", owner="amina.hassan@samskap.test", organisation=JOURNEY_ENTERPRISE,
        title="Köp hållbara textilier sydda i Rosengård",
        description=(
            "Syateljén är ett arbetsintegrerande socialt företag där kvinnor som stått långt från "
            "arbetsmarknaden får ett första jobb. Vi syr tygkassar, förkläden och profilprodukter på beställning "
            "och lagar arbetskläder åt företag.\n\n"
            "Beställ till er personal, er konferens eller er butik – varje order blir arbetstimmar och "
            "handledning för någon som är på väg in i arbetslivet. Vi tar emot både små och stora beställningar "
            "och levererar i hela Malmö."),
        themes=("work-integration", "sdg-5-gender-equality", "sdg-12-responsible-consumption-and-production"),
        places=("se-malmo",), valid_days=50, created_days_ago=12,
    ),
    DemoAd(
        kind="offering_competence", language="sv", owner="sara.nilsson@samskap.test", organisation="coompanion-skane",
        title="Kostnadsfri rådgivning: starta ett arbetsintegrerande socialt företag",
        description=(
            "Funderar ni på att starta ett kooperativ eller ett arbetsintegrerande socialt företag (ASF)? "
            "Coompanion Skåne ger kostnadsfri rådgivning om affärsplan, företagsform, finansiering och samarbete "
            "med kommunen.\n\n"
            "Vi ses på vårt kontor i Malmö, hos er eller digitalt. Rådgivningen är öppen för alla i Skåne – "
            "eldsjälar, föreningar och företag som vill ta ett socialt ansvar."),
        themes=("work-integration", "business-and-value-creation", "sdg-8-decent-work-and-economic-growth"),
        places=("se-skane",), valid_days=42, created_days_ago=20,
    ),
    DemoAd(
        kind="business_idea", language="sv", owner="leila.karimi@samskap.test", organisation="",
        title="Läxhjälp på persiska och svenska – jag söker kompanjoner",
        description=(
            "Jag vill starta läxhjälp för barn och unga i Göteborg som har persiska som modersmål, så att de kan "
            "förstå skolarbetet på båda språken. Idén har prövats med tio familjer i mitt kvarter, och "
            "efterfrågan är stor.\n\n"
            "Nu söker jag kompanjoner: någon med erfarenhet av skola eller pedagogik, och någon som kan ekonomi "
            "och bidragsansökningar. Tillsammans kan vi bygga ett socialt företag eller en förening."),
        themes=("sdg-4-quality-education", "integration"), places=("se-goteborg",), valid_days=28,
        created_days_ago=6,
    ),
    DemoAd(
        kind="seeking_competence", language="sv", owner="johan.berg@samskap.test", organisation="kreaprenor-natverket",
        title="Experter inom miljö och hälsa sökes till Kreaprenör-nätverket",
        description=(
            "Kreaprenör-modellen hjälper oss att hitta nya, framtida affärsmöjligheter utifrån fyra "
            "fokusområden. För att utveckla modellen vill vi engagera experter och inflytelserika personer inom "
            "varje område – först miljö och hälsa.\n\n"
            "Vi söker dig som arbetar med till exempel stadsodling, återbruk eller holistisk hälsa och vill vara "
            "med på två World Café-träffar i Stockholm och dela med dig av din kunskap. Vi söker också partner i "
            "konsultvärlden som vill använda modellen i sina uppdrag."),
        themes=("environment-and-health", "business-and-value-creation"), places=("se-stockholm",),
        valid_days=14, created_days_ago=16,
    ),
    DemoAd(
        kind="collaboration", language="sv", owner="erik.lindgren@samskap.test", organisation="lunds-kommun",
        title="Idéburet offentligt partnerskap mot ensamhet bland äldre i Lund",
        description=(
            "Lunds kommun vill tillsammans med idéburna organisationer utveckla mötesplatser för äldre som känner "
            "sig ensamma. Vi tror på ett idéburet offentligt partnerskap (IOP) där föreningar och sociala företag "
            "är med från början och formar verksamheten.\n\n"
            "Vi söker organisationer med erfarenhet av träffpunkter, besöksverksamhet eller möten mellan "
            "generationer. Vi börjar med ett gemensamt dialogmöte i Lund och tar fram en överenskommelse "
            "tillsammans."),
        themes=("loneliness", "ageing"), places=("se-lund",), valid_days=10, created_days_ago=25,
    ),
    DemoAd(
        kind="offering_competence", language="sv", owner="facilitator@samskap.test",
        organisation="social-innovation-skane",
        title="Kunskapsturné: etableringsanalyser för ASF i Skånes kommuner",
        description=(
            "Social Innovation Skåne besöker Skånes 33 kommuner för att stödja arbetet med att etablera fler "
            "arbetsintegrerande sociala företag. Vi gör etableringsanalyser som visar vilka förutsättningar som "
            "finns lokalt, och hjälper kommunernas egna nätverk att ge råd och stöd.\n\n"
            "Vill er kommun vara med i nästa omgång? Hör av er, så bokar vi en första träff."),
        themes=("work-integration", "youth-unemployment", "exclusion"), places=("se-skane",),
        valid_days=-6, created_days_ago=70, status="expired",
    ),
    # --- Norwegian (bokmål) -------------------------------------------------------------------------------
    DemoAd(
        kind="offering_competence", language="nb", owner="ingrid.solberg@samskap.test", organisation="norge-unlimited",
        title="Vil kommunen deres prøve Unlimited-metodikken?",
        description=(
            "Norge Unlimited støtter kommuner og bydeler som vil etablere en nabolagsinkubator. Der kommer "
            "innbyggerne med sine egne ideer for nabolaget, får støtte til å teste dem i praksis og blir en del av "
            "nettverket av unlimitere.\n\n"
            "Vi tilbyr kompetanse og verktøy for oppstarten, opplæring av prosessledere og erfaringer fra "
            "nabolagsinkubatorene i Oslo. Ta kontakt hvis dere vil høre hvordan innbyggerinvolveringen kan bli "
            "mer aktiv og direkte hos dere."),
        themes=("inclusion", "sdg-11-sustainable-cities-and-communities", "communication-and-learning"),
        places=("no",), valid_days=45, created_days_ago=11,
    ),
    DemoAd(
        kind="collaboration", language="nb", owner="mentor@samskap.test", organisation="norge-unlimited",
        title=MATCHED_TITLE,
        description=(
            "Vi planlegger en fagdag i Stavanger om hvordan sosiale entreprenører bygger gode nabolag og en "
            "sosial økonomi, med innledere fra OECD og fra nabolagsinkubatorene.\n\n"
            "Vi søker en kommune som vil være medarrangør: stille med lokaler, invitere sine egne ansatte og dele "
            "erfaringer med innbyggerinvolvering. Vi står for programmet og innlederne."),
        themes=("inclusion", "business-and-value-creation", "values-and-rules"), places=("no-stavanger",),
        valid_days=30, created_days_ago=30, status="matched",
    ),
    DemoAd(
        kind="volunteers", language="nb", owner="ahmed.yusuf@samskap.test", organisation="toyen-nabolagsinkubator",
        title="Frivillige mentorer med erfaring fra økonomi og jus",
        description=(
            "På Tøyen nabolagsinkubator tester ildsjeler ideene sine for nabolaget: et fotballag for jenter, "
            "leksehjelp på somali og en kafé som skal bli en sosial virksomhet. Mange står fast på de samme "
            "spørsmålene: budsjett, regnskap, avtaler og valg av selskapsform.\n\n"
            "Vi søker frivillige mentorer som kan gi et par timer i måneden. Du møter gründeren på inkubatoren "
            "eller på nett, og vi holder en felles samling for alle mentorene hvert halvår."),
        themes=("inclusion", "youth-unemployment", "business-and-value-creation"), places=("no-oslo-toyen",),
        valid_days=30, created_days_ago=8,
    ),
    DemoAd(
        kind="buy_social", language="nb", owner="eirik.dahl@samskap.test", organisation="bergen-bydelskjokken",
        title="Lunsj og catering fra Bergen Bydelskjøkken",
        description=(
            "Bergen Bydelskjøkken er et samvirke der folk på vei inn i arbeidslivet lager mat sammen med kokker. "
            "Vi leverer lunsj, møtemat og catering til bedrifter og organisasjoner i Bergen.\n\n"
            "Vil dere bestille lunsj fast én eller flere dager i uka? Da gir dere oss forutsigbarhet, og flere "
            "får en arbeidstreningsplass på kjøkkenet. Vi lager maten av lokale råvarer og tilpasser menyen "
            "etter allergier og ønsker."),
        themes=("work-integration", "sdg-2-zero-hunger"), places=("no-bergen",), valid_days=56,
        created_days_ago=5,
    ),
    DemoAd(
        kind="business_idea", language="nb", owner="nora.lie@samskap.test", organisation="",
        title="Møteplass for eldre og unge i Tromsø – søker medgründer",
        description=(
            "Jeg er student i Tromsø og vil starte en møteplass der eldre og unge treffes over mat, spill og hjelp "
            "med mobil og data. Mange eldre i byen er ensomme, og mange studenter savner et fellesskap utenfor "
            "campus.\n\n"
            "Jeg søker en medgründer med erfaring fra drift og økonomi, og samarbeidspartnere som kan låne ut "
            "lokaler én kveld i uka. Både samisk og norsk er velkomne språk."),
        themes=("loneliness", "ageing"), places=("no-tromso",), valid_days=24, created_days_ago=2,
    ),
    DemoAd(
        kind="seeking_competence", language="nb", owner="kari.moen@samskap.test", organisation="stavanger-kommune",
        title="Vi søker kompetanse på samskaping med innbyggerne",
        description=(
            "Stavanger kommune vil bruke sosialt entreprenørskap som verktøy for nærmiljøutvikling i to bydeler. "
            "Vi trenger hjelp fra noen som har ledet medvirkningsprosesser før, med metoder som World Café, "
            "Open Space eller problemtreet.\n\n"
            "Oppdraget er å planlegge og lede tre innbyggermøter i løpet av våren og å lære opp våre egne "
            "medarbeidere underveis. Vi ønsker tilbud fra sosiale entreprenører, samvirker og konsulenter."),
        themes=("values-and-rules", "sdg-11-sustainable-cities-and-communities", "inclusion"),
        places=("no-stavanger",), valid_days=17, created_days_ago=13,
    ),
    # --- Danish -------------------------------------------------------------------------------------------
    DemoAd(
        kind="collaboration", language="da", owner="signe.madsen@samskap.test", organisation="jobcenter-kobenhavn",
        title="Socialøkonomiske virksomheder med plads til praktikanter søges",
        description=(
            "Jobcenter København søger socialøkonomiske virksomheder, der vil tage imod borgere i praktik og på "
            "sigt ansætte dem i fleksjob eller løntilskud. Vi ved fra CABI's erfaringer, at samarbejdet lykkes "
            "med én fast kontakt, det rigtige match og klare forventninger.\n\n"
            "Derfor får I en fast virksomhedskonsulent, regelmæssig opfølgning og en plan for, hvad der skal ske "
            "efter praktikken. Vi hører gerne fra virksomheder inden for café, værksted, genbrug og service."),
        themes=("work-integration", "youth-unemployment"), places=("dk-kobenhavn",), valid_days=40,
        created_days_ago=10,
    ),
    DemoAd(
        kind="buy_social", language="da", owner="freja.holm@samskap.test", organisation="norrebro-genbrugsvaerksted",
        title="Istandsatte møbler til kontor og mødelokale",
        description=(
            "Nørrebro Genbrugsværksted istandsætter brugte borde, stole og reoler med medarbejdere i fleksjob og "
            "praktik. Møblerne er solide, smukke og billigere end nye – og hvert køb giver arbejde til nogen, der "
            "har svært ved at finde det andre steder.\n\n"
            "Vi leverer i hele København og kan indrette et kontor eller et mødelokale efter jeres mål. Har I "
            "selv brugte møbler, tager vi også gerne imod dem."),
        themes=("work-integration", "sdg-12-responsible-consumption-and-production"),
        places=("dk-kobenhavn-norrebro",), valid_days=60, created_days_ago=4,
    ),
    DemoAd(
        kind="premises", language="da", owner="jakob.nielsen@samskap.test", organisation="gellerup-nabolagsinkubator",
        title="Gratis lokaler og sparring til ildsjæle i Gellerup",
        description=(
            "Gellerup Nabolagsinkubator har ledige arbejdspladser, et mødelokale og et lille køkken, som ildsjæle "
            "kan bruge gratis, mens de afprøver deres idéer for området.\n\n"
            "Du får også sparring fra os og fra de andre ildsjæle i huset. Vi leder især efter idéer, der skaber "
            "job for unge eller bringer naboerne sammen. Skriv kort om din idé, så tager vi en snak."),
        themes=("integration", "youth-unemployment", "business-and-value-creation"),
        places=("dk-aarhus-gellerup",), valid_days=33, created_days_ago=15,
    ),
    DemoAd(
        kind="collaboration", language="da", owner="mette.kristensen@samskap.test",
        organisation="sociale-entreprenorer-i-danmark",
        title="Fra netværksmøde til handelssamarbejde mellem socialøkonomiske virksomheder",
        description=(
            "På SED's netværksmøder i Region Midt har vi talt om, at vi kunne gøre mere sammen. Nu tager vi "
            "næste skridt: socialøkonomiske virksomheder, der køber og sælger hos hinanden – catering fra én, "
            "tryksager fra en anden og rengøring fra en tredje.\n\n"
            "Vi søger 8–10 virksomheder, der vil være med i en første handelsring i og omkring Aarhus. Vi står "
            "for møderne og en fælles oversigt over, hvad I hver især kan levere."),
        themes=("business-and-value-creation", "sdg-8-decent-work-and-economic-growth", "inclusion"),
        places=("dk-midtjylland",), valid_days=26, created_days_ago=7,
    ),
    DemoAd(
        kind="offering_competence", language="da", owner="rasmus.thomsen@samskap.test",
        organisation="via-university-college",
        title="Studerende og forskere hjælper med at måle jeres sociale effekt",
        description=(
            "VIA University College forsker i socialøkonomiske virksomheder og har studerende, der skal i "
            "praktik. Vi tilbyder at hjælpe jeres virksomhed med at dokumentere den sociale effekt: Hvad betyder "
            "jeres arbejde for medarbejderne, borgerne og kommunen?\n\n"
            "Samarbejdet er gratis og løber over et semester. I får en rapport, som I kan bruge over for "
            "kommuner og fonde, og vi får viden, der gavner hele feltet."),
        themes=("communication-and-learning", "work-integration", "sdg-4-quality-education"),
        places=("dk-aarhus", "dk-midtjylland"), valid_days=48, created_days_ago=18,
    ),
    DemoAd(
        kind="business_idea", language="da", owner="mette.kristensen@samskap.test",
        organisation="sociale-entreprenorer-i-danmark",
        title="Future Battles: partnere til en ny udgave af debatspillet",
        description=(
            "Debatspillet Future Battles, som SED har skabt sammen med Cultura21 Nordic og Foreningen for Social "
            "Innovation, får elever og medarbejdere til at diskutere fremtidens samfund. Nu vil vi lave en ny "
            "udgave om social innovation i kommunerne.\n\n"
            "Vi søger partnere, der vil være med til at udvikle, afprøve og udbrede spillet – gerne en skole, en "
            "kommune og en grafiker."),
        themes=("communication-and-learning", "values-and-rules"), places=("dk",), valid_days=-12,
        created_days_ago=80, status="expired",
    ),
    # --- English ------------------------------------------------------------------------------------------
    DemoAd(
        kind="collaboration", language="en", owner="laura.virtanen@samskap.test", organisation="",
        title="Nordic study of social enterprise support: organisations to interview",
        description=(
            "I am a researcher in Helsinki comparing how social entrepreneurs are supported in Sweden, Norway, "
            "Denmark, Finland and Iceland: advice, funding, neighbourhood incubators and partnerships with "
            "municipalities.\n\n"
            "I am looking for support organisations and social enterprises willing to take part in a one-hour "
            "online interview in English, Swedish or Finnish. Everyone who takes part gets the report, and I will "
            "present the findings at a Nordic network meeting."),
        themes=("sdg-17-partnerships-for-the-goals", "business-and-value-creation"), is_anywhere=True,
        valid_days=38, created_days_ago=14,
    ),
    DemoAd(
        kind="premises", language="en", owner="gudrun.jonsdottir@samskap.test", organisation="",
        title="Community kitchen in Reykjavík free on weekday mornings",
        description=(
            "Our community kitchen in Reykjavík serves dinner to neighbours who would otherwise eat alone. On "
            "weekday mornings the kitchen stands empty: a professional stove, cold storage and seats for forty.\n\n"
            "We would like to share it with a social enterprise or an association that cooks, bakes or trains "
            "people – and we are looking for Nordic partner kitchens to exchange recipes and volunteers with."),
        themes=("loneliness", "sdg-2-zero-hunger"), places=("is-reykjavik",), valid_days=52, created_days_ago=21,
    ),
    DemoAd(
        kind="offering_competence", language="en", owner="facilitator@samskap.test",
        organisation="social-innovation-skane",
        title="World Café for your network meeting, online or in the room",
        description=(
            "Are you holding a network meeting and want everyone to contribute, not only the usual voices? I "
            "facilitate World Café and Open Space sessions, online or in the room, for networks of social "
            "enterprises, municipalities and associations.\n\n"
            "Together we choose the theme and a few questions that matter, and afterwards you get a short summary "
            "of the shared insights. Sessions can be held in English, Swedish or Arabic."),
        themes=("communication-and-learning", "inclusion"), is_anywhere=True, valid_days=31, created_days_ago=1,
    ),
    DemoAd(
        kind="seeking_competence", language="en", owner="mentor@samskap.test", organisation="",
        title="Co-mentor with legal know-how wanted for new social entrepreneurs",
        description=(
            "I mentor social entrepreneurs in Oslo and Stavanger on business models and finances. The questions "
            "I cannot answer well are legal ones: choosing between an association, a cooperative and a non-profit "
            "limited company, contracts with municipalities, and how to employ people in work training.\n\n"
            "I am looking for someone with legal know-how who would co-mentor two or three entrepreneurs with me "
            "online, an hour a month each."),
        themes=("business-and-value-creation",), is_anywhere=True, valid_days=44, created_days_ago=10,
    ),
]

CONVERSATIONS: list[DemoConversation] = [
    DemoConversation(
        ad=MATCHED_TITLE, respondent="kari.moen@samskap.test", respondent_organisation="stavanger-kommune",
        messages=(
            DemoMessage("respondent", 26 * 24, (
                "Hei! Stavanger kommune vil gjerne være medarrangør. Vi bruker allerede sosialt entreprenørskap i "
                "nærmiljøutviklingen, kan stille med et lokale i sentrum og invitere ansatte fra bydelene. Passer "
                "det med en samtale neste uke?")),
            DemoMessage("owner", 25 * 24, (
                "Så fint! Det passer godt. Jeg sender et utkast til program, så ser vi på datoen sammen. Tirsdag "
                "klokka ti?")),
            DemoMessage("respondent", 24 * 24, (
                "Tirsdag klokka ti passer. Jeg tar med to kolleger fra nærmiljøarbeidet.")),
            DemoMessage("owner", 5 * 24, (
                "Takk for et godt møte! Da er vi enige: Dagen holdes i Stavanger, og vi lager programmet sammen. "
                "Jeg markerer annonsen som matchet.")),
        ),
        owner_read_hours_ago=4 * 24, respondent_read_hours_ago=4 * 24,
    ),
    DemoConversation(
        ad=VOLUNTEERS_TITLE, respondent="facilitator@samskap.test", respondent_organisation="",
        messages=(
            DemoMessage("respondent", 3 * 24, (
                "Hej Mikael! Själv kan jag inte laga elektronik, men i Social Innovation Skånes nätverk finns en "
                "pensionerad elektriker i Malmö som gärna vill engagera sig i Rosengård. Vill du att jag kopplar "
                "ihop er?")),
            DemoMessage("owner", 2 * 24, (
                "Ja, gärna! Torsdagar från klockan 17 passar oss bäst. Hon får gärna komma förbi och titta först.")),
            DemoMessage("respondent", 5, (
                "Toppen, jag har skickat era kontaktuppgifter till henne. Hon kommer förbi nästa torsdag!")),
        ),
        owner_read_hours_ago=2 * 24, respondent_read_hours_ago=5,  # the owner has one unread message
    ),
]

MATCHES: list[DemoMatch] = [
    DemoMatch(ad=MATCHED_TITLE, partner="kari.moen@samskap.test", partner_organisation="stavanger-kommune",
              description="Fagdag om sosialt entreprenørskap og fremtidens velferd i Stavanger", hours_ago=4 * 24),
]

SAVED_SEARCHES: list[DemoSavedSearch] = [
    DemoSavedSearch(user="facilitator@samskap.test", name="Arbetsintegrering i Skåne",
                    query={"theme": "work-integration", "place": "se-skane"}),
]
