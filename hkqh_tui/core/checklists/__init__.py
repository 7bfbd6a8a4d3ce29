"""Checklists: the model, its JSON format, the file lock, the store on disk and the view with progress."""
