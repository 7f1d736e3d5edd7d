"""The implementation workbook: plan, roll out per location, and report."""
