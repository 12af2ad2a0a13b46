"""``bedside serve``: run the web app with uvicorn on the configured host and port."""

from __future__ import annotations

import typer

from bedside.cli.common import DatabaseUrlOption, console, ready_database, settings_for


def serve(
    host: str | None = typer.Option(None, "--host", help="Address to listen on (default: BEDSIDE_HOST or 127.0.0.1)."),
    port: int | None = typer.Option(None, "--port", min=1, max=65535, help="Port (default: BEDSIDE_PORT or 8000)."),
    database_url: str | None = DatabaseUrlOption,
) -> None:
    """Serve the web app (sign in with an account made by `bedside users add`)."""
    import uvicorn

    from bedside.web import create_app

    settings = settings_for(database_url)
    with ready_database(settings) as database:
        app = create_app(settings, database=database)
        bind_host = host or settings.host
        bind_port = port or settings.port
        console.print(f"Bedside is serving on http://{bind_host}:{bind_port} (Ctrl+C stops it).")
        uvicorn.run(app, host=bind_host, port=bind_port, proxy_headers=False, server_header=False, log_level="info")
