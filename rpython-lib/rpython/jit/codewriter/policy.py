"""``JitPolicy``: which functions the JIT may trace into.

A target returns ``(entry_point, JitPolicy())`` (or a subclass); the
translator ignores the policy until the JIT exists.  ``look_inside_function``
and ``look_inside_graph`` answer True unless a function is marked with
``rpython.rlib.jit.dont_look_inside``.
"""


class JitPolicy(object):
    """The default policy: look inside every function not marked otherwise."""

    def __init__(self, jithookiface=None):
        self.jithookiface = jithookiface
        self.unsafe_loopy_graphs = set()
        self.supports_floats = False
        self.supports_longlong = False
        self.supports_singlefloats = False

    def set_supports_floats(self, flag):
        self.supports_floats = flag

    def set_supports_longlong(self, flag):
        self.supports_longlong = flag

    def set_supports_singlefloats(self, flag):
        self.supports_singlefloats = flag

    def look_inside_function(self, func):
        """Whether the JIT traces into calls of func."""
        return getattr(func, "_jit_look_inside_", True)

    def look_inside_graph(self, graph):
        """Whether the JIT traces into the function of this graph."""
        func = getattr(graph, "func", None)
        if func is None:
            return True
        return self.look_inside_function(func)
