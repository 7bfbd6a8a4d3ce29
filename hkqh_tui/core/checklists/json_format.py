"""The JSON file format of a checklist: readable, versioned, strictly checked when read.

```json
{
  "format": "hkqh-checklist",
  "version": 1,
  "name": "阿媽",
  "created": "2026-11-24T10:00:00+08:00",
  "updated": "2026-11-24T10:05:00+08:00",
  "services": [
    {
      "id": "ehcv-gba-pilot",
      "title": {"zh-Hant": "長者醫療券大灣區試點計劃", "en": "Elderly Health Care Voucher ..."},
      "added": "2026-11-24T10:00:00+08:00",
      "ticked": {"documents": ["香港身份證"], "steps": []},
      "note": "Bring reading glasses"
    }
  ]
}
```

Ticks are lists of item keys (see :func:`hkqh_tui.core.checklists.model.item_key`), sorted so that files diff well.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hkqh_tui.core.checklists.model import (
    ITEM_KINDS,
    Checklist,
    ChecklistEntry,
    ChecklistNameError,
    check_note,
    normalize_name,
)
from hkqh_tui.core.language.text import Text

FORMAT_NAME = "hkqh-checklist"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
SCHEMA_VERSION = 1


class ChecklistFormatError(ValueError):
    """A checklist file that cannot be read as a checklist.

    ``kind`` is ``"empty"``, ``"not_json"`` (not UTF-8, not JSON, or cut short), ``"wrong_version"`` or ``"invalid"``
    (JSON, but not the checklist shape); ``str(error)`` explains it.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def entry_to_json(entry: ChecklistEntry) -> dict[str, Any]:
    """One entry as a JSON object."""
    data: dict[str, Any] = {"id": entry.service_id}
    if entry.title is not None:
        data["title"] = entry.title.to_json()
    if entry.added:
        data["added"] = entry.added
    data["ticked"] = {kind: sorted(entry.ticked(kind)) for kind in ITEM_KINDS}
    data["note"] = entry.note
    return data


def checklist_to_json(checklist: Checklist) -> dict[str, Any]:
    """A checklist as the JSON object saved in its file."""
    return {
        "format": FORMAT_NAME,
        "version": SCHEMA_VERSION,
        "name": checklist.name,
        "created": checklist.created,
        "updated": checklist.updated,
        "services": [entry_to_json(entry) for entry in checklist.entries],
    }


def checklist_to_text(checklist: Checklist) -> str:
    """The file contents: indented JSON with a final newline, always encodable as UTF-8.

    Text is written as it is (Chinese stays readable); a lone surrogate, which UTF-8 cannot hold, is written as a
    ``\\udXXX`` escape so that it reads back unchanged.
    """
    text = json.dumps(checklist_to_json(checklist), ensure_ascii=False, indent=2) + "\n"
    return _LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _invalid(message: str) -> ChecklistFormatError:
    return ChecklistFormatError("invalid", message)


def _string(data: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = data.get(key, "")
    if required and key not in data:
        raise _invalid(f"{where}: '{key}' is missing")
    if not isinstance(value, str):
        raise _invalid(f"{where}: '{key}' must be text")
    return value


def _text(value: Any, where: str) -> Text:
    if not isinstance(value, dict) or not isinstance(value.get("zh-Hant"), str) or not isinstance(value.get("en", ""), str):
        raise _invalid(f"{where}: must be {{\"zh-Hant\": ..., \"en\": ...}}")
    return Text(value["zh-Hant"], value.get("en", ""))


def _entry(raw: Any, where: str) -> ChecklistEntry:
    if not isinstance(raw, dict):
        raise _invalid(f"{where}: must be an object")
    service_id = _string(raw, "id", where, required=True)
    if not service_id:
        raise _invalid(f"{where}: 'id' is empty")
    title = _text(raw["title"], f"{where}.title") if raw.get("title") is not None else None
    ticked_raw = raw.get("ticked", {})
    if not isinstance(ticked_raw, dict):
        raise _invalid(f"{where}.ticked: must be an object")
    ticks: dict[str, frozenset[str]] = {}
    for kind in ITEM_KINDS:
        keys = ticked_raw.get(kind, [])
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise _invalid(f"{where}.ticked.{kind}: must be a list of texts")
        ticks[kind] = frozenset(keys)
    try:
        note = check_note(raw.get("note", ""))
    except ValueError as error:
        raise _invalid(f"{where}.note: {error}") from None
    return ChecklistEntry(
        service_id=service_id,
        title=title,
        ticked_documents=ticks["documents"],
        ticked_steps=ticks["steps"],
        note=note,
        added=_string(raw, "added", where),
    )


def checklist_from_json(data: Any) -> Checklist:
    """A checklist from its parsed JSON, or :class:`ChecklistFormatError` saying what is wrong."""
    if not isinstance(data, dict):
        raise _invalid("the file must hold a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise _invalid(f"this is not an hkqh checklist ('format' is not {FORMAT_NAME!r})")
    version = data.get("version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        newer = isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION
        why = "a newer hkqh wrote it" if newer else "this version of hkqh cannot read it"
        raise ChecklistFormatError(
            "wrong_version", f"the file has format version {version!r}, this hkqh reads version {SCHEMA_VERSION} ({why})"
        )
    try:
        name = normalize_name(_string(data, "name", "checklist", required=True))
    except ChecklistNameError as error:
        raise _invalid(f"checklist name: {error}") from None
    services = data.get("services", [])
    if not isinstance(services, list):
        raise _invalid("'services' must be a list")
    entries = tuple(_entry(raw, f"services[{index}]") for index, raw in enumerate(services))
    seen: set[str] = set()
    for entry in entries:
        if entry.service_id in seen:
            raise _invalid(f"service {entry.service_id!r} is listed twice")
        seen.add(entry.service_id)
    return Checklist(
        name=name,
        entries=entries,
        created=_string(data, "created", "checklist"),
        updated=_string(data, "updated", "checklist"),
    )


def checklist_from_bytes(raw: bytes) -> Checklist:
    """A checklist from a file's bytes, or :class:`ChecklistFormatError` (empty, cut short, not JSON, ...)."""
    if not raw.strip():
        raise ChecklistFormatError("empty", "the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ChecklistFormatError("not_json", f"the file is not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise ChecklistFormatError(
            "not_json",
            f"the file is not valid JSON or is cut short ({error.msg}, line {error.lineno}, column {error.colno})",
        ) from None
    except (ValueError, RecursionError):  # absurdly deep nesting or huge numbers
        raise ChecklistFormatError(
            "not_json", "the file could not be read as JSON (it is nested too deeply or holds an absurdly long number)"
        ) from None
    return checklist_from_json(data)
