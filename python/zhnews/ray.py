"""A Ray Data ``map_batches`` function.

>>> import ray, zhnews.ray
>>> ds = ray.data.read_json("shards/")                        # columns: id, text, …
>>> ds = ds.map_batches(zhnews.ray.normalize_batch_fn, batch_format="pandas")
>>> ds.write_json("clean/")                                    # + columns zhnews, zhnews_error

Ray itself is not imported here: the function works on the batch it is handed.
"""

from __future__ import annotations

from typing import Any

from ._batch import Columns, normalize_columns


def normalize_batch_fn(
    batch: Any,
    *,
    columns: Columns = Columns(),
    options: dict | None = None,
    threads: int = 1,
) -> Any:
    """Cleans one Ray Data batch (``batch_format="pandas"`` or ``"numpy"``).

    ``text`` (``str`` or ``bytes``) is replaced by the cleaned text; column ``zhnews`` gets the
    full record as JSON text (the same bytes as a ``zhnews clean`` line) and ``zhnews_error`` the
    error kind or None. A failed row keeps its original text. Every other column is kept. Pass
    options through ``map_batches(..., fn_kwargs={"options": {"script": "hant"}})``.
    """
    if hasattr(batch, "to_dict") and hasattr(batch, "columns"):  # pandas.DataFrame
        data = {name: batch[name].tolist() for name in batch.columns}
        out = batch.copy()
        for name, values in normalize_columns(data, columns=columns, options=options, threads=threads).items():
            out[name] = values
        return out
    data = {name: list(values) for name, values in batch.items()}
    out = dict(batch)
    new = normalize_columns(data, columns=columns, options=options, threads=threads)
    try:
        import numpy as np

        for name, values in new.items():
            array = np.empty(len(values), dtype=object)
            array[:] = values
            out[name] = array
    except ImportError:  # pragma: no cover - Ray always ships numpy
        out.update(new)
    return out
