"""Inputs a hostile or careless source hands cleanwire: pages opening with thousands of comments, FIFOs
and devices in a dump folder, symbolic links out of it, a folder 1,100 deep, WARC bodies in every
Content-Encoding, pages whose declared charset is stale, texts that are not UTF-8, and `.txt` files
that are no articles (a robots.txt, a licence). Each runs the real `cleanwire clean` (or a real
`scrapy crawl` against a server on 127.0.0.1) and looks at what comes out; every text here is made up.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

from ._support import P1, P2, P3, P4, page
from .conftest import ROOT, assert_valid_record

CLI = [sys.executable, "-m", "cleaners.cli"]
#: 5,000 comments before the first tag: an exponential sniff never ends on them
COMMENTS = "<!--a-->" * 5000
LEAD_ES = "La sanción del puerto für die Fähre: déjà prévu, dit le maire de Vellmar à la presse."


def clean(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `cleanwire clean ARGS` (bytes on stdin when given); a hang fails the test, it never stalls it."""
    return subprocess.run([*CLI, "clean", *args], input=stdin if stdin is not None else b"", capture_output=True,
                          timeout=timeout, cwd=ROOT, check=False)


def records_of(path: Path) -> list[dict]:
    if not path.exists():
        return []
    records = [json.loads(line) for line in path.read_text("utf-8").split("\n") if line]
    for record in records:
        assert_valid_record(record)
    return records


def errors_of(out: Path) -> list[dict]:
    errors = out.with_name(out.name + ".errors.jsonl")
    return [json.loads(line) for line in errors.read_text("utf-8").split("\n") if line] if errors.exists() else []


def summary(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in done.stderr.decode("utf-8", "replace").splitlines()
             if line.startswith("cleanwire clean:")]
    assert lines, done.stderr[-3000:]
    return lines[-1]


def article(title: str, *paras: str, head: str = "") -> str:
    return page("".join(f"<p>{p}</p>\n" for p in (paras or (P1, P2, P3, P4))), title=title, head=head)


# ------------------------------------------------------------------ 1. many leading comments


def test_a_page_opening_with_5000_comments_is_sniffed_at_once_from_a_file_a_gz_and_stdin(tmp_path):
    """A sniff with a regular expression repeating a group over leading comments backtracked
    exponentially: a file without a suffix (sniffed in a worker: a timeout), a .gz and standard
    input (sniffed in the parent: the run hung). Each is read as HTML now, in well under the time limit."""
    html = (COMMENTS + article("Harbour pier to be rebuilt")).encode("utf-8")
    (tmp_path / "page").write_bytes(html)
    (tmp_path / "page.gz").write_bytes(gzip.compress(html))
    for name in ("page", "page.gz"):
        out = tmp_path / f"{name}.jsonl"
        started = time.monotonic()
        done = clean(str(tmp_path / name), "-o", str(out), "--timeout", "60")
        assert done.returncode == 0, done.stderr[-3000:]
        assert time.monotonic() - started < 60
        [record] = records_of(out)
        assert record["text"].split("\n")[-4:] == [P1, P2, P3, P4], name
    done = clean("-", "-o", "-", stdin=html)
    assert done.returncode == 0, done.stderr[-3000:]
    [line] = done.stdout.decode("utf-8").split("\n")[:-1]
    assert json.loads(line)["text"].endswith(P4)


