"""The demo ecosystem's content: organisations, people and local groups in Sweden, Norway and Denmark.

Built from the actors the five seed pages name (the Kreaprenör network, Norge Unlimited, Social
Innovation Skåne, the SED event in Region Midt, Innovatarium), each described in its own language
with what the seeds say about it, plus a few fictional neighbourhood initiatives so every demo
place has life in it.

Organisation numbers: real organisations have none here — we do not claim to know their registry
numbers. Only the fictional ones (marked `fictional=True`) carry numbers, made up with valid check
digits so that they pass the same validation as real ones. Places and themes are slugs, looked up
when the demo loads; a slug the hub does not have is skipped. E-mail addresses use the reserved
`.test` domain; people are fictional.
"""

from typing import NamedTuple


class DemoOrganisation(NamedTuple):
    slug: str
    name: str
    kind: str
    sector: str
    country: str
    description: str
    description_language: str
    legal_form: str = ""
    org_number: str = ""
    head_office: str = ""  # a place slug
    areas_served: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    offers: str = ""
    seeks: str = ""
    website: str = ""
    email: str = ""
    founded_year: int | None = None
    is_verified: bool = False
    fictional: bool = False


class DemoPerson(NamedTuple):
    email: str
    name: str
    bio: str
    languages: list[str]
    place: str
    skills: str
    interests: str
    themes: tuple[str, ...]
    memberships: tuple[tuple[str, str], ...] = ()  # (organisation slug, role)
    email_visibility: str = "members"


class DemoGroup(NamedTuple):
    slug: str
    name: str
    description: str
    description_language: str
    place: str = ""
    theme: str = ""
    contacts: tuple[str, ...] = ()  # e-mail addresses
    members: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()


FOCUS_AREAS = ("environment-and-health", "values-and-rules", "communication-and-learning",
               "business-and-value-creation")

