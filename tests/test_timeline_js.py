"""The browser's timeline controller (render/static/timeline_controller.js), tested without a browser by
Node's built-in test runner (tests/js/); run from here so `pytest` and `make test` run them too."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_timeline_controller_passes_its_node_tests():
    node = shutil.which("node")
    assert node, "Node.js is needed for tests/js (Debian: apt-get install nodejs)"
    done = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    summary = [line for line in done.stdout.splitlines() if line.startswith(("# tests", "# pass", "# fail"))]
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert summary and summary[0] != "# tests 0", "no Node test ran"


BROWSER_SCRIPTS = sorted([*ROOT.glob("render/static/*.js"), *ROOT.glob("components/*/frontend/*.js")])


def test_there_are_browser_scripts_to_check():
    names = {path.name for path in BROWSER_SCRIPTS}
    assert {"treaty_map.js", "timeline_controller.js", "streamlit_bridge.js", "standalone_timeline.js"} <= names


def test_every_browser_script_parses():
    """A script that does not parse stops the whole map: e.g. one name declared twice with `let` in the
    same scope, as two branches once merged into the bridge. Node reports such early errors without
    running the script."""
    node = shutil.which("node")
    assert node, "Node.js is needed (Debian: apt-get install nodejs)"
    for script in BROWSER_SCRIPTS:
        done = subprocess.run([node, "--check", str(script)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"{script.relative_to(ROOT)}: {done.stderr[-2000:]}"
