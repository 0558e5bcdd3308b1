"""`cleanwire dedup`: exact and near duplicates, the persistent index, --keep-dups, bad lines.

The articles are invented here: 24 distinct news items (9 paragraphs, 220-250 words) made
from a pool of sentence templates with different places, people, figures and topics, so distinct
articles share wording the way wire copy does; then planted duplicates of some of them."""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import subprocess
import sys

import pytest

from cleaners import dedup

PLACES = ["Arvenholm", "Bridgeport Vale", "Castellan Bay", "Dunmere", "Eskerby", "Fallowmarsh", "Glenwick",
          "Harrowgate Flats", "Isenford", "Juniper Crossing", "Kestrel Point", "Lowmoor", "Marrowdale",
          "Northcliff", "Oakhaven", "Pellham Ridge", "Quarry End", "Redwater", "Saltmere", "Thornby",
          "Upton Sands", "Vellmoor", "Westerhold", "Yarrowfield"]
PEOPLE = ["Maria Okonkwo", "Tomas Lindqvist", "Aiko Tanaka", "Rahul Desai", "Elena Petrova", "Samuel Adeyemi",
          "Claire Dubois", "Jonas Weber", "Fatima Haddad", "Lucas Moreau", "Ingrid Solberg", "Kwame Mensah",
          "Yuki Sato", "Omar Farouk", "Greta Nilsson", "Pablo Herrera", "Nadia Rahman", "Viktor Horvat",
          "Amara Nwosu", "Henrik Berg", "Leila Karimi", "Diego Alvarez", "Sofia Rossi", "Chen Wei"]
TOPICS = [("bridge", "the old river bridge", "repair crews"), ("school", "a new secondary school", "teachers"),
          ("harbour", "the fishing harbour", "dock workers"), ("library", "the public library", "volunteers"),
          ("flood", "the spring floods", "rescue teams"), ("festival", "the summer music festival", "organisers"),
          ("hospital", "the district hospital", "nurses"), ("railway", "the branch railway line", "engineers"),
          ("market", "the covered market", "stallholders"), ("wind farm", "an offshore wind farm", "technicians"),
          ("museum", "the maritime museum", "curators"), ("orchard", "the apple orchards", "growers"),
          ("airport", "the regional airport", "air traffic staff"), ("dam", "the reservoir dam", "inspectors"),
          ("stadium", "the football stadium", "groundskeepers"), ("forest", "the state forest", "rangers"),
          ("tram", "the city tram network", "drivers"), ("vineyard", "the hillside vineyards", "pickers"),
          ("clinic", "a rural health clinic", "doctors"), ("ferry", "the island ferry service", "crew members"),
          ("bakery", "the cooperative bakery", "bakers"), ("observatory", "the mountain observatory", "astronomers"),
          ("canal", "the industrial canal", "lock keepers"), ("zoo", "the city zoo", "keepers")]
