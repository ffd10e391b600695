"""The procedure content model. It knows nothing of files: readers build it, extractors read it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Text:
    """One translatable string, where it stands in its source, and an optional translator note."""

    value: str
    line: int
    note: str | None = None


@dataclass(frozen=True)
class Item:
    id: str
    text: Text


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: Text


@dataclass(frozen=True)
class BulletList:
    id: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Question:
    id: str
    question: Text
    answer: Text


Block = Paragraph | BulletList | Question


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Message:
    """A translatable string with the gettext context that names its place."""

    context: str
    text: Text


# The lifecycle a content lead declares (`status:` in the YAML): a draft is translated and reviewed
# but never published, an active procedure follows the release policy, a retired one is withdrawn
# from every bundle and the manifest tells apps to delete it.
LIFECYCLE = ("draft", "active", "retired")


@dataclass(frozen=True)
class Procedure:
    id: str
    source: str  # the path used in references, relative to the content root
    title: Text
    summary: Text
    sections: tuple[Section, ...]
    status: str = "active"  # one of LIFECYCLE
    renamed_from: tuple[tuple[str, str], ...] = ()  # (new context or prefix, old one), declared by the content lead

    def old_context(self, context: str) -> str | None:
        """The context this one had before a declared rename (``renamed_from:``), if any."""
        for new, old in self.renamed_from:
            if context == new:
                return old
            if context.startswith(new + "."):
                return old + context[len(new):]
        return None

    def messages(self) -> Iterator[Message]:
        """Every translatable string in document order, each with a context built from ids only,
        so inserting, removing or reordering blocks or items never renames another entry."""
        return iter(self._messages)

    @cached_property
    def _messages(self) -> tuple[Message, ...]:  # every source check walks them
        return tuple(self._walk())

    def _walk(self) -> Iterator[Message]:
        yield Message("title", self.title)
        yield Message("summary", self.summary)
        for section in self.sections:
            yield Message(f"{section.id}.title", section.title)
            for block in section.blocks:
                base = f"{section.id}.{block.id}"
                if isinstance(block, Paragraph):
                    yield Message(base, block.text)
                elif isinstance(block, BulletList):
                    for item in block.items:
                        yield Message(f"{base}.{item.id}", item.text)
                else:
                    yield Message(f"{base}.question", block.question)
                    yield Message(f"{base}.answer", block.answer)
