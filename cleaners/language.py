"""The language of a record: detected from the clean text with py3langid, else the page's own word.

The rule (`record_language`):

* the clean text is long enough to judge (at least `MIN_CHARS` characters, not counting spaces)
  and py3langid's normalized probability for its best language is at least `MIN_SCORE`:
  `language` is that language (ISO 639-1, lower case; ISO 639-3 for the few without a two-letter
  code) and `language_score` the probability, rounded to 3 decimals;
* otherwise `language` is the language the page declares (`<html lang>`, `xml:lang`,
  `Content-Language`, `og:locale`; none for seed-format text) and `language_score` is null;
* otherwise both are null.

Only the first `SAMPLE_BYTES` bytes (UTF-8) of the text are read: the verdict on a whole article is
the same, and the cost stays low.

What it costs, and why it is built this way. The model ships inside the py3langid wheel (nothing is
downloaded), xz-compressed; unpacking it takes about 0.4 s and gives 68 MB of tables: a byte
automaton (`nextmove`, 39 MB, and two small per-state tables) and the per-feature log-probabilities
(`ptc`, 28 MB of float16). So the tables are unpacked once and kept in one file in the cache folder
(`_cache_file`), each float table as it is and each integer table in the smallest integer type that
holds its values exactly (`_exact`: uint32, uint32, int32 for py3langid 0.4.0). A process maps that
file read-only (`mmap`) instead of reading it into its own memory: opening the model costs about
15 ms (the file's CRC-32 is checked first, with plain reads that go through the page cache, not
into the process) plus numpy's import; a page is mapped into the process when a text first needs
it, and it is the page cache's page, one copy for every process on the machine. A process's RSS
still counts the pages it mapped (with 2 MB page-cache folios, most of the 68 MB after a few
hundred documents), its PSS a share of them. `clean --jobs N` checks (or writes) the file once in
the parent before the workers are forked (`prepare`) and each worker maps it; the parent does not
map it, so its memory does not count the model.

Scoring is py3langid's own `classify`, on its own `LanguageIdentifier`, given these tables: the
float tables as numpy arrays over the mapping, the automaton's as memoryviews (indexing one gives a
Python int, as the array and lists py3langid builds for itself do, without a pointer to chase to an
int object). The verdicts and scores are therefore bit for bit those of py3langid's unmodified
model; the file is only written after the rebuilt identifier gave exactly py3langid's scores on
`_PROBES`, and tests/test_language_model.py compares the two on texts in several languages.

A detection costs about 0.2 ms in a tight loop but 0.4 to 0.6 ms inside `clean` (as much as with
py3langid's own tables, or a little less), because the rest of the cleaning evicts the model from
the CPU caches between two documents: the byte walk makes up to 512 lookups at random in the 39 MB
automaton, each depending on the one before, so each pays a memory access (0.3 to 0.45 µs on the
2-core VM of bench/speed.py), and each of the ~15 numpy calls of the scoring costs some 5 µs more
than when warm. That is 5 to 9% of `clean --jobs 1`. Copying the tables into huge pages would save
about a tenth of it, for 68 MB of private memory in every worker; not done.

The cache file is written atomically (a temporary file in the same folder, then a rename) and named
by its format (`CACHE_FORMAT`) and py3langid's version. One that is missing, unreadable, truncated,
damaged (CRC-32), from another format or for another byte order is passed over: the model is
unpacked from the wheel again and the file rewritten; when the folder cannot be written the tables
stay in the process's memory (and `prepare` loads them in the parent, so forked workers share them).
A py3langid whose tables cannot be rebuilt exactly is used as it is, unpacked in each process.
"""

from __future__ import annotations

import functools
import json
import mmap
import os
import re
import sys
import threading
from pathlib import Path

__all__ = ["MIN_CHARS", "MIN_SCORE", "SAMPLE_BYTES", "check_codes", "codes", "detect", "load", "prepare",
           "record_language"]

#: Shorter clean texts (in characters, spaces not counted) are not judged.
MIN_CHARS = 30
#: A detection less sure than this falls back to the page's declared language.
MIN_SCORE = 0.75
#: How much of the text (UTF-8 bytes, from the start) the model reads.
SAMPLE_BYTES = 512
#: Format of the cache file; part of its name, so a new format never reads an old file.
CACHE_FORMAT = 2

