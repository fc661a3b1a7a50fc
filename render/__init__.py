"""Renderers: the interactive folium map and the static snapshot, both from one colour mapping."""
