// The Streamlit side of the map component.
// The geometry arrives once, in this document; the treaty's whole history of colours arrives once per
// dataset version (history-*.json). So the browser moves the date itself: a key press, a drag, a
// jump or a play tick moves the timeline controller (timeline_controller.js, drawn by timeline_bar.js),
// the map repaints at once, and the server is told the new date afterwards (for the sentence, the tabs
// and the address), one message at a time.
(function () {
  "use strict";
  const T = window.TreatyTimeline;

  let base = null;        // the server's last message (all but the fills): title, bounds, selection, files
  let history = null;     // { changes: [ISO...], periods: [{fills, pending}] } for base.history_url
  let timeline = null;    // the controller: the date on screen, the track, its window, jumps, play
  let chosenWindow;       // the window from the link or the briefer ({start, end}), null for the recent changes
  const fetched = { details: null, history: null, storyboard: null, text: null };
  let story = null;       // the storyboard being presented (storyboard_show.js), or null
  let storyStep = null;   // its step on screen, whose highlight and callouts the map draws
  let pending = null;

  // What the viewer wants the server to know: the latest date (with the history it was read from) and
  // the last click. Every message carries all of it, so a lost or merged message loses nothing. One is
  // in flight at a time; the server's `ack` (the nonce it applied last) lets the next one go.
  const outbox = { wanted: {}, dirty: false, inFlight: null, lastSent: null, counter: 0, guard: null, patience: 2000 };
  let bar = null;

  // ---- talking to Streamlit ----
  function send(type, extra) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, extra), "*");
  }

  function tell(change) {
    Object.assign(outbox.wanted, change);
    outbox.dirty = true;
    if (outbox.inFlight === null) flush();
  }

  function flush() {
    if (!outbox.dirty) return;
    outbox.counter += 1;
    outbox.lastSent = Date.now() + "-" + outbox.counter;  // unique across reloads of this frame
    outbox.inFlight = outbox.lastSent;
    outbox.dirty = false;
    send("streamlit:setComponentValue", { value: Object.assign({ nonce: outbox.lastSent }, outbox.wanted), dataType: "json" });
    clearTimeout(outbox.guard);
    // No answer (a rerun interrupted, a stalled connection): send the whole wanted state again, waiting
    // longer each time so a slow server is not flooded.
    outbox.guard = setTimeout(function () {
      outbox.inFlight = null;
      outbox.dirty = true;
      outbox.patience = Math.min(outbox.patience * 2, 16000);
      flush();
    }, outbox.patience);
  }

  function acknowledged(args) {
    if (args.ack === undefined || args.ack !== outbox.inFlight) return;
    outbox.inFlight = null;
    outbox.patience = 2000;
    clearTimeout(outbox.guard);
    flush();
  }

  function caughtUp(args) {
    return !outbox.dirty && (outbox.lastSent === null || args.ack === outbox.lastSent);
  }

  // ---- what a date looks like ----
  let painted = null;  // what is on screen, to skip a repaint that would change nothing

  let lastDate = null;  // the date's colouring on screen, to repaint it in another theme
  function paint(dateArgs) {
    lastDate = dateArgs;
    // The chosen theme's palette and chrome, from every theme's sent once (map_present.js).
    const args = window.TreatyMapPresent.themed(Object.assign({}, window.treatyMapConstant, base, dateArgs,
      storyStep ? window.TreatyStoryboard.overrides(storyStep) : null));
    args.statuses = history ? history.statuses : null;  // the legend's rows, once the history is known
    if (args.sentence.date === args.date) showText(args);  // the sentence arrives with the server's answer
    const key = JSON.stringify([args.date, args.fills, args.selected, args.title, args.details_url, args.resolved_theme, args.present, args.sentence, args.statuses, args.story]);
    if (key !== painted) {
      painted = key;
      args.fills = T.expandFills(dateArgs.fills, window.treatyMapConstant.codes, window.treatyMapConstant.palette);
      window.TreatyMap.update(args);
    }
    bar.update();
  }

  // The viewer moved the date: repaint now, tell the server after.
  function moved(iso) {
    paint(T.colouringOn(history, iso));
    tell({ date: iso, history: base.history_url });
  }

  // The text version under the map (text_version.js), in the app's page, for the date on the map.
  const textVersion = window.TreatyTextVersion.keeper(function () {
    try { return window.parent.document.querySelector(".st-key-text_version"); } catch (error) { return null; }
  });
  function showText(args) {
    const regions = window.treatyMapConstant.regions;
    textVersion.show({ title: args.title, date: args.date, sentence: args.sentence.text, story: args.story_words,
      members: regions[args.region.id] });
  }

  // A step's answer has no colours when the browser sent the date from its history: it paints them itself.
  let unpainted = null;  // a date whose colours wait for the history
  function colouring(message) {
    if (message.fills !== undefined) return message;
    if (history) return T.colouringOn(history, message.date);
    unpainted = message.date;
    return null;
  }

  // ---- the server's messages ----
  function render(message) {
    // Folium's map script runs after this one: hold a render that arrives before the layers exist.
    if (!window.treatyMapLayers) {
      pending = message;
      return;
    }
    base = Object.assign({}, message);
    delete base.fills;
    startTimeline(message);
    fetchOnce("details", message.details_url, window.TreatyMap.setDetails);
    if (fetched.text !== message.text_url) textVersion.setData(null);  // another treaty's states are not listed
    fetchOnce("text", message.text_url, textVersion.setData);
    fetchOnce("history", message.history_url, function (loaded) {
      history = loaded;
      timeline.setChanges(loaded.changes);
      timeline.setStops(T.regionStops(loaded, shownRegion));
      timeline.openWindow(chosenWindow);
      if (unpainted) paint(T.colouringOn(loaded, unpainted));
      else if (lastDate) paint(lastDate);  // the legend now knows which statuses this treaty's history shows
      else bar.update();
      unpainted = null;
      if (storyStep) showStep(storyStep);  // the storyboard arrived first: its step can be shown now
    });
    present(message);
    if (caughtUp(message) || painted === null) {
      if (history) timeline.reveal(message.date);  // a date the server chose (a link, another tab) may be outside the window
      timeline.setDate(message.date);
      const shown = colouring(message);
      if (shown) paint(shown);
    } else {
      bar.update();  // the server has not seen the viewer's latest date yet: keep it on screen
    }
    acknowledged(message);
    fitFrame();
    followRegion(message.region);
  }

  function fetchOnce(kind, url, use, attempt) {
    if (!url || (fetched[kind] === url && !attempt)) return;
    fetched[kind] = url;
    if (kind === "history") {  // another treaty's history must not colour this one
      history = null;
      timeline.setChanges(null);
    }
    fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    }).then(function (content) {
      if (fetched[kind] === url) use(content);
    }).catch(function () {
      // The server writes the file again if it has gone (see map_panel.published): try again, less often.
      const next = (attempt || 0) + 1;
      setTimeout(function () { if (fetched[kind] === url) fetchOnce(kind, url, use, next); }, Math.min(500 * 2 ** next, 15000));
    });
  }

  // ---- presenting a storyboard: its steps fetched once, stepped here (storyboard_show.js) ----
  function present(message) {
    const url = message.present && message.storyboard ? message.storyboard.url : null;
    if (url && fetched.storyboard === url) return;
    if (story) {
      story.stop();
      story = storyStep = null;
      delete outbox.wanted.step;  // the step belonged to that storyboard
      placeShapes(shownRegion);
      if (lastDate) paint(lastDate);  // without the step's highlight
    }
    fetched.storyboard = null;
    fetchOnce("storyboard", url, function (loaded) {
      if (story) story.stop();
      story = window.TreatyStoryboard.mount(loaded, { map: window.treatyMapLayers.map, listen: listen, onStep: showStep, start: base.storyboard && base.storyboard.step });
    });
  }

  let stepView = null;  // the view the last step flew to: the map moves only when a step changes region
  function showStep(step, player) {
    storyStep = step;
    if (player) {  // told with the step's date, in one message (the server keeps it in the address, ?step=)
      outbox.wanted.step = player.index + 1;
      outbox.dirty = true;
    }
    placeShapes(step.region);
    if (!history) return;  // shown once the history arrives
    timeline.reveal(step.date);
    if (timeline.moveTo(step.date) === step.date && lastDate && lastDate.date === step.date) paint(lastDate);
    const region = JSON.stringify(step.view_bounds);
    if (region !== stepView) {
      stepView = region;
      window.treatyMapLayers.map.flyToBounds(step.view_bounds, Object.assign({ duration: 0.8 }, window.TreatyMapPresent.viewPadding()));
    }
    if (outbox.inFlight === null) flush();  // a step on the date already shown still tells its number
  }

  // ---- the frame's height: from the map's top edge to the window's bottom, within bounds ----
  function pageTop() {
    // The frame's top in the app's page, whatever the page's scroll (Streamlit scrolls an inner element).
    let top = window.frameElement.getBoundingClientRect().top;
    for (let node = window.frameElement.parentElement; node; node = node.parentElement) top += node.scrollTop;
    return top;
  }

  function frameHeight() {
    let height = base.height;
    try {
      // Never taller than the window (a laptop at 200 % zoom is 384 px tall): map and timeline fit on screen together.
      const least = Math.min(window.treatyMapConstant.min_height, window.parent.innerHeight - 24);
      height = Math.max(least, Math.min(base.height, window.parent.innerHeight - pageTop() - 12));
    } catch (error) { /* not embedded: keep the requested height */ }
    return height;
  }

  let shownHeight = null;
  function fitFrame() {
    if (!base) return;
    const height = frameHeight();
    if (height !== shownHeight) send("streamlit:setFrameHeight", { height: height });
    const map = window.treatyMapLayers.map;
    const first = shownHeight === null;
    shownHeight = height;
    // Open on the link's view or the whole of Europe; later, keep whatever view the presenter chose.
    setTimeout(function () {
      if (first) {
        openView(map, base.view);
        keepViewInLink(map);
      } else {
        map.invalidateSize();
      }
    }, 0);
  }

  // ---- the map's view in the link: opened from it, and every move told to the server, which keeps it
  // in the address (?zoom=&centre=) so a copied link opens on the same view ----
  function openView(map, view) {
    map.invalidateSize();
    if (view) map.setView([view.lat, view.lon], view.zoom, { animate: false });
    else fitRegion(map, base.region);
  }

  function fitRegion(map, region) {
    window.TreatyLegendRoom.fit(map, region.fit);  // beside the legend, which folds if it would hide a state
  }

  // A region chosen on the page moves the map to its view (its shapes across 180° where it runs past it,
  // map_antimeridian.js) and the timeline's stops to its changes; the map, its layers and the history stay.
  let shownRegion = null;
  function followRegion(region) {
    if (region.id === shownRegion) return;
    placeShapes(storyStep ? storyStep.region : region.id);  // a storyboard's step shows its own region
    if (shownRegion !== null) fitRegion(window.treatyMapLayers.map, region);
    shownRegion = region.id;
    if (history) timeline.setStops(T.regionStops(history, region.id));
    bar.update();
  }

  function placeShapes(regionId) {
    window.TreatyMapAntimeridian.place(window.treatyMapLayers, window.treatyMapConstant.across[regionId]);
  }

  // The centre the map shows: the middle of its box. Leaflet lays the map on whole pixels, so this is up to
  // half a pixel from the centre a move asked for, which map.getCenter() returns only until the next
  // invalidateSize() (every render calls one); the link holds the shown one, which reopens on the same pixels.
  function shownCentre(map) {
    return map.containerPointToLatLng(map.getSize().divideBy(2));
  }

  function keepViewInLink(map) {
    let chosen = { centre: shownCentre(map), zoom: map.getZoom(), bounds: map.getBounds() };
    let printing = false;
    map.on("moveend", function () {
      // A resize (the frame fitted to the window) keeps the centre within a pixel: not a move to tell,
      // and a message would cost a rerun that clears the page's notices.
      const moved = map.getZoom() !== chosen.zoom || map.project(shownCentre(map)).distanceTo(map.project(chosen.centre)) > 2;
      if (printing || !moved) return;
      chosen = { centre: shownCentre(map), zoom: map.getZoom(), bounds: map.getBounds() };
      tell({ view: { lat: chosen.centre.lat, lon: chosen.centre.lng, zoom: chosen.zoom } });
    });
    // Printed, the frame is shorter (components/share.py): show the chosen area whole, then return to it.
    function layOutForPrint(on) {
      if (on === printing) return;
      printing = true;
      map.invalidateSize();
      if (on) map.fitBounds(chosen.bounds, { animate: false });
      else map.setView(chosen.centre, chosen.zoom, { animate: false });
      printing = on;
    }
    window.matchMedia("print").addEventListener("change", function (query) { layOutForPrint(query.matches); });
    window.addEventListener("beforeprint", function () { layOutForPrint(true); });
    window.addEventListener("afterprint", function () { layOutForPrint(false); });
  }
  try { window.parent.addEventListener("resize", fitFrame); } catch (error) { /* cross-origin */ }

  // ---- the timeline under the map ----
  function startTimeline(message) {
    const track = { first: message.first, last: message.last, today: message.today };
    if (timeline) {
      timeline.setTrack(track);
      return;
    }
    timeline = T.createController(Object.assign({ date: message.date }, track));
    chosenWindow = T.parseWindow(message.window);  // the server checked the link's
    timeline.on("move", moved);
    timeline.on("window", function (picked) {
      chosenWindow = picked;
      tell({ window: T.formatWindow(picked) });
    });
    document.documentElement.lang = "en";
    const style = document.createElement("style");
    style.textContent = [
      ".folium-map { height: calc(100% - var(--tm-bar-height, 100px)) !important; }",
      ".tm-timeline { position: fixed; left: 0; right: 0; bottom: 0; z-index: 1001;",
      "  padding: 6px 8px; background: var(--tm-panel); border-top: 1px solid var(--tm-panel-edge); }",
      "@media print { .tm-timeline button, .tm-play, .leaflet-control-zoom { display: none !important; } }",
    ].join("\n");
    document.head.appendChild(style);
    bar = window.TreatyTimelineBar.create(timeline, { parent: document.body, listen: listen });
    // The bar is as tall as its rows (it wraps on a narrow frame): the map takes the rest.
    new ResizeObserver(function () {
      document.documentElement.style.setProperty("--tm-bar-height", bar.element.offsetHeight + "px");
      window.treatyMapLayers.map.invalidateSize();
    }).observe(bar.element);
  }

  // Listeners on the app's page too (the presenter's keys land there); removed with this frame.
  // Returns a function that removes them.
  function listen(type, handler, capture) {
    document.addEventListener(type, handler, capture);
    let page = null;
    try {
      page = window.parent.document;
      page.addEventListener(type, handler, capture);
      window.addEventListener("pagehide", function () { page.removeEventListener(type, handler, capture); });
    } catch (error) { /* cross-origin */ }
    return function () {
      document.removeEventListener(type, handler, capture);
      if (page) page.removeEventListener(type, handler, capture);
    };
  }

  window.TreatyMapPresent.onSystemChange(function () { if (lastDate) paint(lastDate); });

  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "streamlit:render") render(event.data.args);
  });

  window.TreatyMap.onSelect(function (iso3) { tell({ click: { iso3: iso3, id: Date.now() + "-" + (outbox.counter + 1) } }); });

  function ready() {
    if (pending) render(pending);
    send("streamlit:componentReady", { apiVersion: 1 });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
