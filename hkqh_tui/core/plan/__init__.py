"""Qianhai's 2026 Action Plan as data: its parts, the measures the reports name and the entries that cover them.

Plain Python: never imports Textual or rich. ``loading`` reads and validates ``data/plan-2026.toml``; ``view`` answers
"what in it is for me, and can I use it yet?" from the measures' entries.
"""
