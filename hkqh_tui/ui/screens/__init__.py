"""Screens of the hkqh app."""
