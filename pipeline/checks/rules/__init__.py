"""One module per check; the registry in pipeline.checks.registry lists them all."""
