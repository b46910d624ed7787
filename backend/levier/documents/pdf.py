"""The PDFs Levier issues: A4, the embedded font of `core.documents`, a header with the
issuing structure's identity, headings, paragraphs, tables and signature blocks."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from levier.core.documents import PdfFont, drawable, pdf_font


def _escape(text: str, font: PdfFont) -> str:
    text = drawable(text, font.glyphs)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")


@dataclass
class PdfDocument:
    """A document built piece by piece, then rendered once."""

    title: str
    story: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.font = pdf_font()
        sample = getSampleStyleSheet()

        def style(name: str, bold: bool, **extra: Any) -> ParagraphStyle:
            return ParagraphStyle(
                f"LevierDoc{name}{len(extra)}",
                parent=sample[name],
                fontName=self.font.bold if bold else self.font.regular,
                **extra,
            )

        self.styles = {
            "body": style("BodyText", False),
            "small": style("BodyText", False, fontSize=8, leading=10),
            "cell": style("BodyText", False, fontSize=8.5, leading=10.5),
            "head": style("BodyText", True, fontSize=8.5, leading=10.5),
            "title": style("Title", True),
            "h2": style("Heading2", True),
        }

    def _p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(_escape(text, self.font), self.styles[style])

    def identity(self, lines: Sequence[str]) -> None:
        """The issuer's identity at the top left: name first, in bold."""
        first, *rest = [line for line in lines if line]
        self.story.append(Paragraph(f"<b>{_escape(first, self.font)}</b>", self.styles["body"]))
        for line in rest:
            self.story.append(self._p(line, "small"))
        self.story.append(Spacer(1, 0.6 * cm))

    def heading(self, text: str, level: int = 1) -> None:
        self.story.append(self._p(text, "title" if level == 1 else "h2"))

    def paragraph(self, text: str) -> None:
        self.story.append(self._p(text))
        self.story.append(Spacer(1, 0.15 * cm))

    def fields(self, rows: Sequence[tuple[str, str]]) -> None:
        """Label–value pairs, two columns."""
        data = [[self._p(label, "head"), self._p(value or "—", "cell")] for label, value in rows]
        table = Table(data, colWidths=[5.2 * cm, 11.4 * cm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ]
            )
        )
        self.story.extend([table, Spacer(1, 0.3 * cm)])

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> None:
        """A table with a header row repeated on each page; `widths` in centimetres."""
        data = [[self._p(text, "head") for text in header]]
        data += [[self._p(str(value), "cell") for value in row] for row in rows]
        table = Table(data, colWidths=[w * cm for w in widths], repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9ecef")),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ]
            )
        )
        self.story.extend([table, Spacer(1, 0.3 * cm)])

    def signatures(self, blocks: Sequence[tuple[str, str]]) -> None:
        """Side-by-side signature blocks: (who signs, their name)."""
        cells = [[self._p(f"{who}\n{name}\n\nDate et signature :", "cell") for who, name in blocks]]
        width = 16.6 / len(blocks)
        table = Table(cells, colWidths=[width * cm] * len(blocks), rowHeights=[3.2 * cm])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ]
            )
        )
        self.story.extend([Spacer(1, 0.5 * cm), table])

    def render(self) -> bytes:
        buffer = io.BytesIO()
        SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=drawable(self.title, self.font.glyphs),
            author="Levier",
            leftMargin=2.2 * cm,
            rightMargin=2.2 * cm,
            topMargin=1.8 * cm,
            bottomMargin=1.8 * cm,
        ).build(self.story)
        return buffer.getvalue()
