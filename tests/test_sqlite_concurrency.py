"""The demo's SQLite settings let an autosave and a publish of one page happen at once (issue 17)."""

import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent


def run_concurrent_edits(db_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tests.concurrent_edits", str(db_path), *args],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("args", "locked"),
    [pytest.param((), False, id="demo-settings"), pytest.param(("--without-sqlite-options",), True, id="plain-sqlite")],
)
def test_autosave_and_publish_at_once_on_sqlite(tmp_path, args, locked):
    result = run_concurrent_edits(tmp_path / "db.sqlite3", *args)
    assert ("database is locked" in result.stdout) is locked, result.stdout + result.stderr
    assert result.returncode == (1 if locked else 0), result.stdout + result.stderr
