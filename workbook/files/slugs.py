"""Safe, unique file names (slugs) for any location name."""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 60
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Names Windows refuses as file names, whatever the extension.
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slugify(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A lower-case ASCII slug for `name` that is not in `taken` and is safe as a file name.

    Accents are dropped (Zuidhoek -> zuidhoek, Café -> cafe), everything else that is not a
    letter or digit becomes a hyphen; empty results become "locatie"; reserved device names get
    a suffix; duplicates get -2, -3, ...
    """
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_LENGTH].strip("-")
    if not base:
        base = "locatie"
    if base in RESERVED:
        base = f"{base}-locatie"
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug = base[: MAX_LENGTH - len(suffix)].strip("-") + suffix
        n += 1
    return slug


def is_slug(text: str) -> bool:
    """True when `text` is a well-formed slug (and so safe as a file name)."""
    return bool(SLUG_PATTERN.fullmatch(text)) and len(text) <= MAX_LENGTH and text not in RESERVED
