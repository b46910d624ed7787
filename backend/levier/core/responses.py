"""Download responses."""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import quote

from fastapi import Response


def attachment(content: bytes | str, media_type: str, filename: str) -> Response:
    """A file to download under `filename`: as given (UTF-8, RFC 6266 `filename*`), and
    accent-free ASCII for clients that read only `filename`."""
    fallback = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "-", fallback).strip("-") or "download"
    disposition = f'attachment; filename="{fallback}"'
    if not filename.isascii():
        disposition += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})


def download_responses(description: str, *media_types: str) -> dict[int | str, Any]:
    """The OpenAPI `responses` of a download endpoint offered in several formats."""
    return {200: {"content": {media: {} for media in media_types}, "description": description}}
