"""The language model as cleanwire loads it (`cleaners.language`): the tables py3langid unpacks,
kept in a cache file and mapped, must give py3langid's own scores bit for bit; a damaged or
unwritable cache is passed over with the same results. The texts below were written for these tests."""

from __future__ import annotations

import json
import mmap
import re

import numpy as np
import pytest

from cleaners import language
from cleaners.language import SAMPLE_BYTES

from .conftest import seed_shingles

TEXTS = {
    "en": "The bakery on the corner opens at six, and by seven the queue reaches the bus stop.",
    "de": "Die Bäckerei an der Ecke öffnet um sechs Uhr, und um sieben reicht die Schlange bis zur Haltestelle.",
    "nl": "De bakker op de hoek gaat om zes uur open en om zeven uur staat de rij tot aan de bushalte.",
    "es": "La panadería de la esquina abre a las seis y a las siete la fila llega hasta la parada del autobús.",
    "it": "Il forno all'angolo apre alle sei e alle sette la coda arriva fino alla fermata dell'autobus.",
    "pt": "A padaria da esquina abre às seis e às sete a fila já chega até a paragem do autocarro.",
    "pl": "Piekarnia na rogu otwiera się o szóstej, a o siódmej kolejka sięga aż do przystanku autobusowego.",
    "tr": "Köşedeki fırın altıda açılıyor ve yedide kuyruk otobüs durağına kadar uzanıyor.",
    "ru": "Пекарня на углу открывается в шесть, а к семи очередь доходит до самой автобусной остановки.",
    "uk": "Пекарня на розі відчиняється о шостій, а о сьомій черга сягає аж до автобусної зупинки.",
    "el": "Ο φούρνος στη γωνία ανοίγει στις έξι και στις επτά η ουρά φτάνει ως τη στάση του λεωφορείου.",
    "ar": "يفتح المخبز في الزاوية عند السادسة، وعند السابعة يصل الطابور إلى موقف الحافلات.",
    "he": "המאפייה בפינה נפתחת בשש, ובשבע התור כבר מגיע עד תחנת האוטובוס.",
    "hi": "कोने वाली बेकरी छह बजे खुलती है और सात बजे तक कतार बस स्टॉप तक पहुँच जाती है।",
    "ja": "角のパン屋は六時に開き、七時には行列がバス停まで伸びている。",
    "zh": "街角的面包店六点开门，到了七点，排队的人已经一直排到公交车站。",
    "ko": "모퉁이 빵집은 여섯 시에 문을 열고, 일곱 시가 되면 줄이 버스 정류장까지 이어진다.",
}
# the same texts run together and cut at SAMPLE_BYTES (mid-character: py3langid trims the tail),
# plus texts with no features or next to none
EXTRA = [
    "".join(TEXTS.values()).encode()[:SAMPLE_BYTES],
    "".join(reversed(TEXTS.values())).encode()[:SAMPLE_BYTES],
    b"", b" ", b"12 14 17 23 31 40 52 61 77 80 93", "ÉÇÀ".encode(), b"\xff\xfe\x00 broken bytes",
]


def samples() -> list:
    return [*TEXTS.values(), *(t.upper() for t in TEXTS.values()), *EXTRA, *language._PROBES]


@pytest.fixture(scope="module")
def own():
    """py3langid's own identifier, unpacked from its wheel as py3langid does it."""
    return language._unpack()


def same_scores(ident, own) -> None:
    for text in samples():
        assert ident.classify(text) == own.classify(text), text
        mine, theirs = ident._decide(text), own._decide(text)
        assert mine.dtype == theirs.dtype and mine.tobytes() == theirs.tobytes(), text  # bit for bit


def mapped(array) -> bool:
    while array is not None and not isinstance(array, mmap.mmap):
        array = getattr(array, "base", None) if isinstance(array, np.ndarray) else getattr(array, "obj", None)
    return isinstance(array, mmap.mmap)


def test_the_texts_are_our_own():
    shingles = seed_shingles()
    for text in TEXTS.values():
        words = re.findall(r"\w+", text.lower())
        assert not {tuple(words[i:i + 6]) for i in range(len(words) - 5)} & shingles


def test_integer_tables_take_the_smallest_type_that_holds_them_exactly():
    assert language._exact([0, 255], "t").dtype == np.uint8
    assert language._exact([-1, 100052], "t").dtype == np.int32
    assert language._exact([0, 104582], "t").dtype == np.uint32
    assert language._exact([0, 65535], "t").dtype == np.uint16
    big = [0, 1 << 40]
    assert language._exact(big, "t").tolist() == big
    with pytest.raises(ValueError):
        language._exact([0.5], "t")


