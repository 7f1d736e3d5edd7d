"""In the kernel: which page a participant opened, also when the kernel was pre-heated.

A normal Voilà kernel starts with the request in its environment (``QUERY_STRING``). A
pre-heated one executed the step before anyone asked for it; Voilà hands it the request when a
page takes it (``voila.utils.wait_for_request``). ``when_opened`` waits for that in a thread
and then calls back with the location asked for, so that the step can show that location and
re-read what others saved in the meantime. On a portfolio the page's address also names the
project (``requested_project``), which a pre-heated kernel thus learns only then.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from urllib.parse import parse_qs

from tornado.ioloop import IOLoop

PREHEAT_ENV = "VOILA_PREHEAT"
REQUEST_ENV = "SCRIPT_NAME"  # one of the variables Voilà sets once a page took the kernel


def requested_location() -> str:
    """The ``location`` of the page's address (``?location=de-linde``), else empty."""
    query = parse_qs(os.environ.get("QUERY_STRING", ""))
    return query.get("location", [""])[0]


PROJECT_PARAMETER = "project"


def requested_project() -> str:
    """The ``project`` of the page's address (``?project=valpreventie``: a project of the portfolio
    that ``workbook workshop`` serves), else empty; also empty when the address names more than one.
    Not checked here: see ``PortfolioFolder.chosen_project``."""
    values = parse_qs(os.environ.get("QUERY_STRING", "")).get(PROJECT_PARAMETER, [])
    return values[0] if len(values) == 1 else ""


NAME_PARAMETER = "naam"
HUB_USER_ENV = "JUPYTERHUB_USER"
NAME_LENGTH = 80


def requested_author() -> str:
    """Who is at the page: under ``workbook hub`` the participant's hub user name, else the name the
    start page asked for, carried in the page's address (``?naam=Anna``); empty when unknown."""
    name = os.environ.get(HUB_USER_ENV, "").strip()
    if not name:
        name = parse_qs(os.environ.get("QUERY_STRING", "")).get(NAME_PARAMETER, [""])[0]
    name = "".join(c for c in name if c.isprintable())
    return " ".join(name.split())[:NAME_LENGTH]


def preheated() -> bool:
    """True in a kernel that Voilà started before any page asked for it."""
    return os.environ.get(PREHEAT_ENV, "") == "True"


def when_opened(callback: Callable[[str], None]) -> bool:
    """In a pre-heated kernel, call ``callback(location)`` once a page takes this kernel.

    The callback runs on the kernel's own event loop (the thread that handles the widgets), not
    in the thread that waits. Returns False (and does nothing) in any other kernel: there the
    request is known already.
    """
    if not preheated():
        return False
    loop = IOLoop.current()

    def wait() -> None:
        from voila.utils import wait_for_request

        # Voilà gives up connecting after 5 s (a busy server), leaving the request unknown: ask again.
        while REQUEST_ENV not in os.environ:
            wait_for_request()
        loop.add_callback(callback, requested_location())

    threading.Thread(target=wait, name="workbook-page-open", daemon=True).start()
    return True
