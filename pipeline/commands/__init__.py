"""Query subcommands of `vnplans` (`refs`, `agencies`, `targets`, ...), one module each.

A module here is picked up by the CLI without registration. It defines
`add_arguments(parser)` and `run(args, engine) -> int`; the first line of its docstring
is the command's help. The CLI adds `--db` to every command and opens the engine.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def discover() -> dict[str, ModuleType]:
    """Command name → module, for every module in this package."""
    return {
        info.name: importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    }
