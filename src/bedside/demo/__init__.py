"""The demo hospital: a synthetic Riverside General with planted, recoverable patterns.

:func:`generate_demo` writes the data files (roster, messages, notes, ratings) and the ground-truth
manifest; :func:`build_demo` also imports them into a database and creates the demo sign-ins.
"""

from __future__ import annotations

from bedside.demo.build import BuildProgress, DemoBuildError, DemoInfo, DemoLogin, build_demo, demo_logins
from bedside.demo.generator import DEFAULT_SEED, GeneratedDemo, generate_demo
from bedside.demo.manifest import ManifestError, load_manifest

__all__ = [
    "DEFAULT_SEED",
    "BuildProgress",
    "DemoBuildError",
    "DemoInfo",
    "DemoLogin",
    "GeneratedDemo",
    "ManifestError",
    "build_demo",
    "demo_logins",
    "generate_demo",
    "load_manifest",
]
