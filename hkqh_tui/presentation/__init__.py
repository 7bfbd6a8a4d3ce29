"""Presentation shared by the command line and the app."""
