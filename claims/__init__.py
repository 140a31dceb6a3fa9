"""Use cases: the only layer that combines the store, the classifiers and the search index."""
