"""The demo's events: the seeds' meetings, conferences and thinkshops, and a few upcoming ones.

From the seeds: the Kreaprenör network meeting at Globen with its World Café (000); Norge Unlimited's
two days in Stavanger and Oslo (001); SED's afternoon in Aarhus with 36 participants, a public
participant list, seven talks with slides and organisations presenting themselves (003); an
Innovatarium thinkshop paid by participation fees (004); SED's "pay what you can" (003). Speakers and
participants are fictional people; organisations, venues, dates and talks are the seeds'.

`day` is a date ("2014-02-20") or a number of days from the day the demo is loaded, so the upcoming
events are upcoming whenever the demo is loaded. Organisations and places are slugs, looked up when
the demo loads; a missing one is skipped.
"""

from typing import NamedTuple

FOCUS_AREAS = ("environment-and-health", "values-and-rules", "communication-and-learning",
               "business-and-value-creation")


class DemoSpeaker(NamedTuple):
    slug: str
    name: str
    organisation_name: str
    bio: str = ""
    user_email: str = ""  # a demo member who is the speaker


class DemoSession(NamedTuple):
    title: str
    start: str  # "13:15", on the event's first day (or `day` days later)
    end: str
    speakers: tuple[str, ...] = ()  # speaker slugs
    description: str = ""
    room: str = ""
    slides: str = ""  # the title of the slides, when the talk had slides
    day: int = 0


class DemoEvent(NamedTuple):
    slug: str
    title: str
    kind: str
    language: str
    day: str | int
    start: str
    end: str
    time_zone: str
    summary: str
    description: str
    organisers: tuple[str, ...] = ()
    organised_by_hub: bool = False
    themes: tuple[str, ...] = ()
    place: str = ""
    venue_name: str = ""
    venue_address: str = ""
    room: str = ""
    latitude: str = ""
    longitude: str = ""
    accessibility: str = ""
    online_url: str = ""
    days: int = 1
    capacity: int | None = None
    waiting_list: bool = True
    audience: str = "anyone"
    pricing: str = "free"
    currency: str = "SEK"
    suggested_amounts: tuple[int, ...] = ()
    minimum_amount: int = 0
    ticket_types: tuple[tuple[str, int, int | None], ...] = ()  # (name, price, places)
    questions: tuple[tuple[str, str, tuple[str, ...], bool], ...] = ()  # (kind, label, choices, required)
    participant_list_public: bool = True
    outcome_summary: str = ""
    speakers: tuple[DemoSpeaker, ...] = ()
    sessions: tuple[DemoSession, ...] = ()
    stands: tuple[tuple[str, str], ...] = ()  # (organisation slug, pitch)
    participants: int = 0  # fictional registrations, confirmed (and checked in, for past events)
    waiting: int = 0  # fictional registrations on the waiting list
    demo_registrations: tuple[str, ...] = ()  # demo log-ins registered for it
    series: str = ""  # a key of SERIES


# The Norwegian conference's two days, linked as a series.
SERIES = {
    "fremtidens-velferd": ("Sosialt entreprenørskap og fremtidens velferd", "FREQ=DAILY;COUNT=2"),
}

# Kreaprenör's network meeting, the first Tuesday of every month: the next occurrences are added each
# time the demo loads, so the demo always has meetings ahead.
MONTHLY_MEETING = DemoEvent(
    slug="kreaprenor-natverkstraff", title="Kreaprenör-nätverkets månadsträff", kind="network_meeting",
    language="sv", day=0, start="18:00", end="20:00", time_zone="Europe/Stockholm",
    summary="Månadens nätverksträff: vi delar vad vi arbetar med och väljer en fråga att gå vidare med.",
    description=(
        "Varje första tisdag i månaden träffas Kreaprenör-nätverket. Vi börjar med en runda om vad var och en "
        "arbetar med, och arbetar sedan med en av nätverkets frågor utifrån modellens fyra fokusområden: miljö "
        "och hälsa, värdegrund och regler, kommunikation och lärande samt näringsliv och värdeskapande."),
    organisers=("kreaprenor-natverket",), themes=FOCUS_AREAS, place="se-stockholm",
    venue_name="ABF-huset", venue_address="Sveavägen 41, 111 34 Stockholm",
    accessibility="Hiss och tillgänglig toalett. Hörslinga i samlingssalen.",
    online_url="https://meet.example.org/kreaprenor-natverkstraff", capacity=30, participants=6,
)
MONTHLY_RULE = "FREQ=MONTHLY;BYDAY=1TU"
MONTHLY_AHEAD = 3

