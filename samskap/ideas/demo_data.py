"""The demo's incubators, intake round, challenges and ideas, drawn from the seeds: Norge Unlimited's
neighbourhood incubators (Tøyen), Social Innovation Skåne's societal challenges (youth unemployment, ill
health, exclusion, housing, child poverty), SED Region Midt's presenters (Trinitas' social and therapy dogs,
Growing Trees Network's trees for clean drinking water), Innovatarium's practice centre for social innovation
and COK's innovation model. The people are the directory's demo people (see samskap/actors/demo_data.py);
the log-ins are facilitator@ (Rosengård's incubator, reviewer), mentor@ (mentor, reviewer) and member@ (an
idea in the cohort). Texts are in the idea's own language, as a member would write them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FACILITATOR = "facilitator@samskap.test"
MENTOR = "mentor@samskap.test"
MEMBER = "member@samskap.test"
ADMIN = "admin@samskap.test"


@dataclass(frozen=True)
class DemoChallenge:
    key: str
    title: str
    language: str
    core_problem: str
    description: str
    why_it_matters: str
    causes: tuple[str, str, str]
    effects: tuple[str, str, str]
    themes: tuple[str, ...]
    places: tuple[str, ...]
    target_groups: str
    organisation: str = ""  # slug; empty: owned by the hub
    created_by: str = ADMIN
    open_for_days: int | None = 90
    status: str = "open"


@dataclass(frozen=True)
class DemoIncubator:
    slug: str
    name: str
    description: str
    place: str
    organisation: str
    facilitators: tuple[str, ...]


@dataclass(frozen=True)
class DemoRound:
    incubator: str
    title: str
    description: str
    challenge: str  # DemoChallenge.key
    opened_days_ago: int
    open_for_days: int
    questions: tuple[tuple[str, str], ...]  # (question, help text)
    criteria: tuple[tuple[str, str, int], ...]  # (name, what to look for, weight)
    reviewers: tuple[str, ...]


@dataclass(frozen=True)
class DemoComment:
    author: str
    body: str
    reply: DemoComment | None = None


@dataclass(frozen=True)
class DemoIdea:
    author: str
    title: str
    language: str
    summary: str
    problem: str
    target_group: str
    solution: str
    place: str
    location: str = ""
    themes: tuple[str, ...] = ()
    needs: dict[str, str] = field(default_factory=dict)
    challenge: str = ""  # DemoChallenge.key
    days_ago: int = 60
    # (stage slug, reason, days ago), in order, after submission in the first stage
    moves: tuple[tuple[str, str, int], ...] = ()
    team: tuple[tuple[str, str], ...] = ()  # (e-mail, role)
    log: tuple[tuple[str, int], ...] = ()  # (update, days ago), by the author
    supporters: tuple[str, ...] = ()
    comments: tuple[DemoComment, ...] = ()
    apply_to: str = ""  # the round's title: applies with answers to the questions, in order
    answers: tuple[str, ...] = ()


CHALLENGES: list[DemoChallenge] = [
    DemoChallenge(
        key="youth", language="sv", organisation="malmo-stad", created_by=FACILITATOR,
        title="Ungas arbetslöshet i Malmö",
        core_problem="Unga i Malmö står utan jobb och utbildning längre än i resten av Skåne.",
        description="Malmö stad söker idéer som hjälper unga mellan 16 och 29 år till ett första jobb, en "
                    "praktik eller tillbaka till studier – gärna i samarbete med arbetsintegrerande sociala "
                    "företag, föreningar och lokala företag.",
        why_it_matters="Ungas arbetslöshet är en av de samhällsutmaningar som ingen aktör kan lösa ensam. Ju "
                       "längre någon står utanför, desto svårare blir vägen tillbaka.",
        causes=("För få praktikplatser hos lokala arbetsgivare", "Ofullständiga betyg från grundskolan",
                "Svaga nätverk in i arbetslivet"),
        effects=("Ekonomisk utsatthet och trångboddhet", "Psykisk ohälsa och förlorad framtidstro",
                 "Ökade kostnader för försörjningsstöd"),
        themes=("youth-unemployment", "work-integration", "sdg-8-decent-work-and-economic-growth"),
        places=("se-malmo",), target_groups="Unga 16–29 år som varken arbetar eller studerar", open_for_days=120),
    DemoChallenge(
        key="loneliness", language="nb", organisation="oslo-kommune", created_by=ADMIN,
        title="Ensomhet og uhelse i Gamle Oslo",
        core_problem="Mange eldre og unge på Tøyen og Grønland er ensomme og har få steder å møtes.",
        description="Bydelen søker ideer fra innbyggerne selv: møteplasser, aktiviteter og tjenester som "
                    "bygger fellesskap på tvers av generasjoner og bakgrunn.",
        why_it_matters="Ensomhet øker risikoen for uhelse like mye som røyking. De som bor i nabolaget vet best "
                       "hvor skoen trykker.",
        causes=("Få gratis møteplasser i nabolaget", "Språkbarrierer og lite kontakt mellom grupper",
                "Eldre som bor alene uten familie i nærheten"),
        effects=("Psykisk og fysisk uhelse", "Økt press på helsetjenestene", "Svakere tillit i nabolaget"),
        themes=("loneliness", "ill-health", "ageing"), places=("no-oslo-toyen", "no-oslo-gronland"),
        target_groups="Eldre som bor alene, unge uten nettverk", open_for_days=60),
    DemoChallenge(
        key="exclusion", language="da", organisation="aarhus-kommune", created_by=ADMIN,
        title="Udenforskab og børnefattigdom i Gellerup",
        core_problem="For mange børn i Gellerup vokser op i familier uden for arbejdsmarkedet.",
        description="Aarhus Kommune inviterer borgere, foreninger og socialøkonomiske virksomheder til at "
                    "komme med idéer, der bryder den sociale arv – fra lektiehjælp til job til forældrene.",
        why_it_matters="Børnefattigdom og udenforskab går i arv. Ingen aktør kan løse det alene; det kræver "
                       "samskabelse på tværs af sektorer.",
        causes=("Forældre uden job eller uddannelse", "Lav tillid mellem borgere og myndigheder",
                "Få fritidstilbud i området"),
        effects=("Børn der sakker bagud i skolen", "Mistrivsel og ensomhed", "Kriminalitet blandt unge"),
        themes=("exclusion", "child-poverty", "inclusion"), places=("dk-aarhus-gellerup",),
        target_groups="Børnefamilier uden for arbejdsmarkedet", status="selecting", open_for_days=20),
    DemoChallenge(
        key="housing", language="en", created_by=ADMIN,
        title="A first home for young people leaving care",
        core_problem="Young people leaving care across the Nordic cities struggle to find a first home they "
                     "can afford.",
        description="The hub is collecting ideas from all sectors: shared housing, guarantees, mentoring and "
                    "cooperatives that help young people from care into a home of their own.",
        why_it_matters="Without a stable home, work and education fall apart. Housing is one of the societal "
                       "challenges named by Social Innovation Skåne.",
        causes=("Too few small, affordable flats", "No deposit and no one to stand surety",
                "Support from the municipality ends at 21"),
        effects=("Homelessness and sofa-surfing", "Dropping out of school or work", "Poor mental health"),
        themes=("housing", "youth-unemployment", "sdg-11-sustainable-cities-and-communities"),
        places=("se-malmo", "no-oslo", "dk-kobenhavn"), target_groups="Young people aged 18–25 leaving care",
        open_for_days=150),
]

INCUBATORS: list[DemoIncubator] = [
    DemoIncubator(
        slug="grannskapsinkubatorn-rosengard", name="Grannskapsinkubatorn Rosengård", place="se-malmo-rosengard",
        organisation="social-innovation-skane", facilitators=(FACILITATOR,),
        description="Boende i Rosengård kommer med sina idéer om vad de vill göra i grannskapet, får stöd att "
                    "utveckla dem, testar dem i praktiken och blir en del av nätverket. Drivs av Social "
                    "Innovation Skåne tillsammans med Malmö stad."),
    DemoIncubator(
        slug="nabolagsinkubatoren-toyen", name="Nabolagsinkubatoren Tøyen", place="no-oslo-toyen",
        organisation="toyen-nabolagsinkubator", facilitators=("ingrid.solberg@samskap.test",
                                                              "ahmed.yusuf@samskap.test"),
        description="En nabolagsinkubator etter Unlimited-metodikken: innbyggerne på Tøyen kommer med ideer om "
                    "hva de ønsker å gjøre i nabolaget, får støtte til å videreutvikle dem, tester dem i "
                    "praksis og kobles på nettverket av unlimitere."),
]

ROUNDS: list[DemoRound] = [
    DemoRound(
        incubator="grannskapsinkubatorn-rosengard", title="Intag: idéer för ungas första jobb",
        challenge="youth", opened_days_ago=14, open_for_days=30, reviewers=(FACILITATOR, MENTOR),
        description="Har du en idé som kan ge unga i Rosengård ett första jobb, en praktikplats eller en väg "
                    "tillbaka till studier? Ansök till grannskapsinkubatorn: du får en mentor, workshoppar och "
                    "kontakter, och chansen att testa idén i praktiken under våren.",
        questions=(("Vilka unga har ni pratat med om idén?", "Berätta kort vad de sa."),
                   ("Vad behöver ni från inkubatorn de första tre månaderna?", "")),
        criteria=(("Social nytta", "Hur många unga når idén, och hur mycket gör den skillnad?", 3),
                  ("Genomförbarhet", "Finns en realistisk plan, team och budget?", 2),
                  ("Lokal förankring", "Är de som berörs med och formar idén?", 1))),
]

IDEAS: list[DemoIdea] = [
    DemoIdea(
        author=MEMBER, language="sv", place="se-malmo-rosengard", location="Rosengårds centrum",
        title="Reparationskafé mot ensamhet i Rosengård",
        summary="Ett kafé varje lördag där grannar lagar cyklar, kläder och elektronik tillsammans – och lär "
                "känna varandra.",
        problem="Många äldre och nyanlända i Rosengård är ensamma, och saker som går sönder slängs i stället för "
                "att lagas.",
        target_group="Äldre som känner sig ensamma, nyanlända och alla grannar som vill lära sig laga saker",
        solution="Frivilliga med händerna rätt skruvade håller i stationer för cyklar, textil och elektronik. "
                 "Kaffet är gratis; den som vill betalar vad den kan.",
        themes=("loneliness", "sdg-12-responsible-consumption-and-production", "environment-and-health"),
        needs={"premises": "En lokal med vatten och el varannan lördag",
               "volunteers": "Fem frivilliga som kan laga cyklar eller sy"},
        days_ago=120,
        moves=(("exploring", "Vi har pratat med trettio grannar och hittat en lokal hos bostadsbolaget.", 90),
               ("testing", "Inkubatorn har antagit idén; vi testar fyra lördagar i vår med en mentor.", 30)),
        team=(("amina.hassan@samskap.test", "co_founder"), ("sara.nilsson@samskap.test", "volunteer")),
        log=(("Första testlördagen: 23 besökare, 14 lagade cyklar och en hel del kaffe. Nästa gång behöver vi "
              "fler symaskiner.", 20),
             ("Bostadsbolaget lånar ut tvättstugans samlingsrum gratis under hela testperioden.", 35)),
        supporters=("amina.hassan@samskap.test", "facilitator@samskap.test", "leila.karimi@samskap.test",
                    "erik.lindgren@samskap.test", "sara.nilsson@samskap.test"),
        comments=(DemoComment("erik.lindgren@samskap.test",
                              "Lunds kommun har ett liknande kafé – hör av er så kopplar jag ihop er.",
                              DemoComment(MEMBER, "Tack Erik, gärna! Vi ses på nätverksträffen.")),
                  DemoComment("amina.hassan@samskap.test", "Syateljén kan ta hand om textilstationen.")),
    ),
    DemoIdea(
        author="jakob.nielsen@samskap.test", language="da", place="dk-aarhus", location="Aarhus og omegn",
        title="Social- og terapihunde til dem, der har brug for dem",
        summary="En certificering af træningen og placeringen af social- og terapihunde i Danmark, så flere "
                "kan få en hund på et realistisk økonomisk plan.",
        problem="Rigtig mange henvender sig, fordi de gerne vil have en social- eller terapihund, men næsten "
                "alt arbejde foregår frivilligt, og behovet bliver ikke mødt.",
        target_group="Krigsveteraner med PTSD, børn med læsevanskeligheder, autister og andre med sociale eller "
                     "mentale udfordringer",
        solution="Foreningen ansætter trænere, der har gennemgået certificeringen, og bliver broen mellem "
                 "træner, hund og bruger. Vi skaber opmærksomhed om værdien af hundene, så de også accepteres "
                 "i det offentlige rum.",
        themes=("mental-health", "inclusion", "sdg-3-good-health-and-well-being"),
        needs={"funding": "Løn til de første to certificerede trænere",
               "partners": "Kommuner og psykiatrien som samarbejdspartnere",
               "competence": "Juridisk hjælp til certificeringsordningen"},
        days_ago=200,
        moves=(("exploring", "Vi har en undersøgelse fra Holland om, hvad servicehunde sparer samfundet.", 150),),
        team=(("rasmus.thomsen@samskap.test", "volunteer"),),
        log=(("Vi har holdt det første møde med Region Midtjylland om en pilot med veteraner.", 40),),
        supporters=("rasmus.thomsen@samskap.test", "mette.kristensen@samskap.test", "signe.madsen@samskap.test",
                    "freja.holm@samskap.test"),
        comments=(DemoComment("mette.kristensen@samskap.test",
                              "Spændende! Har I overvejet en tidsbank, så frivillige trænere kan bytte timer?"),),
    ),
    DemoIdea(
        author="rasmus.thomsen@samskap.test", language="da", place="dk-aarhus", location="Aarhus, Odense og Randers",
        title="Træer for rent drikkevand",
        summary="Vi planter skov på arealer over grundvandet sammen med ledige, skoleklasser og virksomheder – "
                "for renere drikkevand og renere luft.",
        problem="Grundvandet trues af sprøjtemidler, og der er for få grønne arbejdspladser for folk på kanten "
                "af arbejdsmarkedet.",
        target_group="Ledige i virksomhedspraktik, skoleklasser og lokale virksomheder",
        solution="En socialøkonomisk virksomhed, der sælger træplantning til virksomheder og kommuner og bruger "
                 "overskuddet på praktikpladser.",
        themes=("climate", "sdg-6-clean-water-and-sanitation", "work-integration", "sdg-15-life-on-land"),
        needs={"volunteers": "Frivillige til plantedage i foråret"},
        days_ago=400,
        moves=(("exploring", "Vandværket vil gerne være med.", 360),
               ("testing", "Første plantning i Høje Taastrup med 12 ledige i praktik.", 300),
               ("established", "Vi planter nu i fire kommuner og har fem faste medarbejdere.", 90)),
        log=(("I år har vi plantet 40.000 træer, og tre praktikanter har fået fast job.", 15),),
        supporters=("jakob.nielsen@samskap.test", "mette.kristensen@samskap.test", "freja.holm@samskap.test",
                    "laura.virtanen@samskap.test", "eirik.dahl@samskap.test", "kari.moen@samskap.test"),
        comments=(DemoComment("laura.virtanen@samskap.test",
                              "Could this work in Finland too? Happy to help you find partners."),),
    ),
    DemoIdea(
        author="mette.kristensen@samskap.test", language="da", place="dk-kobenhavn",
        title="Et praksiscenter for social innovation",
        summary="Et nonprofit hus, hvor praktikere fra velfærdsprofessionerne udveksler erfaringer og udvikler "
                "idéer i workshops og thinkshops.",
        problem="Praktikere på det sociale område har sjældent tid og rum til at udvikle nye løsninger sammen.",
        target_group="Praktikere inden for velfærdsprofessioner",
        solution="Workshops, hvor praktikere bytter erfaringer og finder løsninger, og thinkshops, hvor "
                 "oplægsholdere deler viden. Finansieret af deltagergebyrer.",
        themes=("communication-and-learning", "business-and-value-creation"),
        needs={"premises": "Et hus med tre workshoprum", "funding": "Startkapital til det første år"},
        days_ago=100,
        moves=(("exploring", "Vi har holdt to prøveworkshops med 40 deltagere.", 70),
               ("testing", "Vi tester en betalingsmodel med abonnement for kommuner.", 20)),
        supporters=("rasmus.thomsen@samskap.test", "signe.madsen@samskap.test"),
    ),
    DemoIdea(
        author="amina.hassan@samskap.test", language="sv", place="se-malmo-rosengard",
        title="Grannskapskafé som första arbetsplats för unga",
        summary="Ett kafé i Rosengård där unga som varken arbetar eller studerar får sin första anställning, "
                "med handledning och barista-utbildning.",
        problem="Unga i Rosengård saknar erfarenhet att skriva i cv:t och kontakter in i arbetslivet.",
        target_group="Unga 16–24 år i Rosengård",
        solution="Kaféet drivs som ett arbetsintegrerande socialt företag. Varje ung anställs i sex månader med "
                 "en handledare och får hjälp att söka nästa jobb.",
        themes=("youth-unemployment", "work-integration"), challenge="youth",
        needs={"funding": "Lönebidrag och startkapital för kaffemaskinen",
               "partners": "Arbetsförmedlingen och lokala företag som tar emot unga efteråt"},
        days_ago=25,
        supporters=(MEMBER, "sara.nilsson@samskap.test", "leila.karimi@samskap.test"),
        comments=(DemoComment(FACILITATOR, "Fint att ni söker till inkubatorns intag – glöm inte budgeten!"),),
        apply_to="Intag: idéer för ungas första jobb",
        answers=("Vi har träffat femton unga på fritidsgården. De vill jobba, men ingen vill anställa dem utan "
                 "erfarenhet.", "En mentor i ekonomi och hjälp att hitta en lokal."),
    ),
    DemoIdea(
        author="leila.karimi@samskap.test", language="sv", place="se-goteborg",
        title="Läxhjälp på persiska och svenska",
        summary="Läxhjälp två kvällar i veckan där barn kan fråga på sitt modersmål och öva svenska.",
        problem="Barn som nyss kommit till Sverige halkar efter i skolan, och föräldrarna kan inte hjälpa till.",
        target_group="Barn i årskurs 4–9 och deras föräldrar",
        solution="Frivilliga studenter och föräldrar hjälper till i bibliotekets studierum.",
        themes=("sdg-4-quality-education", "integration", "child-poverty"),
        needs={"volunteers": "Studenter som talar persiska eller dari"},
        days_ago=45, moves=(("exploring", "Biblioteket lånar ut sitt studierum.", 30),),
        supporters=(MEMBER,),
        apply_to="Intag: idéer för ungas första jobb",
        answers=("Vi har pratat med tio familjer på biblioteket.", "Kontakter med skolorna i området."),
    ),
    DemoIdea(
        author="ahmed.yusuf@samskap.test", language="nb", place="no-oslo-toyen", location="Tøyen torg",
        title="Generasjonskafé på Tøyen",
        summary="En nabolagskafé der eldre som bor alene og unge fra fotballaget lager mat og spiser sammen hver "
                "torsdag.",
        problem="Mange eldre på Tøyen sitter alene, og mange unge mangler voksne å snakke med.",
        target_group="Eldre som bor alene og unge 14–19 år",
        solution="Unge får betalt sommerjobb som kafévert; eldre tar med oppskriftene sine.",
        themes=("loneliness", "ageing", "inclusion"), challenge="loneliness",
        needs={"premises": "Et kjøkken på Tøyen torsdag ettermiddag", "funding": "Tilskudd til mat og lønn"},
        days_ago=50, moves=(("exploring", "Bydelen vil låne oss kjøkkenet på Tøyen skole.", 25),),
        team=(("ingrid.solberg@samskap.test", "co_founder"),),
        log=(("Første prøvemiddag: 18 gjester, fiskesuppe fra Eldbjørg og sambusa fra Hodan.", 10),),
        supporters=("ingrid.solberg@samskap.test", "mentor@samskap.test", "kari.moen@samskap.test",
                    "nora.lie@samskap.test"),
        comments=(DemoComment("nora.lie@samskap.test", "Dette vil jeg starte i Tromsø også!",
                              DemoComment("ahmed.yusuf@samskap.test", "Så bra, Nora! Vi deler gjerne oppskriften.")),),
    ),
    DemoIdea(
        author="ingrid.solberg@samskap.test", language="nb", place="no-oslo-gronland",
        title="Sykkelverksted som første jobb for unge",
        summary="Unge uten jobb reparerer brukte sykler og selger dem videre, med opplæring og lønn.",
        problem="Unge på Grønland står utenfor arbeidslivet, og tusenvis av sykler blir stående i bakgårdene.",
        target_group="Unge 18–25 år uten jobb eller skole",
        solution="En arbeidsinkluderende virksomhet i samarbeid med NAV og borettslagene.",
        themes=("youth-unemployment", "work-integration", "sdg-12-responsible-consumption-and-production"),
        needs={"competence": "En sykkelmekaniker som kan lære bort faget"},
        days_ago=300,
        moves=(("exploring", "Grønland Sykkelverksted vil dele verkstedet.", 250),
               ("testing", "Seks unge har testet opplæringen i tre måneder.", 180),
               ("paused", "Vi venter på svar fra tilskuddsordningen før vi ansetter flere.", 40)),
        supporters=("ahmed.yusuf@samskap.test", "eirik.dahl@samskap.test"),
    ),
    DemoIdea(
        author="laura.virtanen@samskap.test", language="en", place="dk-kobenhavn",
        title="A housing co-op for young people leaving care",
        summary="A cooperative that rents flats, stands surety and lets care leavers share a home with a "
                "student mentor.",
        problem="Young people leaving care have no deposit and no one to stand surety for a first lease.",
        target_group="Care leavers aged 18–25", challenge="housing",
        solution="The co-op signs the leases; each flat is shared by two care leavers and one student who pays "
                 "less rent in return for being there.",
        themes=("housing", "sdg-11-sustainable-cities-and-communities"),
        needs={"partners": "A housing association willing to lease ten flats",
               "competence": "Someone who knows cooperative law"},
        days_ago=12,
        supporters=("freja.holm@samskap.test", "signe.madsen@samskap.test"),
        comments=(DemoComment("freja.holm@samskap.test", "We could furnish the flats with reused furniture!"),),
    ),
    DemoIdea(
        author="signe.madsen@samskap.test", language="da", place="dk-aarhus-gellerup",
        title="Lektiecafé og forældrejob i Gellerup",
        summary="Lektiehjælp til børnene om eftermiddagen, mens forældrene får en praktikplads i en "
                "socialøkonomisk virksomhed i området.",
        problem="Børn i familier uden for arbejdsmarkedet sakker bagud i skolen.",
        target_group="Børnefamilier i Gellerup", challenge="exclusion",
        solution="Én kontakt, det rette match, klare forventninger og løbende opfølgning – og en plan efter "
                 "praktikken.",
        themes=("child-poverty", "exclusion", "work-integration"),
        needs={"partners": "Jobcentret og tre socialøkonomiske virksomheder", "volunteers": "Lektiehjælpere"},
        days_ago=35,
        supporters=("jakob.nielsen@samskap.test",),
    ),
]

# The member's repair café is in Rosengård's cohort: mentored, with a support session and milestones.
COHORT = {
    "incubator": "grannskapsinkubatorn-rosengard",
    "idea": "Reparationskafé mot ensamhet i Rosengård",
    "mentor": MENTOR,
    "joined_days_ago": 30,
    "sessions": [
        {"days_ago": 12, "notes": "Vi gick igenom budgeten för testperioden och hur kaféet kan bära sig: "
                                  "frivilliga gåvor räcker till kaffet men inte till reservdelar.",
         "next_steps": "Mikael frågar Coompanion om en affärsplan; Amina räknar på en medlemsavgift."},
    ],
    "milestones": [
        {"title": "Fyra testlördagar genomförda", "due_in_days": 21},
        {"title": "Beslut om driftform (förening eller kooperativ)", "due_in_days": 60},
    ],
}

# A submitted review, so the ranked overview has something to show (the other reviewer has not scored yet).
REVIEWS = [
    {"idea": "Grannskapskafé som första arbetsplats för unga", "reviewer": FACILITATOR, "scores": (5, 3, 4),
     "comment": "Stark lokal förankring; budgeten behöver arbetas igenom."},
]
