from collections.abc import Callable
from typing import Any

def build(text: str, pos_dict: type, pos_list: type, resolve: Callable[[str], Any],
          maybe_not_text: frozenset[str] | None, escapes: bool, /) -> tuple[Any, bool] | None: ...
