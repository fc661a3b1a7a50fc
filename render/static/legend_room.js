// Room for the legend at the opening view (and when the region changes): the region is fitted beside the
// controls at the map's bottom left (the legend or its button, the scale), not under them. Where the open
// legend would still hide a state beyond the region (the centre of its visible part under the legend: Canada
// and Greenland beside Europe on a wide, low map), the legend starts folded behind its Legend button and the
// region is fitted again beside that, unless the viewer has opened or closed it; the scale steps aside
// likewise. Presentation mode keeps its legend open (projector type). Shared by the app's map and the offline HTML.
(function () {
  "use strict";
  const GAP = 8;
  const EDGE = 2;

  function boxIn(map, element) {
    const frame = map.getContainer().getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return { left: box.left - frame.left, right: box.right - frame.left, top: box.top - frame.top, bottom: box.bottom - frame.top, shown: box.width > 0 && box.height > 0 };
  }

  // The right edge of the controls in the bottom left corner, in the map's pixels (0 without any).
  function cornerRight(map) {
    let right = 0;
    map.getContainer().querySelectorAll(".leaflet-bottom.leaflet-left .leaflet-control").forEach(function (control) {
      const box = boxIn(map, control);
      if (box.shown) right = Math.max(right, box.right);
    });
    return right;
  }

  // Fitting a view (the region's, a storyboard step's): beside the bottom left controls.
  function padding(map) {
    const right = cornerRight(map || window.treatyMapLayers.map);
    return right ? { paddingTopLeft: [right + GAP, 0] } : {};
  }

  function place(map, bounds) {
    map.fitBounds(bounds, Object.assign({ animate: false }, padding(map)));
  }

  // The shapes the centre of whose visible part `element` (a control) covers.
  function hiddenBy(map, element) {
    if (!element) return [];
    const box = boxIn(map, element);
    if (!box.shown) return [];
    const size = map.getSize();
    const hidden = [];
    const check = function (layer) {
      if (!layer._path) return;
      const shape = boxIn(map, layer._path);
      const x = (shape.left + shape.right) / 2, y = (shape.top + shape.bottom) / 2;
      if (x < 0 || y < 0 || x > size.x || y > size.y) return;
      // A couple of pixels to spare: the box's edges are drawn on whole pixels.
      if (x >= box.left - EDGE && x <= box.right + EDGE && y >= box.top - EDGE && y <= box.bottom + EDGE) hidden.push(layer.feature.properties.iso3);
    };
    window.treatyMapLayers.countries.eachLayer(check);
    window.treatyMapLayers.microstates.eachLayer(check);
    return hidden;
  }

  // The scale (of a Mercator map, true along one latitude only) is the control a briefer needs least: it steps
  // aside rather than hide a state; then the legend's button moves to the top left if it would hide one.
  // Again whenever the map's size changes (the page fits the frame to the window after the opening view).
  function tidyCorner(map) {
    const container = map.getContainer();
    const scale = container.querySelector(".leaflet-control-scale");
    if (!scale) return;
    scale.style.display = "";
    window.TreatyMapLayout.placeLegendButton("bottomleft");
    if (hiddenBy(map, scale).length) scale.style.display = "none";
    if (hiddenBy(map, container.querySelector(".tm-key")).length) window.TreatyMapLayout.placeLegendButton("topleft");
  }

  const tidied = [];
  function fit(map, bounds) {
    const container = map.getContainer();
    if (tidied.indexOf(map) < 0) {
      tidied.push(map);
      // Leaflet redraws the shapes for a new size at the next moveend (debounced after a window's resize).
      map.on("resize", function () {
        tidyCorner(map);
        map.once("moveend", function () { tidyCorner(map); });
      });
    }
    place(map, bounds);
    const presenting = document.body.classList.contains("tm-present");
    if (!presenting && hiddenBy(map, container.querySelector(".tm-legend")).length && window.TreatyMapLayout.foldLegend()) place(map, bounds);
    tidyCorner(map);
  }

  window.TreatyLegendRoom = { fit: fit, padding: padding, hiddenBy: hiddenBy };
})();
