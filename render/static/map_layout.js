// The map's controls kept off the states and on screen, at any size: the data attribution folded into an
// ⓘ button, the legend folded into a button and the zoom buttons moved on small screens, the timeline bar wrapping onto more rows
// on narrow ones (the page learns its height from --tm-bar-height), and the scroll wheel left to the page
// until the viewer clicks or focuses the map. Shared by the app's map and the offline HTML.
(function () {
  "use strict";
  // Where the legend starts folded: a phone, or a laptop at 200 % zoom (the map then 651 px wide).
  const SMALL = "(max-width: 720px)";
  const HINT_MS = 1600;
  // For legend_room.js: fold the legend, move its button (a control rebuilds itself when moved: set once here).
  const hooks = window.TreatyMapLayout = {};

  function control(position, className, build) {
    const Control = L.Control.extend({
      options: { position: position },
      onAdd: function () {
        const box = L.DomUtil.create("div", "leaflet-control " + className);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        build(box);
        return box;
      },
    });
    return new Control();
  }

  // A button that shows and hides something; its state is announced (aria-expanded).
  function toggleButton(box, className, label, text, onToggle) {
    const button = L.DomUtil.create("button", className, box);
    button.type = "button";
    button.textContent = text;
    button.setAttribute("aria-label", label);
    button.setAttribute("aria-expanded", "false");
    const set = function (open) {
      button.setAttribute("aria-expanded", String(open));
      onToggle(open);
    };
    button.addEventListener("click", function () { set(button.getAttribute("aria-expanded") !== "true"); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        set(false);
        button.focus();
      }
    });
    return set;
  }

  // The attribution (Leaflet's own control, which keeps writing its text) moves into a panel behind ⓘ.
  function foldAttribution(map) {
    const attribution = map.attributionControl.getContainer();
    control("topright", "tm-info", function (box) {
      const panel = L.DomUtil.create("div", "tm-info-panel", box);
      panel.id = "tm-info-panel";
      panel.hidden = true;
      panel.appendChild(attribution);
      toggleButton(box, "tm-info-button", "About the map data", "i", function (open) { panel.hidden = !open; });
      box.querySelector(".tm-info-button").setAttribute("aria-controls", panel.id);
    }).addTo(map);
  }

  // The zoom buttons join the ⓘ at the top right (over the sea and Russia's far north, not Iceland, and clear
  // of the legend's button, which a long legend pushes up the left side). On a small screen the legend's
  // button goes to the top left (not over Portugal). The frame's
  // width settles after the page's first layout, so this follows it.
  function placeBySize(map, legendButton) {
    const small = window.matchMedia(SMALL);
    map.zoomControl.setPosition("topright");
    const place = function () {
      legendButton.setPosition(small.matches ? "topleft" : "bottomleft");
    };
    small.addEventListener("change", place);
    place();
    // legend_room.js moves it to the top left where the bottom left would hide a state.
    hooks.placeLegendButton = function (corner) {
      const wanted = small.matches ? "topleft" : corner;
      if (legendButton.getPosition() !== wanted) legendButton.setPosition(wanted);
    };
  }

  // The legend (treaty_map.js, redrawn each date) is hidden by a class on the map, so a redraw keeps it folded.
  // It follows the frame's width (as placeBySize does) until the viewer chooses.
  function foldLegend(map) {
    const container = map.getContainer();
    const small = window.matchMedia(SMALL);
    let open = !small.matches;
    let chosen = false;
    let set = null;
    const key = control("bottomleft", "tm-key", function (box) {
      // Built again when the button changes corner (Leaflet adds a moved control anew): the legend's state stays.
      set = toggleButton(box, "tm-key-button", "Legend", "Legend", function (opened) {
        open = opened;
        L.DomUtil[open ? "removeClass" : "addClass"](container, "tm-key-folded");
      });
      box.querySelector("button").addEventListener("click", function () { chosen = true; });
      set(open);
    });
    small.addEventListener("change", function () { if (!chosen) set(!small.matches); });
    // Folded where it would hide a state at the opening view, open in presentation mode (legend_room.js), unless
    // the viewer chose; true if that changed it.
    hooks.showLegend = function (wanted) {
      if (chosen || open === wanted) return false;
      set(wanted);
      return true;
    };
    return key.addTo(map);
  }

  // The wheel scrolls the page until the viewer clicks or focuses the map; leaving the map hands it back.
  function wheelAfterClick(map) {
    const container = map.getContainer();
    const hint = L.DomUtil.create("div", "tm-wheel-hint", container);
    hint.textContent = "Click the map to zoom with the wheel";
    hint.setAttribute("aria-hidden", "true");
    let hideHint = null;
    map.scrollWheelZoom.disable();
    const wake = function () {
      map.scrollWheelZoom.enable();
      hint.classList.remove("tm-shown");
    };
    map.on("click", wake);
    container.addEventListener("focusin", wake);
    container.addEventListener("mouseleave", function () { map.scrollWheelZoom.disable(); });
    container.addEventListener("wheel", function () {
      if (map.scrollWheelZoom.enabled()) return;
      hint.classList.add("tm-shown");
      clearTimeout(hideHint);
      hideHint = setTimeout(function () { hint.classList.remove("tm-shown"); }, HINT_MS);
    }, { passive: true });
  }

  // The page sizes the map from the bar's height (--tm-bar-height, see streamlit_bridge.js), which grows when
  // the bar wraps; Leaflet is told whenever its own box changes.
  function followSizes(map) {
    if (!window.ResizeObserver) return;
    const sizes = new ResizeObserver(function () {
      const bar = document.querySelector(".tm-timeline");
      if (bar) document.documentElement.style.setProperty("--tm-bar-height", bar.offsetHeight + "px");
      map.invalidateSize();
    });
    sizes.observe(map.getContainer());
    const barAdded = new MutationObserver(function () {  // the app's page adds the bar on its first render
      const bar = document.querySelector(".tm-timeline");
      if (!bar) return;
      barAdded.disconnect();
      sizes.observe(bar);
    });
    if (document.querySelector(".tm-timeline")) sizes.observe(document.querySelector(".tm-timeline"));
    else barAdded.observe(document.body, { childList: true });
  }

  function start() {
    const layers = window.treatyMapLayers;
    if (!layers) return;
    foldAttribution(layers.map);
    placeBySize(layers.map, foldLegend(layers.map));
    wheelAfterClick(layers.map);
    followSizes(layers.map);
  }

  const style = document.createElement("style");
  style.textContent = [
    ".tm-info { display: flex; flex-direction: column; align-items: flex-end; gap: 4px; }",
    ".tm-info-button, .tm-key-button { font: 600 14px/1 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; cursor: pointer;",
    "  min-width: 30px; min-height: 30px; padding: 4px 8px; border: 1px solid var(--tm-panel-edge); border-radius: 6px;",
    "  background: var(--tm-panel); color: inherit; box-shadow: 0 1px 4px var(--tm-shadow); }",
    // An "i" in a circle: the ⓘ character is missing from many fonts.
    ".tm-info-button { width: 30px; height: 30px; padding: 0; border-radius: 50%; font: italic 700 17px/1 Georgia, 'Times New Roman', serif; }",
    ".tm-info-panel { max-width: min(520px, calc(100vw - 40px)); background: var(--tm-panel); border-radius: 6px;",
    "  box-shadow: 0 1px 4px var(--tm-shadow); }",
    ".tm-info-panel .leaflet-control-attribution.leaflet-control { float: none; margin: 0; max-width: none; padding: 6px 8px;",
    "  background: transparent; text-align: left; }",
    "@media screen { .tm-key-folded .tm-legend { display: none; } }",
    // On paper: the legend and the data's attribution shown, the buttons that fold them gone.
    "@media print { .tm-info-button, .tm-key-button { display: none !important; } .tm-info-panel[hidden] { display: block; } }",
    "@media (max-width: 480px) { .leaflet-control-scale { display: none; } }",  // a phone: it would cover Portugal
    ".tm-wheel-hint { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%); z-index: 1000; pointer-events: none;",
    "  padding: 8px 14px; border-radius: 6px; background: var(--tm-panel); box-shadow: 0 1px 6px var(--tm-shadow);",
    "  font-size: 15px; opacity: 0; transition: opacity 0.2s; }",
    ".tm-wheel-hint.tm-shown { opacity: 1; }",
    // Narrow: two rows, the date and the day slider above, the buttons below; smaller on a phone.
    "@media (max-width: 820px) {",
    "  .tm-timeline { flex-wrap: wrap; row-gap: 4px; }",
    "  .tm-timeline .tm-date-label { order: -2; }",
    "  .tm-timeline .tm-track { order: -1; flex: 1 0 calc(100% - 13em); }",  // with the date, a whole row
    "}",
    // Narrow (a phone, 200 % zoom): the window's row compact, so the map keeps its height: no "Window:" word
    // and no written-out dates (the window's sliders say them), the history strip as wide as the row leaves.
    "@media (max-width: 720px) {",
    "  .tm-timeline .tm-window-name, .tm-timeline .tm-window-range { display: none; }",
    "  .tm-timeline .tm-overview { flex: 1 1 120px; min-width: 96px; }",
    "}",
    "@media (max-width: 480px) {",
    "  body .tm-timeline { gap: 4px; font-size: 13px; }",
    "  body .tm-timeline button, body .tm-timeline select { padding: 3px 6px; }",  // over timeline_bar.js's own
    "}",
  ].join("\n");
  document.head.appendChild(style);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
