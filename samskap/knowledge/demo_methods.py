"""The demo's method cards: seven methods for co-creation, each in Swedish, Norwegian, Danish and English.

Written for Samskap (not copied from anywhere), from what the seeds tell: the Kreaprenör network's
dialogue methods (World Café, Open Space, Future Search), SED's Future Battles, Norge Unlimited's
problem tree, COK's laboratory model, and dot voting for picking what to take forward. The four
versions of a card say the same thing in each language's own words, with the glossary of DOMAIN.md
(samskapande / samskaping / samskabelse, eldsjäl / ildsjel / ildsjæl …).

Plain data without model imports: `demo.py` writes one Resource of kind "method" per language,
the four sharing one translation group, and links each card to its related methods in the same
language.
"""

from typing import NamedTuple


class MethodText(NamedTuple):
    title: str
    summary: str
    purpose: str
    when_to_use: str
    materials: tuple[str, ...]
    steps: tuple[str, ...]
    facilitator_tips: str
    body: str


class DemoMethod(NamedTuple):
    key: str  # the slug of each version is f"{key}-{language}"
    group_size_min: int
    group_size_max: int
    duration_minutes: int
    audiences: tuple[str, ...]
    themes: tuple[str, ...]  # theme slugs
    related: tuple[str, ...]  # keys of related methods (the relation is symmetrical)
    texts: dict[str, MethodText]  # language → text


LANGUAGES = ("sv", "nb", "da", "en")

# ------------------------------------------------------------------------------------------------
# World Café

WORLD_CAFE = DemoMethod(
    key="world-cafe", group_size_min=12, group_size_max=200, duration_minutes=120,
    audiences=("residents", "municipalities", "facilitators"),
    themes=("communication-and-learning", "sdg-17-partnerships-for-the-goals"),
    related=("open-space", "future-search", "dot-voting"),
    texts={
        "sv": MethodText(
            title="World Café",
            summary="Samtal i små grupper vid kaféborden, i flera rundor, så att många människors perspektiv möts "
                    "och en gemensam bild växer fram.",
            purpose="Att låta en stor grupp tänka tillsammans kring frågor som betyder något: alla kommer till tals, "
                    "idéerna vandrar från bord till bord och gruppen ser sina gemensamma insikter.",
            when_to_use="När du vill ha många röster kring ett tema – en nätverksträff, en uppstart med invånare, en "
                        "kommun som vill lyssna på sina grannskap. Passar inte när ett beslut måste fattas på plats "
                        "eller när svaret redan är givet.",
            materials=(
                "Små bord för fyra eller fem personer",
                "Pappersdukar eller blädderblockspapper på varje bord",
                "Tuschpennor i flera färger",
                "En nedskriven fråga för varje runda",
                "En pingla eller klocka som markerar rundorna",
                "Post-it-lappar och en vägg för skörden",
            ),
            steps=(
                "Bestäm temat och formulera två eller tre öppna frågor som betyder något för deltagarna.",
                "Möblera som ett kafé: fyra eller fem stolar vid varje bord, papper och pennor på borden.",
                "Hälsa alla välkomna, berätta om kaféets spelregler och be en person vid varje bord att vara värd.",
                "Runda 1 (20–30 minuter): borden samtalar om den första frågan och skriver och ritar på pappret.",
                "Alla utom värden byter bord; värden sammanfattar för de nya gästerna vad som sagts vid bordet.",
                "Runda 2 och 3: nya frågor eller samma fråga på djupet, där man knyter ihop idéer från de tidigare "
                "borden.",
                "Skörda i storgrupp: varje bord delar en insikt och processledaren samlar mönstren på väggen.",
                "Kom överens om vad som händer med skörden och vem som tar den vidare.",
            ),
            facilitator_tips=(
                "Lägg tid på frågorna: en bra fråga är öppen, enkel och handlar om något deltagarna bryr sig om. "
                "Håll tiden i rundorna med en tydlig och vänlig signal. Påminn om att lyssna lika mycket som man "
                "pratar och att skriva på duken. Värdarna ska sammanfatta, inte föreläsa. Fotografera dukarna innan "
                "borden plockas undan."),
            body=(
                "World Café bygger på en enkel iakttagelse: de bästa samtalen uppstår ofta i kafferasten. Metoden "
                "återskapar den stämningen med avsikt – små bord, flera rundor och människor som bär idéer från ett "
                "bord till nästa.\n\n"
                "**Kaféets spelregler att sätta upp på väggen:**\n\n"
                "- Fokusera på det som betyder något\n"
                "- Bidra med dina tankar\n"
                "- Lyssna för att förstå\n"
                "- Koppla ihop idéerna\n"
                "- Lek, klottra och rita\n\n"
                "På Kreaprenör-nätverkets nätverksträff på Globen gav ett World Café kring frågorna *hur utvecklar "
                "vi modellen, var kan den användas och hur organiserar vi oss?* nätverket dess nästa steg: lokala "
                "grupper med kontaktpersoner, några utvalda frågor att satsa på och mer användning av internet."),
        ),
        "nb": MethodText(
            title="World Café",
            summary="Samtaler i små grupper rundt kafébord, i flere runder, slik at mange menneskers perspektiver "
                    "møtes og et felles bilde vokser fram.",
            purpose="Å la en stor gruppe tenke sammen rundt spørsmål som betyr noe: alle kommer til orde, ideene "
                    "vandrer fra bord til bord, og gruppen ser sine felles innsikter.",
            when_to_use="Når du vil ha mange stemmer rundt et tema – en nettverkssamling, en oppstart med innbyggere, "
                        "en kommune som vil lytte til nabolagene sine. Passer ikke når en beslutning må tas på "
                        "stedet, eller når svaret allerede er gitt.",
            materials=(
                "Små bord til fire eller fem personer",
                "Papirduker eller flippoverark på hvert bord",
                "Tusjer i flere farger",
                "Et nedskrevet spørsmål for hver runde",
                "En bjelle eller klokke som markerer rundene",
                "Post-it-lapper og en vegg til innhøstingen",
            ),
            steps=(
                "Bestem temaet og formuler to eller tre åpne spørsmål som betyr noe for deltakerne.",
                "Møbler som en kafé: fire eller fem stoler ved hvert bord, papir og tusjer på bordene.",
                "Ønsk alle velkommen, forklar kafeens spilleregler og be én person ved hvert bord være vert.",
                "Runde 1 (20–30 minutter): bordene snakker om det første spørsmålet og skriver og tegner på papiret.",
                "Alle unntatt verten bytter bord; verten oppsummerer for de nye gjestene hva som ble sagt ved bordet.",
                "Runde 2 og 3: nye spørsmål eller det samme spørsmålet i dybden, der man knytter sammen ideer fra de "
                "forrige bordene.",
                "Høst inn i plenum: hvert bord deler én innsikt, og fasilitatoren samler mønstrene på veggen.",
                "Bli enige om hva som skjer med innhøstingen, og hvem som tar den videre.",
            ),
            facilitator_tips=(
                "Bruk tid på spørsmålene: et godt spørsmål er åpent, enkelt og handler om noe deltakerne bryr seg om. "
                "Hold tiden i rundene med et tydelig og vennlig signal. Minn om å lytte like mye som man snakker, og "
                "om å skrive på duken. Vertene skal oppsummere, ikke holde foredrag. Ta bilder av dukene før bordene "
                "ryddes."),
            body=(
                "World Café bygger på en enkel iakttakelse: de beste samtalene oppstår ofte i kaffepausen. Metoden "
                "gjenskaper den stemningen med vilje – små bord, flere runder og mennesker som tar med seg ideer fra "
                "ett bord til det neste.\n\n"
                "**Kafeens spilleregler til veggen:**\n\n"
                "- Fokuser på det som betyr noe\n"
                "- Bidra med dine tanker\n"
                "- Lytt for å forstå\n"
                "- Koble sammen ideene\n"
                "- Lek, rable og tegn\n\n"
                "På Kreaprenör-nettverkets nettverkssamling på Globen i Stockholm ga en World Café rundt spørsmålene "
                "*hvordan utvikler vi modellen, hvor kan den brukes, og hvordan organiserer vi oss?* nettverket de "
                "neste stegene: lokale grupper med kontaktpersoner, noen utvalgte spørsmål å satse på og mer bruk av "
                "internett."),
        ),
        "da": MethodText(
            title="World Café",
            summary="Samtaler i små grupper ved cafébordene, i flere runder, så mange menneskers perspektiver mødes, "
                    "og et fælles billede vokser frem.",
            purpose="At lade en stor gruppe tænke sammen om spørgsmål, der betyder noget: alle kommer til orde, "
                    "idéerne vandrer fra bord til bord, og gruppen ser sine fælles indsigter.",
            when_to_use="Når du vil have mange stemmer i spil om et tema – et netværksmøde, en opstart med borgerne, "
                        "en kommune, der vil lytte til sine boligområder. Egner sig ikke, når en beslutning skal "
                        "træffes på stedet, eller når svaret allerede er givet.",
            materials=(
                "Små borde til fire eller fem personer",
                "Papirduge eller flipoverark på hvert bord",
                "Tusser i flere farver",
                "Et nedskrevet spørgsmål til hver runde",
                "En bjælde eller klokke, der markerer runderne",
                "Post-its og en væg til høsten",
            ),
            steps=(
                "Fastlæg temaet, og formulér to eller tre åbne spørgsmål, der betyder noget for deltagerne.",
                "Indret rummet som en café: fire eller fem stole ved hvert bord, papir og tusser på bordene.",
                "Byd alle velkommen, fortæl om caféens spilleregler, og bed én person ved hvert bord om at være vært.",
                "Runde 1 (20–30 minutter): bordene taler om det første spørgsmål og skriver og tegner på papiret.",
                "Alle undtagen værten skifter bord; værten opsummerer for de nye gæster, hvad der blev sagt ved "
                "bordet.",
                "Runde 2 og 3: nye spørgsmål eller det samme spørgsmål i dybden, hvor man binder idéer fra de "
                "tidligere borde sammen.",
                "Høst i plenum: hvert bord deler én indsigt, og facilitatoren samler mønstrene på væggen.",
                "Aftal, hvad der skal ske med høsten, og hvem der tager den videre.",
            ),
            facilitator_tips=(
                "Brug tid på spørgsmålene: et godt spørgsmål er åbent, enkelt og handler om noget, deltagerne går op "
                "i. Hold tiden i runderne med et tydeligt og venligt signal. Mind deltagerne om at lytte lige så "
                "meget, som de taler, og om at skrive på dugen. Værterne skal opsummere, ikke holde oplæg. Tag "
                "billeder af dugene, før bordene bliver ryddet."),
            body=(
                "World Café bygger på en enkel iagttagelse: de bedste samtaler opstår ofte i kaffepausen. Metoden "
                "genskaber den stemning med vilje – små borde, flere runder og mennesker, der tager idéer med fra ét "
                "bord til det næste.\n\n"
                "**Caféens spilleregler til væggen:**\n\n"
                "- Fokusér på det, der betyder noget\n"
                "- Bidrag med dine tanker\n"
                "- Lyt for at forstå\n"
                "- Forbind idéerne\n"
                "- Leg, tegn og lav kruseduller\n\n"
                "På Kreaprenör-netværkets netværksmøde på Globen i Stockholm gav en World Café om spørgsmålene "
                "*hvordan udvikler vi modellen, hvor kan den bruges, og hvordan organiserer vi os?* netværket dets "
                "næste skridt: lokale grupper med kontaktpersoner, nogle udvalgte spørgsmål at satse på og mere brug "
                "af internettet."),
        ),
        "en": MethodText(
            title="World Café",
            summary="Conversations in small groups at café tables, in rounds, so that many people's perspectives "
                    "meet and a shared picture emerges.",
            purpose="To let a large group think together about questions that matter: everyone gets to speak, ideas "
                    "travel from table to table, and the group sees the insights it shares.",
            when_to_use="When you want many voices on one theme – a network meeting, a kick-off with residents, a "
                        "municipality that wants to listen to its neighbourhoods. Not suited when a decision has to "
                        "be taken on the spot or the answer is already given.",
            materials=(
                "Small tables for four or five people",
                "Paper tablecloths or flip-chart paper on every table",
                "Markers in several colours",
                "A written question for each round",
                "A bell or chime to mark the rounds",
                "Sticky notes and a wall for the harvest",
            ),
            steps=(
                "Set the theme and write two or three open questions that matter to the participants.",
                "Arrange the room like a café: four or five chairs at each table, paper and pens on the tables.",
                "Welcome everyone, explain the café etiquette and ask one person at each table to be its host.",
                "Round 1 (20–30 minutes): the tables talk about the first question and write and draw on the paper.",
                "Everyone except the host moves to a new table; the host tells the newcomers what was said there.",
                "Rounds 2 and 3: new questions, or the same one in more depth, linking ideas from the earlier tables.",
                "Harvest in plenary: each table shares one insight and the facilitator gathers the patterns on the "
                "wall.",
                "Agree on what happens to the harvest and who takes it further.",
            ),
            facilitator_tips=(
                "Spend time on the questions: a good question is open, simple and about something the participants "
                "care about. Keep the rounds to time with a clear, friendly signal. Remind people to listen as much "
                "as they talk, and to write on the tablecloth. Hosts summarise; they do not lecture. Take photos of "
                "the tablecloths before the tables are cleared."),
            body=(
                "World Café builds on a simple observation: the best conversations often happen in the coffee break. "
                "The method recreates that atmosphere on purpose – small tables, several rounds, and people who "
                "carry ideas from one table to the next.\n\n"
                "**Café etiquette for the wall:**\n\n"
                "- Focus on what matters\n"
                "- Contribute your thinking\n"
                "- Listen to understand\n"
                "- Link and connect ideas\n"
                "- Play, doodle and draw\n\n"
                "At the Kreaprenör network's meeting at Globen in Stockholm, a World Café on the questions *how do "
                "we develop the model, where can it be used, and how do we organise ourselves?* gave the network its "
                "next steps: local groups with contact persons, a few chosen questions to work on, and more use of "
                "the internet."),
        ),
    },
)

