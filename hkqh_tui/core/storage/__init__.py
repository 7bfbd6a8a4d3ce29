"""Files on disk: atomic writes, user folders and the settings file."""
