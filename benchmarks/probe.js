// Browser probe for the date-step benchmarks (the method is in bench_slider.py's docstring).
// Injected with context.add_init_script; it acts in the top page only.
//
// The date is moved on the map's own timeline, inside the component iframe: a key on its day slider
// (.tm-range) repaints the map from the history of colours the frame holds, and the frame then tells
// Streamlit (the component value {nonce, date}); the server answers with the map's arguments, which
// acknowledge the nonce (`ack`), and with the page's new sentence and URL (?date=).
//
// * keydown: capture-phase listeners in the top page and in the map document (the step's key is
//   pressed inside the iframe, whose events the top page does not see).
// * bytes: a wrapped WebSocket records the time and size of every frame sent and received.
// * "painted": treaty_map.js sets data-rendered-date on the map frame's body right after it has
//   restyled every path. A MutationObserver created by the top page on the (same-origin) map
//   document sees that change; the next requestAnimationFrame of the top page is taken as the
//   paint (rAF inside the component iframe fires only once in headless Chromium, per the survey).
//   Playwright's init script is not re-run in the component document (the iframe's initial
//   about:blank window is reused on its same-origin navigation), so the observer and the map's
//   listeners are attached from the top page: when the iframe appears and on every load of it.
// * "server caught up": the map frame's value posted to Streamlit (a message event in the top page),
//   the map's arguments arriving in the frame (a message event in the map window: date and ack) and
//   the page's URL changing (history.pushState/replaceState wrapped: ?date=).
// * first paint: until the first date is seen, the top page also checks the map frame once per
//   animation frame, so a render that lands before the observer is attached is still seen in the
//   first frame that holds it.
// All times are epoch ms (performance.timeOrigin + performance.now()), comparable with each other.
(function () {
  "use strict";
  if (window !== window.top) return;
  const MAP_FRAME = 'iframe[src*="components.map_view.treaty_map"]';
  const now = () => performance.timeOrigin + performance.now();

  const probe = {
    navStart: performance.timeOrigin,
    now: now,
    keys: [],      // {t, key, where: "top"|"map"}
    ws: [],        // {t, dir: "in"|"out", bytes}
    renders: [],   // {date, tMutation, tFrame, fills: {iso3: fill}, paths, via}
    values: [],    // {t, nonce, date, select}: the map frame's component value, as Streamlit's frontend receives it
    args: [],      // {t, date, ack}: the map's arguments, as the map frame receives them
    urls: [],      // {t, date}: the page's URL set by Streamlit's frontend (?date=)
    waiters: [],
    caughtWaiters: [],
    lastDate: null,
    observedDoc: null,
    observer: null,
  };
  window.__probe = probe;

  window.addEventListener("keydown", (event) => probe.keys.push({ t: now(), key: event.key, where: "top" }), true);

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

  // The map frame's value, posted to the top page (the bridge's streamlit:setComponentValue).
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "streamlit:setComponentValue" || !data.value || typeof data.value !== "object") return;
    probe.values.push({ t: now(), nonce: data.value.nonce, date: data.value.date || null, select: data.value.select || null });
    checkCaughtUp();
  });

  // The page's URL, set by Streamlit's frontend when the server changes the query string.
  ["pushState", "replaceState"].forEach((name) => {
    const original = history[name];
    history[name] = function (state, title, url) {
      const result = original.apply(this, arguments);
      if (url !== undefined && url !== null) {
        let date = null;
        try { date = new URL(String(url), location.href).searchParams.get("date"); } catch (error) { /* not a URL */ }
        probe.urls.push({ t: now(), date: date });
        checkCaughtUp();
      }
      return result;
    };
  });

  function frameDone(record) {
    record.tFrame = now();
    probe.waiters = probe.waiters.filter((waiter) => {
      if (waiter.date !== record.date || (waiter.after && record.tMutation < waiter.after)) return true;
      waiter.resolve(record);
      return false;
    });
  }

  function mapWindow() {
    const iframe = document.querySelector(MAP_FRAME);
    try { return iframe ? iframe.contentWindow : null; } catch (error) { return null; }
  }

  // The fills of every shape as drawn now: {iso3: fill}, and how many paths.
  function readFills() {
    const win = mapWindow();
    const out = { fills: {}, paths: 0 };
    const layers = win && win.treatyMapLayers;
    if (layers) {
      layers.countries.eachLayer((layer) => {
        if (layer._path) { out.fills[layer.feature.properties.iso3] = layer._path.getAttribute("fill"); out.paths += 1; }
      });
    }
    return out;
  }
  probe.readFills = readFills;

  // Reads the map frame; records a render when its date changed. `inFrame`: called from a rAF.
  function check(via, inFrame) {
    const iframe = document.querySelector(MAP_FRAME);
    if (!iframe) return;
    let doc;
    try { doc = iframe.contentDocument; } catch (error) { return; }
    if (!doc || !doc.body) return;
    const date = doc.body.getAttribute("data-rendered-date");
    if (!date || date === probe.lastDate) return;
    probe.lastDate = date;
    const drawn = readFills();
    const record = { date: date, tMutation: now(), tFrame: null, fills: drawn.fills, paths: drawn.paths, via: via };
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
    let doc, win;
    try { doc = iframe.contentDocument; win = iframe.contentWindow; } catch (error) { return false; }
    if (!doc || doc === probe.observedDoc || doc.URL === "about:blank") return false;
    if (probe.observer) probe.observer.disconnect();
    probe.observedDoc = doc;
    probe.observer = new MutationObserver(() => check("observer", false));
    probe.observer.observe(doc, { attributes: true, subtree: true, attributeFilter: ["data-rendered-date"] });
    // The step's key is pressed on the map's day slider: its keydown never reaches the top page.
    doc.addEventListener("keydown", (event) => probe.keys.push({ t: now(), key: event.key, where: "map" }), true);
    if (win && win.__probeArgs !== doc) {
      win.__probeArgs = doc;
      win.addEventListener("message", (event) => {
        const data = event.data;
        if (!data || data.type !== "streamlit:render" || !data.args) return;
        probe.args.push({ t: now(), date: data.args.date || null, ack: data.args.ack === undefined ? null : data.args.ack });
        setTimeout(checkCaughtUp, 0);  // after the bridge's own listener has drawn these arguments
      });
    }
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
      const waiter = { date: date, after: after, resolve: resolve };
      probe.waiters.push(waiter);
      setTimeout(() => {
        if (probe.waiters.includes(waiter)) {
          probe.waiters = probe.waiters.filter((w) => w !== waiter);
          resolve(null);
        }
      }, timeoutMs);
    });
  };

  function sentence() {
    const heading = Array.from(document.querySelectorAll("h4")).find((h) => (h.innerText || "").startsWith("On "));
    return heading ? heading.innerText : null;
  }
  probe.sentence = sentence;

  // The server has caught up with a move of the map's timeline to `date` (after `after`): the frame's
  // value for that date was posted, the map's arguments came back acknowledging its nonce, and the
  // page's URL says ?date=date. Null until all three happened.
  function caughtUp(waiter) {
    const value = probe.values.find((v) => v.t >= waiter.after && v.date === waiter.date);
    if (!value) return null;
    const args = probe.args.find((a) => a.t >= value.t && a.ack === value.nonce);
    const url = probe.urls.find((u) => u.t >= waiter.after && u.date === waiter.date);
    if (!args || !url) return null;
    const drawn = readFills();
    return {
      nonce: value.nonce, tValue: value.t, tArgs: args.t, argsDate: args.date, tUrl: url.t,
      tCaught: Math.max(args.t, url.t), tSeen: now(), sentence: sentence(), fills: drawn.fills, paths: drawn.paths,
    };
  }

  function checkCaughtUp() {
    if (!probe.caughtWaiters.length) return;
    probe.caughtWaiters = probe.caughtWaiters.filter((waiter) => {
      const result = caughtUp(waiter);
      if (!result) return true;
      waiter.resolve(result);
      return false;
    });
  }

  // Resolves with {nonce, tValue, tArgs, argsDate, tUrl, tCaught, sentence, fills} once the server caught up
  // with the move to `date` made after `after` (epoch ms); null on timeout.
  probe.waitForCaughtUp = function (date, timeoutMs, after) {
    const waiter = { date: date, after: after || 0, resolve: null };
    const done = caughtUp(waiter);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => {
      waiter.resolve = resolve;
      probe.caughtWaiters.push(waiter);
      setTimeout(() => {
        if (probe.caughtWaiters.includes(waiter)) {
          probe.caughtWaiters = probe.caughtWaiters.filter((w) => w !== waiter);
          resolve(null);
        }
      }, timeoutMs);
    });
  };
})();
