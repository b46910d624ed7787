"""Reference vocabularies shipped with Levier (CPV divisions and groups)."""
