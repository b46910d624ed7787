"""Download responses."""

from __future__ import annotations

from typing import Any

from fastapi import Response


def attachment(content: bytes | str, media_type: str, filename: str) -> Response:
    """A file to download under `filename`."""
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def download_responses(description: str, *media_types: str) -> dict[int | str, Any]:
    """The OpenAPI `responses` of a download endpoint offered in several formats."""
    return {200: {"content": {media: {} for media in media_types}, "description": description}}
