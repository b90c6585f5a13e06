"""Importing a Python file by its path (listings, exercise files, checks)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def import_file(path: Path, name: str | None = None) -> ModuleType:
    """Import the file at ``path`` as a fresh module and return it.

    The module is registered in ``sys.modules`` while it executes, because
    dataclasses look their module up there.
    """
    module_name = name or f"rlcourse_listing_{abs(hash(path.resolve()))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module