def test_looks_like_html_sees_past_thousands_of_comments_and_stays_linear():
    from cleaners.encoding import looks_like_html, markup_start

    started = time.monotonic()
    assert looks_like_html((COMMENTS + "\n<!DOCTYPE html><html><body><p>x</p>").encode())
    assert not looks_like_html((COMMENTS + "just text after the comments").encode())
    assert not looks_like_html(b"<!-- never closed <html><body>" + b"<!--" * 5000)
    assert looks_like_html(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- a --> <!-- b -->\n<html>')
    assert looks_like_html(("<!-- c -->" * 100 + "<html><body>").encode("utf-16"))
    body = b"  <?xml version='1.0'?><!--x--><!--y-->\n<urlset>"
    assert body[markup_start(body):].startswith(b"<urlset")
    assert time.monotonic() - started < 2


def test_a_class_attribute_built_to_backtrack_costs_nothing(tmp_path):
    """The test "is this box a layout row or column" repeated a group ending in `[\\w-]*` over the
    whole class attribute: `class="rowrow...row!"` made every extra `row` double the time."""
    lead = "The harbour authority in Vellmar confirmed on Tuesday that the old grain pier will be rebuilt."
    html = (f'<html><head><title>Pier</title></head><body><div class="{"row" * 200}!"><p>{lead}</p></div>'
            "</body></html>")
    (tmp_path / "page.html").write_text(html, "utf-8")
    out = tmp_path / "out.jsonl"
    done = clean(str(tmp_path / "page.html"), "-o", str(out), "--timeout", "30")
    assert [r["text"] for r in records_of(out)] == [lead], done.stderr[-3000:]


def _serve(pages: dict[str, tuple[str, bytes]]):
    """An HTTP server on 127.0.0.1 answering `pages` (path -> (Content-Type, body)), 404 elsewhere."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            pages = self.pages
            kind, body = pages.get(self.path, ("text/plain", b"not here"))
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    Handler.pages = dict(pages)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_crawl_reads_pages_opening_with_5000_comments_without_freezing(tmp_path):
    """The crawl sniffed every response on the reactor thread (is it a sitemap or feed? is a page
    labelled text/plain HTML?) with such expressions: one page froze the whole crawl. Here a
    sitemap, a page labelled text/html and one labelled text/plain all open with 5,000 comments:
    the sitemap is read, both pages become records and the crawl ends."""
    first = COMMENTS + article("Harbour pier to be rebuilt", P1, P2, P3,
                               '<a href="/plain">More</a> <a href="/latin">Abroad</a>')
    second = COMMENTS + article("Ferry returns to the outer islands", P4, P3, P2, P1)
    # UTF-8 bytes under a stale ISO-8859-1 header (a server's default): read as UTF-8, not as mojibake
    third = article("Vellmar twinned with a Spanish port", LEAD_ES, P2, P3, P4)
    server = _serve({"/story.html": ("text/html; charset=utf-8", first.encode()),
                     "/plain": ("text/plain", second.encode()),
                     "/latin": ("text/html; charset=ISO-8859-1", third.encode())})
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?>\n' + COMMENTS
               + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               f"<url><loc>{base}/story.html</loc></url></urlset>")
    server.RequestHandlerClass.pages["/sitemap.xml"] = ("application/xml", sitemap.encode())
    out = tmp_path / "out.jsonl"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "scrapy.cmdline", "crawl", "news", "-a", f"start_urls={base}/sitemap.xml",
             "-O", str(out), "-s", f"CLEANWIRE_STATE={tmp_path / 'state.sqlite'}", "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CLEANWIRE_CLEAN_WORKERS=1", "-s", "LOG_LEVEL=INFO"],
            cwd=ROOT, capture_output=True, text=True, timeout=150, check=False)
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 0, done.stderr[-3000:]
    records = records_of(out)
    assert sorted(r["url"][len(base):] for r in records) == ["/latin", "/plain", "/story.html"], \
        done.stderr[-3000:]
    assert LEAD_ES in next(r["text"] for r in records if r["url"].endswith("/latin"))
    assert "faults_fixed/wrong_content_type" in done.stderr


# ------------------------------------------------------------------ 2. FIFOs, sockets, devices in a folder


def test_a_fifo_or_socket_in_a_folder_is_an_error_record_and_never_blocks(tmp_path):
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "a.html").write_text(article("Harbour pier to be rebuilt"), "utf-8")
    os.mkfifo(dump / "b.html")  # nobody ever writes to it: opening it to read would wait forever
    os.mkfifo(dump / "c")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(dump / "d.html"))
    (dump / "e.html").write_text(article("Ferry returns to the outer islands", P4, P3, P2, P1), "utf-8")
    out = tmp_path / "out.jsonl"
    try:
        done = clean(str(dump), "-o", str(out), timeout=90)
    finally:
        sock.close()
    assert done.returncode == 3, done.stderr[-3000:]  # documents lost: error records
    assert [Path(r["path"]).name for r in records_of(out)] == ["a.html", "e.html"]
    errors = errors_of(out)
    assert [(Path(e["path"]).name, e["error"]) for e in errors] == [
        ("b.html", "unreadable"), ("c", "unreadable"), ("d.html", "unreadable")]
    assert all("not a regular file" in e["message"] for e in errors)
    assert "3 errors (unreadable 3)" in summary(done)


def test_a_fifo_named_on_the_command_line_is_read_like_cat(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = article("Harbour pier to be rebuilt").encode()

    def write():
        with open(fifo, "wb") as fh:
            fh.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    done = clean(str(fifo), "-o", "-", timeout=90)
    writer.join(5)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.decode().split("\n")[0])["text"].endswith(P4)


# ------------------------------------------------------------------ 16. symbolic links


def test_links_out_of_the_walked_folder_are_skipped_unless_followed_and_loops_end(tmp_path):
    secret = tmp_path / "elsewhere"
    (secret / "more").mkdir(parents=True)
    (secret / "secret.html").write_text(article("Private minutes of the harbour board", P2, P1, P4, P3), "utf-8")
    (secret / "more" / "notes.html").write_text(article("Notes on the ferry contract", P3, P4, P1, P2), "utf-8")
    (secret / "more" / "back").symlink_to(secret, target_is_directory=True)  # a loop, out of the dump
    dump = tmp_path / "dump"
    (dump / "sub").mkdir(parents=True)
    (dump / "a.html").write_text(article("Harbour pier to be rebuilt"), "utf-8")
    (dump / "b.html").symlink_to(dump / "a.html")  # inside: still read
    (dump / "leak.html").symlink_to(secret / "secret.html")
    (dump / "passwd").symlink_to("/etc/passwd")
    (dump / "outside").symlink_to(secret, target_is_directory=True)
    (dump / "sub" / "up").symlink_to(dump, target_is_directory=True)  # a loop inside the dump
    (tmp_path / "where.url").write_text("https://private.example/minutes\n", "utf-8")
    (dump / "a.html.url").symlink_to(tmp_path / "where.url")  # a sidecar URL read from elsewhere: ignored

    out = tmp_path / "out.jsonl"
    done = clean(str(dump), "-o", str(out), timeout=90)
    assert done.returncode == 0, done.stderr[-3000:]
    assert [(Path(r["path"]).name, r["url"]) for r in records_of(out)] == [("a.html", None), ("b.html", None)]
    assert "3 skipped (link out of the folder 3)" in summary(done)
    assert "Private minutes" not in out.read_text("utf-8") and "root:" not in out.read_text("utf-8")

    followed = tmp_path / "followed.jsonl"
    done = clean(str(dump), "-o", str(followed), "--follow-links", timeout=90)
    names = [Path(r["path"]).name for r in records_of(followed)]
    assert names == ["a.html", "b.html", "leak.html", "secret.html", "notes.html"], done.stderr[-3000:]
    assert [(Path(e["path"]).name, e["error"]) for e in errors_of(followed)] == [("passwd", "not_article")]
    assert "link to a folder already walked 1" in summary(done)


# ------------------------------------------------------------------ 17. a very deep folder


def test_a_folder_1100_deep_is_walked_without_recursion(tmp_path):
    deep = str(tmp_path / "dump")
    folders = [deep]
    for _ in range(1100):  # made and removed one level at a time: pathlib and shutil recurse too
        folders.append(os.path.join(folders[-1], "d"))
    for folder in folders:
        os.mkdir(folder)
    story = os.path.join(folders[-1], "story.html")
    Path(story).write_text(article("Harbour pier to be rebuilt"), "utf-8")
    Path(deep, "first.html").write_text(article("Ferry returns to the outer islands", P4, P3, P2, P1), "utf-8")
    out = tmp_path / "out.jsonl"
    try:
        done = clean(deep, "-o", str(out), timeout=90)
    finally:
        os.unlink(story)
        os.unlink(os.path.join(deep, "first.html"))
        for folder in reversed(folders):
            os.rmdir(folder)
    assert done.returncode == 0, done.stderr[-3000:]
    assert b"Traceback" not in done.stderr
    assert [Path(r["path"]).name for r in records_of(out)] == ["first.html", "story.html"]


def test_the_walk_keeps_the_order_of_a_sorted_os_walk(tmp_path):
    """The resume machinery counts files by their position in the walk: the order is the one a
    sorted `os.walk` gave (a folder's files, then its subfolders, each sorted)."""
    from cleaners.inputs import Discovery, expand

    for rel in ("b/z.html", "b/a/y.html", "a.html", "c.html", "a/x.html", "a/b/w.html", "B/v.html", "b.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", "utf-8")
    want = []
    for folder, dirs, files in os.walk(tmp_path):
        dirs.sort()
        want += [os.path.join(folder, name) for name in sorted(files)]
    assert list(expand([str(tmp_path)], Discovery())) == want


# ------------------------------------------------------------------ 10. WARC Content-Encodings


def _warc(path: Path, bodies: list[tuple[str, bytes, dict]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, body, extra in bodies:
            headers = [("Content-Type", "text/html; charset=utf-8"), *extra.items()]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))


def _chunked(data: bytes, size: int = 1000) -> bytes:
    parts = [data[i:i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


@pytest.mark.parametrize("name", ["dump.warc", "dump.warc.gz"])
def test_every_content_encoding_of_a_warc_record_is_decoded_and_a_bad_one_costs_one_record(tmp_path, name):
    import brotli

    pages = {i: article(f"Harbour report number {i}", f"Report {i} of the harbour board.", P1, P2, P3)
             for i in range(1, 10)}
    raw = {i: p.encode("utf-8") for i, p in pages.items()}
    deflate = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    bodies = [
        ("http://gazette.example/1", raw[1], {}),
        ("http://gazette.example/2", brotli.compress(raw[2]), {"Content-Encoding": "br"}),
        ("http://gazette.example/3", gzip.compress(raw[3]), {"Content-Encoding": "gzip"}),
        ("http://gazette.example/4", zlib.compress(raw[4]), {"Content-Encoding": "deflate"}),
        ("http://gazette.example/5", deflate.compress(raw[5]) + deflate.flush(), {"Content-Encoding": "deflate"}),
        ("http://gazette.example/6", bytes(range(256)) * 8, {"Content-Encoding": "br"}),  # not brotli at all
        ("http://gazette.example/7", _chunked(gzip.compress(raw[7])),
         {"Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}),
        ("http://gazette.example/8", raw[8], {"Content-Encoding": "gzip"}),  # stored decoded, header kept
        ("http://gazette.example/9", brotli.compress(b"\0" * 3_000_000), {"Content-Encoding": "br"}),  # a bomb
        ("http://gazette.example/10", gzip.compress(raw[9]), {"Content-Encoding": "x-gzip"}),
    ]
    warc = tmp_path / name
    _warc(warc, bodies)
    out = tmp_path / "out.jsonl"
    done = clean(str(warc), "-o", str(out), "--max-bytes", "1000000")
    got = {r["url"].rsplit("/", 1)[1]: r["text"] for r in records_of(out)}
    assert sorted(got, key=int) == ["1", "2", "3", "4", "5", "7", "8", "10"], done.stderr[-3000:]
    assert done.returncode == 3, done.stderr[-3000:]  # two documents lost, as error records
    for key, text in got.items():
        number = 9 if key == "10" else int(key)
        assert text.split("\n")[-4:] == [f"Report {number} of the harbour board.", P1, P2, P3], key
    assert [(e["url"].rsplit("/", 1)[1], e["error"]) for e in errors_of(out)] == [("6", "corrupt"),
                                                                                 ("9", "too_large")]


# ------------------------------------------------------------------ 13. stale single-byte charsets


def test_utf8_bytes_under_a_stale_single_byte_charset_are_read_as_utf8():
    from cleaners.encoding import decode_html

    text = "<p>La sanción für die Straße, Ελλάδα, Москва: déjà vu.</p>"
    for label in ("iso-8859-1", "windows-1252", "koi8-r", "windows-1251", "latin2"):
        assert decode_html(f'<html><head><meta charset="{label}"></head><body>{text}'.encode()).endswith(text)
        assert decode_html(f"<html><body>{text}".encode(), label).endswith(text), label
    http_equiv = f'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">{text}'
    assert decode_html(http_equiv.encode()).endswith(text)


def test_pages_really_in_the_declared_single_byte_charset_still_read_as_declared():
    from cleaners.encoding import decode_html

    russian = "<p>Порт Вельмара будет перестроен за два лета, сообщили в среду.</p>"
    french = "<p>La jetée aux grains sera reconstruite ; les pêcheurs s'en félicitent déjà.</p>"
    for text, label in ((russian, "windows-1251"), (russian, "koi8-r"), (french, "iso-8859-1"),
                        (french, "windows-1252")):
        data = f'<meta charset="{label}">{text}'.encode(label)
        assert decode_html(data).endswith(text), label
        assert decode_html(text.encode(label), label) == text, label
    # a capital letter before a closing quotation mark is valid UTF-8 in windows-1251 (`Д»`): a page
    # with nothing else outside ASCII is too short a case to matter; one Russian word settles it
    assert decode_html("«МИД» заявил".encode("windows-1251"), "windows-1251") == "«МИД» заявил"


def test_multibyte_declarations_give_way_to_utf8_only_on_strong_evidence():
    from cleaners.encoding import decode_html

    # these UTF-8 bytes are valid GBK too (read as GBK: 鐮佸ご閲嶅缓鏄庡勾宸ョ▼); eight characters say UTF-8
    chinese = "<p>码头重建明年工程</p>"
    assert decode_html(chinese.encode(), "gbk") == chinese
    assert decode_html(f'<meta charset="gbk">{chinese}'.encode()).endswith(chinese)
    sentence = "<p>维尔马港口的旧粮食码头将在未来两个夏天重建，工程师发现木桩腐烂得比预期快得多。</p>"
    assert decode_html(sentence.encode("gbk"), "gbk") == sentence  # a real GBK page
    assert decode_html(f'<meta charset="big5">{sentence}'.encode()).endswith(sentence)
    # GBK bytes of 一些 are valid UTF-8 (һЩ) by chance: two characters are no evidence, the declaration wins
    assert decode_html("<p>一些</p>".encode("gbk"), "gbk") == "<p>一些</p>"
    japanese = "<p>ヴェルマー港の古い穀物桟橋は、この二年の夏に建て直される。</p>"
    assert decode_html(japanese.encode("shift_jis"), "shift_jis") == japanese
    assert decode_html(japanese.encode(), "shift_jis") == japanese
    korean = "<p>벨마르 항구의 오래된 곡물 부두가 두 번의 여름 동안 재건된다.</p>"
    assert decode_html(korean.encode("euc-kr"), "euc-kr") == korean
    assert decode_html(korean.encode(), "euc-kr") == korean
    assert decode_html(b"<p>plain ASCII page</p>", "utf-16") == "<p>plain ASCII page</p>"


def test_clean_reads_a_utf8_page_that_declares_latin1(tmp_path):
    lead = LEAD_ES
    html = article("Harbour pier to be rebuilt", lead, P1, P2, P3).replace('<meta charset="utf-8">',
                                                                           '<meta charset="iso-8859-1">')
    (tmp_path / "page.html").write_bytes(html.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    done = clean(str(tmp_path / "page.html"), "-o", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    [record] = records_of(out)
    assert lead in record["text"] and "Ã" not in record["text"]


# ------------------------------------------------------------------ 14. texts that are not UTF-8

FRENCH = ("Le conseil municipal de Vellmar a voté jeudi soir la rénovation complète de la jetée aux grains, après "
          "que les ingénieurs ont constaté que les pieux en bois avaient pourri beaucoup plus vite que prévu.\n"
          "Les pêcheurs, qui utilisent la jetée depuis les années soixante, ont déclaré qu'ils étaient prévenus "
          "depuis des années et se sont félicités de la décision, même si plusieurs se demandent où ils "
          "débarqueront leur pêche pendant les travaux.\n"
          "Le comité des transports publiera le mois prochain un calendrier détaillé ; une plate-forme flottante "
          "provisoire devrait ouvrir à l'extrémité sud du port avant le début de la démolition, prévu en avril.")
RUSSIAN = ("Портовое управление Вельмара во вторник подтвердило, что старый зерновой причал будет перестроен в "
           "течение двух следующих лет.\n"
           "Местные рыбаки, которые пользуются причалом с шестидесятых годов, сказали, что о повреждениях их "
           "предупреждали много лет, и приветствовали это решение.\n"
           "Комитет по транспорту опубликует подробный график в следующем месяце, а временная плавучая платформа "
           "откроется в южной части гавани до начала сноса.")


def test_seed_texts_in_a_legacy_encoding_are_decoded_not_dropped(tmp_path):
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "001_fr.txt").write_bytes(FRENCH.encode("cp1252"))
    (dump / "002_ru.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (dump / "003_utf16.txt").write_bytes(FRENCH.encode("utf-16"))
    (dump / "004_utf8.txt").write_bytes(RUSSIAN.encode("utf-8-sig"))
    out = tmp_path / "out.jsonl"
    done = clean(str(dump), "-o", str(out))
    assert [r["text"] for r in records_of(out)] == [FRENCH, RUSSIAN, FRENCH, RUSSIAN], done.stderr[-3000:]
    assert done.returncode == 0, done.stderr[-3000:]


def test_only_bytes_nothing_reads_are_a_decode_error(tmp_path):
    import random

    rng = random.Random(5)
    noise = bytes(rng.randrange(256) for _ in range(3000))
    (tmp_path / "noise.txt").write_bytes(noise)
    out = tmp_path / "out.jsonl"
    done = clean(str(tmp_path / "noise.txt"), "--format", "text", "-o", str(out))
    assert [e["error"] for e in errors_of(out)] == ["decode"], done.stderr[-3000:]


# ------------------------------------------------------------------ 15. texts that are no articles

ROBOTS = """# robots.txt for the Vellmar Gazette
User-agent: *
Disallow: /private/
Disallow: /search
Disallow: /tag/
Allow: /news/
Crawl-delay: 10

User-agent: ExampleBot
Disallow: /

Sitemap: https://gazette.example/sitemap.xml"""
LICENCE = """VELLMAR HARBOUR SOFTWARE LICENCE, version 2

Copyright 2025 the Vellmar Harbour Software group

Anyone who receives a copy of these programs and their manuals may use,
copy, change and hand them on, for any purpose and without paying a fee,
provided that this notice and the licence text below travel with every
copy, and that changed copies say plainly what was changed and by whom.

The programs come as they are, with no promise of any kind that they work
or suit a purpose. The authors answer for no loss or damage that comes
from using them, from being unable to use them, or from anything else to
do with them, however it is caused and whatever the claim rests on.

Questions about this licence go to the harbour office, which keeps the
list of everyone who has taken part in writing the programs."""


def test_texts_that_are_no_articles_are_error_records_and_articles_still_pass(tmp_path):
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "a_hello.txt").write_text("hello", "utf-8")
    (dump / "b_robots.txt").write_text(ROBOTS, "utf-8")
    (dump / "c_LICENSE").write_text(LICENCE, "utf-8")
    (dump / "d_story.txt").write_text("\n".join((P1, P2, P3, P4)), "utf-8")
    (dump / "e_short.txt").write_text("The harbour pier in Vellmar will be rebuilt over the next two summers.",
                                      "utf-8")
    out = tmp_path / "out.jsonl"
    done = clean(str(dump), "-o", str(out))
    assert done.returncode == 3, done.stderr[-3000:]
    assert [Path(r["path"]).name for r in records_of(out)] == ["d_story.txt", "e_short.txt"]
    assert [(Path(e["path"]).name, e["error"]) for e in errors_of(out)] == [
        ("a_hello.txt", "no_text"), ("b_robots.txt", "not_article"), ("c_LICENSE", "not_article")]


def test_the_real_seed_documents_still_give_records(seeds_dir, tmp_path):
    out = tmp_path / "out.jsonl"
    done = clean(str(seeds_dir), "-o", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    names = sorted(Path(r["path"]).name for r in records_of(out))
    seeds = sorted(p.name for p in seeds_dir.glob("[0-9]*_*.txt"))
    assert seeds and names == sorted(seeds * 2)  # each seed, and its expected body under expected/
