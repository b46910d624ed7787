"""The layers run one way: an import that runs back up (a lower domain importing a higher
one, or core importing any domain) fails the build. The contracts live in pyproject.toml;
the order is written in the README's Layout section."""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports

BACKEND = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(BACKEND)
    assert lint_imports(config_filename=str(BACKEND / "pyproject.toml"), no_cache=True) == 0
