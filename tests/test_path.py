"""notes_site.path: which earlier lessons a lesson builds on, from its prerequisites."""

from notes_site.glossary import build_glossary
from notes_site.glossary_page import letter_ids
from notes_site.lessons import parse_lesson
from notes_site.rendering import page_url
from notes_site.path import builds_on, leads_to

LESSONS = {
    1: "# Lesson 1: A\n\n## Key Terms\n\n### Latency\n\nA made-up term of this test.\n",
    2: "# Lesson 2: B\n\n## Key Terms\n\n### Cache\n\nA made-up term of this test.\n\n### Process\n\nA made-up term of this test.\n",
    3: "# Lesson 3: C\n\n## Prerequisites\n\n### Latency\n\nA made-up term of this test.\n\n### Cache\n\nA made-up term of this test.\n\n### Socket\n\nA made-up term of this test.\n",
    4: "# Lesson 4: D\n\n## Prerequisites\n\n### Process\n\nA made-up term of this test.\n\n## Key Terms\n\n### Queue\n\nA made-up term of this test.\n",
}


def path():
    lessons = tuple(parse_lesson(text, f"lessons/0{n}-x.md")[0] for n, text in LESSONS.items())
    entries, problems = build_glossary(lessons, letter_ids())
    assert problems == []
    return builds_on(lessons, tuple(entries))


def test_a_lesson_builds_on_the_lessons_that_teach_its_prerequisites():
    # Socket is taught nowhere: it leads to no lesson.
    assert path() == {1: (), 2: (), 3: (1, 2), 4: (2,)}


def test_leads_to_is_the_other_way_round():
    assert leads_to(path()) == {1: (3,), 2: (3, 4), 3: (), 4: ()}


def test_map_links_follow_directory_urls():
    assert page_url("lessons/08-caching.md", "learning-path.md") == "../lessons/08-caching/"
    assert page_url("lessons/08-caching.md", "index.md") == "lessons/08-caching/"
    assert page_url("index.md", "lessons/08-caching.md") == "../../"
