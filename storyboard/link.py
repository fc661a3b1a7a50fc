"""A storyboard in a link: its YAML, compressed and base64-encoded for `?story=`. Only small storyboards
fit (LINK_LIMIT characters); larger ones travel as the file. A link's text is read with care: it may be
cut short, tampered with, or a small text that inflates to a huge one."""
from __future__ import annotations

import base64
import binascii
import zlib

# Under the 8,000-character address most servers and browsers accept, with room for the page's other
# parameters (treaty, date, present, view...).
LINK_LIMIT = 6000
# The largest YAML a link may inflate to: far above any storyboard that fits in LINK_LIMIT
# (60 steps of notes compress well), far below what would stall the server.
MAX_TEXT_BYTES = 512_000


class LinkError(ValueError):
    """The link's storyboard cannot be read (the message says why, for the reader)."""


def encoded(text: str) -> str | None:
    """The YAML as link text, or None if it would be longer than LINK_LIMIT."""
    code = base64.urlsafe_b64encode(zlib.compress(text.encode("utf-8"), 9)).decode("ascii").rstrip("=")
    return code if len(code) <= LINK_LIMIT else None


def decoded(code: str) -> str:
    """The YAML a link carries; LinkError if it is not one this page wrote."""
    if len(code) > LINK_LIMIT:
        raise LinkError(f"it is {len(code):,} characters long, more than the {LINK_LIMIT:,} a storyboard link may have")
    try:
        packed = base64.b64decode(code + "=" * (-len(code) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise LinkError("it is not base64 text (it may have been cut short or changed)") from None
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(packed, MAX_TEXT_BYTES)
    except zlib.error:
        raise LinkError("it is not a compressed storyboard (it may have been cut short or changed)") from None
    if inflater.unconsumed_tail:
        raise LinkError(f"it unpacks to more than {MAX_TEXT_BYTES:,} bytes")
    if not inflater.eof:
        raise LinkError("it ends before the storyboard does (it may have been cut short)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LinkError("it does not unpack to text") from None
