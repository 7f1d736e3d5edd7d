"""The settings in one place: each environment variable read with its default, and a log that is
quiet unless asked."""

from __future__ import annotations

import logging

import pytest

from workbook.cli import main
from workbook.language.i18n import language
from workbook.project.session import find_project, interactive
from workbook.settings import Settings, configure_logging


def test_settings_come_from_the_environment_with_defaults_for_what_is_missing_or_unknown():
    assert Settings.current({}) == Settings(lang="nl", project="", interactive=False, author="", log_level="warning")
    chosen = Settings.current(
        {
            "WORKBOOK_LANG": "EN_gb",
            "WORKBOOK_PROJECT": " /tmp/plan ",
            "WORKBOOK_INTERACTIVE": "1",
            "WORKBOOK_AUTHOR": "Anna de Vries",
            "WORKBOOK_CHROMIUM": "/opt/chromium",
            "WORKBOOK_LOG": "DEBUG",
        }
    )
    assert chosen == Settings("en", "/tmp/plan", True, "Anna de Vries", "/opt/chromium", "debug")
    assert Settings.current({"WORKBOOK_LANG": "fr", "WORKBOOK_LOG": "luid"}) == Settings()


def test_the_workbook_reads_its_settings_from_the_one_place(monkeypatch, empty_project):
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    monkeypatch.setenv("WORKBOOK_PROJECT", str(empty_project.root))
    monkeypatch.setenv("WORKBOOK_INTERACTIVE", "1")
    assert language() == "en"
    assert find_project().root == empty_project.root
    assert interactive()


@pytest.mark.parametrize(
    ("verbosity", "environment", "level"), [(0, "", "WARNING"), (1, "", "INFO"), (2, "", "DEBUG"), (0, "info", "INFO")]
)
def test_the_log_is_quiet_unless_asked(monkeypatch, verbosity, environment, level):
    monkeypatch.setenv("WORKBOOK_LOG", environment)
    configure_logging(verbosity)
    assert logging.getLevelName(logging.getLogger("workbook").getEffectiveLevel()) == level
    assert len([h for h in logging.getLogger("workbook").handlers if h.get_name() == "workbook"]) == 1


def test_verbose_may_follow_the_command_as_lang_may(empty_project, capsys):
    assert main(["check", str(empty_project.root), "-v"]) == 0
    assert logging.getLogger("workbook").getEffectiveLevel() == logging.INFO
    assert main(["--verbose", "check", str(empty_project.root)]) == 0
    assert "Controle van" in capsys.readouterr().out
