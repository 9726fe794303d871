"""rpython.rlib.jit: hints for the meta-tracing JIT.

On CPython (untranslated) every hint is a no-op. The translator reads them: the JitDriver's
green and red variables, `jit_merge_point`/`can_enter_jit` positions and the function
decorators below. Until the JIT exists (a later issue) translation accepts and ignores them.

Decorators (`elidable`, `dont_look_inside`, `unroll_safe`, `look_inside_iff(...)`,
`elidable_promote(...)`, `not_in_trace`, `oopspec(...)`, ...) record an attribute on the
function and return the function itself. Value hints (`promote`, `promote_string`,
`promote_unicode`, `hint`, `record_exact_class`, ...) return their argument or nothing.
Also: `JitHookInterface`, `Counters`, `PARAMETERS`, `virtual_ref`/`virtual_ref_finish`/
`vref_None`, `enter_portal_frame`/`leave_portal_frame`, `current_trace_length`.
"""

from rpython.rlib._cpython_only import cpython_only


class JitDriver(object):
    """Describes an interpreter's main loop to the JIT."""

    def __init__(self, greens=None, reds=None, virtualizables=None,
                 get_printable_location=None, confirm_enter_jit=None,
                 can_never_inline=None, should_unroll_one_iteration=None,
                 name="jitdriver", check_untranslated=True, vectorize=False,
                 get_unique_id=None, is_recursive=False, get_location=None):
        # A subclass may give `greens` and `reds` as class attributes instead.
        if greens is None:
            greens = getattr(type(self), "greens", None)
        if reds is None:
            reds = getattr(type(self), "reds", None)
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

    # The driver is `_self`, as in RPython, so that a live variable may be called `self`.
    def jit_merge_point(_self, **livevars):
        _self._check_arguments(livevars)

    def can_enter_jit(_self, **livevars):
        _self._check_arguments(livevars)

    def loop_header(self):
        pass


@cpython_only
def _identity_decorator(func):
    return func


@cpython_only
def elidable(func):
    func._elidable_function_ = True
    return func


purefunction = elidable


@cpython_only
def dont_look_inside(func):
    func._jit_look_inside_ = False
    return func


@cpython_only
def look_inside(func):
    func._jit_look_inside_ = True
    return func


@cpython_only
def unroll_safe(func):
    func._jit_unroll_safe_ = True
    return func


@cpython_only
def loop_invariant(func):
    func._jit_loop_invariant_ = True
    return func


@cpython_only
def oopspec(spec):
    def decorator(func):
        func.oopspec = spec
        return func
    return decorator


@cpython_only
def elidable_promote(promote_args="all"):
    def decorator(func):
        func._elidable_function_ = True
        return func
    return decorator


def promote(x):
    return x


def promote_string(x):
    return x


def promote_unicode(x):
    return x


@cpython_only
def hint(x, **kwds):
    return x


def we_are_jitted():
    return False


def isconstant(x):
    return False


def isvirtual(x):
    return False


@cpython_only
def set_param(driver, name, value):
    pass


@cpython_only
def set_user_param(driver, text):
    pass


@cpython_only
def jit_debug(string, arg1=-1, arg2=-1, arg3=-1, arg4=-1):
    pass


def assert_green(value):
    pass


@cpython_only
def record_known_result(result, func, *args):
    pass


def record_exact_class(value, cls):
    pass


@cpython_only
def conditional_call(condition, function, *args):
    if condition:
        function(*args)


@cpython_only
def conditional_call_elidable(value, function, *args):
    if value:
        return value
    return function(*args)


class JitHintError(Exception):
    """Inconsistency in the JIT hints."""


purefunction_promote = elidable_promote


@cpython_only
def look_inside_iff(predicate):
    """Trace into the function only when predicate(*args) is true (a JIT hint; the function
    itself is returned)."""
    def decorator(func):
        func._jit_look_inside_iff_ = predicate
        return func
    return decorator


@cpython_only
def not_in_trace(func):
    """The function runs normally but is left out of traces. Its result must be None."""
    func._not_in_trace_ = True
    return func