# ------------------------------------------------------------------------------------------------
# Open Space

OPEN_SPACE = DemoMethod(
    key="open-space", group_size_min=10, group_size_max=500, duration_minutes=240,
    audiences=("residents", "entrepreneurs", "municipalities", "facilitators"),
    themes=("communication-and-learning", "values-and-rules"),
    related=("world-cafe", "future-search", "dot-voting"),
    texts={
        "sv": MethodText(
            title="Open Space",
            summary="Deltagarna skapar själva dagordningen: den som brinner för en fråga sätter upp den på väggen "
                    "och leder ett samtal om den, och alla går dit där de kan lära och bidra mest.",
            purpose="Att frigöra energi och ansvarstagande i en grupp kring ett komplext och angeläget tema, så att "
                    "de frågor människor verkligen bryr sig om blir diskuterade – av dem som bryr sig om dem.",
            when_to_use="När temat är komplext, de inblandade är olika, många vill bidra och ingen har svaret. "
                        "Fungerar från tio till flera hundra deltagare, under en halv dag eller upp till tre dagar. "
                        "Undvik metoden om resultatet är bestämt i förväg eller om ledningen inte är beredd att "
                        "släppa dagordningen.",
            materials=(
                "Stolar i en cirkel (inga bord)",
                "En stor tom vägg med ett schema över tider och rum",
                "A4-ark eller stora post-it-lappar och tjocka pennor",
                "Grupprum eller hörn, vart och ett med namn eller nummer",
                "Mallar för dokumentation eller en dator i ”nyhetsrummet”",
            ),
            steps=(
                "Bjud in kring ett tema formulerat som en öppen fråga, till exempel ”Hur kan vårt grannskap bli en "
                "bättre plats att växa upp på?”",
                "Samla alla i en cirkel; processledaren presenterar temat, de fyra principerna och lagen om två "
                "fötter.",
                "Öppna marknadsplatsen: den som vill leda ett samtal skriver ämnet och sitt namn på ett ark, läser "
                "upp det och sätter det på en tid och i ett rum i schemat.",
                "Deltagarna väljer samtal; värdarna kan slå ihop ämnen som liknar varandra.",
                "Genomför samtalen: varje värd öppnar samtalet och ser till att en kort dokumentation blir skriven.",
                "Sätt upp dokumentationen på en nyhetsvägg allteftersom den kommer in.",
                "Avsluta i cirkeln: vad har vi hittat, vad ska vi göra? Deltagarna kan prioritera vilka ämnen som "
                "ska tas vidare.",
                "Skicka ut den samlade dokumentationen till alla strax efteråt.",
            ),
            facilitator_tips=(
                "Håll rummet, fyll det inte: din uppgift är att skapa ramen och sedan kliva åt sidan. Förklara lagen "
                "om två fötter med humor – att lämna ett samtal där man varken lär sig något eller bidrar är en "
                "artighet, inte en förolämpning. Ge marknadsplatsen tid; det är normalt att det är tyst en stund i "
                "början. Ett schema som alla kan se, på väggen eller i mobilen, gör det lätt att hitta rätt samtal."),
            body=(
                "Open Space Technology utvecklades av Harrison Owen på 1980-talet och vänder upp och ner på den "
                "vanliga konferensen: i stället för ett program som bestämts i förväg bygger deltagarna programmet "
                "under den första timmen.\n\n"
                "**De fyra principerna**\n\n"
                "1. De som kommer är de rätta.\n"
                "2. Det som händer är det enda som kunde hända.\n"
                "3. När det börjar är det rätt tid.\n"
                "4. När det är över är det över.\n\n"
                "**Lagen om två fötter:** om du varken lär dig något eller bidrar där du är, gå någon annanstans där "
                "du kan. De som rör sig mellan samtalen är *humlor* som korsbefruktar idéerna; de som vilar utanför "
                "är *fjärilar*, och kring dem börjar ofta oväntade samtal."),
        ),
        "nb": MethodText(
            title="Open Space",
            summary="Deltakerne lager dagsordenen selv: den som brenner for et spørsmål, setter det opp på veggen og "
                    "leder en samtale om det, og alle går dit de kan lære og bidra mest.",
            purpose="Å frigjøre energi og ansvar i en gruppe rundt et komplekst og viktig tema, slik at spørsmålene "
                    "folk virkelig bryr seg om, blir diskutert – av dem som bryr seg om dem.",
            when_to_use="Når temaet er komplekst, de involverte er ulike, mange vil bidra og ingen har svaret. "
                        "Fungerer fra ti til flere hundre deltakere, i en halv dag eller opptil tre dager. Unngå "
                        "metoden hvis resultatet er bestemt på forhånd, eller hvis ledelsen ikke er villig til å "
                        "slippe dagsordenen.",
            materials=(
                "Stoler i en sirkel (ingen bord)",
                "En stor, tom vegg med et skjema over tider og rom",
                "A4-ark eller store post-it-lapper og tykke tusjer",
                "Grupperom eller kroker, hver med navn eller nummer",
                "Maler for referat eller en PC i «nyhetsrommet»",
            ),
            steps=(
                "Inviter rundt et tema formulert som et åpent spørsmål, for eksempel «Hvordan kan nabolaget vårt bli "
                "et bedre sted å vokse opp?»",
                "Samle alle i en sirkel; fasilitatoren presenterer temaet, de fire prinsippene og loven om to føtter.",
                "Åpne markedsplassen: den som vil lede en samtale, skriver temaet og navnet sitt på et ark, leser det "
                "høyt og setter det på et tidspunkt og i et rom i skjemaet.",
                "Deltakerne velger samtaler; vertene kan slå sammen temaer som ligner hverandre.",
                "Gjennomfør samtalene: hver vert åpner samtalen og sørger for at det blir skrevet et kort referat.",
                "Heng opp referatene på en nyhetsvegg etter hvert som de kommer inn.",
                "Avslutt i sirkelen: hva har vi funnet, hva skal vi gjøre? Deltakerne kan prioritere hvilke temaer "
                "som skal tas videre.",
                "Send de samlede referatene til alle kort tid etterpå.",
            ),
            facilitator_tips=(
                "Hold rommet, ikke fyll det: jobben din er å lage rammen og så tre til side. Forklar loven om to "
                "føtter med humor – å forlate en samtale der man verken lærer noe eller bidrar, er høflighet, ikke en "
                "fornærmelse. Gi markedsplassen tid; det er normalt at det er stille en stund i starten. Et skjema "
                "alle kan se, på veggen eller på mobilen, gjør det lett å finne riktig samtale."),
            body=(
                "Open Space Technology ble utviklet av Harrison Owen på 1980-tallet og snur den vanlige konferansen "
                "på hodet: i stedet for et program som er bestemt på forhånd, bygger deltakerne programmet i løpet av "
                "den første timen.\n\n"
                "**De fire prinsippene**\n\n"
                "1. De som kommer, er de rette.\n"
                "2. Det som skjer, er det eneste som kunne skje.\n"
                "3. Når det begynner, er det riktig tid.\n"
                "4. Når det er over, er det over.\n\n"
                "**Loven om to føtter:** Hvis du verken lærer noe eller bidrar der du er, gå et annet sted der du "
                "kan. De som beveger seg mellom samtalene, er *humler* som krysspollinerer ideene; de som hviler "
                "utenfor, er *sommerfugler*, og rundt dem starter ofte uventede samtaler."),
        ),
        "da": MethodText(
            title="Open Space",
            summary="Deltagerne skaber selv dagsordenen: den, der brænder for et spørgsmål, sætter det op på væggen "
                    "og leder en samtale om det, og alle går derhen, hvor de kan lære og bidrage mest.",
            purpose="At frigøre energi og ansvar i en gruppe omkring et komplekst og presserende tema, så de "
                    "spørgsmål, folk virkelig går op i, bliver drøftet – af dem, der går op i dem.",
            when_to_use="Når temaet er komplekst, de involverede er forskellige, mange vil bidrage, og ingen har "
                        "svaret. Fungerer fra ti til flere hundrede deltagere, på en halv dag eller op til tre dage. "
                        "Undgå metoden, hvis resultatet er besluttet på forhånd, eller hvis ledelsen ikke er parat "
                        "til at give slip på dagsordenen.",
            materials=(
                "Stole i en rundkreds (ingen borde)",
                "En stor, tom væg med et skema over tidspunkter og rum",
                "A4-ark eller store post-its og tykke tusser",
                "Grupperum eller hjørner, hver med navn eller nummer",
                "Skabeloner til referat eller en computer i »nyhedsrummet«",
            ),
            steps=(
                "Invitér omkring et tema formuleret som et åbent spørgsmål, fx »Hvordan kan vores boligområde blive "
                "et bedre sted at vokse op?«",
                "Saml alle i en rundkreds; facilitatoren præsenterer temaet, de fire principper og loven om de to "
                "fødder.",
                "Åbn markedspladsen: den, der vil lede en samtale, skriver emnet og sit navn på et ark, læser det "
                "højt og sætter det på et tidspunkt og i et rum i skemaet.",
                "Deltagerne vælger samtaler; værterne kan slå emner sammen, der ligner hinanden.",
                "Gennemfør samtalerne: hver vært åbner samtalen og sørger for, at der bliver skrevet et kort referat.",
                "Hæng referaterne op på en nyhedsvæg, efterhånden som de kommer ind.",
                "Afslut i rundkredsen: hvad har vi fundet, hvad vil vi gøre? Deltagerne kan prioritere, hvilke emner "
                "der skal tages videre.",
                "Send de samlede referater ud til alle kort tid efter.",
            ),
            facilitator_tips=(
                "Hold rummet, fyld det ikke: din opgave er at skabe rammen og derefter træde til side. Forklar loven "
                "om de to fødder med humor – at forlade en samtale, hvor man hverken lærer noget eller bidrager, er "
                "høflighed, ikke en fornærmelse. Giv markedspladsen tid; det er normalt, at der er stille et stykke "
                "tid i starten. Et skema, alle kan se, på væggen eller på mobilen, gør det let at finde den rigtige "
                "samtale."),
            body=(
                "Open Space Technology blev udviklet af Harrison Owen i 1980'erne og vender den almindelige "
                "konference på hovedet: i stedet for et program, der er lagt på forhånd, bygger deltagerne "
                "programmet i løbet af den første time.\n\n"
                "**De fire principper**\n\n"
                "1. De, der kommer, er de rigtige.\n"
                "2. Det, der sker, er det eneste, der kunne ske.\n"
                "3. Når det begynder, er det det rigtige tidspunkt.\n"
                "4. Når det er slut, er det slut.\n\n"
                "**Loven om de to fødder:** Hvis du hverken lærer noget eller bidrager der, hvor du er, så gå et andet "
                "sted hen, hvor du kan. De, der bevæger sig mellem samtalerne, er *humlebier*, der krydsbestøver "
                "idéerne; de, der hviler udenfor, er *sommerfugle*, og omkring dem opstår der ofte uventede "
                "samtaler."),
        ),
        "en": MethodText(
            title="Open Space",
            summary="The participants make the agenda themselves: whoever cares about a question puts it on the wall "
                    "and hosts a conversation about it, and everyone goes where they can learn and contribute most.",
            purpose="To release energy and responsibility in a group around a complex, pressing theme, so that the "
                    "questions people really care about get discussed – by the people who care about them.",
            when_to_use="When the theme is complex, the people involved are diverse, many want to contribute and "
                        "nobody has the answer. Works from ten to several hundred participants, for half a day or up "
                        "to three days. Avoid it if the outcome is decided beforehand or the leadership is not ready "
                        "to let go of the agenda.",
            materials=(
                "Chairs in a circle (no tables)",
                "A large empty wall with a grid of time slots and rooms",
                "A4 sheets or large sticky notes and thick markers",
                "Break-out rooms or corners, each with a name or number",
                "Report templates or a computer in the “news room”",
            ),
            steps=(
                "Invite people around a theme put as an open question, for example “How can our neighbourhood "
                "become a better place to grow up in?”",
                "Gather everyone in a circle; the facilitator introduces the theme, the four principles and the law "
                "of two feet.",
                "Open the marketplace: whoever wants to host a conversation writes the topic and their name on a "
                "sheet, reads it out and puts it in a time slot and room on the grid.",
                "Participants choose their conversations; hosts may merge topics that are alike.",
                "Hold the conversations: each host opens theirs and makes sure a short report gets written.",
                "Put the reports up on a news wall as they come in.",
                "Close in the circle: what have we found, what will we do? Participants can prioritise which topics "
                "to take forward.",
                "Send everyone the collected reports shortly afterwards.",
            ),
            facilitator_tips=(
                "Hold the space, don't fill it: your job is to set the frame and then step aside. Explain the law of "
                "two feet with humour – leaving a conversation where you neither learn nor contribute is a courtesy, "
                "not an insult. Give the marketplace time; a silence at the start is normal. A grid everyone can "
                "see, on the wall or on their phones, makes it easy to find the right conversation."),
            body=(
                "Open Space Technology was developed by Harrison Owen in the 1980s and turns the usual conference "
                "upside down: instead of a programme decided beforehand, the participants build the programme in "
                "the first hour.\n\n"
                "**The four principles**\n\n"
                "1. Whoever comes are the right people.\n"
                "2. Whatever happens is the only thing that could have.\n"
                "3. Whenever it starts is the right time.\n"
                "4. When it's over, it's over.\n\n"
                "**The law of two feet:** if you are neither learning nor contributing where you are, go somewhere "
                "you can. Those who move between conversations are *bumblebees* who cross-pollinate ideas; those who "
                "rest outside are *butterflies*, and unexpected conversations often start around them."),
        ),
    },
)

