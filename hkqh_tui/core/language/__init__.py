"""Bilingual text: the Text type, script conversion for display (繁/简/EN), and interface words."""
