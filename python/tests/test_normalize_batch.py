import json

import pytest

import zhnews

# Our own invented article, in the shape of a portal export: front matter + HTML body.
ARTICLE = """---
title: '临川县新建图书馆开放，首日接待读者三千人次'
author: 临川日报
date: Wed, 05 Mar 2025 02:30:00 GMT
categories:
 - 文化
---
<p>3月4日上午，临川县新图书馆正式对外开放。馆内藏书约二十万册，设有少儿阅览区和古籍修复室。</p>
<p>馆长周明远介绍，开放首日共接待读者三千余人次，周末还将举办读书分享会。</p>
"""

PARAGRAPHS = [
    "3月4日上午，临川县新图书馆正式对外开放。馆内藏书约二十万册，设有少儿阅览区和古籍修复室。",
    "馆长周明远介绍，开放首日共接待读者三千余人次，周末还将举办读书分享会。",
]

# Traditional (Taiwan) input, cleaned into Simplified by default.
TRADITIONAL = "<p>臺北市今天舉行記者會，說明新的軟體服務將支援市民線上申請。</p>"


def test_utf8_bytes_become_a_record():
    [record] = zhnews.normalize_batch([("lib.txt", ARTICLE.encode("utf-8"))])
    assert record["schema_version"] == zhnews.SCHEMA_VERSION
    assert record["source"] == "lib.txt"
    assert record["encoding"] == "UTF-8"
    assert record["title"] == "临川县新建图书馆开放，首日接待读者三千人次"
    assert record["outlet"] == "临川日报"
    assert record["published_at"] == "2025-03-05T10:30:00+08:00"
    assert record["categories"] == ["文化"]
    assert record["paragraphs"] == PARAGRAPHS
    assert record["text"] == "\n".join(PARAGRAPHS)
    assert any(d["text"].startswith("3月4日上午") for d in record["dates"])


def test_gb18030_bytes_are_decoded_in_rust():
    utf8, gb = zhnews.normalize_batch(
        [("u.txt", ARTICLE.encode("utf-8")), ("g.txt", ARTICLE.encode("gb18030"))]
    )
    assert gb["encoding"] == "GB18030"
    assert gb["paragraphs"] == PARAGRAPHS
    assert gb["title"] == utf8["title"]
    for key in ("paragraphs", "text", "published_at", "dates", "outlet"):
        assert gb[key] == utf8[key], key


def test_str_input_ids_and_declared_encoding():
    [a, b, c] = zhnews.normalize_batch(
        [
            ("s", ARTICLE, "doc-1"),
            ("n", ARTICLE.encode("gb18030"), 42, "gbk"),
            ("t", TRADITIONAL.encode("big5"), None, "big5"),
        ]
    )
    assert a["id"] == "doc-1" and a["paragraphs"] == PARAGRAPHS
    assert b["id"] == "42" and b["paragraphs"] == PARAGRAPHS
    assert c["encoding"] == "Big5"
    assert c["paragraphs"] == ["台北市今天举行记者会，说明新的软件服务将支持市民在线申请。"]
    assert c["script"]["detected"] == "hant"


def test_options_change_the_output():
    [hant] = zhnews.normalize_batch([("x", ARTICLE.encode())], options={"script": "hant"})
    assert hant["paragraphs"][0].startswith("3月4日上午，臨川縣新圖書館")
    [utc] = zhnews.normalize_batch([("x", ARTICLE.encode())], options={"tz": "+00:00"})
    assert utc["published_at"] == "2025-03-05T02:30:00+00:00"
    [kept] = zhnews.normalize_batch([("x", ARTICLE.encode())], options={"keep_stripped": True})
    assert isinstance(kept["stripped"], list)
    [default] = zhnews.normalize_batch([("x", ARTICLE.encode())])
    assert "stripped" not in default


@pytest.mark.parametrize(
    "options, error",
    [
        ({"scirpt": "hans"}, ValueError),
        ({"script": "klingon"}, ValueError),
        ({"tz": "8"}, ValueError),
        ({"keep_stripped": "yes"}, TypeError),
    ],
)
def test_bad_options_raise(options, error):
    with pytest.raises(error):
        zhnews.normalize_batch([("x", b"<p>hi</p>")], options=options)


def test_bad_items_raise():
    with pytest.raises(TypeError):
        zhnews.normalize_batch([b"no source"])
    with pytest.raises(TypeError):
        zhnews.normalize_batch([("x", 3)])
    with pytest.raises(ValueError):
        zhnews.normalize_batch([], threads=0)


def test_broken_inputs_give_error_records_in_place():
    broken_front = "---\ntitle: '没有结束的引号\nauthor: 某报\n---\n<p>正文。</p>\n"
    items = [
        ("ok-1", ARTICLE.encode()),
        ("broken", broken_front.encode(), "b-1"),
        ("empty", b""),
        ("blank", b"   \n\t"),
        ("ok-2", TRADITIONAL.encode()),
    ]
    records = zhnews.normalize_batch(items)
    assert len(records) == len(items)
    assert [r["source"] for r in records] == [s for s, *_ in items]
    assert records[0]["paragraphs"] == PARAGRAPHS
    assert records[1]["id"] == "b-1"
    assert records[1]["error"]["kind"] == "front_matter"
    assert records[1]["error"]["message"].startswith("broken: front matter: line ")
    assert records[2]["error"]["kind"] == "empty"
    assert records[3]["error"]["kind"] == "empty"
    assert set(records[2]) == {"source", "error"}
    assert "error" not in records[4]


def test_order_kept_and_threads_give_the_same_output():
    items = []
    for i in range(200):
        body = f"<p>第{i}号公告：临川县第{i}届读书节将于{1 + i % 12}月{1 + i % 28}日开幕。</p>"
        data = body.encode("gb18030" if i % 3 == 0 else "utf-8")
        items.append((f"doc-{i}", data if i % 17 else b""))
    one = zhnews.normalize_batch(items, threads=1)
    four = zhnews.normalize_batch(items, threads=4)
    assert one == four
    assert [r["source"] for r in one] == [f"doc-{i}" for i in range(200)]
    assert one[5]["paragraphs"] == ["第5号公告：临川县第5届读书节将于6月6日开幕。"]
    assert one[17]["error"]["kind"] == "empty"
    assert zhnews.normalize_batch_json(items, threads=1) == zhnews.normalize_batch_json(items, threads=3)


def test_json_lines_match_the_dicts():
    items = [("a", ARTICLE.encode()), ("b", b"")]
    lines = zhnews.normalize_batch_json(items)
    assert [json.loads(line) for line in lines] == zhnews.normalize_batch(items)
    assert "临川" in lines[0]  # raw UTF-8, never \u escapes


def test_generators_are_accepted():
    records = zhnews.normalize_batch((f"g{i}", ARTICLE.encode()) for i in range(3))
    assert [r["source"] for r in records] == ["g0", "g1", "g2"]