# ------------------------------------------------------------------------------------------------
# Future Search

FUTURE_SEARCH = DemoMethod(
    key="future-search", group_size_min=40, group_size_max=80, duration_minutes=960,
    audiences=("municipalities", "facilitators"),
    themes=("communication-and-learning", "sdg-11-sustainable-cities-and-communities",
            "sdg-17-partnerships-for-the-goals"),
    related=("world-cafe", "open-space", "laboratory-model", "vision-battle"),
    texts={
        "sv": MethodText(
            title="Future Search – framtidskonferens",
            summary="En konferens på två och en halv dag där hela systemet samlas i ett rum – invånare, kommun, "
                    "näringsliv och föreningar – för att hitta gemensam grund och planera handling för en gemensam "
                    "framtid.",
            purpose="Att få ett helt system att enas om en önskad framtid och förbinda sig till konkreta åtgärder, "
                    "genom att först tillsammans titta på det förflutna, nuet och framtiden.",
            when_to_use="När en fråga berör många aktörer som sällan möts – ett grannskaps framtid, ungas "
                        "arbetslöshet i en region, en ny strategi över sektorsgränserna – och när de som kan handla "
                        "är beredda att vara med under hela konferensen.",
            materials=(
                "En stor lokal med runda bord för åtta personer",
                "Långa pappersremsor på väggen för tre tidslinjer (världen, vårt område, personligt)",
                "Ett mycket stort ark för tankekartan över trender",
                "Blädderblock, tuschpennor och färgade klisterprickar",
                "Material för att gestalta framtidsscenarier (rekvisita, papper, utklädnad)",
            ),
            steps=(
                "Bilda en planeringsgrupp som kartlägger systemet: välj ut ungefär åtta intressentgrupper med åtta "
                "personer i varje.",
                "Dag 1, det förflutna: alla skriver på tre tidslinjer (världen, vårt område, personligt) och de "
                "blandade borden letar efter mönster.",
                "Dag 1, nuet: hela rummet bygger en tankekarta över trender som påverkar oss; varje intressentgrupp "
                "markerar de trender den tycker är viktigast.",
                "Dag 2: varje intressentgrupp berättar vad den är stolt över och vad den ångrar i sin egen del av "
                "situationen.",
                "Dag 2, framtiden: blandade grupper föreställer sig den önskade framtiden några år framåt och "
                "gestaltar den som om den redan hade hänt.",
                "Dag 2–3, gemensam grund: rummet sorterar vad alla är överens om, vad som fortfarande skiljer och "
                "vad som behöver redas ut.",
                "Dag 3, handling: deltagarna anmäler sig till handlingsgrupper kring den gemensamma grunden och "
                "planerar vem som gör vad och när.",
                "Avsluta med åtaganden och kom överens om hur handlingsgrupperna ska återrapportera.",
            ),
            facilitator_tips=(
                "Grundregeln är: hela systemet i rummet under hela tiden. Lägg det mesta av förberedelserna på att "
                "få rätt blandning av människor. Arbeta med olikheterna, inte mot dem: oenighet noteras och läggs åt "
                "sidan i stället för att drivas till sin spets – konferensen letar efter det alla redan är överens "
                "om. Låt grupperna styra sig själva med roller som roterar (samtalsledare, tidhållare, sekreterare, "
                "rapportör). Sov på saken två gånger: nätterna mellan dagarna låter idéerna sätta sig."),
            body=(
                "Future Search utvecklades av Marvin Weisbord och Sandra Janoff. Metoden vilar på några få "
                "principer: få in hela systemet i rummet, utforska helheten innan ni försöker laga någon del av den, "
                "fokusera på framtiden och den gemensamma grunden snarare än på problem och konflikter, och låt "
                "människor ta ansvar för sitt eget arbete.\n\n"
                "På svenska kallas metoden ibland framtidskonferens eller framtidsverkstad, men den ska inte "
                "förväxlas med Robert Jungks framtidsverkstad, som är en annan metod.\n\n"
                "Tillsammans med World Café och Open Space hör Future Search till de dialogformer där människor med "
                "olika bakgrund samlas kring ett framtidstema och får något att hända – de modeller "
                "Kreaprenör-nätverket diskuterade på sin nätverksträff 2009."),
        ),
        "nb": MethodText(
            title="Future Search – fremtidskonferanse",
            summary="En konferanse over to og en halv dag der hele systemet samles i ett rom – innbyggere, kommune, "
                    "næringsliv og foreninger – for å finne felles grunn og planlegge handling for en felles "
                    "fremtid.",
            purpose="Å få et helt system til å enes om en ønsket fremtid og forplikte seg til konkrete tiltak, ved "
                    "først å se sammen på fortiden, nåtiden og fremtiden.",
            when_to_use="Når et spørsmål berører mange aktører som sjelden møtes – et nabolags fremtid, "
                        "ungdomsledighet i en region, en ny strategi på tvers av sektorer – og når de som kan handle, "
                        "er villige til å være med under hele konferansen.",
            materials=(
                "Et stort lokale med runde bord til åtte personer",
                "Lange papirremser på veggen til tre tidslinjer (verden, vårt område, personlig)",
                "Et svært stort ark til tankekartet over trender",
                "Flippover, tusjer og fargede klistreprikker",
                "Materiell til å framføre fremtidsscenarier (rekvisitter, papir, utkledning)",
            ),
            steps=(
                "Sett sammen en planleggingsgruppe som kartlegger systemet: velg ut rundt åtte interessentgrupper med "
                "åtte personer i hver.",
                "Dag 1, fortiden: alle skriver på tre tidslinjer (verden, vårt område, personlig), og de blandede "
                "bordene ser etter mønstre.",
                "Dag 1, nåtiden: hele rommet lager et tankekart over trender som påvirker oss; hver "
                "interessentgruppe markerer trendene den mener er viktigst.",
                "Dag 2: hver interessentgruppe forteller hva den er stolt av, og hva den angrer på i sin egen del av "
                "situasjonen.",
                "Dag 2, fremtiden: blandede grupper ser for seg den ønskede fremtiden noen år fram i tid og framfører "
                "den som om den allerede har skjedd.",
                "Dag 2–3, felles grunn: rommet sorterer hva alle er enige om, hva som fortsatt skiller, og hva som må "
                "avklares.",
                "Dag 3, handling: deltakerne melder seg på handlingsgrupper rundt den felles grunnen og planlegger "
                "hvem som gjør hva, og når.",
                "Avslutt med forpliktelser, og bli enige om hvordan handlingsgruppene skal rapportere tilbake.",
            ),
            facilitator_tips=(
                "Grunnregelen er: hele systemet i rommet hele tiden. Bruk mesteparten av forberedelsene på å få "
                "riktig blanding av mennesker. Arbeid med forskjellene, ikke mot dem: uenighet noteres og legges til "
                "side i stedet for å kjempes ut – konferansen leter etter det alle allerede er enige om. La gruppene "
                "styre seg selv med roller som går på omgang (samtaleleder, tidtaker, referent, rapportør). Sov på "
                "det to ganger: nettene mellom dagene lar ideene synke inn."),
            body=(
                "Future Search ble utviklet av Marvin Weisbord og Sandra Janoff. Metoden hviler på noen få "
                "prinsipper: få hele systemet inn i rommet, utforsk helheten før dere prøver å reparere en del av "
                "den, fokuser på fremtiden og den felles grunnen heller enn på problemer og konflikter, og la folk "
                "ta ansvar for sitt eget arbeid.\n\n"
                "Sammen med World Café og Open Space hører Future Search til dialogformene der mennesker med ulik "
                "bakgrunn samles rundt et fremtidstema og får noe til å skje – de modellene Kreaprenör-nettverket "
                "drøftet på nettverkssamlingen sin i 2009."),
        ),
        "da": MethodText(
            title="Future Search – fremtidskonference",
            summary="En konference over to en halv dag, hvor hele systemet samles i ét rum – borgere, kommune, "
                    "erhvervsliv og foreninger – for at finde fælles grund og planlægge handling for en fælles "
                    "fremtid.",
            purpose="At få et helt system til at blive enige om en ønsket fremtid og forpligte sig til konkrete "
                    "handlinger ved først at se på fortiden, nutiden og fremtiden sammen.",
            when_to_use="Når et spørgsmål berører mange aktører, der sjældent mødes – et boligområdes fremtid, "
                        "ungeledighed i en region, en ny strategi på tværs af sektorer – og når de, der kan handle, "
                        "er parate til at være med under hele konferencen.",
            materials=(
                "Et stort lokale med runde borde til otte personer",
                "Lange papirbaner på væggen til tre tidslinjer (verden, vores område, personligt)",
                "Et meget stort ark til mindmappet over tendenser",
                "Flipover, tusser og farvede klisterprikker",
                "Materialer til at fremføre fremtidsscenarier (rekvisitter, papir, udklædning)",
            ),
            steps=(
                "Nedsæt en planlægningsgruppe, der kortlægger systemet: udvælg omkring otte interessentgrupper med "
                "otte personer i hver.",
                "Dag 1, fortiden: alle skriver på tre tidslinjer (verden, vores område, personligt), og de blandede "
                "borde leder efter mønstre.",
                "Dag 1, nutiden: hele rummet laver et mindmap over tendenser, der påvirker os; hver interessentgruppe "
                "markerer de tendenser, den finder vigtigst.",
                "Dag 2: hver interessentgruppe fortæller, hvad den er stolt af, og hvad den fortryder i sin egen del "
                "af situationen.",
                "Dag 2, fremtiden: blandede grupper forestiller sig den ønskede fremtid nogle år frem og fremfører "
                "den, som om den allerede var sket.",
                "Dag 2–3, fælles grund: rummet sorterer, hvad alle er enige om, hvad der stadig skiller, og hvad der "
                "skal afklares.",
                "Dag 3, handling: deltagerne melder sig til handlegrupper om den fælles grund og planlægger, hvem der "
                "gør hvad og hvornår.",
                "Afslut med tilsagn, og aftal, hvordan handlegrupperne skal melde tilbage.",
            ),
            facilitator_tips=(
                "Grundreglen er: hele systemet i rummet hele tiden. Brug størstedelen af forberedelsen på at få den "
                "rigtige blanding af mennesker. Arbejd med forskellene, ikke imod dem: uenigheder noteres og lægges "
                "til side i stedet for at blive kæmpet igennem – konferencen leder efter det, alle allerede er enige "
                "om. Lad grupperne styre sig selv med roller, der går på skift (ordstyrer, tidtager, referent, "
                "rapportør). Sov på det to gange: nætterne mellem dagene lader idéerne bundfælde sig."),
            body=(
                "Future Search er udviklet af Marvin Weisbord og Sandra Janoff. Metoden hviler på nogle få "
                "principper: få hele systemet ind i rummet, udforsk helheden, før I prøver at reparere en del af den, "
                "fokusér på fremtiden og den fælles grund frem for på problemer og konflikter, og lad folk tage "
                "ansvar for deres eget arbejde.\n\n"
                "Sammen med World Café og Open Space hører Future Search til de dialogformer, hvor mennesker med "
                "forskellig baggrund samles om et fremtidstema og får noget til at ske – de modeller, "
                "Kreaprenör-netværket drøftede på sit netværksmøde i 2009."),
        ),
        "en": MethodText(
            title="Future Search",
            summary="A two-and-a-half-day conference where the whole system meets in one room – residents, the "
                    "municipality, business and associations – to find common ground and plan action for a shared "
                    "future.",
            purpose="To get a whole system to agree on a desired future and commit to concrete action, by first "
                    "looking together at the past, the present and the future.",
            when_to_use="When an issue concerns many actors who rarely meet – a neighbourhood's future, youth "
                        "unemployment in a region, a new strategy across sectors – and when those who can act are "
                        "willing to stay for the whole conference.",
            materials=(
                "A large room with round tables for eight",
                "Long paper strips on the wall for three timelines (world, our field, personal)",
                "A very large sheet for the mind map of trends",
                "Flip charts, markers and coloured sticky dots",
                "Material for acting out future scenarios (props, paper, costumes)",
            ),
            steps=(
                "Form a planning group that maps the system: choose about eight stakeholder groups of eight people "
                "each.",
                "Day 1, the past: everyone writes on three timelines (world, our field, personal) and the mixed "
                "tables look for patterns.",
                "Day 1, the present: the whole room builds a mind map of the trends affecting us; each stakeholder "
                "group marks the trends it finds most important.",
                "Day 2: each stakeholder group tells what it is proud of and what it regrets in its own part of the "
                "situation.",
                "Day 2, the future: mixed groups imagine the desired future some years ahead and act it out as if it "
                "had already happened.",
                "Days 2–3, common ground: the room sorts what everyone agrees on, what still divides, and what needs "
                "clearing up.",
                "Day 3, action: participants join action groups on the common ground and plan who does what, and "
                "when.",
                "Close with commitments and agree how the action groups will report back.",
            ),
            facilitator_tips=(
                "The ground rule: the whole system in the room for the whole time. Spend most of the preparation on "
                "getting the right mix of people. Work with differences, not against them: disagreements are noted "
                "and set aside rather than fought out – the conference looks for what everyone already agrees on. "
                "Let the groups manage themselves with rotating roles (discussion leader, timekeeper, recorder, "
                "reporter). Sleep on it twice: the nights between the days let ideas settle."),
            body=(
                "Future Search was developed by Marvin Weisbord and Sandra Janoff. It rests on a few principles: get "
                "the whole system in the room, explore the whole before trying to fix any part of it, focus on the "
                "future and common ground rather than on problems and conflicts, and let people take responsibility "
                "for their own work.\n\n"
                "With World Café and Open Space, Future Search belongs to the dialogue methods in which people with "
                "different backgrounds gather around a theme for the future and make something happen – the models "
                "the Kreaprenör network discussed at its network meeting in 2009."),
        ),
    },
)

