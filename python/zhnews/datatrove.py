"""A datatrove pipeline step.

>>> from datatrove.executor import LocalPipelineExecutor
>>> from datatrove.pipeline.readers import JsonlReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from zhnews.datatrove import ZhnewsNormalizer, read_adapter
>>> LocalPipelineExecutor(pipeline=[
...     JsonlReader("shards/", adapter=read_adapter),   # text, or base64 raw bytes in "bytes"
...     ZhnewsNormalizer(options={"script": "hans"}),
...     JsonlWriter("clean/"),
... ], tasks=4).run()
"""

from __future__ import annotations

import base64
from typing import Any, Iterator

from ._zhnews import normalize_batch

try:
    from datatrove.pipeline.base import PipelineStep as _Base
except ImportError as _error:  # pragma: no cover - depends on the environment
    _import_error: ImportError | None = _error

    class _Base:  # type: ignore[no-redef]
        def __init__(self) -> None:
            raise ImportError("zhnews.datatrove needs datatrove: pip install datatrove") from _import_error
else:
    _import_error = None


def read_adapter(reader: Any, data: dict, path: str, id_in_file: int | str) -> dict:
    """A ``JsonlReader(adapter=...)`` that reads records whose raw bytes are base64 in ``bytes``
    (the ``zhnews clean --input jsonl`` convention for non-UTF-8 pages) into ``doc.text`` as
    ``bytes``, so the encoding is detected in Rust. Other records go through datatrove's default.
    """
    raw = data.pop("bytes", None)
    parsed = reader._default_adapter(data, path, id_in_file)
    if isinstance(raw, str):
        parsed["text"] = base64.b64decode(raw)
    return parsed


class ZhnewsNormalizer(_Base):
    """Cleans each document's text with zhnews, in batches.

    For each document: the input is ``doc.text`` (``str`` or raw ``bytes``), or the base64 raw
    bytes in ``doc.metadata[bytes_key]`` when present (non-UTF-8 pages stored in JSONL), with an
    optional encoding label in ``doc.metadata[encoding_key]``. ``doc.id`` is kept and becomes the
    record's id; the source is ``doc.metadata["source"]``, else ``"url"``, else ``"file_path"``,
    else the id.

    A cleaned document gets the cleaned text in ``doc.text`` and the record (minus ``text``,
    which is ``doc.text``) in ``doc.metadata["zhnews"]``. A document that fails is NOT dropped:
    it keeps its original text and gets ``doc.metadata["zhnews_error"] = {"kind", "message"}``,
    so the output stays row-aligned with the input; add a filter after this step to drop them.
    """

    name = "zhnews normalizer"
    type = "✂️ - FORMATTER"

    def __init__(
        self,
        options: dict | None = None,
        *,
        batch_size: int = 1000,
        threads: int = 1,
        bytes_key: str = "bytes",
        encoding_key: str = "encoding",
        record_key: str = "zhnews",
        error_key: str = "zhnews_error",
    ) -> None:
        super().__init__()
        # Fail at construction, not in the first worker, on a misspelt option.
        normalize_batch([], options=options)
        self.options = options
        self.batch_size = max(1, batch_size)
        self.threads = threads
        self.bytes_key = bytes_key
        self.encoding_key = encoding_key
        self.record_key = record_key
        self.error_key = error_key

    def _item(self, doc: Any) -> tuple:
        meta = doc.metadata
        data = doc.text
        raw = meta.pop(self.bytes_key, None)
        if isinstance(raw, str):
            data = base64.b64decode(raw)
        if data is None:
            data = b""
        source = meta.get("source") or meta.get("url") or meta.get("file_path") or doc.id
        encoding = meta.get(self.encoding_key)
        return (str(source), data, None if doc.id is None else str(doc.id), encoding if isinstance(encoding, str) else None)

    def _flush(self, docs: list) -> Iterator[Any]:
        with self.track_time(unit="batch"):
            records = normalize_batch([self._item(d) for d in docs], options=self.options, threads=self.threads)
        for doc, record in zip(docs, records):
            if "error" in record and "schema_version" not in record:
                doc.metadata[self.error_key] = record["error"]
                if isinstance(doc.text, bytes):
                    doc.text = doc.text.decode("utf-8", errors="replace")
                self.stat_update(f"zhnews_error_{record['error']['kind']}")
            else:
                doc.text = record.pop("text")
                doc.metadata[self.record_key] = record
                self.stat_update("zhnews_ok")
                self.update_doc_stats(doc)
            yield doc

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        batch: list = []
        for doc in data or ():
            self.stat_update("documents")
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._flush(batch)
                batch = []
        if batch:
            yield from self._flush(batch)
