"""The readers' library never imports the course machinery or its heavy tools."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import rlcourse

TOOLING = ("coursetools", "markdown", "mkdocs", "jupytext", "nbformat", "playwright", "pymdownx")

PROBE = """
import importlib, json, pkgutil, sys
import rlcourse
names = [m.name for m in pkgutil.walk_packages(rlcourse.__path__, "rlcourse.")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"imported": names, "loaded": sorted(sys.modules)}))
"""


def test_importing_every_library_module_loads_no_tooling() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=300
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    expected = {m.name for m in pkgutil.walk_packages(rlcourse.__path__, "rlcourse.")}
    assert set(report["imported"]) == expected
    assert len(expected) >= 10, "the probe imported the library's modules"
    leaked = [name for name in report["loaded"] if name.split(".")[0] in TOOLING]
    assert leaked == []
