"""`cleanwire clean` as a dump tool, end to end: the real CLI in a subprocess on hostile folders,
WARC files, stdin, shards, time limits, size limits and sidecar URLs; then `cleanwire export`.

All article text here is invented for these tests.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, assert_valid_record

SUMMARY = re.compile(r"cleanwire clean: (\d+) documents in, (\d+) records out, (\d+) errors(?: \(([^)]*)\))?, "
                     r"(\d+) skipped")


# ---------------------------------------------------------------------------------------------
# running the CLI


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess:
    """Run `python -m cleaners.cli ARGS` (bytes in, text out) and fail on a hang."""
    proc = subprocess.run([sys.executable, "-m", "cleaners.cli", *args], input=input, capture_output=True,
                          cwd=cwd or ROOT, timeout=timeout, check=False)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8", "replace"))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def summary(stderr: str) -> dict:
    """The numbers of the summary line: documents in, records out, errors, kinds, skipped."""
    m = SUMMARY.search(stderr)
    assert m, f"no summary line on stderr:\n{stderr}"
    kinds = dict((k, int(n)) for k, n in (part.rsplit(" ", 1) for part in m[4].split(", "))) if m[4] else {}
    return {"in": int(m[1]), "out": int(m[2]), "errors": int(m[3]), "kinds": kinds, "skipped": int(m[5])}


def no_crash(run: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in run.stderr, run.stderr
    assert "Traceback" not in run.stdout


# ---------------------------------------------------------------------------------------------
# invented articles


def page(title: str, paragraphs: list[str], *, head: str = '<meta charset="utf-8">', lang: str = "en",
         canonical: str | None = None) -> str:
    """An ordinary news page: navigation, the article, a footer."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html>\n<html lang="{lang}"><head>{head}<title>{title}</title>{link}</head>\n'
            f'<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us</a></nav>\n'
            f"<article><h1>{title}</h1>\n{body}\n</article>\n"
            f"<footer><p>Contact the newsroom</p></footer></body></html>\n")


NIGHT_MARKET = (
    "Night market returns to the old tram depot",
    ["The weekly night market that outgrew the car park behind the railway station reopened on Friday inside the "
     "old tram depot on Canal Street, where forty stalls now sit beneath the restored iron roof that was hidden "
     "for decades behind plywood and pigeon netting.",
     "Traders said the move had been a long time coming. Rain closed the market on eleven Fridays last year, and "
     "several food stalls lost whole weekends of stock when power cables running across the wet tarmac had to be "
     "switched off for safety.",
     "The depot belongs to the city, which spent two years clearing asbestos from the building and repairing its "
     "brick walls before agreeing a five-year lease with the market's organisers at a rent linked to the number "
     "of stalls that trade each week.",
     "Visitors on the first night queued along the canal towpath for dumplings, grilled corn and hot cider, and a "
     "brass band from the secondary school played in the old inspection pit, which has been covered with a "
     "timber stage for the summer."],
)

SWIFTS = (
    "Volunteers count swifts nesting under the cathedral eaves",
    ["A team of twenty volunteers spent three evenings this week on folding chairs in the cathedral close, "
     "counting the swifts that dart in and out of the gaps under the lead roof, where the birds have nested "
     "every summer for at least as long as anyone in the parish can remember.",
     "The count found thirty-four active nests, six more than last year, which the group puts down to the "
     "nest boxes fitted behind the louvres of the bell tower during the repairs to the stonework that "
     "finished in the autumn.",
     "Swifts spend almost their whole lives on the wing and return to the same nest site each year after "
     "wintering in Africa, so the loss of old buildings with open eaves has hit them hard across the "
     "country, the organiser of the count explained.",
     "The volunteers hope to persuade the council to require swift bricks in the new houses planned on the "
     "edge of town, a measure that costs little when it is built into the walls from the start and that "
     "several nearby districts have already adopted."],
)

FENCES = (
    "Hill farmers trial solar-powered electric fences",
    ["Seven sheep farmers on the western hills have begun a year-long trial of portable electric fences "
     "powered by small solar panels, which let them move flocks between strips of upland pasture without "
     "carrying heavy batteries up the track every few days.",
     "The fences are moved by hand each morning, giving the grass behind the flock several weeks to recover "
     "before it is grazed again, an old practice that the farmers say had become too much work when every "
     "fence needed a charged battery.",
     "Early results from the first three months show the same number of sheep being kept on a smaller area, "
     "with less bare ground around the gateways and fewer lambs needing to be brought down to the valley "
     "fields in wet weather.",
     "The trial is paid for by the regional water company, which hopes that better grass cover on the hills "
     "will slow the run-off that carries soil into its reservoir every winter and forces it to clean the "
     "intake screens twice as often as it used to."],
)

