"""Where the datasets live, and which treaty is shown when none is asked for."""
from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_TREATY = "apmbc"  # the Mine Ban Convention: the file data/apmbc.yaml
