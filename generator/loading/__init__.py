"""Reading content files from disk into plain data that remembers where each value was, validated per file."""
