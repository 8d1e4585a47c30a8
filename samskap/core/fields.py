"""A set of choices in one column, searchable on SQLite and PostgreSQL alike.

Stored as ",a,b," so that `choice_in("audiences", "residents")` (a LIKE on ",residents,") finds
every row holding the code, whatever else it holds. Empty means none chosen (",").
"""

from django import forms
from django.db import models
from django.db.models import Q


class ChoiceListField(models.CharField):
    """A list of codes from `choices`; a form shows checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 300)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        valid = {str(code) for code, _label in self.flatchoices}
        bad = [code for code in value or [] if code not in valid]
        if bad:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                        params={"value": ", ".join(bad)})
        if not self.blank and not value:
            raise forms.ValidationError(self.error_messages["blank"], code="blank")

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, (list, tuple, set)):
            return [str(code) for code in value]
        return [code for code in str(value).split(",") if code]

    def get_prep_value(self, value):
        if isinstance(value, str):  # a look-up value such as ",residents,"
            return value
        codes = [str(code) for code in value or []]
        return "," + ",".join(dict.fromkeys(codes)) + "," if codes else ","

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        # A form's Meta.labels / help_texts arrive as keyword arguments and win over the model's.
        options = {"label": self.verbose_name, "help_text": self.help_text}
        options.update({k: v for k, v in kwargs.items() if k in {"label", "help_text"}})
        return forms.TypedMultipleChoiceField(
            choices=self.choices, required=not self.blank, widget=forms.CheckboxSelectMultiple, **options)

    def get_choices(self, *args, **kwargs):
        kwargs["include_blank"] = False
        return super().get_choices(*args, **kwargs)


def choice_in(field: str, code: str) -> Q:
    """Rows whose ChoiceListField `field` holds `code`."""
    return Q(**{f"{field}__contains": f",{code},"})
