"""Translation pipeline for patient-education content about medical procedures."""

__version__ = "0.1.0"