LANDSLIP = (
    "Coastal path reopens after landslip repairs",
    ["The stretch of coastal path between the lighthouse and the fishing cove reopened to walkers on Saturday, "
     "eighteen months after a landslip carried away a section of the cliff top along with two benches and the "
     "old stone stile that marked the parish boundary.",
     "Engineers have moved the path twenty metres inland, across a field that the farmer agreed to sell after "
     "long talks with the national park, and built a timber boardwalk over the boggy ground where a spring "
     "rises close to the new route.",
     "Walkers on the first weekend said the views were as good as before, though some missed the steep steps "
     "down to the cove, which remain closed while geologists check whether the rock face above them is still "
     "moving after the wet winter.",
     "The park authority said it would keep watching the cliff with a laser scanner every three months and "
     "warned that further sections of the path may have to move inland in the coming years as the sea "
     "continues to eat into the soft clay."],
)

CLOCK = (
    "Town clock rings again after ninety years of silence",
    ["The clock on the old corn exchange struck noon on Wednesday for the first time in ninety years, after a "
     "retired watchmaker and two apprentices from the technical college spent most of the winter rebuilding "
     "its rusted mechanism in a borrowed workshop behind the fire station.",
     "The bell had been silent since the nineteen thirties, when neighbours complained about the noise at "
     "night and the council of the day simply removed the hammer, which was found last year in a box of "
     "scrap metal in the museum's basement.",
     "Restoring the movement meant making three new brass wheels by hand and replacing the worn pivots, work "
     "that the watchmaker described as the most satisfying job of his fifty years in the trade and the most "
     "frustrating one as well.",
     "The clock will strike the hours between eight in the morning and eight in the evening only, a compromise "
     "reached after a survey of the flats that now occupy the upper floors of the building, whose residents "
     "asked for quiet nights."],
)

CAFE = (
    "Café on the quay wins award for its seafood chowder",
    ["The small café at the end of the harbour quay has won the regional food award for its seafood chowder, "
     "a recipe the owner says she learned from her grandmother and has changed only by adding a handful of "
     "smoked mussels from the farm across the bay.",
     "Judges visited unannounced on a wet Tuesday in February and found every table taken by fishermen, "
     "walkers and students from the marine station, which they said told them more about the food than any "
     "menu could have done.",
     "The café employs six people through the winter and twice as many in summer, when queues stretch along "
     "the quay wall and the owner's brother runs a hatch selling chowder in paper cups to people waiting for "
     "the island ferry.",
     "The award comes with a modest cash prize, which the owner plans to spend on a new stove and a proper "
     "roof over the outdoor tables, so that customers no longer have to eat with one hand holding an umbrella "
     "in the October gales."],
)

RUSSIAN = (
    "В Заречье после ремонта открылась городская библиотека",
    ["Городская библиотека в Заречье вновь открыла свои двери для читателей после почти годового ремонта. "
     "Здание, построенное в начале прошлого века, получило новую крышу, современное отопление и просторный "
     "читальный зал на втором этаже, где раньше хранились старые подшивки местной газеты и списанные учебники.",
     "По словам директора библиотеки Анны Сергеевны Ковалёвой, в первый же день к ним пришли более трёхсот "
     "человек. Многие из них принесли с собой книги, которые брали ещё до закрытия, и извинялись за опоздание, "
     "хотя штрафы за этот период было решено не начислять никому из постоянных читателей.",
     "Ремонт обошёлся областному бюджету примерно в сорок миллионов рублей. Часть средств пошла на оборудование "
     "детского отдела, где теперь есть отдельная комната для занятий с малышами, настольные игры и небольшая "
     "сцена для кукольного театра, который по субботам будут показывать студенты местного колледжа культуры.",
     "В ближайшие месяцы библиотека планирует запустить вечерние курсы компьютерной грамотности для пожилых "
     "жителей района, а также клуб любителей краеведения. Записаться на занятия можно по телефону или лично на "
     "абонементе, который работает ежедневно, кроме понедельника, с десяти утра до семи вечера."],
)

RUSSIAN_FERRY = (
    "На реке Светлой возобновила работу паромная переправа",
    ["Паромная переправа через реку Светлую, связывающая районный центр с тремя деревнями на левом берегу, "
     "снова начала работать после зимнего перерыва. Первый рейс в понедельник утром совершил обновлённый паром, "
     "на котором за зиму заменили двигатель, палубный настил и спасательное оборудование.",
     "Жители левого берега давно ждали открытия переправы: пока река стояла подо льдом, а потом шёл ледоход, "
     "им приходилось ездить в город в объезд через мост, что занимало больше часа в одну сторону. Особенно "
     "трудно было пожилым людям, которые ездят в районную поликлинику.",
     "Как сообщили в администрации района, паром будет ходить каждый час с шести утра до девяти вечера, а по "
     "выходным дням расписание продлят до полуночи. Стоимость проезда для пассажиров не изменилась, а для "
     "школьников и пенсионеров переправа по-прежнему остаётся бесплатной.",
     "В следующем году на переправе планируют построить новый причал с навесом и освещением, чтобы пассажиры "
     "не ждали паром под открытым небом. Проект уже прошёл экспертизу, а деньги на строительство выделены из "
     "областной программы развития сельских территорий."],
)

