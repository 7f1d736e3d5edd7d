"""Pure analysis functions: plan in, small results out; no I/O, no Jupyter.

One module per question: ``smart``, ``lint``, ``stakeholders``, ``sustainability``, ``rollout``,
``progress`` and ``reaim``. User-facing reasons come in the language in use (Dutch by default).
"""
