"""Install the top-level notebooks/ and templates/ folders inside the package.

A plain ``pip install .`` then ships them as ``workbook/notebooks`` and ``workbook/templates``
(found through ``workbook.resources``). Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["workbook", "workbook.*"]), "workbook.notebooks", "workbook.templates"],
    package_dir={"workbook.notebooks": "notebooks", "workbook.templates": "templates"},
    package_data={
        "workbook": ["instruments/*.yaml", "demo/**/*", "labextensions/**/*"],
        "workbook.notebooks": ["*.ipynb"],
        "workbook.templates": ["**/*"],
    },
)
