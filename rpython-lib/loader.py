"""The translator's loader: run the import phase of an RPython program in
CPython and write a JSON snapshot of everything reachable from its entry point.

    python3 loader.py --lib <rpython-lib dir> --out <snapshot.json> <target.py> [args...]

The snapshot format is specified in docs/snapshot.md.  Exit status: 0 on
success, 2 when importing the target or calling target() raised (the
traceback is printed on stderr), 3 when the target is malformed, 4 on an
internal error while writing the snapshot, 64 on a usage error.

This file is embedded in the translator binary: it must stay a single file
that depends only on the standard library and on `rpython._targetload`
(found through --lib).
"""

import ast
import dis
import importlib
import importlib.util
import json
import os
import re
import sys
import sysconfig
import traceback
import weakref
import types

_IMPORT_NAME = dis.opmap["IMPORT_NAME"]

SNAPSHOT_VERSION = 1
REPR_LIMIT = 200

USAGE = ("usage: python3 loader.py --lib <rpython-lib dir> --out <snapshot.json> "
         "<target.py> [target args...]")

# Names of C modules that the standard library re-exports under a public name.
MODULE_ALIASES = {
    "posix": "os",
    "nt": "os",
    "posixpath": "os.path",
    "ntpath": "os.path",
}

# Entries of a class __dict__ that Python creates itself; they are not recorded.
CLASS_DICT_SKIP = frozenset([
    "__module__", "__qualname__", "__doc__", "__dict__", "__weakref__",
    "__firstlineno__", "__static_attributes__", "__classcell__",
    "__orig_bases__", "__parameters__", "__annotations__", "__annotate__",
    "__annotate_func__", "__annotations_cache__", "__type_params__",
])

_ADDRESS_RE = re.compile(r" at 0x[0-9a-fA-F]+")

BUILTIN_CALLABLE_TYPES = (
    types.BuiltinFunctionType,      # len, os.write, [].append
    types.MethodWrapperType,        # (1).__add__
    types.WrapperDescriptorType,    # object.__init__
    types.MethodDescriptorType,     # str.join
    types.ClassMethodDescriptorType,  # dict.__dict__['fromkeys']
)


def _parse_args(argv):
    lib = out = None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--lib", "--out"):
            if i + 1 >= len(argv):
                return None
            if a == "--lib":
                lib = argv[i + 1]
            else:
                out = argv[i + 1]
            i += 2
        elif a.startswith("--lib="):
            lib = a[len("--lib="):]
            i += 1
        elif a.startswith("--out="):
            out = a[len("--out="):]
            i += 1
        elif a == "--":
            i += 1
            break
        elif a.startswith("--"):
            return None
        else:
            break
    if lib is None or out is None or i >= len(argv):
        return None
    return lib, out, argv[i], argv[i + 1:]


# ---------------------------------------------------------------------------
# Which files belong to the program

class FileClassifier(object):
    """Decides whether a source file belongs to the program (the target's
    own modules and the rpython package) or to the Python installation."""

    def __init__(self, lib):
        self.lib = self._norm(lib)
        dirs = set()
        paths = sysconfig.get_paths()
        for key in ("stdlib", "platstdlib", "purelib", "platlib"):
            p = paths.get(key)
            if p:
                dirs.add(self._norm(p))
        try:
            import site
            for p in site.getsitepackages():
                dirs.add(self._norm(p))
            user = site.getusersitepackages()
            if isinstance(user, str):
                dirs.add(self._norm(user))
        except Exception:
            pass
        self.external = sorted(d for d in dirs if d)
        self._cache = {}

    @staticmethod
    def _norm(p):
        return os.path.normcase(os.path.realpath(os.path.abspath(p)))

    @staticmethod
    def _inside(path, directory):
        return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)

    def is_program_file(self, path):
        if path is None:
            return False
        r = self._cache.get(path)
        if r is None:
            if path.startswith("<") or not os.path.isfile(path):
                r = False
            else:
                n = self._norm(path)
                if self._inside(n, self.lib):
                    r = True
                else:
                    r = not any(self._inside(n, d) for d in self.external)
            self._cache[path] = r
        return r


# ---------------------------------------------------------------------------
# Source positions of def, lambda and class, found in the AST

