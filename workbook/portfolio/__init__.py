"""A portfolio: the committee's view of many implementation projects at once, and its year plan.

``workbook.model.portfolio``: portefeuille.yaml (committee, year, capacity, criteria, each project's facts);
``store``: the portfolio folder on disk; ``yearplan``: ranking and placement (pure);
``summary``: what each project's own plan and locations say, for the committee's overview.
"""