JAPANESE = (
    "駅前商店街に新しい図書室が開設",
    ["市の中心部にある駅前商店街で今月、空き店舗を改装した小さな図書室が開設された。地元の商店会と市立図書館が"
     "協力して運営するもので、買い物の合間に立ち寄って本を読んだり、子どもたちが放課後に宿題をしたりできる場所"
     "として期待されている。",
     "図書室には絵本や小説、料理や園芸の実用書などおよそ三千冊がそろい、その多くは市民から寄贈されたものだと"
     "いう。開設初日には近くの保育園の園児たちが訪れ、ボランティアによる読み聞かせに熱心に耳を傾けていた。",
     "商店会の会長を務める田中さんは、シャッターを下ろしたままの店が増えて通りがさびしくなっていたと話す。"
     "人が集まる場所ができれば、周りの店にも少しずつ活気が戻ってくるのではないかと、今後の利用者の広がりに"
     "期待を寄せている。",
     "図書室は火曜日から日曜日までの午前十時から午後六時まで開いており、利用は無料となっている。市は来年度"
     "以降、同様の取り組みを他の地区の商店街にも広げることを検討しており、運営に協力するボランティアを引き続き"
     "募集している。"],
)

TOWNS = ["Ashford Vale", "Brindle Cross", "Carrow Bay", "Dunmere", "Eastwick Hollow", "Fenby", "Glenharrow",
         "Holloway Green", "Inverleck", "Juniper Falls"]
