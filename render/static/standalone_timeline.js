// The offline page's part of the timeline: the same controller and bar as the app's map
// (timeline_controller.js, timeline_bar.js) over the same history of colours. On each move it colours
// the map (TreatyMap, treaty_map.js), writes the heading and the sentence (dataset text, with
// textContent only) and puts the date, and the window the briefer chose, in the address
// (the hash: date, then &window=start..end), so a copied link reopens them.
// The history, the sentences and the records come gzip-compressed in base64 (render/standalone.py): the
// browser's own DecompressionStream unpacks them (Chrome and Edge 80, Firefox 113, Safari 16.4 and later);
// a browser without it gets a notice above the grey map, not a blank page.
(function () {
  "use strict";
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  const WINDOW_KEY = "&window=";
  const OLD_BROWSER = "This browser cannot unpack the map's data (it lacks DecompressionStream), so the states are not coloured. " +
    "Open this file in Chrome or Edge 80, Firefox 113, Safari 16.4 or later.";

  function unpack(id) {
    const bytes = Uint8Array.from(atob(document.getElementById(id).textContent), function (c) { return c.charCodeAt(0); });
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json();
  }

  // Above the title, announced: the map below stays grey.
  function notice(text) {
    const box = document.createElement("p");
    box.id = "tm-unpack-error";
    box.setAttribute("role", "alert");
    box.textContent = text;
    document.getElementById("tm-bar").prepend(box);
  }

  function localToday() {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  // Title, sentence, timeline and map fill the window (the map is as tall as the header leaves, whatever its
  // rows); the data's provenance and the text version follow the map, in reading order too. Returns the
  // function that fits the map to the header, for when the timeline has been added to it.
  function fillTheWindow(element) {
    const map = window.treatyMapLayers.map;
    map.getContainer().after(element("tm-meta"), element("tm-text-version"));
    const head = element("tm-bar");
    const fit = function () {
      document.documentElement.style.setProperty("--tm-head-height", head.offsetHeight + "px");
      map.invalidateSize();
    };
    if (window.ResizeObserver) new ResizeObserver(fit).observe(head);
    fit();
    return fit;
  }

  function start(page, details, fitMap) {
    const T = window.TreatyTimeline;
    const history = page.history;
    const element = function (id) { return document.getElementById(id); };
    window.TreatyMap.setDetails(details);

    // Python wrote the sentence of each change date; another day says which change it follows.
    function sentenceOn(iso) {
      if (page.sentences[iso]) return page.sentences[iso];
      const index = T.periodIndex(history, iso);
      if (index === 0) return history.changes.length ? "Next change: " + page.sentences[history.changes[0]] : "";
      return "Latest change: " + page.sentences[history.changes[index - 1]];
    }

    function show(iso) {
      const colouring = T.colouringOn(history, iso);
      colouring.fills = T.expandFills(colouring.fills, page.codes, page.palette);
      window.TreatyMap.update(Object.assign({ title: page.title, attribution: page.attribution, palette: page.palette, chrome: page.chrome, statuses: history.statuses, story: page.story, territories: page.territories,
        sentence: { date: iso, text: sentenceOn(iso) } }, colouring));
      const heading = page.title + " on " + T.longDate(iso);  // as render.captions.title_on
      element("tm-title").textContent = heading;
      document.title = heading;
      element("tm-sentence").textContent = sentenceOn(iso);
      try {
        window.history.replaceState(null, "", "#" + iso + (chosen ? WINDOW_KEY + T.formatWindow(chosen) : ""));
      } catch (error) { /* some browsers refuse it for file: pages; the map still works */ }
      bar.update();
    }

    const address = location.hash.slice(1).split(WINDOW_KEY);
    const linked = address[0];
    const isDay = ISO_DATE.test(linked) && T.isoOf(T.dayNumber(linked)) === linked;  // not 2025-02-30
    let chosen = address.length === 2 ? T.parseWindow(address[1]) : null;  // the briefer's window, if any
    const timeline = T.createController({
      first: page.first,
      last: page.last,
      today: localToday(),
      changes: history.changes,
      stops: T.regionStops(history, page.region),  // the region the page is drawn for (render/standalone.py)
      date: isDay ? linked : page.initial,
    });
    const bar = window.TreatyTimelineBar.create(timeline, { parent: element("tm-controls") });
    fitMap();  // the map as tall as the header with its timeline leaves, then the region's view in it, beside the legend
    window.TreatyLegendRoom.fit(window.treatyMapLayers.map, page.fit);  // (render/standalone.py)
    timeline.on("move", show);
    timeline.on("window", function (picked) {
      chosen = picked;
      show(timeline.date);
    });
    timeline.openWindow(chosen);
    show(timeline.date);
  }

  // The page's layout first (it needs no data), then the data, then the timeline and the colours.
  function begin() {
    const fitMap = fillTheWindow(function (id) { return document.getElementById(id); });
    if (!window.DecompressionStream) {
      notice(OLD_BROWSER);
      return;
    }
    Promise.all([unpack("tm-page"), unpack("tm-details")]).then(function (data) { start(data[0], data[1], fitMap); }, function (error) {
      notice("The map's data could not be unpacked (" + error.message + "), so the states are not coloured. The file may be damaged: export it again.");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
})();
