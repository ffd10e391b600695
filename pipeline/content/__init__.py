"""Canonical procedure content: the model and its YAML reader."""
