"""Checks for uploaded images: the type is read from the file's content, not its name."""

import io
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAX_PIXELS = 40_000_000


def validate_image_upload(upload, *, max_bytes: int | None = None) -> None:
    """Refuse files that are too large or are not JPEG, PNG or WebP images."""
    max_bytes = max_bytes or settings.AVATAR_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("The image is %(size)s; the largest allowed is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(_("The file is not an image we can read. Upload a JPEG, PNG or WebP image."), code="invalid_image")
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted. Upload a JPEG, PNG or WebP image.") % {"format": image_format},
            code="wrong_type",
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(_("The image has too many pixels. Make it smaller and try again."), code="too_many_pixels")


def image_normalised(upload, *, max_size: int) -> ContentFile:
    """Re-encode an uploaded image: at most `max_size` px, no EXIF (location, camera), a random name.

    Only what Pillow wrote is stored, so a file that is also something else (a polyglot) never is.
    """
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((max_size, max_size))
        has_alpha = image.mode in ("RGBA", "LA", "P")
        image = image.convert("RGBA" if has_alpha else "RGB")
        buffer = io.BytesIO()
        image_format, extension = ("PNG", "png") if has_alpha else ("JPEG", "jpg")
        image.save(buffer, format=image_format, quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