@cpython_only
def elidable_compatible(quasi_immut_field_name_for_second_arg=None):
    """Like elidable, for functions whose first argument is promoted compatibly."""
    def decorator(func):
        func._elidable_function_ = True
        return func
    return decorator


@cpython_only
def jit_callback(name):
    """Marks a function called from C as an entry of the JIT (no-op here)."""
    def decorator(func):
        func._jit_callback_ = name
        return func
    return decorator


def current_trace_length():
    """The length of the trace being recorded, or -1 when not tracing."""
    return -1


def enter_portal_frame(unique_id):
    """Tells the JIT that a new interpreter frame starts (for profilers)."""
    pass


def leave_portal_frame():
    """Tells the JIT that the interpreter frame of enter_portal_frame ends."""
    pass


def loop_unrolling_heuristic(lst, size, cutoff=2):
    """Whether a loop over lst (of length size) is worth unrolling in a trace."""
    return we_are_jitted() and isconstant(size) and size <= cutoff


# Virtual references -------------------------------------------------------

class DirectVRef(object):
    """A virtual reference: calling it returns the object (or None once forced and gone)."""

    def __init__(self, x):
        self._x = x
        self._state = "non-forced"

    def __call__(self):
        if self._state == "non-forced":
            self._state = "forced"
        return self._x

    @property
    def virtual(self):
        return self._state == "non-forced"

    def _finish(self):
        if self._state == "non-forced":
            self._state = "invalid"


@cpython_only
def virtual_ref(x):
    """A virtual reference to x (x is typically a frame)."""
    return DirectVRef(x)


@cpython_only
def virtual_ref_finish(vref, x):
    """Ends the life of vref, which refers to x."""
    assert vref._x is x
    vref._finish()


vref_None = DirectVRef(None)


# Parameters and counters --------------------------------------------------

PARAMETERS = {
    "threshold": 1039,
    "function_threshold": 1619,
    "trace_eagerness": 200,
    "decay": 40,
    "trace_limit": 6000,
    "inlining": 1,
    "loop_longevity": 1000,
    "retrace_limit": 0,
    "max_retrace_guards": 15,
    "max_unroll_loops": 0,
    "disable_unrolling": 200,
    "enable_opts": "all",
    "max_unroll_recursion": 7,
    "vec": 0,
    "vec_all": 0,
    "vec_cost": 0,
}


class Counters(object):
    """Names of the JIT's statistics counters (indices for JitHookInterface.get_stats)."""
    counters = """
    TRACING
    BACKEND
    OPS
    HEAPCACHED_OPS
    RECORDED_OPS
    GUARDS
    OPT_OPS
    OPT_GUARDS
    OPT_GUARDS_SHARED
    OPT_FORCINGS
    OPT_VECTORIZE_TRY
    OPT_VECTORIZED
    ABORT_TOO_LONG
    ABORT_BRIDGE
    ABORT_BAD_LOOP
    ABORT_ESCAPE
    ABORT_FORCE_QUASIIMMUT
    ABORT_SEGMENTED_TRACE
    FORCE_VIRTUALIZABLES
    NVIRTUALS
    NVHOLES
    NVREUSED
    TOTAL_COMPILED_LOOPS
    TOTAL_COMPILED_BRIDGES
    TOTAL_FREED_LOOPS
    TOTAL_FREED_BRIDGES
    """
    counter_names = []


def _setup_counters():
    names = Counters.counters.split()
    for i, name in enumerate(names):
        setattr(Counters, name, i)
        Counters.counter_names.append(name)
    Counters.ncounters = len(names)


_setup_counters()


class JitHookInterface(object):
    """Hooks the JIT calls on events (subclass and pass an instance to JitPolicy).
    Without a JIT they are never called."""

    def on_abort(self, reason, jitdriver, greenkey, greenkey_repr, logops, operations):
        pass

    def on_trace_too_long(self, jitdriver, greenkey, greenkey_repr):
        pass

    def after_compile(self, debug_info):
        pass

    def after_compile_bridge(self, debug_info):
        pass

    def before_compile(self, debug_info):
        pass

    def before_compile_bridge(self, debug_info):
        pass

    def are_hooks_enabled(self):
        return True
