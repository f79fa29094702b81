"""Nothing of the notes is lost: the source notes, read as CommonMark, against the built site.

The notes (tests/fixtures/notes-source.md, a copy of the original) were written for a
CommonMark preview.  Word for word, every word the preview shows is on its page, in
order, and a lesson page shows no words of its own beyond what the site adds around the
notes (term summaries, "Builds on", Editor's notes and examples): every other difference is named in
CHANGED, with why.  Every bullet must also be a list item at the depth the preview gives
it, with all of its own text (there, spelling fixes make text compare loosely), but a
line the notes write at column 0: the author's new paragraph, which the preview runs
into the item above.

Two edits of structure are allowed, and only these:

- a line of the notes may be a heading (h3 or h4) under "Notes from the video": the
  author's pseudo-headings, such as "Writing w/ Cache".  A heading there must be a line
  of the notes, so no heading puts words in the author's mouth;
- the bullets that follow a numbered item may be nested under it, one level deeper:
  only under the numbered items named in NESTED_UNDER, and exactly one level.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from support import EDITORS_BOXES, FIXTURES, built_page, sources

NOTES = FIXTURES / "notes-source.md"
LESSON = re.compile(r"^#{2,3} Lesson (\d+):")
NOISE = {"zzalsdlkdjkl", ".......a", "a", "---"}
WORD = re.compile(r"[a-z0-9]+")
MARKER = re.compile(r"^([-*+]|\d+[.)])\s+")
# What the notes have that the site shows otherwise, on purpose: "page depth N: text".
FIXED_BULLETS = {
    "lessons/05 depth 0: hdd hard disk drive": "the two kinds the bullet above them names, nested under it",
    "lessons/05 depth 0: sdd solid state drive": "the two kinds the bullet above them names, nested under it",
    "lessons/05 depth 0: sdd": "a misspelling, fixed: SSD",
    "lessons/07 depth 1: higher latency data takes longer to get from point 1 to 2": "nested under its 'Examples:'",
    "lessons/07 depth 1: lower throughput less data can be sent per second": "nested under its 'Examples:'",
    "lessons/11 depth 1: mv5": "a misspelling, fixed: MD5",
    "lessons/17 depth 4: 1000 machines are known as peers": "a doubled bullet ('- - '), keyboard noise: one bullet",
    "lessons/19 depth 0: alt text photos 8 png": "figure 8, a screenshot of YAML: an Editor's example in its place",
}
# Where the site's words are not the notes', on purpose, page by page (the test below
# lists them so): "the notes' words -> the site's words", and why. Anything else that
# the notes say and a lesson does not, or a lesson says and the notes do not, fails.
SPELLING = "a misspelling, fixed"
SLIP = "a slip of the keyboard that made another word, fixed"
DROPPED_NOISE = "keyboard noise, dropped"
NOTES_SECTION = "'My notes to the video' is the section every lesson calls 'Notes from the video'"
ADDED_SECTION = "the 'Notes from the video' heading that every lesson has (these notes had none)"
LAZY_NUMBERS = "'1.' lines the preview runs into the paragraph above; the site numbers them as a list"
MOVED_TERM = "a term the notes define after the key terms, moved among the terms"
NO_LINK = "an editors' word after a 'Link:' that the notes leave empty"
CHANGED = {
    "lessons/01": {
        " -> notes from the video": ADDED_SECTION,
        "structrures -> structures": SPELLING,
    },
    "lessons/02": {
        " -> notes from the video": ADDED_SECTION,
        "interactive -> interact": SLIP,
        "balances -> balancers": SLIP,
    },
    "lessons/03": {
        "wifi -> wi fi": SPELLING,
        "shoulldn -> shouldn": SPELLING,
        "my -> ": NOTES_SECTION,
        "to -> from": NOTES_SECTION,
    },
    "lessons/04": {
        "connections -> connection": SLIP,
        "my -> ": NOTES_SECTION,
        "to -> from": NOTES_SECTION,
        "protocolos -> protocols": SPELLING,
        "togethr -> together": SPELLING,
        "portocol -> protocol": SPELLING,
        "interactive -> interact": SLIP,
        "ofdata -> of data": SPELLING,
    },
    "lessons/05": {
        "cores -> core": SLIP,
        "sdd -> ssd": SPELLING,
        "my -> ": NOTES_SECTION,
        "to -> from": NOTES_SECTION,
    },
    "lessons/06": {
        "tradeoffs -> trade offs": SPELLING,
        "driver -> drive": SLIP,
        "awhile -> a while": SPELLING,
        "crahses -> crashes": SPELLING,
        "transfered -> transferred": SPELLING,
    },
    "lessons/07": {
        "simulataneously -> simultaneously": SPELLING,
        "exampmle -> example": SPELLING,
        "i -> ": DROPPED_NOISE,
        "sytem -> system": SPELLING,
        "unnacceptable -> unacceptable": SPELLING,
        "tradeoffs -> trade offs": SPELLING,
        "strike -> stripe": SLIP,
    },
    "lessons/08": {
        "cloudfare -> cloudflare": SPELLING,
        "problem -> probably": SLIP,
        "transferws -> transfers": SPELLING,
        "concret -> concrete": SPELLING,
        "desinging -> designing": SPELLING,
        "unnacceptable -> unacceptable": SPELLING,
    },
    "lessons/09": {
        "ithin -> within": SPELLING,
        "cencorship -> censorship": SPELLING,
        "pronuncation -> pronunciation": SPELLING,
        "balaners -> balancers": SPELLING,
    },
    "lessons/10": {
        " -> nginx a very popular webserver … x https www nginx com (22 words)": MOVED_TERM,
        "nginx a very popular webserver … x https www nginx com (22 words) -> ": MOVED_TERM,
        "domani -> domain": SPELLING,
        "a zzalsdlkdjkl -> ": DROPPED_NOISE,
        "custominzation -> customization": SPELLING,
        " -> the notes give none": NO_LINK,
    },
    "lessons/11": {
        "occuring -> occurring": SPELLING,
        "minimzes -> minimizes": SPELLING,
        "hasing -> hashing": SPELLING,
        "everytime -> every time": SPELLING,
        "mv5 b cript -> md5 bcrypt": SPELLING,
        "constistent -> consistent": SPELLING,
    },
    "lessons/12": {
        "sdd -> ssd": SPELLING,
        "fre -> free": SPELLING,
        "langauge -> language": SPELLING,
        "databse -> database": SPELLING,
        "pratice -> practice": SPELLING,
        "postgrsql -> postgresql": SPELLING,
        "relatinal -> relational": SPELLING,
        "a a -> ": DROPPED_NOISE,
        "1 -> ": LAZY_NUMBERS,
    },
    "lessons/13": {
        "zookeepe -> zookeeper": SPELLING,
    },
    "lessons/14": {
        "padadigms -> paradigms": SPELLING,
        "fre -> free": SPELLING,
        "langauge -> language": SPELLING,
        "databse -> database": SPELLING,
        "pratice -> practice": SPELLING,
        "postgrsql -> postgresql": SPELLING,
        "organinzatin -> organization": SPELLING,
        "ndoes -> nodes": SPELLING,
        "databses -> databases": SPELLING,
        "relatioships -> relationships": SPELLING,
        "rectange -> rectangle": SPELLING,
        "qudarants -> quadrants": SPELLING,
        "fewe -> fewer": SPELLING,
        "memorry -> memory": SPELLING,
    },
    "lessons/15": {
        "i -> ": DROPPED_NOISE,
        "cores -> core": SLIP,
        " -> hot spot while distributing a … suboptimal workload is naturally skewed (45 words)": MOVED_TERM,
        "hot spot while distributing a … suboptimal workload is naturally skeweed (45 words) -> ": MOVED_TERM,
        "asynchrous asynchrously -> asynchronous asynchronously": SPELLING,
        "consisent -> consistent": SPELLING,
        "databaser -> database": SPELLING,
        "environement -> environment": SPELLING,
    },
    "lessons/16": {
        "i -> ": DROPPED_NOISE,
        " -> etcd strongly consistent highly available … election https zookeeper apache org (45 words)": MOVED_TERM,
        "etcd strongly consistent highly available … election https zookeeper apache org (45 words) -> ": MOVED_TERM,
        "especialy -> especially": SPELLING,
        "subscriibed -> subscribed": SPELLING,
        "custoemrs -> customers": SPELLING,
        "remnedy -> remedy": SPELLING,
        "it -> if": SLIP,
    },
    "lessons/17": {
        "everytime -> every time": SPELLING,
        "ppeers -> peers": SPELLING,
    },
    "lessons/18": {
        " -> the notes give none": NO_LINK,
    },
    "lessons/19": {
        "buttom -> button": SPELLING,
        "responsiblity -> responsibility": SPELLING,
        " -> the notes give none": NO_LINK,
    },
    "writing-notes/index.html": {
        "vscode stuff -> writing notes in markdown": "the page's title",
    },
}
# The numbered items whose bullets the site nests under them ("1. Write-through cache",
# then its explanation as a bullet list right after it in the notes): the bullet list
# that directly follows such an item in the notes is one level deeper on the site.
NESTED_UNDER = {
    "lessons/03": {
        "server algoexpert io returns data to the client my browser",
        "once the client gets the ip address and knows understands the http format",
    },
    "lessons/08": {
        "you are doing a lot of network requests", "you are doing a computationally long operations",
        "operations that are done a ton of time", "algoexpert coding interview questions",
        "running code blocks on algoexpert", "write through cache", "write back cache",
    },
    "lessons/10": {
        "terminal 1 dig command to get ip address of google com dig google com",
        "terminal 2 dig command to get ip address of google com dig google com",
        "terminal 1 curl to find domain associated w the ip address curl 172 217 10 14",
        "terminal 2 curl to find domain associated w the ip address curl 172 217 10 238",
        "how does it know that it has servers to distribute traffic to",
        "how does it select servers to send traffic to",
        "as you can see there are a lot of options for selecting a method of routing traffic "
        "through your load balancer to servers",
    },
    "lessons/11": {
        "mod these hashes by the number of servers we have", "constistent hashing", "rendezvous hashing",
        "directory setup", "code", "run the example", "naive hashing",
    },
    "lessons/12": {
        "hdd hard disk drive", "sdd solid state drive",  # the Disk prerequisite
        "consistency the transaction cannot bring the database to an invalid state",  # ACID Transaction
        "durability any committed transaction is written to non volatile storage",
        "payments", "balances", "large table",
    },
    "lessons/17": {
        "have multiple machines handle the 1000 requests", "sharding", "peer to peer networks",
        "peer 1 receives 5mb of data from server main machine",
        "peer 1 receives another 5mb of data from server main machine",
        "peer 2 receives 5mb of data from server main machine",
        "peer 4 receives 5mb of data from server main machine", "...",
    },
    "lessons/19": {"static", "dynamic"},
}


def normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def similar(notes: str, site: str) -> bool:
    """The notes' text on the site, but for spelling: all of it, as the site may add a
    word around it (a link's text) but never drop the end of an item; an empty text (an
    item "...") is similar to nothing."""
    if notes == site or (notes and site and notes in site):
        return True
    matcher = SequenceMatcher(None, notes, site)  # the cheap upper bounds first, as difflib.get_close_matches
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


def item_name(text: str) -> str:
    """A numbered item by its first line, as NESTED_UNDER names it."""
    first = text.strip().split("\n")[0]
    return normal(first) or first.strip()


# --- The notes, by page -------------------------------------------------------------


@cache
def sections() -> dict[str, str]:
    """The notes cut where the site cuts them: home, each lesson, the appendix."""
    cut: dict[str, list[str]] = {"index.html": []}
    current = "index.html"
    for line in NOTES.read_text().split("\n"):
        match = LESSON.match(line)
        if match:
            current = f"lessons/{int(match.group(1)):02d}"
        elif line.startswith("# VSCode Stuff"):
            current = "writing-notes/index.html"
        elif "Ending Notes on SystemsExpert" in line:
            current = "index.html"
        cut.setdefault(current, []).append(line)
    return {page: "\n".join(lines) for page, lines in cut.items()}


def commonmark_items(markdown: str, nested_under: frozenset[str] | set[str] = frozenset()) -> list[tuple[int, str]]:
    """(depth, own text) of every list item, as a CommonMark preview nests them; a bullet
    list right after a numbered item named in ``nested_under`` (and all in it) one deeper."""
    return [(d, t) for d, t, _ in nesting(markdown, nested_under)[0]]


def nesting(markdown: str, nested_under: frozenset[str] | set[str]) -> tuple[list[tuple[int, str, str]], set[str]]:
    """(depth, own text, name of the numbered item it was nested under) of every item,
    and the names of ``nested_under`` that did nest a list."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    lines = markdown.split("\n")
    items: list[list] = []
    open_items: list[int] = []
    lists: list[tuple[int, str, list[int]]] = []  # open lists: (extra depth, nested under, their items)
    used: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            extra, under = lists[-1][:2] if lists else (0, "")
            before = tokens[index - 1] if index else None
            if token.type == "bullet_list_open" and before is not None and before.type == "ordered_list_close":
                name = item_name(items[last_ordered][1])
                if name in nested_under:
                    extra, under = extra + 1, name
                    used.add(name)
            lists.append((extra, under, []))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            last_ordered = lists.pop()[2][-1]
        elif token.type == "list_item_open":
            extra, under, own = lists[-1]
            own.append(len(items))
            open_items.append(len(items))
            items.append([len(lists) - 1 + extra, "", under])
        elif token.type == "list_item_close":
            open_items.pop()
        elif token.type == "inline" and open_items and not items[open_items[-1]][1]:
            items[open_items[-1]][1] = up_to_column_0(token, lines)
    kept = [(d, normal(t), u) for d, t, u in items if normal(t) and t.strip().lower() not in NOISE]
    return kept, used


