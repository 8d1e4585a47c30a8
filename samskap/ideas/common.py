"""Small helpers the idea, challenge and incubator pages share."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def add_errors(form, error: ValidationError, *, renamed: dict[str, str] | None = None) -> None:
    """Put a service's errors on the fields they name (`renamed` maps a service's name to the form's), the rest
    at the top of the form."""
    renamed = renamed or {}
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            field = renamed.get(name, name)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
