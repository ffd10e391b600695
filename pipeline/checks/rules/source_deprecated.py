"""The English source uses a deprecated term (e.g. "disk" where "disc" is preferred).

Checked in `source/`; the finding names the file and line so the content lead can fix the text
before it reaches translators.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...content.model import Message, Procedure
from ..model import Options, SourceContext
from ..text import prose

CODE = "E206"
NAME = "source-term-deprecated"
SEVERITY = "error"
SCOPE = "source"
SAFETY = True
OPTIONS: dict[str, Any] = {}


def check(procedure: Procedure, ctx: SourceContext, options: Options) -> Iterator[tuple[Message, str]]:
    for message in procedure.messages():
        for hit in ctx.source.find(prose(message.text.value)):  # not in a link's address
            if hit.term.status == "deprecated":
                preferred = hit.concept.preferred("en")
                better = f": write '{preferred.display}'" if preferred else ""
                yield message, f"deprecated term '{hit.term.display}'{better}"
