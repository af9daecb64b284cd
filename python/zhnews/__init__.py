"""zhnews: scraped Chinese news articles in, clean structured records out.

The work happens in Rust (``zhnews._zhnews``); this package adds thin adapters for data
engines, each imported only when used so that the base package needs nothing else:

- ``zhnews.datatrove.ZhnewsNormalizer``: a datatrove pipeline step;
- ``zhnews.ray.normalize_batch_fn``: a Ray Data ``map_batches`` function;
- ``zhnews.spark.map_in_pandas``: a PySpark ``mapInPandas`` function.

>>> import zhnews
>>> [record] = zhnews.normalize_batch([("a.html", "<p>示例市举行发布会。</p>".encode("gb18030"))])
>>> record["paragraphs"]
['示例市举行发布会。']
"""

from ._zhnews import SCHEMA_VERSION, __version__, normalize_batch, normalize_batch_json
from ._batch import Columns, normalize_columns

__all__ = [
    "SCHEMA_VERSION",
    "__version__",
    "normalize_batch",
    "normalize_batch_json",
    "Columns",
    "normalize_columns",
]
