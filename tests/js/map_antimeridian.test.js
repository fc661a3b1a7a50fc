// The app's map across 180° (render/static/map_antimeridian.js) without a browser: a shape's parts moved by
// whole turns of 360° as geo.countries.turns_east_of says, in Leaflet's [lat, lon] order, and put back.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const A = require(path.join(__dirname, "..", "..", "render", "static", "map_antimeridian.js"));

// Tonga's main island (Tongatapu, about 175.2° W) as a square, and a two-part shape: a part west of 180°
// (Attu, 173° E) that stays, and one east of it (Alaska) that moves a turn.
const TONGA = { type: "Polygon", coordinates: [[[-175.3, -21.2], [-175.1, -21.2], [-175.1, -21.0], [-175.3, -21.2]]] };
const TWO_PARTS = {
  type: "MultiPolygon",
  coordinates: [
    [[[173, 52.9], [173.5, 52.9], [173.5, 53], [173, 52.9]]],
    [[[-150, 61], [-149, 61], [-149, 62], [-150, 61]], [[-149.8, 61.2], [-149.6, 61.2], [-149.6, 61.4], [-149.8, 61.2]]],
  ],
};

test("a shape moved a turn east is drawn at lon + 360, its rings as Leaflet takes them", () => {
  assert.deepEqual(A.placedLatLngs(TONGA, 1), [[[-21.2, 184.7], [-21.2, 184.9], [-21.0, 184.9], [-21.2, 184.7]]]);
  assert.deepEqual(A.placedLatLngs(TONGA, undefined), [[[-21.2, -175.3], [-21.2, -175.1], [-21.0, -175.1], [-21.2, -175.3]]],
    "no turns: the file's longitudes (another region)");
});

test("each part of a shape moves by its own turns, holes with their part", () => {
  const placed = A.placedLatLngs(TWO_PARTS, [0, 1]);
  assert.deepEqual(placed[0], [[[52.9, 173], [52.9, 173.5], [53, 173.5], [52.9, 173]]]);
  assert.deepEqual(placed[1][0][0], [61, 210]);
  assert.deepEqual(placed[1][1][0], [61.2, 210.2], "the hole moves with its part");
  assert.deepEqual(A.placedLatLngs(TWO_PARTS, 1)[0][0][0], [52.9, 533], "one number: every part alike");
});

test("a marker's point moves too", () => {
  assert.deepEqual(A.placedLatLngs({ type: "Point", coordinates: [-175.2, -21.1] }, 1), [-21.1, 184.8]);
});

// Layers as Leaflet's GeoJSON layer makes them: a feature each, setLatLngs (shapes) or setLatLng (markers).
function layerGroup(features, marker) {
  const layers = features.map((feature) => {
    const layer = { feature, calls: [] };
    if (marker) layer.setLatLng = (latLng) => layer.calls.push(latLng); else layer.setLatLngs = (latLngs) => layer.calls.push(latLngs);
    return layer;
  });
  return { layers, eachLayer: (callback) => layers.forEach(callback) };
}

test("placing for a region moves only the shapes it names, and another region puts them back", () => {
  const countries = layerGroup([
    { properties: { iso3: "TON" }, geometry: TONGA },
    { properties: { iso3: "AUS" }, geometry: { type: "Polygon", coordinates: [[[150, -30], [151, -30], [151, -29], [150, -30]]] } },
  ]);
  const microstates = layerGroup([{ properties: { iso3: "TON" }, geometry: { type: "Point", coordinates: [-175.2, -21.1] } }], true);
  const layers = { countries, microstates };
  const [tonga, australia] = countries.layers;
  A.place(layers, { shapes: { TON: 1 }, markers: { TON: 1 } });
  assert.equal(tonga.calls.length, 1);
  assert.deepEqual(tonga.calls[0][0][0], [-21.2, 184.7]);
  assert.deepEqual(microstates.layers[0].calls, [[-21.1, 184.8]]);
  assert.equal(australia.calls.length, 0, "a shape the region does not move is left alone");
  A.place(layers, { shapes: { TON: 1 }, markers: { TON: 1 } });
  assert.equal(tonga.calls.length, 1, "already there: not drawn again");
  A.place(layers, undefined);
  assert.deepEqual(tonga.calls[1][0][0], [-21.2, -175.3], "back at the file's longitudes");
  assert.deepEqual(microstates.layers[0].calls[1], [-21.1, -175.2]);
  assert.equal(australia.calls.length, 0);
});
