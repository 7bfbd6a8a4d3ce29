"""hkqh: a keyboard-driven finder for Qianhai services for Hong Kong residents."""

__version__ = "0.1.0"