ORGANISATIONS: list[DemoOrganisation] = [
    # --- Sweden: the Kreaprenör network (seed 000) and Social Innovation Skåne (seed 002) -------------
    DemoOrganisation(
        slug="kreaprenor-natverket", name="Kreaprenör-nätverket", kind="network", sector="civil", country="SE",
        head_office="se-stockholm", areas_served=("se",), themes=FOCUS_AREAS + ("sdg-17-partnerships-for-the-goals",),
        description_language="sv",
        description=(
            "Kreaprenör-nätverket samlar människor som vill bidra till en positiv samhällsutveckling med "
            "Kreaprenör-modellen, ett sätt att identifiera nya, framtida affärsmöjligheter utifrån fyra "
            "fokusområden: miljö och hälsa, värdegrund och regler, kommunikation och lärande samt näringsliv och "
            "värdeskapande. På nätverksträffarna arbetar vi med dialogformer som Open Space, Future Search och "
            "World Café, och vi organiserar oss i lokala grupper med kontaktpersoner."),
        offers="Nätverksträffar med World Café och Open Space, och en modell för att hitta nya affärsmöjligheter.",
        seeks="Experter och inflytelserika personer inom varje fokusområde, och partner i konsultvärlden.",
    ),
    DemoOrganisation(
        slug="social-innovation-skane", name="Social Innovation Skåne", kind="network", sector="civil",
        country="SE", head_office="se-malmo", areas_served=("se-skane",), is_verified=True,
        themes=("youth-unemployment", "ill-health", "exclusion", "housing", "child-poverty",
                "sdg-10-reduced-inequalities"),
        description_language="sv",
        description=(
            "Social Innovation Skåne erbjuder praktiskt stöd till entreprenörer inom alla sektorer som vill "
            "utveckla nya lösningar på samhällsutmaningar: ungas arbetslöshet, fysisk och psykisk ohälsa, "
            "utanförskap, bostadsbrist och barnfattigdom. Vi ser idéburen sektor som en katalysator för social "
            "innovation och skapar frirum för nytänk och samskapande. Projektet finansieras av Europeiska "
            "regionala utvecklingsfonden och ägs av Coompanion Skåne."),
        offers="Rådgivning till sociala entreprenörer, etableringsanalyser för arbetsintegrerande sociala företag "
               "i Skånes 33 kommuner och gratis annonser för nya affärsidéer på Kompanjoner.",
        seeks="Möjliggörare som vill utveckla tidigt stöd till sociala innovationer på gräsrotsnivå.",
    ),
    DemoOrganisation(
        slug="coompanion-skane", name="Coompanion Skåne", kind="cooperative", sector="civil", country="SE",
        legal_form="se-ekonomisk-forening", head_office="se-malmo", areas_served=("se-skane",),
        themes=("business-and-value-creation", "work-integration", "sdg-8-decent-work-and-economic-growth"),
        description_language="sv",
        description=(
            "Coompanion Skåne ger rådgivning till människor som vill starta och driva företag tillsammans, i "
            "kooperativ, ekonomiska föreningar och sociala företag. Vi äger projektet Social Innovation Skåne."),
        offers="Kostnadsfri rådgivning om att starta kooperativ och arbetsintegrerande sociala företag.",
    ),
    DemoOrganisation(
        slug="centrum-for-publikt-entreprenorskap", name="Centrum för Publikt Entreprenörskap",
        kind="association", sector="civil", country="SE", head_office="se-malmo", areas_served=("se-skane",),
        themes=("inclusion", "values-and-rules"), description_language="sv",
        description=(
            "Centrum för Publikt Entreprenörskap stöttar eldsjälar och initiativtagare som vill förändra sin "
            "omgivning, och är samverkanspart i Social Innovation Skåne."),
        offers="Stöd till initiativtagare att leda processer, ordna träffar och bygga nätverk kring social "
               "mobilisering.",
    ),
    DemoOrganisation(
        slug="motesplats-social-innovation", name="Mötesplats Social Innovation (Malmö universitet)",
        kind="university", sector="academic", country="SE", legal_form="se-statlig-myndighet",
        head_office="se-malmo", areas_served=("se",),
        themes=("communication-and-learning", "sdg-4-quality-education", "sdg-17-partnerships-for-the-goals"),
        description_language="sv",
        description=(
            "Mötesplats Social Innovation samlar och sprider kunskap om social innovation och samhällsentreprenörskap "
            "och är samverkanspart i Social Innovation Skåne."),
        offers="Kunskap, seminarier och forskningskontakter om social innovation.",
    ),
    DemoOrganisation(
        slug="natverket-ideburen-sektor-skane", name="Nätverket – Idéburen Sektor Skåne", kind="network",
        sector="civil", country="SE", head_office="se-malmo", areas_served=("se-skane",),
        themes=("inclusion", "values-and-rules"), description_language="sv",
        description=(
            "Ett nätverk för idéburna organisationer i Skåne, som för sektorns röst i samverkan med region och "
            "kommuner. Samverkanspart i Social Innovation Skåne."),
        seeks="Föreningar som vill vara med och påverka villkoren för idéburen sektor.",
    ),
    DemoOrganisation(
        slug="strukturfondspartnerskapet-skane-blekinge", name="Strukturfondspartnerskapet Skåne-Blekinge",
        kind="funder", sector="public", country="SE", head_office="se-malmo", areas_served=("se-skane", "se-blekinge"),
        themes=("sdg-8-decent-work-and-economic-growth", "sdg-9-industry-innovation-and-infrastructure"),
        description_language="sv",
        description=(
            "Strukturfondspartnerskapet bedömer och prioriterar projektansökningar i EU:s strukturfonder i Skåne "
            "och Blekinge, bland annat till Europeiska regionala utvecklingsfonden."),
        offers="Medfinansiering genom EU:s strukturfonder för projekt i Skåne och Blekinge.",
    ),
    DemoOrganisation(
        slug="malmo-stad", name="Malmö stad", kind="municipality", sector="public", country="SE",
        legal_form="se-kommun", head_office="se-malmo", areas_served=("se-malmo",), is_verified=True,
        themes=("youth-unemployment", "integration", "housing"), description_language="sv",
        website="https://malmo.se/",
        description="Malmö stad är Sveriges tredje största kommun och samarbetar med civilsamhället om "
                    "arbetsintegration och trygga grannskap.",
        seeks="Sociala företag som kan ta emot personer i arbetsträning.",
    ),
    DemoOrganisation(
        slug="lunds-kommun", name="Lunds kommun", kind="municipality", sector="public", country="SE",
        legal_form="se-kommun", head_office="se-lund", areas_served=("se-lund",), themes=("ageing", "loneliness"),
        description_language="sv", website="https://lund.se/",
        description="Lunds kommun arbetar med social hållbarhet och idéburet offentligt partnerskap.",
    ),
    DemoOrganisation(
        slug="helsingborgs-stad", name="Helsingborgs stad", kind="municipality", sector="public", country="SE",
        legal_form="se-kommun", head_office="se-helsingborg", areas_served=("se-helsingborg",),
        themes=("child-poverty", "inclusion"), description_language="sv", website="https://helsingborg.se/",
        description="Helsingborgs stad söker nya lösningar tillsammans med invånare, föreningar och företag.",
    ),
    DemoOrganisation(
        slug="arbetsformedlingen-malmo", name="Arbetsförmedlingen Malmö", kind="job_centre", sector="public",
        country="SE", legal_form="se-statlig-myndighet", head_office="se-malmo", areas_served=("se-malmo",),
        themes=("youth-unemployment", "work-integration"), description_language="sv",
        website="https://arbetsformedlingen.se/",
        description="Arbetsförmedlingen matchar arbetssökande med arbetsgivare, också med arbetsintegrerande "
                    "sociala företag som erbjuder praktik och arbetsträning.",
    ),
    DemoOrganisation(
        slug="reparera-och-motas-rosengard", name="Reparera & Mötas Rosengård", kind="association",
        sector="civil", country="SE", legal_form="se-ideell-forening", org_number="802322-7724",
        head_office="se-malmo-rosengard", themes=("loneliness", "environment-and-health",
                                                    "sdg-12-responsible-consumption-and-production"),
        description_language="sv", email="hej@reparera-rosengard.test", founded_year=2024, fictional=True,
        description=(
            "Ett reparationskafé i Rosengård: grannar lagar cyklar, kläder och elektronik tillsammans över en kopp "
            "kaffe. Idén föddes ur en eldsjäls önskan att minska ensamheten bland äldre i området och samtidigt "
            "minska slit och släng."),
        offers="Öppen verkstad varje torsdag kväll, och kunskap om att starta ett reparationskafé.",
        seeks="Frivilliga som kan laga elektronik, och en större lokal.",
    ),
    DemoOrganisation(
        slug="syateljen-rosengard", name="Syateljén Rosengård ekonomisk förening", kind="work_integrating",
        sector="civil", country="SE", legal_form="se-ekonomisk-forening", org_number="769520-8889",
        head_office="se-malmo-rosengard", areas_served=("se-malmo",),
        themes=("work-integration", "integration", "sdg-5-gender-equality"), description_language="sv",
        founded_year=2019, fictional=True,
        description=(
            "Ett arbetsintegrerande socialt företag där kvinnor som stått långt från arbetsmarknaden syr, "
            "lagar och säljer textilier. Vi samarbetar med Arbetsförmedlingen och Malmö stad om praktik."),
        offers="Sömnad på beställning och praktikplatser.",
        seeks="Företag som vill köpa hållbara textilier.",
    ),
    DemoOrganisation(
        slug="stiftelsen-framtidsfron", name="Stiftelsen Framtidsfrön", kind="funder", sector="civil",
        country="SE", legal_form="se-stiftelse", org_number="802872-9260", head_office="se-stockholm",
        areas_served=("se",), themes=("youth-unemployment", "sdg-4-quality-education"), description_language="sv",
        founded_year=2008, fictional=True,
        description="En stiftelse som delar ut startbidrag till unga sociala entreprenörer i hela Sverige.",
        offers="Startbidrag på upp till 50 000 kronor och ett års mentorskap.",
    ),
    # --- Norway: Norge Unlimited and its partners (seed 001) ------------------------------------------
    DemoOrganisation(
        slug="norge-unlimited", name="Norge Unlimited", kind="network", sector="civil", country="NO",
        head_office="no-oslo", areas_served=("no",), is_verified=True,
        themes=("inclusion", "communication-and-learning", "sdg-11-sustainable-cities-and-communities"),
        description_language="nb",
        description=(
            "Norge Unlimited er en interesseorganisasjon for sosialt entreprenørskap i en lokal kontekst. Vi "
            "støtter nye aktører med å pilotere, justere og etablere nabolagsinkubatorer etter Unlimited-modellen, "
            "der innbyggere kommer med ideer for nabolaget sitt, får støtte til å teste dem i praksis og blir en del "
            "av nettverket av unlimitere."),
        offers="Kompetanse og verktøy for nabolagsinkubatorer, nettverk på tvers av sektorer og samfunnskontakt.",
        seeks="Kommuner og bydeler som vil prøve Unlimited-metodikken.",
    ),
    DemoOrganisation(
        slug="toyen-nabolagsinkubator", name="Tøyen nabolagsinkubator", kind="network", sector="civil",
        country="NO", legal_form="no-forening", org_number="929 356 160", head_office="no-oslo-toyen",
        themes=("inclusion", "youth-unemployment", "business-and-value-creation"), description_language="nb",
        founded_year=2021, fictional=True,
        description=(
            "En nabolagsinkubator på Tøyen der ildsjeler får veiledning, et sted å jobbe og et fellesskap mens de "
            "tester ideene sine. Vi mener at de som bor i nabolaget vet best hvor skoen trykker."),
        offers="Inkubatorplass, veiledning og nettverkssamlinger hver måned.",
        seeks="Mentorer med erfaring fra økonomi og jus.",
    ),
    DemoOrganisation(
        slug="stavanger-kommune", name="Stavanger kommune", kind="municipality", sector="public", country="NO",
        legal_form="no-kommune", head_office="no-stavanger", areas_served=("no-stavanger",),
        themes=("inclusion", "sdg-11-sustainable-cities-and-communities"), description_language="nb",
        website="https://www.stavanger.kommune.no/",
        description=(
            "Stavanger kommune bruker sosialt entreprenørskap som verktøy for innbyggerinvolvering og "
            "nærmiljøutvikling, og arrangerte sammen med Norge Unlimited en dag om sosialt entreprenørskap og "
            "fremtidens velferd."),
    ),
    DemoOrganisation(
        slug="oslo-kommune", name="Oslo kommune", kind="municipality", sector="public", country="NO",
        legal_form="no-kommune", head_office="no-oslo", areas_served=("no-oslo",),
        themes=("loneliness", "integration"), description_language="nb", website="https://www.oslo.kommune.no/",
        description="Oslo kommune samarbeider med frivillige og sosiale entreprenører i bydelene.",
    ),
    DemoOrganisation(
        slug="ks-kommunesektorens-organisasjon", name="KS – Kommunesektorens organisasjon", kind="association",
        sector="public", country="NO", head_office="no-oslo", areas_served=("no",),
        themes=("values-and-rules", "sdg-16-peace-justice-and-strong-institutions"), description_language="nb",
        description=(
            "KS er kommunesektorens interesse- og arbeidsgiverorganisasjon. KS har skrevet om hvordan Kommune-Norge "
            "er i endring og om nye måter å møte innbyggerne på, som samskapingskommunen."),
    ),
    DemoOrganisation(
        slug="the-conduit", name="The Conduit", kind="company", sector="private", country="NO",
        head_office="no-oslo", themes=("sdg-17-partnerships-for-the-goals",), description_language="en",
        description=(
            "A members' club and meeting place in central Oslo for people working for social and environmental "
            "change. It hosted Norge Unlimited's meeting with the OECD on the social and solidarity economy."),
        offers="Meeting rooms and event space for the social-impact community.",
    ),
    DemoOrganisation(
        slug="ferd-sosiale-entreprenorer", name="Ferd Sosiale Entreprenører", kind="funder", sector="private",
        country="NO", areas_served=("no",), themes=("business-and-value-creation", "child-poverty"),
        description_language="nb",
        description="Ferd Sosiale Entreprenører har i mange år investert i og støttet sosiale entreprenører i Norge, "
                    "og er en samarbeidspartner for Norge Unlimited.",
        offers="Kapital og kompetanse til sosiale entreprenører som vil vokse.",
    ),
    DemoOrganisation(
        slug="samfunnsentralen", name="Samfunnsentralen", kind="network", sector="civil", country="NO",
        areas_served=("no",), themes=("communication-and-learning",), description_language="nb",
        description="Samfunnsentralen jobber med sosialt entreprenørskap i Norge og er en del av økosystemet "
                    "Norge Unlimited bygger sammen med andre aktører.",
    ),
    DemoOrganisation(
        slug="socentral", name="SoCentral", kind="network", sector="civil", country="NO", head_office="no-oslo",
        themes=("sdg-17-partnerships-for-the-goals", "business-and-value-creation"), description_language="nb",
        description="SoCentral er en møteplass for sosial innovasjon i Oslo, og en aktør i økosystemet for sosialt "
                    "entreprenørskap.",
    ),
    DemoOrganisation(
        slug="nav-stavanger", name="NAV Stavanger", kind="job_centre", sector="public", country="NO",
        legal_form="no-statlig-virksomhet", head_office="no-stavanger", areas_served=("no-stavanger",),
        themes=("work-integration", "youth-unemployment"), description_language="nb", website="https://www.nav.no/",
        description="NAV-kontoret i Stavanger hjelper folk ut i arbeid, blant annet med arbeidstrening hos "
                    "arbeidsinkluderende virksomheter.",
    ),
    DemoOrganisation(
        slug="bergen-bydelskjokken", name="Bergen Bydelskjøkken SA", kind="work_integrating", sector="civil",
        country="NO", legal_form="no-samvirke", org_number="929 525 817", head_office="no-bergen",
        themes=("work-integration", "loneliness", "sdg-2-zero-hunger"), description_language="nb",
        founded_year=2017, fictional=True,
        description=(
            "Et samvirke som driver kantine og catering med folk som er på vei inn i arbeidslivet. Hver fredag "
            "lager vi felles middag for naboene i bydelen."),
        offers="Catering til møter og arbeidstreningsplasser på kjøkkenet.",
        seeks="Bedrifter som vil bestille lunsj fast.",
    ),
    DemoOrganisation(
        slug="gronland-sykkelverksted", name="Grønland Sykkelverksted", kind="social_enterprise",
        sector="private", country="NO", legal_form="no-ideelt-as", org_number="924 820 144",
        head_office="no-oslo-gronland", themes=("youth-unemployment", "climate", "sdg-13-climate-action"),
        description_language="nb", founded_year=2020, fictional=True,
        description="Et ideelt aksjeselskap der ungdom reparerer og selger brukte sykler og lærer et fag.",
        offers="Sykkelreparasjon og kurs i sykkelvedlikehold.",
        seeks="Brukte sykler og en samarbeidspartner i bydelen.",
    ),
    # --- Denmark: the SED event in Region Midt (seed 003) and Innovatarium (seed 004) ----------------
    DemoOrganisation(
        slug="sociale-entreprenorer-i-danmark", name="Sociale Entreprenører i Danmark (SED)", kind="network",
        sector="civil", country="DK", legal_form="dk-forening", areas_served=("dk-midtjylland", "dk"),
        is_verified=True, themes=("business-and-value-creation", "inclusion", "sdg-8-decent-work-and-economic-growth"),
        description_language="da",
        description=(
            "SED er en forening for sociale iværksættere og socialøkonomiske virksomheder. Vi samler aktørerne, "
            "der arbejder med social innovation i Region Midt, holder netværksmøder, vedligeholder en side med "
            "links og puljer og har sammen med Cultura21 Nordic og Foreningen for Social Innovation skabt "
            "debatspillet Future Battles."),
        offers="Netværksmøder, en oversigt over puljer og fonde og modeller som “pay what you can”.",
        seeks="Aktører, der vil være med til en større konference om social innovation.",
    ),
    DemoOrganisation(
        slug="teknologisk-institut", name="Teknologisk Institut", kind="other", sector="private", country="DK",
        legal_form="dk-selvejende-institution", areas_served=("dk",),
        themes=("sdg-9-industry-innovation-and-infrastructure", "ageing"), description_language="da",
        website="https://www.teknologisk.dk/",
        description=(
            "Teknologisk Institut ser social innovation som en fjerde vej til at sikre velfærd, med fokus på den "
            "offentlige sektor. Instituttet leder Det kommunale netværk for social innovation og var vært for "
            "SED's arrangement i Aarhus."),
        offers="Hjælp til kommuner med strategier for socialøkonomiske virksomheder.",
    ),
    DemoOrganisation(
        slug="region-midtjylland", name="Region Midtjylland", kind="region", sector="public", country="DK",
        legal_form="dk-region", head_office="dk-viborg", areas_served=("dk-midtjylland",),
        themes=("ill-health", "sdg-3-good-health-and-well-being"), description_language="da",
        website="https://www.rm.dk/",
        description="Region Midtjylland driver sundhedsvæsenet og arbejder med regional udvikling i Midtjylland.",
    ),
    DemoOrganisation(
        slug="aarhus-kommune", name="Aarhus Kommune", kind="municipality", sector="public", country="DK",
        legal_form="dk-kommune", head_office="dk-aarhus", areas_served=("dk-aarhus",),
        themes=("work-integration", "exclusion"), description_language="da", website="https://aarhus.dk/",
        description="Aarhus Kommune samarbejder med socialøkonomiske virksomheder om beskæftigelse og deltog i "
                    "innovationsprojektet med VIA University College.",
    ),
    DemoOrganisation(
        slug="via-university-college", name="VIA University College", kind="university", sector="academic",
        country="DK", legal_form="dk-selvejende-institution", head_office="dk-aarhus",
        areas_served=("dk-midtjylland",), themes=("communication-and-learning", "sdg-4-quality-education"),
        description_language="da", website="https://www.via.dk/",
        description=(
            "VIA har forsknings- og udviklingsprogrammer om social innovation og socialt entreprenørskab, blandt "
            "andet et forskningsprojekt om socialøkonomiske virksomheder i Aarhus, og Pædagoguddannelsen arbejder "
            "med samskabelse og innovation."),
        offers="Forskning, studerende i praktik og undervisning i social innovation.",
    ),
    DemoOrganisation(
        slug="center-for-offentlig-kompetenceudvikling", name="Center for Offentlig Kompetenceudvikling (COK)",
        kind="other", sector="public", country="DK", legal_form="dk-forening", areas_served=("dk",),
        themes=("communication-and-learning", "values-and-rules"), description_language="da",
        description=(
            "COK er kommunernes virksomhed for kompetenceudvikling. COK's innovationsmodel går fra problem til "
            "idéer, valg af de bedste, implementering og afprøvning i tre faser: pre-jekt, pro-jekt og post-jekt, "
            "og Laboratoriemodellen samler tværsektorielle udviklingsforløb."),
        offers="Kurser, procesledelse og Laboratoriemodellen til tværsektorielle forløb.",
    ),
    DemoOrganisation(
        slug="cabi", name="CABI", kind="network", sector="public", country="DK",
        legal_form="dk-selvejende-institution", head_office="dk-aarhus", areas_served=("dk",),
        themes=("work-integration", "sdg-8-decent-work-and-economic-growth"), description_language="da",
        description=(
            "CABI er et netværks- og videnshus for socialt ansvar, der leverer viden, som virker i praksis på det "
            "rummelige arbejdsmarked, til jobcentre og virksomheder. Samarbejdet mellem jobcentre og "
            "socialøkonomiske virksomheder lykkes med én kontakt, det rigtige match, klare forventninger, "
            "regelmæssig opfølgning og en plan efter praktikken."),
        offers="Viden og eksempler på samarbejde mellem jobcentre og socialøkonomiske virksomheder.",
    ),
    DemoOrganisation(
        slug="fosia", name="Forum for Social Innovation Aarhus (FOSIA)", kind="association", sector="civil",
        country="DK", legal_form="dk-forening", head_office="dk-aarhus", themes=("communication-and-learning",),
        description_language="en",
        description=(
            "A student-run non-profit run by about 25 volunteer students. FOSIA holds Denmark's largest case "
            "competition for social innovation at Aarhus University, where students propose solutions to real "
            "problems, and a follow-up day on business models for the winners."),
        seeks="Organisations with a real challenge for the next case competition.",
    ),
    DemoOrganisation(
        slug="sager-der-samler", name="Sager der Samler", kind="association", sector="civil", country="DK",
        legal_form="dk-forening", head_office="dk-aarhus", themes=("ill-health", "loneliness", "climate"),
        description_language="da", website="https://www.sagerdersamler.dk/", founded_year=2012,
        description=(
            "Sager der Samler er en arena for aktivt medborgerskab midt i Aarhus. Mennesker fra virksomheder, "
            "kommunen, regionen, foreninger og almindelige borgere tager fat i udfordringer omkring sundhed, "
            "fællesskab og grøn handling."),
        offers="Et sted at mødes og skabe initiativer, der gør en synlig forskel.",
    ),
    DemoOrganisation(
        slug="growing-trees-network", name="Growing Trees Network", kind="social_enterprise", sector="civil",
        country="DK", areas_served=("dk-aarhus", "dk-odense"),
        themes=("climate", "environment-and-health", "sdg-15-life-on-land"), description_language="da",
        website="https://www.growingtrees.dk/",
        description="En socialøkonomisk virksomhed, der planter træer for at sikre rent drikkevand og renere luft, "
                    "blandt andet i Aarhus og Odense.",
        seeks="Jordejere og kommuner, der vil have plantet træer.",
    ),
    DemoOrganisation(
        slug="cafe-kaffegal", name="Café Kaffegal", kind="work_integrating", sector="civil", country="DK",
        head_office="dk-aarhus", themes=("work-integration", "mental-health"), description_language="da",
        description=(
            "En socialøkonomisk café i Aarhus, der giver meningsfyldt beskæftigelse og samarbejder med "
            "Arbejdsmarkedscenter Syd om praktikforløb."),
        offers="Praktikpladser i café og køkken.",
    ),
    DemoOrganisation(
        slug="jobcenter-kobenhavn", name="Jobcenter København", kind="job_centre", sector="public", country="DK",
        legal_form="dk-kommune", head_office="dk-kobenhavn", areas_served=("dk-kobenhavn",),
        themes=("work-integration", "youth-unemployment"), description_language="da",
        description="Jobcenter København samarbejder med socialøkonomiske virksomheder om praktik og job til "
                    "borgere med særlige behov.",
        seeks="Socialøkonomiske virksomheder med plads til praktikanter.",
    ),
    DemoOrganisation(
        slug="innovatarium", name="Innovatarium", kind="network", sector="civil", country="DK",
        areas_served=("dk",), themes=("communication-and-learning", "values-and-rules"), description_language="da",
        description=(
            "Innovatarium er en idé om et praksiscenter for social innovation: en nonprofit organisation, der "
            "faciliterer erfaringsudveksling og idéudvikling mellem praktikere fra de sociale professioner. Vi "
            "holder workshops, hvor praktikere udveksler erfaringer og finder nye løsninger, og thinkshops, hvor "
            "oplægsholdere deler viden. Driften finansieres af betaling for deltagelse."),
        offers="Workshops, thinkshops, åbne workshops, kursusdage og innovationsmesser.",
        seeks="Fagforeninger og fonde, der vil være med til at finansiere huset.",
    ),
    DemoOrganisation(
        slug="gellerup-nabolagsinkubator", name="Gellerup Nabolagsinkubator", kind="network", sector="civil",
        country="DK", legal_form="dk-forening", org_number="68989264", head_office="dk-aarhus-gellerup",
        themes=("integration", "youth-unemployment", "business-and-value-creation"), description_language="da",
        founded_year=2022, fictional=True,
        description="En nabolagsinkubator i Gellerup, hvor ildsjæle får sparring, lokaler og et netværk, mens de "
                    "afprøver deres idéer for området.",
        offers="Sparring og lokaler til ildsjæle i Gellerup.",
        seeks="Frivillige mentorer og lokale virksomheder.",
    ),
    DemoOrganisation(
        slug="norrebro-genbrugsvaerksted", name="Nørrebro Genbrugsværksted ApS", kind="work_integrating",
        sector="private", country="DK", legal_form="dk-rsv", org_number="21054399",
        head_office="dk-kobenhavn-norrebro", themes=("work-integration", "sdg-12-responsible-consumption-and-production"),
        description_language="da", founded_year=2018, fictional=True,
        description="Et registreret socialøkonomisk værksted, der istandsætter møbler med medarbejdere i "
                    "fleksjob og praktik fra jobcentret.",
        offers="Istandsatte møbler og praktikpladser.",
        seeks="Virksomheder, der vil donere brugte møbler.",
    ),
    DemoOrganisation(
        slug="fonden-faelles-rodder", name="Fonden Fælles Rødder", kind="funder", sector="civil", country="DK",
        legal_form="dk-fond", org_number="58223875", head_office="dk-odense", areas_served=("dk-syddanmark",),
        themes=("loneliness", "ageing"), description_language="da", founded_year=2011, fictional=True,
        description="En fond, der støtter lokale fællesskaber mod ensomhed på Fyn.",
        offers="Puljen Fælles Rødder: op til 100.000 kr. til lokale projekter mod ensomhed.",
    ),
]

