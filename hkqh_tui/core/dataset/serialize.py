"""The JSON shape of services: what ``--json`` prints and what a JSON dataset file holds."""

from __future__ import annotations

from typing import Any

from hkqh_tui.core.dataset.model import Contact, Requirements, Service, Source


def source_to_json(source: Source) -> dict[str, Any]:
    """A source as a JSON object."""
    return {
        "title": source.title,
        "url": source.url,
        "publisher": source.publisher,
        "date": source.date_label(),
        "official": source.official,
    }


def contact_to_json(contact: Contact) -> dict[str, Any]:
    """A contact as a JSON object; optional fields that are not known are left out."""
    data: dict[str, Any] = {"name": contact.name.to_json()}
    if contact.address is not None:
        data["address"] = contact.address.to_json()
    if contact.hours is not None:
        data["hours"] = contact.hours.to_json()
    if contact.phone:
        data["phone"] = contact.phone
    if contact.website:
        data["website"] = contact.website
    data["source"] = contact.source
    return data


def requirements_to_json(requires: Requirements) -> dict[str, Any]:
    """A service's stated conditions as a JSON object, with only the conditions that are stated."""
    data: dict[str, Any] = {"source": requires.source}
    if requires.min_age is not None:
        data["min_age"] = requires.min_age
    if requires.max_age is not None:
        data["max_age"] = requires.max_age
    for name in ("lives_in", "activities", "professions", "has"):
        if getattr(requires, name):
            data[name] = list(getattr(requires, name))
    if requires.children_ages is not None:
        data["children_ages"] = list(requires.children_ages)
    if requires.note is not None:
        data["note"] = requires.note.to_json()
    return data


def service_brief_json(service: Service) -> dict[str, Any]:
    """The first fields of a service's JSON object: id, title, summary, category, audiences, status."""
    return {
        "id": service.id,
        "title": service.title.to_json(),
        "summary": service.summary.to_json(),
        "category": service.category,
        "audiences": list(service.audiences),
        "status": service.status,
    }


def service_to_json(service: Service) -> dict[str, Any]:
    """A service as a JSON object with the schema's field names."""
    plan: dict[str, Any] = {"mentioned": service.plan_2026.mentioned}
    if service.plan_2026.note is not None:
        plan["note"] = service.plan_2026.note.to_json()
    data = {
        **service_brief_json(service),
        "aliases": list(service.aliases),
        "eligibility": [t.to_json() for t in service.eligibility],
        "documents": [t.to_json() for t in service.documents],
        "steps": [t.to_json() for t in service.steps],
        "costs": [t.to_json() for t in service.costs],
        "contacts": [contact_to_json(c) for c in service.contacts],
        "sources": [source_to_json(s) for s in service.sources],
        "last_verified": service.last_verified.isoformat(),
        "plan_2026": plan,
    }
    if not service.requires.is_empty():
        data["requires"] = requirements_to_json(service.requires)
    return data
