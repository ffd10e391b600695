"""Gettext catalogs: templates and translations."""