_MAGIC = b"cleanwire-langid\n"
_ALIGN = 64
#: Written for this check, in a few scripts: before the cache file is written, the model rebuilt from
#: its tables must give exactly the scores py3langid's own model gives for them.
_PROBES = (
    "The night ferry left the harbour late because of the storm over the bay.",
    "Ночной паром вышел из гавани поздно из-за шторма над заливом.",
    "夜间渡轮因为海湾上空的暴风雨很晚才离开港口。",
    "Le bac de nuit a quitté le port en retard à cause de la tempête sur la baie.",
)

_IDENTIFIER = None
_LOCK = threading.Lock()


def _cache_file() -> Path | None:
    """Where the unpacked model is kept between runs: `$CLEANWIRE_CACHE` or `~/.cache/cleanwire`
    (`$XDG_CACHE_HOME`), named by the cache format and py3langid's version; None without py3langid's
    version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        tag = version("py3langid")
    except PackageNotFoundError:
        return None
    base = os.environ.get("CLEANWIRE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "cleanwire")
    return Path(base) / f"py3langid-{tag}-model-v{CACHE_FORMAT}.bin"


def _exact(values, name: str):
    """`values` (a sequence of ints: array, list) as a numpy array of the smallest integer type that
    holds each of them exactly."""
    import numpy as np

    wide = np.asarray(values)
    if wide.dtype.kind not in "iu" or wide.ndim != 1:
        raise ValueError(f"{name}: not a flat sequence of integers")
    low, high = (int(wide.min()), int(wide.max())) if wide.size else (0, 0)
    for dtype in (np.uint8, np.int8, np.uint16, np.int16, np.uint32, np.int32, np.int64):
        info = np.iinfo(dtype)
        if info.min <= low and high <= info.max:
            small = wide.astype(dtype)
            if not np.array_equal(small, wide):  # cannot happen within min..max; checked all the same
                raise ValueError(f"{name}: no exact integer type")
            return small
    raise ValueError(f"{name}: values out of range")


def _unpack():
    """py3langid's own identifier, loaded from the model in its wheel (about 0.4 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _compact_arrays(own) -> tuple[dict, list[str]]:
    """The tables of py3langid's identifier `own` as flat numpy arrays (what the cache file holds),
    and its language labels."""
    import numpy as np

    arrays = {
        "ptc": np.ascontiguousarray(own.nb_ptc),  # float tables keep their type: no rounding anywhere
        "pc": np.ascontiguousarray(own.nb_pc),
        "nextmove": _exact(own.tk_nextmove, "nextmove"),
        "rowbase": _exact(own._rowbase, "rowbase"),  # as py3langid computes it from its tk_row
        "output": _exact(own.tk_output, "output"),
    }
    return arrays, list(own.nb_classes)


def _identifier_from(arrays: dict, classes: list[str]):
    """A py3langid identifier over the tables in `arrays` (numpy arrays, possibly over a mapped
    file): the float tables as they are, the automaton's as memoryviews (indexing one gives a
    Python int, as the arrays and lists py3langid builds for itself do)."""
    from py3langid.langid import LanguageIdentifier

    flat = {name: memoryview(arrays[name]) for name in ("nextmove", "rowbase", "output")}
    ident = LanguageIdentifier(arrays["ptc"], arrays["pc"], list(classes), flat["nextmove"], flat["output"],
                               norm_probs=True, tk_row=())
    # py3langid derives _rowbase from tk_row in __init__ (a list of Python ints); give it the same
    # values, taken from its own identifier when the file was written, without building the list
    ident._rowbase = flat["rowbase"]
    return ident


def _probe_scores(ident) -> list[tuple[str, float]]:
    return [(label, float(score)) for label, score in map(ident.classify, _PROBES)]


