"""Find the names of terms in running text: whole words, the longest name wins.

Pure functions over strings; the linker applies them to the text of a page's tree.
One pass over a text's words: the names are a trie of their lower-case words, so the
cost grows with the text, not with the number of names.

- Words are letters and digits.  Inside a name, a space and a hyphen are the same
  ("client-server model" is the Client Server Model); "/" and "&" must be as written.
- A name made of capitals ("SLA", "S3") matches only in capitals, so "ip" is no IP;
  any other name matches in any case ("Zookeeper" is ZooKeeper).
- The last word may be plural: +s, +es, y -> ies ("proxies", "SLAs").
- A word inside a hyphenated compound is no mention: "in-memory" is not Memory.
- At each place the longest name wins: "IP address" is IP Address, not IP.
- A term's "not_in" phrases are where its name means something else ("the process
  of replicating" is no running program): there it is not linked.
"""

from __future__ import annotations

import re
from bisect import insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

WORD = re.compile(r"[^\W_]+")
WORD_BETWEEN_GAPS = re.compile(f"({WORD.pattern})")  # its split() keeps the words: gap, word, gap, ..., word, gap
LOOSE_SEPARATOR = re.compile(r"\s+|\s*-\s*")
# Between texts searched as one: no word, space or separator, and in no name or "not_in"
# phrase (notes_site.lessons reports control characters), so nothing is found across it.
TEXT_BREAK = "\x00"
# Forms of a heading that give a term two names.
TWO_NAMES = (
    re.compile(r"^(?P<short>.+?) \((?P<long>[^)]+)\)$"),  # SLA (Service-level agreement)
    re.compile(r"^(?P<short>[^:]+): (?P<long>.+)$"),  # DNS: Domain Name System
    re.compile(r"^(?P<short>.+?) - (?P<long>.+)$"),  # HTTP - HyperText Transfer Protocol
)


@dataclass(frozen=True)
class Phrase:
    """A name cut into words, with what stands between them."""

    words: tuple[str, ...]
    separators: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Phrase:
        parts = WORD_BETWEEN_GAPS.split(text)  # gap, word, gap, ..., word, gap: the gaps between words are the inner ones
        return cls(tuple(parts[1::2]), tuple(parts[2:-1:2]))


class Mention(NamedTuple):
    """A name found in a text. A tuple, as a text has a mention every few words: several
    times faster to make than a frozen dataclass."""

    key: str  # whose name it is
    start: int
    end: int
    other_sense: bool  # inside one of the term's "not_in" phrases: not to be linked


# --- Names of a term ---------------------------------------------------------------


def names_of(heading: str) -> tuple[str, ...]:
    """"SLA (Service-level agreement)" -> ("SLA", "Service-level agreement")."""
    for form in TWO_NAMES:
        match = form.match(heading)
        if match:
            return (match["short"].strip(), match["long"].strip())
    # "Paxos & Raft" names two things; "Node/Instance/Host" is one name whose parts
    # ("instance of entity", "Host: string") mean other things in the notes.
    if " & " in heading:
        return (heading, *(part.strip() for part in heading.split(" & ")))
    return (heading,)


def other_names(heading: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The aliases that name the term otherwise ("HA", "RAM", "backward proxy"). The
    others only put the heading's own words in another form ("caching" for Cache,
    "eviction policy" for Cache Eviction Policy): each of their words starts as one of
    the heading's words does (in its first four letters, or all of a shorter word)."""
    own = [word.lower() for word in WORD.findall(heading)]

    def is_own(word: str) -> bool:
        return any(heading_word.startswith(word.lower()[:4]) for heading_word in own)

    return tuple(alias for alias in aliases if not all(is_own(word) for word in WORD.findall(alias)))


def is_capitals(word: str) -> bool:
    return len(word) >= 2 and word.upper() == word and any(c.isalpha() for c in word)


# --- Matching ------------------------------------------------------------------------


def last_words(name_word: str) -> tuple[str, ...]:
    """The text words that a name's last word matches, itself or a plural: as written if
    it is made of capitals ("SLA", "SLAs", never "sla"), else in lower case for a text
    word in any case ("proxy", "proxies")."""
    if is_capitals(name_word):
        return (name_word, name_word + "s")
    return plurals(name_word.lower())


