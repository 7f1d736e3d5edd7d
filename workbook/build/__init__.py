"""The report build: papermill runs the notebooks on warm kernels, nbconvert turns them into HTML.

``pipeline.build(project, …)`` is the entry point; the other modules each do one job:
``inputs`` (content hashes), ``manifest`` (what was built from what), ``kernels`` and ``sandbox``
(warm kernels with a fresh start per notebook), ``engine`` (the papermill engine that uses them),
``execute`` (one notebook), ``export`` (HTML), ``provenance``, ``pool`` (parallel workers),
``progress`` (one progress bar), ``overview`` (index.html) and ``lean`` (imports the build skips).
"""
