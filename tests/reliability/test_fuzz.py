"""Fuzzing: hostile HTML, text, bytes and files never make cleanwire fail in an undocumented way.

The guarantee: `clean_html` and `clean_text` give a `Document` whose record validates against the
shipped JSON Schema and whose `to_json()` is one line of UTF-8-encodable JSON, or raise `CleanError`;
`runner.clean_one` gives a record or an error outcome (never `internal`); `inputs.iter_documents`
gives every file one document or error document (a WARC at least one, unless all its records are
skipped), never reads past `max_bytes`, and never raises.

How many cases run is set by a settings profile: `CLEANWIRE_FUZZ=ci` (the default: a few hundred
cases, derandomized, so that `make test` is fast and reproducible) or `CLEANWIRE_FUZZ=fuzz` (`make
fuzz`: 10,000+ cases, random). The example database is off: nothing is written to the repo.

The named tests at the end are regressions for bugs the fuzzer found.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
import time
import tracemalloc
from collections import Counter
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners import encoding, inputs, runner
from cleaners.document import canonical_url
from cleaners.inputs import InputDoc, iter_documents
from cleaners.pipeline import CleanError, clean_html, clean_text
from cleaners.sites import host_of
from tests.conftest import assert_valid_record

from . import strategies as S

# ------------------------------------------------------------------------------------------ profiles

_SUPPRESS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
             HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much]
settings.register_profile("cleanwire-ci", deadline=None, derandomize=True, database=None, print_blob=True,
                          suppress_health_check=_SUPPRESS)
settings.register_profile("cleanwire-fuzz", deadline=None, derandomize=False, database=None, print_blob=True,
                          suppress_health_check=_SUPPRESS)
PROFILE = os.environ.get("CLEANWIRE_FUZZ", "ci")
if PROFILE not in ("ci", "fuzz"):
    raise RuntimeError(f"CLEANWIRE_FUZZ must be 'ci' or 'fuzz', not {PROFILE!r}")
_BASE = settings.get_profile(f"cleanwire-{PROFILE}")


def cases(ci: int, fuzz: int) -> settings:
    """The settings of one fuzz test: `ci` examples by default, `fuzz` under `make fuzz`."""
    return settings(_BASE, max_examples=ci if PROFILE == "ci" else fuzz)


#: cases run in this process (every call of a fuzz test's body), printed at the end of the module
RAN: Counter = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_cases():
    start = time.monotonic()
    yield
    if RAN:
        total = sum(RAN.values())
        detail = ", ".join(f"{name} {n}" for name, n in sorted(RAN.items()))
        print(f"\nfuzz ({PROFILE} profile): {total} cases in {time.monotonic() - start:.0f} s ({detail})")


# ------------------------------------------------------------------------------------------ checks

def check_document(doc) -> None:
    """A Document's record validates, and its JSON line is one line of valid, UTF-8-encodable JSON."""
    record = doc.to_record()
    assert_valid_record(record)
    line = doc.to_json()
    assert "\n" not in line and "\r" not in line, "to_json() must be a single line"
    assert json.loads(line) == record
    line.encode("utf-8")  # strict: a record with a lone surrogate cannot be written to a JSON Lines file


def check_clean_error(exc: CleanError) -> None:
    assert isinstance(exc.kind, str) and exc.kind, exc
    assert isinstance(exc.message, str) and exc.message, exc


def outcome_of(call, *args, **kwargs) -> str:
    """Run a cleaning call: 'record' (checked) or the CleanError's kind; anything else propagates."""
    try:
        doc = call(*args, **kwargs)
    except CleanError as exc:
        check_clean_error(exc)
        return exc.kind
    check_document(doc)
    return "record"


def check_outcome(outcome) -> None:
    """A runner Outcome is a valid record or a documented error, never an internal one."""
    assert (outcome.record is None) != (outcome.error is None), outcome
    if outcome.record is not None:
        assert "\n" not in outcome.record
        outcome.record.encode("utf-8")
        assert_valid_record(json.loads(outcome.record))
    else:
        assert outcome.error != "internal", f"a bug surfaced as an internal error: {outcome.message}"
        assert outcome.message


