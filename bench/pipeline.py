"""End-to-end throughput: the whole real corpus (../shared/corpus-real) through every stage and the loader."""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from pipeline.batch import find_files, run_batch
from pipeline.load import open_engine
from pipeline.process import process_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus-real"


def run() -> dict[str, float]:
    files = find_files([CORPUS])
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    started = time.perf_counter()
    for f in files:
        process_file(f)
    one_core = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = run_batch([CORPUS], open_engine(str(Path(tmp) / "bench.sqlite")), workers=2)
        batch = time.perf_counter() - started
    return {
        "files": len(files),
        "megabytes": megabytes,
        "stages_one_core_files_per_s": len(files) / one_core,
        "stages_one_core_mb_per_s": megabytes / one_core,
        "extract_and_load_2_workers_files_per_s": result.ok / batch,
        "failed": result.failed,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
