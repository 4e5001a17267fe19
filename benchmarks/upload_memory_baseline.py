"""The app with the departed-session cleanup switched off: benchmarks/upload_memory.py's baseline.

`streamlit run benchmarks/upload_memory_baseline.py` from the repository root: the app as it was
before issue 19, where a visitor who uploaded and left was freed only when Python's collector ran.
Streamlit serves app/static/ from the main script's folder, so benchmarks/static links to ../static
(the charts' plotly.js and the map's outline): without it this app's charts would never draw.
"""

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.app import sessions  # noqa: E402

sessions._end_if_gone = lambda visit: None  # the cleanup's one entry point
runpy.run_path(str(ROOT / "app.py"), run_name="__main__")
