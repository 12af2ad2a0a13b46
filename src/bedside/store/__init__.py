"""Storage: SQLAlchemy 2 models, engine and session factories, Alembic migrations, repositories.

The schema is created by migrations only (``bedside db upgrade``), never by ``create_all``.
"""
