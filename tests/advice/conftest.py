"""The advice tests open steps in-process as tests/forms does; every test starts in Dutch."""

from tests.forms.conftest import dutch, open_step  # noqa: F401
