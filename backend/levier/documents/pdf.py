"""The PDFs Levier issues: A4 (landscape for wide tables), the embedded font of
`core.documents`, a header with the issuing structure's identity, headings, paragraphs,
tables and signature blocks.

Tables lay themselves out from their content: a column is never narrower than its longest
word (or than its whole text, for columns of figures such as "150,25 h"), so a line only
ever breaks at a space; when the widest words do not fit the page, the font gets smaller."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from levier.core.documents import PdfFont, drawable, pdf_font

MARGIN = 2.2 * cm
PADDING = 4.0  # points, each side of a table cell
TABLE_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5, 6.0)  # font sizes tried, largest first


def _escape(text: str, font: PdfFont) -> str:
    text = drawable(text, font.glyphs)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")


@dataclass
class PdfDocument:
    """A document built piece by piece, then rendered once."""

    title: str
    wide: bool = False  # landscape A4, for tables with many columns
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

    @property
    def width(self) -> float:
        """The width text may take on the page, in points."""
        page = landscape(A4) if self.wide else A4
        return float(page[0]) - 2 * MARGIN

    def _cell_style(self, bold: bool, size: float) -> ParagraphStyle:
        return ParagraphStyle(
            f"LevierCell{'B' if bold else 'R'}{size}",
            parent=self.styles["head" if bold else "cell"],
            fontSize=size,
            leading=size * 1.24,
        )

    def _text_width(self, text: str, bold: bool, size: float) -> float:
        font = self.font.bold if bold else self.font.regular
        return stringWidth(drawable(text, self.font.glyphs), font, size)

    def _column_widths(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], whole: set[int], size: float
    ) -> tuple[list[float], list[float]]:
        """Each column's least width (its longest word, or its whole text for `whole`
        columns) and the width it would take on one line, in points, padding included."""
        least, natural = [], []
        for index, title in enumerate(header):
            cells = [(title, True)] + [(str(row[index]), False) for row in rows]
            words = [
                self._text_width(text if index in whole and not bold else word, bold, size)
                for text, bold in cells
                for word in (text.split() or [""])
            ]
            lines = [
                self._text_width(line, bold, size)
                for text, bold in cells
                for line in text.splitlines() or [""]
            ]
            least.append(max(words) + 2 * PADDING + 1)
            natural.append(max(max(lines) + 2 * PADDING + 1, least[-1]))
        return least, natural

    def _layout(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], whole: set[int]
    ) -> tuple[list[float], float]:
        """Column widths filling the page, and the font size: the largest whose longest
        words fit side by side."""
        for size in TABLE_SIZES:
            least, natural = self._column_widths(header, rows, whole, size)
            if sum(least) <= self.width:
                break
        if sum(natural) <= self.width:
            scale = self.width / sum(natural)
            return [w * scale for w in natural], size
        # Short columns keep their one-line width; the long ones share what is left equally,
        # each never below its longest word: the widest column width `cap` that fits.
        low, high = 0.0, self.width
        for _ in range(40):
            cap = (low + high) / 2
            taken = sum(max(m, min(n, cap)) for n, m in zip(natural, least, strict=True))
            low, high = (cap, high) if taken <= self.width else (low, cap)
        return [max(m, min(n, low)) for n, m in zip(natural, least, strict=True)], size

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        whole: Sequence[int] = (),
    ) -> None:
        """A table with a header row repeated on each page, its columns sized from their
        content; the texts of the `whole` columns (figures) never wrap."""
        cells = [[str(value) for value in row] for row in rows]
        widths, size = self._layout(header, cells, set(whole))
        head, body = self._cell_style(True, size), self._cell_style(False, size)
        data = [[Paragraph(_escape(text, self.font), head) for text in header]]
        data += [[Paragraph(_escape(text, self.font), body) for text in row] for row in cells]
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
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
            pagesize=landscape(A4) if self.wide else A4,
            title=drawable(self.title, self.font.glyphs),
            author="Levier",
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=1.8 * cm,
            bottomMargin=1.8 * cm,
        ).build(self.story)
        return buffer.getvalue()
