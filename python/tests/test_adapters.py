"""The Ray Data and PySpark functions on the batches those engines hand over (no engine needed:
`cargo xtask engines` runs them under the real engines)."""

import base64
import json

import pytest

import zhnews
import zhnews.ray
import zhnews.spark

DOC = "<p>临川县今天举行新闻发布会，介绍新建大桥的进展。</p>"


def test_ray_numpy_batch_keeps_columns_and_rows():
    np = pytest.importorskip("numpy")
    batch = {
        "id": np.array(["a", "b", "c"], dtype=object),
        "text": np.array([DOC, "", None], dtype=object),
        "bytes": np.array([None, None, base64.b64encode(DOC.encode("gb18030")).decode()], dtype=object),
        "lang": np.array(["zh", "zh", "zh"], dtype=object),
    }
    out = zhnews.ray.normalize_batch_fn(batch)
    assert list(out["lang"]) == ["zh", "zh", "zh"]
    assert list(out["zhnews_error"]) == [None, "empty", None]
    assert out["text"][0] == "临川县今天举行新闻发布会，介绍新建大桥的进展。"
    assert out["text"][1] == ""  # a failed row keeps its original text
    assert out["text"][2] == out["text"][0]
    records = [json.loads(s) for s in out["zhnews"]]
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert records[2]["encoding"] == "GB18030"
    expected = zhnews.normalize_batch_json([("a", DOC, "a"), ("b", "", "b"), ("c", DOC.encode("gb18030"), "c")])
    assert list(out["zhnews"]) == expected


def test_spark_and_ray_pandas_frames():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": ["x", "y"], "source": ["s1", None], "text": [DOC, "---\ntitle: '坏\n---\n"]})
    [out] = list(zhnews.spark.map_in_pandas(iter([frame])))
    assert list(out.columns) == ["id", "source", "text", "zhnews", "zhnews_error"]
    # pandas stores a missing string as None or NaN depending on its version: both are null to Spark.
    assert [None if pd.isna(v) else v for v in out["zhnews_error"]] == [None, "front_matter"]
    first, second = (json.loads(s) for s in out["zhnews"])
    assert first["source"] == "s1" and second["source"] == "y"  # source falls back to the id
    assert second["error"]["message"].startswith("y: front matter: line ")
    ray_out = zhnews.ray.normalize_batch_fn(frame)
    assert ray_out["zhnews"].tolist() == out["zhnews"].tolist()


def test_options_pass_through():
    np = pytest.importorskip("numpy")
    batch = {"id": np.array(["t"], dtype=object), "text": np.array([DOC], dtype=object)}
    out = zhnews.ray.normalize_batch_fn(batch, options={"script": "hant"})
    assert out["text"][0].startswith("臨川縣")
    with pytest.raises(ValueError):
        zhnews.ray.normalize_batch_fn(batch, options={"script_": "hant"})
