"""What the query commands share: their SQL is SQLAlchemy Core, so it runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, Select


def where_given(stmt: Select[Any], *filters: tuple[ColumnElement[Any], object]) -> Select[Any]:
    """`column = value` for each option the user gave.

    An option left out adds no condition at all rather than `(:value IS NULL OR ...)`:
    PostgreSQL cannot type a parameter that is only ever NULL.
    """
    for column, value in filters:
        if value is not None:
            stmt = stmt.where(column == value)
    return stmt


def show(frame: pd.DataFrame, *, csv: bool, empty: str, shorten: str | None = None) -> None:
    """Print a result as CSV, or as a table for a terminal.

    The table cuts the long text column `shorten` to its start; the database and `--csv` keep it whole.
    """
    if csv:
        print(frame.to_csv(index=False), end="")
    elif frame.empty:
        print(empty)
    else:
        if shorten in frame:
            frame = frame.assign(**{shorten: frame[shorten].str.slice(0, 60)})
        with pd.option_context("display.max_colwidth", 70, "display.width", 220):
            print(frame.to_string(index=False))
