"""Allow ``python -m hkqh_tui``."""

from hkqh_tui.launcher import main

raise SystemExit(main())
