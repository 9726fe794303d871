"""rpython.jit: the meta-tracing JIT's user-visible parts (``codewriter.policy``)."""
