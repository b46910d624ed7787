"""Response shapes shared by several domains."""

from __future__ import annotations

from pydantic import BaseModel

from levier.core import documents


class TextRun(BaseModel):
    text: str
    bold: bool = False


class PreviewBlock(BaseModel):
    """A heading (level 1 or 2), a paragraph (level 0) or a bullet list (`items`)."""

    level: int
    runs: list[TextRun]
    items: list[list[TextRun]]


class DocumentPreview(BaseModel):
    """A generated document as structured text, for the page to show before download."""

    blocks: list[PreviewBlock]
    markdown: str

    @classmethod
    def of(cls, markdown: str) -> DocumentPreview:
        def runs(text: str) -> list[TextRun]:
            return [TextRun(text=piece, bold=bold) for piece, bold in documents.runs(text)]

        return cls(
            markdown=markdown,
            blocks=[
                PreviewBlock(
                    level=block.level,
                    runs=runs(block.text) if not block.items else [],
                    items=[runs(item) for item in block.items],
                )
                for block in documents.blocks(markdown)
            ],
        )