# ------------------------------------------------------------------------------------------------
# The vision battle (SED's Future Battles)

VISION_BATTLE = DemoMethod(
    key="vision-battle", group_size_min=30, group_size_max=300, duration_minutes=150,
    audiences=("residents", "entrepreneurs", "facilitators"),
    themes=("communication-and-learning", "sdg-11-sustainable-cities-and-communities"),
    related=("dot-voting", "future-search"),
    texts={
        "sv": MethodText(
            title="Visionsbattle (Future Battles)",
            summary="Visionärer turas om att presentera sina framtidsvisioner på scen, och publiken röstar live ut "
                    "de visioner som inte engagerar – ett lekfullt debattformat som gör publiken till deltagare.",
            purpose="Att skapa och vässa modiga visioner för ett samhälles framtid och på ett lekfullt sätt ta reda "
                    "på vilka som engagerar – medan alla i rummet är med och avgör.",
            when_to_use="Till en kvällsträff, en festival eller starten på en större process, när du vill ha energi, "
                        "många perspektiv och en öppen debatt om framtiden: hållbarhet, teknik, kultur, välfärd, "
                        "grannskapet. Passar sämre när gruppen behöver djup och lugn, eller när deltagarna är "
                        "känsliga för att förlora inför publik.",
            materials=(
                "En scen eller ett öppet golv, gärna en teatersalong",
                "Mikrofon och en klocka som visionärerna ser",
                "Ett sätt att rösta som alla kan använda: mobilen, färgade kort eller applåder som en jury bedömer",
                "En projektor som visar rundan och rösterna",
                "Kort för publikens frågor",
                "En skördevägg för det varje vision bidrog med",
            ),
            steps=(
                "Välj kvällens tema och hitta en värd som kan hålla en lekfull ton.",
                "Rekrytera fem till åtta visionärer med olika bakgrund och be var och en förbereda en vision på tre "
                "minuter.",
                "Öppna kvällen: förklara reglerna, att publiken röstar på engagemang och att det är en del av spelet "
                "att bli utröstad.",
                "Runda 1: varje visionär presenterar sin vision; publiken röstar och den som får minst röster lämnar "
                "scenen.",
                "Följande rundor: nya utmaningar – svara på publikens frågor, bygg vidare på en annan visionärs idé, "
                "försvara visionen på en minut – med omröstning efter varje runda.",
                "Finalen: de två sista visionärerna håller sitt slutanförande och publiken utser kvällens vision.",
                "Skörd: alla, också de utröstade visionärerna, lyfter fram det bästa i varje vision; skriv upp det "
                "på väggen.",
                "Publicera visionerna efteråt och bjud in dem som vill utveckla dem vidare.",
            ),
            facilitator_tips=(
                "Gör det tydligt att publiken röstar på engagemang och inte bedömer personen. Ge de utröstade "
                "visionärerna en roll – de kan sitta vid skördebordet eller ställa frågor i nästa runda. Håll rundorna "
                "korta och tempot högt; en synlig nedräkning hjälper. Blanda panelen: en eldsjäl från grannskapet, en "
                "student, någon från kommunen, en entreprenör. Prissättningen ”betala vad du kan” passar formatet bra."),
            body=(
                "Visionsbattlen bygger på Future Battles, ett visionsutvecklande debattspel som Sociale Entreprenører "
                "i Danmark tog fram tillsammans med Cultura21 Nordic och Foreningen for Social Innovation. Spelet "
                "kombinerar kreativ lek, performance, visionsutveckling, tävling och debatt. Det spelas i en "
                "teatersalong eller liknande under två och en halv till tre timmar, med publiken som aktiva "
                "deltagare.\n\n"
                "**Det här får det att fungera**\n\n"
                "- visionerna handlar om framtiden för *vårt* samhälle\n"
                "- publiken avgör live och ser resultatet direkt\n"
                "- alla går hem med det bästa ur alla visioner, inte bara ur vinnarens"),
        ),
        "nb": MethodText(
            title="Visjonsbattle (Future Battles)",
            summary="Visjonærer bytter på å presentere fremtidsvisjonene sine på scenen, og publikum stemmer live ut "
                    "de visjonene som ikke engasjerer – et lekent debattformat som gjør publikum til deltakere.",
            purpose="Å skape og spisse modige visjoner for et lokalsamfunns fremtid og på en leken måte finne ut "
                    "hvilke som engasjerer – mens alle i rommet er med og avgjør.",
            when_to_use="Til et kveldsarrangement, en festival eller starten på en større prosess, når du vil ha "
                        "energi, mange perspektiver og en åpen debatt om fremtiden: bærekraft, teknologi, kultur, "
                        "velferd, nabolaget. Passer dårligere når gruppen trenger dybde og ro, eller når deltakerne "
                        "er sårbare for å tape foran publikum.",
            materials=(
                "En scene eller et åpent gulv, gjerne en teatersal",
                "Mikrofon og en klokke som visjonærene ser",
                "En måte å stemme på som alle kan bruke: mobilen, fargede kort eller applaus som en jury vurderer",
                "En prosjektor som viser runden og stemmene",
                "Kort til publikums spørsmål",
                "En innhøstingsvegg for det hver visjon bidro med",
            ),
            steps=(
                "Velg kveldens tema og finn en vert som kan holde en leken tone.",
                "Rekrutter fem til åtte visjonærer med ulik bakgrunn, og be hver av dem forberede en visjon på tre "
                "minutter.",
                "Åpne kvelden: forklar reglene, at publikum stemmer på engasjement, og at det er en del av spillet å "
                "bli stemt ut.",
                "Runde 1: hver visjonær presenterer visjonen sin; publikum stemmer, og den som får færrest stemmer, "
                "forlater scenen.",
                "Neste runder: nye utfordringer – svar på spørsmål fra publikum, bygg videre på en annen visjonærs "
                "idé, forsvar visjonen på ett minutt – med avstemning etter hver runde.",
                "Finalen: de to siste visjonærene holder sluttinnlegget sitt, og publikum kårer kveldens visjon.",
                "Innhøsting: alle, også de som er stemt ut, løfter fram det beste i hver visjon; skriv det opp på "
                "veggen.",
                "Publiser visjonene etterpå, og inviter dem som vil utvikle dem videre.",
            ),
            facilitator_tips=(
                "Gjør det tydelig at publikum stemmer på engasjement og ikke vurderer personen. Gi visjonærene som "
                "blir stemt ut, en rolle – de kan sitte ved innhøstingsbordet eller stille spørsmål i neste runde. "
                "Hold rundene korte og tempoet høyt; en synlig nedtelling hjelper. Bland panelet: en ildsjel fra "
                "nabolaget, en student, en fra kommunen, en gründer. Prismodellen «betal det du kan» passer godt til "
                "formatet."),
            body=(
                "Visjonsbattlen bygger på Future Battles, et visjonsutviklende debattspill som Sociale Entreprenører "
                "i Danmark laget sammen med Cultura21 Nordic og Foreningen for Social Innovation. Spillet kombinerer "
                "kreativ lek, performance, visjonsutvikling, konkurranse og debatt. Det spilles i en teatersal eller "
                "lignende i to og en halv til tre timer, med publikum som aktive deltakere.\n\n"
                "**Dette får det til å fungere**\n\n"
                "- visjonene handler om fremtiden til *vårt* lokalsamfunn\n"
                "- publikum avgjør live og ser resultatet med én gang\n"
                "- alle går hjem med det beste fra alle visjonene, ikke bare fra vinnerens"),
        ),
        "da": MethodText(
            title="Visionsbattle (Future Battles)",
            summary="Visionærer skiftes til at fremlægge deres fremtidsvisioner på scenen, og publikum stemmer live "
                    "de visioner ud, der ikke skaber engagement – et legende debatformat, der gør publikum til "
                    "deltagere.",
            purpose="At skabe og skærpe modige visioner for et lokalsamfunds fremtid og på en legende måde finde ud "
                    "af, hvilke der skaber engagement – mens alle i rummet er med til at afgøre det.",
            when_to_use="Til et aftenarrangement, en festival eller starten på en større proces, når du vil have "
                        "energi, mange perspektiver og en åben debat om fremtiden: bæredygtighed, teknologi, kultur, "
                        "velfærd, lokalområdet. Egner sig dårligere, når gruppen har brug for dybde og ro, eller når "
                        "deltagerne er sårbare over for at tabe foran et publikum.",
            materials=(
                "En scene eller et åbent gulv, gerne en teatersal",
                "Mikrofon og et ur, som visionærerne kan se",
                "En måde at stemme på, som alle kan bruge: mobilen, farvede kort eller klapsalver, som et "
                "dommerpanel vurderer",
                "En projektor, der viser runden og stemmerne",
                "Kort til publikums spørgsmål",
                "En høstvæg til det, hver vision bidrog med",
            ),
            steps=(
                "Vælg aftenens tema, og find en vært, der kan holde en legende tone.",
                "Rekruttér fem til otte visionærer med forskellig baggrund, og bed hver af dem forberede en vision "
                "på tre minutter.",
                "Åbn aftenen: forklar reglerne, at publikum stemmer på engagement, og at det er en del af spillet at "
                "blive stemt ud.",
                "Runde 1: hver visionær fremlægger sin vision; publikum stemmer, og den, der får færrest stemmer, "
                "forlader scenen.",
                "De næste runder: nye udfordringer – svar på publikums spørgsmål, byg videre på en anden visionærs "
                "idé, forsvar visionen på ét minut – med afstemning efter hver runde.",
                "Finalen: de to sidste visionærer holder deres afsluttende indlæg, og publikum kårer aftenens vision.",
                "Høst: alle, også de visionærer, der er stemt ud, fremhæver det bedste i hver vision; skriv det op på "
                "væggen.",
                "Offentliggør visionerne bagefter, og invitér dem, der vil udvikle dem videre.",
            ),
            facilitator_tips=(
                "Gør det klart, at publikum stemmer på engagement og ikke bedømmer personen. Giv de visionærer, der "
                "bliver stemt ud, en rolle – de kan sidde ved høstbordet eller stille spørgsmål i næste runde. Hold "
                "runderne korte og tempoet højt; en synlig nedtælling hjælper. Bland panelet: en ildsjæl fra "
                "lokalområdet, en studerende, en fra kommunen, en iværksætter. Prismodellen »pay what you can« passer "
                "godt til formatet."),
            body=(
                "Visionsbattlen bygger på Future Battles, en visionsudviklende debatleg, som Sociale Entreprenører i "
                "Danmark skabte sammen med Cultura21 Nordic og Foreningen for Social Innovation. Legen kombinerer "
                "kreativ leg, performance, visionsudvikling, konkurrence og debat. Den spilles i en teatersal eller "
                "lignende på to en halv til tre timer med publikum som aktive deltagere.\n\n"
                "**Det får det til at virke**\n\n"
                "- visionerne handler om fremtiden for *vores* lokalsamfund\n"
                "- publikum afgør det live og ser resultatet med det samme\n"
                "- alle går hjem med det bedste fra alle visionerne, ikke kun fra vinderens"),
        ),
        "en": MethodText(
            title="Vision battle (Future Battles)",
            summary="Visionaries take turns presenting their visions of the future on stage, and the audience votes "
                    "out, live, the visions that fail to engage – a playful debate format that turns the audience "
                    "into participants.",
            purpose="To create and sharpen bold visions for a community's future and find out, playfully, which ones "
                    "engage people – while everyone in the room has a say.",
            when_to_use="For an evening event, a festival or the start of a larger process, when you want energy, "
                        "many perspectives and an open debate about the future: sustainability, technology, culture, "
                        "welfare, the neighbourhood. Less suited when the group needs depth and calm, or when people "
                        "would find losing in public hard.",
            materials=(
                "A stage or an open floor, ideally a theatre",
                "A microphone and a clock the visionaries can see",
                "A way of voting everyone can use: phones, coloured cards or applause judged by a jury",
                "A projector showing the round and the votes",
                "Cards for the audience's questions",
                "A harvest wall for what each vision contributed",
            ),
            steps=(
                "Choose the evening's theme and find a host who can keep the tone playful.",
                "Recruit five to eight visionaries with different backgrounds and ask each to prepare a three-minute "
                "vision.",
                "Open the evening: explain the rules, that the audience votes on engagement, and that being voted "
                "out is part of the game.",
                "Round 1: each visionary presents their vision; the audience votes and the one with the fewest votes "
                "leaves the stage.",
                "Following rounds: new challenges – answer the audience's questions, build on another visionary's "
                "idea, defend the vision in one minute – with a vote after each round.",
                "The final: the last two visionaries give their closing pitch and the audience chooses the vision of "
                "the evening.",
                "Harvest: everyone, the voted-out visionaries too, names the best of each vision; write it up on the "
                "wall.",
                "Publish the visions afterwards and invite those who want to develop them further.",
            ),
            facilitator_tips=(
                "Make it clear that the audience votes on engagement and does not judge the person. Give the "
                "voted-out visionaries a role – they can sit at the harvest table or ask questions in the next round. "
                "Keep the rounds short and the pace high; a visible countdown helps. Mix the panel: an enthusiast "
                "from the neighbourhood, a student, someone from the municipality, an entrepreneur. "
                "Pay-what-you-can pricing suits the format well."),
            body=(
                "The vision battle builds on Future Battles, a vision-developing debate game that Sociale "
                "Entreprenører i Danmark created with Cultura21 Nordic and Foreningen for Social Innovation. It "
                "combines creative play, performance, vision development, competition and debate. It is played in a "
                "theatre or similar over two and a half to three hours, with the audience as active participants.\n\n"
                "**What makes it work**\n\n"
                "- the visions are about the future of *our* community\n"
                "- the audience decides, live, and sees the result at once\n"
                "- everyone goes home with the best of all the visions, not only the winner's"),
        ),
    },
)

