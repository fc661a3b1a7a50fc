// The Streamlit side of the map component: Streamlit's component messages in, clicks and keys out.
// The geometry arrives once, in this document; each render message carries only a date's colours.
(function () {
  "use strict";
  let detailsUrl = null;
  let lastArgs = null;
  const play = { timer: null, button: null, pace: null };

  function send(type, extra) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, extra), "*");
  }

  function setValue(value) {
    send("streamlit:setComponentValue", { value: value, dataType: "json" });
  }

  function frameHeight(args) {
    // Same origin as the app: fill the window from the map's top edge down, within bounds.
    let height = args.height;
    try {
      const top = window.frameElement.getBoundingClientRect().top + window.parent.scrollY;
      height = Math.max(args.min_height, Math.min(args.height, window.parent.innerHeight - top - 12));
    } catch (error) { /* not embedded: keep the requested height */ }
    return height;
  }

  let shownHeight = null;
  let pending = null;

  function expand(args) {
    // Restore what the server leaves out of each message: the constant parts, and a status key for
    // each digit of `fills` (one per shape, in the order of `codes`).
    const full = Object.assign({}, window.treatyMapConstant, args);
    full.fills = {};
    full.codes.forEach(function (iso, index) { full.fills[iso] = full.palette[Number(args.fills[index])].key; });
    return full;
  }

  function render(message) {
    const args = expand(message);
    // Folium's map script runs after this one: hold a render that arrives before the layers exist.
    if (!window.treatyMapLayers) {
      pending = message;
      return;
    }
    lastArgs = args;
    const height = frameHeight(args);
    send("streamlit:setFrameHeight", { height: height });
    if (args.details_url !== detailsUrl) {
      detailsUrl = args.details_url;
      fetch(args.details_url).then(function (response) { return response.json(); }).then(function (details) {
        window.TreatyMap.setDetails(details);
      });
    }
    window.TreatyMap.update(args);
    window.treatyMapLayers.map.invalidateSize();
    if (height !== shownHeight) {
      // Whatever the window, open on the whole of Europe.
      shownHeight = height;
      setTimeout(function () { window.treatyMapLayers.map.invalidateSize().fitBounds(args.view_bounds); }, 0);
    }
    addPlayControl();
    if (play.timer && args.at_last_change) stopPlaying();
  }

  // Play: step through the change dates at the chosen pace; any other input stops it.
  function addPlayControl() {
    if (play.button) return;
    const Control = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        const div = L.DomUtil.create("div", "tm-play leaflet-bar");
        div.innerHTML = '<button type="button" class="tm-play-button" title="Play through the change dates">▶ Play</button>' +
          '<select class="tm-play-pace" title="Seconds per change"><option value="1000">1 s</option>' +
          '<option value="2000" selected>2 s</option><option value="4000">4 s</option></select>';
        L.DomEvent.disableClickPropagation(div);
        return div;
      },
    });
    const container = new Control().addTo(window.treatyMapLayers.map).getContainer();
    play.button = container.querySelector(".tm-play-button");
    play.pace = container.querySelector(".tm-play-pace");
    play.button.addEventListener("click", function () { play.timer ? stopPlaying() : startPlaying(); });
  }

  function startPlaying() {
    if (lastArgs.at_last_change) setValue({ action: "step", step: "first", nonce: Date.now() });
    play.timer = setInterval(function () { setValue({ action: "step", step: 1, nonce: Date.now() }); }, Number(play.pace.value));
    play.button.textContent = "⏸ Pause";
    document.body.setAttribute("data-playing", "true");
  }

  function stopPlaying() {
    clearInterval(play.timer);
    play.timer = null;
    play.button.textContent = "▶ Play";
    document.body.setAttribute("data-playing", "false");
  }

  function stopOnInput(event) {
    if (play.timer && !(event.target && event.target.closest && event.target.closest(".tm-play"))) stopPlaying();
  }
  ["keydown", "mousedown", "wheel", "touchstart"].forEach(function (type) {
    document.addEventListener(type, stopOnInput, true);
    try { window.parent.document.addEventListener(type, stopOnInput, true); } catch (error) { /* cross-origin */ }
  });

  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "streamlit:render") render(event.data.args);
  });

  window.TreatyMap.onSelect(function (iso3) {
    setValue({ action: "select", iso3: iso3, nonce: Date.now() });
  });

  // Arrow keys step through the change dates when no widget has the focus (presentation mode).
  function onKey(event) {
    const target = event.target;
    const typing = target && (target.closest ? target.closest("input, textarea, select, [role=slider], [contenteditable=true]") : null);
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const steps = { ArrowRight: 1, ArrowLeft: -1, Home: "first", End: "last" };
    if (!(event.key in steps) || !lastArgs) return;
    event.preventDefault();
    setValue({ action: "step", step: steps[event.key], nonce: Date.now() });
  }
  document.addEventListener("keydown", onKey);
  try { window.parent.document.addEventListener("keydown", onKey); } catch (error) { /* cross-origin */ }

  function ready() {
    if (pending) render(pending);
    send("streamlit:componentReady", { apiVersion: 1 });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
