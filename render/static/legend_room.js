// Room for the legend at the opening view (and when the region changes): the region is fitted between the
// controls on the map's left (the legend or its button, the scale) and right (the i and zoom buttons), not under
// them. Where the open legend would still hide a state beyond the region (the centre of its visible part under
// the legend: Canada and Greenland beside Europe on a wide, low map), the legend starts folded behind its Legend
// button and the region is fitted again, unless the viewer has opened or closed it; the scale steps aside and the
// button moves to the top left likewise, again when the map's size changes. Presentation mode keeps its legend
// open (projector type). Shared by the app's map and the offline HTML.
(function () {
  "use strict";
  const GAP = 8;
  const EDGE = 2;

  function boxIn(map, element) {
    const frame = map.getContainer().getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return { left: box.left - frame.left, right: box.right - frame.left, top: box.top - frame.top, bottom: box.bottom - frame.top, shown: box.width > 0 && box.height > 0 };
  }

  // How far the controls along the map's left side (the legend or its button, the scale) reach into it, and
  // those along its right side (the i and zoom buttons), in the map's pixels.
  function sideReach(map) {
    const width = map.getSize().x;
    const reach = { left: 0, right: 0 };
    map.getContainer().querySelectorAll(".leaflet-left .leaflet-control, .leaflet-right .leaflet-control").forEach(function (control) {
      const box = boxIn(map, control);
      if (!box.shown) return;
      if (control.parentElement.classList.contains("leaflet-left")) reach.left = Math.max(reach.left, box.right);
      else reach.right = Math.max(reach.right, width - box.left);
    });
    return reach;
  }

  // Fitting a view (the region's, a storyboard step's): between the controls on either side.
  function padding(map) {
    const reach = sideReach(map || window.treatyMapLayers.map);
    return { paddingTopLeft: [reach.left ? reach.left + GAP : 0, 0], paddingBottomRight: [reach.right ? reach.right + GAP : 0, 0] };
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

  function presenting() {
    return document.body.classList.contains("tm-present");
  }

  // The open legend folds where it would hide a state, unless the viewer chose (or presentation mode keeps it).
  function foldIfHiding(map) {
    return !presenting() && hiddenBy(map, map.getContainer().querySelector(".tm-legend")).length > 0 && window.TreatyMapLayout.showLegend(false);
  }

  const watched = [];
  function fit(map, bounds) {
    if (watched.indexOf(map) < 0) {
      watched.push(map);
      // Leaflet redraws the shapes for a new size at the next moveend (debounced after a window's resize).
      const again = function () {
        foldIfHiding(map);
        tidyCorner(map);
      };
      map.on("resize", function () {
        again();
        map.once("moveend", again);
      });
      // Presentation mode switched on: its legend shows (projector type); switched off, it folds again if it hides a state.
      let wasPresenting = presenting();
      new MutationObserver(function () {
        if (presenting() === wasPresenting) return;  // another class (Leaflet marks a drag on the body)
        wasPresenting = presenting();
        if (wasPresenting) window.TreatyMapLayout.showLegend(true);
        again();
      }).observe(document.body, { attributes: true, attributeFilter: ["class"] });
    }
    place(map, bounds);
    if (foldIfHiding(map)) place(map, bounds);
    tidyCorner(map);
  }

  window.TreatyLegendRoom = { fit: fit, padding: padding };
})();