# ------------------------------------------------------------------------------------------------
# The problem tree

PROBLEM_TREE = DemoMethod(
    key="problem-tree", group_size_min=3, group_size_max=30, duration_minutes=90,
    audiences=("residents", "entrepreneurs", "facilitators"),
    themes=("communication-and-learning", "values-and-rules"),
    related=("laboratory-model", "dot-voting"),
    texts={
        "sv": MethodText(
            title="Problemträdet",
            summary="Rita problemet som ett träd: kärnproblemet är stammen, orsakerna är rötterna och följderna "
                    "grenarna. Gruppen ser vad som ligger bakom en utmaning och var den kan göra något.",
            purpose="Att ge en grupp en gemensam förståelse av ett komplext problem – och skilja orsaker från "
                    "följder – innan någon börjar leta efter lösningar.",
            when_to_use="I början av en idé eller ett projekt, när en utmaning känns stor och trasslig, eller när "
                        "deltagarna är oense om vad problemet egentligen är. Fungerar bra i en grannskapsinkubator "
                        "när en invånare kommer med en idé: vilket problem löser den, och varför finns problemet?",
            materials=(
                "Ett stort papper eller en whiteboard med ett träd ritat på",
                "Post-it-lappar i två färger (orsaker och följder)",
                "Tuschpennor",
                "Gärna en kamera för att dokumentera trädet",
            ),
            steps=(
                "Kom överens om kärnproblemet och skriv det i en mening på stammen, som en situation (”unga har "
                "ingenstans att träffas på kvällarna”) och inte som en saknad lösning (”det finns ingen "
                "fritidsgård”).",
                "Alla skriver orsaker på lappar i den ena färgen – en orsak per lapp.",
                "Sätt orsakerna som rötter; fråga ”varför?” om varje orsak och lägg till djupare orsaker längre ner.",
                "Skriv följder på lappar i den andra färgen och sätt dem som grenar; fråga ”och vad leder det till?”.",
                "Sortera, slå ihop dubbletter och rita pilar där en orsak leder till en annan.",
                "Läs trädet nerifrån och upp och kontrollera att logiken håller.",
                "Markera de rötter gruppen faktiskt kan påverka och välj en eller två att arbeta vidare med.",
                "Vänd de valda rötterna till positiva mål eller en utmaningsfråga: ”Hur kan vi …?”",
            ),
            facilitator_tips=(
                "Håll fast vid problemet: gruppen vill gärna hoppa till lösningar – parkera dem på ett eget papper. "
                "En orsak per lapp gör trädet läsbart. Om stammen är för bred blir rötterna oändliga; smalna av den. "
                "Bjud in dem som lever med problemet: invånare ser ofta orsaker som yrkesfolk missar. Fotografera "
                "trädet; det är underlaget för nästa steg."),
            body=(
                "Problemträdet är ett av de enklaste och mest använda verktygen för att analysera ett problem. "
                "Styrkan är bilden: alla ser att följderna är det vi lägger märke till, medan orsakerna ligger dolda "
                "under ytan – och det är där varaktig förändring börjar.\n\n"
                "**Från problemträd till målträd:** när trädet är klart kan ni vända varje lapp till sin positiva "
                "motsvarighet. Rötterna blir medel, stammen blir målet och grenarna blir de effekter ni vill uppnå. "
                "De rötter ni har valt kan också bli en utmaning som nya idéer får svara på."),
        ),
        "nb": MethodText(
            title="Problemtreet",
            summary="Tegn problemet som et tre: kjerneproblemet er stammen, årsakene er røttene og konsekvensene "
                    "greinene. Gruppen ser hva som ligger bak en utfordring, og hvor den kan gjøre noe.",
            purpose="Å gi en gruppe en felles forståelse av et komplekst problem – og skille årsaker fra konsekvenser "
                    "– før noen begynner å lete etter løsninger.",
            when_to_use="I starten av en idé eller et prosjekt, når en utfordring føles stor og floket, eller når "
                        "deltakerne er uenige om hva problemet egentlig er. Fungerer godt i en nabolagsinkubator når "
                        "en innbygger kommer med en idé: hvilket problem løser den, og hvorfor finnes problemet?",
            materials=(
                "Et stort papirark eller en tavle med et tre tegnet på",
                "Post-it-lapper i to farger (årsaker og konsekvenser)",
                "Tusjer",
                "Gjerne et kamera for å dokumentere treet",
            ),
            steps=(
                "Bli enige om kjerneproblemet og skriv det i én setning på stammen, som en situasjon («unge har ingen "
                "steder å møtes om kvelden») og ikke som en manglende løsning («det finnes ingen fritidsklubb»).",
                "Alle skriver årsaker på lapper i den ene fargen – én årsak per lapp.",
                "Sett årsakene opp som røtter; spør «hvorfor?» om hver årsak og legg til dypere årsaker lenger ned.",
                "Skriv konsekvenser på lapper i den andre fargen og sett dem opp som greiner; spør «og hva fører det "
                "til?».",
                "Sorter, slå sammen like lapper og tegn piler der en årsak fører til en annen.",
                "Les treet nedenfra og opp og sjekk at logikken holder.",
                "Marker røttene gruppen faktisk kan påvirke, og velg én eller to å jobbe videre med.",
                "Snu de valgte røttene til positive mål eller et utfordringsspørsmål: «Hvordan kan vi …?»",
            ),
            facilitator_tips=(
                "Hold fast ved problemet: gruppen vil gjerne hoppe til løsninger – parker dem på et eget ark. Én "
                "årsak per lapp gjør treet lesbart. Er stammen for bred, blir røttene endeløse; snevre den inn. "
                "Inviter dem som lever med problemet: innbyggere ser ofte årsaker som fagfolk overser. Ta bilde av "
                "treet; det er grunnlaget for neste steg."),
            body=(
                "Problemtreet er et av de enkleste og mest brukte verktøyene for å analysere et problem. Styrken er "
                "bildet: alle ser at konsekvensene er det vi legger merke til, mens årsakene ligger skjult under "
                "overflaten – og det er der varig endring begynner.\n\n"
                "**Fra problemtre til måltre:** Når treet er ferdig, kan dere snu hver lapp til det positive "
                "motstykket sitt. Røttene blir virkemidler, stammen blir målet, og greinene blir effektene dere vil "
                "oppnå. Røttene dere har valgt, kan også bli en utfordring som nye ideer kan svare på."),
        ),
        "da": MethodText(
            title="Problemtræet",
            summary="Tegn problemet som et træ: kerneproblemet er stammen, årsagerne er rødderne og konsekvenserne "
                    "grenene. Gruppen ser, hvad der ligger bag en udfordring, og hvor den kan gøre noget.",
            purpose="At give en gruppe en fælles forståelse af et komplekst problem – og skelne årsager fra "
                    "konsekvenser – før nogen begynder at lede efter løsninger.",
            when_to_use="I starten af en idé eller et projekt, når en udfordring føles stor og uoverskuelig, eller "
                        "når deltagerne er uenige om, hvad problemet egentlig er. Fungerer godt i en "
                        "nabolagsinkubator, når en borger kommer med en idé: hvilket problem løser den, og hvorfor "
                        "findes problemet?",
            materials=(
                "Et stort stykke papir eller en tavle med et træ tegnet på",
                "Post-its i to farver (årsager og konsekvenser)",
                "Tusser",
                "Gerne et kamera til at dokumentere træet",
            ),
            steps=(
                "Bliv enige om kerneproblemet, og skriv det i én sætning på stammen som en situation (»unge har ingen "
                "steder at mødes om aftenen«) og ikke som en manglende løsning (»der er ingen ungdomsklub«).",
                "Alle skriver årsager på sedler i den ene farve – én årsag pr. seddel.",
                "Sæt årsagerne op som rødder; spørg »hvorfor?« til hver årsag, og tilføj dybere årsager længere nede.",
                "Skriv konsekvenser på sedler i den anden farve, og sæt dem op som grene; spørg »og hvad fører det "
                "til?«.",
                "Sortér, slå dubletter sammen, og tegn pile, hvor én årsag fører til en anden.",
                "Læs træet nedefra og op, og tjek, at logikken holder.",
                "Markér de rødder, gruppen faktisk kan påvirke, og vælg en eller to at arbejde videre med.",
                "Vend de valgte rødder til positive mål eller et udfordringsspørgsmål: »Hvordan kan vi …?«",
            ),
            facilitator_tips=(
                "Hold fast i problemet: gruppen vil gerne springe til løsninger – parkér dem på et særskilt ark. Én "
                "årsag pr. seddel gør træet læsbart. Er stammen for bred, bliver rødderne uendelige; indsnævr den. "
                "Invitér dem, der lever med problemet: borgere ser ofte årsager, som fagfolk overser. Tag et billede "
                "af træet; det er grundlaget for næste skridt."),
            body=(
                "Problemtræet er et af de enkleste og mest brugte redskaber til at analysere et problem. Styrken er "
                "billedet: alle kan se, at konsekvenserne er det, vi lægger mærke til, mens årsagerne ligger skjult "
                "under overfladen – og det er dér, varig forandring begynder.\n\n"
                "**Fra problemtræ til måltræ:** Når træet er færdigt, kan I vende hver seddel til dens positive "
                "modstykke. Rødderne bliver midler, stammen bliver målet, og grenene bliver de effekter, I vil opnå. "
                "De rødder, I har valgt, kan også blive en udfordring, som nye idéer kan svare på."),
        ),
        "en": MethodText(
            title="Problem tree",
            summary="Draw the problem as a tree: the core problem is the trunk, its causes are the roots and its "
                    "effects the branches. The group sees what lies behind a challenge and where it can act.",
            purpose="To give a group a shared understanding of a complex problem – telling causes from effects – "
                    "before anyone starts looking for solutions.",
            when_to_use="At the start of an idea or a project, when a challenge feels big and tangled, or when people "
                        "disagree about what the problem really is. Works well in a neighbourhood incubator when a "
                        "resident brings an idea: which problem does it solve, and why does that problem exist?",
            materials=(
                "A large sheet of paper or a whiteboard with a tree drawn on it",
                "Sticky notes in two colours (causes and effects)",
                "Markers",
                "A camera to record the tree, if you have one",
            ),
            steps=(
                "Agree on the core problem and write it in one sentence on the trunk, as a situation (“young people "
                "have nowhere to meet in the evening”), not as a missing solution (“there is no youth club”).",
                "Everyone writes causes on notes of one colour – one cause per note.",
                "Place the causes as roots; ask “why?” about each and add deeper causes further down.",
                "Write effects on notes of the other colour and place them as branches; ask “and what does that lead "
                "to?”.",
                "Sort, merge duplicates and draw arrows where one cause leads to another.",
                "Read the tree from the roots up and check that the logic holds.",
                "Mark the roots the group can actually influence and choose one or two to work on.",
                "Turn the chosen roots into positive goals or a challenge question: “How might we …?”",
            ),
            facilitator_tips=(
                "Stay with the problem: the group will want to jump to solutions – park them on a separate sheet. "
                "One cause per note keeps the tree readable. If the trunk is too broad, the roots never end; narrow "
                "it down. Invite the people who live with the problem: residents often see causes professionals "
                "miss. Take a photo of the tree; it is the starting point for the next step."),
            body=(
                "The problem tree is one of the simplest and most widely used tools for analysing a problem. Its "
                "strength is the picture: everyone can see that the effects are what we notice, while the causes lie "
                "hidden below the surface – and that is where lasting change begins.\n\n"
                "**From problem tree to objective tree:** when the tree is done, turn each note into its positive "
                "counterpart. The roots become means, the trunk becomes the goal and the branches become the effects "
                "you want to achieve. The roots you chose can also become a challenge for new ideas to answer."),
        ),
    },
)

