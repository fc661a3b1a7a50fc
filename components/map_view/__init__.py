"""The map as a thin Streamlit component: geometry sent once, only a date's colours per step.

At start-up the folium-built map document, Leaflet (from the xstatic-leaflet package) and the
bridge script are written to a build folder that Streamlit serves as the component (the document
only when what it is made from has changed). The dataset's
per-state records and its history of colours go beside them as content-addressed JSON files the
browser fetches once, so the browser moves the date itself and only tells the server where it went.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import shapely
import streamlit.components.v1 as components
import xstatic.pkg.leaflet as leaflet_package

import render
from render.scripts import SHARED_SCRIPTS

FRONTEND = Path(__file__).parent / "frontend"
RENDER = Path(render.__file__).parent
# The scripts after the map, in order: those shared with the offline HTML, then this page's bridge.
SCRIPTS = (
    *SHARED_SCRIPTS,
    RENDER / "static" / "storyboard_show.js",  # presenting a storyboard: the app's page only
    RENDER / "static" / "map_antimeridian.js",  # one document for every region (the offline page is drawn for one)
    FRONTEND / "skip_to_map.js",  # the page's first Tab stop leads to the map
    RENDER / "static" / "text_version.js",  # the text version under the map, in the app's page
    FRONTEND / "streamlit_bridge.js",
)
# What the map document is made from, besides the shapes and the constant parts.
DOCUMENT_SOURCES = (
    *SCRIPTS,
    RENDER / "folium_map.py",
    RENDER / "palette.py",
    RENDER / "static" / "treaty_map.js",
    RENDER.parent / "geo" / "regions.py",  # the opening view
)
BUILD_DIR = Path(__file__).resolve().parents[2] / "build" / "map_component"

BUILD_DIR.mkdir(parents=True, exist_ok=True)  # Streamlit checks the folder when the component is declared
_component = components.declare_component("treaty_map", path=str(BUILD_DIR))


def _write_atomically(path: Path, content: str) -> None:
    """Sessions may prepare the folder at once; a reader never sees a half-written file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(content)
    os.chmod(temporary, 0o644)  # mkstemp makes it owner-only; it is served to any reader
    os.replace(temporary, path)


def prepare_frontend(countries, microstates, constant: dict) -> Path:
    """Write the component's files: the map document with its scripts (timeline and bridge), and Leaflet.

    `constant` holds the parts of every render message that never change (palette, attribution...):
    written into the document once instead of being sent with each date.
    """
    leaflet_dir = Path(leaflet_package.BASE_DIR)
    shutil.copytree(leaflet_dir / "images", BUILD_DIR / "images", dirs_exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copyfile(leaflet_dir / name, BUILD_DIR / name)
    fingerprint = document_fingerprint(countries, microstates, constant)
    stamp = BUILD_DIR / "index.fingerprint"
    if (BUILD_DIR / "index.html").exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == fingerprint:
        return BUILD_DIR
    # Imported only to rebuild: folium takes about 0.4 s to import, a server's first visitor waits for it.
    from render.folium_map import build_map, render_html

    html = render_html(build_map(countries, microstates, leaflet_js="leaflet.js", leaflet_css="leaflet.css"))
    constant_json = json.dumps(constant).replace("</", "<\\/")  # never closes the script element
    scripts = [f"<script>window.treatyMapConstant = {constant_json};</script>"]
    scripts += [f"<script>{script.read_text(encoding='utf-8')}</script>" for script in SCRIPTS]
    html = html.replace("</body>", "\n".join(scripts) + "\n</body>")
    _write_atomically(BUILD_DIR / "index.html", html)
    _write_atomically(stamp, fingerprint)
    return BUILD_DIR


def document_fingerprint(countries, microstates, constant: dict) -> str:
    """A hash of everything the map document is made from: shapes, names, constant parts, sources, versions."""
    digest = hashlib.sha256()
    for frame in (countries, microstates):
        digest.update(json.dumps([list(frame["iso3"]), list(frame["name"])]).encode())
        for shape in shapely.to_wkb(frame.geometry.values):
            digest.update(shape)
    digest.update(json.dumps(constant, sort_keys=True).encode())
    for source in DOCUMENT_SOURCES:
        digest.update(source.read_bytes())
    digest.update(f"folium {version('folium')}, leaflet {leaflet_package.VERSION}".encode())
    return digest.hexdigest()


def publish(kind: str, content: dict) -> str:
    """Write a JSON file the browser fetches once per dataset version; returns its (content-addressed) name.

    Only the newest `KEEP_PUBLISHED` files of a kind stay: each dataset edit writes a new one.
    """
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    name = f"{kind}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.json"
    if not (BUILD_DIR / name).exists():
        _write_atomically(BUILD_DIR / name, text)
        _prune(kind)
    return name


def is_published(name: str) -> bool:
    return (BUILD_DIR / name).exists()


KEEP_PUBLISHED = 32  # several treaties and servers share the folder; a page holds what it fetched
KEEP_SECONDS = 3600  # and none younger than this, which another running server may still be serving


def _prune(kind: str) -> None:
    def modified(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except FileNotFoundError:  # another server pruned it first
            return 0.0

    newest_first = sorted(((modified(path), path) for path in BUILD_DIR.glob(f"{kind}-*.json")), reverse=True)
    for when, old in newest_first[KEEP_PUBLISHED:]:
        if time.time() - when > KEEP_SECONDS:
            old.unlink(missing_ok=True)


def treaty_map(payload: dict, key: str = "treaty_map") -> None:
    """Draw the map and its timeline for one date; what the viewer does there comes back in
    `st.session_state[key]` (read before the page is drawn, see map_panel.apply_map_action)."""
    _component(**payload, key=key, default=None)
