"""A real datatrove pipeline: JsonlReader -> ZhnewsNormalizer -> JsonlWriter over the examples."""

import base64
import gzip
import json

import pytest

import zhnews

datatrove = pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from zhnews.datatrove import ZhnewsNormalizer, read_adapter  # noqa: E402


def write_input(files, path):
    """One JSONL record per example article: UTF-8 ones as text, the others as base64 bytes."""
    with open(path, "w", encoding="utf-8") as out:
        for file in files:
            data = file.read_bytes()
            record = {"id": file.name, "source": f"examples/articles/{file.name}"}
            try:
                record["text"] = data.decode("utf-8")
            except UnicodeDecodeError:
                record["bytes"] = base64.b64encode(data).decode("ascii")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_output(folder):
    records = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            records.extend(json.loads(line) for line in lines)
    return records


def test_local_pipeline_over_the_examples(tmp_path, example_files):
    (tmp_path / "in").mkdir()
    write_input(example_files, tmp_path / "in" / "articles.jsonl")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in"), adapter=read_adapter),
            ZhnewsNormalizer(options={"script": "hans"}, batch_size=4),
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    out = read_output(tmp_path / "out")

    # One output document per input, in input order, ids kept; errors kept, not dropped.
    assert [doc["id"] for doc in out] == [f.name for f in example_files]
    by_id = {doc["id"]: doc for doc in out}
    failed = sorted(i for i, doc in by_id.items() if "zhnews_error" in doc["metadata"])
    assert failed == ["095-broken-frontmatter.txt", "096-broken-frontmatter-tab.txt"]
    for name in failed:
        error = by_id[name]["metadata"]["zhnews_error"]
        assert error["kind"] == "front_matter"
        assert error["message"].startswith(f"examples/articles/{name}: front matter: line ")
        assert "zhnews" not in by_id[name]["metadata"]

    # The record in metadata, the cleaned text in text; figures from examples/README.md.
    bridge = by_id["010-guancha-bridge.txt"]
    record = bridge["metadata"]["zhnews"]
    assert record["title"] == "青漪湾跨江大桥正式通车，南北两岸车程缩短至12分钟"
    assert record["outlet"] == "江临观察网"
    assert record["id"] == "010-guancha-bridge.txt"
    assert len(record["paragraphs"]) == 7 and len(record["images"]) == 3
    assert bridge["text"] == "\n".join(record["paragraphs"])
    assert "<p>" not in bridge["text"]
    gbk = by_id["080-guancha-library-gbk.txt"]["metadata"]["zhnews"]
    assert gbk["encoding"] == "GB18030" and len(gbk["paragraphs"]) == 6
    big5 = by_id["081-dump-tw-coldwave-big5.txt"]["metadata"]["zhnews"]
    assert big5["encoding"] == "Big5" and big5["script"]["detected"] == "hant"
    assert big5["translation"]["lang"] == "en" and len(big5["paragraphs"]) == 6

    # Exactly what normalize_batch makes of the raw files.
    direct = zhnews.normalize_batch(
        [(f"examples/articles/{f.name}", f.read_bytes(), f.name) for f in example_files]
    )
    for doc, expected in zip(out, direct):
        if "error" in expected:
            assert doc["metadata"]["zhnews_error"] == expected["error"]
        else:
            assert doc["text"] == expected.pop("text")
            assert doc["metadata"]["zhnews"] == expected
