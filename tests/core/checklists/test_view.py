"""A checklist joined with a dataset: items, progress, services that left, ticks that survive data changes."""

from __future__ import annotations

from hkqh_tui.core.checklists.model import Checklist
from hkqh_tui.core.checklists.view import ChecklistView, Progress
from hkqh_tui.core.dataset.loading import load_dataset
from hkqh_tui.core.language.text import Text
from tests.factories import service_record, write_dataset

HKID = {"zh-Hant": "香港身份證", "en": "Hong Kong identity card"}
PERMIT = {"zh-Hant": "回鄉證", "en": "Home Return Permit"}
PHOTO = {"zh-Hant": "相片", "en": "Photo"}


def step(n: int) -> dict[str, str]:
    return {"zh-Hant": f"第{n}步", "en": f"Step {n}"}


def dataset_with(tmp_path, records, folder="data"):
    return load_dataset(write_dataset(tmp_path / folder, records))


def two_services(tmp_path, folder="data", *, steps_a=None):
    return dataset_with(
        tmp_path,
        [
            service_record("svc-a", documents=[HKID, PERMIT], steps=steps_a or [step(1), step(2), step(3)]),
            service_record(
                "svc-b",
                title={"zh-Hant": "乙服務", "en": "Service B"},
                documents=[PERMIT, PHOTO, HKID],
                steps=[step(1)],
            ),
        ],
        folder,
    )


def test_items_progress_and_keys(tmp_path):
    dataset = two_services(tmp_path)
    checklist = Checklist.new("我").with_service("svc-a").with_service("svc-b")
    view = ChecklistView.build(checklist, dataset)
    a = view.entry("svc-a")
    assert [item.kind for item in a.items] == ["documents"] * 2 + ["steps"] * 3
    assert [item.key for item in a.items_of("steps")] == ["第1步", "第2步", "第3步"]
    assert str(a.progress) == "0/5"
    for item in a.items[:3]:
        checklist = checklist.with_tick("svc-a", item.kind, item.key)
    view = ChecklistView.build(checklist, dataset)
    assert str(view.entry("svc-a").progress) == "3/5"
    assert view.entry("svc-b").progress == Progress(0, 4)
    assert str(view.progress) == "3/9"
    assert not view.progress.complete and Progress(2, 2).complete and not Progress(0, 0).complete


def test_ticks_on_remaining_steps_survive_a_dataset_change(tmp_path):
    before = two_services(tmp_path, "before")
    checklist = Checklist.new("我").with_service("svc-a")
    for key in ("第1步", "第3步"):
        checklist = checklist.with_tick("svc-a", "steps", key)
    checklist = checklist.with_tick("svc-a", "documents", "回鄉證")
    assert str(ChecklistView.build(checklist, before).progress) == "3/5"

    # Curators reorder the steps, drop step 3, add step 4, and reword the English of step 1.
    after = two_services(
        tmp_path, "after", steps_a=[step(4), {"zh-Hant": "第1步", "en": "First, register"}, step(2)]
    )
    entry = ChecklistView.build(checklist, after).entry("svc-a")
    assert {item.key: item.ticked for item in entry.items_of("steps")} == {"第4步": False, "第1步": True, "第2步": False}
    assert [item.ticked for item in entry.items_of("documents")] == [False, True]
    assert str(entry.progress) == "2/5"
    # The tick on the dropped step is kept, unused, in case the step comes back.
    assert checklist.entry("svc-a").ticked_steps == {"第1步", "第3步"}


def test_a_service_that_left_the_dataset_is_kept_and_shown_as_such(tmp_path):
    dataset = two_services(tmp_path)
    checklist = (
        Checklist.new("我")
        .with_service("svc-a")
        .with_service("retired", Text("已停辦的服務", "A retired service"))
        .with_service("nameless")
        .with_note("retired", "問吓社工")
    )
    view = ChecklistView.build(checklist, dataset)
    assert [e.service_id for e in view.entries] == ["svc-a", "retired", "nameless"]
    assert [e.service_id for e in view.missing()] == ["retired", "nameless"]
    retired = view.entry("retired")
    assert not retired.in_dataset and retired.items == () and retired.progress == Progress(0, 0)
    assert retired.title("en") == "A retired service"
    assert retired.title("hans") == "已停办的服务"
    assert view.entry("nameless").title("hant") == "nameless"
    assert view.entry("svc-a").title("en") == "Elderly voucher test"
    assert str(view.progress) == "0/5"


def test_combined_documents_list_each_document_once_with_the_services_needing_it(tmp_path):
    dataset = two_services(tmp_path)
    checklist = Checklist.new("我").with_service("svc-a").with_service("svc-b").with_service("gone")
    checklist = checklist.with_tick("svc-a", "documents", "香港身份證").with_tick("svc-b", "documents", "香港身份證")
    checklist = checklist.with_tick("svc-b", "documents", "回鄉證")
    documents = ChecklistView.build(checklist, dataset).combined_documents()
    assert [d.text.zh_hant for d in documents] == ["香港身份證", "回鄉證", "相片"]
    by_key = {d.key: d for d in documents}
    assert [s.id for s in by_key["香港身份證"].services] == ["svc-a", "svc-b"]
    assert by_key["香港身份證"].done
    assert by_key["回鄉證"].ticked_for == ("svc-b",) and not by_key["回鄉證"].done
    assert [s.id for s in by_key["相片"].services] == ["svc-b"] and not by_key["相片"].done


def test_empty_checklist_view(tmp_path):
    view = ChecklistView.build(Checklist.new("空"), two_services(tmp_path))
    assert view.entries == () and view.combined_documents() == () and str(view.progress) == "0/0"
    assert view.entry("svc-a") is None
