// Browser probe for the slider benchmarks (method of shared/research/slider-speed-survey.md, section 2).
// Injected with context.add_init_script; it acts in the top page only.
//
// * keydown: a capture-phase listener in the top page.
// * bytes: a wrapped WebSocket records the time and size of every frame sent and received.
// * "painted": treaty_map.js sets data-rendered-date on the map frame's body right after it has
//   restyled every path. A MutationObserver created by the top page on the (same-origin) map
//   document sees that change; the next requestAnimationFrame of the top page is taken as the
//   paint (rAF inside the component iframe fires only once in headless Chromium, per the survey).
//   Playwright's init script is not re-run in the component document (the iframe's initial
//   about:blank window is reused on its same-origin navigation), so the observer is attached from
//   the top page: when the iframe appears and on every load of it.
// * first paint: until the first date is seen, the top page also checks the map frame once per
//   animation frame, so a render that lands before the observer is attached is still seen in the
//   first frame that holds it.
// All times are epoch ms (performance.timeOrigin + performance.now()), comparable with each other.
(function () {
  "use strict";
  if (window !== window.top) return;
  const MAP_FRAME = 'iframe[title="components.map_view.treaty_map"]';
  const now = () => performance.timeOrigin + performance.now();

  const probe = {
    navStart: performance.timeOrigin,
    keys: [],      // {t, key}
    ws: [],        // {t, dir: "in"|"out", bytes}
    renders: [],   // {date, tMutation, tFrame, fills: {iso3: fill}, paths, via}
    waiters: [],
    lastDate: null,
    observedDoc: null,
    observer: null,
  };
  window.__probe = probe;

  window.addEventListener("keydown", (event) => probe.keys.push({ t: now(), key: event.key }), true);

  const NativeWebSocket = window.WebSocket;
  function size(data) {
    if (typeof data === "string") return new TextEncoder().encode(data).length;
    if (data instanceof ArrayBuffer) return data.byteLength;
    if (ArrayBuffer.isView(data)) return data.byteLength;
    if (data instanceof Blob) return data.size;
    return 0;
  }
  class ProbedWebSocket extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => probe.ws.push({ t: now(), dir: "in", bytes: size(event.data) }));
    }
    send(data) {
      probe.ws.push({ t: now(), dir: "out", bytes: size(data) });
      return super.send(data);
    }
  }
  window.WebSocket = ProbedWebSocket;

  function frameDone(record) {
    record.tFrame = now();
    probe.waiters = probe.waiters.filter((waiter) => {
      if (waiter.date !== record.date) return true;
      waiter.resolve(record);
      return false;
    });
  }

  // Reads the map frame; records a render when its date changed. `inFrame`: called from a rAF.
  function check(via, inFrame) {
    const iframe = document.querySelector(MAP_FRAME);
    if (!iframe) return;
    let doc, win;
    try { doc = iframe.contentDocument; win = iframe.contentWindow; } catch (error) { return; }
    if (!doc || !doc.body) return;
    const date = doc.body.getAttribute("data-rendered-date");
    if (!date || date === probe.lastDate) return;
    probe.lastDate = date;
    const record = { date: date, tMutation: now(), tFrame: null, fills: {}, paths: 0, via: via };
    const layers = win.treatyMapLayers;
    if (layers) {
      layers.countries.eachLayer((layer) => {
        if (layer._path) { record.fills[layer.feature.properties.iso3] = layer._path.getAttribute("fill"); record.paths += 1; }
      });
    }
    probe.renders.push(record);
    if (inFrame) frameDone(record);
    else requestAnimationFrame(() => frameDone(record));
  }

  function attach() {
    const iframe = document.querySelector(MAP_FRAME);
    if (!iframe) return false;
    if (!iframe.__probeLoad) {
      iframe.__probeLoad = true;
      iframe.addEventListener("load", attach);
    }
    let doc;
    try { doc = iframe.contentDocument; } catch (error) { return false; }
    if (!doc || doc === probe.observedDoc || doc.URL === "about:blank") return false;
    if (probe.observer) probe.observer.disconnect();
    probe.observedDoc = doc;
    probe.observer = new MutationObserver(() => check("observer", false));
    probe.observer.observe(doc, { attributes: true, subtree: true, attributeFilter: ["data-rendered-date"] });
    check("attach", false);
    return true;
  }
  probe.attach = attach;

  // Until the first render: look once per frame (attach the observer as soon as the document is there).
  const pollUntil = now() + 60000;
  function poll() {
    attach();
    check("poll", true);
    if (!probe.renders.length && now() < pollUntil) requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);

  // Resolves with the render record once `date` is drawn and a top-page frame has followed it; null on timeout.
  // `after` (epoch ms, optional): ignore renders of that date seen before it.
  probe.waitForDate = function (date, timeoutMs, after) {
    attach();
    const done = probe.renders.find((r) => r.date === date && r.tFrame && !(after && r.tMutation < after));
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => {
      const waiter = { date: date, resolve: resolve };
      probe.waiters.push(waiter);
      setTimeout(() => {
        if (probe.waiters.includes(waiter)) {
          probe.waiters = probe.waiters.filter((w) => w !== waiter);
          resolve(null);
        }
      }, timeoutMs);
    });
  };
})();
