"""The advice tests open steps in-process as tests/forms does; every test starts in Dutch."""

from tests.forms.conftest import open_step  # noqa: F401  (the Dutch-language fixture is in tests/conftest.py)
