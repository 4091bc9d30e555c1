"""Writing the report: the path is checked before the run, the write is atomic, and a report
that cannot be written where asked is saved elsewhere."""

import os

import pytest

from factcheck.errors import OutputError
from factcheck.output import check_output_path, save_fallback, write_atomically


def test_a_missing_folder_or_a_folder_as_output_is_refused_with_the_fix(tmp_path):
    with pytest.raises(OutputError, match="does not exist; create it"):
        check_output_path(tmp_path / "missing" / "r.html")
    with pytest.raises(OutputError, match="is a folder; give a file name"):
        check_output_path(tmp_path)
    assert check_output_path(tmp_path / "r.html") == tmp_path / "r.html"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_refused(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="no permission"):
            check_output_path(tmp_path / "r.html")
    finally:
        tmp_path.chmod(0o700)


def test_the_report_is_written_whole_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "r.md"
    target.write_text("old report")
    write_atomically(target, "new report\r\n")
    assert target.read_bytes() == b"new report\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def test_a_failed_write_leaves_the_old_report_and_the_fallback_says_where(tmp_path, monkeypatch):
    target = tmp_path / "r.md"
    target.write_text("old report")
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(OSError):
        write_atomically(target, "new report")
    assert target.read_text() == "old report" and [p.name for p in tmp_path.iterdir()] == ["r.md"]
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    saved = save_fallback("new report", ".md")
    assert saved.parent == tmp_path and saved.name.startswith("factcheck-report-") and saved.read_text() == "new report"
