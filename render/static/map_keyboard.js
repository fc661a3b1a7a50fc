// The map for keyboard and screen-reader users, in the app's map frame and in the offline HTML.
//
// Pattern: the map is ONE Tab stop, a focusable container with role="application" and
// aria-roledescription="map" (the pattern of web maps screen-reader users know: inside it the
// keys go to the map, not to the reader's browse mode). Its shapes are not focusable. Inside it:
//   ←/→ (or ↑/↓)  the previous/next state, by name; Home/End the first/last;
//   a letter       type-ahead: the next state whose name starts with what was typed;
//   Enter/Space    the state's record: the same as a click (it selects the state, opens its card,
//                  and in the app the bridge tells the server, which shows the State record);
//   Escape         closes the card.
// The focused state is outlined on the map and its name and status are read by an assertive live
// region (a direct answer to the key pressed). The date's sentence is read by a separate polite live
// region once the date has settled — never on every step of Play, only where Play stops.
// The frame (app) or the page (offline) is named for what it shows; the legend is a labelled list.
// Hooks: wraps window.TreatyMap.update (treaty_map.js), so it must load after it.
(function () {
  "use strict";
  const TYPE_AHEAD_MS = 800;
  const SETTLE_MS = 700;

  const state = { payload: null, states: [], index: -1, typed: "", typedAt: 0, container: null, sentence: null, spoken: null, timer: null };

  function el(tag, className, attributes) {
    const node = document.createElement(tag);
    node.className = className;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function label(key) {
    const row = state.payload.palette.find(function (c) { return c.key === key; });
    return row ? row.label : key;
  }

  // "Map of Europe: Mine Ban Convention status on 27 December 2025"
  function mapName(payload) {
    return "Map of Europe: " + payload.title + " status on " + payload.date_label;
  }

  function layersByState() {
    const layers = window.treatyMapLayers;
    const found = {};
    [layers.countries, layers.microstates].forEach(function (group) {
      group.eachLayer(function (layer) {
        const props = layer.feature.properties;
        if (!found[props.iso3]) found[props.iso3] = { iso3: props.iso3, name: props.name, layer: layer };
        if (layer._path) {
          layer._path.setAttribute("tabindex", "-1");
          layer._path.setAttribute("focusable", "false");
        }
      });
    });
    return Object.keys(found).map(function (iso3) { return found[iso3]; })
      .sort(function (a, b) { return a.name.localeCompare(b.name); });
  }

  function setUp() {
    const map = window.treatyMapLayers.map;
    const container = map.getContainer();
    state.container = container;
    state.states = layersByState();
    container.setAttribute("tabindex", "0");
    container.setAttribute("role", "application");
    container.setAttribute("aria-roledescription", "map");
    const hint = el("p", "tm-sr-only", { id: "tm-map-keys" });
    hint.textContent = "Arrow keys move between states, a letter jumps to a state by name, Enter opens the state's record.";
    // Shown as well as read: a sighted keyboard user sees which state the keys are on.
    state.focusVoice = el("div", "tm-focus-label", { "aria-live": "assertive", "aria-atomic": "true" });
    state.dateVoice = el("div", "tm-sr-only", { "aria-live": "polite", "aria-atomic": "true" });
    document.body.appendChild(hint);
    container.appendChild(state.focusVoice);
    document.body.appendChild(state.dateVoice);
    container.setAttribute("aria-describedby", "tm-map-keys");
    container.addEventListener("keydown", onKey);
    container.addEventListener("blur", function () {
      outline(null);
      state.focusVoice.textContent = "";
    });
    // A click on the map is a pointer action: the focus ring for keys only (:focus-visible).
    new MutationObserver(quietWhilePlaying).observe(document.body, { attributes: true, attributeFilter: ["data-playing"] });
  }

  function outline(entry) {
    state.states.forEach(function (other) { if (other.layer._path) other.layer._path.classList.remove("tm-focused"); });
    if (entry && entry.layer._path) {
      entry.layer._path.classList.add("tm-focused");
      if (entry.layer.bringToFront) entry.layer.bringToFront();
    }
  }

  function describe(entry) {
    const iso3 = entry.iso3;
    const payload = state.payload;
    let text = entry.name + ": " + label(payload.fills[iso3] || "not_covered");
    if (payload.takes_effect && payload.takes_effect[iso3]) text += ", takes effect on " + payload.takes_effect[iso3];
    if (payload.selected === iso3) text += ", selected";
    return text + ". " + (state.index + 1) + " of " + state.states.length + ".";
  }

  function focusState(index) {
    const count = state.states.length;
    state.index = (index + count) % count;
    const entry = state.states[state.index];
    outline(entry);
    state.focusVoice.textContent = describe(entry);
    state.container.setAttribute("data-focused-state", entry.iso3);
  }

  function typeAhead(letter) {
    const now = Date.now();
    state.typed = now - state.typedAt < TYPE_AHEAD_MS ? state.typed + letter : letter;
    state.typedAt = now;
    const wanted = state.typed.toLowerCase();
    const count = state.states.length;
    // A repeated single letter moves on to the next name with that letter.
    const start = state.typed.length === 1 ? state.index + 1 : Math.max(state.index, 0);
    for (let step = 0; step < count; step += 1) {
      const index = (start + step) % count;
      if (state.states[index].name.toLowerCase().indexOf(wanted) === 0) return focusState(index);
    }
  }

  // The same as a click (treaty_map.js opens the card with every source; the app's bridge tells the
  // server, which selects the state and shows its record); the popup replaces the hover card.
  function openRecord(entry) {
    entry.layer.fire("click");
    entry.layer.closeTooltip();
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    const current = state.index < 0 ? Math.max(0, state.states.findIndex(function (s) { return s.iso3 === state.payload.selected; })) : state.index;
    if (key === "ArrowRight" || key === "ArrowDown") focusState(state.index < 0 ? current : state.index + 1);
    else if (key === "ArrowLeft" || key === "ArrowUp") focusState(state.index < 0 ? current : state.index - 1);
    else if (key === "Home") focusState(0);
    else if (key === "End") focusState(state.states.length - 1);
    else if ((key === "Enter" || key === " ") && state.index >= 0) openRecord(state.states[state.index]);
    else if (key === "Escape") window.treatyMapLayers.map.closePopup();
    else if (key.length === 1 && /\S/.test(key)) typeAhead(key);
    else return;
    // The map uses these keys itself: the timeline's page-wide arrow keys must not also step the date.
    event.preventDefault();
    event.stopPropagation();
  }

  function name(payload) {
    const text = mapName(payload);
    state.container.setAttribute("aria-label", text);
    try {
      if (window.frameElement) {
        window.frameElement.setAttribute("title", text);
        document.title = text;
      }
    } catch (error) { /* cross-origin: the frame keeps its own name */ }
    // The legend as a labelled list of its rows.
    const legend = state.container.querySelector(".tm-legend");
    if (legend) {
      legend.setAttribute("role", "list");
      legend.setAttribute("aria-label", "Legend: " + payload.title + " on " + payload.date_label);
      legend.querySelectorAll(".tm-legend-row").forEach(function (row) { row.setAttribute("role", "listitem"); });
      const heading = legend.querySelector(".tm-legend-title");
      if (heading) heading.setAttribute("aria-hidden", "true");  // said by the list's label
    }
  }

  // Play reads nothing at each step (the timeline's date label included); where it stops, the sentence.
  function quietWhilePlaying() {
    const playing = document.body.getAttribute("data-playing") === "true";
    document.querySelectorAll(".tm-date-label").forEach(function (label) {
      if (playing) label.setAttribute("aria-live", "off");
      else if (!document.activeElement || !document.activeElement.classList.contains("tm-range")) label.setAttribute("aria-live", "polite");
    });
    if (!playing) scheduleSentence();
  }

  // The date's sentence, read once the date has stayed put (and Play has stopped).
  function scheduleSentence() {
    clearTimeout(state.timer);
    state.timer = setTimeout(function () {
      const sentence = state.sentence;
      if (!sentence || document.body.getAttribute("data-playing") === "true") return;
      if (sentence.date !== state.payload.date || state.spoken === sentence.date + sentence.text) return;
      state.spoken = sentence.date + sentence.text;
      state.dateVoice.textContent = sentence.text;
    }, SETTLE_MS);
  }

  // The offline page has no server to write the text version (the app's is components/accessibility.py):
  // where the page holds a #tm-text-version, it is written here for the date on screen, from what the map shows.
  function writeTextVersion(payload) {
    const place = document.getElementById("tm-text-version");
    if (!place) return;
    const body = place.querySelector(".tm-text-body");
    const heading = place.querySelector("summary");
    heading.textContent = "Text version of the map: " + payload.title + " on " + payload.date_label;
    body.textContent = "";
    const intro = el("p", "tm-text-sentence");
    intro.textContent = payload.sentence ? payload.sentence.text : "";
    body.appendChild(intro);
    payload.palette.forEach(function (row) {
      if (row.key === "not_covered") return;
      const members = state.states.filter(function (s) { return payload.fills[s.iso3] === row.key; });
      if (!members.length) return;
      const title = el("h3", "tm-text-status");
      title.textContent = row.label + " (" + members.length + ")";
      const list = el("ul", "tm-text-states");
      members.forEach(function (member) {
        const item = document.createElement("li");
        const effect = payload.takes_effect && payload.takes_effect[member.iso3];
        item.textContent = member.name + (effect ? " — withdrawal takes effect on " + effect : "");
        list.appendChild(item);
      });
      body.appendChild(title);
      body.appendChild(list);
    });
  }

  const update = window.TreatyMap.update;
  window.TreatyMap.update = function (payload) {
    update(payload);
    const first = state.payload === null;
    state.payload = payload;
    if (first) setUp();
    name(payload);
    writeTextVersion(payload);
    if (state.index >= 0) outline(state.states[state.index]);
    if (payload.sentence) {
      if (first) state.spoken = payload.sentence.date + payload.sentence.text;  // the page shows it already
      state.sentence = payload.sentence;
      scheduleSentence();
    }
  };

  const style = document.createElement("style");
  style.textContent = [
    ".tm-sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }",
    // Drawn above the legend, the controls and the shapes, so the map's focus ring is never hidden.
    ".leaflet-container:focus { outline: none; }",
    ".tm-focus-label { position: absolute; top: 12px; right: 12px; z-index: 1002; max-width: 60%; padding: 6px 10px; border-radius: 6px;",
    "  background: var(--tm-panel); box-shadow: 0 1px 4px var(--tm-shadow); font: 600 15px/1.35 system-ui, sans-serif; }",
    ".tm-focus-label:empty { display: none; }",
    ".leaflet-container:focus-visible::after { content: ''; position: absolute; inset: 0; z-index: 1001; pointer-events: none;",
    "  border: 4px solid var(--tm-selected); box-shadow: inset 0 0 0 7px var(--tm-panel); }",
    "path.tm-focused { stroke: var(--tm-selected); stroke-width: 4px; stroke-dasharray: 7 4; }",
    ".leaflet-control a:focus-visible, .tm-timeline :focus-visible { outline: 3px solid var(--tm-selected); outline-offset: 1px; }",
    // Faded legend rows (a status no state has today): the swatch fades, the text keeps its contrast.
    ".tm-legend .tm-empty { opacity: 1; }",
    ".tm-legend .tm-empty .tm-swatch { opacity: 0.45; }",
    ".tm-legend .tm-empty .tm-legend-label, .tm-legend .tm-empty .tm-count { color: var(--tm-faint); }",
  ].join("\n");
  document.head.appendChild(style);
})();
