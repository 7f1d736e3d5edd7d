"""The advice tests open steps in-process as tests/forms does (every test starts in Dutch: tests/conftest.py)."""

from tests.forms.conftest import open_step  # noqa: F401
