"""Earlier versions of a project's files: the version store, what changed, the history."""