def _layout(arrays: dict) -> tuple[dict, int, int]:
    """Where each array goes in the data part of the cache file (64-byte aligned offsets), the data
    part's size and its CRC-32 (padding included)."""
    import zlib

    layout, offset, crc = {}, 0, 0
    for name, array in arrays.items():
        layout[name] = {"dtype": array.dtype.str, "shape": list(array.shape), "offset": offset}
        size = -(-array.nbytes // _ALIGN) * _ALIGN
        crc = zlib.crc32(bytes(size - array.nbytes), zlib.crc32(memoryview(array).cast("B"), crc))
        offset += size
    return layout, offset, crc


def _header_bytes(header: dict) -> tuple[bytes, int]:
    """The head of the cache file (magic line, header length, JSON header) and where data starts."""
    head = json.dumps(header).encode()
    head = _MAGIC + len(head).to_bytes(8, "little") + head
    return head, -(-len(head) // _ALIGN) * _ALIGN


def _write_cache(path: Path, arrays: dict, classes: list[str]) -> None:
    """Write the cache file: magic line, header length, JSON header, then each array's raw bytes at
    a 64-byte aligned offset. Atomic: a temporary file in the same folder, then a rename."""
    layout, size, crc = _layout(arrays)
    header = {"format": CACHE_FORMAT, "byteorder": sys.byteorder, "classes": classes, "arrays": layout,
              "data_bytes": size, "data_crc32": crc}
    head, start = _header_bytes(header)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(head)
            for name, array in arrays.items():
                fh.seek(start + layout[name]["offset"])
                fh.write(memoryview(array).cast("B"))
            fh.truncate(start + size)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    # the unpacked model earlier cleanwire versions kept (a 68 MB pickle) is never read again
    for old in path.parent.glob("py3langid-*-model.pickle"):
        old.unlink(missing_ok=True)


def _crc32(fh, start: int, size: int) -> int:
    """CRC-32 of `size` bytes of the open file from `start`, read with plain reads (about 15 ms for
    the whole model): the pages land in the page cache, not in this process's memory."""
    import zlib

    crc, buf = 0, bytearray(1 << 20)
    view = memoryview(buf)
    fh.seek(start)
    while size > 0:
        got = fh.readinto(view[:min(size, len(buf))])
        if not got:
            break
        crc = zlib.crc32(view[:got], crc)
        size -= got
    return crc


def _read_header(fh) -> tuple[dict, int] | None:
    """`(header, its byte length)` of an open cache file: the magic, an 8-byte length, then that
    much JSON (at most 1 MB); None when the file does not start that way. ValueError when the JSON
    is broken."""
    head = fh.read(len(_MAGIC) + 8)
    if len(head) < len(_MAGIC) + 8 or head[:len(_MAGIC)] != _MAGIC:
        return None
    length = int.from_bytes(head[len(_MAGIC):], "little")
    if length > 1 << 20:
        return None
    return json.loads(fh.read(length)), length


def _read_cache(path: Path):
    """`(arrays, classes)` from the cache file, the arrays over a read-only mapping of it (no page
    read until a text needs it), or None when it is missing or not a whole, intact cache file of
    this format for this machine (header, size and the data's CRC-32 are checked)."""
    import numpy as np

    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            read = _read_header(fh)
            if read is None:
                return None
            header, length = read
            start = -(-(len(_MAGIC) + 8 + length) // _ALIGN) * _ALIGN
            data_bytes = header["data_bytes"]
            if (header.get("format") != CACHE_FORMAT or header.get("byteorder") != sys.byteorder
                    or size != start + data_bytes or _crc32(fh, start, data_bytes) != header["data_crc32"]):
                return None
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)  # the same file that was checked
        arrays = {}
        for name in ("ptc", "pc", "nextmove", "rowbase", "output"):
            spec = header["arrays"][name]
            dtype = np.dtype(spec["dtype"])
            count = int(np.prod(spec["shape"], dtype=np.int64))
            if spec["offset"] < 0 or spec["offset"] % _ALIGN or spec["offset"] + count * dtype.itemsize > data_bytes:
                return None
            arrays[name] = np.frombuffer(mapped, dtype=dtype, count=count,
                                         offset=start + spec["offset"]).reshape(spec["shape"])
        return arrays, [str(code) for code in header["classes"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError, OverflowError, AttributeError):
        return None


def _build(cache: Path | None):
    """Unpack the model from py3langid's wheel and write the cache file. The identifier to use in
    this process: over the tables in memory when the file could not be written, py3langid's own when
    its tables cannot be rebuilt exactly (a py3langid that changed inside), else None (open the file)."""
    own = _unpack()
    try:
        arrays, classes = _compact_arrays(own)
        ident = _identifier_from(arrays, classes)
        same = _probe_scores(ident) == _probe_scores(own)
    except (AttributeError, ValueError, TypeError, IndexError):
        same = False
    if not same:
        return own
    if cache is not None:
        try:
            _write_cache(cache, arrays, classes)
            return None
        except OSError:
            pass
    return ident  # no cache folder to be had: the tables stay in this process's memory


def _load_identifier(cache: Path | None):
    """The identifier, over the cache file when it holds an intact model, else as `_build` gives."""
    found = _read_cache(cache) if cache is not None else None
    if found is None:
        ident = _build(cache)
        if ident is not None:
            return ident
        found = _read_cache(cache)
        if found is None:  # written, but cannot be read back: unpack once more and keep it in memory
            return _build(None)
    return _identifier_from(*found)


def _identifier():
    global _IDENTIFIER
    if _IDENTIFIER is None:
        with _LOCK:
            if _IDENTIFIER is None:
                _IDENTIFIER = _load_identifier(_cache_file())
    return _IDENTIFIER


def load() -> None:
    """Load the model now (a worker about to be timed), not on the first text that needs it."""
    _identifier()


def prepare() -> None:
    """Before forking workers: make sure each can open the model in about 15 ms. The cache file is
    checked, or written when missing (once, here, not by every worker at the same time); it is not
    mapped here, so this process's memory does not count the pages the workers read. Without a
    cache file to be had the model is loaded here, and the workers share this copy."""
    global _IDENTIFIER
    if _IDENTIFIER is not None:
        return
    with _LOCK:
        if _IDENTIFIER is not None:
            return
        cache = _cache_file()
        if cache is not None and _read_cache(cache) is not None:
            return
        ident = _build(cache)
        if ident is None and _read_cache(cache) is None:
            ident = _build(None)
        _IDENTIFIER = ident


def detect(text: str) -> tuple[str | None, float | None]:
    """`(code, probability)` for the text's language, or `(None, None)` when the text is too short
    or the model is not sure enough (see the module's rule). The probability is rounded to 3 decimals."""
    if len("".join(text[: MIN_CHARS * 4].split())) < MIN_CHARS:  # characters not counting spaces
        return None, None
    # every character is at least one byte, so encoding the first SAMPLE_BYTES characters gives the
    # same first SAMPLE_BYTES bytes as encoding the whole text; bytes cut mid-character are trimmed
    # by py3langid
    code, score = _identifier().classify(text[:SAMPLE_BYTES].encode("utf-8", "replace")[:SAMPLE_BYTES])
    if score < MIN_SCORE or code == "zxx":  # zxx: "no linguistic content" (numbers, codes)
        return None, None
    return code, round(float(score), 3)


def record_language(text: str, declared: str | None) -> tuple[str | None, float | None]:
    """`(language, language_score)` of a record: the detected language, else the declared one with
    no score (`declared_code`), else `(None, None)`."""
    code, score = detect(text)
    if code is not None:
        return code, score
    return declared_code(declared), None


def declared_code(label: str | None) -> str | None:
    """The language a page's declaration names, as a code `detect` returns, or None: `en-US` and
    `en_GB` are `en`, ISO 639-2 and common alternatives are mapped (`eng`, `ger`, `iw`), and a
    label that names no language the detector knows is dropped (`utf` from a Content-Language
    of `utf-8`, `xx`), so a record's `language` is always one `--language` can ask for."""
    if not label:
        return None
    code = re.split(r"[-_]", label.strip().lower())[0]
    code = _ALIASES.get(code, code)
    return code if code in codes() else None


#: Codes people type for a language the detector labels otherwise (ISO 639-2 and 639-3 codes, common
#: alternatives), for the "did you mean" of `check_codes`.
_ALIASES = {
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "esp": "es", "ita": "it",
    "por": "pt", "rus": "ru", "ukr": "uk", "ua": "uk", "bel": "be", "pol": "pl", "ces": "cs", "cze": "cs",
    "slk": "sk", "slo": "sk", "nld": "nl", "dut": "nl", "swe": "sv", "dan": "da", "nor": "no", "nob": "no",
    "nb": "no", "fin": "fi", "est": "et", "lav": "lv", "lit": "lt", "ell": "el", "gre": "el", "gr": "el",
    "tur": "tr", "ara": "ar", "heb": "he", "iw": "he", "fas": "fa", "per": "fa", "hin": "hi", "ben": "bn",
    "urd": "ur", "zho": "zh", "chi": "zh", "cmn": "zh", "jpn": "ja", "jp": "ja", "kor": "ko", "kr": "ko",
    "vie": "vi", "tha": "th", "ind": "id", "in": "id", "msa": "ms", "may": "ms", "tgl": "tl", "fil": "tl",
    "ron": "ro", "rum": "ro", "hun": "hu", "bul": "bg", "srp": "sr", "hrv": "hr", "bos": "bs", "slv": "sl",
    "mkd": "mk", "mac": "mk", "sqi": "sq", "alb": "sq", "kat": "ka", "geo": "ka", "hye": "hy", "arm": "hy",
    "kaz": "kk", "uzb": "uz", "aze": "az", "cat": "ca", "glg": "gl", "eus": "eu", "baq": "eu", "cym": "cy",
    "wel": "cy", "gle": "ga", "isl": "is", "ice": "is", "lat": "la", "epo": "eo", "afr": "af", "swa": "sw",
    "amh": "am", "som": "so", "hau": "ha", "yor": "yo", "ibo": "ig", "zul": "zu", "xho": "xh", "mlg": "mg",
    "pus": "ps", "kur": "ku", "tat": "tt", "kir": "ky", "tgk": "tg", "tuk": "tk", "uig": "ug", "mlt": "mt",
    "ltz": "lb", "mon": "mn", "nep": "ne", "sin": "si", "khm": "km", "lao": "lo", "mya": "my", "bur": "my",
    "tam": "ta", "tel": "te", "mar": "mr", "guj": "gu", "kan": "kn", "mal": "ml", "pan": "pa", "ori": "or",
}


def _cached_classes(path: Path) -> list[str] | None:
    """The language labels in the cache file's header (a few kilobytes read), or None."""
    try:
        with open(path, "rb") as fh:
            read = _read_header(fh)
        if read is None:
            return None
        header = read[0]
        if header.get("format") != CACHE_FORMAT:
            return None
        return [str(code) for code in header["classes"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


@functools.cache
def codes() -> frozenset[str]:
    """Every language code `detect` can return: py3langid's labels (ISO 639-1, ISO 639-3 for the few
    without a two-letter code) but `zxx`, which `detect` never gives. Read from the cache file's
    header when there is one, else from the model (which writes the cache file); once a process."""
    cache = _cache_file()
    found = _cached_classes(cache) if cache is not None else None
    if found is None:
        prepare()
        found = _cached_classes(cache) if cache is not None else None
    if found is None:
        found = list(_identifier().nb_classes)
    return frozenset(found) - {"zxx"}


def check_codes(value: str | None) -> frozenset[str]:
    """The language codes of a comma-separated list (`"en,ru"`; case and spaces do not matter; empty or
    None: no code, every language), each one `detect` can return. ValueError naming every other code,
    with the code meant when it is cheap to tell (`eng` -> `en`, `en-US` -> `en`), and the codes known.

    Used by `cleanwire clean --language` and to be used by the crawl's `-a language=`: a code the
    detector never returns would turn every record into an `other_language` error."""
    wanted = frozenset(code.strip().lower() for code in (value or "").split(",") if code.strip())
    known = codes()
    bad = sorted(wanted - known)
    if not bad:
        return wanted
    import difflib

    def meant(code: str) -> str:
        guess = _ALIASES.get(code)
        if guess is None:
            base = re.split(r"[-_]", code)[0]
            if base != code and base in known:
                guess = base
            elif code[:2] in known and len(code) == 3:
                guess = code[:2]
        near = [guess] if guess in known else difflib.get_close_matches(code, sorted(known), n=2, cutoff=0.75)
        return f"{code} (did you mean {' or '.join(near)}?)" if near else code

    raise ValueError(f"unknown language code{'s' if len(bad) > 1 else ''} {', '.join(meant(c) for c in bad)}; "
                     f"the language detector knows {', '.join(sorted(known))}")
