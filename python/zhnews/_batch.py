"""Column-wise batches, shared by the Ray Data and PySpark adapters."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, Sequence

from ._zhnews import normalize_batch_json


@dataclass(frozen=True)
class Columns:
    """Which columns of a batch hold what (datatrove's names by default).

    ``text`` holds the document (``str`` or raw ``bytes``); ``bytes`` (optional) holds raw bytes
    as base64 text, for non-UTF-8 documents stored in JSONL; ``id``, ``source`` and ``encoding``
    are optional. Missing columns are simply not used.
    """

    text: str = "text"
    id: str = "id"
    source: str = "source"
    encoding: str = "encoding"
    bytes: str = "bytes"
    #: Column receiving the full record (or error record) as JSON text.
    record: str = "zhnews"
    #: Column receiving the error kind, or None when the document was cleaned.
    error: str = "zhnews_error"


def _value(column: Sequence[Any] | None, i: int) -> Any:
    if column is None:
        return None
    value = column[i]
    if value is None or isinstance(value, (str, bytes)):
        return value
    # pandas and numpy mark missing cells with NaN, NaT or pandas.NA (whose truth is an error).
    try:
        missing = bool(value != value)
    except TypeError:
        missing = True
    return None if missing else value


def normalize_columns(
    batch: dict[str, Sequence[Any]],
    *,
    columns: Columns = Columns(),
    options: dict | None = None,
    threads: int = 1,
) -> dict[str, list[Any]]:
    """Cleans a column-wise batch (``{name: sequence}``) and returns the new columns.

    Returns ``{columns.text: cleaned text, columns.record: JSON record, columns.error: kind}``
    row-aligned with the input. A row that fails keeps its original text, gets its error record
    in ``columns.record`` and its error kind in ``columns.error``.
    """
    texts = batch.get(columns.text)
    raw = batch.get(columns.bytes)
    ids = batch.get(columns.id)
    sources = batch.get(columns.source)
    encodings = batch.get(columns.encoding)
    n = len(texts) if texts is not None else len(raw) if raw is not None else 0
    items = []
    originals = []
    for i in range(n):
        data = _value(raw, i)
        if isinstance(data, str):
            data = base64.b64decode(data)
        if data is None:
            data = _value(texts, i)
        if data is None:
            data = b""
        originals.append(data)
        doc_id = _value(ids, i)
        source = _value(sources, i)
        if source is None:
            source = "" if doc_id is None else str(doc_id)
        encoding = _value(encodings, i)
        items.append((str(source), bytes(data) if not isinstance(data, (str, bytes)) else data,
                      None if doc_id is None else str(doc_id), encoding))
    lines = normalize_batch_json(items, options=options, threads=threads)
    text_out: list[Any] = []
    errors: list[str | None] = []
    for line, original in zip(lines, originals):
        record = json.loads(line)
        error = record.get("error")
        if error is not None and "schema_version" not in record:
            errors.append(error["kind"])
            text_out.append(original if isinstance(original, str) else None)
        else:
            errors.append(None)
            text_out.append(record["text"])
    return {columns.text: text_out, columns.record: lines, columns.error: errors}
