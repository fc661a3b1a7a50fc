// The Streamlit side of the map component: Streamlit's component messages in, clicks and keys out.
// The geometry arrives once, in this document; each render message carries only a date's colours.
(function () {
  "use strict";
  let detailsUrl = null;
  let lastArgs = null;

  function send(type, extra) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, extra), "*");
  }

  function setValue(value) {
    send("streamlit:setComponentValue", { value: value, dataType: "json" });
  }

  function frameHeight(args) {
    // Same origin as the app: fill the window below the controls, within sensible bounds.
    let height = args.height;
    try {
      height = Math.max(args.min_height, Math.min(args.height, window.parent.innerHeight - args.reserved_height));
    } catch (error) { /* not embedded: keep the requested height */ }
    return height;
  }

  function render(args) {
    lastArgs = args;
    send("streamlit:setFrameHeight", { height: frameHeight(args) });
    if (args.details_url !== detailsUrl) {
      detailsUrl = args.details_url;
      fetch(args.details_url).then(function (response) { return response.json(); }).then(function (details) {
        window.TreatyMap.setDetails(details);
      });
    }
    window.TreatyMap.update(args);
    window.treatyMapLayers.map.invalidateSize();
  }

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
    if (!(event.key in steps) || !lastArgs || !lastArgs.keyboard) return;
    event.preventDefault();
    setValue({ action: "step", step: steps[event.key], nonce: Date.now() });
  }
  document.addEventListener("keydown", onKey);
  try { window.parent.document.addEventListener("keydown", onKey); } catch (error) { /* cross-origin */ }

  send("streamlit:componentReady", { apiVersion: 1 });
})();
