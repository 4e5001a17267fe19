"""Loaded at start-up by a server the memory test runs with this folder on PYTHONPATH (never by the app).

Every second it writes to $MEMORY_PROBE_OUT how many parsed uploads (survey.schema.Survey objects read
from an upload) the server process still has, reachable or not yet collected: what the memory test
needs to see go to zero once a visitor who uploaded has left.
"""

import gc
import os
import sys
import threading
import time


def _count_uploads() -> None:
    out = os.environ["MEMORY_PROBE_OUT"]
    while True:
        time.sleep(1.0)
        schema = sys.modules.get("dashboard.survey.schema")
        upload_label = getattr(sys.modules.get("dashboard.app.data"), "UPLOAD_LABEL", None)
        count = 0
        if schema is not None and upload_label is not None:
            survey = schema.Survey
            count = sum(1 for o in gc.get_objects() if isinstance(o, survey) and o.label == upload_label)
        with open(out + ".tmp", "w") as handle:
            handle.write(str(count))
        os.replace(out + ".tmp", out)


if os.environ.get("MEMORY_PROBE_OUT"):
    threading.Thread(target=_count_uploads, name="memory-probe", daemon=True).start()
