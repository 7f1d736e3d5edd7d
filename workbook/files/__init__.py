"""Files people can read: YAML in and out, atomic writes, names, migrations and validation with Dutch messages."""