def test_the_model_from_the_cache_file_scores_exactly_as_py3langid_s_own(own, tmp_path):
    cache = tmp_path / "model.bin"
    arrays, classes = language._compact_arrays(own)
    assert arrays["ptc"].dtype == own.nb_ptc.dtype and arrays["pc"].dtype == own.nb_pc.dtype  # floats as they are
    assert arrays["nextmove"].itemsize <= 4 and arrays["output"].itemsize <= 4 and arrays["rowbase"].itemsize <= 4
    same_scores(language._identifier_from(arrays, classes), own)  # in memory

    ident = language._load_identifier(cache)  # no file yet: unpacked, written, then mapped
    assert cache.is_file()
    assert mapped(ident.nb_ptc) and mapped(ident.tk_nextmove) and mapped(ident._rowbase)
    same_scores(ident, own)
    written = cache.stat().st_mtime_ns
    same_scores(language._load_identifier(cache), own)  # read back, not written again
    assert cache.stat().st_mtime_ns == written


def test_verdicts_match_on_the_language_tests_texts(own):
    from .test_language import TEXTS as ARTICLES

    ident = language._identifier()
    for text in ARTICLES.values():
        for line in [text, *text.split("\n")]:
            sample = line.encode()[:SAMPLE_BYTES]
            assert ident.classify(sample) == own.classify(sample)


def damage(cache, how: str) -> None:
    data = bytearray(cache.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    elif how == "empty":
        data = bytearray()
    elif how == "magic":
        data[:4] = b"junk"
    elif how == "header":
        start = len(language._MAGIC) + 8
        data[start:start + 10] = b"{{{{{{{{{{"
    elif how == "data":  # one byte in the middle of the tables: only the CRC-32 tells
        data[len(data) // 2] ^= 0xFF
    elif how == "format":
        data = data.replace(b'"format": 2', b'"format": 9', 1)
    cache.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "empty", "magic", "header", "data", "format"])
def test_a_damaged_cache_file_is_passed_over_and_written_again(own, tmp_path, how):
    cache = tmp_path / "model.bin"
    language._load_identifier(cache)
    good = cache.read_bytes()
    damage(cache, how)
    assert language._read_cache(cache) is None
    ident = language._load_identifier(cache)
    same_scores(ident, own)
    assert cache.read_bytes() == good  # rewritten whole
    assert language._read_cache(cache) is not None


def test_an_unwritable_cache_folder_keeps_the_tables_in_memory(own, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    cache = blocker / "model.bin"
    ident = language._load_identifier(cache)
    assert not mapped(ident.nb_ptc)
    same_scores(ident, own)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]  # no temporary file left


def test_the_cache_file_is_named_by_format_and_py3langid_version(monkeypatch, tmp_path):
    from importlib.metadata import version

    monkeypatch.setenv("CLEANWIRE_CACHE", str(tmp_path))
    assert language._cache_file() == tmp_path / f"py3langid-{version('py3langid')}-model-v{language.CACHE_FORMAT}.bin"


def test_prepare_writes_the_cache_file_once_without_mapping_it(monkeypatch, tmp_path):
    monkeypatch.setenv("CLEANWIRE_CACHE", str(tmp_path))
    monkeypatch.setattr(language, "_IDENTIFIER", None)
    (tmp_path / "py3langid-0.3.0-model.pickle").write_bytes(b"the unpacked model an earlier cleanwire kept")
    language.prepare()
    assert language._IDENTIFIER is None  # the workers map it, not the parent
    cache = language._cache_file()
    assert cache.is_file() and [p.name for p in tmp_path.iterdir()] == [cache.name]  # the old pickle is gone
    head = cache.read_bytes()[:1 << 16]
    length = int.from_bytes(head[len(language._MAGIC):len(language._MAGIC) + 8], "little")
    header = json.loads(head[len(language._MAGIC) + 8:len(language._MAGIC) + 8 + length])
    assert header["format"] == language.CACHE_FORMAT
    written = cache.stat().st_mtime_ns
    language.prepare()
    assert cache.stat().st_mtime_ns == written
    language.load()
    assert mapped(language._IDENTIFIER.nb_ptc)
    assert language.detect(TEXTS["de"])[0] == "de"


def test_prepare_without_a_cache_folder_loads_the_model_for_the_workers_to_share(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("CLEANWIRE_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(language, "_IDENTIFIER", None)
    language.prepare()
    assert language._IDENTIFIER is not None
