"""The hub's starting stages (renamed and added on /ideas/stages/), mapped to COK's phases, with checklists."""

from django.db import migrations

STAGES = [
    ("idea", {"en": "Idea", "sv": "Idé", "nb": "Idé", "da": "Idé"}, "pre_ject", True, []),
    ("exploring", {"en": "Exploring", "sv": "Utforskas", "nb": "Utforskes", "da": "Udforskes"}, "pre_ject", True, [
        {"en": "Talk to the people it is for", "sv": "Prata med dem det gäller", "nb": "Snakk med dem det gjelder",
         "da": "Tal med dem, det handler om"},
        {"en": "Find partners", "sv": "Hitta samarbetspartner", "nb": "Finn samarbeidspartnere",
         "da": "Find samarbejdspartnere"},
    ]),
    ("testing", {"en": "Testing", "sv": "Testas", "nb": "Testes", "da": "Afprøves"}, "pro_ject", True, [
        {"en": "A test plan", "sv": "En testplan", "nb": "En testplan", "da": "En testplan"},
        {"en": "The first users", "sv": "De första användarna", "nb": "De første brukerne", "da": "De første brugere"},
        {"en": "A budget", "sv": "En budget", "nb": "Et budsjett", "da": "Et budget"},
    ]),
    ("established", {"en": "Established", "sv": "Etablerad", "nb": "Etablert", "da": "Etableret"}, "post_ject", True,
     []),
    ("paused", {"en": "Paused", "sv": "Pausad", "nb": "Satt på pause", "da": "Sat på pause"}, "", False, []),
    ("ended", {"en": "Ended", "sv": "Avslutad", "nb": "Avsluttet", "da": "Afsluttet"}, "", False, []),
]


def add_stages(apps, schema_editor):
    Stage = apps.get_model("ideas", "Stage")
    ChecklistItem = apps.get_model("ideas", "ChecklistItem")
    for position, (slug, labels, phase, active, checklist) in enumerate(STAGES):
        stage, created = Stage.objects.get_or_create(
            slug=slug, defaults={"labels": labels, "phase": phase, "position": position * 10, "is_active": active})
        if created:
            for item_position, item in enumerate(checklist):
                ChecklistItem.objects.create(stage=stage, labels=item, position=item_position)


class Migration(migrations.Migration):
    dependencies = [("ideas", "0001_initial")]
    operations = [migrations.RunPython(add_stages, migrations.RunPython.noop)]
