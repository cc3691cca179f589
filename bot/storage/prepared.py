"""Statements of a turn, compiled once per dialect and run on the driver's own cursor.

A resident's message runs about six statements. Through Connection.execute each one pays
~100 µs of Python around ~15 µs of driver work: a cache key, an execution context, a
result object. The SQL here is still written with SQLAlchemy Core, and every value still
goes through SQLAlchemy's own type conversions for the dialect (JSON, timestamps,
booleans), so rows are stored and read back exactly as the rest of the app stores and
reads them; only the per-call machinery is skipped. Statements run on the DBAPI
connection of the SQLAlchemy transaction the turn already holds.

Column defaults in tables.py are not applied here: callers pass every column they write.
"""

from __future__ import annotations

import json
import json.scanner
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from typing import Any, NoReturn

from sqlalchemy import Connection, Table
from sqlalchemy import types as sqltypes
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...]  # bound parameters, in order
    positional: bool
    binds: tuple[tuple[str, Any], ...]  # (name, converter) where the type converts
    columns: tuple[str, ...]  # result column names
    results: tuple[Any, ...]  # converter or None, per result column
    # The same, worked out once for the per-call code below: the values in bind order
    # (positional dialects), the converters by position, and the result columns that convert.
    ordered: Callable[[dict], tuple] | None = None
    bind_at: tuple[tuple[int, Any], ...] = ()
    result_at: tuple[tuple[int, Any], ...] = ()


def _in_order(names: tuple[str, ...]) -> Callable[[dict], tuple]:
    """tuple(values[name] for name in names), as one C call."""
    if not names:
        return lambda values: ()
    if len(names) == 1:
        name = names[0]
        return lambda values: (values[name],)
    return itemgetter(*names)


class Prepared:
    """One statement; `keys` names the columns an INSERT or UPDATE sets."""

    def __init__(self, statement: ClauseElement, keys: Sequence[str] | None = None):
        self.statement = statement
        self.keys = list(keys) if keys is not None else None
        self._compiled: dict[str, _Compiled] = {}

    def compiled_for(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect.name)
        if found is None:
            found = self._compiled[dialect.name] = self._compile(dialect)
        return found

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self.statement.compile(dialect=dialect, column_keys=self.keys)
        positional = bool(dialect.positional)
        names = tuple(compiled.positiontup or ()) if positional else tuple(compiled.binds)
        binds = []
        for name in names:
            type_ = compiled.binds[name].type.dialect_impl(dialect)
            convert = _faster(type_, type_.bind_processor(dialect))
            convert = _faster_json(type_, convert, dialect)
            if convert is not None:
                binds.append((name, convert))
        exported = list(getattr(self.statement, "exported_columns", ()))
        columns = tuple(c.key for c in exported)
        results = tuple(_faster_json_result(c.type.dialect_impl(dialect), dialect)
                        for c in exported)
        converters = dict(binds)
        bind_at = tuple((i, converters[name]) for i, name in enumerate(names)
                        if name in converters) if positional else ()
        result_at = tuple((i, convert) for i, convert in enumerate(results)
                          if convert is not None)
        return _Compiled(compiled.string, names, positional, tuple(binds), columns, results,
                         _in_order(names) if positional else None, bind_at, result_at)

    def _params(self, c: _Compiled, values: dict):
        if c.positional:
            params = c.ordered(values)
            if not c.bind_at:
                return params
            params = list(params)
            for i, convert in c.bind_at:
                params[i] = convert(params[i])
            return params
        if c.binds:
            values = dict(values)
            for name, convert in c.binds:
                values[name] = convert(values[name])
        return values

    def _cursor(self, conn: Connection):
        return conn.connection.dbapi_connection.cursor()

    def run(self, conn: Connection, values: dict):
        """Execute with one set of values; the driver's cursor, for rows if any."""
        c = self.compiled_for(conn.dialect)
        cursor = self._cursor(conn)
        params = self._params(c, values)
        try:
            cursor.execute(c.sql, params)
        except Exception as exc:
            as_sqlalchemy_error(conn, c.sql, exc)
        return cursor

    def run_many(self, conn: Connection, rows: Sequence[dict]) -> None:
        if len(rows) == 1:  # psycopg's executemany opens a pipeline: a sync more than needed
            self.execute(conn, rows[0])
            return
        c = self.compiled_for(conn.dialect)
        cursor = self._cursor(conn)
        try:
            params = [self._params(c, row) for row in rows]
            try:
                cursor.executemany(c.sql, params)
            except Exception as exc:
                as_sqlalchemy_error(conn, c.sql, exc)
        finally:
            cursor.close()

    def first_row(self, conn: Connection, values: dict) -> tuple | None:
        """The first row's values, converted as SQLAlchemy would; or None."""
        c = self.compiled_for(conn.dialect)
        cursor = self.run(conn, values)
        try:
            row = cursor.fetchone()
        finally:
            cursor.close()
        if row is None:
            return None
        if not c.result_at:
            return tuple(row)
        row = list(row)
        for i, convert in c.result_at:
            value = row[i]
            if value is not None:
                row[i] = convert(value)
        return tuple(row)

    def first(self, conn: Connection, values: dict) -> dict | None:
        """The first row as {column: value}; or None."""
        row = self.first_row(conn, values)
        if row is None:
            return None
        return dict(zip(self.compiled_for(conn.dialect).columns, row, strict=True))

    def scalar(self, conn: Connection, values: dict):
        """The first column of the first row; or None."""
        row = self.first_row(conn, values)
        return None if row is None else row[0]

    def execute(self, conn: Connection, values: dict) -> int:
        """Execute for its effect; the number of rows it touched."""
        cursor = self.run(conn, values)
        try:
            return cursor.rowcount
        finally:
            cursor.close()


