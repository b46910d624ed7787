"""Write the OpenAPI document (`make openapi` → openapi/openapi.json)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from levier.core.config import Settings


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document, independent of the local configuration."""
    from levier.main import create_app

    app = create_app(
        Settings(
            environment="test",
            database_url="sqlite+aiosqlite://",
            frontend_dist=Path("/nonexistent"),
        )
    )
    return app.openapi()


def render() -> str:
    """The document as committed: stable key order, trailing newline."""
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if target:
        target.write_text(render(), encoding="utf-8")
    else:
        sys.stdout.write(render())
