"""The learning-path map as readers see it: links that work, readable on a phone and in dark mode."""

from __future__ import annotations

from playwright.sync_api import expect


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_node_opens_its_lesson(server, watched):
    page = watched.page
    page.goto(server + "/learning-path/")
    links = page.locator(".learning-path-map svg a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs
    for href in hrefs:
        response = page.request.get(f"{server}/learning-path/{href}")
        assert response.status == 200, href
    links.filter(has_text="Caching").click()
    expect(page).to_have_url(f"{server}/lessons/08-caching/")
    assert watched.off_origin == [] and watched.errors == []


def test_on_a_phone_the_map_scrolls_and_its_text_stays_readable(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + "/learning-path/")
    box = page.locator(".learning-path-map")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # scrolls sideways
    smallest = page.evaluate("Math.min(...[...document.querySelectorAll('.learning-path-map text')].map(t => t.getBoundingClientRect().height))")
    assert smallest >= 12
    context.close()


def test_in_dark_mode_the_nodes_follow_the_palette(server, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server + "/learning-path/")
    text = page.locator(".learning-path-map .node text").first.evaluate("t => getComputedStyle(t).fill")
    box = page.locator(".learning-path-map .node path").first.evaluate("p => getComputedStyle(p).fill")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert contrast(text, box) >= 4.5 and contrast(box, background) < 1.5  # a dark box with light text
    context.close()
