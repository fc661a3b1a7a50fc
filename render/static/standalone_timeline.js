// The offline page's part of the timeline: the same controller and bar as the app's map
// (timeline_controller.js, timeline_bar.js) over the same history of colours. On each move it colours
// the map (TreatyMap, treaty_map.js), writes the heading and the sentence (dataset text, with
// textContent only) and puts the date, and the window the briefer chose, in the address
// (the hash: date, then &window=start..end), so a copied link reopens them.
(function () {
  "use strict";
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  const WINDOW_KEY = "&window=";

  function readJson(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function localToday() {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  // Title, sentence, timeline and map fill the window (the map is as tall as the header leaves, whatever its
  // rows); the data's provenance and the text version follow the map, in reading order too.
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
  }

  function start() {
    const T = window.TreatyTimeline;
    const page = readJson("tm-page");
    const history = page.history;
    const element = function (id) { return document.getElementById(id); };
    window.TreatyMap.setDetails(readJson("tm-details"));

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
      date: isDay ? linked : page.initial,
    });
    const bar = window.TreatyTimelineBar.create(timeline, { parent: element("tm-controls") });
    fillTheWindow(element);
    window.TreatyLegendRoom.fit(window.treatyMapLayers.map, page.fit);  // the region's view (render/standalone.py), beside the legend
    timeline.on("move", show);
    timeline.on("window", function (picked) {
      chosen = picked;
      show(timeline.date);
    });
    timeline.openWindow(chosen);
    show(timeline.date);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