PROJECTS = ["a covered bicycle shelter", "a new footbridge over the mill stream", "a community orchard",
            "a winter warming centre", "an outdoor swimming pool", "a repair café", "a skate park",
            "a seed library", "a tool-lending shed", "a riverside bird hide"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def story(n: int) -> tuple[str, list[str]]:
    """Invented local-news article number `n`: its own title and four paragraphs."""
    town, project = TOWNS[n % len(TOWNS)], PROJECTS[(n // len(TOWNS)) % len(PROJECTS)]
    yes, no = 7 + n % 5, 2 + n % 3
    cost = 12_000 + 750 * n
    return (
        f"{town} approves {project} (report {n})",
        [f"Councillors in {town} voted {yes} to {no} on {WEEKDAYS[n % 5]} evening to approve {project}, "
         f"ending a debate that had run through {3 + n % 4} public meetings and filled the small gallery of the "
         f"town hall with residents on both sides of the argument about story number {n}.",
         f"Supporters said the project, expected to cost about {cost} pounds, would give young families and "
         f"older residents a reason to spend time in the centre of {town}, where several shops have closed "
         f"since the bypass opened and the weekly market has shrunk to a handful of stalls.",
         f"Opponents had argued that the money would be better spent on repairing pavements and street lights, "
         f"and a petition against the plan collected {200 + 13 * n} signatures, most of them from streets on "
         f"the northern side of the railway line where the work will take place.",
         f"Work is due to begin in the spring and should take about {4 + n % 6} months. The council has promised "
         f"to publish the accounts of the project every quarter and to hold a further public meeting once the "
         f"contractor has been chosen, so that residents can see the final design."],
    )


def story_html(n: int, **kw) -> str:
    return page(*story(n), **kw)


def story_text(n: int) -> str:
    """The first paragraph of story `n`: a line its record's text must hold."""
    return story(n)[1][0]


# ---------------------------------------------------------------------------------------------
# 1. a hostile folder


def listing_page() -> str:
    items = "\n".join(
        f'<li><a href="/2026/03/{i}">{TOWNS[i % 10]} residents gather for meeting number {i}</a>'
        f"<p>Short teaser {i}.</p></li>" for i in range(30))
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Latest news | Valley Post</title>'
            f"</head><body><h1>Latest news</h1><ul>{items}</ul></body></html>")


def deep_page(depth: int = 10_000) -> str:
    title, paragraphs = CLOCK
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            + "<div>" * depth + inner + "</div>" * depth + "</body></html>")


def unclosed_page() -> str:
    title, paragraphs = LANDSLIP
    body = "".join(f"<p>{p}" for p in paragraphs)  # no </p>, </article>, </div>, </body>, </html>
    return (f'<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<body><div class="story"><div><h1>{title}</h1><article>{body}<footer><p>Contact the <b>newsroom')


HOSTILE_EXPECTED = {
    # file name -> "record" or the error kind
    "a_good.html": "record",
    "b_upper.HTML": "record",
    "c_empty.html": "empty",
    "d_image.html": "binary",
    "e_truncated.html.gz": "corrupt",
    "f_good.html.gz": "record",
    "g_corrupt.warc": "corrupt",
    "h_cp1251_undeclared.html": "record",
    "i_sjis_meta.html": "record",
    "j_sjis_undeclared.html": "record",
    "k_utf16_bom.html": "record",
    "l_head_only.html": "no_text",
    "m_script_only.html": "no_text",
    "n_deep_nesting.html": "record",  # or a `corrupt` error: see the test
    "o_unclosed.html": "record",
    "p_listing.html": {"not_article", "no_text"},
    "q_boilerplate.txt": "no_text",
    "r_nul_bytes.txt": "binary",
    "s_invalid_utf8.txt": "record",  # not UTF-8: read as pages are (detection), not dropped
    "t_invalid_utf8.html": "record",
    "u_seed.txt": "record",
    "v_no_suffix": "record",
}


def write_hostile_folder(folder: Path) -> None:
    folder.mkdir()
    good = page(*NIGHT_MARKET).encode("utf-8")
    (folder / "a_good.html").write_bytes(good)
    (folder / "b_upper.HTML").write_text(page(*SWIFTS), "utf-8")
    (folder / "c_empty.html").write_bytes(b"")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    (folder / "d_image.html").write_bytes(png + bytes(range(256)) * 4)
    gz = gzip.compress(page(*CAFE).encode("utf-8"))
    (folder / "e_truncated.html.gz").write_bytes(gz[: len(gz) // 2])
    (folder / "f_good.html.gz").write_bytes(gzip.compress(page(*FENCES).encode("utf-8")))
    (folder / "g_corrupt.warc").write_bytes(b"WARC/1.0\r\n" + bytes(range(7, 250)) * 8 + b"\x00garbage\r\n\r\n" * 5)
    (folder / "h_cp1251_undeclared.html").write_bytes(page(*RUSSIAN, head="", lang="ru").encode("cp1251"))
    (folder / "i_sjis_meta.html").write_bytes(
        page(*JAPANESE, head='<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
             lang="ja").encode("shift_jis"))
    (folder / "j_sjis_undeclared.html").write_bytes(page(*JAPANESE, head="", lang="ja").encode("shift_jis"))
    (folder / "k_utf16_bom.html").write_bytes(page(*SWIFTS, head="").replace("cathedral close", "minster close")
                                              .encode("utf-16"))  # Python's utf-16 writes a BOM
    (folder / "l_head_only.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>Nothing here yet</title>'
        '<meta name="description" content="A page with a head and nothing else"></head></html>', "utf-8")
    (folder / "m_script_only.html").write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>Loading</title></head><body>'
        '<script>window.__APP__ = {"articles": []}; document.write("Please enable JavaScript to read the news");'
        "</script><noscript></noscript></body></html>", "utf-8")
    (folder / "n_deep_nesting.html").write_text(deep_page(), "utf-8")
    (folder / "o_unclosed.html").write_text(unclosed_page(), "utf-8")
    (folder / "p_listing.html").write_text(listing_page(), "utf-8")
    (folder / "q_boilerplate.txt").write_text("Share this article\nFollow us on Telegram\n© 2026 Example", "utf-8")
    (folder / "r_nul_bytes.txt").write_bytes("\n".join(story(1)[1]).encode("utf-8").replace(b" the ", b" \x00 ", 3))
    (folder / "s_invalid_utf8.txt").write_bytes("\n".join(story(2)[1]).encode("utf-8") + b"\nBad \xff\xfe byte")
    cafe = page(*CAFE, head="").encode("utf-8")
    (folder / "t_invalid_utf8.html").write_bytes(cafe.replace(b"a handful", b"a \xff handful"))
    (folder / "u_seed.txt").write_text("\n".join(story(3)[1]), "utf-8")
    (folder / "v_no_suffix").write_text(story_html(4), "utf-8")
    (folder / "w_notes.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")  # not a page: skipped
    (folder / "a_good.html.url").write_text("https://market.example/news/night-market?utm_source=rss\n", "utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One `--jobs 2` run over the hostile folder: (run, records by file name, errors by file name, elapsed, out)."""
    tmp = tmp_path_factory.mktemp("hostile")
    dump = tmp / "dump"
    write_hostile_folder(dump)
    out = tmp / "out.jsonl"
    started = time.monotonic()
    run = run_cli("clean", str(dump), "-o", str(out), "--jobs", "2")
    elapsed = time.monotonic() - started
    errors_file = Path(f"{out}.errors.jsonl")
    records = read_jsonl(out) if out.exists() else []
    errors = read_jsonl(errors_file) if errors_file.exists() else []
    return run, records, errors, elapsed, out


def _outcomes(records: list[dict], errors: list[dict]) -> dict[str, list[str]]:
    got: dict[str, list[str]] = {}
    for r in records:
        got.setdefault(Path(r["path"]).name, []).append("record")
    for e in errors:
        got.setdefault(Path(e["path"] or "?").name, []).append(e["error"])
    return got


def test_hostile_run_finishes_without_a_traceback_and_exits_one(hostile):
    run, records, errors, elapsed, out = hostile
    no_crash(run)
    assert run.returncode == 3, run.stderr
    assert elapsed < 60
    assert records and errors
    counts = summary(run.stderr)
    assert counts["out"] == len(records) and counts["errors"] == len(errors)
    assert counts["in"] == len(records) + len(errors)
    assert counts["kinds"] == {k: sum(1 for e in errors if e["error"] == k) for k in {e["error"] for e in errors}}
    assert f"errors in {out}.errors.jsonl" in run.stderr


def test_hostile_every_record_validates_and_every_error_record_is_complete(hostile):
    _run, records, errors, _elapsed, _out = hostile
    for record in records:
        assert_valid_record(record)
    for error in errors:
        assert set(error) == {"path", "url", "error", "message"} and error["message"], error


def test_hostile_every_document_gives_exactly_one_outcome(hostile):
    run, records, errors, _elapsed, _out = hostile
    got = _outcomes(records, errors)
    missing = sorted(set(HOSTILE_EXPECTED) - set(got))
    doubled = {name: kinds for name, kinds in got.items() if len(kinds) != 1}
    assert not missing and not doubled, f"no outcome: {missing}; several: {doubled}"
    assert len(records) + len(errors) == len(HOSTILE_EXPECTED)
    assert summary(run.stderr)["in"] == len(HOSTILE_EXPECTED)
    assert summary(run.stderr)["skipped"] == 1  # w_notes.pdf; the .url sidecar is not a document


def test_hostile_outcome_per_file_is_the_right_one(hostile):
    _run, records, errors, _elapsed, _out = hostile
    got = {name: kinds[0] for name, kinds in _outcomes(records, errors).items()}
    deep = got.pop("n_deep_nesting.html", None)
    assert deep in ("record", "corrupt"), f"10,000-deep page: {deep}"  # `corrupt`: "nests too deeply"
    wrong = {name: (want, got.get(name)) for name, want in HOSTILE_EXPECTED.items() if name != "n_deep_nesting.html"
             and not (got.get(name) in want if isinstance(want, set) else got.get(name) == want)}
    assert not wrong, f"file: (expected, actual): {wrong}"
    # records and error records each come out in input (sorted file) order
    assert [Path(r["path"]).name for r in records] == sorted(Path(r["path"]).name for r in records)
    assert [Path(e["path"]).name for e in errors] == sorted(Path(e["path"]).name for e in errors)


def _record(hostile, name: str) -> dict:
    by_name = {Path(r["path"]).name: r for r in hostile[1]}
    assert name in by_name, f"{name} gave no record: {[e for e in hostile[2] if e['path'].endswith(name)]}"
    return by_name[name]


def test_hostile_good_pages_utf8_upper_case_gz_and_sidecar_url(hostile):
    good = _record(hostile, "a_good.html")
    assert good["url"] == "https://market.example/news/night-market"  # from the sidecar, canonicalised
    assert good["id"] == hashlib.sha256(good["url"].encode()).hexdigest()[:16]
    assert good["title"] == NIGHT_MARKET[0]
    assert good["language"] == "en"
    assert good["text"].split("\n") == NIGHT_MARKET[1]
    assert _record(hostile, "b_upper.HTML")["text"].split("\n") == SWIFTS[1]
    assert _record(hostile, "f_good.html.gz")["text"].split("\n") == FENCES[1]
    assert _record(hostile, "u_seed.txt")["text"].split("\n") == story(3)[1]
    no_suffix = _record(hostile, "v_no_suffix")
    assert no_suffix["text"].split("\n") == story(4)[1] and no_suffix["title"] == story(4)[0]


def test_hostile_undeclared_windows_1251_is_read_as_cyrillic(hostile):
    record = _record(hostile, "h_cp1251_undeclared.html")
    assert record["text"].split("\n") == RUSSIAN[1]
    assert record["title"] == RUSSIAN[0]
    assert record["language"] == "ru"


@pytest.mark.parametrize("name", ["i_sjis_meta.html", "j_sjis_undeclared.html"])
def test_hostile_shift_jis_is_read_as_japanese(hostile, name):
    record = _record(hostile, name)
    assert record["text"].split("\n") == JAPANESE[1]
    assert record["title"] == JAPANESE[0]


def test_hostile_utf16_with_bom(hostile):
    record = _record(hostile, "k_utf16_bom.html")
    assert record["text"].split("\n") == [p.replace("cathedral close", "minster close") for p in SWIFTS[1]]
    assert record["title"] == SWIFTS[0]


def test_hostile_stray_byte_in_utf8_page_without_charset_is_read_as_utf8(hostile):
    # one invalid byte in an otherwise UTF-8 page: the page is UTF-8; only that byte may be lost
    record = _record(hostile, "t_invalid_utf8.html")
    assert record["title"] == CAFE[0]
    assert record["text"].split("\n")[1:] == CAFE[1][1:]
    first = record["text"].split("\n")[0]
    assert first in (CAFE[1][0], CAFE[1][0].replace("a handful", "a \ufffd handful"),
                     CAFE[1][0].replace("a handful", "a  handful"))


def test_hostile_unclosed_tags_still_give_the_article(hostile):
    record = _record(hostile, "o_unclosed.html")
    assert record["text"].split("\n") == LANDSLIP[1]
    assert record["title"] == LANDSLIP[0]


def test_hostile_deeply_nested_page_keeps_its_paragraphs(hostile):
    got = _outcomes(hostile[1], hostile[2]).get("n_deep_nesting.html")
    if got == ["corrupt"]:
        return  # an accepted outcome: "the page nests too deeply to read"
    record = _record(hostile, "n_deep_nesting.html")
    assert record["text"].split("\n") == CLOCK[1]  # one paragraph a line, as in any other page
    assert record["title"] == CLOCK[0]


def test_hostile_text_that_is_not_utf8_is_decoded_not_dropped(hostile):
    assert _record(hostile, "s_invalid_utf8.txt")["text"].split("\n")[:4] == story(2)[1]


def test_hostile_error_messages_say_why(hostile):
    errors = {Path(e["path"]).name: e for e in hostile[2]}
    assert "gzip" in errors["e_truncated.html.gz"]["message"]
    assert "binary" in errors["d_image.html"]["message"]
    assert "WARC" in errors.get("g_corrupt.warc", {}).get("message", ""), "g_corrupt.warc gave no error record"


# ---------------------------------------------------------------------------------------------
# 2. WARC


def warc_date(n: int) -> str:
    return f"2026-03-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:07Z"


def story_uri(n: int) -> str:
    """The crawl's URL for story `n`; every fifth has tracking, a fragment or an upper-case host."""
    base = f"https://news.example/2026/03/story-{n}"
    return {0: base, 1: base + "?utm_source=feed&utm_medium=rss", 2: base + "#comments",
            3: f"https://NEWS.Example:443/2026/03/story-{n}", 4: base + "?page=1&fbclid=abc"}[n % 5]


def canonical_story_uri(n: int) -> str:
    base = f"https://news.example/2026/03/story-{n}"
    return base + "?page=1" if n % 5 == 4 else base


def write_warc(path: Path, items: list[tuple], *, gz: bool) -> None:
    """items: ("html", uri, body_bytes, content_type, date) | ("request", uri) | ("other", uri, body, ctype)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for item in items:
            if item[0] == "request":
                headers = StatusAndHeaders(f"GET {item[1].split('news.example', 1)[-1]} HTTP/1.1",
                                           [("Host", "news.example"), ("User-Agent", "test-crawler/1.0")],
                                           is_http_request=True)
                record = writer.create_warc_record(item[1], "request", payload=io.BytesIO(b""), http_headers=headers)
            else:
                kind, uri, body, ctype, *date = item
                headers = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                           protocol="HTTP/1.1")
                record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                                   http_headers=headers,
                                                   warc_headers_dict={"WARC-Date": date[0]} if date else None)
            writer.write_record(record)


# a crawl order that is not the story numbering
WARC_ORDER = [(n * 37) % 100 for n in range(100)]


def test_warc_gz_gives_one_outcome_per_html_response_in_warc_order(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    items: list[tuple] = []
    for i, n in enumerate(WARC_ORDER):
        if i % 10 == 0:
            items.append(("request", story_uri(n)))
        items.append(("html", story_uri(n), story_html(n).encode("utf-8"), "text/html; charset=utf-8", warc_date(n)))
        if i % 10 == 5:
            items.append(("other", f"https://news.example/img/{n}.png", png, "image/png"))
    assert sum(1 for it in items if it[0] != "html") == 20
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, items, gz=True)
    out = tmp_path / "records.jsonl"

    run = run_cli("clean", str(warc), "-o", str(out), "--jobs", "2")

    no_crash(run)
    errors_file = Path(f"{out}.errors.jsonl")
    errors = read_jsonl(errors_file) if errors_file.exists() else []
    records = read_jsonl(out)
    assert len(records) + len(errors) == 100
    assert errors == [], errors
    assert run.returncode == 0, run.stderr
    counts = summary(run.stderr)
    assert (counts["in"], counts["out"], counts["errors"], counts["skipped"]) == (100, 100, 0, 20)
    assert "warc request record 10" in run.stderr and "warc non-HTML response 10" in run.stderr
    assert [r["url"] for r in records] == [canonical_story_uri(n) for n in WARC_ORDER]
    for record, n in zip(records, WARC_ORDER, strict=True):
        assert_valid_record(record)
        assert record["fetched_at"] == warc_date(n)
        assert record["path"] == str(warc)
        assert record["site"] == "news.example"
        assert record["id"] == hashlib.sha256(record["url"].encode()).hexdigest()[:16]
        assert record["text"].split("\n") == story(n)[1], n
    assert len({r["id"] for r in records}) == 100


def test_plain_warc_with_json_response_and_declared_charset(tmp_path):
    russian = page(*RUSSIAN_FERRY, head="", lang="ru").encode("cp1251")
    items = [
        ("request", "https://news.example/ru/ferry"),
        ("html", "https://news.example/ru/ferry", russian, "text/html; charset=windows-1251", "2026-04-02T08:30:00Z"),
        ("other", "https://news.example/api/latest.json", b'{"items": []}', "application/json"),
        ("html", story_uri(7), story_html(7).encode("utf-8"), "text/html", warc_date(7)),
    ]
    warc = tmp_path / "small.warc"
    write_warc(warc, items, gz=False)
    assert warc.read_bytes().startswith(b"WARC/1.")

    run = run_cli("clean", str(warc))

    no_crash(run)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["url"] for r in records] == ["https://news.example/ru/ferry", canonical_story_uri(7)]
    ferry = records[0]
    assert_valid_record(ferry)
    assert ferry["text"].split("\n") == RUSSIAN_FERRY[1]
    assert ferry["title"] == RUSSIAN_FERRY[0]
    assert ferry["fetched_at"] == "2026-04-02T08:30:00Z"
    assert records[1]["text"].split("\n") == story(7)[1]
    counts = summary(run.stderr)
    assert (counts["in"], counts["out"], counts["skipped"]) == (2, 2, 2)


# ---------------------------------------------------------------------------------------------
# 3. time limit


def test_tiny_timeout_makes_timeout_errors_and_the_run_finishes(tmp_path):
    for n in (10, 11):
        (tmp_path / f"story{n}.html").write_text(story_html(n), "utf-8")
    out = tmp_path / "out" / "records.jsonl"

    started = time.monotonic()
    run = run_cli("clean", str(tmp_path / "story10.html"), str(tmp_path / "story11.html"), "-o", str(out),
                  "--timeout", "0.001", "--jobs", "2")

    no_crash(run)
    assert time.monotonic() - started < 30
    assert run.returncode == 3, run.stderr
    assert out.read_text("utf-8") == ""
    errors = read_jsonl(Path(f"{out}.errors.jsonl"))
    assert [(Path(e["path"]).name, e["error"]) for e in errors] == [("story10.html", "timeout"),
                                                                    ("story11.html", "timeout")]
    assert all("--timeout" in e["message"] for e in errors)
    counts = summary(run.stderr)
    assert (counts["in"], counts["out"], counts["errors"], counts["kinds"]) == (2, 0, 2, {"timeout": 2})


# ---------------------------------------------------------------------------------------------
# 4. output modes


def test_shards_of_two_and_errors_file_only_when_there_are_errors(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(5):
        (pages / f"p{n}.html").write_text(story_html(20 + n), "utf-8")
    shards = tmp_path / "shards"

    run = run_cli("clean", str(pages), "-o", f"{shards}/", "--shard-size", "2", "--jobs", "2")

    no_crash(run)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in shards.iterdir()) == ["manifest.json", "part-00000.jsonl", "part-00001.jsonl",
                                                         "part-00002.jsonl"]
    parts = [read_jsonl(shards / f"part-0000{i}.jsonl") for i in range(3)]
    assert [len(p) for p in parts] == [2, 2, 1]
    assert [Path(r["path"]).name for part in parts for r in part] == [f"p{n}.html" for n in range(5)]
    assert [r["text"].split("\n")[0] for part in parts for r in part] == [story_text(20 + n) for n in range(5)]
    assert "3 shard(s)" in run.stderr

    (pages / "p5_empty.html").write_bytes(b"")
    shards2 = tmp_path / "shards2"
    run = run_cli("clean", str(pages), "-o", f"{shards2}/", "--shard-size", "2", "--jobs", "2")
    no_crash(run)
    assert run.returncode == 3, run.stderr
    assert sorted(p.name for p in shards2.iterdir()) == ["errors.jsonl", "manifest.json", "part-00000.jsonl",
                                                         "part-00001.jsonl", "part-00002.jsonl"]
    (error,) = read_jsonl(shards2 / "errors.jsonl")
    assert (Path(error["path"]).name, error["error"]) == ("p5_empty.html", "empty")


def test_output_file_is_atomic_and_leaves_no_part_files(tmp_path):
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"s{n}.html").write_text(story_html(30 + n), "utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "all.jsonl"
    out.write_text('{"stale": true}\n', "utf-8")

    run = run_cli("clean", str(tmp_path / "in"), "-o", str(out), "--jobs", "2")

    no_crash(run)
    assert run.returncode == 0, run.stderr
    assert [p.name for p in out_dir.iterdir()] == ["all.jsonl"]  # no .part, no errors file
    assert not list(tmp_path.rglob("*.part"))
    records = read_jsonl(out)
    assert [r["text"].split("\n")[0] for r in records] == [story_text(30 + n) for n in range(3)]
    assert out.read_text("utf-8").endswith("}\n")


def test_stdin_dash_reads_one_page(tmp_path):
    run = run_cli("clean", "-", input=page(*SWIFTS, canonical="https://birds.example/swifts?utm_campaign=x")
                  .encode("utf-8"), cwd=tmp_path)

    no_crash(run)
    assert run.returncode == 0, run.stderr
    (record,) = [json.loads(line) for line in run.stdout.splitlines()]
    assert_valid_record(record)
    assert record["text"].split("\n") == SWIFTS[1]
    assert record["url"] == "https://birds.example/swifts"
    assert record["path"] in ("<stdin>", None)
    assert not list(tmp_path.glob("cleanwire*errors.jsonl"))


def test_stdin_gzip_page(tmp_path):
    run = run_cli("clean", "-", input=gzip.compress(page(*FENCES).encode("utf-8")), cwd=tmp_path)
    no_crash(run)
    assert run.returncode == 0, run.stderr
    (record,) = [json.loads(line) for line in run.stdout.splitlines()]
    assert record["text"].split("\n") == FENCES[1]


def test_records_stream_in_input_order_with_two_jobs(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(12):
        html = story_html(40 + n)
        if n % 4 == 0:  # slow ones among quick ones, so the workers finish out of order
            html = html.replace("</article>", "<aside>" + "<p>Related link text</p>" * 3000 + "</aside></article>")
        (pages / f"doc-{n:02d}.html").write_text(html, "utf-8")

    run = run_cli("clean", str(pages), "--jobs", "2", cwd=tmp_path)

    no_crash(run)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [Path(r["path"]).name for r in records] == sorted(p.name for p in pages.iterdir())
    assert [r["text"].split("\n")[0] for r in records] == [story_text(40 + n) for n in range(12)]


# ---------------------------------------------------------------------------------------------
# 5. size limit


def test_max_bytes_makes_larger_documents_too_large(tmp_path):
    big = tmp_path / "a_big.html"
    big.write_text(story_html(50), "utf-8")
    bomb = tmp_path / "b_big.html.gz"
    bomb.write_bytes(gzip.compress(story_html(51).encode("utf-8")))
    assert bomb.stat().st_size < 1000 < big.stat().st_size
    small = tmp_path / "c_small.txt"
    small.write_text("The bakery on Mill Lane will open an hour earlier from Monday for shift workers.\n"
                     "The owner said the first loaves come out of the oven at five each morning.", "utf-8")
    out = tmp_path / "out.jsonl"

    run = run_cli("clean", str(big), str(bomb), str(small), "-o", str(out), "--max-bytes", "1000")

    no_crash(run)
    assert run.returncode == 3, run.stderr
    errors = read_jsonl(Path(f"{out}.errors.jsonl"))
    assert [(Path(e["path"]).name, e["error"]) for e in errors] == [("a_big.html", "too_large"),
                                                                    ("b_big.html.gz", "too_large")]
    assert all("1000" in e["message"] for e in errors)
    (record,) = read_jsonl(out)
    assert record["path"] == str(small)
    assert record["text"].startswith("The bakery on Mill Lane")


# ---------------------------------------------------------------------------------------------
# 6. sidecar URL, --format, content sniffing


def test_sidecar_url_file_gives_the_record_url(tmp_path):
    target = tmp_path / "page.html"
    target.write_text(page(*CLOCK, canonical="https://wrong.example/not-this-one"), "utf-8")
    (tmp_path / "page.html.url").write_text("https://clocks.example/2026/05/corn-exchange-clock\n", "utf-8")

    run = run_cli("clean", str(target))

    no_crash(run)
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert record["url"] == "https://clocks.example/2026/05/corn-exchange-clock"
    assert record["site"] == "clocks.example"
    assert record["id"] == hashlib.sha256(record["url"].encode()).hexdigest()[:16]

    # in a folder the sidecar is not a document of its own
    run = run_cli("clean", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert [json.loads(line)["url"] for line in run.stdout.splitlines()] == [record["url"]]
    assert summary(run.stderr)["in"] == 1


def test_format_text_reads_an_html_file_as_text(tmp_path):
    target = tmp_path / "page.html"
    target.write_text(story_html(60), "utf-8")

    as_html = json.loads(run_cli("clean", str(target)).stdout)
    run = run_cli("clean", str(target), "--format", "text")

    no_crash(run)
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert_valid_record(record)
    assert "<p>" in record["text"] and "<!doctype html>" in record["text"]
    assert f"<p>{story_text(60)}</p>" in record["text"].split("\n")
    assert "<" not in as_html["text"]


def test_page_saved_as_txt_is_read_as_html(tmp_path):
    target = tmp_path / "saved-page.txt"
    target.write_text(page(*NIGHT_MARKET), "utf-8")

    run = run_cli("clean", str(target))

    no_crash(run)
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert_valid_record(record)
    assert record["text"].split("\n") == NIGHT_MARKET[1]
    assert record["title"] == NIGHT_MARKET[0]
    assert not re.search(r"</?[a-z!]", record["text"])


# ---------------------------------------------------------------------------------------------
# 7. usage errors


@pytest.mark.parametrize("args", [
    ["clean", "{tmp}/missing.html"],
    ["clean", "{tmp}/exists.html", "{tmp}/missing-too.html"],
    ["clean", "{tmp}/exists.html", "--jobs", "0"],
    ["clean", "{tmp}/exists.html", "--timeout", "0"],
    ["clean", "{tmp}/exists.html", "--max-bytes", "-5"],
    ["clean", "{tmp}/exists.html", "--format", "pdf"],
])
def test_usage_errors_exit_two(tmp_path, args):
    (tmp_path / "exists.html").write_text(story_html(70), "utf-8")
    run = run_cli(*(a.format(tmp=tmp_path) for a in args), cwd=tmp_path)
    no_crash(run)
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""
    assert run.stderr.strip()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exists.html"]  # nothing written


# ---------------------------------------------------------------------------------------------
# 8. export


def test_export_writes_numbered_seed_files_equal_to_record_text(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(page(*NIGHT_MARKET), "utf-8")
    (pages / "b.html").write_bytes(page(*RUSSIAN, head="", lang="ru").encode("cp1251"))
    (pages / "c.html").write_text(story_html(80), "utf-8")
    out = tmp_path / "out.jsonl"
    run = run_cli("clean", str(pages), "-o", str(out))
    assert run.returncode == 0, run.stderr
    records = read_jsonl(out)
    assert len(records) == 3

    texts = tmp_path / "texts"
    run = run_cli("export", str(out), "--txt", str(texts))

    no_crash(run)
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in texts.iterdir())
    assert names == [f"{i:03d}_{r['id']}.txt" for i, r in enumerate(records)]
    assert all(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", name) for name in names)
    for name, record in zip(names, records, strict=True):
        data = (texts / name).read_bytes()
        assert data == record["text"].encode("utf-8")
        assert not data.endswith(b"\n")
    assert (texts / names[1]).read_text("utf-8").split("\n") == RUSSIAN[1]
    assert "3 files written" in run.stderr