SENTENCES = [
    "Officials in {place} said on {day} that work on {thing} would cost about {num} million.",
    "{person}, who has lived in {place} for {small} years, described the mood as cautious but hopeful.",
    "According to the council, {workers} have put in {num} hours of overtime since the start of the month.",
    "The plan for {thing} was first proposed in {year} and has been revised {small} times since.",
    "Local shops near {thing} reported that takings fell by {small} percent during the disruption.",
    "{person} told reporters that nobody had expected the {topic} to draw so much attention.",
    "A spokesperson for the regional authority declined to comment on the delays in {place}.",
    "Residents queued from early morning, and some brought flasks of tea and folding chairs.",
    "The weather forecast for {day} promises rain over the hills east of {place}.",
    "Critics argue that the money spent on the {topic} should have gone to housing instead.",
    "In a statement, {workers} said they were proud of what they had achieved under pressure.",
    "A survey of {num} households found that most people support the changes to {thing}.",
    "{person} pointed to a faded photograph from {year} showing {thing} in better days.",
    "Traffic on the main road into {place} was diverted for {small} hours on {day}.",
    "The mayor promised a public meeting in the town hall to answer questions about the {topic}.",
    "Children from a nearby primary school painted a mural celebrating {thing}.",
    "Insurance assessors are expected to visit {place} before the end of the week.",
    "Some of the {workers} travelled more than {small} kilometres each day to reach the site.",
    "Historians note that {place} grew up around {thing} in the nineteenth century.",
    "Funding of {num} thousand euros came from a lottery grant awarded in {year}.",
    "{person} said the next phase would begin once the ground had dried out.",
    "Volunteers handed out leaflets explaining how to apply for compensation.",
    "An independent review published on {day} praised the safety record of the {workers}.",
    "Nobody was injured, although {small} people were treated for minor cuts and bruises.",
    "The opposition group in {place} has called for an inquiry into how contracts were awarded.",
    "Television crews arrived in the afternoon and filmed the {workers} at work on {thing}.",
    "Bus operators added {small} extra services to cope with the number of visitors.",
    "{person} expects the {topic} to be fully open again by the spring of {year2}.",
    "Engineers found cracks that had gone unnoticed for at least {small} years.",
    "A small exhibition about the history of the {topic} opens at the town library next month.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FOOTER = "Copyright Meridian Wire Service. All rights reserved."
FOOTER_CHANGED = "Additional reporting by the Meridian regional desk; corrections welcome."


def make_article(n: int) -> list[str]:
    """Paragraphs of distinct article number `n`: a a lead, 7 body paragraphs of 2 sentences, a footer."""
    rng = random.Random(n)
    topic, thing, workers = TOPICS[n % 24] if n < 24 else TOPICS[(n * 5) % 24]
    place = PLACES[n] if n < 24 else f"{PLACES[(n * 7) % 24]} Heights"  # articles of a later crawl
    person = PEOPLE[n] if n < 24 else PEOPLE[(n * 11) % 24]
    slots = dict(place=place, person=person, topic=topic, thing=thing, workers=workers, day=DAYS[n % 7])
    order = rng.sample(SENTENCES, 14)
    paragraphs = [f"{place.upper()}: {person} spoke about {thing} as the {topic} project reached a turning point."]
    for i in range(0, 14, 2):
        fills = lambda: dict(slots, num=rng.randint(12, 950), small=rng.randint(2, 19),  # noqa: E731
                             year=rng.randint(1961, 2015), year2=rng.randint(2026, 2031))
        paragraphs.append(" ".join(s.format(**fills()) for s in order[i:i + 2]))
    paragraphs.append(FOOTER)
    return paragraphs


def rid(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:16]


def record(url: str, paragraphs: list[str] | str) -> dict:
    text = paragraphs if isinstance(paragraphs, str) else "\n".join(paragraphs)
    return {"id": rid(url), "url": url, "title": None, "text": text}


def first_run() -> tuple[list[dict], dict[str, tuple[str, str]]]:
    """24 distinct articles, then planted duplicates: {duplicate id: (original id, kind)}."""
    arts = [make_article(n) for n in range(24)]
    recs = [record(f"https://news.example/{n}", arts[n]) for n in range(24)]
    planted: dict[str, tuple[str, str]] = {}

    def plant(url: str, n: int, paragraphs, kind: str) -> None:
        r = record(url, paragraphs)
        recs.append(r)
        planted[r["id"]] = (recs[n]["id"], kind)

    for n in (0, 1, 2):  # exact copies under another URL
        plant(f"https://mirror.example/copy/{n}", n, arts[n], "exact")
    # the same text with other whitespace: doubled spaces, tabs, lines joined, trailing blanks
    plant("https://mirror.example/ws/3", 3, "  " + "\n\n".join(p.replace(" ", "  ") for p in arts[3]) + " \n", "exact")
    plant("https://mirror.example/ws/4", 4, " ".join(arts[4]).replace(". ", ".\t"), "exact")
    plant("https://mirror.example/case/5", 5, [p.upper() for p in arts[5]], "exact")
    for n in (6, 7):  # another footer line
        plant(f"https://mirror.example/footer/{n}", n, arts[n][:-1] + [FOOTER_CHANGED], "near")
    for n in (8, 9):  # a one-word typo
        words = arts[n][3].split(" ")
        words[4] = words[4][:-1] + "x" + words[4][-1:]
        plant(f"https://mirror.example/typo/{n}", n, arts[n][:3] + [" ".join(words)] + arts[n][4:], "near")
    for n in (10, 11):  # one body paragraph dropped
        plant(f"https://mirror.example/cut/{n}", n, arts[n][:5] + arts[n][6:], "near")
    return recs, planted


def write_jsonl(path, recs, extra_lines=()) -> None:
    lines = [json.dumps(r) for r in recs] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "cleaners.cli", "dedup", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def true_jaccard(a: str, b: str) -> float:
    x, y = dedup.shingles(a), dedup.shingles(b)
    return len(x & y) / len(x | y)


def test_the_test_articles_are_distinct_and_the_planted_pairs_near():
    recs, planted = first_run()
    distinct = recs[:24]
    assert all(200 <= len(r["text"].split()) <= 260 for r in distinct)
    worst = max(true_jaccard(a["text"], b["text"]) for a, b in itertools.combinations(distinct, 2))
    assert worst < 0.2  # template wording shared, yet far below 0.8
    by_id = {r["id"]: r for r in recs}
    for dup, (orig, kind) in planted.items():
        if kind == "near":
            assert 0.8 < true_jaccard(by_id[dup]["text"], by_id[orig]["text"]) < 1.0


def test_library_normalization_and_find_duplicates():
    assert dedup.normalize("  A\tb\n\nC  ") == "a b c"
    assert dedup.exact_hash("One, two.\nThree") == dedup.exact_hash("one,  two. three ")
    assert dedup.exact_hash("one, two") != dedup.exact_hash("one two")  # punctuation counts
    assert dedup.minhash("too short to compare " * 5) is None  # 20 words: exact check only
    recs, planted = first_run()
    found = dedup.find_duplicates((r["id"], r["text"]) for r in recs)
    assert {k: (m.of, m.kind) for k, m in found.items()} == planted
    assert all(m.similarity >= 0.8 for m in found.values())
    # a stricter threshold leaves the dropped paragraph out (true Jaccard 0.84)
    strict = dedup.find_duplicates(((r["id"], r["text"]) for r in recs), threshold=0.95)
    assert set(strict) < set(planted) and all(m.similarity >= 0.95 for m in strict.values())


def test_short_texts_get_only_the_exact_check():
    short = "The council met on Tuesday and approved the budget for the harbour repairs without debate."
    found = dedup.find_duplicates([("a" * 16, short), ("b" * 16, short + " "), ("c" * 16, short + " Again.")])
    assert {k: m.kind for k, m in found.items()} == {"b" * 16: "exact"}


def test_cli_drops_all_planted_duplicates_and_no_distinct_article(tmp_path):
    recs, planted = first_run()
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, recs)
    done = run_cli(src, "-o", out, "--index", tmp_path / "idx")
    assert done.returncode == 0, done.stderr
    kept = read_jsonl(out)
    assert [r["id"] for r in kept] == [r["id"] for r in recs[:24]]
    assert kept[0] == recs[0]  # records are copied as they are
    n_exact = sum(kind == "exact" for _, kind in planted.values())
    assert (f"cleanwire dedup: {len(recs)} records in, 24 kept, {n_exact} exact duplicates, "
            f"{len(planted) - n_exact} near duplicates (against 0 records in the index) -> {out}") in done.stderr
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()


