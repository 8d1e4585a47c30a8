"""The demo's knowledge base: a sample of SED's link page, guides for neighbourhood incubators, collections and
open funding calls. The method cards are in `demo_methods`.

Drawn from the seeds. SED's page of ~350 links is summed up in seed 003 through the actors of its
event in Region Midt; the links below describe those actors, their reports and their cases, in
Danish. A web address is given only where a seed gives it (sundhedsledere.dk, ligevaerd.dk,
sagerdersamler.dk, growingtrees.dk, Kompanjoner.se); the other entries carry a description
instead, and a curator can add the address later. Norwegian and Swedish entries come from seeds 001
and 002.

Funding calls are illustrative: their funders are actors of the seeds' world (the structural funds
partnership Skåne-Blekinge, Vækstforum Midtjylland, Malmö stad, Oslo kommune, the demo's foundations,
an Interreg programme like the one SED's event mentions), but programmes, amounts and deadlines are
made up for the demo. Deadlines are days from the day the demo loads, so the calls are always open.
Contacts are role addresses at the reserved example.org domain. Places, themes and organisations are
slugs; a missing one is skipped.
"""

from typing import NamedTuple

from samskap.actors.demo_data import DemoOrganisation

# Every demo resource, collection and call was added by the demo facilitator (when that log-in exists).
CURATOR_EMAIL = "facilitator@samskap.test"
# The method cards are the hub's own work, published under the practice centre for social innovation.
METHOD_AUTHOR = "innovatarium"


class DemoResource(NamedTuple):
    slug: str
    kind: str
    language: str
    title: str
    summary: str
    body: str = ""
    url: str = ""
    themes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    author_organisation: str = ""  # an organisation slug
    author_name: str = ""  # an author who is not in the directory
    published_on: str = ""  # ISO date; empty: the day the demo loads


class DemoCollection(NamedTuple):
    slug: str
    title: str
    language: str
    description: str
    items: tuple[tuple[str, str], ...]  # (resource slug, curator's note), in order


class DemoDeadline(NamedTuple):
    days: int  # from the day the demo loads
    label: str = ""
    clock: str = "23:59"  # local time in the call's time zone


class DemoCall(NamedTuple):
    slug: str
    title: str
    funder: str  # an organisation slug
    language: str
    programme: str
    summary: str
    currency: str
    amount_min: int | None
    amount_max: int | None
    time_zone: str
    deadlines: tuple[DemoDeadline, ...]  # none: rolling
    eligible_kinds: tuple[str, ...]
    eligible_places: tuple[str, ...]
    themes: tuple[str, ...]
    eligibility: str
    co_financing: str
    contact_name: str
    contact_email: str
    url: str = ""


# ------------------------------------------------------------------------------------------------
# Links from Sociale Entreprenører i Danmark (seed 003), in Danish

