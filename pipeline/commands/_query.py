"""What the query commands share: their SQL is SQLAlchemy Core, so it runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

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
