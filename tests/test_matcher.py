"""notes_site.names.Finder, the one-pass matcher: the longest name wins whatever the
hash seed, and "not_in" phrases apply by position."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys

import pytest

from notes_site.names import TEXT_BREAK, Finder, phrase_pattern, singulars
from support import ROOT

NAMES = {
    "key": ("Key",),
    "keys-table": ("Keys Table",),
    "sla": ("SLA",),
    "proxy": ("Proxy",),
    "bus": ("Bus",),
    "index": ("Index",),
    "process": ("Process",),
    "client-server": ("Client Server Model",),
}


def found(finder: Finder, text: str) -> list[tuple[str, str]]:
    return [(m.key, text[m.start : m.end]) for m in finder.mentions(text) if not m.other_sense]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the keys table", [("keys-table", "keys table")]),
        ("a key, the keys, a Keys Table", [("key", "key"), ("key", "keys"), ("keys-table", "Keys Table")]),
        ("SLAs and slas and SLAS", [("sla", "SLAs")]),
        ("proxies, buses and indexes", [("proxy", "proxies"), ("bus", "buses"), ("index", "indexes")]),
        ("keies and keys", [("key", "keys")]),  # y -> ies only after a consonant
        ("a client-server model and client - server models", [("client-server", "client-server model"), ("client-server", "client - server models")]),
        ("a client, server model", []),
        ("a client\nserver model", [("client-server", "client\nserver model")]),
    ],
)
def test_the_longest_name_at_each_place_with_its_plural(text, expected):
    assert found(Finder(NAMES), text) == expected


def test_the_longest_name_wins_under_any_hash_seed():
    """Sets of strings iterate in an order that PYTHONHASHSEED sets: each seed is a process."""
    script = (
        "from notes_site.names import Finder; "
        "f = Finder({'key': ('Key',), 'keys-table': ('Keys Table',)}); "
        "print([m.key for m in f.mentions('the keys table')])"
    )
    for seed in range(4):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "['keys-table']", f"PYTHONHASHSEED={seed}"


@pytest.mark.parametrize("names", [{"key": ("Key",), "keys": ("Keys",)}, {"keys": ("Keys",), "key": ("Key",)}])
def test_at_one_length_the_text_word_as_written_wins_over_its_singular(names):
    assert found(Finder(names), "the keys") == [("keys", "keys")]


def test_singulars_are_the_text_word_then_what_it_is_the_plural_of():
    assert singulars("Proxies") == ("proxies", "proxie", "proxi", "proxy")
    assert singulars("buses") == ("buses", "buse", "bus")
    assert singulars("key") == ("key",)


def test_not_in_phrases_apply_by_position():
    finder = Finder(NAMES, {"process": ("the process of",)})
    text = "The process of elimination; a process; the process of merging; processes"
    starts = [4, text.index("process;"), text.index("process of merging"), text.index("processes")]
    assert [(m.start, m.other_sense) for m in finder.mentions(text)] == list(zip(starts, [True, False, True, False]))


class CountedPattern:
    """A compiled pattern that counts its searches."""

    def __init__(self, pattern):
        self.pattern, self.searches, self.searched = pattern, 0, []

    def finditer(self, text: str, *where: int):
        self.searches += 1
        self.searched.append(text[slice(*where)] if where else text)
        return self.pattern.finditer(text, *where)


def test_a_text_is_searched_for_each_not_in_phrase_once_whatever_its_mentions():
    finder = Finder(NAMES, {"process": ("the process of",), "key": ("key to",)})
    counted = {key: [CountedPattern(p) for p in patterns] for key, patterns in finder.not_in.items()}
    finder.not_in = counted
    mentions = list(finder.mentions("a process, the process of it, processes, a process, the process of"))
    assert len(mentions) == 5
    assert counted["process"][0].searches == 1
    assert counted["key"][0].searches == 0  # no mention of Key: its phrases are not looked for


def test_texts_joined_by_a_break_are_each_searched_for_not_in_phrases_on_their_own():
    """Texts searched as one (notes_site.linking joins a page's) keep their own "not_in"
    phrases: each stretch between breaks is searched once, where a mention needs it."""
    finder = Finder(NAMES, {"process": ("the process of",)})
    counted = {key: [CountedPattern(p) for p in patterns] for key, patterns in finder.not_in.items()}
    finder.not_in = counted
    texts = ["the process of it, a process", "a process", "the process", "of", "no mention", "the process of"]
    found = list(finder.mentions(TEXT_BREAK.join(texts)))
    assert [mention.other_sense for mention in found] == [True, False, False, False, True]
    assert counted["process"][0].searched == [texts[0], texts[1], texts[2], texts[5]]  # those with a mention of Process


def test_a_not_in_phrase_is_found_as_whole_words_in_any_case_and_spacing():
    """Its pattern finds what the plain rule does, a word boundary before its first word
    and after its last, wherever a search starts and ends (random texts and phrases)."""

    def rule(phrase: str) -> re.Pattern[str]:
        body = r"\s+".join(re.escape(part) for part in phrase.split())
        start = r"(?<!\w)" if phrase[:1].isalnum() else ""
        end = r"(?!\w)" if phrase[-1:].isalnum() else ""
        return re.compile(start + body + end, re.IGNORECASE)

    rng = random.Random(15)
    for _ in range(3000):
        phrase = "".join(rng.choice("aAbB -/=1Éß") for _ in range(rng.randint(1, 5))).strip() or "a"
        text = "".join(rng.choice("aAbB  \n-/=_1É\x00ßs") for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for where in ((), (start, end)):
            found = [m.span() for m in phrase_pattern(phrase).finditer(text, *where)]
            assert found == [m.span() for m in rule(phrase).finditer(text, *where)], (phrase, text, where)
