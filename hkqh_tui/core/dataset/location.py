"""Where the dataset is: the bundled one, or the one --data or $HKQH_DATA names; and the files a dataset folder has.

Kept apart from :mod:`hkqh_tui.core.dataset.loading` (which builds the model) so that finding the dataset, for
example to check a cache, loads nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV_VAR = "HKQH_DATA"
VOCABULARY_FILE = "vocabularies.toml"
SERVICES_DIR = "services"
DOMAINS_FILE = "source-domains.toml"
"""The reviewed source domains (mirrors and aggregators), beside the vocabularies."""


def bundled_data_path() -> Path:
    """Where the bundled dataset is: inside the installed package, or at the top of a source checkout."""
    package_dir = Path(__file__).resolve().parents[2]
    installed = package_dir / "data"
    if (installed / VOCABULARY_FILE).is_file():
        return installed
    return package_dir.parent / "data"


def chosen_data_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The dataset to load: an explicit path, else $HKQH_DATA, else the bundled dataset."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return bundled_data_path()
