"""Run every benchmark module and print its figures; `--json FILE` also writes them."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import time
from pathlib import Path

import bench


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="only these benchmarks (module names)")
    parser.add_argument("--json", type=Path, help="write all figures to this file")
    args = parser.parse_args()
    names = [m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_")]
    figures: dict[str, dict[str, float]] = {}
    for name in sorted(names):
        if args.names and name not in args.names:
            continue
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        figures[name] = importlib.import_module(f"bench.{name}").run()
        for key, value in figures[name].items():
            print(f"  {key:40} {value:12.3f}" if isinstance(value, float) else f"  {key:40} {value:>12}")
        print(f"  ({time.perf_counter() - started:.1f} s)", flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
