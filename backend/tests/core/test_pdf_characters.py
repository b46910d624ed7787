"""PDFs draw every character of the text they are given, or a readable stand-in: never the
font's empty box (emoji in a participant's notes, in a clause article)."""

from __future__ import annotations

import io

import pypdf

from levier.core import documents


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


class TestPdfCharacters:
    def test_the_font_is_embedded_and_draws_accents_and_symbols(self):
        font = documents.pdf_font()
        for character in "éèàçœ€«»–’✓☺❤":
            assert ord(character) in font.glyphs, character
        text = text_of(documents.pdf("# Café ✓\n\nNotes : « très bien » ☺ – 12 €", "T"))
        assert "Café ✓" in text and "« très bien » ☺ – 12 €" in text

    def test_characters_the_font_lacks_read_as_their_name(self):
        drawn = documents.drawable("Bravo 👍🏽 🎉 🇫🇷 ❤️ 😀", documents.pdf_font().glyphs)
        assert drawn == "Bravo [thumbs up sign] [party popper] FR ❤ [grinning face]"
        text = text_of(documents.pdf("- **Super** 🎉\n\nRéussi 👍", "Titre 🎉"))
        assert "[party popper]" in text and "[thumbs up sign]" in text
        assert "\u25a0" not in text and "\ufffd" not in text
