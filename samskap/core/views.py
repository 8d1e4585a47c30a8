from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .forms import HubSettingsForm
from .selectors import hub_settings_get
from .services import hub_settings_update


def home(request):
    return render(request, "core/home.html")


def accessibility_statement(request):
    return render(request, "core/accessibility.html")


def privacy(request):
    return render(request, "core/privacy.html")


@require_safe
def healthz(request):
    """Answer without touching the database: for load balancers, and the ceiling in `make bench`."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def hub_settings_edit(request):
    if not request.user.has_perm("core.change_hubsettings"):
        raise PermissionDenied
    hub = hub_settings_get()
    form = HubSettingsForm(request.POST or None, request.FILES or None, instance=hub)
    if request.method == "POST" and form.is_valid():
        hub_settings_update(by=request.user, **{name: form.cleaned_data[name] for name in form.changed_data})
        messages.success(request, _("The hub settings were saved."))
        return redirect("core:hub_settings")
    return render(request, "core/hub_settings.html", {"form": form})
