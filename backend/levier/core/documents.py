"""Documents from the small Markdown Levier writes (headings, paragraphs, bullet lists, bold):
a PDF to read, and DOCX or ODT files a buyer edits in a word processor before publishing."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import docx
import odfdo
import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
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


# A font with most of Unicode (accents, typographic signs, many symbols and emoji), where the
# system has one (Debian's fonts-dejavu-core); else reportlab's own Vera. Either is embedded.
FONT_CANDIDATES = (
    (Path("/usr/share/fonts/truetype/dejavu"), "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    (Path(reportlab.__file__).parent / "fonts", "Vera.ttf", "VeraBd.ttf"),
)
# Joiners, variation selectors and skin-tone modifiers only shape the emoji they follow.
_SHAPING = frozenset({0x200D, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400)})
_REGIONAL_A = 0x1F1E6  # flags are pairs of regional indicators: 🇫🇷 reads as FR


@dataclass(frozen=True)
class PdfFont:
    regular: str
    bold: str
    glyphs: frozenset[int]


@cache
def pdf_font() -> PdfFont:
    """The embedded font family PDFs use, and the characters both its faces draw."""
    for directory, regular, bold in FONT_CANDIDATES:
        if (directory / regular).is_file() and (directory / bold).is_file():
            faces = TTFont("Levier", directory / regular), TTFont("Levier-Bold", directory / bold)
            for face in faces:
                pdfmetrics.registerFont(face)
            pdfmetrics.registerFontFamily(
                "Levier",
                normal="Levier",
                bold="Levier-Bold",
                italic="Levier",
                boldItalic="Levier-Bold",
            )
            # Only the Basic Multilingual Plane: reportlab writes characters beyond it (most
            # emoji) into the text layer unreadably, so they could not be copied or read
            # aloud; they get the readable stand-in instead.
            glyphs = {c for c in faces[0].face.charToGlyph if c <= 0xFFFF}
            glyphs &= set(faces[1].face.charToGlyph)
            return PdfFont("Levier", "Levier-Bold", frozenset(glyphs))
    latin = frozenset(c for c in range(0x20, 0x100) if c not in range(0x7F, 0xA0))
    return PdfFont("Helvetica", "Helvetica-Bold", latin)


def drawable(text: str, glyphs: frozenset[int]) -> str:
    """The text with every character the font cannot draw replaced by a readable stand-in
    (its Unicode name in brackets: "[party popper]"), never the font's empty box."""
    result: list[str] = []
    for character in unicodedata.normalize("NFC", text):
        code = ord(character)
        if code in _SHAPING:
            continue
        if code in glyphs or character in "\n\t":
            result.append(character)
        elif unicodedata.category(character) in {"Mn", "Cf"}:
            continue
        elif _REGIONAL_A <= code < _REGIONAL_A + 26:
            result.append(chr(ord("A") + code - _REGIONAL_A))
        else:
            name = unicodedata.name(character, "").lower()
            result.append(f"[{name}]" if name else "?")
    return "".join(result)


def _markup(text: str, glyphs: frozenset[int] | None = None) -> str:
    text = drawable(text, glyphs if glyphs is not None else pdf_font().glyphs)
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return BOLD.sub(r"<b>\1</b>", escaped)


def _styles(font: PdfFont) -> dict[str, ParagraphStyle]:
    sample = getSampleStyleSheet()
    return {
        name: ParagraphStyle(
            f"Levier{name}", parent=sample[name], fontName=font.bold if bold else font.regular
        )
        for name, bold in (("BodyText", False), ("Heading1", True), ("Heading2", True))
    }


def pdf(markdown: str, title: str) -> bytes:
    """An A4 PDF of the document, in a font embedded in it."""
    font = pdf_font()
    styles = _styles(font)
    story: list[Any] = []
    for block in blocks(markdown):
        if block.items:
            items = [
                ListItem(Paragraph(_markup(i, font.glyphs), styles["BodyText"]))
                for i in block.items
            ]
            story.append(ListFlowable(items, bulletType="bullet", bulletFontName=font.regular))
        else:
            style = {1: "Heading1", 2: "Heading2"}.get(block.level, "BodyText")
            story.append(Paragraph(_markup(block.text, font.glyphs), styles[style]))
        story.append(Spacer(1, 0.2 * cm))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=drawable(title, font.glyphs),
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
