"""rpython.jit.codewriter: what a target passes to the JIT about its code."""
