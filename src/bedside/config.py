"""Bedside settings: one typed object read from the environment (``BEDSIDE_*``) or a ``.env`` file.

Every field has a safe default and a help string; ``docs/settings.md`` documents each one and a test
keeps the two in step. Nothing here is created at import time: call :func:`get_settings` or build
``Settings(...)`` directly (tests do).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRET = "change-me-development-only"


class InsecureSettingsError(ValueError):
    """Raised when a production deployment still uses a development placeholder secret."""


class Settings(BaseSettings):
    """All of Bedside's configuration. Environment variables are the field names prefixed ``BEDSIDE_``."""

    model_config = SettingsConfigDict(env_prefix="BEDSIDE_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = Field(
        "development", description="Deployment kind; placeholder secrets are refused in production."
    )
    database_url: str = Field(
        "sqlite:///bedside.db",
        description="SQLAlchemy URL of the database: a SQLite file by default, postgresql://... in production.",
    )
    secret_key: str = Field(
        PLACEHOLDER_SECRET, description="Key that signs session cookies and CSRF tokens. Set a long random value."
    )
    redaction_enabled: bool = Field(
        True, description="Replace patient identifiers with typed placeholders before any text is stored."
    )
    redaction_workers: int = Field(
        0,
        ge=0,
        description="Processes that redact a big import or batch at once: 0 for one per core (at most 4; each holds "
        "about 200 MB), 1 to redact in the importing process only.",
    )
    site_names: list[str] = Field(
        default_factory=list,
        description="The organisation's own hospitals, campuses, buildings and clinics (a JSON list, e.g. "
        "[\"Lakeshore Medical Center\", \"Juneau Tower\"]). Redaction leaves names and towns inside them alone, "
        "as it does the roster's staff names; the organisation's own name is added at ingest.",
    )
    min_group_size: int = Field(5, ge=1, description="Team aggregates over fewer people than this are suppressed.")
    host: str = Field("127.0.0.1", description="Address the web app listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port the web app listens on.")
    https: bool = Field(False, description="Served over HTTPS: session cookies get the Secure flag.")
    max_request_bytes: int = Field(1_000_000, ge=1024, description="Largest request body the web app accepts.")
    max_field_chars: int = Field(
        20_000, ge=100, description="Longest message or note text accepted by ingest and the API."
    )
    login_max_failures: int = Field(
        5, ge=1, description="Failed sign-ins allowed per account and address before throttling starts."
    )
    login_lockout_seconds: int = Field(300, ge=1, description="How long sign-in is throttled after too many failures.")
    llm_provider: Literal["none", "openai"] = Field(
        "none", description="Optional LLM provider for phrasing help; 'none' keeps everything on this machine."
    )
    llm_base_url: str = Field(
        "", description="Base URL of an OpenAI-compatible endpoint (only used when llm_provider is 'openai')."
    )
    llm_api_key: str = Field("", description="API key for the LLM endpoint, if it needs one.")
    rules_dir: Path | None = Field(
        None,
        description="Folder of extra YAML rule files (*.yaml) loaded with the built-in tone detectors; see docs/rapport.md.",
    )
    data_dir: Path = Field(Path("."), description="Folder for files Bedside writes (demo manifest, reject files).")

    @model_validator(mode="after")
    def _refuse_placeholder_secret(self) -> Settings:
        if self.environment == "production" and self.secret_key == PLACEHOLDER_SECRET:
            raise InsecureSettingsError(
                "BEDSIDE_SECRET_KEY is still the development placeholder; set a long random value "
                "(for example: python -c 'import secrets; print(secrets.token_urlsafe(48))')."
            )
        return self


def get_settings(**overrides: object) -> Settings:
    """Read settings from the environment, with keyword overrides (used by the CLI's options)."""
    return Settings(**overrides)  # type: ignore[arg-type]
