"""The themes a new hub starts with: the Kreaprenör model's four focus areas, the 17 UN Sustainable
Development Goals and the societal challenges the seeds name. The hub edits them in the admin.

Plain data without model imports, shared by the data migration and the tests. SDG names are the
official short names used by the UN and its national associations (globalamalen.se, FN-sambandet,
verdensmaalene.dk); challenge names follow the glossary in DOMAIN.md.
"""

from typing import NamedTuple

from django.utils.text import slugify

LABEL_LANGUAGES = ("en", "sv", "nb", "da")


class ThemeData(NamedTuple):
    kind: str
    slug: str
    position: int
    labels: dict[str, str]


def _labels(en: str, sv: str, nb: str, da: str) -> dict[str, str]:
    return {"en": en, "sv": sv, "nb": nb, "da": da}


# The model's own Swedish words (seed 000): miljö och hälsa, värdegrund och regler,
# kommunikation och lärande, näringsliv och värdeskapande.
FOCUS_AREAS = [
    ("environment-and-health", _labels("Environment and health", "Miljö och hälsa", "Miljø og helse",
                                       "Miljø og sundhed")),
    ("values-and-rules", _labels("Values and rules", "Värdegrund och regler", "Verdigrunnlag og regler",
                                 "Værdigrundlag og regler")),
    ("communication-and-learning", _labels("Communication and learning", "Kommunikation och lärande",
                                           "Kommunikasjon og læring", "Kommunikation og læring")),
    ("business-and-value-creation", _labels("Business and value creation", "Näringsliv och värdeskapande",
                                            "Næringsliv og verdiskaping", "Erhvervsliv og værdiskabelse")),
]

# In goal order: position = goal number.
SDGS = [
    _labels("No poverty", "Ingen fattigdom", "Utrydde fattigdom", "Afskaf fattigdom"),
    _labels("Zero hunger", "Ingen hunger", "Utrydde sult", "Stop sult"),
    _labels("Good health and well-being", "Hälsa och välbefinnande", "God helse og livskvalitet",
            "Sundhed og trivsel"),
    _labels("Quality education", "God utbildning för alla", "God utdanning", "Kvalitetsuddannelse"),
    _labels("Gender equality", "Jämställdhet", "Likestilling mellom kjønnene", "Ligestilling mellem kønnene"),
    _labels("Clean water and sanitation", "Rent vatten och sanitet för alla", "Rent vann og gode sanitærforhold",
            "Rent vand og sanitet"),
    _labels("Affordable and clean energy", "Hållbar energi för alla", "Ren energi til alle", "Bæredygtig energi"),
    _labels("Decent work and economic growth", "Anständiga arbetsvillkor och ekonomisk tillväxt",
            "Anstendig arbeid og økonomisk vekst", "Anstændige jobs og økonomisk vækst"),
    _labels("Industry, innovation and infrastructure", "Hållbar industri, innovationer och infrastruktur",
            "Innovasjon og infrastruktur", "Industri, innovation og infrastruktur"),
    _labels("Reduced inequalities", "Minskad ojämlikhet", "Mindre ulikhet", "Mindre ulighed"),
    _labels("Sustainable cities and communities", "Hållbara städer och samhällen",
            "Bærekraftige byer og lokalsamfunn", "Bæredygtige byer og lokalsamfund"),
    _labels("Responsible consumption and production", "Hållbar konsumtion och produktion",
            "Ansvarlig forbruk og produksjon", "Ansvarligt forbrug og produktion"),
    _labels("Climate action", "Bekämpa klimatförändringarna", "Stoppe klimaendringene", "Klimaindsats"),
    _labels("Life below water", "Hav och marina resurser", "Livet i havet", "Livet i havet"),
    _labels("Life on land", "Ekosystem och biologisk mångfald", "Livet på land", "Livet på land"),
    _labels("Peace, justice and strong institutions", "Fredliga och inkluderande samhällen",
            "Fred, rettferdighet og velfungerende institusjoner", "Fred, retfærdighed og stærke institutioner"),
    _labels("Partnerships for the goals", "Genomförande och globalt partnerskap", "Samarbeid for å nå målene",
            "Partnerskaber for handling"),
]

CHALLENGES = [
    ("youth-unemployment", _labels("Youth unemployment", "Ungdomsarbetslöshet", "Ungdomsledighet",
                                   "Ungdomsarbejdsløshed")),
    ("loneliness", _labels("Loneliness", "Ensamhet", "Ensomhet", "Ensomhed")),
    ("poverty", _labels("Poverty", "Fattigdom", "Fattigdom", "Fattigdom")),
    ("child-poverty", _labels("Child poverty", "Barnfattigdom", "Barnefattigdom", "Børnefattigdom")),
    ("inclusion", _labels("Inclusion", "Inkludering", "Inkludering", "Inklusion")),
    ("mental-health", _labels("Mental health", "Psykisk hälsa", "Psykisk helse", "Mental sundhed")),
    ("housing", _labels("Housing", "Bostäder", "Bolig", "Bolig")),
    ("crime", _labels("Crime", "Kriminalitet", "Kriminalitet", "Kriminalitet")),
    ("bullying", _labels("Bullying", "Mobbning", "Mobbing", "Mobning")),
    ("integration", _labels("Integration", "Integration", "Integrering", "Integration")),
    ("ageing", _labels("Ageing", "Åldrande befolkning", "Aldrende befolkning", "Aldrende befolkning")),
    ("climate", _labels("Climate", "Klimat", "Klima", "Klima")),
    ("exclusion", _labels("Social exclusion", "Utanförskap", "Utenforskap", "Udenforskab")),
    ("ill-health", _labels("Ill health", "Ohälsa", "Dårlig helse", "Dårligt helbred")),
    ("work-integration", _labels("Work integration", "Arbetsintegrering", "Arbeidsinkludering",
                                 "Arbejdsintegration")),
]


def _sdg_slug(number: int, english: str) -> str:
    return f"sdg-{number}-{slugify(english)}"


THEMES: list[ThemeData] = [
    *(ThemeData("focus_area", slug, position, labels) for position, (slug, labels) in enumerate(FOCUS_AREAS, 1)),
    *(ThemeData("sdg", _sdg_slug(number, labels["en"]), number, labels) for number, labels in enumerate(SDGS, 1)),
    *(ThemeData("challenge", slug, position, labels) for position, (slug, labels) in enumerate(CHALLENGES, 1)),
]