# ------------------------------------------------------------------------------------------------
# Dot voting

DOT_VOTING = DemoMethod(
    key="dot-voting", group_size_min=4, group_size_max=150, duration_minutes=20,
    audiences=("residents", "facilitators"),
    themes=("communication-and-learning",),
    related=("vision-battle", "problem-tree", "world-cafe", "open-space"),
    texts={
        "sv": MethodText(
            title="Prickröstning",
            summary="Varje deltagare får några klisterprickar att sätta på de alternativ hen föredrar. På några "
                    "minuter ser en stor grupp var dess prioriteringar ligger.",
            purpose="Att snabbt och synligt prioritera bland många idéer, ämnen eller lösningar, så att alla får "
                    "säga sitt och gruppen kan välja vad den ska arbeta vidare med.",
            when_to_use="Efter en brainstorm, en skörd från ett World Café eller ett Open Space, när det finns fler "
                        "alternativ än gruppen kan ta vidare. Använd den för att prioritera, inte för att lösa "
                        "konflikter eller fatta formella beslut.",
            materials=(
                "Alternativen tydligt skrivna på ark eller lappar på en vägg",
                "Klisterprickar (eller tuschpennor), lika många till varje deltagare",
                "Gärna prickar i en andra färg för ett andra kriterium",
                "Gärna mobiler för omröstning i en stor lokal",
            ),
            steps=(
                "Sätt upp alla alternativ på väggen; förtydliga det som är oklart och slå ihop dubbletter.",
                "Kom överens om kriteriet: vad röstar vi om? (”Vilken idé vill vi testa först?”)",
                "Dela ut prickarna: en tumregel är ungefär en tredjedel så många prickar som det finns alternativ.",
                "Bestäm om man får sätta flera prickar på samma alternativ.",
                "Alla röstar samtidigt, under tystnad.",
                "Räkna prickarna och rangordna alternativen.",
                "Prata om resultatet: vad överraskade oss, kan alla leva med de alternativ som hamnade högst?",
                "Dokumentera resultatet och bestäm nästa steg för de valda alternativen.",
            ),
            facilitator_tips=(
                "Låt alla rösta samtidigt – röstar man en i taget drar de första prickarna med sig de andra. Var noga "
                "med kriteriet: effekt, genomförbarhet och lust ger olika resultat; använd två färger om ni behöver "
                "två kriterier. Kom ihåg att en prickröstning visar var energin finns; den är inget beslut. I grupper "
                "med tydliga hierarkier, eller när ämnet är känsligt, låt deltagarna rösta anonymt i mobilen."),
            body=(
                "Prickröstning – på engelska *dot voting* eller *dotmocracy* – är det snabbaste sättet att se en "
                "grupps prioriteringar. Den är öppen: alla ser rösterna, och bilden startar ofta ett bättre samtal än "
                "en handuppräckning.\n\n"
                "**Varianter**\n\n"
                "- *Två färger:* gröna prickar för ”störst effekt”, röda för ”lättast att komma igång med”\n"
                "- *Vetoprick:* var och en får sätta en svart prick på ett alternativ hen inte kan acceptera\n"
                "- *Digitalt:* i mobilen, med resultatet live på projektorn"),
        ),
        "nb": MethodText(
            title="Prikkstemming",
            summary="Hver deltaker får noen klistreprikker å sette på alternativene de foretrekker. På noen få "
                    "minutter ser en stor gruppe hvor prioriteringene ligger.",
            purpose="Å prioritere raskt og synlig mellom mange ideer, temaer eller løsninger, slik at alle får si "
                    "sin mening og gruppen kan velge hva den skal jobbe videre med.",
            when_to_use="Etter en idémyldring, en innhøsting fra en World Café eller et Open Space, når det finnes "
                        "flere alternativer enn gruppen kan ta videre. Bruk den til å prioritere, ikke til å løse "
                        "konflikter eller ta formelle beslutninger.",
            materials=(
                "Alternativene tydelig skrevet på ark eller lapper på en vegg",
                "Klistreprikker (eller tusjer), like mange til hver deltaker",
                "Gjerne prikker i en annen farge for et annet kriterium",
                "Gjerne mobiltelefoner for avstemning i et stort lokale",
            ),
            steps=(
                "Heng opp alle alternativene på veggen; gjør det uklare tydelig, og slå sammen like alternativer.",
                "Bli enige om kriteriet: hva stemmer vi over? («Hvilken idé vil vi teste først?»)",
                "Del ut prikkene: en tommelfingerregel er omtrent en tredjedel så mange prikker som det finnes "
                "alternativer.",
                "Bestem om man kan sette flere prikker på samme alternativ.",
                "Alle stemmer samtidig, i stillhet.",
                "Tell prikkene og ranger alternativene.",
                "Snakk om resultatet: hva overrasket oss, kan alle leve med alternativene som havnet øverst?",
                "Dokumenter resultatet og bestem neste steg for de valgte alternativene.",
            ),
            facilitator_tips=(
                "La alle stemme samtidig – stemmer folk én etter én, drar de første prikkene med seg de andre. Vær "
                "nøye med kriteriet: effekt, gjennomførbarhet og lyst gir ulike resultater; bruk to farger hvis dere "
                "trenger to kriterier. Husk at en prikkstemming viser hvor energien er; den er ingen beslutning. I "
                "grupper med tydelige hierarkier, eller når temaet er sårt, la deltakerne stemme anonymt på mobilen."),
            body=(
                "Prikkstemming – på engelsk *dot voting* eller *dotmocracy* – er den raskeste måten å se "
                "prioriteringene i en gruppe på. Den er åpen: alle ser stemmene, og bildet starter ofte en bedre "
                "samtale enn håndsopprekning.\n\n"
                "**Varianter**\n\n"
                "- *To farger:* grønne prikker for «størst effekt», røde for «enklest å komme i gang med»\n"
                "- *Vetoprikk:* hver person kan sette én svart prikk på et alternativ de ikke kan godta\n"
                "- *Digitalt:* på mobilen, med resultatet live på prosjektoren"),
        ),
        "da": MethodText(
            title="Prikafstemning",
            summary="Hver deltager får nogle klisterprikker at sætte på de muligheder, vedkommende foretrækker. På få "
                    "minutter ser en stor gruppe, hvor dens prioriteringer ligger.",
            purpose="At prioritere hurtigt og synligt mellem mange idéer, emner eller løsninger, så alle får "
                    "indflydelse, og gruppen kan vælge, hvad den skal arbejde videre med.",
            when_to_use="Efter en brainstorm, en høst fra en World Café eller et Open Space, når der er flere "
                        "muligheder, end gruppen kan tage videre. Brug den til at prioritere, ikke til at løse "
                        "konflikter eller træffe formelle beslutninger.",
            materials=(
                "Mulighederne skrevet tydeligt på ark eller sedler på en væg",
                "Klisterprikker (eller tusser), lige mange til hver deltager",
                "Gerne prikker i en anden farve til et andet kriterium",
                "Gerne mobiltelefoner til afstemning i et stort lokale",
            ),
            steps=(
                "Sæt alle muligheder op på væggen; uddyb det, der er uklart, og slå dubletter sammen.",
                "Bliv enige om kriteriet: hvad stemmer vi om? (»Hvilken idé vil vi afprøve først?«)",
                "Del prikkerne ud: en tommelfingerregel er omkring en tredjedel så mange prikker, som der er "
                "muligheder.",
                "Beslut, om man må sætte flere prikker på den samme mulighed.",
                "Alle stemmer på samme tid og i stilhed.",
                "Tæl prikkerne, og ranglist mulighederne.",
                "Tal om resultatet: hvad overraskede os, kan alle leve med de muligheder, der kom øverst?",
                "Notér resultatet, og beslut næste skridt for de valgte muligheder.",
            ),
            facilitator_tips=(
                "Lad alle stemme på samme tid – stemmer folk én ad gangen, trækker de første prikker de andre med sig. "
                "Vær præcis med kriteriet: effekt, gennemførlighed og lyst giver forskellige resultater; brug to "
                "farver, hvis I har brug for to kriterier. Husk, at en prikafstemning viser, hvor energien er; den er "
                "ikke en beslutning. I grupper med tydelige hierarkier, eller når emnet er følsomt, kan deltagerne "
                "stemme anonymt på mobilen."),
            body=(
                "Prikafstemning – på engelsk *dot voting* eller *dotmocracy* – er den hurtigste måde at se en gruppes "
                "prioriteringer på. Den er åben: alle kan se stemmerne, og billedet sætter ofte en bedre samtale i "
                "gang end håndsoprækning.\n\n"
                "**Varianter**\n\n"
                "- *To farver:* grønne prikker for »størst effekt«, røde for »nemmest at gå i gang med«\n"
                "- *Vetoprik:* hver person må sætte én sort prik på en mulighed, vedkommende ikke kan acceptere\n"
                "- *Digitalt:* på mobilen med resultatet live på projektoren"),
        ),
        "en": MethodText(
            title="Dot voting",
            summary="Each participant gets a few sticky dots to place on the options they prefer. In a few minutes, "
                    "a large group sees where its priorities lie.",
            purpose="To prioritise quickly and visibly among many ideas, topics or solutions, so that everyone has a "
                    "say and the group can choose what to work on next.",
            when_to_use="After a brainstorm, a World Café harvest or an Open Space, when there are more options than "
                        "the group can take forward. Use it to prioritise, not to settle conflicts or take formal "
                        "decisions.",
            materials=(
                "The options written clearly on sheets or notes on a wall",
                "Sticky dots (or markers), the same number for each participant",
                "Dots in a second colour for a second criterion, if you need one",
                "Phones for voting in a large room, if you like",
            ),
            steps=(
                "Put all the options on the wall; clarify what is unclear and merge duplicates.",
                "Agree on the criterion: what are we voting for? (“Which idea do we want to test first?”)",
                "Hand out the dots: as a rule of thumb, about a third as many dots as there are options.",
                "Decide whether several dots may go on the same option.",
                "Everyone votes at the same time, in silence.",
                "Count the dots and rank the options.",
                "Talk about the result: what surprised us, can everyone live with the options at the top?",
                "Record the result and decide the next step for the options chosen.",
            ),
            facilitator_tips=(
                "Let everyone vote at once – when people vote one by one, the first dots pull the others along. Be "
                "precise about the criterion: impact, feasibility and enthusiasm give different results; use two "
                "colours if you need two criteria. Remember that a dot vote shows where the energy is; it is not a "
                "decision. In groups with strong hierarchies, or when the subject is sensitive, let people vote "
                "anonymously on their phones."),
            body=(
                "Dot voting – also called *dotmocracy* – is the quickest way to see a group's priorities. It is open: "
                "everyone sees the votes, and the picture often starts a better conversation than a show of "
                "hands.\n\n"
                "**Variants**\n\n"
                "- *Two colours:* green dots for “biggest impact”, red for “easiest to start with”\n"
                "- *Veto dot:* each person may put one black dot on an option they cannot accept\n"
                "- *Digital:* on phones, with the result live on the projector"),
        ),
    },
)

