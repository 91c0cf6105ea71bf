"""The query commands' SQL: built with SQLAlchemy Core so that it runs on PostgreSQL as on SQLite.

CI has no PostgreSQL server, so each query, with no filter and with every filter, is compiled for the
postgresql dialect and run on an empty SQLite database; the command tests run them on data.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Select
from sqlalchemy.dialects import postgresql

from pipeline.commands import agencies, deadlines, refs, targets
from pipeline.load import open_engine

QUERIES: dict[str, Select[Any]] = {
    "refs citers": refs.citers("193/QĐ-TTg"),
    "refs top": refs.top(20),
    "refs top numbered": refs.top(20, numbered=True),
    "refs uncited": refs.uncited(),
    "agencies": agencies.query(),
    "agencies filtered": agencies.query(province="Lạng Sơn", role="lead", level="provincial", category="police",
                                        year=2019),
    "targets": targets.query(),
    "targets filtered": targets.query(province="Lạng Sơn", unit="%", year=2025),
    "deadlines": deadlines.query(),
    "deadlines filtered": deadlines.query(kind="date", province="Lạng Sơn", before="2025-12-31"),
}


@pytest.mark.parametrize("name", QUERIES)
def test_query_compiles_for_postgresql_without_null_parameters(name: str) -> None:
    compiled = QUERIES[name].compile(dialect=postgresql.dialect())
    # an option left out must add no condition: PostgreSQL cannot type a parameter bound only to NULL
    assert None not in compiled.params.values()


def test_unfiltered_queries_bind_no_filter_values() -> None:
    for stmt in (agencies.query(), targets.query(), deadlines.query()):
        assert stmt.whereclause is None


def test_top_groups_by_the_column_name() -> None:
    # the name, not the expression: a repeated expression repeats its parameters
    assert "GROUP BY document" in str(refs.top(5).compile(dialect=postgresql.dialect()))


@pytest.mark.parametrize("name", QUERIES)
def test_query_runs_on_sqlite(name: str, tmp_path) -> None:
    with open_engine(str(tmp_path / "empty.sqlite")).connect() as conn:
        assert conn.execute(QUERIES[name]).all() == []
