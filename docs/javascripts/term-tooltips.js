// A term link's definition (notes_site marks a.glossary-term[data-summary], and its name
// in data-name where it has others) in a box of its own with role="tooltip", the one the
// link's aria-describedby names while it shows.
// Loaded by lesson pages only (overrides/main.html). One box per page, made at first
// use; listeners on the document only, so a page with many terms costs nothing at load.
// - Hover or keyboard focus shows it; it stays while the pointer moves onto it, and
//   Escape hides it (WCAG 1.4.13).
// - On touch, the first tap shows it with "Open in the glossary"; a second tap on the
//   term, or that link, goes there; a tap elsewhere closes it.
// - An acronym's <abbr title> shows its expansion the same way on a tap, which a touch
//   screen's browser never shows (a mouse has the title's own tooltip); a second tap
//   closes it. It takes the keyboard's focus (a Tab stop given here, where the script
//   that shows it runs: not on the print page, nor in the EPUB), which shows it too:
//   else only a mouse could read it. A mouse's press leaves it to the title.
// - It sits under the term, or above it where there is no room, inside the viewport and
//   the text's column, and follows the term when the page's layout moves it.
// - In the page's order it comes just after its term: after a tap, a screen reader's next
//   swipe or the next Tab reaches "Open in the glossary", not the page's end.
const TERM = "a.glossary-term[data-summary]";
const ACRONYM = "abbr[title]";
const GAP = 6; // px between the term and its box
const EDGE = 8; // px the box keeps from the viewport's sides
const LINGER = 300; // ms the box waits for the pointer to reach it

let popup, tip, open, shown, tapped, leaving, lastPointer;

function make() {
  popup = document.createElement("div");
  popup.className = "term-popup";
  popup.hidden = true;
  tip = document.createElement("div");
  tip.id = "term-tooltip";
  tip.setAttribute("role", "tooltip");
  open = document.createElement("a");
  open.textContent = "Open in the glossary";
  popup.append(tip, open);
}

// Where the box goes in the page's order: after the term and the inline elements around
// it (an <em>, whose style it would take), inside its paragraph, item or cell; but
// after any box around it that cuts off what overflows (a wide table's scrolling
// wrapper), which would cut it off.
function placeAfter(link) {
  let at = link;
  while (at.parentElement && getComputedStyle(at.parentElement).display === "inline") at = at.parentElement;
  for (let box = at.parentElement; box && box.tagName !== "ARTICLE"; box = box.parentElement) {
    const style = getComputedStyle(box);
    if (style.overflowX !== "visible" || style.overflowY !== "visible") at = box;
  }
  return at;
}

function show(link, byTap) {
  clearTimeout(leaving);
  if (!popup) make();
  const after = placeAfter(link);
  if (after.nextSibling !== popup) after.after(popup);
  if (shown && shown !== link) shown.removeAttribute("aria-describedby");
  shown = link;
  tapped = byTap ? link : null;
  tip.replaceChildren(link.dataset.summary || link.title);
  // A link whose text is another of the term's names ("DNS", "HA") says which term it is.
  const name = link.dataset.name;
  if (name && !link.textContent.trim().toLowerCase().startsWith(name.toLowerCase())) {
    const title = document.createElement("strong");
    title.textContent = name;
    tip.prepend(title, " ");
  }
  open.href = link.href || "";
  open.hidden = !byTap || !link.href; // an acronym has no entry to open
  link.setAttribute("aria-describedby", tip.id);
  place(link);
}

function hide() {
  clearTimeout(leaving);
  if (!shown) return;
  shown.removeAttribute("aria-describedby");
  popup.hidden = true;
  shown = tapped = null;
}

// Under the term, or above it when only there it fits; its left edge under the term's,
// moved in so that it never passes either side of the viewport.
function place(link) {
  popup.style.left = popup.style.top = "0px"; // measured where the page's width cannot grow
  popup.hidden = false;
  const lines = link.getClientRects();
  const first = lines[0], last = lines[lines.length - 1];
  const width = popup.offsetWidth, height = popup.offsetHeight;
  // Its right edge inside the text's column too: on a wide screen, not over the table of
  // contents beside it.
  const column = link.closest(".md-content")?.getBoundingClientRect();
  const rightmost = Math.min(document.documentElement.clientWidth, column ? column.right : Infinity) - EDGE;
  const roomBelow = innerHeight - last.bottom, roomAbove = first.top;
  const below = roomBelow >= height + GAP + EDGE || roomBelow >= roomAbove;
  const anchor = below ? last : first;
  const left = Math.max(EDGE, Math.min(anchor.left, rightmost - width));
  const top = below ? last.bottom + GAP : first.top - GAP - height;
  const origin = popup.offsetParent.getBoundingClientRect(); // what "left" and "top" count from
  popup.style.left = `${left - origin.left}px`;
  popup.style.top = `${top - origin.top}px`;
}

const onBox = (node) => Boolean(popup && node instanceof Node && popup.contains(node));
const termOf = (node) => (node instanceof Element ? node.closest(TERM) : null);
const acronymOf = (node) => (node instanceof Element ? node.closest(ACRONYM) : null);

document.addEventListener("pointerdown", (event) => { lastPointer = event.pointerType; }, { capture: true, passive: true });

document.addEventListener("pointerover", (event) => {
  if (event.pointerType === "touch") return; // a tap decides, in "click"
  const link = termOf(event.target);
  if (link && link !== shown) show(link, false);
  else if (link || onBox(event.target)) clearTimeout(leaving);
});

document.addEventListener("pointerout", (event) => {
  if (event.pointerType === "touch" || !shown || tapped) return;
  const into = event.relatedTarget;
  if (termOf(into) === shown || onBox(into) || document.activeElement === shown) return;
  clearTimeout(leaving);
  leaving = setTimeout(hide, LINGER);
});

// An acronym pressed with a mouse has its title's own tooltip: a second box would cover
// it. A tap shows it in "click"; the keyboard's focus (:focus-visible) shows it here.
document.addEventListener("focusin", (event) => {
  const acronym = acronymOf(event.target);
  const link = termOf(event.target) || (acronym && acronym.matches(":focus-visible") && acronym);
  if (link && link !== shown) show(link, false);
});

// The pointer still on the term keeps it; not a tap's, whose :hover stays after it. The
// focus moving on from "Open in the glossary", out of the box, closes it too.
document.addEventListener("focusout", (event) => {
  if (!shown || onBox(event.relatedTarget) || event.relatedTarget === shown) return;
  if ((event.target === shown && (tapped || !shown.matches(":hover"))) || onBox(event.target)) hide();
});

document.addEventListener("click", (event) => {
  const link = termOf(event.target);
  const byTouch = lastPointer === "touch" && event.detail > 0; // not a key's Enter
  const acronym = !link && acronymOf(event.target);
  if (link && byTouch && tapped !== link) {
    event.preventDefault(); // the first tap shows; the second goes
    show(link, true);
  } else if (acronym && byTouch && tapped !== acronym) {
    show(acronym, true);
  } else if (!link && !onBox(event.target)) {
    hide();
  }
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && shown) hide();
});

document.querySelectorAll(`article ${ACRONYM}`).forEach((acronym) => { acronym.tabIndex = 0; });

addEventListener("resize", () => shown && place(shown));
// Back to a page from the browser's back/forward cache, left by a tapped term's second
// tap: its box was still open, and one more tap would go.
addEventListener("pageshow", (event) => event.persisted && hide());
// The page may change its height under a shown box (the lesson's "Mark as done" box
// appears once its script has loaded; a figure): the box follows its term.
new ResizeObserver(() => shown && place(shown)).observe(document.body);
