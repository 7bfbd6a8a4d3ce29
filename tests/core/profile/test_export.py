"""The reasons handed to the export, per service of a checklist."""

from __future__ import annotations

from hkqh_tui.core.checklists.model import Checklist
from hkqh_tui.core.dataset.loading import read_dataset
from hkqh_tui.core.profile.export import checklist_reasons
from hkqh_tui.core.profile.model import Profile
from tests.factories import service_record, write_dataset

SOURCE = "https://example.org/source"


def test_reasons_for_services_that_fit_or_almost_fit(tmp_path):
    records = [
        service_record("voucher", requires={"source": SOURCE, "min_age": 65, "has": ["home-return-permit"]}),
        service_record("school", requires={"source": SOURCE, "children_ages": [6, 15]}),
        service_record("plain"),
    ]
    dataset = read_dataset(write_dataset(tmp_path / "data", records)).dataset
    checklist = Checklist.new("我")
    for service in dataset.services:
        checklist = checklist.with_service(service.id, service.title)
    checklist = checklist.with_service("gone")  # a service that left the dataset gets no reasons
    profile = Profile(age="70-plus", children=False, documents=frozenset())
    reasons = checklist_reasons(checklist, dataset, profile)
    assert set(reasons) == {"voucher"}
    assert [t.en for t in reasons["voucher"]] == ["you are 65 or over", "needs a Home Return Permit"]
    assert reasons["voucher"][0].zh_hant == "你已年滿65歲"
    assert checklist_reasons(checklist, dataset, Profile()) == {}



def test_the_saved_profile_is_read_from_the_settings_file():
    from hkqh_tui.core.profile.storage import keep_profile, saved_profile
    from hkqh_tui.core.storage.paths import settings_file
    from hkqh_tui.core.storage.settings import Settings, save_settings

    assert saved_profile() == (Profile(), [])
    settings = Settings()
    keep_profile(settings, Profile(age="65-69"))
    save_settings(settings, settings_file())
    assert saved_profile() == (Profile(age="65-69"), [])