# ------------------------------------------------------------------------------------------------
# COK's laboratory model

LABORATORY_MODEL = DemoMethod(
    key="laboratory-model", group_size_min=6, group_size_max=20, duration_minutes=180,
    audiences=("municipalities", "entrepreneurs", "facilitators"),
    themes=("business-and-value-creation", "sdg-9-industry-innovation-and-infrastructure",
            "sdg-17-partnerships-for-the-goals"),
    related=("problem-tree", "future-search"),
    texts={
        "sv": MethodText(
            title="Laboratoriemodellen (COK)",
            summary="En laboratoriegrupp över sektorsgränserna gör en god idé till en prototyp, prövar den i "
                    "praktiken och mäter effekterna – i tre faser: pre-jekt, pro-jekt och post-jekt.",
            purpose="Att komma från idé till innovation – något nytt och nyttigt som faktiskt kommer till användning "
                    "– genom att låta människor från olika sektorer och yrken tillsammans utveckla, pröva och mäta "
                    "lösningar i korta, experimentella steg.",
            when_to_use="När ett komplext problem går över organisationsgränser – sjukhus och kommuner, "
                        "Arbetsförmedlingen och sociala företag, kommunen och invånarna – och ingen kan lösa det "
                        "ensam. Kräver en projektägare som ger laboratoriet ett mandat och vågar pröva. Ett "
                        "laboratoriemöte tar en halv dag; hela förloppet pågår i några månader.",
            materials=(
                "Ett mandat från projektägaren och en beskrivning av problemet",
                "En lokal som inbjuder till experiment: väggar att skriva på, material att bygga prototyper av",
                "Post-it-lappar, blädderblock och tuschpennor",
                "En enkel plan för mätning (nollmätning, indikatorer, uppföljning)",
                "En loggbok för prövohandlingarna",
            ),
            steps=(
                "Beskriv problemet tillsammans med projektägaren: vad är komplext med det, och vad skulle vara nytt, "
                "nyttigt och komma till användning?",
                "Pre-jekt (idéutveckling): ett tvärfackligt team arbetar öppet, tar fram idéer, väljer de bästa och "
                "formar ett nytt idékoncept.",
                "Sätt samman laboratoriegruppen med människor från de sektorer som berörs – och med dem som ska leva "
                "med lösningen.",
                "Pro-jekt (prövohandlingar): bryt ner idékonceptet i konkreta leveranser och genomför korta, "
                "experimentella projekt i nära samarbete med projektägaren.",
                "Bygg en prototyp som kan prövas i praktiken.",
                "Post-jekt (prövning): pröva prototypen i verklig drift och mät effekterna mot nollmätningen.",
                "Utvärdera processen och besluta om ni ska justera, skala upp eller avsluta.",
                "Sprid innovationen till andra delar av organisationerna och dela det ni har lärt er.",
            ),
            facilitator_tips=(
                "Håll isär faserna: öppen och målsökande i pre-jektet, fokuserad på leveranser i pro-jektet och "
                "inriktad på prövning och mätning i post-jektet. Kom överens om hur ni ska mäta innan ni börjar pröva, annars "
                "går effekterna inte att visa. Håll prövohandlingarna korta – resultaten syns ofta snabbt, och tidiga "
                "resultat håller energin uppe. Laboratoriets värde ligger också i relationerna det bygger över "
                "sektorsgränserna; ge deltagarna tid att lära känna varandras villkor."),
            body=(
                "Center for Offentlig Kompetenceudvikling (COK) i Danmark ser innovation som en idé som genomförs så "
                "att den skapar mervärde för medborgare, medarbetare och/eller organisationen. Modellen följer tre "
                "rubriker – **nytt, nyttigt och nyttiggjort** – och går från ett problem till idéer, väljer de bästa, "
                "genomför dem och prövar dem i praktiken.\n\n"
                "**De tre faserna**\n\n"
                "1. *Pre-jekt – idéutveckling:* målsökande och öppen; ett tvärfackligt team skapar ett nytt och "
                "nyttigt idékoncept.\n"
                "2. *Pro-jekt – prövohandlingar:* målstyrd; laboratoriegruppen bryter ner konceptet i korta, "
                "experimentella projekt.\n"
                "3. *Post-jekt – prövning:* innovationen prövas, effekterna mäts, processen utvärderas och lösningen "
                "sprids.\n\n"
                "Modellen har bland annat använts av Randersklyngen i Danmark – Regionshospitalet Randers, "
                "kommunerna Norddjurs, Syddjurs, Randers och Favrskov och allmänläkarna i området. Erfarenheten "
                "därifrån är att resultaten kommer snabbt, att energin är hög och att deltagarna får utrymme att "
                "experimentera tillsammans och knyta band över gränserna."),
        ),
        "nb": MethodText(
            title="Laboratoriemodellen (COK)",
            summary="En laboratoriegruppe på tvers av sektorer gjør en god idé om til en prototyp, prøver den ut i "
                    "praksis og måler effektene – i tre faser: pre-jekt, pro-jekt og post-jekt.",
            purpose="Å komme fra idé til innovasjon – noe nytt og nyttig som faktisk blir tatt i bruk – ved å la "
                    "mennesker fra ulike sektorer og fag utvikle, prøve ut og måle løsninger sammen i korte, "
                    "eksperimenterende steg.",
            when_to_use="Når et komplekst problem krysser organisasjonsgrenser – sykehus og kommuner, NAV og sosiale "
                        "virksomheter, kommunen og innbyggerne – og ingen kan løse det alene. Krever en prosjekteier "
                        "som gir laboratoriet et mandat og tør å prøve. Et laboratoriemøte tar en halv dag; hele "
                        "forløpet går over noen måneder.",
            materials=(
                "Et mandat fra prosjekteieren og en beskrivelse av problemet",
                "Et lokale som inviterer til eksperimentering: vegger å skrive på, materiell å bygge prototyper av",
                "Post-it-lapper, flippover og tusjer",
                "En enkel plan for måling (nullpunktsmåling, indikatorer, oppfølging)",
                "En loggbok for prøvehandlingene",
            ),
            steps=(
                "Beskriv problemet sammen med prosjekteieren: hva er komplekst ved det, og hva ville være nytt, "
                "nyttig og tatt i bruk?",
                "Pre-jekt (idéutvikling): et tverrfaglig team jobber åpent, får fram ideer, velger de beste og former "
                "et nytt idékonsept.",
                "Sett sammen laboratoriegruppen med folk fra sektorene det gjelder – og med dem som skal leve med "
                "løsningen.",
                "Pro-jekt (prøvehandlinger): bryt ned idékonseptet i konkrete leveranser og gjennomfør korte, "
                "eksperimenterende prosjekter i tett samarbeid med prosjekteieren.",
                "Bygg en prototyp som kan prøves ut i praksis.",
                "Post-jekt (utprøving): prøv prototypen i virkelig drift og mål effektene mot nullpunktsmålingen.",
                "Evaluer prosessen og bestem om dere skal justere, skalere opp eller avslutte.",
                "Spre innovasjonen til andre deler av organisasjonene og del det dere har lært.",
            ),
            facilitator_tips=(
                "Hold fasene fra hverandre: åpen og målsøkende i pre-jektet, konsentrert om leveranser i pro-jektet og "
                "rettet mot utprøving og måling i post-jektet. Bli enige om hvordan dere skal måle før dere begynner "
                "å prøve ut, ellers kan ikke effektene vises. Hold prøvehandlingene korte – resultatene viser seg "
                "ofte raskt, og tidlige resultater holder energien oppe. Laboratoriets verdi ligger også i "
                "relasjonene det bygger på tvers av sektorer; gi deltakerne tid til å bli kjent med hverandres "
                "rammebetingelser."),
            body=(
                "Center for Offentlig Kompetenceudvikling (COK) i Danmark ser innovasjon som en idé som blir "
                "gjennomført slik at den skaper merverdi for innbyggere, medarbeidere og/eller organisasjonen. "
                "Modellen følger tre overskrifter – **nytt, nyttig og nyttiggjort** – og går fra et problem til "
                "ideer, velger de beste, gjennomfører dem og prøver dem ut i praksis.\n\n"
                "**De tre fasene**\n\n"
                "1. *Pre-jekt – idéutvikling:* målsøkende og åpen; et tverrfaglig team skaper et nytt og nyttig "
                "idékonsept.\n"
                "2. *Pro-jekt – prøvehandlinger:* målstyrt; laboratoriegruppen bryter ned konseptet i korte, "
                "eksperimenterende prosjekter.\n"
                "3. *Post-jekt – utprøving:* innovasjonen prøves ut, effektene måles, prosessen evalueres og "
                "løsningen spres.\n\n"
                "Modellen er blant annet brukt av Randersklyngen i Danmark – Regionshospitalet Randers, kommunene "
                "Norddjurs, Syddjurs, Randers og Favrskov og allmennlegene i området. Erfaringen derfra er at "
                "resultatene kommer raskt, at energien er høy, og at deltakerne får rom til å eksperimentere sammen "
                "og knytte bånd på tvers."),
        ),
        "da": MethodText(
            title="Laboratoriemodellen (COK)",
            summary="En tværsektoriel laboratoriegruppe omsætter en god idé til en prototype, afprøver den i praksis "
                    "og måler effekterne – i tre faser: pre-jekt, pro-jekt og post-jekt.",
            purpose="At komme fra idé til innovation – noget nyt og nyttigt, der faktisk bliver nyttiggjort – ved at "
                    "lade mennesker på tværs af sektorer og fag udvikle, afprøve og måle løsninger sammen i korte, "
                    "eksperimenterende skridt.",
            when_to_use="Når et komplekst problem går på tværs af organisationer – hospital og kommuner, jobcenter og "
                        "socialøkonomiske virksomheder, kommunen og borgerne – og ingen kan løse det alene. Kræver en "
                        "projektejer, der giver laboratoriet et mandat og tør afprøve. Et laboratoriemøde tager en "
                        "halv dag; hele forløbet strækker sig over nogle måneder.",
            materials=(
                "Et mandat fra projektejeren og en beskrivelse af problemet",
                "Et lokale, der inviterer til at eksperimentere: vægge at skrive på, materialer at bygge prototyper af",
                "Post-its, flipover og tusser",
                "En enkel plan for måling (baseline, indikatorer, opfølgning)",
                "En logbog over prøvehandlingerne",
            ),
            steps=(
                "Beskriv problemet sammen med projektejeren: hvad er komplekst ved det, og hvad ville være nyt, "
                "nyttigt og nyttiggjort?",
                "Pre-jekt (idéudvikling): et tværfagligt team arbejder åbent, skaber idéer, vælger de bedste og former "
                "et nyt idékoncept.",
                "Sammensæt laboratoriegruppen med folk fra de berørte sektorer – og med dem, der skal leve med "
                "løsningen.",
                "Pro-jekt (prøvehandlinger): bryd idékonceptet ned i konkrete leverancer, og gennemfør korte, "
                "eksperimenterende projekter i tæt samarbejde med projektejeren.",
                "Byg en prototype, der kan afprøves i praksis.",
                "Post-jekt (prøvesprængning): afprøv prototypen i virkelig drift, og mål effekterne i forhold til "
                "baseline.",
                "Evaluér processen, og beslut, om I skal justere, skalere op eller stoppe.",
                "Spred innovationen til andre dele af organisationerne, og del det, I har lært.",
            ),
            facilitator_tips=(
                "Hold faserne adskilt: målsøgende og åben i pre-jektet, fokuseret på leverancer i pro-jektet, "
                "orienteret mod afprøvning og måling i post-jektet. Aftal, hvordan I vil måle, før I begynder at "
                "afprøve, ellers kan effekterne ikke vises. Hold prøvehandlingerne korte – resultaterne viser sig ofte "
                "hurtigt, og tidlige resultater holder energien oppe. Laboratoriets værdi ligger også i de relationer, "
                "det skaber på tværs af sektorer; giv deltagerne tid til at lære hinandens rammer at kende."),
            body=(
                "Center for Offentlig Kompetenceudvikling (COK) ser innovation som en idé, der implementeres, så den "
                "skaber merværdi for borgere, medarbejdere og/eller organisation. Modellen følger tre overskrifter – "
                "**nyt, nyttigt og nyttiggjort** – og går fra et problem til idéer, vælger de bedste, implementerer "
                "dem og afprøver dem i praksis.\n\n"
                "**De tre faser**\n\n"
                "1. *Pre-jekt – idéudviklingsfasen:* målsøgende og åben; et tværfagligt team skaber et nyt og nyttigt "
                "idékoncept.\n"
                "2. *Pro-jekt – prøvehandlingsfasen:* målstyrende; laboratoriegruppen bryder konceptet ned i korte, "
                "eksperimenterende projekter.\n"
                "3. *Post-jekt – prøvesprængningsfasen:* innovationen afprøves, effekterne måles, processen evalueres, "
                "og løsningen spredes.\n\n"
                "Modellen har bl.a. været brugt af Randersklyngen – Regionshospitalet Randers, Norddjurs, Syddjurs, "
                "Randers og Favrskov Kommune og de praktiserende læger. Erfaringen derfra er, at resultaterne kommer "
                "hurtigt, at energien er høj, og at deltagerne får plads til at eksperimentere sammen og knytte bånd "
                "på tværs."),
        ),
        "en": MethodText(
            title="The laboratory model (COK)",
            summary="A cross-sector laboratory group turns a good idea into a prototype, tests it in practice and "
                    "measures its effects – in three phases: pre-ject, pro-ject and post-ject.",
            purpose="To get from idea to innovation – something new and useful that is actually put to use – by "
                    "letting people from different sectors and professions develop, test and measure solutions "
                    "together in short, experimental steps.",
            when_to_use="When a complex problem crosses organisations – hospital and municipalities, the job centre "
                        "and social enterprises, the municipality and its residents – and nobody can solve it alone. "
                        "It needs a project owner who gives the laboratory a mandate and dares to experiment. One "
                        "laboratory meeting takes half a day; the whole process runs over a few months.",
            materials=(
                "A mandate from the project owner and a description of the problem",
                "A room that invites experiments: walls to write on, material to build prototypes from",
                "Sticky notes, flip charts and markers",
                "A simple plan for measuring (baseline, indicators, follow-up)",
                "A logbook of the trial actions",
            ),
            steps=(
                "Describe the problem with the project owner: what makes it complex, and what would be new, useful "
                "and put to use?",
                "Pre-ject (idea development): a cross-disciplinary team works openly, generates ideas, picks the best "
                "and shapes a new idea concept.",
                "Set up the laboratory group with people from the sectors concerned – and with those who will live "
                "with the solution.",
                "Pro-ject (trial actions): break the idea concept down into concrete deliverables and run short, "
                "experimental projects in close cooperation with the project owner.",
                "Build a prototype that can be tried in practice.",
                "Post-ject (testing): try the prototype in real operation and measure its effects against the "
                "baseline.",
                "Evaluate the process and decide whether to adjust, scale up or stop.",
                "Spread the innovation to other parts of the organisations and share what you have learned.",
            ),
            facilitator_tips=(
                "Keep the phases apart: open and goal-seeking in the pre-ject, focused on deliverables in the "
                "pro-ject, aimed at testing and measuring in the post-ject. Agree how you will measure before you "
                "start testing, or the effects cannot be shown. Keep the trial actions short – results often show "
                "quickly, and early results keep the energy up. Much of the laboratory's value lies in the relations "
                "it builds across sectors; give people time to learn each other's working conditions."),
            body=(
                "Center for Offentlig Kompetenceudvikling (COK), the Danish municipalities' centre for skills "
                "development, sees innovation as an idea that is implemented so that it creates added value for "
                "citizens, staff and/or the organisation. Its model follows three headings – **new, useful and put "
                "to use** – and goes from a problem to ideas, picks the best, implements them and tests them in "
                "practice.\n\n"
                "**The three phases**\n\n"
                "1. *Pre-ject – idea development:* goal-seeking and open; a cross-disciplinary team creates a new, "
                "useful idea concept.\n"
                "2. *Pro-ject – trial actions:* goal-directed; the laboratory group breaks the concept down into "
                "short, experimental projects.\n"
                "3. *Post-ject – testing:* the innovation is tested, its effects measured, the process evaluated and "
                "the solution spread.\n\n"
                "The model has been used, for example, by the Randers cluster in Denmark – Randers regional hospital, "
                "the municipalities of Norddjurs, Syddjurs, Randers and Favrskov, and the local general "
                "practitioners. Their experience: results come quickly, the energy is high, and people get room to "
                "experiment together and build ties across boundaries."),
        ),
    },
)

# The order of the Swedish collection "Metoder för samskapande": explore, understand, choose, develop.
METHODS: list[DemoMethod] = [WORLD_CAFE, OPEN_SPACE, FUTURE_SEARCH, PROBLEM_TREE, DOT_VOTING, LABORATORY_MODEL,
                             VISION_BATTLE]
