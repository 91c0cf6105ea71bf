"""The `vnplans` command: `extract` builds the database; the query commands read it."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from pipeline import PIPELINE_VERSION, commands
from pipeline.batch import find_files, run_batch
from pipeline.load import open_engine

DEFAULT_DB = "data/processed/plans.sqlite"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnplans", description="Extract Vietnamese government plans into a relational database."
    )
    parser.add_argument("--version", action="version", version=f"vnplans {PIPELINE_VERSION}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract files and folders (recursively) into the database")
    ex.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _add_db(ex)
    ex.add_argument("--workers", type=int, default=0, help="parallel processes (default: one per core)")
    ex.add_argument("--force", action="store_true", help="re-extract files that are already current")
    ex.set_defaults(func=_extract)

    for name, module in sorted(commands.discover().items()):
        doc = (module.__doc__ or name).strip().splitlines()[0]
        p = sub.add_parser(name, help=doc, description=doc)
        _add_db(p)
        module.add_arguments(p)
        p.set_defaults(func=lambda args, m=module: m.run(args, open_engine(args.db)))
    return parser


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=DEFAULT_DB, help=f"SQLite file or SQLAlchemy URL (default: {DEFAULT_DB})"
    )


def _extract(args: argparse.Namespace) -> int:
    engine = open_engine(args.db)
    n_files = len(find_files(args.paths))
    workers = args.workers or min(os.cpu_count() or 1, max(n_files, 1))
    started = time.perf_counter()
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=n_files, unit="file", file=sys.stderr, leave=False)
    try:
        result = run_batch(args.paths, engine, workers=workers, force=args.force,
                           progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    seconds = time.perf_counter() - started
    print(
        f"found {result.found}, extracted {result.ok}, skipped {result.skipped}, failed {result.failed} "
        f"in {seconds:.1f} s → {args.db}"
    )
    return 1 if result.failed else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
