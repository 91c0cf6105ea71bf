"""Run a batch of files: skip what is current, process the rest in parallel, load serially.

Workers only run the pure stages and send back an `ExtractedDocument`; the parent process
is the only writer, so SQLite never sees two writers and each document is one transaction.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from models.records import ExtractedDocument
from pipeline import load
from pipeline.ingest import supported
from pipeline.process import StageError, process_file


@dataclass
class BatchResult:
    found: int = 0
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Files given directly, and supported files found recursively in folders, in a stable order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and supported(f) and not f.name.startswith(".")))
        else:
            out.append(p)
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _worker_init() -> None:
    # each file worker takes one core; OCR inside it must not start a pool of its own
    os.environ["VNPLANS_OCR_JOBS"] = "1"


def _results(files: list[Path], workers: int) -> Iterator[tuple[Path, ExtractedDocument | StageError]]:
    if workers <= 1 or len(files) <= 1:
        for f in files:
            try:
                yield f, process_file(f)
            except StageError as exc:
                yield f, exc
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as pool:
        # results are taken in input order so that document ids follow the order of the files
        futures = [(f, pool.submit(process_file, f)) for f in files]
        for f, fut in futures:
            try:
                yield f, fut.result()
            except StageError as exc:
                yield f, exc
            except Exception as exc:  # a worker that died (killed, out of memory) fails its file only
                yield f, StageError("extract", exc)


def run_batch(
    paths: Iterable[Path],
    engine: Engine,
    *,
    workers: int = 1,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> BatchResult:
    files = find_files(paths)
    result = BatchResult(found=len(files))
    log = load.RunLog(engine)
    log.start(len(files))

    def fail(path: Path, stage: str, error_type: str, message: str) -> None:
        result.failed += 1
        line = f"{path}: {stage}: {message}"
        result.errors.append(line)
        print(f"error: {line}", file=sys.stderr)
        log.error(str(path), stage, error_type, message)

    todo: list[Path] = []
    seen: set[str] = set()  # a byte-identical copy later in the batch is the same document
    for f in files:
        try:
            if not f.is_file():
                raise FileNotFoundError("no such file")
            if not supported(f):
                raise ValueError(f"unsupported file type {f.suffix or '(none)'}")
            sha = _sha256(f)
            if sha in seen or (not force and load.is_current(engine, sha)):
                result.skipped += 1
                if progress:
                    progress(1)
                continue
        except (OSError, ValueError) as exc:
            fail(f, "ingest", type(exc).__name__, str(exc))
            if progress:
                progress(1)
            continue
        seen.add(sha)
        todo.append(f)

    for f, outcome in _results(todo, workers):
        if isinstance(outcome, StageError):
            fail(f, outcome.stage, outcome.error_type, str(outcome))
        else:
            try:
                load.load_document(engine, outcome)
                result.ok += 1
            except Exception as exc:  # the transaction rolled back; the batch goes on
                fail(f, "load", type(exc).__name__, str(exc))
        if progress:
            progress(1)
    log.finish(result.ok, result.skipped, result.failed)
    return result

