from collections.abc import Iterable

SCHEMA_VERSION: int
__version__: str

Item = (
    tuple[str, bytes | str]
    | tuple[str, bytes | str, str | int | None]
    | tuple[str, bytes | str, str | int | None, str | None]
)

def normalize_batch(
    items: Iterable[Item], *, options: dict | None = None, threads: int = 1
) -> list[dict]: ...
def normalize_batch_json(
    items: Iterable[Item], *, options: dict | None = None, threads: int = 1
) -> list[str]: ...
