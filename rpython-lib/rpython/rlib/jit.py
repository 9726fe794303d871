"""rpython.rlib.jit: hints for the meta-tracing JIT.

On CPython (untranslated) every hint is a no-op. The translator reads them: the JitDriver's
green and red variables, `jit_merge_point`/`can_enter_jit` positions and the function
decorators below. Until the JIT exists (a later issue) translation accepts and ignores them.
"""


class JitDriver(object):
    """Describes an interpreter's main loop to the JIT."""

    def __init__(self, greens=None, reds=None, virtualizables=None,
                 get_printable_location=None, confirm_enter_jit=None,
                 can_never_inline=None, should_unroll_one_iteration=None,
                 name="jitdriver", check_untranslated=True, vectorize=False,
                 get_unique_id=None, is_recursive=False, get_location=None):
        self.greens = list(greens or [])
        if reds == "auto":
            self.reds = "auto"
        else:
            self.reds = list(reds or [])
        self.virtualizables = list(virtualizables or [])
        self.get_printable_location = get_printable_location
        self.confirm_enter_jit = confirm_enter_jit
        self.can_never_inline = can_never_inline
        self.should_unroll_one_iteration = should_unroll_one_iteration
        self.name = name
        self.check_untranslated = check_untranslated
        self.is_recursive = is_recursive

    def _check_arguments(self, livevars):
        if self.reds == "auto" or not self.check_untranslated:
            return
        expected = set(self.greens) | set(self.reds)
        given = set(livevars)
        if given != expected:
            raise TypeError("%s: wrong live variables %r, expected %r"
                            % (self.name, sorted(given), sorted(expected)))

    def jit_merge_point(self, **livevars):
        self._check_arguments(livevars)

    def can_enter_jit(self, **livevars):
        self._check_arguments(livevars)

    def loop_header(self):
        pass


def _identity_decorator(func):
    return func


def elidable(func):
    func._elidable_function_ = True
    return func


purefunction = elidable


def dont_look_inside(func):
    func._jit_look_inside_ = False
    return func


def look_inside(func):
    func._jit_look_inside_ = True
    return func


def unroll_safe(func):
    func._jit_unroll_safe_ = True
    return func


def loop_invariant(func):
    func._jit_loop_invariant_ = True
    return func


def oopspec(spec):
    def decorator(func):
        func.oopspec = spec
        return func
    return decorator


def elidable_promote(promote_args="all"):
    def decorator(func):
        func._elidable_function_ = True
        return func
    return decorator


def promote(x):
    return x


def promote_string(x):
    return x


def hint(x, **kwds):
    return x


def we_are_jitted():
    return False


def isconstant(x):
    return False


def isvirtual(x):
    return False


def set_param(driver, name, value):
    pass


def set_user_param(driver, text):
    pass


def jit_debug(string, arg1=-1, arg2=-1, arg3=-1, arg4=-1):
    pass


def assert_green(value):
    pass


def record_known_result(result, func, *args):
    pass


def record_exact_class(value, cls):
    pass


def conditional_call(condition, function, *args):
    if condition:
        function(*args)


def conditional_call_elidable(value, function, *args):
    if value:
        return value
    return function(*args)


class JitHintError(Exception):
    """Inconsistency in the JIT hints."""
