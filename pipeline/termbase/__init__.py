"""The medical termbase: concepts, their terms per language, matching and TBX/CSV exchange."""
