"""A PySpark ``mapInPandas`` function.

>>> import zhnews.spark
>>> df = spark.read.json("shards/")                            # columns: id, text, …
>>> out = df.select("id", "text").mapInPandas(
...     zhnews.spark.map_in_pandas, schema=zhnews.spark.OUTPUT_SCHEMA)
>>> out.write.json("clean/")                                   # id, text, zhnews, zhnews_error

PySpark itself is not imported here: the function works on the pandas frames it is handed.
"""

from __future__ import annotations

from typing import Any, Iterator

from ._batch import Columns, normalize_columns

#: Schema of what :func:`map_in_pandas` yields for an input of ``id`` and ``text`` columns.
OUTPUT_SCHEMA = "id string, text string, zhnews string, zhnews_error string"


def map_in_pandas(
    frames: Iterator[Any],
    *,
    columns: Columns = Columns(),
    options: dict | None = None,
    threads: int = 1,
) -> Iterator[Any]:
    """Cleans each pandas frame Spark hands over and yields it with the cleaned ``text`` and the
    ``zhnews`` (record as JSON text) and ``zhnews_error`` (kind or None) columns.

    Every input column is kept, so the output schema is the input's plus ``zhnews`` and
    ``zhnews_error`` (:data:`OUTPUT_SCHEMA` for ``id, text``). Bind options with
    ``functools.partial(map_in_pandas, options={"script": "tw"})``.
    """
    for frame in frames:
        data = {name: frame[name].tolist() for name in frame.columns}
        out = frame.copy()
        for name, values in normalize_columns(data, columns=columns, options=options, threads=threads).items():
            out[name] = values
        yield out