SED_SPEAKERS = (
    DemoSpeaker("henrik-lykke", "Henrik Lykke", "Teknologisk Institut",
                "Leder Det kommunale netværk for social innovation, hvor 35 kommuner finder nye løsninger på "
                "samfundsudfordringer sammen med nye partnere."),
    DemoSpeaker("annette-vestergaard", "Annette Vestergaard", "Landsforeningen for Økosamfund",
                "Arbejder med projektet Inklusion og social bæredygtighed."),
    DemoSpeaker("sofie-kragh", "Sofie Kragh", "Forum for Social Innovation Aarhus (FOSIA)",
                "Frivillig i FOSIA, der holder Danmarks største case competition for social innovation."),
    DemoSpeaker("thomas-riis", "Thomas Riis", "Center for Offentlig Kompetenceudvikling (COK)",
                "Konsulent i COK; arbejder med Laboratoriemodellen for tværsektorielle udviklingsforløb."),
    DemoSpeaker("lene-holst", "Lene Holst", "CABI",
                "Konsulent i CABI, netværks- og videnshus for socialt ansvar."),
    DemoSpeaker("martin-dalsgaard", "Martin Dalsgaard", "VIA University College",
                "Forsker i socialøkonomiske virksomheder og samskabelse."),
    DemoSpeaker("karsten-moller", "Karsten Møller", "Sociale Entreprenører i Danmark (SED)",
                "Formand for SED; bød velkommen og fortalte om foreningens arbejde."),
)

