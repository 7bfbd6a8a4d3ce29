"""Allow ``python -m hkqh_tui``."""

from hkqh_tui.cli import main

raise SystemExit(main())