def _faster_json(type_, convert, dialect: Dialect):
    """SQLite's JSON converter, which first asks whether the value is JSON null, SQL NULL
    or None, called straight on the serializer for a dict (what the bot stores in its JSON
    columns): the same text."""
    if (convert is None or dialect.name != "sqlite" or not isinstance(type_, sqltypes.JSON)
            or type_.none_as_null or type_._str_impl.bind_processor(dialect) is not None):
        return convert
    serialize = dialect._json_serializer or json.dumps

    def process(value):
        if type(value) is dict:
            return serialize(value)
        return convert(value)

    return process


# json.loads(text) with its default settings, as the one C call it ends in: the scanner
# of json's default decoder (loads, decode and raw_decode are three Python calls and two
# regex matches around it). None without the C accelerator.
_scan_json = (json.scanner.c_make_scanner(json.JSONDecoder())
              if json.scanner.c_make_scanner is not None else None)


def _faster_json_result(type_, dialect: Dialect):
    """type_'s result converter; for SQLite's JSON columns read with json.loads (what the
    bot's engine does), a text that is one JSON value from its first character to its
    last is decoded by the scanner json.loads ends in: the same value. Anything else
    (leading or trailing spaces, bad JSON, a number) goes through SQLAlchemy's converter,
    which decodes it or raises as before."""
    convert = type_.result_processor(dialect, None)
    if (convert is None or _scan_json is None or dialect.name != "sqlite"
            or not isinstance(type_, sqltypes.JSON) or dialect._json_deserializer is not None
            or type_._str_impl.result_processor(dialect, None) is not None):
        return convert

    def process(value):
        if type(value) is str:
            try:
                decoded, end = _scan_json(value, 0)
            except StopIteration:  # not a JSON value at the first character
                return convert(value)
            if end == len(value):
                return decoded
        return convert(value)

    return process


def _faster(type_, convert):
    """SQLite's DATETIME converter, which formats seven fields through a dict (2% of a
    webhook request's CPU), replaced by datetime.isoformat for datetimes in its default
    format: the same text (tests/test_prepared.py compares them), stored the same way.
    A turn stamps all its rows with one `now` (the inbound message, the replies, the
    conversation, each event): the text of the last datetime formatted is kept, and the
    same object is not formatted again. The memo holds that datetime, so its id cannot be
    reused while it is kept; the pair is read and replaced as one tuple (thread-safe)."""
    if (convert is None or not isinstance(type_, sqlite.DATETIME)
            or type_._storage_format != sqlite.DATETIME._storage_format):
        return convert

    def process(value):
        if type(value) is datetime:  # fixed width: any UTC offset after it is cut off
            seen, text = _last_datetime[0]
            if seen is value:
                return text
            text = value.isoformat(" ", "microseconds")[:26]
            _last_datetime[0] = (value, text)
            return text
        return convert(value)

    return process


# The last datetime the converters above formatted, and its text (shared by every statement).
_last_datetime: list[tuple[datetime | None, str]] = [(None, "")]


@contextmanager
def as_sqlalchemy_errors(conn: Connection, statement: str | None = None) -> Iterator[None]:
    """The driver's own errors raised as SQLAlchemy's, as Connection.execute would raise
    them, so callers handle one kind (a dropped connection is marked invalidated and the
    pool discards it)."""
    try:
        yield
    except Exception as exc:
        as_sqlalchemy_error(conn, statement, exc)


def as_sqlalchemy_error(conn: Connection, statement: str | None, exc: Exception) -> NoReturn:
    """Raise exc as as_sqlalchemy_errors would: a driver error as SQLAlchemy's, anything
    else as it is. Called from an except block (the statements above, and a turn's BEGIN
    and COMMIT, run in a plain try rather than through the context manager, which costs a
    generator each time)."""
    dbapi = conn.dialect.loaded_dbapi
    if not isinstance(exc, dbapi.Error):
        raise exc
    dropped = conn.dialect.is_disconnect(exc, conn.connection.dbapi_connection, None)
    if dropped:
        conn.invalidate()
    raise DBAPIError.instance(statement, None, exc, dbapi.Error,
                              connection_invalidated=dropped,
                              dialect=conn.dialect) from exc


_AS_THEY_COME = nullcontext()  # reusable: it holds nothing


def batched(conn: Connection) -> AbstractContextManager[None]:
    """Statements whose results nobody reads, sent together: on PostgreSQL in psycopg's
    pipeline mode, one round trip at the end of the block instead of one each (an error
    still raises, at the end of the block). Elsewhere they simply run as they come, in a
    context that does nothing (no generator set up and run through each turn)."""
    if conn.dialect.name != "postgresql":
        return _AS_THEY_COME
    return _pipelined(conn)


@contextmanager
def _pipelined(conn: Connection) -> Iterator[None]:
    pipeline = getattr(conn.connection.driver_connection, "pipeline", None)
    if pipeline is None:
        yield
        return
    with as_sqlalchemy_errors(conn), pipeline():
        yield


class PerDialect:
    """One statement written differently per dialect; SQLite's for any other."""

    def __init__(self, sqlite: Prepared, postgresql: Prepared):
        self._by_name = {"sqlite": sqlite, "postgresql": postgresql}

    def on(self, conn: Connection) -> Prepared:
        return self._by_name.get(conn.dialect.name, self._by_name["sqlite"])


def insert_ignore(table: Table, conflict: list[str], keys: Sequence[str],
                  *returning) -> PerDialect:
    """INSERT ... ON CONFLICT (conflict) DO NOTHING RETURNING ...: no row back on a clash."""
    return PerDialect(*(
        Prepared(dialect.insert(table).on_conflict_do_nothing(index_elements=conflict)
                 .returning(*returning), keys)
        for dialect in (sqlite, postgresql)))
