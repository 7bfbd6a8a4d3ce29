"""Widgets of the hkqh app."""
