"""Bytes to text for pages of any origin, and a look at bytes to tell HTML, text and binary apart.

Order of evidence for a page's encoding: a byte-order mark; the charset the transport declared
(HTTP or WARC header); `<meta charset>` / `http-equiv` in the page; strict UTF-8; then detection
with charset-normalizer. A declaration is trusted only when the bytes decode under it, so a page
that says `utf-8` but is windows-1251 is still read right; and only when the bytes are not plainly
UTF-8 (`_utf8_outweighs`), so a page re-saved as UTF-8 under a stale `<meta charset=iso-8859-1>`
does not turn every accent into two characters.
"""

from __future__ import annotations

import codecs
import functools
import re

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_TAG = re.compile(rb"<meta\b[^>]*", re.I)
_CHARSET_IN_TAG = re.compile(rb"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I)
_SPACE = re.compile(rb"\s*")
#: how far into a document `markup_start` skips comments and declarations: no page has this much of them
PROLOGUE_LIMIT = 1 << 20
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


def charset_label(content_type: str | None) -> str | None:
    """The charset label of a Content-Type value (`text/html; charset=LABEL`), or None: the HTTP
    header of a crawled response or of a WARC record."""
    _, found, rest = (content_type or "").lower().partition("charset=")
    label = rest.split(";", 1)[0].strip().strip("\"'") if found else ""
    return label or None


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
    """The charset a page declares in its first 8 KB (`<meta charset>` or `http-equiv`), if known.
    Each `<meta` tag is read once (the scan is linear however the tags are written)."""
    for tag in _META_TAG.finditer(data[:8192]):
        if m := _CHARSET_IN_TAG.search(tag[0]):
            return _lookup(m[1].decode("ascii", "replace"))
    return None


#: UTF-8 outweighs a declared multi-byte charset (Shift_JIS, GBK, EUC-KR, Big5...) from this many
#: non-ASCII characters on: a text really in one of those is valid UTF-8 only by chance, and that
#: chance falls about tenfold with each non-ASCII character (four in a row at most in practice)
MULTIBYTE_EVIDENCE = 8


@functools.lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """True for a codec that reads each byte as one character (windows-1252, koi8-r, iso-8859-x...),
    False for the multi-byte ones (Shift_JIS, GBK, Big5, EUC-*, UTF-16...)."""
    try:
        return len(bytes(range(0x80, 0x100)).decode(codec, errors="replace")) == 0x80
    except (LookupError, UnicodeError, TypeError):
        return False


def _utf8_outweighs(declared: str, text: str) -> bool:
    """Whether bytes that decoded as strict UTF-8 to `text` are UTF-8 rather than the `declared`
    charset. Any non-ASCII character settles it against a single-byte charset: text in windows-1252
    or koi8-r is valid UTF-8 only where it reads as mojibake already (`Ã©`, a capital letter before
    a quotation mark). Against a multi-byte charset it takes `MULTIBYTE_EVIDENCE` non-ASCII
    characters: a few CJK characters can be valid in both (GBK's `一些` reads `һЩ`), many cannot."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return False
    return _single_byte(declared) or non_ascii >= MULTIBYTE_EVIDENCE


def _strict_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _guess(data: bytes) -> str | None:
    """Text of bytes that neither a declaration nor strict UTF-8 reads: UTF-8 with a few bad bytes,
    else what charset-normalizer finds; None when nothing reads them."""
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
    return None


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Bytes of a page to text. `declared` is the transport's charset (HTTP/WARC header)."""
    if isinstance(data, str):
        return data
    if enc := bom_encoding(data) or utf16_without_bom(data):
        return data.decode(enc, errors="replace").lstrip("\ufeff")
    utf8 = _strict_utf8(data)
    for enc in (_lookup(declared), declared_charset(data)):
        if not enc:
            continue
        if utf8 is not None and (enc == "utf-8" or _utf8_outweighs(enc, utf8)):
            return utf8
        if enc.startswith("utf-16"):  # the bytes do not look like UTF-16 (no BOM, no NULs between letters)
            continue
        try:
            return data.decode(enc)
        except (UnicodeError, LookupError):  # UnicodeError: codecs such as `undefined`, `idna`
            continue
    if utf8 is not None:
        return utf8
    return _guess(data) or data.decode("cp1252", errors="replace")


def decode_text(data: bytes) -> str:
    """Bytes of a seed-format text, read as pages are (without a declaration): a byte-order mark,
    UTF-16 without one, strict UTF-8, UTF-8 with a few bad bytes, then detection. Raises
    UnicodeDecodeError (the strict UTF-8 one) when nothing reads the bytes."""
    if enc := bom_encoding(data) or utf16_without_bom(data):
        return data.decode(enc, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _guess(data)
        if text is None:
            raise exc from None
        return text


def markup_start(data: bytes, start: int = 0) -> int:
    """Where a document's first tag is: the offset just past the white space, `<?xml ...?>`
    declarations and `<!-- comments -->` that open it (at most `PROLOGUE_LIMIT` bytes of them). A
    plain scan, linear in what it skips: a regular expression with a repeated group over comments
    backtracks exponentially on a page that opens with many of them."""
    end = min(len(data), start + PROLOGUE_LIMIT)
    at = start
    while at < end:
        at = _SPACE.match(data, at, end).end()
        if data.startswith(b"<!--", at):
            close = data.find(b"-->", at + 4, end)
            if close < 0:
                return end
            at = close + 3
        elif data.startswith(b"<?", at):
            close = data.find(b">", at + 2, end)
            if close < 0:
                return end
            at = close + 1
        else:
            break
    return min(at, end)


def looks_like_html(data: bytes) -> bool:
    """True when bytes are an HTML page (a doctype or html/head/body tag where the document's markup
    starts, past any comments, or several block tags in the 4 KB from there), whatever the file's
    name says."""
    enc = bom_encoding(data[:4096]) or utf16_without_bom(data[:4096])
    if enc:
        data = data[:2 * PROLOGUE_LIMIT].decode(enc, errors="ignore").encode("utf-8")
    data = data.removeprefix(codecs.BOM_UTF8)
    start = markup_start(data)
    if _HTML_START.match(data, start):
        return True
    return len(_HTML_ANY.findall(data, start, start + 4096)) >= 3
