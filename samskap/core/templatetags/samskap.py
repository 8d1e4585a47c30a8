from django import forms, template

register = template.Library()


@register.filter
def ds_widget(field):
    """Render a bound field's widget with Designsystemet's input class added."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        return field.as_widget()  # the class would land on the group's wrapper; options are styled in CSS
    classes = f"{widget.attrs.get('class', '')} ds-input".strip()
    return field.as_widget(attrs={"class": classes})
