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