def _normalize_qualname(q):
    # Comprehensions add scopes to qualnames on some versions only
    # ("<listcomp>." before 3.12); "<locals>" is always there.  Compare
    # qualnames with every "<...>" segment except "<lambda>" removed.
    return ".".join(p for p in q.split(".") if not p.startswith("<") or p == "<lambda>")


class _Definition(object):
    __slots__ = ("name", "qualname", "firstline", "line", "col", "start", "end")

    def __init__(self, node, name, qualname):
        self.name = name
        self.qualname = qualname
        decorators = getattr(node, "decorator_list", None) or []
        self.line = node.lineno
        self.col = node.col_offset
        self.firstline = min([d.lineno for d in decorators] + [node.lineno])
        self.start = (node.lineno, node.col_offset)
        self.end = (getattr(node, "end_lineno", None) or node.lineno,
                    getattr(node, "end_col_offset", None) or 0)


def _cache_dir():
    """Where source indexes are cached (by content): $RPY_LOADER_CACHE, or
    ~/.cache/rpython-rs/sources; RPY_LOADER_CACHE= (empty) disables the cache."""
    d = os.environ.get("RPY_LOADER_CACHE")
    if d is not None:
        return d or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "rpython-rs", "sources")


def _definition_to_json(d):
    return [d.name, d.qualname, d.firstline, d.line, d.col, list(d.start), list(d.end)]


def _definition_from_json(j):
    d = _Definition.__new__(_Definition)
    d.name, d.qualname, d.firstline, d.line, d.col = j[0], j[1], j[2], j[3], j[4]
    d.start, d.end = tuple(j[5]), tuple(j[6])
    return d