EVENTS: list[DemoEvent] = [
    # --- 000: the Kreaprenör network meeting at Globen ----------------------------------------------
    DemoEvent(
        slug="socialt-kreaprenorskap-globen-2009", title="Socialt kreaprenörskap – nätverksträff på Globen",
        kind="network_meeting", language="sv", day="2009-02-12", start="13:00", end="17:00",
        time_zone="Europe/Stockholm",
        summary="Hur kan Kreaprenör-nätverket bidra till en positiv samhällsutveckling, och hur kan "
                "medlemmarna bäst bidra och samtidigt nyttiggöra sina egna och varandras verksamheter?",
        description=(
            "Ett tjugotal medlemmar samlas på Globen konferens till en nätverksträff om socialt kreaprenörskap. "
            "Vi börjar med Kreaprenör-modellen och hur den används för att identifiera nya, framtida "
            "affärsmöjligheter, fortsätter med dialogen som verktyg för att förstå och förändra, och avslutar "
            "med en workshop enligt World Café-modellen."),
        organisers=("kreaprenor-natverket",), themes=FOCUS_AREAS, place="se-stockholm",
        venue_name="Globen konferens", venue_address="Globentorget 2, 121 77 Johanneshov", room="Konferenssal 1",
        latitude="59.29360", longitude="18.08310", capacity=25, participants=20,
        outcome_summary=(
            "Resultat av World Café-samtalen:\n"
            "1) Utveckla Kreaprenör-modellen genom att tillämpa fokusområdesprincipen konsekvent, engagera "
            "inflytelserika personer och experter inom varje fokusområde, hitta partner i konsultvärlden och låta "
            "det etablerade och det nya mötas. Använd Internet. Förenkla, konkretisera och lyft fram exempel.\n"
            "2) Tillämpningar: modellen passar i krislägen som nu – rätt tid att sätta individen i fokus och "
            "utveckla en plantskola för kreaprenöriellt tänkande, i skolan och i vården (holistisk hälsa).\n"
            "3) Hur organiserar vi oss? Använd modellen på oss själva, identifiera mottagargrupper och frågor, "
            "välj ut några frågor att satsa på och organisera lokala grupper med kontaktpersoner."),
        speakers=(
            DemoSpeaker("lennart-akesson", "Lennart Åkesson", "Kreaprenör-nätverket",
                        "En av grundarna av Kreaprenör-modellen."),
            DemoSpeaker("goran-wester", "Göran Wester", "Kreaprenör-nätverket",
                        "Samtalsledare som arbetar med dialog som verktyg för förändring."),
            DemoSpeaker("sara-nilsson", "Sara Nilsson", "Coompanion Skåne", "Processledare för World Café.",
                        user_email="sara.nilsson@samskap.test"),
        ),
        sessions=(
            DemoSession("Kreaprenör-modellen och framtidens affärsmöjligheter", "13:00", "13:45", ("lennart-akesson",),
                        "Hur modellens fyra fokusområden används för att identifiera nya, framtida affärsmöjligheter."),
            DemoSession("Dialogen som verktyg för att förstå och förändra", "13:45", "14:30", ("goran-wester",),
                        "Hur människor fungerar i praktiken – en balans mellan trygghetssökande och nyfikenhet – och "
                        "hur vi relaterar till varandra utifrån tillhörighet, kontroll och öppenhet."),
            DemoSession("Open Space, Future Search och World Café", "14:30", "15:00", ("goran-wester",),
                        "Dialogformer där människor med olika bakgrund samlas kring ett framtidstema och får något "
                        "att hända."),
            DemoSession("World Café: Kreaprenör – modellen och nätverket", "15:15", "17:00", ("sara-nilsson",),
                        "Frågor: Hur kan vi utveckla Kreaprenör-modellen, vilka praktiska tillämpningsområden ser vi "
                        "och hur organiserar vi oss?", room="Hela salen"),
        ),
    ),
    # --- 001: Norge Unlimited, Stavanger and Oslo ----------------------------------------------------
    DemoEvent(
        slug="fremtidens-velferd-stavanger-2023",
        title="Sosialt entreprenørskap og fremtidens velferd – del 1: Stavanger", kind="conference",
        language="nb", day="2023-10-19", start="09:00", end="14:30", time_zone="Europe/Oslo",
        summary="En praktisk dag der du møter sosiale entreprenører og kommuner som bruker sosialt "
                "entreprenørskap som verktøy.",
        description=(
            "Det er et økende fokus på lokaldemokrati, innovasjon og nærmiljøutvikling i offentlig sektor. Ofte "
            "er det opp til kommuner og bydeler å skape nye og bedre tjenester med dyp involvering av "
            "innbyggerne. Sammen utforsker vi hvordan sosiale entreprenører kan styrke lokalsamfunnene våre, og "
            "ser på muligheter og hindringer på begge sider av bordet når sosiale entreprenører og offentlig "
            "sektor skal gjøre nybrottsarbeid."),
        organisers=("norge-unlimited", "stavanger-kommune"), themes=("inclusion", "business-and-value-creation"),
        place="no-stavanger", venue_name="KRA Stavanger", venue_address="Verven 24, 4014 Stavanger",
        latitude="58.97230", longitude="5.73570", capacity=80, participants=34, series="fremtidens-velferd",
        questions=(("text", "Kommune, bydel eller organisasjon", (), True),
                   ("text", "Allergier eller andre behov", (), False)),
        speakers=(
            DemoSpeaker("ingrid-solheim", "Ingrid Solheim", "Norge Unlimited",
                        "Prosjektleder for nabolagsinkubatorene som jobber etter Unlimited-metodikken."),
            DemoSpeaker("kjetil-ronning", "Kjetil Rønning", "Stavanger kommune",
                        "Rådgiver for innbyggerinvolvering og nærmiljøutvikling."),
        ),
        sessions=(
            DemoSession("Unlimited-metodikken: aktiv og direkte innbyggerinvolvering", "09:15", "10:00",
                        ("ingrid-solheim",), "Sosialt entreprenørskap i et nabolagsperspektiv gjennom "
                                             "nabolagsinkubatorer."),
            DemoSession("Når kommunen og sosiale entreprenører gjør nybrottsarbeid sammen", "10:15", "11:30",
                        ("kjetil-ronning", "ingrid-solheim"), "Muligheter og hindringer på begge sider av bordet."),
            DemoSession("Gruppearbeid: hva trenger nabolaget ditt?", "12:15", "14:15", (),
                        "Med problemtreet som verktøy.", room="Grupperom"),
        ),
    ),
    DemoEvent(
        slug="fremtidens-velferd-oslo-2023",
        title="Sosialt entreprenørskap og fremtidens velferd – del 2: Oslo", kind="conference",
        language="nb", day="2023-10-20", start="12:00", end="16:00", time_zone="Europe/Oslo",
        summary="OECD og sentrale aktører i den sosiale og solidariske økonomien i Norge møtes.",
        description=(
            "OECD lanserte i vår en policy guide for et juridisk rammeverk for den sosiale og solidariske "
            "økonomien, og FN vedtok omtrent samtidig resolusjonen Promoting the Social and Solidarity Economy for "
            "Sustainable Development. I Norge har vi ikke noen tradisjon for å snakke om en sosial og solidarisk "
            "økonomi. Vi inviterer derfor til en innledende samtale om hvordan vi forstår dette i en norsk "
            "kontekst, og om det er behov for et overordnet juridisk rammeverk nasjonalt. Takk til The Conduit "
            "som er vertskap."),
        organisers=("norge-unlimited",), themes=("sdg-8-decent-work-and-economic-growth", "business-and-value-creation"),
        place="no-oslo", venue_name="The Conduit", venue_address="Kristian Augusts gate 21, 0164 Oslo",
        latitude="59.91640", longitude="10.73690", capacity=60, participants=28, series="fremtidens-velferd",
        speakers=(
            DemoSpeaker("claire-dubois", "Claire Dubois", "OECD",
                        "Policy analyst for the social and solidarity economy."),
            DemoSpeaker("magnus-haugen", "Magnus Haugen", "Norge Unlimited",
                        "Erfaren sosial entreprenør og mentor.", user_email="mentor@samskap.test"),
        ),
        sessions=(
            DemoSession("OECDs policy guide for juridiske rammeverk for den sosiale og solidariske økonomien",
                        "12:15", "13:15", ("claire-dubois",)),
            DemoSession("Samtale: hva betyr en sosial og solidarisk økonomi i Norge?", "13:30", "15:30",
                        ("magnus-haugen", "claire-dubois")),
        ),
    ),
    # --- 003: SED's afternoon in Aarhus --------------------------------------------------------------
    DemoEvent(
        slug="innovation-pa-det-sociale-omrade-region-midt-2014",
        title="Innovation på det sociale område – aktører i Region Midt", kind="network_meeting", language="da",
        day="2014-02-20", start="13:00", end="17:00", time_zone="Europe/Copenhagen",
        summary="At samle de aktører, der arbejder med social innovation i Region Midt, og se på "
                "samarbejdsmuligheder for at fremme den fælles sag.",
        description=(
            "Mange aktører arbejder i en eller anden form med social innovation – og gør hver især meget. Men "
            "måske kunne man gøre mere sammen. Arrangementet er åbent for alle med interesse i social innovation "
            "i Region Midt, og det er gratis. Efter oplæggene deles vi i to grupper og ser på "
            "samarbejdsmuligheder, og de organisationer, der ikke har taletid, præsenterer sig selv."),
        organisers=("sociale-entreprenorer-i-danmark", "teknologisk-institut"),
        themes=("inclusion", "work-integration", "communication-and-learning"), place="dk-aarhus",
        venue_name="Teknologisk Institut", venue_address="Kongsvang Allé 29, 8000 Aarhus C",
        latitude="56.14290", longitude="10.18990", capacity=40, participants=36, currency="DKK",
        outcome_summary=(
            "36 deltagere. Der var enighed om at holde kontakten aktørerne imellem og arbejde videre med et større "
            "fælles arrangement: en to-dages konference om social innovation i starten af 2015, med plads til "
            "flere aktører og stande, hvor socialøkonomiske virksomheder kan præsentere deres aktiviteter – "
            "måske knyttet til Kulturby 2017."),
        speakers=SED_SPEAKERS,
        sessions=(
            DemoSession("Velkomst", "13:00", "13:15", ("karsten-moller", "henrik-lykke")),
            DemoSession("Social innovation som en fjerde vej til velfærd", "13:15", "13:35", ("henrik-lykke",),
                        "Teknologisk Instituts tilgang til social innovation, med fokus på den offentlige sektor.",
                        slides="Social innovation – Teknologisk Institut"),
            DemoSession("Social innovation som redskab for inklusion", "13:35", "13:55", ("annette-vestergaard",),
                        "Projektet Inklusion og social bæredygtighed.", slides="Inklusion og social bæredygtighed"),
            DemoSession("FOSIA: studerende skaber social innovation", "13:55", "14:15", ("sofie-kragh",),
                        "Danmarks største case competition for social innovation.", slides="FOSIA2014"),
            DemoSession("Nyt, nyttigt og nyttiggjort: COK's model for innovation", "14:15", "14:35", ("thomas-riis",),
                        "Idéudviklingsfasen (pre-jekt), prøvehandlingsfasen (pro-jekt) og prøvesprængningsfasen "
                        "(post-jekt), og Laboratoriemodellen.", slides="COK's innovationsmodel"),
            DemoSession("Jobcentre og socialøkonomiske virksomheder", "14:50", "15:10", ("lene-holst",),
                        "Én kontakt, det rigtige match, klare forventninger, regelmæssig opfølgning og en plan "
                        "efter praktikken.", slides="Samarbejde mellem jobcentre og socialøkonomiske virksomheder"),
            DemoSession("Socialøkonomiske virksomheder i Aarhus", "15:10", "15:30", ("martin-dalsgaard",),
                        "Forskningsprojektet 2011–2013 og innovationsprojektet med Aarhus Kommune.",
                        slides="Hvem er de socialøkonomiske virksomheder i Aarhus?"),
            DemoSession("Sociale Entreprenører i Danmark", "15:30", "15:50", ("karsten-moller",),
                        "Netværk, nyhedsformidling, Horsens Socialøkonomiske Laboratorium og Future Battles.",
                        slides="Sociale Entreprenører i Danmark"),
            DemoSession("Workshop: samarbejdsmuligheder", "15:50", "16:40", (),
                        "To grupper; organisationerne uden taletid præsenterer sig selv."),
            DemoSession("Opsamling på dagen", "16:40", "17:00", ("karsten-moller",)),
        ),
        stands=(
            ("sager-der-samler", "En arena for aktivt medborgerskab midt i Aarhus – kom og hør om vores "
                                 "initiativer for sundhed, fællesskab og grøn handling."),
            ("growing-trees-network", "Vi planter træer for rent drikkevand og renere luft – og søger jordejere og "
                                      "kommuner."),
        ),
    ),
    # --- 004: an Innovatarium thinkshop, paid ---------------------------------------------------------
    DemoEvent(
        slug="innovatarium-thinkshop-samskabelse", title="Thinkshop: samskabelse og empowerment i praksis",
        kind="thinkshop", language="da", day=24, start="13:00", end="16:30", time_zone="Europe/Copenhagen",
        summary="Oplægsholdere deler viden om samskabelse, og vi udvikler idéer til din egen praksis.",
        description=(
            "En thinkshop for praktikere fra alle sociale professioner. Oplægsholdere deler deres viden om "
            "samskabelse og empowerment, og bagefter arbejder vi i grupper med idéudvikling til jeres egen "
            "praksis. Innovatariums drift finansieres af betaling for deltagelse; prisen dækker kaffe og "
            "materialer."),
        organisers=("innovatarium",), themes=("communication-and-learning", "values-and-rules"), place="dk-aarhus",
        venue_name="Dokk1", venue_address="Hack Kampmanns Plads 2, 8000 Aarhus C",
        accessibility="Niveaufri adgang og handicaptoilet.", capacity=24, pricing="tickets", currency="DKK",
        ticket_types=(("Medlem af en fagforening", 350, None), ("Ikke-medlem", 600, None), ("Studerende", 150, 6)),
        questions=(("single", "Hvilken profession arbejder du i?",
                    ("Pædagog", "Socialrådgiver", "Lærer", "Ergoterapeut", "Andet"), True),
                   ("text", "Kostbehov", (), False)),
        speakers=(DemoSpeaker("camilla-lund", "Camilla Lund", "Innovatarium",
                              "Pædagog med profil i social innovation og entreprenørskab."),),
        sessions=(DemoSession("Samskabelse i velfærdsprofessionerne", "13:00", "14:00", ("camilla-lund",)),
                  DemoSession("Idéudvikling i grupper", "14:15", "16:30", ())),
        participants=9, demo_registrations=("member@samskap.test",),
    ),
    # --- 003: SED's "pay what you can", a Future Battles evening ---------------------------------------
    DemoEvent(
        slug="future-battles-aarhus", title="Future Battles: visioner for fremtidens fællesskaber",
        kind="workshop", language="da", day=38, start="19:00", end="21:30", time_zone="Europe/Copenhagen",
        summary="En visionsudviklende debatleg: visionerne battler live, og publikum stemmer dem ud.",
        description=(
            "Future Battles kombinerer kreativ leg, performance, visionsudvikling, konkurrence og debat. "
            "Deltagerne skiftes til at komme med deres visioner for aftenens emne – og visionerne stemmes ud af "
            "publikum, når de ikke skaber engagement. Betal hvad du kan: vælg selv dit beløb."),
        organisers=("sociale-entreprenorer-i-danmark",), themes=("loneliness", "climate"), place="dk-aarhus",
        venue_name="Godsbanen", venue_address="Skovgaardsgade 3, 8000 Aarhus C", room="Teatersalen",
        capacity=120, pricing="pay_what_you_can", currency="DKK", suggested_amounts=(50, 100, 200), minimum_amount=0,
        participants=14, demo_registrations=("member@samskap.test",),
    ),
    # --- upcoming -------------------------------------------------------------------------------------
    DemoEvent(
        slug="natverkstraff-asf-skane", title="Nätverksträff: arbetsintegrerande sociala företag i Skåne",
        kind="network_meeting", language="sv", day=10, start="09:00", end="11:30", time_zone="Europe/Stockholm",
        summary="Frukostträff för ASF:er, kommuner och Arbetsförmedlingen om etableringsanalyser och samverkan.",
        description=(
            "Vi delar erfarenheter från kunskapsturnén i Skånes 33 kommuner: hur görs en etableringsanalys, och "
            "vad behöver kommunerna för att kunna ge råd och stöd till nya arbetsintegrerande sociala företag?"),
        organisers=("social-innovation-skane", "coompanion-skane"), themes=("work-integration", "youth-unemployment"),
        place="se-malmo", venue_name="Mötesplats Social Innovation", venue_address="Nordenskiöldsgatan 1, 211 19 Malmö",
        capacity=12, participants=12, waiting=3, questions=(("yes_no", "Vill du ha vegetarisk frukost?", (), False),),
    ),
    DemoEvent(
        slug="webinar-nabolagsinkubator", title="Webinar: slik starter kommunen en nabolagsinkubator",
        kind="webinar", language="nb", day=17, start="12:00", end="13:00", time_zone="Europe/Oslo",
        summary="En time om hvordan kommuner og bydeler kommer i gang med Unlimited-metodikken.",
        description="Vi går gjennom hva en nabolagsinkubator trenger: et sted, en vert, et nettverk av "
                    "unlimitere og en kommune som tar innbyggernes ideer på alvor.",
        organisers=("norge-unlimited",), themes=("inclusion",),
        online_url="https://meet.example.org/norge-unlimited-nabolagsinkubator", participants=22,
        demo_registrations=("member@samskap.test",),
    ),
    DemoEvent(
        slug="kursdag-world-cafe-och-open-space", title="Kursdag: World Café och Open Space i praktiken",
        kind="course_day", language="sv", day=28, start="09:00", end="16:00", time_zone="Europe/Stockholm",
        summary="Lär dig leda samtal där alla bidrar: en dag med övningar i World Café och Open Space.",
        description="För dig som vill leda nätverksträffar och workshoppar. Vi övar på att formulera frågor, "
                    "hålla bordsvärdar igång och samla in det som kommer fram.",
        organised_by_hub=True, themes=("communication-and-learning",), place="se-malmo",
        venue_name="Rosengårds bibliotek", venue_address="Rosengårds centrum, 213 65 Malmö",
        capacity=20, audience="members", participants=8,
        speakers=(DemoSpeaker("fatima-lindqvist", "Fatima Lindqvist", "Samskap Norden",
                              "Processledare vid grannskapsinkubatorn.", user_email="facilitator@samskap.test"),),
        sessions=(DemoSession("World Café: frågor som öppnar", "09:00", "12:00", ("fatima-lindqvist",)),
                  DemoSession("Open Space: agendan som deltagarna gör", "13:00", "16:00", ("fatima-lindqvist",))),
    ),
]

