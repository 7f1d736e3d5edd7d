"""The workshop app's parts without a server: menu, configuration, start page data, page open."""

from __future__ import annotations

import json
import time
from types import SimpleNamespace

import psutil
import pytest
import yaml

from workbook.cli import main
from workbook.cli.lab import check_memory, room_steps
from workbook.errors import WorkbookError
from workbook.project.store import Project
from workbook.steps import STEPS, page_open
from workbook.steps.show import StepView
from workbook.workshop.config import waiting_pages, workshop_config
from workbook.workshop.menu import page_title, step_menu
from workbook.workshop.start_page import start_page


def test_the_menu_lists_the_ten_steps_in_order_with_dutch_titles_and_purposes() -> None:
    menu = step_menu("nl")
    assert [item["number"] for item in menu] == list(range(1, 11))
    assert menu[2]["label"] == "Stap 3 · SMART-doelen en acties"
    assert menu[2]["notebook"] == "03_doelen.ipynb"
    assert all(item["purpose"] for item in menu)
    assert step_menu("en")[2]["label"] == "Step 3 · SMART goals and actions"
    assert page_title(STEPS["locatie"], "nl") == "Stap 9 · Draaiboek per locatie"


def test_the_configuration_preheats_and_culls_closed_pages_only() -> None:
    config = workshop_config("nl", pool_size=2, cull_after=40)
    assert config.VoilaConfiguration.template == "workshop"
    assert config.VoilaConfiguration.preheat_kernel is True
    assert config.VoilaConfiguration.default_pool_size == 2
    assert config.MappingKernelManager.cull_idle_timeout == 40
    assert config.MappingKernelManager.cull_connected is False
    assert config.MappingKernelManager.cull_interval <= 20
    assert config.VoilaConfiguration.multi_kernel_manager_class == "workbook.workshop.culler.PageKernelManager"
    assert config.VoilaConfiguration.resources["workbook"]["steps"][0]["label"] == "Stap 1 · Start"
    assert workshop_config("nl", pool_size=0).VoilaConfiguration.preheat_kernel is False


def test_a_room_gets_a_waiting_page_per_participant_on_the_steps_it_does_together() -> None:
    config = workshop_config("nl", pool_size=1, room=12, steps=[3, 4])
    pools = config.VoilaKernelManager.kernel_pools_config
    assert pools["default"] == {"pool_size": 1}
    assert pools["03_doelen.ipynb"] == {"pool_size": 12}
    assert pools["04_gegevens.ipynb"] == {"pool_size": 12}
    assert "05_communicatie.ipynb" not in pools  # the other steps keep the default
    assert waiting_pages(12, [3, 4], 1) == 2 * 12 + 8 * 1
    # The room's pages load first; its waiting pages are replaced later than a single page's.
    assert config.VoilaKernelManager.fill_delay > workshop_config("nl").VoilaKernelManager.fill_delay
    assert workshop_config("nl", pool_size=0, room=5, steps=[2]).VoilaConfiguration.preheat_kernel is True


def test_a_room_needs_its_steps_named_and_valid(demo_project: Project, capsys) -> None:
    assert main(["workshop", str(demo_project.root), "--room", "12"]) != 0
    assert "--steps 3,4" in capsys.readouterr().err
    assert main(["workshop", str(demo_project.root), "--room", "12", "--steps", "3,11"]) != 0
    assert "van 1 tot en met 10" in capsys.readouterr().err
    assert room_steps(12, "3, 4") == [3, 4]


def test_a_room_that_does_not_fit_in_memory_is_refused_before_anything_starts(monkeypatch, capsys) -> None:
    monkeypatch.setattr(psutil, "virtual_memory", lambda: SimpleNamespace(available=4 * 2**30))
    pages = 30 * 2 + 8
    with pytest.raises(WorkbookError, match="past niet in het geheugen"):
        check_memory(pages)
    assert f"{pages} pagina's klaar" in capsys.readouterr().out
    check_memory(20)  # 20 pages of about 180 MB fit in 4 GB


def test_the_start_page_names_the_project_its_locations_and_how_far_each_step_is(demo_project: Project) -> None:
    page = start_page(demo_project, "nl")
    assert page["project"] == "Slimme nachtzorg"
    assert {"code": "de-linde", "name": "De Linde"} in page["locations"]
    assert len(page["steps"]) == 10
    assert page["steps"][0]["status"] == "Compleet ingevuld."
    assert page["next"].startswith("Ga verder met stap")


def test_an_unreadable_project_gives_a_start_page_with_the_dutch_message(demo_project: Project) -> None:
    demo_project.plan_path.write_text("basics: [niet, goed\n", encoding="utf-8")
    page = start_page(demo_project, "nl")
    assert "werkboek.yaml" in page["error"]
    assert page["words"]["unreadable"].startswith("Het werkboek kan nu niet")


def test_the_location_comes_from_the_page_address(monkeypatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "location=de-linde&x=1")
    assert page_open.requested_location() == "de-linde"
    monkeypatch.setenv("QUERY_STRING", "")
    assert page_open.requested_location() == ""
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    assert page_open.when_opened(lambda location: None) is False