# The four demo log-ins get a profile and memberships; the people below are listed in the directory.
DEMO_LOGIN_PROFILES = {
    "facilitator@samskap.test": {
        "place": "se-malmo", "skills": "World Café, Open Space, processledning",
        "interests": "grannskapsinkubatorer, samskapande", "themes": ("inclusion", "communication-and-learning"),
        "memberships": (("social-innovation-skane", "admin"),),
    },
    "mentor@samskap.test": {
        "place": "no-oslo", "skills": "forretningsmodeller, økonomi, mentoring",
        "interests": "sosialt entreprenørskap", "themes": ("business-and-value-creation",),
        "memberships": (("norge-unlimited", "contact"),),
    },
    "member@samskap.test": {
        "place": "se-malmo-rosengard", "skills": "reparationer, finska",
        "interests": "reparationskaféer, återbruk", "themes": ("loneliness", "environment-and-health"),
        "memberships": (("reparera-och-motas-rosengard", "admin"),),
    },
}

PEOPLE: list[DemoPerson] = [
    DemoPerson("sara.nilsson@samskap.test", "Sara Nilsson",
               "Processledare som har lett World Café och Open Space i Kreaprenör-nätverket i tio år.", ["sv", "en"],
               "se-malmo", "processledning, World Café, Open Space", "dialogmetoder, kooperativ",
               ("communication-and-learning", "inclusion"),
               (("coompanion-skane", "admin"), ("kreaprenor-natverket", "member")), "public"),
    DemoPerson("johan.berg@samskap.test", "Johan Berg",
               "Kontaktperson för Kreaprenör-nätverkets lokalgrupp i Stockholm.", ["sv"],
               "se-stockholm", "affärsutveckling, Future Search", "framtidsfrågor, näringsliv",
               FOCUS_AREAS, (("kreaprenor-natverket", "admin"),)),
    DemoPerson("amina.hassan@samskap.test", "Amina Hassan",
               "Grundade Syateljén i Rosengård för att fler kvinnor ska få ett första jobb.", ["sv", "ar", "so"],
               "se-malmo-rosengard", "sömnad, handledning, arabiska", "arbetsintegration",
               ("work-integration", "integration"), (("syateljen-rosengard", "admin"),)),
    DemoPerson("erik.lindgren@samskap.test", "Erik Lindgren",
               "Näringslivsutvecklare på Lunds kommun med fokus på sociala företag.", ["sv", "en"],
               "se-lund", "upphandling, näringslivsutveckling", "idéburet offentligt partnerskap",
               ("business-and-value-creation",), (("lunds-kommun", "member"),)),
    DemoPerson("leila.karimi@samskap.test", "Leila Karimi",
               "Eldsjäl med en idé om läxhjälp på persiska och svenska i Göteborg.", ["sv", "fa", "en"],
               "se-goteborg", "läxhjälp, persiska, ansökningar", "skola, integration",
               ("sdg-4-quality-education", "integration")),
    DemoPerson("ingrid.solberg@samskap.test", "Ingrid Solberg",
               "Daglig leder i Norge Unlimited; har startet nabolagsinkubatorer i tre bydeler.", ["nb", "en"],
               "no-oslo", "prosessledelse, innbyggerinvolvering", "nabolagsinkubatorer",
               ("inclusion", "sdg-11-sustainable-cities-and-communities"), (("norge-unlimited", "admin"),), "public"),
    DemoPerson("ahmed.yusuf@samskap.test", "Ahmed Yusuf",
               "Ildsjel på Tøyen som driver nabolagsinkubatoren.", ["nb", "so", "en"],
               "no-oslo-toyen", "somali, fotball, nettverksbygging", "ungdom, idrett",
               ("youth-unemployment", "inclusion"), (("toyen-nabolagsinkubator", "admin"),)),
    DemoPerson("kari.moen@samskap.test", "Kari Moen",
               "Rådgiver for nærmiljøutvikling i Stavanger kommune.", ["nb"],
               "no-stavanger", "medvirkning, offentlig innovasjon", "samskaping",
               ("values-and-rules", "sdg-11-sustainable-cities-and-communities"), (("stavanger-kommune", "contact"),)),
    DemoPerson("eirik.dahl@samskap.test", "Eirik Dahl",
               "Kokk og daglig leder i Bergen Bydelskjøkken.", ["nb"],
               "no-bergen", "matlaging, arbeidstrening", "mat, fellesskap",
               ("work-integration", "loneliness"), (("bergen-bydelskjokken", "admin"),)),
    DemoPerson("nora.lie@samskap.test", "Nora Lie",
               "Student i Tromsø som vil starte en møteplass for eldre og unge.", ["nb", "se"],
               "no-tromso", "samisk, sosiale medier", "ensomhet, generasjonsmøter",
               ("loneliness", "ageing")),
    DemoPerson("mette.kristensen@samskap.test", "Mette Kristensen",
               "Koordinator i SED; arbejder med tidsbanker og “pay what you can”.", ["da", "en"],
               "dk-aarhus", "netværk, tidsbanker, eventplanlægning", "social økonomi",
               ("business-and-value-creation", "inclusion"), (("sociale-entreprenorer-i-danmark", "admin"),), "public"),
    DemoPerson("rasmus.thomsen@samskap.test", "Rasmus Thomsen",
               "Forsker i socialøkonomiske virksomheder ved VIA University College.", ["da", "en"],
               "dk-aarhus", "forskning, interviews, evaluering", "effektmåling",
               ("communication-and-learning", "work-integration"), (("via-university-college", "member"),)),
    DemoPerson("signe.madsen@samskap.test", "Signe Madsen",
               "Virksomhedskonsulent i Jobcenter København; matcher borgere med socialøkonomiske virksomheder.",
               ["da"], "dk-kobenhavn", "matchning, opfølgning", "rummeligt arbejdsmarked",
               ("work-integration",), (("jobcenter-kobenhavn", "contact"),)),
    DemoPerson("jakob.nielsen@samskap.test", "Jakob Nielsen",
               "Ildsjæl i Gellerup og leder af nabolagsinkubatoren.", ["da", "ar"],
               "dk-aarhus-gellerup", "fundraising, arabisk, mentorordninger", "integration",
               ("integration", "youth-unemployment"), (("gellerup-nabolagsinkubator", "admin"),)),
    DemoPerson("freja.holm@samskap.test", "Freja Holm",
               "Møbelsnedker og medstifter af Nørrebro Genbrugsværksted.", ["da", "en"],
               "dk-kobenhavn-norrebro", "snedkerarbejde, genbrug", "cirkulær økonomi",
               ("sdg-12-responsible-consumption-and-production",), (("norrebro-genbrugsvaerksted", "admin"),)),
    DemoPerson("laura.virtanen@samskap.test", "Laura Virtanen",
               "Researcher in Helsinki comparing social enterprise support across the Nordic countries.",
               ["fi", "sv", "en"], "fi-helsinki", "research, Finnish, Swedish", "Nordic co-operation",
               ("sdg-17-partnerships-for-the-goals",)),
    DemoPerson("gudrun.jonsdottir@samskap.test", "Guðrún Jónsdóttir",
               "Runs a community kitchen in Reykjavík and looks for Nordic partners.", ["is", "da", "en"],
               "is-reykjavik", "cooking, volunteering, Icelandic", "food, loneliness", ("loneliness",)),
]

