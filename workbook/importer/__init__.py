"""Importing measurements from CSV and Excel files with Dutch headers, dates and numbers.

``import_measurements(project, file, location)`` reads the file, checks every row, and only
when all rows are good merges them into the location's measurements through the store.
"""

from workbook.importer.measurements import ImportResult, find_location, import_measurements

__all__ = ["ImportResult", "find_location", "import_measurements"]
