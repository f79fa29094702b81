// The learning-path map's focused node, shown whole. Chromium scrolls the map to a node
// the keyboard focuses only when the node is wholly out of view: one half under the
// map's edge stayed there (on a phone, where the map scrolls sideways, most did, as
// lesson order goes back and forth between its columns). Loaded by the learning-path
// page (its front matter's `scripts:`); a module, run once per document.
const map = document.querySelector(".learning-path-map");

map?.addEventListener("focusin", (event) => {
  const node = event.target.getBoundingClientRect(), view = map.getBoundingClientRect();
  if (node.left >= view.left && node.right <= view.right) return;
  event.target.scrollIntoView({ block: "nearest", inline: "center" });
});