# Fictional participants, composed deterministically from these names.
PARTICIPANT_NAMES = {
    "sv": (["Anna", "Erik", "Maria", "Johan", "Leila", "Nils", "Karin", "Ahmed", "Elin", "Per", "Sofia", "Oskar"],
           ["Lindgren", "Berg", "Holm", "Ek", "Sandberg", "Hassan", "Nyberg", "Strand", "Lund", "Wallin"]),
    "nb": (["Ingrid", "Ola", "Kari", "Jonas", "Nora", "Eirik", "Silje", "Ali", "Thea", "Magnus", "Hanne", "Per"],
           ["Hansen", "Haugen", "Berg", "Dahl", "Lie", "Moen", "Solberg", "Bakken", "Strand", "Aas"]),
    "da": (["Mette", "Anders", "Camilla", "Mads", "Louise", "Søren", "Ida", "Rasmus", "Signe", "Jakob", "Freja",
            "Amina"], ["Jensen", "Nielsen", "Pedersen", "Madsen", "Kristensen", "Thomsen", "Holm", "Bach", "Kjær",
                       "Lauridsen"]),
}
PARTICIPANT_ORGANISATIONS = {
    "sv": ["Coompanion Skåne", "Malmö stad", "Reparera & Mötas Rosengård", "Syateljén Rosengård", "Lunds kommun", ""],
    "nb": ["Stavanger kommune", "Oslo kommune", "SoCentral", "NAV Stavanger", "Bergen Bydelskjøkken", ""],
    "da": ["Aarhus Kommune", "Region Midtjylland", "VIA University College", "Café Kaffegal", "Sager der Samler",
           "Trinitas", "Landsforeningen Ligeværd", "FOSIA", ""],
}
