// The offline page's country shapes, written compactly by render/standalone.py (`packed_geometry`): GeoJSON
// whose every ring is a string in the Encoded Polyline Algorithm (Google's), i.e. the differences between
// successive vertices in whole steps of the geometry's grid (0.001°), five bits a character, x before y as
// in GeoJSON. Decoding gives back exactly the committed coordinates (a whole number divided by the grid),
// synchronously, so the shapes are on the map before the page's scripts start on DOMContentLoaded.
// Runs in the browser (window.TreatyOfflineGeometry) and in Node for the tests (module.exports).
(function (root) {
  "use strict";

  // One ring: "_p~iF~ps|U..." -> [[x, y], ...].
  function ring(text, stepsPerDegree) {
    const vertices = [];
    let index = 0;
    let x = 0;
    let y = 0;
    function next() {
      let value = 0;
      let shift = 0;
      let chunk;
      do {
        chunk = text.charCodeAt(index++) - 63;
        value |= (chunk & 0x1f) << shift;
        shift += 5;
      } while (chunk >= 0x20);
      return value & 1 ? ~(value >> 1) : value >> 1;
    }
    while (index < text.length) {
      x += next();
      y += next();
      vertices.push([x / stepsPerDegree, y / stepsPerDegree]);
    }
    return vertices;
  }

  // A Polygon's rings, or a MultiPolygon's polygons of rings: strings are rings, arrays go one level down.
  function coordinates(value, stepsPerDegree) {
    return typeof value === "string" ? ring(value, stepsPerDegree) : value.map(function (item) { return coordinates(item, stepsPerDegree); });
  }

  function decode(packed) {
    return {
      type: "FeatureCollection",
      features: packed.features.map(function (feature) {
        const geometry = { type: feature.geometry.type, coordinates: coordinates(feature.geometry.coordinates, packed.steps_per_degree) };
        return { type: "Feature", id: feature.id, properties: feature.properties, geometry: geometry };
      }),
    };
  }

  const api = { decode: decode };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TreatyOfflineGeometry = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