def test_cli_keep_dups_marks_them(tmp_path):
    recs, planted = first_run()
    src, out = tmp_path / "in.jsonl", tmp_path / "audit.jsonl"
    write_jsonl(src, recs)
    done = run_cli(src, "-o", out, "--keep-dups")
    assert done.returncode == 0, done.stderr
    got = read_jsonl(out)
    assert len(got) == len(recs)
    marks = {r["id"]: (r["dup_of"], r["dup_kind"]) for r in got if "dup_of" in r}
    assert marks == planted
    assert all("dup_kind" not in r for r in got[:24])


def test_the_index_finds_duplicates_of_earlier_runs(tmp_path):
    recs, _ = first_run()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_jsonl(first, recs)
    index = tmp_path / "output" / ".dedup"
    assert run_cli(first, "-o", tmp_path / "first.out.jsonl", "--index", index).returncode == 0
    assert (index / "index.sqlite").is_file()

    new = [record(f"https://news.example/later/{n}", make_article(n)) for n in range(100, 103)]
    repeats = [record("https://other.example/a", recs[20]["text"]),  # exact, seen in run 1
               record("https://other.example/b", recs[21]["text"].replace(FOOTER, FOOTER_CHANGED)),  # near
               record("https://other.example/c", " ".join(recs[22]["text"].split()))]  # exact (whitespace)
    write_jsonl(second, repeats + new)
    out2 = tmp_path / "second.out.jsonl"
    done = run_cli(second, "-o", out2, "--index", index, "--keep-dups")
    assert done.returncode == 0, done.stderr
    got = read_jsonl(out2)
    assert [(r.get("dup_of"), r.get("dup_kind")) for r in got[:3]] == [
        (recs[20]["id"], "exact"), (recs[21]["id"], "near"), (recs[22]["id"], "exact")]
    assert all("dup_of" not in r for r in got[3:])
    assert "6 records in, 3 kept, 2 exact duplicates, 1 near duplicates (against 24 records in the index)" \
        in done.stderr

    # the second run's kept records are in the index now; without --index nothing is remembered
    third = run_cli(second, "-o", tmp_path / "third.jsonl", "--index", index)
    assert "6 records in, 0 kept" in third.stderr and "(against 27 records in the index)" in third.stderr
    alone = run_cli(second, "-o", tmp_path / "alone.jsonl")
    assert "6 records in, 6 kept" in alone.stderr


