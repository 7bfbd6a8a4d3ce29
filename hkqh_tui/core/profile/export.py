"""Why each service of a checklist is there, for the export: service id -> reasons in plain words."""

from __future__ import annotations

from collections.abc import Sequence

from hkqh_tui.core.checklists.model import Checklist
from hkqh_tui.core.dataset.model import Dataset
from hkqh_tui.core.language.text import Text
from hkqh_tui.core.profile.matching import Verdict, match_service
from hkqh_tui.core.profile.model import Profile


def checklist_reasons(checklist: Checklist, dataset: Dataset, profile: Profile) -> dict[str, Sequence[Text]]:
    """For each service of ``checklist`` still in the dataset that fits or almost fits ``profile``, its reasons:
    why it fits, then what is missing or to check. Services that state no conditions or do not fit get none (the
    export says nothing rather than something unfounded); an empty profile gives an empty mapping."""
    if profile.is_empty():
        return {}
    reasons: dict[str, Sequence[Text]] = {}
    for service_id in checklist.service_ids():
        service = dataset.get(service_id)
        if service is None:
            continue
        match = match_service(service, profile, dataset)
        if match.verdict in (Verdict.FITS, Verdict.FOR_PARENT, Verdict.ALMOST):
            reasons[service_id] = tuple(w.to_text() for w in (*match.reasons, *match.missing))
    return reasons
