"""Documents from the small Markdown Levier writes (headings, paragraphs, bullet lists, bold):
a PDF to read, and DOCX or ODT files a buyer edits in a word processor before publishing."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

import docx
import odfdo
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass
class Block:
    """A heading (level 1 or 2), a paragraph (level 0) or a bullet list (`items`)."""

    text: str = ""
    level: int = 0
    items: list[str] = field(default_factory=list)


def blocks(markdown: str) -> list[Block]:
    """The document's blocks; a bullet's continuation lines (indented) join its item."""
    result: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            result.append(Block(" ".join(paragraph)))
            paragraph.clear()
        if bullets:
            result.append(Block(items=list(bullets)))
            bullets.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        heading = re.match(r"^(#{1,2}) (.*)$", stripped)
        if heading:
            flush()
            result.append(Block(heading.group(2), level=len(heading.group(1))))
        elif stripped.startswith("- "):
            if paragraph:
                flush()
            bullets.append(stripped[2:])
        elif not stripped:
            flush()
        elif bullets and line.startswith("  "):
            bullets[-1] += " " + stripped
        else:
            if bullets:
                flush()
            paragraph.append(stripped)
    flush()
    return result


def runs(text: str) -> list[tuple[str, bool]]:
    """The text cut into (piece, bold) runs."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in BOLD.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def _markup(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return BOLD.sub(r"<b>\1</b>", escaped)


def pdf(markdown: str, title: str) -> bytes:
    """An A4 PDF of the document."""
    styles = getSampleStyleSheet()
    story: list[Any] = []
    for block in blocks(markdown):
        if block.items:
            items = [ListItem(Paragraph(_markup(i), styles["BodyText"])) for i in block.items]
            story.append(ListFlowable(items, bulletType="bullet"))
        else:
            style = {1: "Heading1", 2: "Heading2"}.get(block.level, "BodyText")
            story.append(Paragraph(_markup(block.text), styles[style]))
        story.append(Spacer(1, 0.2 * cm))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="Levier",
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    ).build(story)
    return buffer.getvalue()


def word(markdown: str, title: str) -> bytes:
    """A DOCX file of the document (Word, LibreOffice, OnlyOffice)."""
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Levier"
    for block in blocks(markdown):
        if block.level:
            document.add_heading(block.text.replace("**", ""), level=block.level)
            continue
        for text in block.items or [block.text]:
            paragraph = document.add_paragraph(style="List Bullet" if block.items else None)
            for piece, bold in runs(text):
                paragraph.add_run(piece).bold = bold
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def open_document(markdown: str, title: str) -> bytes:
    """An ODT file of the document (OpenDocument, LibreOffice's own format)."""
    document = odfdo.Document("text")
    document.body.clear()
    document.insert_style(odfdo.Style("text", name="Strong", bold=True), automatic=True)
    document.meta.title = title

    def paragraph(text: str) -> odfdo.Paragraph:
        element = odfdo.Paragraph("")
        for piece, bold in runs(text):
            element.append(odfdo.Span(piece, style="Strong") if bold else piece)
        return element

    for block in blocks(markdown):
        if block.level:
            document.body.append(odfdo.Header(block.level, block.text.replace("**", "")))
        elif block.items:
            listing = odfdo.List()
            for item in block.items:
                entry = odfdo.ListItem()
                entry.append(paragraph(item))
                listing.append(entry)
            document.body.append(listing)
        else:
            document.body.append(paragraph(block.text))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
