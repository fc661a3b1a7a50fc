// The app's map across 180° for a region whose view runs past it (the Asia–Pacific: geo/regions.py map_west).
// The shapes are drawn once for every region, so here they are moved, not sent again: each part of a moved
// shape by whole turns of 360° (geo.countries.turns_east_of, in the map's constant as `across[region]`), and
// put back for a region without them. Leaflet draws longitudes past 180 as they are; hover, click, the
// keyboard, the highlight and the markers stay on the same layers, now where the region shows them.
// Runs in the browser (window.TreatyMapAntimeridian) and in Node for the tests (module.exports).
(function (root) {
  "use strict";

  // A ring of GeoJSON [lon, lat] as Leaflet's [lat, lon], `turn` turns of 360° east.
  function ring(coordinates, turn) {
    return coordinates.map(function (point) { return [point[1], point[0] + 360 * turn]; });
  }

  // A GeoJSON geometry's coordinates for Leaflet (setLatLngs, setLatLng), each part moved by its turns:
  // a number for every part alike, or one per part in the GeoJSON's order.
  function placedLatLngs(geometry, turns) {
    const turnOf = function (index) { return Array.isArray(turns) ? turns[index] : turns || 0; };
    if (geometry.type === "Point") return ring([geometry.coordinates], turnOf(0))[0];
    if (geometry.type === "Polygon") return geometry.coordinates.map(function (rings) { return ring(rings, turnOf(0)); });
    return geometry.coordinates.map(function (polygon, index) {
      return polygon.map(function (rings) { return ring(rings, turnOf(index)); });
    });
  }

  const placed = new Map();  // layer -> the turns it is drawn with (as text), for the layers moved

  // Move the shapes and markers as `across` says ({shapes, markers}: code -> turns), or back (null).
  function place(layers, across) {
    [[layers.countries, across && across.shapes], [layers.microstates, across && across.markers]].forEach(function (pair) {
      pair[0].eachLayer(function (layer) {
        const turns = pair[1] ? pair[1][layer.feature.properties.iso3] : undefined;
        const key = JSON.stringify(turns || 0);
        if ((placed.get(layer) || "0") === key) return;
        const latLngs = placedLatLngs(layer.feature.geometry, turns);
        if (layer.setLatLngs) layer.setLatLngs(latLngs); else layer.setLatLng(latLngs);
        if (key === "0") placed.delete(layer); else placed.set(layer, key);
      });
    });
  }

  const api = { placedLatLngs: placedLatLngs, place: place };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TreatyMapAntimeridian = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
