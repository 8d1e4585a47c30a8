"""What an uploaded document really is: its type read from its content, not only from its name.

Used by the knowledge base for a resource's file; any app that takes documents can use it (the events app
has its own older copy of the PDF and PowerPoint checks). A file must be what its name says: a ".pdf" that
is not a PDF, or a ".docx" that is not a Word document, is refused with a message that says so. Images
are checked with Pillow (samskap.core.images) and should be stored re-encoded (`image_normalised`).
"""

import codecs
import re
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .images import validate_image_upload

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
TXT = "text/plain"
IMAGE = "image"  # JPEG, PNG or WebP: re-encode before storing

# Extension -> the type the content must turn out to be.
DOCUMENT_TYPES = {
    "pdf": PDF, "docx": DOCX, "xlsx": XLSX, "pptx": PPTX, "odt": ODT, "ods": ODS, "odp": ODP, "txt": TXT,
    "jpg": IMAGE, "jpeg": IMAGE, "png": IMAGE, "webp": IMAGE,
}
# Office Open XML packages: the folder each kind keeps its content in.
OOXML_FOLDERS = {DOCX: "word/", XLSX: "xl/", PPTX: "ppt/"}
ODF_TYPES = {ODT, ODS, ODP}
OLD_OFFICE = {"doc": "docx", "xls": "xlsx", "ppt": "pptx"}
CONTENT_TYPES = {**{extension: kind for extension, kind in DOCUMENT_TYPES.items() if kind != IMAGE},
                 "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
TEXT_CHUNK = 64 * 1024
# Bytes no text file holds: NUL and the control codes other than tab, line breaks, form feed and escape.
NOT_TEXT = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def upload_head(upload, length: int) -> bytes:
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def _zip_names(upload) -> list[str] | None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as package:
            return package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)


def _is_ooxml(upload, kind: str) -> bool:
    names = _zip_names(upload)
    return bool(names) and "[Content_Types].xml" in names and any(n.startswith(OOXML_FOLDERS[kind]) for n in names)


def _is_odf(upload, kind: str) -> bool:
    """An OpenDocument file starts with a stored (uncompressed) member "mimetype" that names its type."""
    head = upload_head(upload, 30 + len("mimetype") + len(kind))
    return head.startswith(b"PK\x03\x04") and head[30:38] == b"mimetype" and head[38:] == kind.encode()


def _is_text(upload) -> bool:
    """Plain text: no NUL or other control bytes a text never has, and UTF-8 or a one-byte encoding."""
    upload.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    try:
        while chunk := upload.read(TEXT_CHUNK):
            if NOT_TEXT.search(chunk):
                return False
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False  # e.g. Windows-1252: still text
        return True
    finally:
        upload.seek(0)


def document_checked(upload, *, max_bytes: int, accepted: dict[str, str] | None = None) -> tuple[str, str]:
    """Check an uploaded document by its name and by its content; return (content type, extension).

    `accepted` maps extensions to types (DOCUMENT_TYPES by default). The content type of an image is
    IMAGE: store it re-encoded with `image_normalised`.
    """
    accepted = DOCUMENT_TYPES if accepted is None else accepted
    name = PurePath(upload.name or "").name
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is %(size)s; the largest file allowed is %(max)s.") % {
                "name": name, "size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
            code="too_large")
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension in OLD_OFFICE and OLD_OFFICE[extension] in accepted:
        raise ValidationError(
            _("Old Office files (.%(old)s) are not accepted. Save it as .%(new)s or PDF and add it again.")
            % {"old": extension, "new": OLD_OFFICE[extension]}, code="wrong_type")
    kind = accepted.get(extension)
    if kind is None:
        names = ", ".join(sorted({f".{ext}" for ext in accepted}))
        raise ValidationError(_("“%(name)s” cannot be added. These kinds of file are accepted: %(names)s.")
                              % {"name": name, "names": names}, code="wrong_type")
    wrong = ValidationError(_("“%(name)s” is called .%(extension)s but is not that kind of file.")
                            % {"name": name, "extension": extension}, code="not_what_it_says")
    if kind == PDF:
        if b"%PDF-" not in upload_head(upload, 1024):  # the header may follow a few bytes of junk
            raise wrong
    elif kind in OOXML_FOLDERS:
        if not _is_ooxml(upload, kind):
            raise wrong
    elif kind in ODF_TYPES:
        if not _is_odf(upload, kind):
            raise wrong
    elif kind == TXT:
        if not _is_text(upload):
            raise wrong
    elif kind == IMAGE:
        try:
            validate_image_upload(upload, max_bytes=max_bytes)
        except ValidationError as error:
            raise ValidationError(_("“%(name)s”: %(problem)s") % {"name": name, "problem": " ".join(error.messages)},
                                  code="not_what_it_says")
    return kind, extension
