"""Small HTTP helpers shared by the apps' views."""

import hashlib


def etag_for(*parts) -> str:
    """A strong ETag (quoted) for a response built from `parts`: the same parts give the same tag."""
    return '"' + hashlib.sha256(":".join(str(part) for part in parts).encode()).hexdigest()[:32] + '"'
