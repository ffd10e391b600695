"""Translation pipeline for patient-education content about medical procedures."""

__version__ = "0.1.0"

# The garbage collector's thresholds for a command and for each check worker: allocations before a
# young collection, then young and middle collections before the next older one. Both build what
# they work on once and keep it (the termbase, the catalogs, a check's memos), which the default
# (a young collection every 700 allocations) would mostly walk again; cycles are still collected.
GC_THRESHOLDS = (50_000, 20, 100)