class SourceIndex(object):
    """All function, lambda and class definitions of one source file. Parsing is the
    loader's main cost, so indexes are cached on disk by the file's content."""

    def __init__(self, path):
        self.functions = {}   # (firstline, name) -> [_Definition]
        self.classes = {}     # normalized qualname -> [_Definition]
        try:
            import tokenize
            with tokenize.open(path) as f:
                source = f.read()
        except Exception:
            return
        import hashlib
        key = hashlib.sha1(("%s\0%s\0" % (SNAPSHOT_VERSION, sys.version)
                            + source).encode("utf-8", "surrogatepass")).hexdigest()
        cache = _cache_dir()
        cached = os.path.join(cache, key + ".json") if cache else None
        if cached is not None and self._load(cached):
            return
        try:
            tree = ast.parse(source, path)
        except Exception:
            return
        # Without lambdas, definitions are statements: expressions need no visit.
        self.lambdas = "lambda" in source
        self._visit(tree, "")
        if cached is not None:
            self._store(cached)

    def _load(self, cached):
        try:
            with open(cached, encoding="utf-8") as f:
                j = json.load(f)
            for line, name, defs in j["functions"]:
                self.functions[(line, name)] = [_definition_from_json(d) for d in defs]
            for q, defs in j["classes"]:
                self.classes[q] = [_definition_from_json(d) for d in defs]
            return True
        except Exception:
            self.functions = {}
            self.classes = {}
            return False

    def _store(self, cached):
        try:
            os.makedirs(os.path.dirname(cached), exist_ok=True)
            j = {"functions": [[k[0], k[1], [_definition_to_json(d) for d in v]]
                               for k, v in self.functions.items()],
                 "classes": [[k, [_definition_to_json(d) for d in v]]
                             for k, v in self.classes.items()]}
            tmp = "%s.%d.tmp" % (cached, os.getpid())
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(j, f)
            os.replace(tmp, cached)
        except Exception:
            pass

    def _visit(self, node, prefix):
        for child in ast.iter_child_nodes(node):
            if not self.lambdas and isinstance(child, (ast.expr, ast.expr_context, ast.arguments)):
                continue
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                q = prefix + child.name
                d = _Definition(child, child.name, q)
                self.functions.setdefault((d.firstline, child.name), []).append(d)
                # decorators, defaults and annotations belong to the outer scope
                for sub in child.decorator_list:
                    self._visit_expr(sub, prefix)
                self._visit_expr(child.args, prefix)
                if child.returns is not None:
                    self._visit_expr(child.returns, prefix)
                for stmt in child.body:
                    self._visit_stmt(stmt, q + ".<locals>.")
            elif isinstance(child, ast.Lambda):
                q = prefix + "<lambda>"
                d = _Definition(child, "<lambda>", q)
                self.functions.setdefault((d.firstline, "<lambda>"), []).append(d)
                self._visit_expr(child.args, prefix)
                self._visit_expr(child.body, q + ".<locals>.")
            elif isinstance(child, ast.ClassDef):
                q = prefix + child.name
                d = _Definition(child, child.name, q)
                self.classes.setdefault(_normalize_qualname(q), []).append(d)
                for sub in child.decorator_list:
                    self._visit_expr(sub, prefix)
                for sub in child.bases:
                    self._visit_expr(sub, prefix)
                for sub in child.keywords:
                    self._visit_expr(sub, prefix)
                for stmt in child.body:
                    self._visit_stmt(stmt, q + ".")
            else:
                self._visit(child, prefix)

    def _visit_stmt(self, stmt, prefix):
        wrapper = ast.Module(body=[stmt], type_ignores=[])
        self._visit(wrapper, prefix)

    def _visit_expr(self, node, prefix):
        # visits node itself (not only its children) in scope `prefix`
        if not self.lambdas:
            return
        if isinstance(node, ast.expr):
            node = ast.Expression(body=node)
        self._visit(node, prefix)

    def find_function(self, code, qualname):
        candidates = self.functions.get((code.co_firstlineno, code.co_name), [])
        if len(candidates) > 1:
            nq = _normalize_qualname(qualname)
            narrowed = [d for d in candidates if _normalize_qualname(d.qualname) == nq]
            if narrowed:
                candidates = narrowed
        if len(candidates) > 1 and hasattr(code, "co_positions"):
            positions = []
            for (l0, l1, c0, c1) in code.co_positions():
                if l0 is None or c0 is None or (l0 == l1 and c0 == c1):
                    continue
                positions.append((l0, c0))
            for pos in positions:
                inside = [d for d in candidates if d.start <= pos < d.end]
                if len(inside) == 1:
                    return inside[0]
        if candidates:
            return candidates[0]
        return None

    def find_class(self, cls, method_lines):
        candidates = self.classes.get(_normalize_qualname(cls.__qualname__), [])
        if len(candidates) > 1:
            first = getattr(cls, "__firstlineno__", None)
            if first is not None:
                narrowed = [d for d in candidates if d.firstline == first]
                if narrowed:
                    candidates = narrowed
        if len(candidates) > 1:
            for line in method_lines:
                narrowed = [d for d in candidates if d.start[0] <= line <= d.end[0]]
                if len(narrowed) == 1:
                    return narrowed[0]
            return candidates[-1]
        if candidates:
            return candidates[0]
        return None


# ---------------------------------------------------------------------------
# The walk

class _SyntheticModule(object):
    """Stands for a globals dict that belongs to no module in sys.modules."""

    def __init__(self, globals_dict):
        self.globals_dict = globals_dict