def test_bad_lines_become_error_records(tmp_path):
    recs, _ = first_run()
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, recs[:3], extra_lines=["not json {", "[1, 2]", json.dumps({"id": "xyz", "text": "t"}),
                                            json.dumps({"id": "0123456789abcdef"}), ""])
    done = run_cli(src, "-o", out)
    assert done.returncode == 3
    assert len(read_jsonl(out)) == 3
    errors = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [e["error"] for e in errors] == ["not_a_record"] * 4
    assert errors[0]["path"] == str(src) and errors[0]["message"].startswith(f"{src}:4: ")
    assert "3 records in, 3 kept" in done.stderr and "4 lines not records" in done.stderr


@pytest.mark.parametrize("args", [["missing.jsonl", "-o", "x.jsonl"], ["in.jsonl", "-o", "x.jsonl", "--threshold", "0"],
                                  ["in.jsonl"]])
def test_usage_errors(tmp_path, args):
    (tmp_path / "in.jsonl").write_text("", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cleaners.cli", "dedup", *args], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert done.returncode == 2


def test_help_teaches():
    done = subprocess.run([sys.executable, "-m", "cleaners.cli", "dedup", "--help"], capture_output=True, text=True)
    assert "--keep-dups" in done.stdout and "Examples:" in done.stdout and "--index" in done.stdout
    from cleaners.cli import build_parser
    assert build_parser().parse_args(["dedup", "a", "-o", "b"]).threshold == dedup.DEFAULT_THRESHOLD


def test_a_crawl_checkpoints_keeps_the_lock_and_ignores_its_own_earlier_records(tmp_path):
    """What `crawler.pipelines.CrawlDedup` relies on: `checkpoint()` keeps what was added so far and
    the folder stays locked; `ignore_own=True` does not take a record for a copy of the record an
    earlier run kept under the same id (a lost write, a changed text), and does not add an
    unchanged one again."""
    a, b = "\n".join(make_article(0)), "\n".join(make_article(1))
    own, other = "a" * 16, "c" * 16
    folder = tmp_path / "idx"
    index = dedup.DedupIndex(str(folder))
    assert index.check(own, a) is None
    index.checkpoint()
    with pytest.raises(dedup.DedupIndexError, match="database is locked"):
        dedup.DedupIndex(str(folder))
    assert index.check("b" * 16, b) is None
    index.close()  # without commit: b is not kept, a is (the checkpoint)

    index = dedup.DedupIndex(str(folder))
    try:
        assert index.size == 1
        assert index.check(own, a, ignore_own=True) is None and index.added == 0  # in the index already
        changed = a.replace(FOOTER, FOOTER_CHANGED)
        assert index.check(own, changed, ignore_own=True) is None and index.added == 1  # its new version
        match = index.check(other, a, ignore_own=True)  # a copy under another id is a duplicate
        assert (match.kind, match.of) == ("exact", own)
        match = index.check(own, changed, ignore_own=True)  # so is the same id twice in one run
        assert (match.kind, match.of) == ("exact", own)
        match = index.check(own, a)  # without ignore_own (cleanwire dedup) an id is no exception
        assert (match.kind, match.of) == ("exact", own)
        assert index.check(own, b, ignore_own=True) is None  # a distinct text is not caught by the id
    finally:
        index.close()