# ------------------------------------------------------------------------------------------ pipeline

@cases(ci=80, fuzz=2500)
@given(page=S.html_text(), url=S.urls(), explain=st.booleans(), profile=S.profiles())
def test_clean_html_str(page, url, explain, profile):
    RAN["clean_html str"] += 1
    outcome_of(clean_html, page, url=url, explain=explain, profile=profile)


@cases(ci=80, fuzz=2500)
@given(data=S.html_bytes(), url=S.urls(), charset=S.charsets(), explain=st.booleans(), profile=S.profiles())
def test_clean_html_bytes(data, url, charset, explain, profile):
    RAN["clean_html bytes"] += 1
    outcome_of(clean_html, data, url=url, charset=charset, explain=explain, profile=profile)


def test_article_pages_are_cleaned_not_only_rejected():
    """Article pages with junk mixed in: every one gives a record or CleanError, and most of them
    a record (the cleaning paths run, not only the rejection paths)."""
    kinds: Counter = Counter()

    @cases(ci=60, fuzz=2000)
    @given(page=S.article_page(), as_bytes=st.booleans(), url=st.one_of(st.none(), st.sampled_from(S.PLAIN_URLS)),
           explain=st.booleans())
    def run(page, as_bytes, url, explain):
        RAN["article pages"] += 1
        data = S.encode(page, "utf-8") if as_bytes else page
        kinds[outcome_of(clean_html, data, url=url, explain=explain)] += 1

    run()
    assert kinds["record"] >= 0.5 * sum(kinds.values()), kinds


@cases(ci=60, fuzz=1500)
@given(text=S.seed_text(), url=S.urls())
def test_clean_text(text, url):
    RAN["clean_text"] += 1
    outcome_of(clean_text, text, url=url)


# ------------------------------------------------------------------------------------------ runner

@st.composite
def input_docs(draw) -> InputDoc:
    fmt = draw(st.sampled_from(("html", "text")))
    if fmt == "html":
        data = draw(S.html_bytes())
    else:
        data = draw(st.one_of(S.encoded(S.seed_text()), st.binary(max_size=500),
                              st.builds(lambda bom, t: bom + S.encode(t, "utf-8"), st.sampled_from(S.BOMS),
                                        S.seed_text())))
    return InputDoc(path=draw(st.sampled_from((None, "page.html", "dir/\udc80.txt"))), url=draw(S.urls()),
                    data=data, fmt=fmt, charset=draw(S.charsets()), profile=draw(S.profiles()),
                    fetched_at=draw(st.sampled_from((None, "2024-03-05T10:00:00Z", "junk"))))


@cases(ci=60, fuzz=1500)
@given(doc=input_docs())
def test_clean_one_never_raises(doc):
    RAN["runner.clean_one"] += 1
    check_outcome(runner.clean_one(doc))


# ------------------------------------------------------------------------------------------ input files

@cache
def gzip_bomb() -> bytes:
    """32 MB of zeros behind a gzip header (about 32 KB on disk)."""
    return gzip.compress(b"\0" * (32 << 20), compresslevel=9)