def up_to_column_0(inline, lines: list[str]) -> str:
    """An item's own text, up to a line the notes write at column 0: the author's new
    paragraph (a link, a "Note:"), which a CommonMark preview runs into the item above."""
    own = inline.content.split("\n")
    for offset, row in enumerate(range(inline.map[0] + 1, inline.map[1]), start=1):
        if lines[row][:1].strip():
            return "\n".join(own[:offset])
    return inline.content


def content_lines(markdown: str) -> list[str]:
    lines = []
    fence = False
    for line in markdown.split("\n"):
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = not fence
            continue
        text = normal(MARKER.sub("", stripped.lstrip("#").strip()))
        if text and stripped.lower() not in NOISE and not stripped.startswith("!["):
            lines.append(text)
    return lines


# --- The site ------------------------------------------------------------------------


def site_page(site: Path, key: str) -> Path:
    if key.startswith("lessons/"):
        return next((site / "lessons").glob(f"{key[8:]}-*/index.html"))
    return site / key


def site_items(page: Path) -> list[tuple[int, str]]:
    article = built_page(page).find("article")
    items = []
    for li in article.find_all("li"):
        depth = len(li.find_parents(["ul", "ol"])) - 1
        own = "".join(
            part.get_text(" ") if hasattr(part, "get_text") else str(part)
            for part in li.children
            if getattr(part, "name", None) not in ("ul", "ol") and not is_editors_box(part)
        )
        items.append((depth, normal(own)))
    return items


