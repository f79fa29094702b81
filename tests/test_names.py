"""notes_site.names: finding term names in running text."""

import pytest

from notes_site.names import Finder, Phrase, names_of, other_names

NAMES = {
    "ip": ("IP", "Internet Protocol"),
    "ip-address": ("IP Address",),
    "ip-packet": ("IP Packet", "Network Packet"),
    "server": ("Server",),
    "selection": ("Server-Selection Strategy",),
    "zookeeper": ("ZooKeeper",),
    "proxy": ("Reverse Proxy",),
    "policy": ("Cache Eviction Policy",),
    "rps": ("RPS",),
    "qps": ("QPS",),
    "memory": ("Memory",),
    "node": ("Node/Instance/Host",),
    "paxos": ("Paxos & Raft", "Paxos", "Raft"),
    "process": ("Process",),
}
FINDER = Finder(NAMES, {"process": ("the process of", "IP =")})


def found(text: str) -> list[tuple[str, str]]:
    return [(m.key, text[m.start : m.end]) for m in FINDER.mentions(text) if not m.other_sense]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("find out the IP address", [("ip-address", "IP address")]),
        ("IP packets and IP", [("ip-packet", "IP packets"), ("ip", "IP")]),
        ("the server selection strategy", [("selection", "server selection strategy")]),
        ("a server-selection strategy", [("selection", "server-selection strategy")]),
        ("a Zookeeper or zookeeper", [("zookeeper", "Zookeeper"), ("zookeeper", "zookeeper")]),
        ("reverse proxies and cache eviction policies", [("proxy", "reverse proxies"), ("policy", "cache eviction policies")]),
        ("requests per second (RPS/QPS)", [("rps", "RPS"), ("qps", "QPS")]),
        ("SLAs, rps and ip", []),
        ("an ip address", []),
        ("in-memory data, memory-bound, a_memory, memory.x", []),
        ("data in memory, Memory.", [("memory", "memory"), ("memory", "Memory")]),
        ("an instance of entity; Host: string; Node/Instance/Host", [("node", "Node/Instance/Host")]),
        ("Paxos & Raft, or Raft", [("paxos", "Paxos & Raft"), ("paxos", "Raft")]),
        ("servers and processes", [("server", "servers"), ("process", "processes")]),
    ],
)
def test_whole_words_longest_first(text, expected):
    assert found(text) == expected


def test_a_mention_inside_a_not_in_phrase_is_found_but_marked_as_another_sense():
    mentions = list(FINDER.mentions("The process of replicating, and a process that runs"))
    assert [(m.key, m.other_sense) for m in mentions] == [("process", True), ("process", False)]


@pytest.mark.parametrize(
    ("text", "words", "separators"),
    [
        ("Cache", ("Cache",), ()),
        ("(Node/Instance/Host)", ("Node", "Instance", "Host"), ("/", "/")),
        (" Paxos & Raft.", ("Paxos", "Raft"), (" & ",)),
        ("client - server_model", ("client", "server", "model"), (" - ", "_")),
        ("--", (), ()),
    ],
)
def test_a_phrase_is_its_words_and_what_stands_between_them(text, words, separators):
    assert Phrase.of(text) == Phrase(words, separators)


def test_two_names_from_one_heading():
    assert names_of("SLA (Service-level agreement)") == ("SLA", "Service-level agreement")
    assert names_of("DNS: Domain Name System") == ("DNS", "Domain Name System")
    assert names_of("HTTP - HyperText Transfer Protocol") == ("HTTP", "HyperText Transfer Protocol")
    assert names_of("Paxos & Raft") == ("Paxos & Raft", "Paxos", "Raft")
    assert names_of("Node/Instance/Host") == ("Node/Instance/Host",)


def test_a_name_whose_lower_case_depends_on_the_next_letter_is_found():
    """A final Σ lowers to ς, but to σ before the "s" of a plural: that plural is left out,
    not a crash."""
    finder = Finder({"as": ("ΑΣ",)})
    assert [(m.key, m.start, m.end) for m in finder.mentions("the ΑΣ and ΑΣs")] == [("as", 4, 6)]


@pytest.mark.parametrize(
    ("heading", "aliases", "others"),
    [
        ("High Availability", ("HA", "highly available"), ("HA",)),  # an acronym; the heading's words in another form
        ("Memory", ("RAM",), ("RAM",)),
        ("Reverse Proxy", ("backward proxy",), ("backward proxy",)),  # one word of its own is enough
        ("Relational Database", ("relational db",), ("relational db",)),  # "db" is not how "database" starts
        ("Cache", ("caching",), ()),
        ("Sharding", ("shard",), ()),
        ("Cache Eviction Policy", ("eviction policy",), ()),  # some of the heading's words
        ("Non-Relational Database", ("non-relational",), ()),
        ("IP Address", ("ip address",), ()),
        ("CDN (Content Delivery Network)", ("CDN",), ()),  # the heading holds it
    ],
)
def test_other_names_are_the_aliases_not_made_of_the_headings_words(heading, aliases, others):
    assert other_names(heading, aliases) == others
