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
the same, and the cost stays near 0.25 ms a document. The model ships inside the py3langid wheel
(nothing is downloaded) and is loaded once per process, on the first text that needs it: about
0.4 s the first time, then about 0.05 s from its unpacked copy in the cache folder (`_model_parts`).
"""

from __future__ import annotations

import os
import pickle
import threading
from pathlib import Path

__all__ = ["MIN_CHARS", "MIN_SCORE", "SAMPLE_BYTES", "detect", "load", "record_language"]

#: Shorter clean texts (in characters, spaces not counted) are not judged.
MIN_CHARS = 30
#: A detection less sure than this falls back to the page's declared language.
MIN_SCORE = 0.75
#: How much of the text (UTF-8 bytes, from the start) the model reads.
SAMPLE_BYTES = 512

_IDENTIFIER = None
_LOCK = threading.Lock()


def _cache_file() -> Path | None:
    """Where the unpacked model is kept between runs: `$CLEANWIRE_CACHE` or `~/.cache/cleanwire`
    (`$XDG_CACHE_HOME`), named by py3langid's version; None when no folder can be had."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        tag = version("py3langid")
    except PackageNotFoundError:
        return None
    base = os.environ.get("CLEANWIRE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "cleanwire")
    return Path(base) / f"py3langid-{tag}-model.pickle"


def _model_parts():
    """py3langid's model: unpacking the xz file it ships takes about 0.4 s, so the unpacked parts
    are kept in the cache folder (68 MB, written once, atomically) and read back in about 0.05 s.
    A cache that cannot be written or read is passed over."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, _load_model_file

    cache = _cache_file()
    if cache is not None and cache.is_file():
        try:
            with open(cache, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            pass
    parts = _load_model_file(MODEL_DIR / MODEL_FILE)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(parts, fh, protocol=5)
            os.replace(tmp, cache)
        except OSError:
            pass
    return parts


def _identifier():
    global _IDENTIFIER
    if _IDENTIFIER is None:
        with _LOCK:
            if _IDENTIFIER is None:
                import numpy as np
                from py3langid.langid import LanguageIdentifier

                ptc, pc, classes, nextmove, row, output = _model_parts()
                _IDENTIFIER = LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output,
                                                 norm_probs=True, tk_row=row)
    return _IDENTIFIER


def load() -> None:
    """Load the model now (a worker about to be timed), not on the first text that needs it."""
    _identifier()


def detect(text: str) -> tuple[str | None, float | None]:
    """`(code, probability)` for the text's language, or `(None, None)` when the text is too short
    or the model is not sure enough (see the module's rule). The probability is rounded to 3 decimals."""
    if sum(not c.isspace() for c in text[: MIN_CHARS * 4]) < MIN_CHARS:
        return None, None
    # bytes cut mid-character are trimmed by py3langid
    code, score = _identifier().classify(text.encode("utf-8", "replace")[:SAMPLE_BYTES])
    if score < MIN_SCORE or code == "zxx":  # zxx: "no linguistic content" (numbers, codes)
        return None, None
    return code, round(float(score), 3)


def record_language(text: str, declared: str | None) -> tuple[str | None, float | None]:
    """`(language, language_score)` of a record: the detected language, else the declared one with
    no score, else `(None, None)`."""
    code, score = detect(text)
    if code is not None:
        return code, score
    return declared, None
