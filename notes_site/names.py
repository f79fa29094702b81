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
from collections.abc import Iterator
from dataclasses import dataclass, field

WORD = re.compile(r"[^\W_]+")
LOOSE_SEPARATOR = re.compile(r"\s+|\s*-\s*")
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
        spans = list(WORD.finditer(text))
        separators = tuple(text[a.end() : b.start()] for a, b in zip(spans, spans[1:]))
        return cls(tuple(m.group() for m in spans), separators)


@dataclass(frozen=True)
class Mention:
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


def is_capitals(word: str) -> bool:
    return len(word) >= 2 and word.upper() == word and any(c.isalpha() for c in word)


# --- Matching ------------------------------------------------------------------------


def word_matches(text_word: str, name_word: str, last: bool) -> bool:
    if is_capitals(name_word):
        return text_word == name_word or (last and text_word == name_word + "s")
    text_word, name_word = text_word.lower(), name_word.lower()
    if text_word == name_word:
        return True
    if not last:
        return False
    if text_word in (name_word + "s", name_word + "es"):
        return True
    return name_word.endswith("y") and name_word[-2:-1] not in "aeiou" and text_word == name_word[:-1] + "ies"


def singulars(word: str) -> tuple[str, ...]:
    """The lower-case words a name's last word could be, for this text word: itself,
    then what it is the plural of ("proxies" -> "proxies", "proxie", "proxi", "proxy").
    word_matches decides which of them the name's own rules allow."""
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
    """A lower-case word and every text word that singulars() takes back to it."""
    return (word, word + "s", word + "es", *((word[:-1] + "ies",) if word.endswith("y") else ()))


def separator_matches(text_separator: str, name_separator: str) -> bool:
    if LOOSE_SEPARATOR.fullmatch(name_separator):
        return bool(LOOSE_SEPARATOR.fullmatch(text_separator))
    return " ".join(text_separator.split()) == " ".join(name_separator.split())


@dataclass
class Node:
    """A word trie of names: each word, lower case, leads one level down."""

    children: dict[str, Node] = field(default_factory=dict)
    ends: list[tuple[Phrase, str]] = field(default_factory=list)  # the names whose last word is here, and whose


class Finder:
    """Finds the names of many keys in text in one pass over its words, the longest
    name at each place, and whose each one is."""

    def __init__(self, names: dict[str, tuple[str, ...]], not_in: dict[str, tuple[str, ...]] | None = None):
        self.trie = Node()
        self.first_words: set[str] = set()  # every text word, lower case, that may start a name
        for key, key_names in names.items():
            for name in key_names:
                phrase = Phrase.of(name)
                node = self.trie
                for word in phrase.words:
                    node = node.children.setdefault(word.lower(), Node())
                if phrase.words:
                    node.ends.append((phrase, key))
                    self.first_words.update(plurals(phrase.words[0].lower()) if len(phrase.words) == 1 else (phrase.words[0].lower(),))
        self.not_in = {key: [phrase_pattern(p) for p in phrases] for key, phrases in (not_in or {}).items() if phrases}

    def mentions(self, text: str) -> Iterator[Mention]:
        words = list(WORD.finditer(text))
        # Where each mentioned key's "not_in" phrases are in this text: found once, by position.
        other_senses: dict[str, list[tuple[int, int]]] = {}
        index = 0
        while index < len(words):
            found = self.longest_at(text, words, index) if words[index].group().lower() in self.first_words else None
            if found is None:
                index += 1
                continue
            key, count = found
            start, end = words[index].start(), words[index + count - 1].end()
            if key not in other_senses:
                other_senses[key] = [seen.span() for pattern in self.not_in.get(key, ()) for seen in pattern.finditer(text)]
            yield Mention(key, start, end, any(a <= start and end <= b for a, b in other_senses[key]))
            index += count

    def longest_at(self, text: str, words: list[re.Match[str]], index: int) -> tuple[str, int] | None:
        """Down the trie word by word: the last name that matches is the longest. At one
        length, the text word as written comes before its singulars, so the winner never
        depends on the order of a set."""
        if not starts_word(text, words[index].start()):
            return None
        longest, node = None, self.trie
        for position in range(index, len(words)):
            word = words[position].group()
            for form in singulars(word):
                ending = node.children.get(form)
                key = next((key for phrase, key in ending.ends if self.matches_at(text, words, index, phrase)), None) if ending else None
                if key is not None:
                    longest = key, position - index + 1
                    break
            node = node.children.get(word.lower())
            if node is None:
                break
        return longest

    @staticmethod
    def matches_at(text: str, words: list[re.Match[str]], index: int, phrase: Phrase) -> bool:
        count = len(phrase.words)
        if index + count > len(words) or not ends_word(text, words[index + count - 1].end()):
            return False
        for offset, name_word in enumerate(phrase.words):
            if not word_matches(words[index + offset].group(), name_word, last=offset == count - 1):
                return False
            if offset and not separator_matches(
                text[words[index + offset - 1].end() : words[index + offset].start()], phrase.separators[offset - 1]
            ):
                return False
        return True


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as written, in any case and spacing, as whole words."""
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(start + body + end, re.IGNORECASE)


def starts_word(text: str, start: int) -> bool:
    """Not the inner part of "in-memory", "a_cache" or "redis.io"."""
    before = text[start - 1 : start]
    return not (before == "_" or (before in "-." and before and start >= 2 and text[start - 2].isalnum()))


def ends_word(text: str, end: int) -> bool:
    after = text[end : end + 1]
    return not (after == "_" or (after in "-." and after and text[end + 1 : end + 2].isalnum()))
