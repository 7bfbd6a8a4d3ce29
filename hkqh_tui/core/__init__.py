"""The plain-Python core of hkqh: data model, loading, search, checklists and export.

Nothing under this package may import Textual; ``tests/test_import_hygiene.py`` keeps it so.
"""
