"""rpython.annotator: the names of RPython's annotator that targets import."""
