// The standalone page's timeline: a range input over the precomputed change dates, previous/next/play
// buttons and arrow keys. Every date's colours and sentence were computed in Python; this script only
// chooses which frame TreatyMap (treaty_map.js) shows, and writes dataset text with textContent only.
(function () {
  "use strict";

  const PLAY_STEP_MS = 1500;

  function readJson(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function start() {
    const page = readJson("tm-page");
    const frames = page.frames;
    const last = frames.length - 1;
    const element = function (id) { return document.getElementById(id); };
    const range = element("tm-range");
    const play = element("tm-play");
    let index = page.initial;
    let timer = null;

    window.TreatyMap.setDetails(readJson("tm-details"));

    function show(target) {
      index = Math.max(0, Math.min(last, target));
      const frame = frames[index];
      window.TreatyMap.update(Object.assign({ title: page.title, attribution: page.attribution, palette: page.palette, chrome: page.chrome }, frame));
      range.value = String(index);
      element("tm-title").textContent = frame.heading;
      element("tm-sentence").textContent = frame.sentence;
      element("tm-date").textContent = frame.date_label;
      element("tm-position").textContent = (index + 1) + " of " + frames.length;
      element("tm-prev").disabled = index === 0;
      element("tm-next").disabled = index === last;
      document.title = frame.heading;
      try {
        history.replaceState(null, "", "#" + frame.date);  // a copied link reopens this date
      } catch (error) { /* some browsers refuse it for file: pages; the map still works */ }
    }

    function stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      play.textContent = "Play";
    }

    function togglePlay() {
      if (timer !== null) return stop();
      if (index === last) show(0);
      play.textContent = "Pause";
      timer = setInterval(function () {
        show(index + 1);
        if (index === last) stop();
      }, PLAY_STEP_MS);
    }

    function step(by) {
      stop();
      show(index + by);
    }

    element("tm-prev").addEventListener("click", function () { step(-1); });
    element("tm-next").addEventListener("click", function () { step(1); });
    play.addEventListener("click", togglePlay);
    range.addEventListener("input", function () { stop(); show(Number(range.value)); });

    document.addEventListener("keydown", function (event) {
      const target = event.target;
      // The focused range input and buttons handle their own keys; don't step twice.
      if (target === range || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target && target.closest && target.closest("input, textarea, select, button")) {
        if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      }
      const moves = { ArrowLeft: -1, ArrowRight: 1, Home: -frames.length, End: frames.length };
      if (event.key in moves) {
        event.preventDefault();
        step(moves[event.key]);
      } else if (event.key === " ") {
        event.preventDefault();
        togglePlay();
      }
    });

    const linked = frames.findIndex(function (frame) { return "#" + frame.date === location.hash; });
    show(linked >= 0 ? linked : index);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