def warc_bytes(payloads: list[tuple[bytes, str, str, str]], gz: bool) -> bytes:
    """A WARC of HTTP responses: (body, content type, status line, target URI) each, plus a request."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for body, ctype, status, uri in payloads:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
        writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                                      warc_content_type="application/http; msgtype=request"))
    return out.getvalue()


@st.composite
def warc_file(draw) -> bytes:
    payloads = draw(st.lists(st.tuples(
        st.one_of(S.html_bytes(), st.just(b"")),
        st.sampled_from(("text/html", "text/html; charset=cp1251", "text/html; charset=undefined",
                         "text/html; charset=", "text/html;charset=\"utf-8\"", "image/png", "TEXT/HTML; CHARSET=IDNA",
                         "text/html; charset=utf-7")),
        st.sampled_from(("200 OK", "404 Not Found", "301 Moved", "2", "abc")),
        st.one_of(st.sampled_from(S.PROFILE_URLS + S.PLAIN_URLS), st.sampled_from(S.BROKEN_URLS).filter(
            lambda u: u.isprintable() and u.isascii() and " " not in u and u)),
    ), min_size=1, max_size=3))
    data = warc_bytes(payloads, gz=draw(st.booleans()))
    if draw(st.booleans()):  # truncated, or with junk in the middle
        cut = len(data) * draw(st.integers(0, 1000)) // 1000  # a share: the WARC's length varies (dates, ids)
        data = data[:cut] + (draw(st.binary(max_size=40)) if draw(st.booleans()) else b"")
    return data


@st.composite
def hostile_file(draw) -> tuple[str, bytes]:
    """(suffix, content) of one file for iter_documents."""
    kind = draw(st.sampled_from(("page", "random", "gz", "truncated gz", "bomb", "warc", "text", "empty")))
    if kind == "page":
        return draw(st.sampled_from((".html", ".htm", ".HTML", "", ".txt"))), draw(S.html_bytes())
    if kind == "random":
        return draw(st.sampled_from((".html", ".txt", ".gz", ".warc", ".warc.gz", "", ".arc"))), draw(st.binary())
    if kind == "text":
        return draw(st.sampled_from((".txt", ""))), draw(S.encoded(S.seed_text()))
    if kind == "empty":
        return draw(st.sampled_from((".html", ".txt", ".gz", ".warc"))), draw(st.sampled_from((b"", b" \n\t", b"\0")))
    if kind in ("gz", "truncated gz"):
        data = gzip.compress(draw(S.html_bytes()))
        if kind == "truncated gz":
            data = data[:draw(st.integers(2, max(2, len(data) - 1)))]
        return draw(st.sampled_from((".html.gz", ".gz", ".txt.gz", ".html"))), data
    if kind == "bomb":
        return draw(st.sampled_from((".html.gz", ".gz", ".warc.gz", ".txt.gz"))), gzip_bomb()
    return draw(st.sampled_from((".warc", ".warc.gz", ".arc", ".html"))), draw(warc_file())


def _looks_like_warc(data: bytes) -> bool:
    head = data
    if data[:2] == b"\x1f\x8b":
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(data)).read(16)
        except (OSError, EOFError):
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


@cases(ci=30, fuzz=1000)
@given(files=st.lists(st.tuples(hostile_file(), st.one_of(st.none(), st.binary(max_size=80),
                                                          st.sampled_from(S.BROKEN_URLS).map(S.encode_utf8))),
                      min_size=1, max_size=5),
       max_bytes=st.sampled_from((1 << 20, 64 << 10, 300)),
       fmt=st.sampled_from(("auto", "auto", "html", "text", "warc")))
def test_iter_documents_on_hostile_files(files, max_bytes, fmt):
    """Files of every kind (with `.url` sidecars of junk) in a folder: one document or error document a
    file (a WARC: at least one, or its records were counted as skipped), nothing read past max_bytes."""
    RAN["iter_documents"] += 1
    with tempfile.TemporaryDirectory() as folder:
        written = {}
        for i, ((suffix, data), sidecar) in enumerate(files):
            path = os.path.join(folder, f"f{i}{suffix}")
            with open(path, "wb") as fh:
                fh.write(data)
            if sidecar is not None:
                with open(path + ".url", "wb") as fh:
                    fh.write(sidecar)
            written[path] = (suffix, data)
        docs = list(iter_documents([folder], fmt=fmt, max_bytes=max_bytes))
        per_file = Counter(doc.path for doc in docs)
        assert set(per_file) <= set(written)
        for path, (suffix, data) in written.items():
            is_warc = fmt == "warc" or fmt == "auto" and (
                suffix.lower().removesuffix(".gz") in (".warc", ".arc") or _looks_like_warc(data))
            if not is_warc:
                assert per_file[path] == 1, (path, suffix, per_file[path])
            elif per_file[path] == 0:  # documented: a WARC of request, metadata, non-HTML... records only
                discovery = inputs.Discovery()
                assert list(iter_documents([path], fmt=fmt, max_bytes=max_bytes, discovery=discovery)) == []
                assert sum(discovery.skipped.values()) > 0, (path, suffix)
        for doc in docs:
            loaded = inputs.load(doc)
            assert loaded.error is not None or loaded.data, loaded
            if loaded.data is not None:
                assert len(loaded.data) <= max_bytes
                assert loaded.fmt in ("html", "text")
            if written[doc.path][1] is gzip_bomb():
                assert loaded.error is not None and loaded.error[0] in ("too_large", "corrupt"), loaded.error
            elif loaded.error is not None:
                assert loaded.error[0] in ("too_large", "corrupt", "empty", "binary", "unsupported"), loaded.error
            check_outcome(runner.clean_one(loaded))


# ------------------------------------------------------------------------------------------ plain tests

@pytest.mark.parametrize("max_bytes", [1 << 20, 64 << 10, 300])
def test_gzip_bomb_is_read_no_further_than_max_bytes(tmp_path, max_bytes):
    """A 32 MB gzip bomb: a too_large error, and memory stays within a few times the limit (the
    WARC sniff once inflated 4 KB of it, 4 MB, whatever the limit)."""
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip_bomb())
    tracemalloc.start()
    try:
        docs = [inputs.load(d) for d in iter_documents([str(path)], max_bytes=max_bytes)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.error[0] if d.error else None for d in docs] == ["too_large"]
    assert peak < 4 * max_bytes + (256 << 10), f"reading the bomb took {peak} bytes"


@cases(ci=3, fuzz=20)
@given(page=S.deep_page(), attr=S.huge_attribute())
def test_the_strategies_make_what_they_say(page, attr):
    """The strategies are not degenerate: pages carry their hostile features."""
    assert page.count("<") > 1000
    assert len(attr) >= 50_000


def test_encode_keeps_surrogate_escapes():
    assert S.encode("a\udc80b", "utf-8") == b"a\x80b"
    assert S.encode("a\ud800b", "utf-16-le") == "a\ud800b".encode("utf-16-le", "surrogatepass")
    assert S.encode("a\ud800b", "cp1251") == b"a?b"


# ------------------------------------------------------------------------------------------ regressions
# Bugs the fuzzer found, each as a plain example.

_STORY = "".join(f"<p>{p}</p>" for p in (
    "The northern quay of Ostrava-on-Lenn reopened on Monday after a long winter of repairs to its timber piles.",
    "Barge crews said the first loads of salt and timber would arrive within the week, weather permitting.",
    "The harbour master promised new lamps along the slipway before the fishing season begins in earnest.",
))


def _page(head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>Quay reopens</title>{head}</head>"
            f"<body><article>{_STORY}</article></body></html>")


@pytest.mark.parametrize("label", ["undefined", "idna", "punycode"])
def test_meta_charset_naming_a_codec_that_raises_unicode_error(label):
    """`<meta charset=undefined>` made decode_html raise UnicodeError (not UnicodeDecodeError): the
    label is now passed over like any charset the bytes do not decode under."""
    data = _page(f"<meta charset={label}>").encode("utf-8") + b"." * 70  # a label too long for idna
    doc = clean_html(data)
    assert "northern quay" in doc.text


@pytest.mark.parametrize("charset", ["utf-8\x00", "utf-8\udc80", "rot13", "base64"])
def test_transport_charset_that_names_no_text_codec(charset):
    """A transport charset with a NUL or a lone surrogate made codecs.lookup raise ValueError; one naming a
    bytes-to-bytes codec (rot13) is now no charset at all."""
    assert encoding._lookup(charset) is None
    assert "northern quay" in clean_html(_page().encode("utf-8"), charset=charset).text


@pytest.mark.parametrize("href", ["http://[::1", "https://kcna.kp:99999/a", "http://host:port/"])
def test_canonical_link_that_does_not_parse(href):
    """A canonical link with a broken IPv6 literal or port made urlsplit / `.port` raise ValueError in
    sites.host_of and document.canonical_url: such a URL is now kept as written (a bad port still has
    a host; a broken IPv6 literal has none)."""
    doc = clean_html(_page(f'<link rel=canonical href="{href}">'))
    assert doc.url == href
    assert canonical_url(f"  {href} ") == href
    assert doc.site == host_of(href) == {"http://[::1": None, "https://kcna.kp:99999/a": "kcna.kp",
                                         "http://host:port/": "host"}[href]


def test_rodong_profile_with_a_url_that_does_not_parse():
    from cleaners.sites import rodong

    assert rodong.url_meta("http://[::1/en/index.php?MTJAMjAyMy0wMS0zMC1IMDAxQA==") == {}
    doc = clean_html(_page(), url="http://[rodong.rep.kp", profile="rodong")
    assert doc.url == "http://[rodong.rep.kp"


def test_lone_surrogates_become_replacement_characters():
    """clean_text with a lone surrogate (a surrogateescape'd file, a caller's broken string) made a
    record that cannot be written as UTF-8 (make_id raised UnicodeEncodeError); a split surrogate
    pair is joined, a lone one becomes U+FFFD, in the text and in url, path and fetched_at."""
    line = "The harbour master of Ostrava-on-Lenn said the quay would reopen before the salt barges came"
    doc = clean_text(f"{line} \udc80 and \ud83d\ude00 again.", url="https://gazette.example/\udcff",
                     path="pages/\udc80.txt", fetched_at="2024\ud800")
    check_document(doc)
    assert doc.text == f"{line} \ufffd and \U0001f600 again."
    assert (doc.url, doc.path, doc.fetched_at) == ("https://gazette.example/\ufffd", "pages/\ufffd.txt", "2024\ufffd")
    html = clean_html(_page().replace("winter", "win\udc80ter"), path="\udc80.html")
    check_document(html)
    assert "win\ufffdter" in html.text and html.path == "\ufffd.html"


def test_utf7_page_with_an_encoded_lone_surrogate():
    """A page declaring UTF-7 decoded `+2AA-` to a lone surrogate. UTF-7 is no web encoding (browsers
    ignore the label), so the label is now passed over and the bytes read as what they are."""
    data = _page("<meta charset=utf-7>").replace("winter", "win+2AA-ter").encode("ascii")
    doc = clean_html(data)
    check_document(doc)
    assert "win+2AA-ter" in doc.text
    for label in ("utf-7", "unicode_escape", "raw_unicode_escape", "UTF-7"):
        assert encoding._lookup(label) is None, label


@pytest.mark.parametrize("stamp", ["9999-99-99", "2026-13-45", "2026-02-30T10:00:00Z"])
def test_published_date_that_is_no_calendar_day(stamp):
    """A date with the right digits but no such day (from a page's meta or a profile's URL reader)
    passed the schema's pattern into `published`; it is now no date."""
    doc = clean_html(_page(f'<meta property="article:published_time" content="{stamp}">'))
    check_document(doc)
    assert doc.published is None
    ok = clean_html(_page('<meta property="article:published_time" content="2026-02-28T10:00:00Z">'))
    assert ok.published[:10] == "2026-02-28"


def test_warc_response_without_target_uri(tmp_path):
    """warcio raised AttributeError on a response record with no WARC-Target-URI: the file now
    gives one `corrupt` error document."""
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n")
    docs = list(iter_documents([str(path)]))
    assert [d.error[0] for d in docs] == ["corrupt"]


def test_error_record_of_a_file_whose_name_is_not_utf8():
    """`cleanwire clean` crashed with UnicodeEncodeError writing the error record of a file named with
    bytes that are not UTF-8 (os.walk gives `\\udcff`): error_record now makes such names U+FFFD."""
    from cleaners.document import error_record

    record = error_record(error="binary", message="cannot read \udcff.html", path="in/\udcff.html",
                          url="http://x/\ud800")
    assert record == {"path": "in/\ufffd.html", "url": "http://x/\ufffd", "error": "binary",
                      "message": "cannot read \ufffd.html"}
    json.dumps(record, ensure_ascii=False).encode("utf-8")
