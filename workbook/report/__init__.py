"""Report rendering: HTML for stakeholders, made from the plan and its locations.

``location`` (one location's report), ``plan`` (the organisation-wide plan) and ``overview``
(index.html comparing the locations) produce HTML; thin notebook cells call them and the build
turns the executed notebooks into self-contained pages. Charts come from ``workbook.charts``,
figures from ``workbook.analysis``; ``html`` escapes every piece of user text.
"""