def is_editors_box(element) -> bool:
    """An Editor's note or example: the editors' words beside the author's, not theirs."""
    title = element.select_one(":scope > .admonition-title") if getattr(element, "name", None) == "div" else None
    return title is not None and title.get_text(strip=True) in EDITORS_BOXES


def notes_headings(page: Path) -> list[str]:
    """The h3 and h4 headings under "Notes from the video", as plain words."""
    article = built_page(page).find("article")
    notes = next((h for h in article.find_all("h2") if normal(h.get_text()) == "notes from the video"), None)
    return [normal(h.get_text()) for h in notes.find_all_next(["h3", "h4"])] if notes else []


# --- Word for word ------------------------------------------------------------------

# What the site puts around the author's words, each on purpose, left out of the comparison.
SITE_FURNITURE = (
    ".headerlink",  # a heading's permalink
    ".lesson-path",  # "Builds on" and "Leads to"
    ".lesson-done",  # "Mark as done"
    ".lesson-study",  # "Study this lesson's N terms as flashcards"
    ".md-source-file",  # the date of the last update
)
LONG_RUN = 12  # words: a longer run is named by its ends and its length


def notes_words(markdown: str) -> list[str]:
    """The words a CommonMark preview of the notes shows, in order (an image shows none)."""
    preview = BeautifulSoup(MarkdownIt("commonmark").render(markdown), "html.parser")
    return normal(preview.get_text(" ")).split()


