"""Loading an RPython target file and finding its entry point.

Shared by ``python3 -m rpython.run`` (running a target untranslated) and by
the translator's ``loader.py`` (snapshotting it), so that both see the
program exactly the same way:

* the target file is imported as a module named after its basename (never
  as ``__main__``), with the file's directory inserted at ``sys.path[0]``;
* ``target(driver, args)`` is called with a :class:`TranslationDriver`;
* its result is either a function (the entry point) or a tuple whose first
  item is the entry point.
"""

import importlib.util
import os
import sys
import traceback
import types


class TranslationDriver(object):
    """The ``driver`` object passed to ``target(driver, args)``.

    Targets commonly set ``driver.exe_name`` (a name for the executable,
    possibly containing ``%(backend)s``) and read ``driver.config``.
    """

    def __init__(self, args=None):
        self.exe_name = None
        self.config = types.SimpleNamespace(
            translation=types.SimpleNamespace(jit=False, backend="c",
                                              gc="incminimark"))
        self.args = list(args or [])


class TargetError(Exception):
    """Loading the target failed.

    ``message`` is the complete line to print on stderr; ``status`` is the
    exit status the caller should use: 2 when the file cannot be imported at
    all, 3 when the target is malformed (no ``target()`` function, or
    ``target()`` returned something that is not an entry point).
    Exceptions raised by the target's own code are not wrapped.
    """

    def __init__(self, message, status):
        Exception.__init__(self, message)
        self.message = message
        self.status = status


def module_name_for(path):
    """The module name under which the target file is imported."""
    base = os.path.basename(path)
    if base.endswith(".py"):
        base = base[:-3]
    return base


def import_target(path):
    """Import the target file as a module and return it.

    Exceptions raised by the target's module-level code propagate unchanged.
    """
    shown = path
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        raise TargetError("loader: %s: no such file" % (shown,), 2)
    directory = os.path.dirname(path)
    sys.path.insert(0, directory)
    name = module_name_for(path)
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise TargetError("loader: cannot import %s" % (shown,), 2)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        if sys.modules.get(name) is module:
            del sys.modules[name]
        raise
    return module


def find_target_function(module, path):
    func = getattr(module, "target", None)
    if func is None or not callable(func):
        raise TargetError("loader: %s defines no target() function" % (path,), 3)
    return func


def entry_point_of(result, path):
    """Extract the entry point from the value returned by target()."""
    entry = result
    if isinstance(result, tuple):
        if not result:
            raise TargetError("loader: target() in %s returned an empty tuple; "
                              "expected (entry_point, policy) or a function"
                              % (path,), 3)
        entry = result[0]
    if not isinstance(entry, types.FunctionType):
        raise TargetError("loader: target() in %s must return a function or a "
                          "tuple whose first item is a function (the entry "
                          "point), not %s" % (path, _describe(entry)), 3)
    return entry


def _describe(x):
    if x is None:
        return "None"
    r = repr(x)
    if len(r) > 80:
        r = r[:77] + "..."
    return "%s %s" % (type(x).__name__, r)


def print_target_exception(exc, skip_files=(), file=None):
    """Print the traceback of an exception raised by the target's code, in
    the usual ``traceback.print_exc()`` format, leaving out the frames of
    the loading machinery (this file, importlib, and ``skip_files``)."""
    if file is None:
        file = sys.stderr
    skip = set([_source_path(__file__)])
    for f in skip_files:
        skip.add(_source_path(f))
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    keep = []
    for frame in te.stack:
        name = frame.filename
        if name.startswith("<frozen "):
            continue
        if _source_path(name) in skip:
            continue
        keep.append(frame)
    te.stack = traceback.StackSummary.from_list(keep)
    file.write("".join(te.format()))


def _source_path(p):
    p = os.path.abspath(p)
    if p.endswith(".pyc"):
        p = p[:-1]
    return p


def load_entry_point(path, args=None, driver=None):
    """Import the target at ``path``, call its ``target(driver, args)``.

    Returns ``(module, driver, entry_point)``.  Raises :class:`TargetError`
    for malformed targets; exceptions from the target's own code (import or
    ``target()``) propagate unchanged, so the caller can print them.
    """
    if args is None:
        args = []
    if driver is None:
        driver = TranslationDriver(args)
    module = import_target(path)
    target = find_target_function(module, path)
    result = target(driver, args)
    entry = entry_point_of(result, path)
    return module, driver, entry
