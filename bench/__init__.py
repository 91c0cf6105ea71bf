"""Benchmarks run by `make bench`: each module here defines `run() -> dict[str, float]`."""