def site_words(page: Path) -> list[str]:
    """The words of a page's article, in order, but what the site adds around the notes."""
    article = BeautifulSoup(page.read_text(), "html.parser").find("article")
    for added in article.select(", ".join(SITE_FURNITURE)):
        added.decompose()
    for box in article.select("div.admonition"):
        if is_editors_box(box):
            box.decompose()
    return normal(article.get_text(" ")).split()


def words_of(words: list[str]) -> str:
    if len(words) > LONG_RUN:
        return f"{' '.join(words[:5])} … {' '.join(words[-5:])} ({len(words)} words)"
    return " ".join(words)


def only_notes(key: str) -> bool:
    """A lesson the notes wrote is the notes and nothing else on its page; the home page,
    the writing guide, an unwritten lesson's notice and a lesson that a contributor wrote
    after the notes (Lesson 20 on) are the site's own words around them."""
    written = {f"lessons/{lesson.number:02d}" for lesson in sources().lessons if not lesson.unwritten}
    return key in written and written_in_the_notes(sections()[key])


def written_in_the_notes(markdown: str) -> bool:
    """Whether the notes have more than a lesson's headings."""
    return any(not line.lstrip().startswith("#") and content_lines(line) for line in markdown.split("\n"))


def word_changes(site: Path, key: str) -> list[str]:
    """Each place where the page's words are not the notes', in order: "notes -> page"."""
    notes, shown = notes_words(sections()[key]), site_words(site_page(site, key))
    changes = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, notes, shown, autojunk=False).get_opcodes():
        if op == "equal" or (op == "insert" and not only_notes(key)):
            continue
        change = f"{words_of(notes[i1:i2])} -> {words_of(shown[j1:j2])}"
        if change not in changes:
            changes.append(change)
    return changes


