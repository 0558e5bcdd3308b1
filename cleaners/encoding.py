"""Bytes to text for pages of any origin, and a look at bytes to tell HTML, text and binary apart.

Order of evidence for a page's encoding: a byte-order mark; the charset the transport declared
(HTTP or WARC header); `<meta charset>` / `http-equiv` in the page; strict UTF-8; then detection
with charset-normalizer. A declaration is trusted only when the bytes decode under it, so a page
that says `utf-8` but is windows-1251 is still read right.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.I | re.S)
_HTML_ANY = re.compile(rb"<(?:html|head|body|p|div|article|title|meta)\b[^>]*>", re.I)
# windows-1252 and friends are supersets for the detector's purposes: prefer the web's names
_ALIASES = {"ascii": "utf-8", "latin_1": "cp1252", "iso8859_1": "cp1252", "iso-8859-1": "cp1252"}
# Python codecs that are no web encoding (the WHATWG Encoding Standard has no label for them, so a
# browser ignores a page that names them): Python escape syntaxes, IDN host encodings, UTF-7
_NOT_WEB = frozenset({"utf-7", "unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined"})


def _lookup(name: str | None) -> str | None:
    """The codec a charset label names, or None: unknown labels, labels no codec name can hold (a NUL,
    a lone surrogate: ValueError), codecs that do not turn bytes into text (`rot13`, `base64`), and
    codecs no browser would use for a page (`utf-7`, `unicode_escape`: see `_NOT_WEB`)."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    try:
        info = codecs.lookup(_ALIASES.get(name, name))
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_WEB:
        return None
    return info.name


def codec_name(label: str | None) -> str | None:
    """The Python codec a charset label (HTTP header, `<meta charset>`) names, or None when it names
    none a page can be read with (see `_lookup`)."""
    return _lookup(label)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`-be` when the bytes look like UTF-16 text without a BOM (NULs in every other
    byte of the ASCII letters), else None."""
    head = data[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def is_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read: NUL bytes (outside UTF-16/32)
    or many control characters."""
    head = data[:8192]
    if bom_encoding(head) or utf16_without_bom(head):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # counted in C, not byte by byte
    return controls > 0.05 * max(1, len(head))


#: the control bytes that do not occur in text (tab, new line, vertical tab, form feed, CR do)
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 8 KB (`<meta charset>` or `http-equiv`), if known."""
    m = _META_CHARSET.search(data[:8192])
    return _lookup(m[1].decode("ascii", "replace")) if m else None


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Bytes of a page to text. `declared` is the transport's charset (HTTP/WARC header)."""
    if isinstance(data, str):
        return data
    if enc := bom_encoding(data) or utf16_without_bom(data):
        return data.decode(enc, errors="replace").lstrip("\ufeff")
    for enc in (_lookup(declared), declared_charset(data), "utf-8"):
        if enc:
            try:
                return data.decode(enc)
            except (UnicodeError, LookupError):  # UnicodeError: codecs such as `undefined`, `idna`
                continue
    # UTF-8 with a stray bad byte or two is still UTF-8: detection would misread every accent
    # (many well-formed multi-byte characters, very few bad bytes; windows-1252 text has none)
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for ch in loose if ord(ch) > 127) - bad
    if bad <= max(3, len(loose) // 5000) and good >= 4 * bad:
        return loose
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")


def decode_text(data: bytes) -> str:
    """Bytes of a seed-format text: UTF-8 (with or without BOM), or UTF-16/32 with a BOM.
    Raises UnicodeDecodeError for anything else: the seed format is UTF-8."""
    enc = bom_encoding(data)
    if enc and enc != "utf-8":
        return data.decode(enc).lstrip("\ufeff")
    return data.decode("utf-8-sig")


def looks_like_html(data: bytes) -> bool:
    """True when bytes are an HTML page (a doctype or html/head/body tag near the start, or
    several block tags), whatever the file's name says."""
    head = data[:4096]
    enc = bom_encoding(head) or utf16_without_bom(head)
    if enc:
        head = head.decode(enc, errors="ignore").encode("utf-8")
    if _HTML_START.match(head.lstrip(codecs.BOM_UTF8)):
        return True
    return len(_HTML_ANY.findall(head)) >= 3
