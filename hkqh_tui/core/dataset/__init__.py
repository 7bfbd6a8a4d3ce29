"""The dataset: the validated model, loading from TOML or JSON, validation, the parse cache, JSON serialisation."""
