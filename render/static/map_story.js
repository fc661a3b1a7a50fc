// Highlighted states and callouts on the map (the app's and the offline HTML's), from the payload's `story`:
// { highlight: [ISO3...], callouts: [{lines, size, anchor, end, align}] }. Highlighted states get a thick
// outline in the theme's text colour, the others are muted (still in their status colour). Callouts are
// placed in Python (render/callouts.py, the rule the images use): a box touching its leader line at `end`
// (lat, lon), `align` saying where on the box that is (0..1 across, 0..1 down), the line from `anchor`.
(function () {
  "use strict";
  const state = { layer: null, key: null };

  function markShapes(layers, highlighted) {
    const any = highlighted.size > 0;
    [layers.countries, layers.microstates].forEach(function (group) {
      group.eachLayer(function (layer) {
        const path = layer.getElement ? layer.getElement() : layer._path;
        if (!path) return;
        const iso = layer.feature.properties.iso3;
        path.classList.toggle("tm-highlighted", highlighted.has(iso));
        path.classList.toggle("tm-muted", any && !highlighted.has(iso));
        path.setAttribute("data-highlighted", highlighted.has(iso) ? "true" : "false");
        if (highlighted.has(iso) && layer.bringToFront) layer.bringToFront();  // the outline over its neighbours' borders
      });
    });
  }

  // The box's text as DOM text (never markup): a callout may come from a link.
  function box(callout, number) {
    const element = document.createElement("div");
    element.className = "tm-callout-box";
    element.setAttribute("data-callout", String(number));
    // Grown in presentation mode about the point its leader meets, so it stays on its side of the anchor.
    element.style.transformOrigin = callout.align[0] * 100 + "% " + callout.align[1] * 100 + "%";
    element.style.width = callout.size[0] + "px";
    callout.lines.forEach(function (text) {
      const line = document.createElement("div");
      line.textContent = text;
      element.appendChild(line);
    });
    return element;
  }

  function drawCallouts(map, callouts) {
    if (state.layer) state.layer.remove();
    state.layer = L.layerGroup();
    callouts.forEach(function (callout, index) {
      L.polyline([callout.anchor, callout.end], { className: "tm-callout-leader", weight: 1.5, interactive: false }).addTo(state.layer);
      L.circleMarker(callout.anchor, { className: "tm-callout-anchor", radius: 3, weight: 0, fillOpacity: 1, interactive: false }).addTo(state.layer);
      const icon = L.divIcon({
        className: "tm-callout",
        html: box(callout, index + 1),
        iconSize: callout.size,
        iconAnchor: [callout.align[0] * callout.size[0], callout.align[1] * callout.size[1]],
      });
      L.marker(callout.end, { icon: icon, interactive: false, keyboard: false }).addTo(state.layer);
    });
    state.layer.addTo(map);
  }

  function update(payload, layers) {
    const story = payload.story || { highlight: [], callouts: [] };
    markShapes(layers, new Set(story.highlight));
    const key = JSON.stringify(story.callouts);
    if (key !== state.key) {
      state.key = key;
      drawCallouts(layers.map, story.callouts);
    }
  }

  window.TreatyMapStory = { update: update };

  const style = document.createElement("style");
  style.textContent = [
    // CSS wins over the stroke Leaflet writes as an attribute.
    ".leaflet-interactive.tm-highlighted { stroke: var(--tm-text); stroke-width: 3.5px; stroke-dasharray: none; stroke-linejoin: round; }",
    ".leaflet-interactive.tm-muted { fill-opacity: 0.45; }",
    ".tm-callout-leader { stroke: var(--tm-text); }",
    ".tm-callout-anchor { fill: var(--tm-text); }",
    ".tm-callout { background: none; border: none; }",
    ".tm-callout-box { box-sizing: border-box; padding: 5px 6px; background: var(--tm-panel); color: var(--tm-text);",
    "  border: 1.5px solid var(--tm-text); border-radius: 3px; font: 14px/18px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; white-space: nowrap; }",
    // On a projector: about 21 px type, as the legend's (map_present.js).
    ".tm-present .tm-callout-box { transform: scale(1.5); }",
  ].join("\n");
  document.head.appendChild(style);
})();
