"""JSON download responses for personal-data exports (pages and API share this)."""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.responses import Response


def json_download(data: dict[str, Any], *, filename: str) -> Response:
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", filename)[:120] or "export.json"
    return Response(
        json.dumps(data, indent=2, ensure_ascii=False),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{safe}"'},
    )
