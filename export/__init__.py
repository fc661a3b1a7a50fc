"""Exports for briefings: images, an offline HTML map, an animated GIF and a slide deck, one or many dates."""
