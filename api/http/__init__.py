"""The JSON API under /api: one router per resource, each route a thin call to a use case."""
