"""One SearchIndex interface; an Elasticsearch backend and an embedded backend."""