class Snapshotter(object):

    def __init__(self, classifier):
        self.classifier = classifier
        self.objects = []        # encoded objects, by index
        self.pending = []        # python objects, by index (kept alive)
        self.memo = {}           # id(obj) -> index
        self.fresh = []          # indices first reached while encoding one object
        self.sources = {}        # path -> SourceIndex
        self.synthetic = {}      # id(globals dict) -> _SyntheticModule
        self.module_by_dict = None

    # -- driver ------------------------------------------------------------

    def snapshot(self, entry):
        entry_value = self.value(entry)
        stack = list(reversed(self.fresh))
        self.fresh = []
        while stack:
            index = stack.pop()
            self.objects[index] = self.encode(self.pending[index])
            fresh = self.fresh
            self.fresh = []
            stack.extend(reversed(fresh))
        return entry_value

    # -- values ------------------------------------------------------------

    def value(self, x):
        if x is None or x is True or x is False:
            return x
        t = type(x)
        if t is int:
            return {"int": str(x)}
        if t is float:
            return {"float": repr(x)}
        if t is str:
            if _has_surrogate(x):
                # JSON and the translator's strings cannot hold a lone surrogate: the string
                # is recorded as an opaque object, which is reported where the program uses it.
                return self.ref(x)
            return {"str": x}
        if t is bytes:
            return {"bytes": x.hex()}
        # subclasses of int/float/str/bytes from outside the program (enum
        # members, ...) are recorded as their plain value
        if not self._is_program_class(t):
            if isinstance(x, bool):
                return bool(x)
            if isinstance(x, int):
                return {"int": str(int(x))}
            if isinstance(x, float):
                return {"float": repr(float(x))}
            if isinstance(x, str):
                return {"str": str(x)}
            if isinstance(x, bytes):
                return {"bytes": bytes(x).hex()}
        return self.ref(x)

    def ref(self, x):
        key = id(x)
        index = self.memo.get(key)
        if index is None:
            index = len(self.pending)
            self.memo[key] = index
            self.pending.append(x)
            self.objects.append(None)
            self.fresh.append(index)
        return {"ref": index}

    def values(self, xs):
        return [self.value(x) for x in xs]

    # -- classification helpers ---------------------------------------------

    def _module_file(self, name):
        m = sys.modules.get(name) if name else None
        f = getattr(m, "__file__", None) if m is not None else None
        return os.path.abspath(f) if isinstance(f, str) else None

    def _is_program_class(self, cls):
        if not isinstance(cls, type):
            return False
        modname = getattr(cls, "__module__", None)
        if modname in (None, "builtins"):
            return False
        return self.classifier.is_program_file(self._module_file(modname))

    def _is_program_module(self, m):
        f = getattr(m, "__file__", None)
        return isinstance(f, str) and self.classifier.is_program_file(os.path.abspath(f))

    def _is_program_function(self, f):
        filename = f.__code__.co_filename
        if not filename or filename.startswith("<"):
            return False
        return self.classifier.is_program_file(os.path.abspath(filename))

    def _source_index(self, path):
        idx = self.sources.get(path)
        if idx is None:
            idx = self.sources[path] = SourceIndex(path)
        return idx

    @staticmethod
    def _public_module_name(name):
        if name is None:
            return "?"
        return MODULE_ALIASES.get(name, name)

    def _module_for_globals(self, g):
        if self.module_by_dict is None:
            self.module_by_dict = {}
            for m in list(sys.modules.values()):
                d = getattr(m, "__dict__", None)
                if isinstance(m, types.ModuleType) and d is not None:
                    self.module_by_dict.setdefault(id(d), m)
        m = self.module_by_dict.get(id(g))
        if m is not None:
            return m
        s = self.synthetic.get(id(g))
        if s is None:
            s = self.synthetic[id(g)] = _SyntheticModule(g)
        return s

    # -- objects -----------------------------------------------------------

    def encode(self, x):
        if isinstance(x, types.FunctionType):
            if self._is_program_function(x):
                return self.encode_function(x)
            modname = x.__module__ or x.__globals__.get("__name__")
            return self.builtin(self._public_module_name(modname) + "." + x.__qualname__)
        if isinstance(x, BUILTIN_CALLABLE_TYPES):
            return self.encode_builtin_callable(x)
        if isinstance(x, types.MethodType):
            return {"kind": "method", "func": self.value(x.__func__),
                    "self": self.value(x.__self__)}
        if isinstance(x, types.ModuleType):
            return self.encode_module(x)
        if isinstance(x, _SyntheticModule):
            g = x.globals_dict
            name = g.get("__name__")
            f = g.get("__file__")
            return {"kind": "module", "name": name if isinstance(name, str) else None,
                    "file": os.path.abspath(f) if isinstance(f, str) else None,
                    "external": False, "globals": self.encode_namespace(g)}
        if isinstance(x, type):
            if self._is_program_class(x):
                return self.encode_class(x)
            return self.builtin(self._public_module_name(x.__module__) + "." + x.__qualname__)
        t = type(x)
        if t is list:
            return {"kind": "list", "items": self.values(x)}
        if t is tuple:
            return {"kind": "tuple", "items": self.values(x)}
        if t is dict:
            return {"kind": "dict", "items": [[self.value(k), self.value(v)]
                                              for k, v in list(x.items())]}
        if t is set or t is frozenset:
            items = sorted(x, key=_sort_key)
            return {"kind": "set" if t is set else "frozenset", "items": self.values(items)}
        if t is bytearray:
            return {"kind": "bytearray", "bytes": bytes(x).hex()}
        if t is staticmethod or t is classmethod:
            return {"kind": t.__name__, "func": self.value(x.__func__)}
        if t is property:
            return {"kind": "property", "fget": self.value(x.fget),
                    "fset": self.value(x.fset), "fdel": self.value(x.fdel)}
        if t is weakref.ReferenceType:
            return {"kind": "weakref", "referent": self.value(x())}
        if self._is_program_class(t) or t is object:
            return self.encode_instance(x)
        if isinstance(x, BaseException) and t.__module__ == "builtins":
            return self.encode_instance(x)
        return self.opaque(x)

    def builtin(self, name, self_value=None):
        d = {"kind": "builtin", "name": name}
        if self_value is not None:
            d["self"] = self_value
        return d

    def encode_builtin_callable(self, x):
        owner = getattr(x, "__self__", None)
        qualname = getattr(x, "__qualname__", None) or getattr(x, "__name__", "?")
        objclass = getattr(x, "__objclass__", None)
        if objclass is not None and not isinstance(x, types.MethodWrapperType):
            # unbound method descriptor: str.join, object.__init__
            return self.builtin(self._public_module_name(objclass.__module__) + "." + qualname)
        if owner is None or isinstance(owner, types.ModuleType):
            modname = getattr(x, "__module__", None)
            if modname is None and isinstance(owner, types.ModuleType):
                modname = owner.__name__
            if modname is None:
                modname = "builtins"
            return self.builtin(self._public_module_name(modname) + "." + qualname)
        if isinstance(owner, type):
            # a classmethod bound to its class: dict.fromkeys, int.from_bytes
            return self.builtin(self._public_module_name(owner.__module__) + "." + qualname)
        # a builtin method bound to an object: [].append, random.random
        cls = type(owner)
        if "." not in qualname:
            qualname = cls.__qualname__ + "." + qualname
        return self.builtin(self._public_module_name(cls.__module__) + "." + qualname,
                            self.value(owner))

    def encode_function(self, f):
        code = f.__code__
        filename = os.path.abspath(code.co_filename)
        d = self._source_index(filename).find_function(code, f.__qualname__)
        # fields are encoded in the order they appear in the JSON, which
        # fixes the numbering of the objects they reach
        result = {
            "kind": "function",
            "name": f.__name__,
            "qualname": f.__qualname__,
            "module": f.__module__,
            "file": filename,
            "line": code.co_firstlineno,
            "def_line": d.line if d is not None else None,
            "col": d.col if d is not None else None,
        }
        result["globals"] = self.ref(self._module_for_globals(f.__globals__))
        result["defaults"] = self.values(f.__defaults__ or ())
        kwdefaults = f.__kwdefaults__ or {}
        result["kwdefaults"] = {k: self.value(v) for k, v in list(kwdefaults.items())}
        result["freevars"] = list(code.co_freevars)
        closure = []
        for cell in (f.__closure__ or ()):
            try:
                contents = cell.cell_contents
            except ValueError:
                closure.append(None)
            else:
                closure.append(self.value(contents))
        result["closure"] = closure
        result["attrs"] = self.encode_namespace(f.__dict__, skip_dunders=False)
        imports = self._function_imports(f)
        if imports:
            result["imports"] = {k: self.ref(m) for k, m in imports.items()}
        return result

    def _function_imports(self, f):
        """The modules that `import` statements inside `f` name, imported now (as the function
        would import them when it runs), keyed `"<level>:<dotted name>"` as the statement
        spells them: every prefix of an imported name, and the submodules of `from` imports."""
        out = {}
        package = f.__globals__.get("__package__") or ""
        level = 0
        pending_name = None

        def add(level, name):
            key = "%d:%s" % (level, name)
            if key in out:
                return
            try:
                absolute = importlib.util.resolve_name("." * level + name, package) \
                    if level else name
                if not absolute:
                    return
                out[key] = importlib.import_module(absolute)
            except Exception:
                pass

        codes = [f.__code__]
        while codes:
            code = codes.pop()
            codes.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
            # Opcodes sit at the even offsets of the word code: most functions import nothing,
            # and are not disassembled.
            if _IMPORT_NAME not in code.co_code[0::2]:
                continue
            consts = []
            for ins in dis.get_instructions(code):
                if ins.opname == "LOAD_CONST":
                    consts.append(ins.argval)
                    continue
                if ins.opname == "IMPORT_NAME":
                    level = consts[-2] if len(consts) >= 2 and isinstance(consts[-2], int) else 0
                    pending_name = ins.argval
                    parts = pending_name.split(".") if pending_name else [""]
                    for i in range(1, len(parts) + 1):
                        add(level, ".".join(parts[:i]))
                elif ins.opname == "IMPORT_FROM" and pending_name is not None:
                    sub = ins.argval if not pending_name else pending_name + "." + ins.argval
                    add(level, sub)
                consts = []
        return out

    def encode_module(self, m):
        name = self._public_module_name(m.__name__)
        if not self._is_program_module(m):
            return {"kind": "module", "name": name, "file": None,
                    "external": True, "globals": {}}
        return {"kind": "module", "name": m.__name__,
                "file": os.path.abspath(m.__file__), "external": False,
                "globals": self.encode_namespace(m.__dict__)}

    def encode_namespace(self, ns, skip_dunders=True):
        out = {}
        for k, v in list(ns.items()):
            if not isinstance(k, str):
                continue
            if skip_dunders and k.startswith("__") and k.endswith("__"):
                continue
            out[k] = self.value(v)
        return out

    def encode_class(self, cls):
        raw = cls.__dict__
        entries = {}
        method_lines = []
        for k, v in list(raw.items()):
            if k in CLASS_DICT_SKIP:
                continue
            if k == "__hash__" and v is None and "__eq__" in raw:
                continue   # inserted by Python because the class defines __eq__
            if isinstance(v, (types.MemberDescriptorType, types.GetSetDescriptorType)):
                continue   # slot descriptors; __slots__ itself is recorded
            entries[k] = v
            func = v
            if isinstance(func, (staticmethod, classmethod)):
                func = func.__func__
            if isinstance(func, types.FunctionType):
                method_lines.append(func.__code__.co_firstlineno)
        filename = self._module_file(cls.__module__)
        d = None
        if filename is not None:
            d = self._source_index(filename).find_class(cls, method_lines)
        result = {
            "kind": "class",
            "name": cls.__name__,
            "qualname": cls.__qualname__,
            "module": cls.__module__,
            "file": filename,
            "line": d.firstline if d is not None else None,
            "def_line": d.line if d is not None else None,
            "col": d.col if d is not None else None,
            "bases": self.values(cls.__bases__),
        }
        result["dict"] = {k: self.value(v) for k, v in entries.items()}
        return result

    def encode_instance(self, x):
        cls = type(x)
        result = {"kind": "instance", "class": self.value(cls)}
        attrs = {}
        # __slots__ values, base classes first
        for klass in reversed(cls.__mro__):
            slots = klass.__dict__.get("__slots__")
            if slots is None:
                continue
            if isinstance(slots, str):
                slots = [slots]
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                stored = name
                if name.startswith("__") and not name.endswith("__"):
                    stored = "_" + klass.__name__.lstrip("_") + name
                desc = klass.__dict__.get(stored)
                if desc is None or not hasattr(desc, "__get__"):
                    continue
                try:
                    v = desc.__get__(x, klass)
                except AttributeError:
                    continue
                attrs[stored] = self.value(v)
        d = getattr(x, "__dict__", None)
        if isinstance(d, dict):
            for k, v in list(d.items()):
                if isinstance(k, str):
                    attrs[k] = self.value(v)
        # A class may say what its instances hold when that is not in their __dict__ (the
        # live items of rweakref's weak dicts).
        hook = getattr(cls, "_snapshot_attrs_", None)
        if hook is not None:
            for k, v in hook(x).items():
                attrs[k] = self.value(v)
        result["attrs"] = attrs
        if isinstance(x, BaseException):
            result["args"] = self.values(x.args)
        for base in (int, float, str, bytes):
            if isinstance(x, base) and not isinstance(x, bool):
                result["value"] = self.value(base(x) if base is not str else str.__str__(x))
                break
        return result

    def opaque(self, x):
        t = type(x)
        try:
            r = repr(x)
        except Exception as e:
            r = "<repr failed: %s>" % (type(e).__name__,)
        r = _ADDRESS_RE.sub("", r)
        if len(r) > REPR_LIMIT:
            r = r[:REPR_LIMIT]
        name = "%s.%s" % (self._public_module_name(t.__module__), t.__qualname__)
        if t is str:
            name = "str with a lone surrogate (unsupported)"
        return {"kind": "opaque", "type": name, "repr": r}


