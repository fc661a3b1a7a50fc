// Colours the folium-built map from a small per-date payload; tooltips, popups and the legend.
// Shared by the Streamlit component and the standalone HTML export. Every string from the dataset
// is escaped before it reaches innerHTML, and only http(s) links are made clickable.
(function () {
  "use strict";

  const state = { payload: null, details: {}, legend: null, onSelect: null, ready: false, openPopupIso: null };

  function esc(value) {
    return String(value === undefined || value === null ? "" : value).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function safeUrl(value) {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function category(key) {
    return state.payload.palette.find(function (c) { return c.key === key; }) ||
      state.payload.palette.find(function (c) { return c.key === "not_covered"; });
  }

  function statusOf(iso) {
    return state.payload.fills[iso] || "not_covered";
  }

  function styleFor(iso, isMarker) {
    const key = statusOf(iso);
    const selected = state.payload.selected === iso;
    const notCovered = key === "not_covered";
    const chrome = state.payload.chrome;
    return {
      fillColor: category(key).colour,
      fillOpacity: 1,
      color: selected ? chrome.selected : isMarker ? chrome.marker_edge : notCovered ? chrome.not_covered_border : chrome.border,
      weight: selected ? 3 : isMarker ? 1.2 : 0.8,
      dashArray: notCovered && !isMarker ? "3 3" : null,
    };
  }

  function forEachFeature(callback) {
    const layers = window.treatyMapLayers;
    layers.countries.eachLayer(function (layer) { callback(layer, layer.feature.properties, false); });
    layers.microstates.eachLayer(function (layer) { callback(layer, layer.feature.properties, true); });
  }

  function precisionMark(fact) {
    const flags = [];
    if (fact.precision !== "day") flags.push("known to the " + fact.precision);
    if (fact.approximate) flags.push("approximate day");
    if (!fact.confirmed) flags.push("unconfirmed");
    if (fact.derived_by) flags.push("computed by " + fact.derived_by);
    return flags.length ? ' <span class="tm-flag">(' + esc(flags.join(", ")) + ")</span>" : "";
  }

  // One source: its name (a link in the record), its kind, and its citation where it has no address.
  function sourceName(source, withLinks) {
    const name = esc(source.publisher || source.title);
    const url = withLinks ? safeUrl(source.url) : null;
    const shown = url ? '<a href="' + esc(url) + '" target="_blank" rel="noopener noreferrer">' + name + "</a>" : name;
    const citation = withLinks && !source.url && source.citation ? " — " + esc(source.citation) : "";
    return shown + ' <span class="tm-kind">(' + esc(source.kind_label) + ")</span>" + citation;
  }

  // Sources arrive strongest first. The hover card names the best one and says when sources differ;
  // the record (click) lists every source, and every other date sources give, with why this one is shown.
  function sourceLine(fact, withLinks) {
    if (!fact.sources.length) return "";
    const differ = fact.alternatives.length > 0;
    if (!withLinks) {
      const more = fact.sources.length - 1;
      return '<div class="tm-source">Source: ' + sourceName(fact.sources[0], false) + (more ? " and " + more + " more" : "") +
        (differ ? ' <span class="tm-flag">sources differ</span>' : "") + "</div>";
    }
    let html = '<div class="tm-source">Sources: ' + fact.sources.map(function (source) { return sourceName(source, true); }).join("; ") + "</div>";
    if (differ) {
      html += fact.alternatives.map(function (other) {
        return '<div class="tm-source"><span class="tm-flag">Sources differ:</span> ' + esc(other.date) + " per " +
          other.sources.map(function (source) { return sourceName(source, true); }).join("; ") + (other.note ? " — " + esc(other.note) : "") + "</div>";
      }).join("") + '<div class="tm-source">Shown: ' + esc(fact.date) + " — " + esc(fact.why_this_date) + "</div>";
    }
    return html;
  }

  function describe(iso, fallbackName, withLinks) {
    const detail = state.details[iso];
    const key = statusOf(iso);
    const name = detail ? detail.name : fallbackName;
    let html = '<div class="tm-card"><div class="tm-name">' + esc(name) + "</div>";
    html += '<div class="tm-status"><span class="tm-swatch" style="background:' + esc(category(key).colour) + '"></span>' +
      esc(category(key).label) + "</div>";
    const remaining = state.payload.remaining[iso];
    if (remaining !== undefined) {
      html += '<div class="tm-remaining">Takes effect on ' + esc(state.payload.takes_effect[iso]) + " — in " +
        esc(remaining) + (remaining === 1 ? " day" : " days") + "</div>";
    }
    if (detail) {
      const facts = detail.facts.filter(function (fact) { return fact.key_date; });
      if (facts.length) {
        html += '<ul class="tm-facts">' + facts.map(function (fact) {
          return "<li><b>" + esc(fact.label) + ":</b> " + esc(fact.date) + precisionMark(fact) + sourceLine(fact, withLinks) + "</li>";
        }).join("") + "</ul>";
      }
      if (detail.note) html += '<div class="tm-note">' + esc(detail.note) + "</div>";
    } else if (key === "not_covered") {
      html += '<div class="tm-note">This dataset does not cover this state.</div>';
    }
    if (!withLinks && detail) {
      html += '<div class="tm-hint">' + (detail.source_count ? esc(detail.source_count) + (detail.source_count === 1 ? " source" : " sources") +
        " — click for the record" : "Click for the full record") + "</div>";
    }
    return html + "</div>";
  }

  function renderLegend() {
    // States, not shapes: a territory is drawn in its sovereign's colour but counted with it, not apart.
    const counts = {};
    const territories = state.payload.territories || [];
    forEachFeature(function (layer, props, isMarker) {
      if (!isMarker && territories.indexOf(props.iso3) < 0) counts[statusOf(props.iso3)] = (counts[statusOf(props.iso3)] || 0) + 1;
    });
    // Only the statuses the treaty's history ever shows (all of them until the history is known).
    const listed = state.payload.statuses;
    const rows = state.payload.palette.filter(function (c) { return !listed || listed.indexOf(c.key) >= 0; }).map(function (c) {
      return '<div class="tm-legend-row' + (counts[c.key] ? "" : " tm-empty") + '" data-status="' + esc(c.key) + '"><span class="tm-swatch" style="background:' +
        esc(c.colour) + '"></span><span class="tm-legend-label">' + esc(c.label) + '</span><span class="tm-count">' +
        esc(counts[c.key] || 0) + "</span></div>";
    }).join("");
    // The world's and the region's figures (the app's page sends them; the offline page has its sentence).
    const figures = state.payload.counts ? '<div class="tm-legend-counts">' + esc(state.payload.counts) + "</div>" : "";
    state.legend.getContainer().innerHTML = '<div class="tm-legend-title">' + esc(state.payload.title) + "<br>" +
      esc(state.payload.date_label) + "</div>" + figures + rows;
  }

  function init() {
    const layers = window.treatyMapLayers;
    if (!layers || state.ready) return;
    state.ready = true;
    layers.map.attributionControl.setPrefix(false);
    forEachFeature(function (layer, props) {
      layer.bindTooltip(function () { return describe(props.iso3, props.name, false); }, { sticky: true, className: "tm-tooltip", opacity: 1 });
      layer.on("click", function () {
        state.openPopupIso = props.iso3;
        // No taller than the map, so opening it never pans Europe out of the frame.
        const room = layers.map.getSize();
        layer.bindPopup(describe(props.iso3, props.name, true), {
          maxWidth: Math.min(420, room.x - 60), minWidth: Math.min(260, room.x - 60), maxHeight: Math.max(160, room.y - 90),
          autoPanPadding: [16, 16], className: "tm-popup",
        }).openPopup();
        if (state.onSelect) state.onSelect(props.iso3);
      });
    });
    layers.map.on("popupclose", function () { state.openPopupIso = null; });
    const Legend = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        const div = L.DomUtil.create("div", "tm-legend");
        L.DomEvent.disableClickPropagation(div);
        return div;
      },
    });
    state.legend = new Legend().addTo(layers.map);
  }

  // The palette's colours as CSS variables (not_covered_border as --tm-not-covered-border): the styles below use them.
  function applyChrome(chrome) {
    Object.keys(chrome).forEach(function (name) {
      document.documentElement.style.setProperty("--tm-" + name.replace(/_/g, "-"), chrome[name]);
    });
  }

  function update(payload) {
    init();
    state.payload = payload;
    applyChrome(payload.chrome);
    const attribution = window.treatyMapLayers.map.attributionControl;
    if (state.attribution !== payload.attribution) {
      if (state.attribution) attribution.removeAttribution(state.attribution);
      attribution.addAttribution(esc(payload.attribution));
      state.attribution = payload.attribution;
    }
    forEachFeature(function (layer, props, isMarker) {
      layer.setStyle(styleFor(props.iso3, isMarker));
      if (state.openPopupIso === props.iso3 && layer.getPopup()) layer.setPopupContent(describe(props.iso3, props.name, true));
    });
    renderLegend();
    if (window.TreatyMapStory) window.TreatyMapStory.update(payload, window.treatyMapLayers);
    if (window.TreatyMapPresent) window.TreatyMapPresent.update(payload, state.legend.getContainer(), window.treatyMapLayers.map);
    document.body.setAttribute("data-rendered-date", payload.date);
  }

  function setDetails(details) {
    state.details = details || {};
  }

  window.TreatyMap = {
    update: update,
    setDetails: setDetails,
    onSelect: function (callback) { state.onSelect = callback; },
  };

  const style = document.createElement("style");
  style.textContent = [
    "html, body { background: var(--tm-page); }",
    ".leaflet-container { background: var(--tm-sea); font: 15px/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }",
    ".tm-legend { background: var(--tm-panel); padding: 10px 12px; border-radius: 6px; box-shadow: 0 1px 4px var(--tm-shadow); font-size: 15px; max-width: 330px; }",
    ".tm-legend-title { font-weight: 700; margin-bottom: 6px; }",
    ".tm-legend-counts { max-width: 260px; margin-bottom: 6px; }",
    ".tm-legend-row { display: flex; align-items: center; gap: 8px; margin: 3px 0; }",
    ".tm-legend-label { flex: 1; }",
    // An empty row's text stays readable (the faint ink holds 4.5:1 on the panel); only its swatch fades.
    ".tm-empty { color: var(--tm-faint); } .tm-empty .tm-swatch { opacity: 0.45; }",
    "@media (max-height: 620px) { .tm-legend { font-size: 12.5px; padding: 6px 8px; } .tm-legend-row { margin: 1px 0; } }",
    ".tm-count { color: var(--tm-count); font-variant-numeric: tabular-nums; }",
    ".tm-swatch { display: inline-block; width: 18px; height: 14px; border: 1px solid var(--tm-swatch-edge); border-radius: 2px; flex: none; margin-right: 6px; vertical-align: -2px; }",
    ".tm-card { max-width: 380px; white-space: normal; font-size: 14px; }",
    ".tm-name { font-weight: 700; font-size: 17px; }",
    ".tm-status { margin: 4px 0; font-weight: 600; }",
    ".tm-remaining { color: var(--tm-warning); font-weight: 600; }",
    ".tm-facts { margin: 6px 0 0; padding-left: 18px; }",
    ".tm-flag { color: var(--tm-warning); }",
    ".tm-source { color: var(--tm-faint); font-size: 12px; }",
    ".tm-kind { color: var(--tm-faint); }",
    ".tm-note, .tm-hint { color: var(--tm-faint); font-size: 12px; margin-top: 4px; }",
    ".leaflet-control-attribution { font-size: 12px; max-width: 62%; white-space: normal; text-align: right; }",
  ].join("\n");
  document.head.appendChild(style);
  document.addEventListener("DOMContentLoaded", init);
})();
