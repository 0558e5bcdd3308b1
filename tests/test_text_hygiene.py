"""Invisible format characters leave the text; the characters that spell words stay.

Soft hyphens (hyphenation hints a CMS puts inside long words), zero-width spaces, word joiners,
byte-order marks and bidirectional controls are invisible on the page but split words for
search, dedup and language detection. Zero-width non-joiner and joiner are part of the spelling
of Persian, Kurdish and Indic words and of emoji sequences, so they stay between two such
characters. The sentences are ours."""

from __future__ import annotations

from cleaners import clean_html, clean_text

from ._support import P1, P2, P3, page

GERMAN = ("Die Bundes\u00adregierung hat am Dienstag neue Regeln f\u00fcr die Schiff\u00adfahrt auf dem Fluss "
          "beschlossen, die ab dem kommenden Jahr gelten und den G\u00fcter\u200bverkehr betreffen sollen.")
PERSIAN = ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 "  # می‌خواهم: the non-joiner is spelling
           "\u06a9\u0647 \u0627\u06cc\u0646 \u06af\u0632\u0627\u0631\u0634 "
           "\u0631\u0627 \u0628\u062e\u0648\u0627\u0646\u0645.")


def test_soft_hyphens_and_zero_width_characters_leave_the_words_whole():
    doc = clean_html(page(f"<p>{GERMAN}</p><p>{P1}</p><p>{P2}</p>"), url="https://example.org/news/1")
    assert "Bundesregierung" in doc.text and "Schifffahrt" in doc.text and "G\u00fcterverkehr" in doc.text
    assert not {"\u00ad", "\u200b"} & set(doc.text)
    assert P1 in doc.text and P2 in doc.text  # the real paragraphs beside them are untouched


def test_bidirectional_controls_and_stray_joiners_go_spelling_joiners_stay():
    lines = [f"\u200f{PERSIAN}\u200e", "\u2066" + P1 + "\u2069", P2.replace("harbour", "har\u200cbour", 1), P3,
             "Runners \U0001f3c3\u200d\u2640\ufe0f and a \U0001f3f3\ufe0f\u200d\U0001f308 flag lined the quay, "
             "the organisers of the harbour race said on Sunday evening."]
    text = clean_text("\n".join(lines)).text
    assert PERSIAN in text  # the non-joiner inside the word is kept
    assert "\u200f" not in text and "\u200e" not in text and "\u2066" not in text and "\u2069" not in text
    assert P1 in text and P2 in text and P3 in text  # the stray non-joiner inside an English word is gone
    assert "\U0001f3c3\u200d\u2640" in text and "\ufe0f\u200d\U0001f308" in text  # emoji sequences whole


def test_titles_lose_soft_hyphens_too():
    doc = clean_html(page(title="Neue Regeln f\u00fcr die Schiff\u00adfahrt"), url="https://example.org/news/2")
    assert doc.title == "Neue Regeln f\u00fcr die Schifffahrt"


def test_letters_written_two_ways_read_the_same():
    """A letter a page writes as a base and a combining mark ("e" + U+0301, Vietnamese "ệ" in
    parts) and one it writes as a single code point come out the same (composed, NFC); a letter
    Unicode keeps apart from its parts (Bengali U+09DC) comes out as its canonical parts."""
    decomposed = ("Cafe\u0301 owners on the quay said the new pier would bring more visitors, and the "
                  "Vie\u0323\u0302t family who run the ferry kiosk agreed with them on Tuesday.")
    bengali = "বন্দরে ব\u09dc নৌকা এসেছে।"  # "a big boat has come to the harbour", its "ড়" one code point
    doc = clean_html(page(f"<p>{decomposed}</p><p>{bengali}</p><p>{P1}</p><p>{P2}</p>"),
                     url="https://example.org/news/2")
    assert "Caf\u00e9 owners" in doc.text and "Vi\u1ec7t family" in doc.text
    assert "ব\u09a1\u09bc নৌকা" in doc.text and "\u09dc" not in doc.text
    assert P1 in doc.text and P2 in doc.text
