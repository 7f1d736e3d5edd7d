"""A project folder as a whole: load and save with merging, integrity, sessions, restore, checks."""