def test_a_preheated_step_rereads_what_others_saved_before_the_page_was_opened(demo_project: Project) -> None:
    view = StepView(STEPS["start"], demo_project, delay=0.01)
    data = yaml.safe_load(demo_project.plan_path.read_text(encoding="utf-8"))
    data["basics"]["project_name"] = "Intussen door een ander veranderd"
    time.sleep(0.01)
    demo_project.plan_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    form = view.form
    view.refresh("")
    assert view.form is form  # brought up to date, not built again
    assert view.form.current.basics.project_name == "Intussen door een ander veranderd"
    assert view.form.find("basics", "project_name").control.value == "Intussen door een ander veranderd"


def test_a_preheated_location_step_opens_the_location_of_the_address(demo_project: Project) -> None:
    view = StepView(STEPS["locatie"], demo_project, delay=0.01)
    assert view.form is None
    view.refresh("de-linde")
    assert view.picker.value == "de-linde"
    assert view.form.current.name == "De Linde"
    before = view.form
    view.refresh("de-linde")  # nothing changed on disk: the same form stays
    assert view.form is before


def test_the_location_step_shows_the_report_of_the_chosen_location(demo_project: Project) -> None:
    view = StepView(STEPS["locatie"], demo_project, delay=0.01)
    assert view.report.value == ""
    view.refresh("de-linde")
    assert "De Linde" in view.report.value
    view.picker.value = "t-veenhuys"
    assert "Veenhuys" in view.report.value and "De Linde" not in view.report.value


def test_the_hub_recipe_gives_each_participant_the_workshop_on_the_shared_folder(demo_project: Project) -> None:
    from workbook.workshop.hub import hub_config, server_config

    hub = hub_config(demo_project, "127.0.0.1", 8000, 8001, 8100, "zaal-2027", "nl")
    assert hub["JupyterHub"]["authenticator_class"] == "workbook.workshop.hub_login.RoomPasswordAuthenticator"
    assert hub["RoomPasswordAuthenticator"]["allow_all"] is True
    assert "zaal-2027" not in json.dumps(hub)  # only its hash
    assert hub["JupyterHub"]["spawner_class"] == "simple"
    spawner = hub["Spawner"]
    assert spawner["notebook_dir"] == str(demo_project.root / "stappen")
    assert spawner["default_url"] == "/werkboek"
    assert spawner["environment"]["WORKBOOK_PROJECT"] == str(demo_project.root)
    server = server_config("nl", cull_after=120)
    assert server["ServerApp"]["jpserver_extensions"]["workbook.workshop.extension"] is True
    assert server["ServerApp"]["jpserver_extensions"]["jupyterlab"] is False
    assert server["ServerApp"]["terminals_enabled"] is False
    assert "execute_request" not in server["MappingKernelManager"]["allowed_message_types"]
    assert server["VoilaConfiguration"]["template"] == "workshop"
    assert server["VoilaConfiguration"]["preheat_kernel"] is False
    assert server["MappingKernelManager"]["cull_idle_timeout"] == 120
    assert server["ServerApp"]["kernel_manager_class"] == "workbook.workshop.culler.PageKernelManager"
    assert server["ServerApp"]["tornado_settings"]["ws_ping_interval"] > 0


def test_the_hub_refuses_a_short_room_password_in_dutch(demo_project: Project, capsys) -> None:
    from workbook.cli import main

    assert main(["hub", str(demo_project.root), "--password", "kort"]) == 1
    assert "het zaalwachtwoord moet minstens 8 tekens hebben" in capsys.readouterr().err


def test_a_preheated_kernel_keeps_asking_until_the_page_arrives(monkeypatch) -> None:
    import threading

    import voila.utils

    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.delenv("SCRIPT_NAME", raising=False)
    asked = []

    def wait_for_request() -> None:  # the first try times out, the second brings the request
        asked.append(1)
        if len(asked) == 2:
            monkeypatch.setenv("SCRIPT_NAME", "/voila/render/09_locatie.ipynb")
            monkeypatch.setenv("QUERY_STRING", "location=de-linde")

    monkeypatch.setattr(voila.utils, "wait_for_request", wait_for_request)
    opened = threading.Event()
    got = []

    class Loop:
        def add_callback(self, callback, *args) -> None:
            callback(*args)
            opened.set()

    monkeypatch.setattr(page_open.IOLoop, "current", staticmethod(lambda: Loop()))
    assert page_open.when_opened(got.append) is True
    assert opened.wait(10)
    assert got == ["de-linde"] and len(asked) == 2


def test_a_preheated_step_saves_as_the_participant_named_in_the_page_address(
    demo_project: Project, monkeypatch
) -> None:
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    view = StepView(STEPS["start"], demo_project, delay=0.01)
    monkeypatch.setenv("QUERY_STRING", "naam=Anna%20de%20Vries")
    view.open_for_a_page("")
    view.form.close()
    view.form.find("basics", "project_name").control.value = "Slimme nachtzorg, door Anna"
    view.flush()
    newest = demo_project.versions.versions()[-1]
    assert (newest.author, newest.section) == ("Anna de Vries", "basics")


def test_the_start_page_asks_a_name_except_under_the_hub(demo_project: Project, monkeypatch) -> None:
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    assert start_page(demo_project, "nl")["hub_user"] == ""
    monkeypatch.setenv("JUPYTERHUB_USER", "anna")
    assert start_page(demo_project, "nl")["hub_user"] == "anna"
