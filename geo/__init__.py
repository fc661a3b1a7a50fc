"""Country geometry for the map: the committed `data/world.geojson`, how it is built
(`python -m geo.build`) and how the app reads it (`geo.countries`)."""
