// The hover card (the states' tooltip, class tm-tooltip, content from treaty_map.js) placed so it is always
// readable: between 220 and 420 px wide, never taller than the map, and kept inside the map's frame wherever
// the pointer is — beside the pointer, flipped to its other side at an edge, shifted up or down to fit.
// Its name, status and countdown stay at the top; when space is short the list of key dates is cut, not them.
// Shared by the app's map and the offline HTML (loaded after Leaflet, before the map is drawn).
(function () {
  "use strict";
  const EDGE = 8;   // the card's least distance from the map's edges
  const GAP = 16;   // between the pointer and the card
  const CARD = "tm-tooltip";
  const PANE = "tmCardPane";  // Leaflet names its element leaflet-tmCard-pane

  // Leaflet places a tooltip left or right of the pointer, centred on it, and lets it overflow the map.
  // Ours is placed here instead; any other tooltip keeps Leaflet's placement.
  const leafletPlace = L.Tooltip.prototype._setPosition;
  L.Tooltip.prototype._setPosition = function (layerPoint) {
    const card = this._container;
    if (!L.DomUtil.hasClass(card, CARD)) return leafletPlace.call(this, layerPoint);
    const map = this._map;
    // Leaflet's tooltip pane lies under the map's controls (inside the moving map pane): the card goes to a
    // pane of its own over them, placed in the map's own coordinates.
    const pane = map.getPane(PANE) || map.createPane(PANE, map.getContainer());
    if (card.parentNode !== pane) pane.appendChild(card);
    const room = map.getSize();
    const height = room.y - 2 * EDGE + "px";
    if (card.style.maxHeight !== height) card.style.maxHeight = height;
    const pointer = map.layerPointToContainerPoint(layerPoint);
    const width = card.offsetWidth, tall = card.offsetHeight;
    const facts = card.querySelector(".tm-facts");  // cut short when the map is low: faded, so it reads as cut
    if (facts) facts.classList.toggle("tm-cut", facts.scrollHeight > facts.clientHeight + 1);
    let x = pointer.x + GAP;                                     // right of the pointer,
    if (x + width > room.x - EDGE) x = pointer.x - GAP - width;  // else left of it,
    x = clamp(x, EDGE, room.x - EDGE - width);                   // else wherever it fits
    const y = clamp(pointer.y - tall / 2, EDGE, room.y - EDGE - tall);
    L.DomUtil.setPosition(card, L.point(x, y).round());
  };

  function clamp(value, low, high) {
    return Math.max(low, Math.min(value, high));
  }

  const style = document.createElement("style");
  style.textContent = [
    // max-content: in Leaflet's zero-width tooltip pane the card would otherwise shrink to its longest word.
    "." + CARD + " { width: max-content; min-width: min(220px, calc(100vw - 16px)); max-width: min(420px, calc(100vw - 16px));",
    "  box-sizing: border-box; display: flex; flex-direction: column; overflow: hidden; white-space: normal; }",
    "." + CARD + "::before { display: none; }",
    ".leaflet-tmCard-pane { z-index: 1001; pointer-events: none; }",  // over the controls (1000)
    "." + CARD + " .tm-card { max-width: none; min-height: 0; display: flex; flex-direction: column; }",
    "." + CARD + " .tm-card > * { flex: none; }",
    "." + CARD + " .tm-card > .tm-facts, ." + CARD + " .tm-card > .tm-note { flex: 0 1 auto; min-height: 1.4em; overflow: hidden; }",
    "." + CARD + " .tm-facts.tm-cut { mask-image: linear-gradient(to bottom, black calc(100% - 2.5em), transparent); }",
  ].join("\n");
  document.head.appendChild(style);
})();
