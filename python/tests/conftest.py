import os
import pathlib

import pytest


@pytest.fixture(scope="session")
def repo_root() -> pathlib.Path:
    root = os.environ.get("ZHNEWS_ROOT")
    if root:
        return pathlib.Path(root)
    return pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def example_files(repo_root):
    files = sorted((repo_root / "examples" / "articles").iterdir())
    assert len(files) >= 10, "examples/articles is missing"
    return files
