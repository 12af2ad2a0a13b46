"""Hardening middleware: security headers on every response and a request-body size limit.

Both are plain ASGI middleware so they also cover static files, errors and redirects. The Content
Security Policy allows scripts and styles from this origin only (no inline scripts: pages pass data
in ``<script type="application/json">`` blocks or ``data-`` attributes).
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def security_headers(*, https: bool) -> list[tuple[bytes, bytes]]:
    headers = {
        "content-security-policy": CONTENT_SECURITY_POLICY,
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "referrer-policy": "same-origin",
        "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "cross-origin-opener-policy": "same-origin",
    }
    if https:
        headers["strict-transport-security"] = "max-age=31536000; includeSubDomains"
    return [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]


class SecurityHeadersMiddleware:
    """Adds the security headers, and ``Cache-Control: no-store`` to everything but static files."""

    def __init__(self, app: ASGIApp, *, https: bool, static_prefix: str = "/static/") -> None:
        self.app = app
        self.headers = security_headers(https=https)
        self.static_prefix = static_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_static = str(scope.get("path", "")).startswith(self.static_prefix)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                existing = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in existing]
                if not is_static and b"cache-control" not in existing:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RequestTooLargeError(HTTPException):
    """The request body passed the configured limit while it was being read.

    An ``HTTPException`` so that FastAPI's body parsing passes it on (as 413) instead of turning it
    into a generic 400.
    """

    def __init__(self, detail: str) -> None:
        super().__init__(status_code=413, detail=detail)


class BodySizeLimitMiddleware:
    """Refuses request bodies over ``max_bytes`` with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await self._refuse(send, 400, "The Content-Length header is not a number.")
                    return
                if declared > self.max_bytes:
                    await self._refuse(send, 413, self._message())
                    return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise RequestTooLargeError(self._message())
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except RequestTooLargeError:
            if started:
                raise
            await self._refuse(send, 413, self._message())

    def _message(self) -> str:
        return f"The request body is larger than the limit of {self.max_bytes} bytes."

    @staticmethod
    async def _refuse(send: Send, status: int, detail: str) -> None:
        body = json.dumps({"detail": detail}).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