# --- Measures ------------------------------------------------------------------------


def bullet_fidelity(site: Path) -> tuple[int, int, list[str]]:
    found = total = 0
    lost = []
    for key, markdown in sections().items():
        rendered = site_items(site_page(site, key))
        for depth, text in commonmark_items(markdown, NESTED_UNDER.get(key, frozenset())):
            total += 1
            if any(d == depth and similar(text, t) for d, t in rendered):
                found += 1
            else:
                lost.append(f"{key} depth {depth}: {text[:70]}")
    return found, total, lost


def test_every_bullet_is_a_list_item_at_its_depth_but_the_known_fixes(site: Path):
    found, total, lost = bullet_fidelity(site)
    print(f"bullets: {found}/{total}", *lost, sep="\n  ")
    assert total > 0 and lost == list(FIXED_BULLETS)


def test_every_word_of_the_notes_is_on_its_page_in_order_but_the_known_changes(site: Path):
    """Word for word: deleting a sentence or a bullet of a lesson fails, and so does
    adding words to the author's, outside an Editor's note or example."""
    changes = {key: word_changes(site, key) for key in sections()}
    for key, found in changes.items():
        print(key, *found, sep="\n  ")
    assert {key: found for key, found in changes.items() if found} == {key: list(pinned) for key, pinned in CHANGED.items()}


def test_each_heading_in_the_notes_is_a_line_of_the_notes(site: Path):
    """A pseudo-heading of the author may become a heading; no heading is made up."""
    made_up, count = [], 0
    for key, markdown in sections().items():
        if not key.startswith("lessons/"):
            continue
        lines = set(content_lines(markdown))
        for heading in notes_headings(site_page(site, key)):
            count += 1
            # the whole line, but for spelling fixes: not a part of one, not a near one
            if heading not in lines and not any(SequenceMatcher(None, heading, line).ratio() >= 0.8 for line in lines):
                made_up.append(f"{key}: {heading}")
    assert count > 0 and made_up == []


def test_each_numbered_item_named_to_hold_bullets_holds_a_bullet_list():
    """NESTED_UNDER stays exact: every name in it is a numbered item with bullets after it."""
    for key, names in NESTED_UNDER.items():
        _, used = nesting(sections()[key], names)
        assert used == names, f"{key}: {sorted(names - used)}"
