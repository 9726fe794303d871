"""rpython.jit.backend: the JIT backends (none is generated yet; see `hlinfo`)."""