def singulars(word: str) -> tuple[str, ...]:
    """The lower-case words a name's last word could be, for this text word: itself,
    then what it is the plural of ("proxies" -> "proxies", "proxie", "proxi", "proxy").
    At one length the names are tried in this order, so the winner never depends on the
    order of a set."""
    lower = word.lower()
    forms = [lower]
    if lower.endswith("s"):
        forms.append(lower[:-1])
    if lower.endswith("es"):
        forms.append(lower[:-2])
    if lower.endswith("ies"):
        forms.append(lower[:-3] + "y")
    return tuple(forms)


def plurals(word: str) -> tuple[str, ...]:
    """A lower-case word and its plurals: +s, +es, y -> ies after a consonant."""
    ies = (word[:-1] + "ies",) if word.endswith("y") and word[-2:-1] not in "aeiou" else ()
    return (word, word + "s", word + "es", *ies)


def loose_or_exact(name_separator: str) -> str | None:
    """None where any whitespace or a hyphen will do, else the separator with its spaces
    normalised, as the text's must be ("/", "&")."""
    return None if LOOSE_SEPARATOR.fullmatch(name_separator) else " ".join(name_separator.split())


def separator_fits(text_separator: str, name_separator: str | None) -> bool:
    """name_separator: as loose_or_exact() gives it."""
    if name_separator is None:
        # One space, by far the most common, without a regex.
        return text_separator == " " or LOOSE_SEPARATOR.fullmatch(text_separator) is not None
    return " ".join(text_separator.split()) == name_separator


@dataclass(frozen=True)
class Ending:
    """A name that a text word may end, and what the trie walk to it leaves to check:
    the walk compares words in lower case, and ignores what stands between them."""

    key: str
    rank: int  # where the name's last word comes in the text word's singulars()
    as_written: tuple[tuple[int, str], ...]  # (offset, word): the words made of capitals, exactly
    separators: tuple[tuple[int, str | None], ...]  # (offset of the word after, loose_or_exact())

    def fits(self, words: Words, index: int) -> bool:
        """Whether the name's words from the text's index-th on are written and separated as it allows."""
        for offset, word in self.as_written:
            if words.written[index + offset] != word:
                return False
        for offset, separator in self.separators:
            if not separator_fits(words.gaps[index + offset], separator):
                return False
        return True