SED_LINKS: list[DemoResource] = [
    DemoResource(
        slug="sociale-entreprenorer-i-danmark-sed", kind="link", language="da",
        title="Sociale Entreprenører i Danmark (SED)", author_organisation="sociale-entreprenorer-i-danmark",
        summary="Landsdækkende netværksforening for alle med interesse i socialt iværksætteri. SED holder "
                "netværksmøder, arrangementer og studieture og formidler nyheder om socialøkonomiske virksomheder, "
                "social innovation og samskabelse.",
        body="SED startede i 2010 som alumneforening for tidligere studerende på Masteruddannelsen i Socialt "
             "Entreprenørskab på RUC og blev i efteråret 2012 åbnet som landsdækkende netværksforening. Foreningen "
             "drives af frivillige.\n\n"
             "SED's linkside samler omkring 350 links til aktører og initiativer inden for socialt iværksætteri, "
             "puljer man kan søge, og eksempler på socialøkonomiske virksomheder. Samlingen her er et udvalg "
             "derfra.",
        themes=("business-and-value-creation", "inclusion"), places=("dk",),
        audiences=("entrepreneurs", "facilitators"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="future-battles", kind="link", language="da", title="Future Battles",
        author_organisation="sociale-entreprenorer-i-danmark",
        summary="Visionsudviklende debatleg af SED, Cultura21 Nordic og Foreningen for Social Innovation: "
                "visionærer battler live om fremtiden, og publikum stemmer dem ud, når de ikke skaber engagement. "
                "Spillet i København og Aarhus i maj 2014.",
        body="Legen kombinerer kreativ leg, performance, visionsudvikling, konkurrence og debat og varer to en halv "
             "til tre timer. Metodekortet *Visionsbattle (Future Battles)* beskriver, hvordan man selv afvikler "
             "formatet.",
        themes=("communication-and-learning", "sdg-11-sustainable-cities-and-communities"), places=("dk",),
        audiences=("residents", "facilitators"), published_on="2014-04-15",
    ),
    DemoResource(
        slug="horsens-socialokonomiske-laboratorium", kind="case", language="da",
        title="Horsens Socialøkonomiske Laboratorium", author_organisation="sociale-entreprenorer-i-danmark",
        summary="SED's eget projekt: et laboratorium, der udvikler og tester modeller for lokale vækst- og "
                "udviklingscentre for sociale iværksættere, der vil starte socialøkonomiske virksomheder.",
        body="Centret skal løse lokale samfundsmæssige udfordringer gennem socialøkonomiske virksomheder og afprøve "
             "et lokalt forum for idéudvikling og samarbejde mellem sociale iværksættere, offentlige myndigheder, "
             "virksomheder, frivillige og foreninger – med elementer fra Teori U.\n\n"
             "Laboratoriet står også til rådighed for lokale uddannelsesinstitutioner, der vil teste og udvikle nye "
             "metoder.",
        themes=("business-and-value-creation", "work-integration"), places=("dk-midtjylland",),
        audiences=("entrepreneurs", "municipalities"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="det-kommunale-netvaerk-for-social-innovation", kind="link", language="da",
        title="Det kommunale netværk for social innovation (Teknologisk Institut)",
        author_organisation="teknologisk-institut",
        summary="Netværk for kommunale direktioner og ledere inden for børn og unge, ældre og handicap, beskæftigelse "
                "og sundhed samt kultur og borgerservice. Fokus er på nye løsninger på samfundsudfordringer gennem "
                "inddragelse af nye partnere.",
        body="Teknologisk Institut ser social innovation som en fjerde vej til at sikre velfærd og lægger vægt på, "
             "hvordan den offentlige sektor kan fremme og drage nytte af den. Da SED holdt sit arrangement i Aarhus "
             "i februar 2014, havde netværket 35 kommuner som medlemmer, repræsenteret ved 72 ledere.",
        themes=("sdg-17-partnerships-for-the-goals",), places=("dk",), audiences=("municipalities",),
        published_on="2014-02-20",
    ),
    DemoResource(
        slug="socialokonomiske-virksomheder-i-kommunen", kind="link", language="da",
        title="Socialøkonomiske virksomheder i kommunen – rådgivning fra Teknologisk Institut og Huset Venture",
        author_organisation="teknologisk-institut",
        summary="Hjælp til kommuner, der vil arbejde sammen med socialøkonomiske virksomheder: fra en strategi til "
                "måling af effekterne.",
        body="Tilbuddet dækker bl.a.:\n\n"
             "- en strategi for socialøkonomiske virksomheder i kommunen\n"
             "- de områder af den kommunale indsats, hvor socialøkonomiske virksomheder med fordel kan spille en "
             "rolle\n"
             "- at finde og kvalificere de ildsjæle, der kan drive virksomhederne\n"
             "- et gunstigt miljø for socialøkonomiske virksomheder i kommunen\n"
             "- måling af eksisterende og mulige effekter af et tættere samspil\n"
             "- at klæde kommunale ledere og frontlinjemedarbejdere på til samarbejdet",
        themes=("work-integration", "business-and-value-creation"), places=("dk",), audiences=("municipalities",),
        published_on="2014-02-20",
    ),
    DemoResource(
        slug="social-innovation-europe", kind="link", language="da", title="Social Innovation Europe",
        author_name="Teknologisk Institut og The Young Foundation",
        summary="Online portal med eksempler på social innovation fra hele Europa samt artikler og interviews om "
                "emnet. Teknologisk Institut driver den sammen med The Young Foundation.",
        themes=("sdg-17-partnerships-for-the-goals", "communication-and-learning"),
        audiences=("facilitators", "municipalities"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="insite-agenda-for-social-innovation", kind="link", language="da",
        title="INSITE – en agenda for social innovation", author_name="INSITE",
        summary="EU-støttet initiativ, der har udarbejdet en agenda for social innovation i Europa.",
        themes=("sdg-17-partnerships-for-the-goals",), audiences=("facilitators", "municipalities"),
        published_on="2014-02-20",
    ),
    DemoResource(
        slug="center-for-offentlig-kompetenceudvikling-cok", kind="link", language="da",
        title="Center for Offentlig Kompetenceudvikling (COK)",
        author_organisation="center-for-offentlig-kompetenceudvikling",
        summary="Kommunernes virksomhed for kompetenceudvikling og efteruddannelse. COK arbejder med innovation som "
                "noget nyt, nyttigt og nyttiggjort og har udviklet Laboratoriemodellen til tværsektorielle "
                "udviklingsforløb.",
        body="Metodekortet *Laboratoriemodellen (COK)* beskriver modellens tre faser – pre-jekt, pro-jekt og "
             "post-jekt – trin for trin.",
        themes=("communication-and-learning",), places=("dk",), audiences=("municipalities", "facilitators"),
        published_on="2014-02-20",
    ),
    DemoResource(
        slug="randersklyngen-laboratoriemodellen", kind="case", language="da",
        title="Randersklyngen: Laboratoriemodellen i sundhedssamarbejdet", author_name="Randersklyngen",
        url="https://www.sundhedsledere.dk/",
        summary="Regionshospitalet Randers, Norddjurs, Syddjurs, Randers og Favrskov Kommune og de praktiserende "
                "læger har brugt COK's laboratoriemodel til at udvikle nye samarbejdsformer på tværs af sektorer. "
                "Læs mere på sundhedsledere.dk.",
        themes=("ill-health", "sdg-3-good-health-and-well-being", "sdg-17-partnerships-for-the-goals"),
        places=("dk-midtjylland",), audiences=("municipalities",), published_on="2014-02-20",
    ),
    DemoResource(
        slug="cabi-videnshus-for-socialt-ansvar", kind="link", language="da",
        title="CABI – netværks- og videnshus for socialt ansvar", author_organisation="cabi",
        summary="Selvejende institution, der indsamler, udvikler og formidler viden, metoder og værktøjer, så "
                "jobcentre og virksomheder kan styrke det rummelige arbejdsmarked og den aktive "
                "beskæftigelsesindsats.",
        themes=("work-integration", "sdg-8-decent-work-and-economic-growth"), places=("dk",),
        audiences=("municipalities", "entrepreneurs"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="cabi-jobcentre-og-socialokonomiske-virksomheder", kind="guide", language="da",
        title="Jobcentre og socialøkonomiske virksomheder – CABI's temaside", author_organisation="cabi",
        summary="Fakta om samarbejdet mellem jobcentre og socialøkonomiske virksomheder, undersøgelser på området, "
                "tre eksempler på konkret samarbejde og et overblik over støttemuligheder.",
        body="**Det viser erfaringerne fra de tre eksempler:**\n\n"
             "- én fast kontakt i jobcentret\n"
             "- tid til at finde det rigtige match mellem borger og virksomhed\n"
             "- klare forventninger fra begge sider\n"
             "- regelmæssig opfølgning\n"
             "- en plan for forløbet efter praktikken\n\n"
             "De socialøkonomiske virksomheder har ofte en særlig viden om målgruppen, som jobcentrene kan have "
             "gavn af.",
        themes=("work-integration", "inclusion"), places=("dk",), audiences=("municipalities", "entrepreneurs"),
        published_on="2014-02-20",
    ),
    DemoResource(
        slug="virksomhedsnetvaerket-cabi", kind="link", language="da", title="VirksomhedsnetværketCABI",
        author_organisation="cabi",
        summary="Landets største netværk af socialt ansvarlige virksomheder. Medlemskab er gratis for virksomheder "
                "og jobcentre, og viden deles via arrangementer, erfagrupper og nyhedsbreve.",
        themes=("work-integration", "sdg-8-decent-work-and-economic-growth"), places=("dk",),
        audiences=("entrepreneurs", "municipalities"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="allehaande-og-jobcenter-kobenhavn", kind="case", language="da",
        title="Allehånde og Jobcenter København, Specialindsats Handicap", author_organisation="cabi",
        summary="Et af CABI's tre eksempler på konkret samarbejde mellem et jobcenter og en socialøkonomisk "
                "virksomhed – her med jobcentrets specialindsats for borgere med handicap.",
        themes=("work-integration", "inclusion"), places=("dk-kobenhavn",),
        audiences=("municipalities", "entrepreneurs"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="cafe-kaffegal-og-arbejdsmarkedscenter-syd", kind="case", language="da",
        title="Café Kaffegal og Arbejdsmarkedscenter Syd, Aarhus", author_organisation="cabi",
        summary="Et af CABI's tre eksempler: den socialøkonomiske café i Aarhus samarbejder med "
                "Arbejdsmarkedscenter Syd om praktikforløb for borgere på vej mod arbejdsmarkedet.",
        themes=("work-integration", "mental-health"), places=("dk-aarhus",),
        audiences=("municipalities", "entrepreneurs"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="slotssobadet-og-jobcenter-kolding", kind="case", language="da",
        title="Slotssøbadet og Jobcenter Kolding", author_organisation="cabi",
        summary="Et af CABI's tre eksempler på, hvordan et jobcenter og en socialøkonomisk virksomhed kan samarbejde "
                "om at give borgere en vej ind på arbejdsmarkedet.",
        themes=("work-integration",), places=("dk-syddanmark",), audiences=("municipalities", "entrepreneurs"),
        published_on="2014-02-20",
    ),
    DemoResource(
        slug="hvem-er-de-socialokonomiske-virksomheder-i-aarhus", kind="report", language="da",
        title="Hvem er de socialøkonomiske virksomheder i Aarhus?", author_organisation="via-university-college",
        summary="Forskningsprojekt fra VIA University College (2011–2013) om socialøkonomiske virksomheder med et "
                "beskæftigelsesfremmende sigte og deres samarbejde med Aarhus Kommune. Bygger på interviews med 16 "
                "virksomheder og 4 ansatte i kommunen.",
        body="Undersøgelsen beskriver tre generationer af socialøkonomiske virksomheder: dem, der udspringer af det "
             "sociale arbejde i første halvdel af 1900-tallet, dem fra 70'ernes og 80'ernes projekt- og "
             "forsøgskultur og de nyere sociale projekter og virksomheder. Virksomhederne fremhæver selv deres "
             "rummelighed og deres kendskab til målgruppen.\n\n"
             "**Rapporten peger på tre indsatsområder:**\n\n"
             "1. rådgivning og vejledning til nye socialøkonomiske virksomheder og iværksættere\n"
             "2. et bedre samarbejde mellem kommunale forvaltninger, jobcentre og socialøkonomiske virksomheder\n"
             "3. nye forretningsområder, eventuelt i konsortier på tværs af virksomhederne",
        themes=("work-integration", "sdg-8-decent-work-and-economic-growth"), places=("dk-aarhus",),
        audiences=("municipalities", "entrepreneurs"), published_on="2013-12-01",
    ),
    DemoResource(
        slug="innovationsprojekt-aarhus-kommune-via", kind="case", language="da",
        title="Innovationsprojekt: Aarhus Kommune, VIA og socialøkonomiske virksomheder",
        author_organisation="via-university-college",
        summary="Projekt (2013–2014), hvor medarbejdere fra Aarhus Kommune, socialøkonomiske virksomheder og VIA UC "
                "arbejder i tre tværgående grupper: rådgivning til nye sociale iværksættere, samarbejdet mellem "
                "forvaltning, jobcentre og virksomheder og nye forretningsområder i netværk og partnerskaber.",
        body="Studerende på socialrådgiveruddannelsen har interviewet virksomhederne og bragt borgernes stemme ind. "
             "De første resultater er et bedre kendskab til hinanden, forståelse for hinandens rammebetingelser og "
             "tiltag, der gør sektoren mere synlig for jobcentre, forvaltning, politikere og erhvervsliv.",
        themes=("work-integration", "sdg-17-partnerships-for-the-goals"), places=("dk-aarhus",),
        audiences=("municipalities", "entrepreneurs"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="masteruddannelsen-i-socialt-entreprenorskab", kind="link", language="da",
        title="Masteruddannelsen i Socialt Entreprenørskab (MSE), RUC", author_name="Roskilde Universitet",
        summary="Masteruddannelse på Roskilde Universitet for praktikere, der vil udvikle sociale virksomheder og "
                "social innovation. SED blev stiftet af uddannelsens tidligere studerende.",
        themes=("communication-and-learning", "sdg-4-quality-education"), places=("dk",),
        audiences=("entrepreneurs",), published_on="2014-02-20",
    ),
    DemoResource(
        slug="forum-for-social-innovation-aarhus-fosia", kind="link", language="da",
        title="Forum for Social Innovation Aarhus (FOSIA)", author_organisation="fosia",
        summary="Studenterdrevet non-profit organisation med omkring 25 frivillige studerende. FOSIA holder hvert år "
                "Danmarks største case competition for social innovation på Aarhus Universitet og en opfølgningsdag, "
                "hvor vinderne arbejder med forretningsmodellen bag deres idé.",
        themes=("communication-and-learning", "sdg-4-quality-education"), places=("dk-aarhus",),
        audiences=("entrepreneurs",), published_on="2014-02-20",
    ),
    DemoResource(
        slug="dansic", kind="link", language="da", title="DANSIC – studenterkonference om social innovation",
        author_name="DANSIC",
        summary="Studenterdrevet konference om social innovation i København, der samler studerende, iværksættere "
                "og organisationer.",
        themes=("communication-and-learning",), places=("dk-kobenhavn",), audiences=("entrepreneurs",),
        published_on="2014-02-20",
    ),
    DemoResource(
        slug="regional-udvikling-og-vaekstforum-midtjylland", kind="link", language="da",
        title="Regional Udvikling og Vækstforum, Region Midtjylland", author_organisation="region-midtjylland",
        summary="Regional Udvikling er sekretariat for Vækstforum, der indstiller, hvordan EU's strukturfondsmidler "
                "skal bruges i regionen. Innovationsteamet arbejder med social innovation inden for velfærd og "
                "sundhed, kompetenceteamet med socialøkonomiske virksomheder som vej til beskæftigelse for udsatte "
                "borgere.",
        themes=("sdg-8-decent-work-and-economic-growth", "work-integration"), places=("dk-midtjylland",),
        audiences=("entrepreneurs", "municipalities"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="udvalget-for-socialokonomiske-virksomheder-rapport", kind="report", language="da",
        title="Rapport fra Udvalget for socialøkonomiske virksomheder (2013)",
        author_name="Udvalget for socialøkonomiske virksomheder",
        summary="Udvalgets anbefalinger til regeringen om, hvordan socialøkonomiske virksomheder kan styrkes i "
                "Danmark. SED deltog i dialogmøderne op til afleveringen i september 2013.",
        themes=("business-and-value-creation", "work-integration"), places=("dk",),
        audiences=("entrepreneurs", "municipalities"), published_on="2013-09-30",
    ),
    DemoResource(
        slug="inklusion-og-social-baeredygtighed", kind="link", language="da",
        title="Inklusion og social bæredygtighed (Landsforeningen for Økosamfund)",
        author_name="Landsforeningen for Økosamfund (LØS)",
        summary="Projekt, der vil nytænke inklusion med social innovation som omdrejningspunkt – i netværk af "
                "borgere, frivillige, ngo'er, lokalsamfund, socialøkonomiske virksomheder og kommuner.",
        body="Udgangspunktet er, at mellem 1 og 1½ million mennesker i Danmark på den ene eller anden måde står uden "
             "for fællesskabet. Projektet arbejder med nye tilgange som Teori U i netværk, med socialøkonomiske "
             "virksomheder og med bæredygtighed – økonomisk, økologisk, socialt og mentalt – i lokalsamfundet.",
        themes=("inclusion", "exclusion", "sdg-10-reduced-inequalities"), places=("dk",),
        audiences=("municipalities", "residents"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="god-inklusionspraksis", kind="guide", language="da", title="God Inklusionspraksis",
        author_name="Landsforeningen for Økosamfund (LØS)",
        summary="Bog om god praksis for inklusion af mennesker, der står uden for fællesskabet. Arbejdet begyndte i "
                "2012, efter at Socialstyrelsen havde udvalgt Levefællesskabet Hertha som rollemodel for inklusion.",
        themes=("inclusion", "sdg-10-reduced-inequalities"), places=("dk",),
        audiences=("municipalities", "facilitators"), published_on="2014-04-01",
    ),
    DemoResource(
        slug="landsforeningen-ligevaerd", kind="link", language="da", title="Landsforeningen Ligeværd",
        author_name="Landsforeningen Ligeværd", url="https://www.ligevaerd.dk/",
        summary="Landsforening, der siden 1969 har arbejdet for ligeværdige livsbetingelser for borgere med særlige "
                "behov – på arbejdsmarkedet, i uddannelsessystemet, på boligområdet og i kultur- og fritidslivet.",
        themes=("inclusion", "sdg-10-reduced-inequalities"), places=("dk",),
        audiences=("residents", "municipalities"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="trinitas-social-og-terapihunde", kind="link", language="da", title="Trinitas – social- og terapihunde",
        author_name="Trinitas",
        summary="Forening, der vil skabe en certificeringsproces for placering og træning af social- og terapihunde "
                "i Danmark, skaffe ressourcer til arbejdet og skabe opmærksomhed om den værdi, hundene giver – fx "
                "for krigsveteraner med PTSD, børn med læsevanskeligheder og mennesker med autisme.",
        themes=("mental-health", "inclusion"), places=("dk",), audiences=("residents",),
        published_on="2014-02-20",
    ),
    DemoResource(
        slug="sager-der-samler", kind="link", language="da", title="Sager der Samler",
        author_organisation="sager-der-samler", url="https://www.sagerdersamler.dk/",
        summary="Forening i Aarhus og arena for aktivt medborgerskab, hvor virksomheder, kommune, region, frivillige "
                "foreninger og borgere sammen tager fat på sundhed, fællesskab og grøn handling.",
        themes=("environment-and-health", "loneliness", "sdg-11-sustainable-cities-and-communities"),
        places=("dk-aarhus",), audiences=("residents",), published_on="2014-02-20",
    ),
    DemoResource(
        slug="growing-trees-network", kind="link", language="da", title="Growing Trees Network",
        author_organisation="growing-trees-network", url="https://www.growingtrees.dk/",
        summary="Socialøkonomisk virksomhed, der planter træer for at sikre rent drikkevand og renere luft – indtil "
                "videre i Aarhus, Odense og Randers Kommuner og i Høje-Taastrup.",
        themes=("environment-and-health", "sdg-6-clean-water-and-sanitation", "sdg-15-life-on-land"),
        places=("dk",), audiences=("residents", "entrepreneurs"), published_on="2014-02-20",
    ),
    DemoResource(
        slug="cultura21-nordic", kind="link", language="da", title="Cultura21 Nordic", author_name="Cultura21 Nordic",
        summary="Nordisk netværk for kultur og bæredygtighed og medskaber af debatlegen Future Battles.",
        themes=("sdg-11-sustainable-cities-and-communities", "communication-and-learning"),
        audiences=("facilitators",), published_on="2014-02-20",
    ),
    DemoResource(
        slug="foreningen-for-social-innovation", kind="link", language="da",
        title="Foreningen for Social Innovation (FFSI)", author_name="Foreningen for Social Innovation",
        summary="Forening, der arbejder for at fremme social innovation i Danmark, og som står bag Future Battles "
                "sammen med SED og Cultura21 Nordic.",
        themes=("communication-and-learning",), places=("dk",), audiences=("facilitators",),
        published_on="2014-02-20",
    ),
    DemoResource(
        slug="innovatarium-praksiscenter", kind="link", language="da",
        title="Innovatarium – praksiscenter for social innovation", author_organisation="innovatarium",
        summary="Idéen om et praksiscenter, hvor praktikere fra de sociale professioner mødes i workshops og "
                "thinkshops for at udveksle erfaringer og udvikle innovative velfærdsløsninger – med en hjemmeside, "
                "der gør materialet let tilgængeligt for alle.",
        themes=("communication-and-learning",), places=("dk",), audiences=("facilitators",),
        published_on="2014-02-20",
    ),
]

# ------------------------------------------------------------------------------------------------
# Sweden (seed 002), in Swedish

SWEDISH_RESOURCES: list[DemoResource] = [
    DemoResource(
        slug="kompanjoner-se", kind="link", language="sv", title="Kompanjoner.se – hitta samarbetspartner",
        author_organisation="social-innovation-skane", url="https://kompanjoner.se/",
        summary="Annonsera helt kostnadsfritt: nya affärsidéer som söker partner, företag som söker kompetens och "
                "samverkan mellan företag.",
        themes=("business-and-value-creation", "sdg-17-partnerships-for-the-goals"), places=("se",),
        audiences=("entrepreneurs",),
    ),
    DemoResource(
        slug="social-innovation-skane", kind="link", language="sv", title="Social Innovation Skåne",
        author_organisation="social-innovation-skane",
        summary="Praktiskt stöd till entreprenörer inom alla sektorer som vill utveckla nya lösningar på "
                "samhällsutmaningar, och en kunskapsturné om arbetsintegrerande sociala företag i Skånes 33 "
                "kommuner.",
        themes=("youth-unemployment", "work-integration", "exclusion"), places=("se-skane",),
        audiences=("entrepreneurs", "municipalities"),
    ),
    DemoResource(
        slug="coompanion-skane", kind="link", language="sv", title="Coompanion Skåne",
        author_organisation="coompanion-skane",
        summary="Rådgivning till dig som vill starta och driva företag tillsammans med andra – kooperativ, "
                "ekonomiska föreningar och sociala företag. Coompanion Skåne äger projektet Social Innovation Skåne.",
        themes=("business-and-value-creation", "work-integration"), places=("se-skane",),
        audiences=("entrepreneurs",),
    ),
    DemoResource(
        slug="motesplats-social-innovation", kind="link", language="sv", title="Mötesplats Social Innovation",
        author_organisation="motesplats-social-innovation",
        summary="Samlar och sprider kunskap om social innovation och samhällsentreprenörskap; samverkanspart i "
                "Social Innovation Skåne.",
        themes=("communication-and-learning",), places=("se",), audiences=("facilitators", "municipalities"),
    ),
    DemoResource(
        slug="etableringsanalys-for-arbetsintegrerande-sociala-foretag", kind="guide", language="sv",
        title="Etableringsanalys för arbetsintegrerande sociala företag – så kommer kommunen igång",
        author_organisation="social-innovation-skane",
        summary="En etableringsanalys visar vilka förutsättningar som finns i kommunen för att arbetsintegrerande "
                "sociala företag (ASF) ska kunna bildas och växa. Guiden beskriver arbetet steg för steg.",
        body="Social Innovation Skåne gör etableringsanalyser tillsammans med Skånes kommuner så att fler ASF kan "
             "etableras. Så här kan arbetet läggas upp:\n\n"
             "1. **Kartlägg behoven:** hur många invånare står långt från arbetsmarknaden, och vilka insatser finns "
             "redan?\n"
             "2. **Kartlägg aktörerna:** vilka sociala företag, föreningar och kooperativ finns, och vilka "
             "arbetsgivare kan tänka sig att samarbeta?\n"
             "3. **Se över kommunens egna inköp:** vilka tjänster och varor kan upphandlas med sociala hänsyn eller "
             "genom idéburet offentligt partnerskap?\n"
             "4. **Tala med Arbetsförmedlingen:** hur kan handledning och praktik finansieras och följas upp?\n"
             "5. **Samla resultatet** i en kort rapport med förslag, och bygg ett lokalt nätverk som kan ge råd och "
             "stöd till nya initiativ.\n\n"
             "Målet är att kommunen själv ska kunna ge råd och stöd genom egna nätverk av lokala aktörer.",
        themes=("work-integration", "sdg-8-decent-work-and-economic-growth"), places=("se-skane",),
        audiences=("municipalities",),
    ),
]

# ------------------------------------------------------------------------------------------------
# Norway (seed 001), in Norwegian: Norge Unlimited's neighbourhood incubators

NORWEGIAN_RESOURCES: list[DemoResource] = [
    DemoResource(
        slug="slik-kommer-dere-i-gang-med-en-nabolagsinkubator", kind="guide", language="nb",
        title="Slik kommer dere i gang med en nabolagsinkubator", author_organisation="norge-unlimited",
        summary="En nabolagsinkubator gir innbyggerne en arena der de kan komme med ideer for nabolaget, få støtte "
                "til å teste dem i praksis og bli en del av et nettverk. Guiden beskriver de første stegene for "
                "kommuner, bydeler og organisasjoner.",
        body="De som bor i nabolaget, vet best hvor skoen trykker. En nabolagsinkubator tar innbyggerne på alvor og "
             "gir dem støtte til selv å skape gode nærmiljøer.\n\n"
             "**De første stegene**\n\n"
             "1. **Finn partnerne:** bydel eller kommune, en lokal organisasjon som kan være vertskap, og gjerne "
             "næringsliv og frivillige. Avklar hvem som eier inkubatoren.\n"
             "2. **Finn et sted:** et lokale i nabolaget der folk allerede ferdes – et bibliotek, et kulturhus, en "
             "kafé.\n"
             "3. **Inviter til et idéverksted:** la innbyggerne komme med ideer og utfordringer. Problemtreet hjelper "
             "dere å forstå hva ideene svarer på.\n"
             "4. **Velg de første ideene:** bruk prikkstemming eller en kort samtale om hvilke ideer som har en "
             "ildsjel, et behov og en mulig vei til å bli levedyktige.\n"
             "5. **Gi støtte til å teste i praksis:** veiledning, små midler, lokaler og kontakter. Test i liten "
             "skala før dere går videre.\n"
             "6. **Bygg nettverket:** samle unlimiterne jevnlig, så de kan dele erfaringer og støtte hverandre.\n"
             "7. **Vis verdiskapingen:** fortell historiene og mål resultatene, så kommunen og andre ser hva "
             "nabolagene får til.\n\n"
             "Ideene trenger både sosiale resultater og en forretningsmodell som kan gjøre dem levedyktige over "
             "tid.",
        themes=("inclusion", "sdg-11-sustainable-cities-and-communities"), places=("no",),
        audiences=("municipalities", "residents", "facilitators"),
    ),
    DemoResource(
        slug="ideskjema-for-nabolagsinkubatoren", kind="template", language="nb",
        title="Idéskjema for nabolagsinkubatoren", author_organisation="norge-unlimited",
        summary="Et enkelt skjema en ildsjel kan fylle ut før den første samtalen i nabolagsinkubatoren – alene "
                "eller sammen med en veileder.",
        body="Kopier spørsmålene og svar så kort du vil:\n\n"
             "1. **Hva er ideen?** Beskriv den med to–tre setninger.\n"
             "2. **Hvilket problem i nabolaget løser den?** Hvem merker problemet, og hvorfor finnes det? "
             "(Problemtreet kan hjelpe.)\n"
             "3. **Hvem er med?** Du, naboer, en forening, en bedrift?\n"
             "4. **Hva trenger du?** Kunnskap, kontakter, lokaler, penger, frivillige?\n"
             "5. **Hvordan kan du teste ideen i liten skala?** Hva kan skje de neste fire ukene?\n"
             "6. **Hvordan vet du at det virker?** Hva vil være annerledes for dem det gjelder?\n"
             "7. **Hvordan kan ideen bli levedyktig over tid?** Hvem kan betale, og for hva?",
        themes=("inclusion", "business-and-value-creation"), places=("no",),
        audiences=("residents", "facilitators"),
    ),
    DemoResource(
        slug="selskapsformer-for-sosiale-virksomheter", kind="guide", language="nb",
        title="Selskapsformer for sosiale virksomheter i Norge", author_organisation="norge-unlimited",
        summary="Norge har foreløpig ingen egen selskapsform for sosiale virksomheter. Her er de vanligste valgene – "
                "forening, samvirke, stiftelse og aksjeselskap – og hva som skiller dem.",
        body="Hvilken form som passer, avhenger av hvem som skal eie og styre virksomheten, hvordan den skal "
             "finansieres, og hva som skal skje med et eventuelt overskudd.\n\n"
             "- **Forening:** styres av medlemmene gjennom årsmøtet og har ingen eiere som kan ta ut overskudd. "
             "Passer for virksomheter som springer ut av frivillig engasjement.\n"
             "- **Samvirke (SA):** eies av medlemmene som bruker virksomheten – for eksempel ansatte, kunder eller "
             "produsenter – og fordeler et eventuelt overskudd etter bruk, ikke etter innskutt kapital.\n"
             "- **Stiftelse:** har ingen eiere; en formue er stilt til rådighet for et bestemt formål. Stiftelser "
             "er under tilsyn av Lotteri- og stiftelsestilsynet.\n"
             "- **Aksjeselskap (AS):** eies av aksjonærene og gir mulighet for å hente inn investorer. Et *ideelt "
             "AS* har vedtekter med en profittlås som sørger for at overskuddet går tilbake til formålet.\n\n"
             "Snakk gjerne med en rådgiver før dere velger: formen påvirker både hvilke tilskuddsordninger dere kan "
             "søke, og hvordan dere kan ta inn investorer.",
        themes=("business-and-value-creation", "values-and-rules"), places=("no",), audiences=("entrepreneurs",),
    ),
    DemoResource(
        slug="sosialt-entreprenorskap-og-sosial-innovasjon-2015", kind="report", language="nb",
        title="Sosialt entreprenørskap og sosial innovasjon (Nordisk ministerråd, 2015)",
        author_name="Nordisk ministerråd",
        summary="Rapport fra Nordisk ministerråd. Den trekker fram fem kjennetegn ved sosiale entreprenører som mange "
                "bruker når de skal forklare hva en sosial entreprenør er.",
        body="**En sosial entreprenør**\n\n"
             "- er rettet mot et sosialt formål der det finnes et udekket behov\n"
             "- bidrar med nye ideer og løsninger på utfordringene\n"
             "- involverer brukerne, medarbeiderne og andre sentrale interessenter i arbeidet\n"
             "- drives av de sosiale resultatene, men også av en forretningsmodell som kan gjøre virksomheten "
             "levedyktig og bærekraftig\n"
             "- samarbeider på tvers av fagfelt og virksomhetsmodeller",
        themes=("business-and-value-creation", "values-and-rules"), places=("no",),
        audiences=("entrepreneurs", "municipalities"), published_on="2015-01-01",
    ),
    DemoResource(
        slug="samarbeid-om-sosialt-entreprenorskap-2018", kind="report", language="nb",
        title="Samarbeid om sosialt entreprenørskap (2018)",
        author_name="Tverrdepartemental arbeidsgruppe, Arbeids- og sosialdepartementet",
        summary="Rapport fra en tverrdepartemental arbeidsgruppe om hvordan stat og kommune kan samarbeide med "
                "sosiale entreprenører. Arbeidsgruppen peker på fire kjennetegn: sosialt formål, nyskapende "
                "løsninger, forretningsmessige metoder og en levedyktig og bærekraftig forretningsmodell.",
        themes=("values-and-rules", "sdg-17-partnerships-for-the-goals"), places=("no",),
        audiences=("municipalities",), published_on="2018-01-01",
    ),
    DemoResource(
        slug="oecd-legal-frameworks-social-and-solidarity-economy", kind="report", language="nb",
        title="Policy Guide on Legal Frameworks for the Social and Solidarity Economy (OECD)", author_name="OECD",
        summary="OECDs veileder om juridiske rammeverk for den sosiale og solidariske økonomien. Et nyttig "
                "utgangspunkt for diskusjonen om Norge trenger et eget rammeverk – i dag finnes det ingen egen "
                "selskapsform for sosiale virksomheter.",
        themes=("values-and-rules", "sdg-16-peace-justice-and-strong-institutions"),
        audiences=("municipalities", "entrepreneurs"), published_on="2023-05-01",
    ),
    DemoResource(
        slug="norge-unlimited", kind="link", language="nb", title="Norge Unlimited",
        author_organisation="norge-unlimited",
        summary="Interesseorganisasjon for sosialt entreprenørskap i en lokal kontekst. Norge Unlimited støtter nye "
                "aktører med å pilotere, justere og etablere nabolagsinkubatorer etter Unlimited-modellen, og bygger "
                "kompetanse, nettverk og samfunnskontakt.",
        themes=("inclusion", "sdg-11-sustainable-cities-and-communities"), places=("no",),
        audiences=("residents", "municipalities"),
    ),
    DemoResource(
        slug="ferd-sosiale-entreprenorer", kind="link", language="nb", title="Ferd Sosiale Entreprenører",
        author_organisation="ferd-sosiale-entreprenorer",
        summary="Har i mange år støttet og investert i sosiale entreprenører i Norge, med kapital og kompetanse til "
                "dem som vil vokse.",
        themes=("business-and-value-creation",), places=("no",), audiences=("entrepreneurs",),
    ),
    DemoResource(
        slug="socentral", kind="link", language="nb", title="SoCentral", author_organisation="socentral",
        summary="Møteplass for sosial innovasjon i Oslo og en aktør i økosystemet for sosialt entreprenørskap.",
        themes=("sdg-17-partnerships-for-the-goals",), places=("no-oslo",), audiences=("entrepreneurs",),
    ),
    DemoResource(
        slug="samfunnsentralen", kind="link", language="nb", title="Samfunnsentralen",
        author_organisation="samfunnsentralen",
        summary="Jobber med sosialt entreprenørskap i Norge og er en del av økosystemet Norge Unlimited bygger sammen "
                "med andre aktører.",
        themes=("communication-and-learning",), places=("no",), audiences=("entrepreneurs",),
    ),
]

RESOURCES: list[DemoResource] = SED_LINKS + SWEDISH_RESOURCES + NORWEGIAN_RESOURCES

# ------------------------------------------------------------------------------------------------
# Collections

COLLECTIONS: list[DemoCollection] = [
    DemoCollection(
        slug="links-fra-sociale-entreprenorer-i-danmark", title="Links fra Sociale Entreprenører i Danmark",
        language="da",
        description="Et udvalg fra SED's linkside, der samler aktører og initiativer inden for socialt "
                    "iværksætteri, puljer man kan søge, og eksempler på socialøkonomiske virksomheder. Udvalget "
                    "tager udgangspunkt i de aktører, der mødtes til SED's arrangement om social innovation i Region "
                    "Midt.",
        items=(
            ("sociale-entreprenorer-i-danmark-sed", "Foreningen bag linksiden."),
            ("future-battles", ""),
            ("horsens-socialokonomiske-laboratorium", ""),
            ("det-kommunale-netvaerk-for-social-innovation", "Netværk og viden for kommuner."),
            ("socialokonomiske-virksomheder-i-kommunen", ""),
            ("social-innovation-europe", ""),
            ("insite-agenda-for-social-innovation", ""),
            ("center-for-offentlig-kompetenceudvikling-cok", "Innovation i kommunerne."),
            ("randersklyngen-laboratoriemodellen", ""),
            ("cabi-videnshus-for-socialt-ansvar", "Jobcentre og socialøkonomiske virksomheder."),
            ("cabi-jobcentre-og-socialokonomiske-virksomheder", ""),
            ("virksomhedsnetvaerket-cabi", ""),
            ("allehaande-og-jobcenter-kobenhavn", ""),
            ("cafe-kaffegal-og-arbejdsmarkedscenter-syd", ""),
            ("slotssobadet-og-jobcenter-kolding", ""),
            ("hvem-er-de-socialokonomiske-virksomheder-i-aarhus", "Forskning og uddannelse."),
            ("innovationsprojekt-aarhus-kommune-via", ""),
            ("masteruddannelsen-i-socialt-entreprenorskab", ""),
            ("forum-for-social-innovation-aarhus-fosia", ""),
            ("dansic", ""),
            ("regional-udvikling-og-vaekstforum-midtjylland", "Strukturfondsmidler og politik."),
            ("udvalget-for-socialokonomiske-virksomheder-rapport", ""),
            ("inklusion-og-social-baeredygtighed", "Foreninger og initiativer."),
            ("god-inklusionspraksis", ""),
            ("landsforeningen-ligevaerd", ""),
            ("trinitas-social-og-terapihunde", ""),
            ("sager-der-samler", ""),
            ("growing-trees-network", ""),
            ("cultura21-nordic", ""),
            ("foreningen-for-social-innovation", ""),
            ("innovatarium-praksiscenter", ""),
        ),
    ),
    DemoCollection(
        slug="metoder-for-samskapande", title="Metoder för samskapande", language="sv",
        description="Sju metoder för att samla människor, förstå problem, välja väg och pröva lösningar tillsammans "
                    "– från World Café till laboratoriemodellen. Varje metodkort finns också på norska, danska och "
                    "engelska.",
        items=(
            ("world-cafe-sv", "Utforska tillsammans: många röster kring en fråga."),
            ("open-space-sv", "När deltagarna själva vet vad som behöver diskuteras."),
            ("future-search-sv", "Hela systemet i ett rum, när många aktörer ska dra åt samma håll."),
            ("problem-tree-sv", "Förstå problemet innan ni letar lösningar."),
            ("dot-voting-sv", "Välj vad ni tar vidare."),
            ("laboratory-model-sv", "Från idé till prövad prototyp över sektorsgränserna."),
            ("vision-battle-sv", "En kväll med energi och modiga visioner."),
        ),
    ),
    DemoCollection(
        slug="verktoykasse-for-nabolagsinkubatorer", title="Verktøykasse for nabolagsinkubatorer", language="nb",
        description="Guider, metoder og maler for dere som starter eller driver en nabolagsinkubator etter "
                    "Unlimited-metodikken: fra det første idéverkstedet til valg av selskapsform.",
        items=(
            ("slik-kommer-dere-i-gang-med-en-nabolagsinkubator", "Start her."),
            ("problem-tree-nb", "Forstå hva ideen skal løse."),
            ("ideskjema-for-nabolagsinkubatoren", ""),
            ("dot-voting-nb", "Når det er flere ideer enn dere kan følge opp."),
            ("selskapsformer-for-sosiale-virksomheter", "Når ideen skal bli en virksomhet."),
            ("sosialt-entreprenorskap-og-sosial-innovasjon-2015", "Bakgrunn."),
            ("samarbeid-om-sosialt-entreprenorskap-2018", ""),
            ("norge-unlimited", ""),
        ),
    ),
]

# ------------------------------------------------------------------------------------------------
# Funders the directory's demo lacks, and open funding calls

FUNDERS: list[DemoOrganisation] = [
    DemoOrganisation(
        slug="vaekstforum-midtjylland", name="Vækstforum Midtjylland", kind="funder", sector="public", country="DK",
        head_office="dk-viborg", areas_served=("dk-midtjylland",),
        themes=("business-and-value-creation", "sdg-8-decent-work-and-economic-growth"), description_language="da",
        description=(
            "Vækstforum er sammensat af medlemmer fra regionsrådet, borgmestre, erhvervslivet, "
            "uddannelsesinstitutionerne og arbejdsmarkedets parter. Det lægger strategien for vækst og udvikling i "
            "Region Midtjylland og indstiller, hvordan EU's strukturfondsmidler skal bruges i regionen. Regional "
            "Udvikling er sekretariat."),
        offers="Puljer til innovation, iværksætteri og kompetenceudvikling – også til social innovation og "
               "socialøkonomiske virksomheder.",
    ),
    DemoOrganisation(
        slug="interreg-oresund-kattegat-skagerrak", name="Interreg Öresund-Kattegat-Skagerrak", kind="funder",
        sector="public", country="SE",
        areas_served=("se-skane", "se-halland", "se-vastra-gotaland", "dk-hovedstaden", "dk-sjaelland",
                      "dk-midtjylland", "dk-nordjylland", "no-oslo-fylke", "no-akershus", "no-ostfold",
                      "no-buskerud", "no-vestfold", "no-telemark", "no-agder"),
        themes=("sdg-17-partnerships-for-the-goals", "inclusion"), description_language="sv",
        description=(
            "EU-programmet för gränsöverskridande samarbete mellan Sverige, Danmark och Norge kring Öresund, "
            "Kattegatt och Skagerrak. Programmet finansierar projekt där partner från minst två av länderna löser "
            "gemensamma utmaningar tillsammans."),
        offers="Medfinansiering av gränsöverskridande projekt.",
    ),
]

OPEN_KINDS = ("association", "cooperative", "foundation", "social_enterprise", "work_integrating", "network")

CALLS: list[DemoCall] = [
    DemoCall(
        slug="esf-plus-skane-blekinge-asf", funder="strukturfondspartnerskapet-skane-blekinge", language="sv",
        title="ESF+: Fler vägar till arbete genom arbetsintegrerande sociala företag",
        programme="Europeiska socialfonden+ (ESF+), social inkludering – Skåne-Blekinge",
        summary="Utlysningen riktar sig till projekt som stärker arbetsintegrerande sociala företag (ASF) som väg "
                "till arbete för personer som står långt från arbetsmarknaden. Projekten kan till exempel göra "
                "etableringsanalyser i kommunerna, bygga lokala nätverk mellan kommun, Arbetsförmedlingen och "
                "idéburen sektor eller utveckla handledarskapet i företagen. Ansökan görs i två steg: först en "
                "förstudie, sedan ett genomförandeprojekt.",
        currency="SEK", amount_min=500_000, amount_max=8_000_000, time_zone="Europe/Stockholm",
        deadlines=(DemoDeadline(40, "Ansökan om förstudie"), DemoDeadline(130, "Ansökan om genomförandeprojekt")),
        eligible_kinds=("municipality", "region", "university", *OPEN_KINDS),
        eligible_places=("se-skane", "se-blekinge"),
        themes=("work-integration", "youth-unemployment", "exclusion", "sdg-8-decent-work-and-economic-growth"),
        eligibility="Offentliga organisationer, idéburna organisationer och företag med verksamhet i Skåne eller "
                    "Blekinge. Privatpersoner kan inte söka. Projektet ska nå deltagare som står långt från "
                    "arbetsmarknaden.",
        co_financing="ESF+ står för upp till hälften av de stödberättigande kostnaderna; resten är offentlig "
                     "medfinansiering, till exempel från kommun, region eller Arbetsförmedlingen.",
        contact_name="Handläggare för socialfonden, Skåne-Blekinge", contact_email="socialfonden@example.org",
    ),
    DemoCall(
        slug="vaekstforum-midtjylland-social-innovation", funder="vaekstforum-midtjylland", language="da",
        title="Pulje til social innovation i velfærd og sundhed",
        programme="Vækstforum Midtjylland – social innovation og socialøkonomi",
        summary="Vækstforum Midtjylland søger projekter, der udvikler og afprøver nye løsninger på velfærds- og "
                "sundhedsudfordringer i samarbejde mellem kommuner, virksomheder, civilsamfund og "
                "uddannelsesinstitutioner – og socialøkonomiske virksomheder, der kan bringe udsatte borgere i "
                "beskæftigelse. Projekter, der arbejder i tværsektorielle laboratorier og måler deres effekter, "
                "prioriteres.",
        currency="DKK", amount_min=250_000, amount_max=2_000_000, time_zone="Europe/Copenhagen",
        deadlines=(DemoDeadline(25, "Projektskitse", "12:00"), DemoDeadline(85, "Endelig ansøgning", "12:00")),
        eligible_kinds=("municipality", "company", "university", *OPEN_KINDS),
        eligible_places=("dk-midtjylland",),
        themes=("ill-health", "ageing", "work-integration", "sdg-3-good-health-and-well-being",
                "business-and-value-creation"),
        eligibility="Partnerskaber med mindst tre parter fra mindst to sektorer, med aktiviteter i Region "
                    "Midtjylland. En af parterne er ansvarlig ansøger.",
        co_financing="Mindst 50 % medfinansiering fra projektets parter, kontant eller som arbejdstimer.",
        contact_name="Regional Udvikling, innovationsteamet", contact_email="vaekstforum@example.org",
    ),
    DemoCall(
        slug="oslo-tilskudd-nabolagsinitiativer", funder="oslo-kommune", language="nb",
        title="Tilskuddsordning for nabolagsinitiativer og sosialt entreprenørskap",
        programme="Oslo kommune – tilskudd til nærmiljø og sosial innovasjon",
        summary="Tilskuddsordningen støtter innbyggere, foreninger og sosiale entreprenører som vil teste nye "
                "løsninger i nabolaget sitt: møteplasser mot ensomhet, aktiviteter for barn og unge, delingstjenester "
                "og arbeidstrening. Ideer som har vært gjennom en nabolagsinkubator, eller som har en plan for "
                "hvordan de kan bli levedyktige over tid, prioriteres.",
        currency="NOK", amount_min=20_000, amount_max=300_000, time_zone="Europe/Oslo",
        deadlines=(DemoDeadline(35, "Første søknadsrunde"), DemoDeadline(160, "Andre søknadsrunde")),
        eligible_kinds=OPEN_KINDS, eligible_places=("no-oslo",),
        themes=("loneliness", "child-poverty", "inclusion", "sdg-11-sustainable-cities-and-communities"),
        eligibility="Frivillige organisasjoner, sosiale entreprenører og nabolagsgrupper med aktivitet i Oslo. "
                    "Enkeltpersoner kan søke sammen med en organisasjon som står som ansvarlig. Tilskuddet kan ikke "
                    "gå til ordinær drift.",
        co_financing="Ingen krav om egenandel, men dugnadsinnsats og andre bidrag bør komme fram i budsjettet.",
        contact_name="Tilskuddsforvaltningen", contact_email="tilskudd@example.org",
    ),
    DemoCall(
        slug="malmo-snabbstod-grannskapsinitiativ", funder="malmo-stad", language="sv",
        title="Snabbstöd för grannskapsinitiativ", programme="Malmö stads stödprogram för idéburna initiativ",
        summary="Har du och dina grannar en idé som gör grannskapet tryggare, grönare eller mindre ensamt? "
                "Snabbstödet går till små, konkreta initiativ som kan komma igång inom några veckor – ett "
                "reparationskafé, läxhjälp, en gemensam odling. Ansökan är kort och besked kommer inom tre veckor. "
                "Sök när som helst under året.",
        currency="SEK", amount_min=5_000, amount_max=30_000, time_zone="Europe/Stockholm", deadlines=(),
        eligible_kinds=("association", "social_enterprise", "cooperative", "work_integrating", "network"),
        eligible_places=("se-malmo",),
        themes=("loneliness", "inclusion", "environment-and-health", "sdg-11-sustainable-cities-and-communities"),
        eligibility="Föreningar, nätverk och grupper av invånare i Malmö. En grupp utan egen förening kan söka "
                    "tillsammans med en förening som tar emot pengarna.",
        co_financing="Ingen medfinansiering krävs.",
        contact_name="Stödprogrammets handläggare", contact_email="snabbstod@example.org",
    ),
    DemoCall(
        slug="framtidsfron-startbidrag", funder="stiftelsen-framtidsfron", language="sv",
        title="Startbidrag för unga sociala entreprenörer", programme="Framtidsfrön – startbidrag och mentorskap",
        summary="Stiftelsen Framtidsfrön delar ut startbidrag till unga sociala entreprenörer i hela Sverige som "
                "vill pröva en idé som löser en samhällsutmaning. Bidraget kommer med ett års mentorskap och en "
                "plats i stiftelsens nätverk av tidigare mottagare.",
        currency="SEK", amount_min=10_000, amount_max=50_000, time_zone="Europe/Stockholm",
        deadlines=(DemoDeadline(18, "Ansökan"),),
        eligible_kinds=("social_enterprise", "association", "cooperative", "work_integrating"),
        eligible_places=("se",),
        themes=("youth-unemployment", "sdg-4-quality-education", "business-and-value-creation"),
        eligibility="Du är mellan 18 och 30 år och driver, eller ska starta, ett socialt företag eller en förening "
                    "med ett tydligt samhällsnyttigt syfte.",
        co_financing="Ingen medfinansiering krävs.",
        contact_name="Stiftelsens kansli", contact_email="ansokan@example.org",
    ),
    DemoCall(
        slug="faelles-rodder-puljen", funder="fonden-faelles-rodder", language="da",
        title="Puljen Fælles Rødder: lokale fællesskaber mod ensomhed", programme="Fælles Rødder",
        summary="Fonden støtter lokale projekter på Fyn og i resten af Region Syddanmark, der skaber fællesskaber for "
                "mennesker, der er ensomme – ældre, unge eller nytilflyttede. Projekterne skal bygge på frivillige "
                "kræfter og gerne samarbejde med kommunen eller en socialøkonomisk virksomhed.",
        currency="DKK", amount_min=10_000, amount_max=100_000, time_zone="Europe/Copenhagen",
        deadlines=(DemoDeadline(100, "Ansøgningsfrist"),),
        eligible_kinds=("association", "social_enterprise", "work_integrating", "cooperative", "network"),
        eligible_places=("dk-syddanmark",),
        themes=("loneliness", "ageing", "sdg-3-good-health-and-well-being"),
        eligibility="Foreninger, netværk og socialøkonomiske virksomheder med aktiviteter i Region Syddanmark.",
        co_financing="Egenfinansiering er ikke et krav, men de frivilliges timer skal fremgå af budgettet.",
        contact_name="Fondens sekretariat", contact_email="puljen@example.org",
    ),
    DemoCall(
        slug="interreg-oks-inclusive-neighbourhoods", funder="interreg-oresund-kattegat-skagerrak", language="en",
        title="Cross-border social innovation: neighbourhoods that include",
        programme="Interreg Öresund-Kattegat-Skagerrak – an inclusive region",
        summary="For partnerships across the Swedish, Danish and Norwegian parts of the programme area that develop "
                "and share new ways of including people far from the labour market – for example neighbourhood "
                "incubators, work-integrating social enterprises and cross-sector laboratories. Projects need "
                "partners in at least two of the three countries. Apply first with a project idea, then, if "
                "invited, with a full application.",
        currency="EUR", amount_min=200_000, amount_max=1_500_000, time_zone="Europe/Copenhagen",
        deadlines=(DemoDeadline(50, "Project idea"), DemoDeadline(140, "Full application")),
        eligible_kinds=("municipality", "region", "university", *OPEN_KINDS),
        eligible_places=("se-skane", "se-halland", "se-vastra-gotaland", "dk-hovedstaden", "dk-sjaelland",
                         "dk-midtjylland", "dk-nordjylland", "no-oslo-fylke", "no-akershus", "no-ostfold",
                         "no-buskerud", "no-vestfold", "no-telemark", "no-agder"),
        themes=("inclusion", "work-integration", "sdg-10-reduced-inequalities", "sdg-17-partnerships-for-the-goals"),
        eligibility="Public bodies, universities and idea-based organisations in the programme area. Companies may "
                    "take part as partners. At least two countries must be represented in the partnership.",
        co_financing="EU funding covers part of the eligible costs (typically up to 60 %); the partners finance the "
                     "rest. Norwegian partners are financed with Norwegian state funds.",
        contact_name="Joint secretariat", contact_email="secretariat@example.org",
    ),
]