def _has_surrogate(s):
    return not s.isascii() and any(0xD800 <= ord(c) <= 0xDFFF for c in s)


def _sort_key(x):
    t = type(x)
    try:
        r = repr(x)
    except Exception:
        r = ""
    return (t.__module__ or "", t.__qualname__, _ADDRESS_RE.sub("", r))


# ---------------------------------------------------------------------------
# Output

def _dump(snapshot):
    """JSON text: the header on the first lines, one object per line."""
    dumps = lambda v: json.dumps(v, ensure_ascii=True, separators=(",", ":"))
    head = ('{"version":%s,\n"target":%s,\n"exe_name":%s,\n"entry":%s,\n"prelude":%s,\n'
            '"objects":['
            % (dumps(snapshot["version"]), dumps(snapshot["target"]),
               dumps(snapshot["exe_name"]), dumps(snapshot["entry"]),
               dumps(snapshot["prelude"])))
    body = ",\n".join(dumps(o) for o in snapshot["objects"])
    return head + ("\n" + body + "\n" if body else "") + "]}\n"


def main(argv):
    parsed = _parse_args(argv[1:])
    if parsed is None:
        sys.stderr.write(USAGE + "\n")
        return 64
    lib, out, target_path, target_args = parsed
    lib = os.path.abspath(lib)
    sys.path.insert(0, lib)
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    from rpython._targetload import TargetError, load_entry_point, print_target_exception

    abs_target = os.path.abspath(target_path)
    # The program's output at import time goes to stderr: stdout stays clean.
    saved_stdout = sys.stdout
    try:
        sys.stdout.flush()
    except Exception:
        pass
    try:
        saved_fd = os.dup(1)
    except OSError:
        saved_fd = None     # fd 1 was closed
    try:
        os.dup2(2, 1)
        redirected = True
    except OSError:
        redirected = False
    sys.stdout = sys.stderr
    try:
        try:
            _, driver, entry = load_entry_point(target_path, list(target_args))
        except TargetError as e:
            sys.stderr.write(e.message + "\n")
            return e.status
        except SystemExit as e:
            sys.stderr.write("loader: importing %s failed: SystemExit(%r)\n"
                             % (target_path, e.code))
            return 2
        except BaseException as e:
            print_target_exception(e, [__file__])
            sys.stderr.write("loader: importing %s failed\n" % (target_path,))
            return 2
        finally:
            try:
                sys.stdout.flush()
            except Exception:
                pass
    finally:
        sys.stdout = saved_stdout
        if saved_fd is not None:
            os.dup2(saved_fd, 1)
            os.close(saved_fd)
        elif redirected:
            os.close(1)

    try:
        walker = Snapshotter(FileClassifier(lib))
        entry_value = walker.snapshot(entry)
        import rpython._prelude
        prelude_value = walker.snapshot(rpython._prelude)
        exe_name = driver.exe_name
        snapshot = {
            "version": SNAPSHOT_VERSION,
            "target": abs_target,
            "exe_name": exe_name if isinstance(exe_name, str) else None,
            "entry": entry_value,
            "prelude": prelude_value,
            "objects": walker.objects,
        }
        text = _dump(snapshot)
        tmp = out + ".tmp"
        with open(tmp, "w", encoding="ascii", newline="\n") as f:
            f.write(text)
        os.replace(tmp, out)
    except BaseException:
        traceback.print_exc()
        sys.stderr.write("loader: internal error while writing the snapshot of %s\n"
                         % (target_path,))
        return 4
    return 0


def _ensure_hash_seed():
    """Re-execute with PYTHONHASHSEED=0 so that set and dict contents built
    at import time come out in the same order on every run."""
    if os.environ.get("PYTHONHASHSEED") == "0":
        return
    if not sys.executable or not os.path.isfile(sys.argv[0]):
        return
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    try:
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    except OSError:
        pass   # carry on with a random seed; the output is still valid


if __name__ == "__main__":
    _ensure_hash_seed()
    sys.exit(main(sys.argv))