class Words(NamedTuple):
    """A text's words, as written and in lower case, where each starts and ends, and the
    text before each: lists of strings and numbers, as a match object per word would cost
    the garbage collector more time than the matching. A tuple, made once per text node
    of a page: several times faster than a frozen dataclass."""

    text: str
    written: list[str]
    lower_case: list[str]
    starts: list[int]
    ends: list[int]
    gaps: list[str]  # gaps[i] is the text before written[i], the last one the text after them all

    @classmethod
    def of(cls, text: str) -> Words:
        parts = WORD_BETWEEN_GAPS.split(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        written = parts[1::2]
        return cls(text, written, [word.lower() for word in written], offsets[1::2], offsets[2::2], parts[0::2])


@dataclass
class Node:
    """A word trie of names: each word, lower case, leads one level down."""

    children: dict[str, Node] = field(default_factory=dict)
    # By the lower-case text word: the names that end on it at this depth, in the order to try them.
    endings: dict[str, list[Ending]] = field(default_factory=dict)

    def add(self, phrase: Phrase, key: str) -> None:
        """The name's leading words down the trie; at the last one's level, an ending for each text word it matches."""
        if not phrase.words:
            return
        *leading, last = phrase.words
        node = self
        for word in leading:
            lower = word.lower()
            if lower not in node.children:  # a new Node only where none is: names share their first words
                node.children[lower] = Node()
            node = node.children[lower]
        leading_as_written = tuple((offset, word) for offset, word in enumerate(leading) if is_capitals(word))
        separators = tuple((offset + 1, loose_or_exact(separator)) for offset, separator in enumerate(phrase.separators))
        capitals, last_lower = is_capitals(last), last.lower()
        for text_word in last_words(last):
            lower = text_word.lower()
            forms = singulars(lower)
            if last_lower not in forms:
                continue  # a plural whose lower case changes the word's own ("ΑΣs": σ, not a final ς)
            last_as_written = ((len(leading), text_word),) if capitals else ()
            ending = Ending(key, forms.index(last_lower), leading_as_written + last_as_written, separators)
            # After the endings of the same rank: at one rank, names are tried in the order given.
            insort(node.endings.setdefault(lower, []), ending, key=lambda ending: ending.rank)


class Finder:
    """Finds the names of many keys in text in one pass over its words, the longest
    name at each place, and whose each one is."""

    def __init__(self, names: dict[str, tuple[str, ...]], not_in: dict[str, tuple[str, ...]] | None = None):
        self.trie = Node()
        for key, key_names in names.items():
            for name in key_names:
                self.trie.add(Phrase.of(name), key)
        # Every text word, lower case, that may start a name.
        self.first_words: set[str] = self.trie.children.keys() | self.trie.endings.keys()
        self.not_in = {key: [phrase_pattern(p) for p in phrases] for key, phrases in (not_in or {}).items() if phrases}

    def mentions(self, text: str) -> Iterator[Mention]:
        if text.isspace():
            return  # most text nodes of a page: the line breaks between its elements
        words = Words.of(text)
        # Where each mentioned key's "not_in" phrases are, in the stretch of text between two
        # TEXT_BREAKs that holds a mention: found once per stretch, by position.
        other_senses: dict[tuple[str, int], list[tuple[int, int]]] = {}
        after = 0  # the first word after the last mention
        for index in [index for index, lower in enumerate(words.lower_case) if lower in self.first_words]:
            found = self.longest_at(words, index) if index >= after else None
            if found is None:
                continue
            key, count = found
            start, end = words.starts[index], words.ends[index + count - 1]
            spans: list[tuple[int, int]] = []
            if key in self.not_in:
                stretch = text.rfind(TEXT_BREAK, 0, start) + 1
                if (key, stretch) not in other_senses:
                    stretch_end = text.find(TEXT_BREAK, end) % (len(text) + 1)  # -1: the text's end
                    other_senses[key, stretch] = [
                        seen.span() for pattern in self.not_in[key] for seen in pattern.finditer(text, stretch, stretch_end)
                    ]
                spans = other_senses[key, stretch]
            # Most keys have no "not_in" phrase: no generator for them.
            yield Mention(key, start, end, bool(spans) and any(a <= start and end <= b for a, b in spans))
            after = index + count

    def longest_at(self, words: Words, index: int) -> tuple[str, int] | None:
        """Down the trie word by word: the last name that matches is the longest."""
        text, lower_case, ends = words.text, words.lower_case, words.ends  # read once: called at each candidate word
        if not starts_word(text, words.starts[index]):
            return None
        longest, node = None, self.trie
        for position in range(index, len(lower_case)):
            lower = lower_case[position]
            endings = node.endings.get(lower)
            if endings and ends_word(text, ends[position]):
                for ending in endings:
                    if ending.fits(words, index):
                        longest = ending.key, position - index + 1
                        break
            node = node.children.get(lower)
            if node is None:
                break
        return longest


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as written, in any case and spacing, as whole words."""
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    end = r"(?!\w)" if phrase[-1:].isalnum() else ""
    if phrase[:1].isalnum():
        # No word character before it: checked after its first character, not before,
        # so that the search skips to that character (three times faster over a page).
        body = body[0] + r"(?<!\w[\s\S])" + body[1:]
    return re.compile(body + end, re.IGNORECASE)


def starts_word(text: str, start: int) -> bool:
    """Not the inner part of "in-memory", "a_cache" or "redis.io"."""
    before = text[start - 1 : start]
    return not (before == "_" or (before in "-." and before and start >= 2 and text[start - 2].isalnum()))


def ends_word(text: str, end: int) -> bool:
    after = text[end : end + 1]
    return not (after == "_" or (after in "-." and after and text[end + 1 : end + 2].isalnum()))
