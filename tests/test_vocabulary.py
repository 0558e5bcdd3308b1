"""The vocabulary module: class words and phrase kinds as data, well-formed for the rules that use them."""

from __future__ import annotations

import re

from cleaners import vocabulary as V


def test_class_words_are_lower_case_and_non_empty():
    for concept, words in V.CLASS_WORDS.items():
        assert words, concept
        assert all(w == w.lower() and w.strip() == w and " " not in w for w in words), concept


def test_every_phrase_compiles_and_the_languages_are_codes():
    for concept, by_lang in V.PHRASES.items():
        for lang, phrases in by_lang.items():
            assert re.fullmatch(r"[a-z]{2}", lang), (concept, lang)
            assert phrases, (concept, lang)
            for phrase in phrases:
                re.compile(phrase)


def test_alternation_keeps_the_order_and_can_pick_languages():
    assert V.alternation(("a", "b")) == "(?:a|b)"
    group = V.alternation(V.READ_MORE, ("de",))
    assert re.fullmatch(group, "lesen sie auch") and not re.fullmatch(group, "read more")
