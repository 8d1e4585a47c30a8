from django import forms
from django.utils.translation import gettext_lazy as _

from samskap.events.models import Event

from .models import Workshop


class WorkshopForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = ["title", "method", "description", "event", "language", "round_minutes", "table_mode",
                  "dots_per_participant", "live_tally", "battle_mode", "drop_per_round"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "event": _("Optional: the event this workshop is part of. Its record stays with the event."),
            "round_minutes": _("World Café and vision battle: the time limit of a round."),
            "table_mode": _("World Café: how participants find their table in each round."),
            "dots_per_participant": _("Dot voting: how many dots each participant spreads over the options."),
            "live_tally": _("Dot voting and vision battle: otherwise the tally stays hidden until you show it."),
            "battle_mode": _("Vision battle: how the audience votes after each round."),
            "drop_per_round": _("Vision battle: how many visions drop out after each vote."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        events = Event.objects.exclude(status=Event.Status.CANCELLED).order_by("-start")
        if user is not None and not user.is_superuser:
            runnable = [event.pk for event in events.prefetch_related("organisers")[:300]
                        if user.has_perm("events.change_event", event)]
            current = [self.instance.event_id] if self.instance.event_id else []
            events = events.filter(pk__in=runnable + current)
        self.fields["event"].queryset = events
        self.fields["round_minutes"].widget.attrs.update(min=1, max=240)
        self.fields["dots_per_participant"].widget.attrs.update(min=1, max=20)
        self.fields["drop_per_round"].widget.attrs.update(min=1, max=10)
        if self.instance.pk and self.instance.status != Workshop.Status.PREPARING:
            self.fields["method"].disabled = True


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Workshop code"), max_length=20,
                           help_text=_("The six letters and digits shown on the projector."))


class JoinForm(forms.Form):
    display_name = forms.CharField(label=_("Your name, as the others will see it"), max_length=60,
                                   required=False)


class TimerForm(forms.Form):
    minutes = forms.DecimalField(label=_("Minutes"), min_value=0.1, max_value=240, decimal_places=1)
