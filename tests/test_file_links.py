"""notes_site.file_links: links and images that lead to no file, with their lines."""

from notes_site.file_links import links_to_no_file

FILES = {"lessons/06-latency.md", "lessons/07-availability.md", "photos/1.svg", "photos/a ring.svg", "glossary.md"}


def dead(body: str, page: str = "lessons/06-latency.md") -> list[str]:
    return [str(p) for p in links_to_no_file(body, page, f"docs/{page}", 5, FILES.__contains__)]


def test_a_link_or_image_to_no_file_is_named_with_its_line_and_the_path_it_looked_for():
    body = "Text\n\nSee [the next](07-availabilty.md#nines) and ![a ring](../photos/2.svg \"A ring\").\n"
    assert dead(body) == [
        "docs/lessons/06-latency.md:7: '07-availabilty.md#nines' leads to no file "
        "(docs/lessons/07-availabilty.md does not exist): fix the path, which starts from this file's folder",
        "docs/lessons/06-latency.md:7: '../photos/2.svg' leads to no file "
        "(docs/photos/2.svg does not exist): fix the path, which starts from this file's folder",
    ]


def test_links_to_files_that_exist_are_left_alone_from_any_folder():
    body = "[a](07-availability.md#nines) ![b](../photos/1.svg) ![c](../photos/a%20ring.svg) [d](<../glossary.md>)\n"
    assert dead(body) == []
    assert dead("[a](lessons/06-latency.md)\n", page="index.md") == []


def test_links_that_are_no_files_or_are_not_links_are_left_to_mkdocs():
    body = "\n".join([
        "[a site](https://example.org/x.md) [mail](mailto:a@b.c) [here](#nines) [root](/x.md)",
        "`[in code](nowhere.md)` and ``[more](nowhere.md)``",
        "```markdown",
        "[in a fence](nowhere.md)",
        "```",
    ])
    assert dead(body) == []
