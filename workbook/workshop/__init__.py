"""The workshop app: the step notebooks served by Voilà as pages without code, for a room.

``menu`` lists the steps for the page template, ``start_page`` is the Dutch start page,
and ``server`` starts Voilà with the project's own template, pre-heated kernels and culling.
In the kernel, ``workbook.steps.page_open`` brings a pre-heated step up to date when a
participant actually opens it.
"""
