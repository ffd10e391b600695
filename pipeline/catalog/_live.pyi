from collections.abc import Callable

def entries(
    text: str, decode: Callable[[str], str], /
) -> list[tuple[int, str | None, str, str, str | None, bool, str]] | None: ...
