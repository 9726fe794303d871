"""Hints and helpers about the object model of RPython programs.

On CPython these are plain Python; the decorators only record hint
attributes on the function, which the loader snapshots and the translator
reads.  Also the list and branch hints ``newlist_hint``, ``resizelist_hint``,
``keepalive_until_here``, ``is_annotation_constant``, ``likely`` and
``unlikely``.
"""

from rpython.rlib._cpython_only import cpython_only


def we_are_translated():
    """False when running on CPython, True in the translated program."""
    return False


@cpython_only
def not_rpython(func):
    """Mark a function as plain Python that the translator must never see."""
    func._not_rpython_ = True
    return func


@cpython_only
def _format_spec(name, args):
    if args:
        return "specialize:%s(%s)" % (name, ", ".join([repr(a) for a in args]))
    return "specialize:%s" % (name,)


class _Specialize(object):
    """Decorators selecting how the annotator specialises a function.

    Each records ``func._annspecialcase_`` spelled as RPython does, e.g.
    ``"specialize:argtype(0)"`` or ``"specialize:memo"``.
    """

    def _make(self, name, args):
        spec = _format_spec(name, args)

        def decorated(func):
            func._annspecialcase_ = spec
            return func
        return decorated

    def argtype(self, *args):
        """One version of the function per type of the given arguments."""
        return self._make("argtype", args)

    def arg(self, *args):
        """One version of the function per constant value of the given arguments."""
        return self._make("arg", args)

    def arg_or_var(self, *args):
        """Like arg(), but non-constant arguments share one general version."""
        return self._make("arg_or_var", args)

    def argtype_or_var(self, *args):
        return self._make("argtype_or_var", args)

    def memo(self):
        """The function is evaluated at translation time on every combination
        of its (prebuilt constant) arguments; a table lookup remains."""
        return self._make("memo", ())

    def call_location(self):
        """One version of the function per call site."""
        return self._make("call_location", ())

    def ll(self):
        return self._make("ll", ())

    def ll_and_arg(self, *args):
        return self._make("ll_and_arg", args)


specialize = _Specialize()


@cpython_only
def always_inline(func):
    """Ask the backend to always inline this function."""
    func._always_inline_ = True
    return func


@cpython_only
def dont_inline(func):
    """Ask the backend never to inline this function."""
    func._dont_inline_ = True
    return func


@cpython_only
def enforceargs(*types, **kwds):
    """Declare the argument types of a function.

    ``@enforceargs(int, str)`` or ``@enforceargs(x=int)``.  Records
    ``func._annenforceargs_``: a tuple with one entry per positional
    parameter (None where no type is given) and returns the function
    itself, so that the snapshot sees the function's own source position.
    The keyword ``typecheck`` is accepted for compatibility and ignored.
    """
    kwds.pop("typecheck", None)

    def decorator(func):
        code = func.__code__
        names = list(code.co_varnames[:code.co_argcount])
        if len(types) > len(names):
            raise TypeError("enforceargs: too many types for %s()" % (func.__name__,))
        spec = list(types) + [None] * (len(names) - len(types))
        for name, t in kwds.items():
            if name not in names:
                raise TypeError("enforceargs: %s() has no argument %r"
                                % (func.__name__, name))
            spec[names.index(name)] = t
        func._annenforceargs_ = tuple(spec)
        return func
    return decorator


def compute_identity_hash(x):
    """A hash based on the identity of x (its id), stable for its lifetime."""
    return object.__hash__(x)


def compute_unique_id(x):
    """A unique integer identifying x for its lifetime."""
    return id(x)


def compute_hash(x):
    """The hash of a str, int, float, tuple (by value) or instance (by identity)."""
    return hash(x)


def instantiate(cls, nonmovable=False):
    """A new instance of `cls` whose `__init__` is not called."""
    return object.__new__(cls)


@cpython_only
def import_from_mixin(M, special_methods=['__init__', '__del__']):
    """Copies the attributes of the mixin class `M` into the class being defined (call it in a
    class body). Functions are copied as new function objects, so each class gets its own
    (and the translator its own graphs). Special methods other than `special_methods` are
    skipped; redefining a name already in the class is an error."""
    import sys
    import types
    target = sys._getframe(1).f_locals
    for key, value in M.__dict__.items():
        if key in ('__module__', '__doc__', '__dict__', '__weakref__', '__qualname__'):
            continue
        if key.startswith('__') and key.endswith('__') and key not in special_methods:
            continue
        if key in target:
            raise Exception("import_from_mixin: would overwrite %r" % (key,))
        if isinstance(value, types.FunctionType):
            value = types.FunctionType(value.__code__, value.__globals__, value.__name__,
                                       value.__defaults__, value.__closure__)
        target[key] = value


def newlist_hint(sizehint=0):
    """A new empty list, expected to grow to about sizehint items."""
    return []


def resizelist_hint(l, sizehint):
    """Hint that the list l will grow to about sizehint items (no effect here)."""
    pass


@cpython_only
def keepalive_until_here(*values):
    """Keep the values alive (not collected) until this point (no effect on CPython)."""
    pass


def is_annotation_constant(thing):
    """True if the translator knows thing as a constant (never, on CPython)."""
    return False


def likely(cond):
    """Hint that cond is usually true; returns cond."""
    return cond


def unlikely(cond):
    """Hint that cond is usually false; returns cond."""
    return cond


class r_dict(object):
    """A dict whose keys are compared and hashed by the given functions:
    ``r_dict(key_eq, key_hash)``; ``key_eq(a, b)`` returns a bool and
    ``key_hash(a)`` an int.  Translated, it is a dict of the translator's own
    with these functions (which must not allocate: they run inside dict
    lookups)."""

    def __init__(self, key_eq, key_hash, force_non_null=False, simple_hash_eq=False):
        self.key_eq = key_eq
        self.key_hash = key_hash
        self._d = {}

    def _k(self, key):
        return _RKey(self, key)

    def __getitem__(self, key):
        return self._d[self._k(key)][1]

    def __setitem__(self, key, value):
        k = self._k(key)
        if k in self._d:
            self._d[k] = (self._d[k][0], value)
        else:
            self._d[k] = (key, value)

    def __delitem__(self, key):
        del self._d[self._k(key)]

    def __contains__(self, key):
        return self._k(key) in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        for k, _ in list(self._d.values()):
            yield k

    def get(self, key, default=None):
        k = self._k(key)
        if k in self._d:
            return self._d[k][1]
        return default

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key, *default):
        k = self._k(key)
        if k in self._d:
            return self._d.pop(k)[1]
        if default:
            return default[0]
        raise KeyError(key)

    def keys(self):
        return [k for k, _ in self._d.values()]

    def values(self):
        return [v for _, v in self._d.values()]

    def items(self):
        return list(self._d.values())

    def clear(self):
        self._d.clear()

    def copy(self):
        d = r_dict(self.key_eq, self.key_hash)
        d.update(self)
        return d

    def update(self, other):
        for k in other:
            self[k] = other[k]


r_ordereddict = r_dict


class _RKey(object):
    def __init__(self, d, key):
        self.d = d
        self.key = key

    def __eq__(self, other):
        return bool(self.d.key_eq(self.key, other.key))

    def __hash__(self):
        return hash(self.d.key_hash(self.key))


@cpython_only
def current_object_addr_as_int(x):
    """An integer for the object's current address; translated, its unique id (objects move,
    so the id is what stays meaningful)."""
    return id(x)
