from django import template

register = template.Library()


@register.filter
def ds_widget(field):
    """Render a bound field's widget with Designsystemet's input class added."""
    widget = field.field.widget
    classes = f"{widget.attrs.get('class', '')} ds-input".strip()
    return field.as_widget(attrs={"class": classes})