GROUPS: list[DemoGroup] = [
    DemoGroup(
        slug="kreaprenor-lokalgrupp-stockholm", name="Kreaprenör lokalgrupp Stockholm", description_language="sv",
        description="Kreaprenör-nätverkets lokala grupp i Stockholm träffas en gång i månaden och använder modellen "
                    "på de frågor vi har valt att satsa på.",
        place="se-stockholm", theme="business-and-value-creation", contacts=("johan.berg@samskap.test",),
        members=("sara.nilsson@samskap.test",), organisations=("kreaprenor-natverket", "stiftelsen-framtidsfron"),
    ),
    DemoGroup(
        slug="kreaprenor-lokalgrupp-malmo", name="Kreaprenör lokalgrupp Malmö", description_language="sv",
        description="Lokalgruppen i Malmö arbetar med fokusområdet miljö och hälsa: reparationskaféer, stadsodling "
                    "och holistisk hälsa.",
        place="se-malmo", theme="environment-and-health", contacts=("sara.nilsson@samskap.test",),
        members=("member@samskap.test", "amina.hassan@samskap.test", "facilitator@samskap.test"),
        organisations=("kreaprenor-natverket", "reparera-och-motas-rosengard", "syateljen-rosengard"),
    ),
    DemoGroup(
        slug="kreaprenor-kommunikation-och-larande", name="Kreaprenör: kommunikation och lärande",
        description_language="sv",
        description="En tematisk grupp för fokusområdet kommunikation och lärande: en plantskola för "
                    "kreaprenöriellt tänkande i skolan.",
        theme="communication-and-learning", contacts=("erik.lindgren@samskap.test",),
        members=("leila.karimi@samskap.test",), organisations=("kreaprenor-natverket", "motesplats-social-innovation"),
    ),
    DemoGroup(
        slug="unlimitere-i-oslo", name="Unlimitere i Oslo", description_language="nb",
        description="Nettverket av unlimitere i Oslo: ildsjeler fra nabolagsinkubatorene som utveksler erfaringer og "
                    "støtter hverandre.",
        place="no-oslo", theme="inclusion", contacts=("ingrid.solberg@samskap.test",),
        members=("ahmed.yusuf@samskap.test", "mentor@samskap.test"),
        organisations=("norge-unlimited", "toyen-nabolagsinkubator", "gronland-sykkelverksted"),
    ),
    DemoGroup(
        slug="socialokonomisk-netvaerk-region-midt", name="Socialøkonomisk netværk Region Midt",
        description_language="da",
        description="Aktørerne fra SED's arrangement i Aarhus holder kontakten og arbejder videre med en større "
                    "fælles konference om social innovation.",
        place="dk-aarhus", theme="work-integration", contacts=("mette.kristensen@samskap.test",),
        members=("rasmus.thomsen@samskap.test", "jakob.nielsen@samskap.test"),
        organisations=("sociale-entreprenorer-i-danmark", "via-university-college", "cabi", "cafe-kaffegal",
                       "aarhus-kommune", "teknologisk-institut"),
    ),
]
