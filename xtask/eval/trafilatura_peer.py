"""Side-by-side peer for `cargo xtask eval` and `cargo xtask strip peers`.

Reads a JSON list of {"key", "path", "url"} objects on stdin and prints one JSON
object on stdout. Runs inside the scratch venv that the xtask creates; never
imported by the project's tests.

    python trafilatura_peer.py extract      -> {key: {text, title, date, author, sitename}}
    python trafilatura_peer.py bench PASSES -> {docs, bytes, seconds: [per pass], cpu_seconds: [per pass]}

Pages are handed over as bytes so that trafilatura does its own decoding, as
the Rust side does its own (decode + strip are timed together on both sides).
"""

import json
import sys
import time

import trafilatura

# Ask htmldate for the time of day as well; it prints 00:00:00 when the page
# gave only a day, which we report as a day-only value rather than midnight.
DATE_PARAMS = {
    "outputformat": "%Y-%m-%d %H:%M:%S",
    "extensive_search": True,
    "original_date": True,
}


def extract_one(data, url):
    doc = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, date_extraction_params=DATE_PARAMS
    )
    if doc is None:
        return {"text": "", "title": None, "date": None, "author": None, "sitename": None}
    date = doc.date
    if date and date.endswith(" 00:00:00"):
        date = date[: -len(" 00:00:00")]
    return {
        "text": doc.text or "",
        "title": doc.title,
        "date": date,
        "author": doc.author,
        "sitename": doc.sitename,
    }


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "extract"
    pages = json.load(sys.stdin)
    blobs = []
    for page in pages:
        with open(page["path"], "rb") as handle:
            blobs.append((page["key"], handle.read(), page.get("url")))
    if mode == "extract":
        out = {key: extract_one(data, url) for key, data, url in blobs}
    elif mode == "bench":
        passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
        # one untimed pass, as on the Rust side: lazy imports and caches
        # (htmldate, dateparser, lxml) are set up before the clock starts
        for _key, data, url in blobs:
            extract_one(data, url)
        seconds = []
        cpu_seconds = []
        for _ in range(passes):
            start = time.perf_counter()
            cpu = time.process_time()
            for _key, data, url in blobs:
                # the same call as `extract`: text, metadata and the publish
                # time with its time of day, the job the quality table scores
                extract_one(data, url)
            cpu_seconds.append(time.process_time() - cpu)
            seconds.append(time.perf_counter() - start)
        out = {
            "docs": len(blobs),
            "bytes": sum(len(data) for _key, data, _url in blobs),
            "seconds": seconds,
            "cpu_seconds": cpu_seconds,
        }
    else:
        raise SystemExit(f"unknown mode {mode!r}: use extract or bench")
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
