"""Checks: every defect that can hurt a patient, caught before anything ships."""
