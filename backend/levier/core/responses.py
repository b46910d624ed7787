"""Download responses."""

from __future__ import annotations

from fastapi import Response


def attachment(content: bytes | str, media_type: str, filename: str) -> Response:
    """A file to download under `filename`."""
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
