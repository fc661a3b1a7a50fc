// Themes and presentation mode inside the map's page (the app's map frame and the offline HTML).
// Themes: the server sends every theme's colours once (`themes`, from render.payload.palette_payload)
// and names the one wanted; "auto" follows the system's light/dark preference, and a change of that
// preference repaints at once. Presentation mode (payload.present): type sized for a projector on the
// legend, the timeline and the title, the title (treaty and date) on the map, and the legend's empty
// statuses hidden behind a "Show all statuses" switch. No colour is written here: every one is a
// --tm-* variable set from the palette's chrome (treaty_map.js applyChrome).
(function () {
  "use strict";

  const DARK_QUERY = "(prefers-color-scheme: dark)";
  const state = { title: null, showAll: false };

  function systemPrefersDark() {
    return Boolean(window.matchMedia && window.matchMedia(DARK_QUERY).matches);
  }

  // The theme to draw: the one asked for, or for "auto" (or none) the system's preference.
  function resolve(wanted, themes) {
    if (wanted && wanted !== "auto" && themes[wanted]) return wanted;
    return systemPrefersDark() ? "dark" : "light";
  }

  // `args` with the palette and chrome of its theme (args.themes holds them all, args.theme names one).
  function themed(args) {
    if (!args.themes) return args;
    const name = resolve(args.theme, args.themes);
    return Object.assign({}, args, args.themes[name], { resolved_theme: name });
  }

  function onSystemChange(callback) {
    if (!window.matchMedia) return;
    const query = window.matchMedia(DARK_QUERY);
    if (query.addEventListener) query.addEventListener("change", callback);
  }

  function titleControl(map) {
    const Title = L.Control.extend({
      options: { position: "topleft" },  // beside the zoom buttons, over the Atlantic
      onAdd: function () {
        const div = L.DomUtil.create("div", "tm-map-title");
        div.setAttribute("role", "heading");
        div.setAttribute("aria-level", "2");
        return div;
      },
    });
    return new Title().addTo(map);
  }

  // The switch lives in the legend, which treaty_map.js redraws on every date: it is added again each
  // time, with its state kept here.
  function addSwitch(legend) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tm-legend-all";
    button.setAttribute("aria-pressed", String(state.showAll));
    button.textContent = state.showAll ? "Hide empty statuses" : "Show all statuses";
    button.addEventListener("click", function () {
      state.showAll = !state.showAll;
      legend.classList.toggle("tm-show-all", state.showAll);
      addSwitch(legend);
      legend.querySelector(".tm-legend-all").focus();
    });
    // In its own list item: the legend is a list (map_keyboard.js), whose children must all be items.
    const item = document.createElement("div");
    item.className = "tm-legend-switch";
    item.setAttribute("role", "listitem");
    item.appendChild(button);
    const old = legend.querySelector(".tm-legend-switch");
    if (old) old.replaceWith(item);
    else legend.appendChild(item);
  }

  // After treaty_map.js has drawn a date: presentation mode on or off, the title, the legend's switch.
  function update(payload, legend, map) {
    document.body.classList.toggle("tm-present", Boolean(payload.present));
    if (payload.resolved_theme) document.documentElement.setAttribute("data-tm-theme", payload.resolved_theme);
    if (!state.title) state.title = titleControl(map);
    state.title.getContainer().textContent = payload.date_label ? payload.title + " — " + payload.date_label : payload.title;
    legend.classList.toggle("tm-show-all", state.showAll);
    addSwitch(legend);
  }

  // Fitting a view: the region placed beside the legend, not under it (legend_room.js).
  function viewPadding() {
    return window.TreatyLegendRoom.padding();
  }

  window.TreatyMapPresent = { themed: themed, onSystemChange: onSystemChange, update: update, viewPadding: viewPadding };

  const style = document.createElement("style");
  style.textContent = [
    // Every theme: text, buttons, the hover card and Leaflet's own controls take the theme's colours.
    "body, .tm-legend, .tm-timeline, .tm-map-title { color: var(--tm-text); }",
    ".tm-timeline button, .tm-timeline select, .tm-legend-all { background: var(--tm-control); color: var(--tm-text);",
    "  border: 1px solid var(--tm-panel-edge); border-radius: 4px; }",
    ".tm-timeline button:disabled { opacity: 0.5; cursor: default; }",
    ".leaflet-tooltip, .leaflet-popup-content-wrapper, .leaflet-popup-tip { background: var(--tm-panel); color: var(--tm-text);",
    "  border-color: var(--tm-panel-edge); }",
    ".leaflet-tooltip-top:before { border-top-color: var(--tm-panel); } .leaflet-tooltip-bottom:before { border-bottom-color: var(--tm-panel); }",
    ".leaflet-tooltip-left:before { border-left-color: var(--tm-panel); } .leaflet-tooltip-right:before { border-right-color: var(--tm-panel); }",
    ".leaflet-bar a, .leaflet-bar a:hover { background: var(--tm-control); color: var(--tm-text); border-color: var(--tm-panel-edge); }",
    ".leaflet-container .leaflet-control-attribution, .leaflet-control-scale-line { background: var(--tm-panel); color: var(--tm-text); }",
    ".leaflet-control-scale-line { border-color: var(--tm-text); }",
    ".leaflet-container a { color: var(--tm-text); }",
    ".leaflet-top.leaflet-left .tm-map-title { display: none; clear: none; background: var(--tm-panel); padding: 6px 14px; border-radius: 6px;",
    "  box-shadow: 0 1px 4px var(--tm-shadow); font-weight: 700; }",
    ".tm-legend-all { display: none; font: inherit; margin-top: 6px; padding: 3px 10px; cursor: pointer; }",
    // Presentation mode: projector type, sized by the frame (at least 20 px at 1366x768, more on larger
    // screens); the legend keeps the statuses on the map, the switch shows the rest.
    "body.tm-present { --tm-type: clamp(20px, min(1.6vw, 3vh), 34px); }",
    ".tm-present .tm-legend, .tm-present .tm-timeline { font-size: var(--tm-type); }",
    ".tm-present .tm-legend { max-width: 30em; }",
    ".tm-present .tm-legend .tm-swatch { width: 1.1em; height: 0.85em; }",
    ".tm-present .tm-legend-title { display: none; }",
    ".tm-present .tm-legend-all { display: block; }",
    ".tm-present .tm-legend:not(.tm-show-all) .tm-empty { display: none; }",
    ".tm-present .leaflet-top.leaflet-left .tm-map-title { display: block; font-size: calc(var(--tm-type) * 1.15); }",
    // The timeline's rows grow with the type; the bridge measures the bar and gives the map the rest.
    ".tm-present .tm-window, .tm-present .tm-axis, .tm-present .tm-tick-label, .tm-present .tm-overview-axis span { font-size: var(--tm-type); }",
    ".tm-present .tm-track { height: calc(22px + var(--tm-type) * 1.6); }",
    ".tm-present .tm-axis { height: calc(var(--tm-type) * 1.3); }",
    ".tm-present .tm-overview { height: calc(var(--tm-type) * 1.5); }",
    ".tm-present .tm-handle { height: calc(var(--tm-type) * 1.5); }",
  ].join("\n");
  document.head.appendChild(style);
})();
