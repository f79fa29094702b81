"""The learning path as an inline SVG map, drawn by Graphviz at build time, and the
same graph as a list for readers who do not see the map.

No JavaScript draws it at run time: the map is plain SVG whose colours come from the
page's CSS (so it follows light and dark), and whose nodes link to their lessons
(javascripts/learning-path.js only shows a focused node whole).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pygraphviz

from .lessons import Lesson

# What Graphviz writes before the <svg> element, and the sizes in points it gives it.
PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
GRAPHVIZ_NAME = re.compile(r"<title>[^<]*</title>\n?")
FONT = "Helvetica,Arial,sans-serif"
FONT_POINTS = 12
SMALLEST_TEXT_PX = 12  # the map shrinks with the page, never its text below this
# The fontconfig in pygraphviz's wheel is older than some systems' configuration, and
# warns of each element it does not know (Debian 12's `reset-dirs`) on every build: noise
# that teaches contributors to skip warnings. It changes nothing drawn.
FONTCONFIG_NOISE = re.compile(r'^Fontconfig warning: .*: unknown element "[^"\n]*"\n', re.M)


def draw_map(lessons: list[Lesson], path: dict[int, tuple[int, ...]], href: Callable[[Lesson], str]) -> str:
    """An <svg> of the lessons, each an arrow from the lessons it builds on."""
    # Nodes first, in the order they are added (lesson order): the order Tab visits them.
    graph = pygraphviz.AGraph(
        directed=True, rankdir="LR", nodesep="0.25", ranksep="0.5", bgcolor="transparent", outputorder="nodesfirst"
    )
    graph.node_attr.update(shape="box", style="rounded", fontname=FONT, fontsize=str(FONT_POINTS), margin="0.15,0.06")
    graph.edge_attr.update(arrowsize="0.7")
    numbers = {lesson.number for lesson in lessons}
    for lesson in lessons:
        graph.add_node(
            f"lesson-{lesson.number}", label=f"{lesson.number} · {lesson.title}", URL=href(lesson),
            tooltip=f"Lesson {lesson.number}: {lesson.title}", id=f"map-lesson-{lesson.number}",
        )
    for lesson in lessons:
        for earlier in path[lesson.number]:
            if earlier in numbers:
                graph.add_edge(f"lesson-{earlier}", f"lesson-{lesson.number}", id=f"map-lesson-{earlier}-to-{lesson.number}")
    # The starting points in one column, in course order, Lesson 1 on top.
    starts = [f"lesson-{lesson.number}" for lesson in lessons if not path[lesson.number]]
    graph.add_subgraph(starts, rank="same")
    for above, below in zip(starts, starts[1:]):
        graph.add_edge(above, below, style="invis", id=f"map-{above}-above-{below}")
    with stderr_without(FONTCONFIG_NOISE):
        svg = PROLOGUE.sub("", graph.draw(format="svg", prog="dot").decode())
    # Graphviz names each group by its node's or edge's own name ("lesson-3->lesson-7"),
    # which a screen reader reads out before the links' names.
    svg = GRAPHVIZ_NAME.sub("", svg)
    # As wide as the column allows, up to its own size; on a narrow screen it scrolls
    # sideways rather than shrink its text below SMALLEST_TEXT_PX.
    width, height = (float(v) * 4 / 3 for v in SIZE.search(svg).groups())  # points to pixels
    narrowest = width * SMALLEST_TEXT_PX / (FONT_POINTS * 4 / 3)
    style = f"width: 100%; max-width: {width:.0f}px; min-width: {narrowest:.0f}px"
    svg = SIZE.sub(f'<svg width="{width:.0f}" height="{height:.0f}" style="{style}"', svg, 1)
    # SVG 2's href, which crawlers and Lighthouse take for a link (Graphviz writes xlink:href).
    return svg.replace("<svg ", '<svg class="learning-path-svg" ', 1).replace("<a xlink:href=", "<a href=")


def path_list(lessons: list[Lesson], path: dict[int, tuple[int, ...]], link: Callable[[Lesson], str]) -> str:
    """The map as Markdown: each lesson and the lessons it builds on."""
    titles = {lesson.number: lesson for lesson in lessons}
    lines = []
    for lesson in lessons:
        earlier = [titles[n] for n in path[lesson.number] if n in titles]
        after = f": builds on {', '.join(link(l) for l in earlier)}" if earlier else ": a starting point"
        lines.append(f"- {link(lesson)}{after}")
    return "\n".join(lines)


@contextmanager
def stderr_without(noise: re.Pattern[str]) -> Iterator[None]:
    """What is written to standard error meanwhile, by C libraries too, passed on after,
    less ``noise``. Where standard error is no file, left alone. One at a time: the
    descriptor is the process's."""
    with STDERR:
        try:
            saved = os.dup(2)
        except OSError:
            yield
            return
        try:
            if sys.stderr:
                sys.stderr.flush()
            with tempfile.TemporaryFile() as caught:
                os.dup2(caught.fileno(), 2)
                try:
                    yield
                finally:
                    os.dup2(saved, 2)
                    caught.seek(0)
                    if (rest := noise.sub("", caught.read().decode(errors="replace"))) and sys.stderr:
                        sys.stderr.write(rest)
                        sys.stderr.flush()
        finally:
            os.close(saved)


STDERR = threading.Lock()
