//! The C emitter: types, type table, prebuilt data, functions and `main`, in that order, in one
//! translation unit where everything is `static` (the C compiler sees the whole program).

use rpy_model::graph::{ExitCase, ExitSwitch, Link, LinkArg, Value};
use rpy_model::llop::{
    FuncId, LlConst, LlFunction, LlGraph, LlOp, LlProgram, Prebuilt, PrebuiltId,
};
use rpy_model::lltype::{LlType, TypeId};
use rpy_model::{Block, SourceMap, Var};
use std::collections::HashMap;
use std::fmt::Write;

/// Options of the C output.
#[derive(Clone, Debug, Default)]
pub struct GencOptions {
    /// Collect at every allocation, without the environment variable.
    pub gc_stress: bool,
    /// The collector: `RPY_GC_SEMISPACE` (0) or `RPY_GC_GENERATIONAL` (1) of `rpyrt.h`.
    pub gc_kind: u32,
    /// Use Boehm's collector instead (`c/rpy_boehm.h`, chosen when the C is compiled; `gc_kind`
    /// is then ignored). The program must be linked with `-lgc`.
    pub boehm: bool,
    /// Emit `#line` directives pointing at the RPython source.
    pub line_directives: bool,
}

/// The generated C files: (file name, contents).
pub struct CProgram {
    pub files: Vec<(String, String)>,
}

impl CProgram {
    pub fn lines(&self) -> usize {
        self.files.iter().map(|f| f.1.lines().count()).sum()
    }
}

/// Writes the C program.
pub fn generate(p: &LlProgram, sources: &SourceMap, opts: &GencOptions) -> CProgram {
    let mut e = Emitter {
        p,
        sources,
        opts,
        out: String::new(),
        locations: Vec::new(),
        loc_index: HashMap::new(),
        fresh: Vec::new(),
    };
    e.program();
    let program = std::mem::take(&mut e.out);
    let mut files: Vec<(String, String)> = vec![
        ("rpyrt.h".into(), crate::RPYRT_H.into()),
        ("rpy_support.h".into(), crate::SUPPORT_H.into()),
        ("rpy_dict.h".into(), crate::DICT_H.into()),
    ];
    if opts.boehm {
        files.push(("rpy_boehm.h".into(), crate::BOEHM_H.into()));
    }
    files.push(("program.c".into(), program));
    CProgram { files }
}

struct Emitter<'a> {
    p: &'a LlProgram,
    sources: &'a SourceMap,
    opts: &'a GencOptions,
    out: String,
    locations: Vec<(String, String, u32)>,
    loc_index: HashMap<(String, String, u32), usize>,
    /// The variables holding objects allocated since the last operation that can collect.
    fresh: Vec<Var>,
}

/// The C name of a struct field. The runtime's own fields keep their names; a program's
/// attribute becomes `a_<name>` (sanitised), so that names such as `errno`, `default` or
/// `stdin` never meet a C keyword or a libc macro.
fn cfield(name: &str) -> String {
    const RUNTIME: &[&str] = &[
        "typeid",
        "length",
        "items",
        "seq",
        "index",
        "num_items",
        "num_used",
        "indexes",
        "keys",
        "values",
        "hashes",
        "__msg__",
    ];
    if RUNTIME.contains(&name) || name.starts_with("item") && name[4..].parse::<u32>().is_ok() {
        name.to_string()
    } else {
        format!("a_{}", sanitize(name))
    }
}

/// Whether a field has storage in the C struct: not `Void`, and not an instance's `typeid`
/// (the class id, which is the GC header's type id minus `RPY_CLASSID_BASE`).
fn stored(name: &str, t: LlType) -> bool {
    t != LlType::Void && name != "typeid"
}

fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn c_string(s: &str) -> String {
    let mut out = String::from("\"");
    for b in s.bytes() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out.push('"');
    out
}

/// C that turns a value of type `t` into a 64-bit word (dict keys and values).
fn to_bits(x: &str, t: LlType) -> String {
    match t {
        LlType::Float => format!("rpy_f2b({x})"),
        LlType::Ptr(_) => format!("(uint64_t)(uintptr_t)({x})"),
        _ => format!("(uint64_t)({x})"),
    }
}

fn var(v: Var) -> String {
    format!("v{}", v.0)
}

impl Emitter<'_> {
    fn is_str(&self, t: TypeId) -> bool {
        let n = &self.p.types.get(t).name;
        n == "STR" || n == "BYTES"
    }

    /// Whether `t` is the `STR` type, whose items are stored at the string's width.
    fn is_text(&self, t: LlType) -> bool {
        matches!(t, LlType::Ptr(id) if self.p.types.get(id).name == "STR")
    }

    fn struct_name(&self, t: TypeId) -> String {
        if self.is_str(t) {
            "struct rpy_str".into()
        } else {
            format!("struct rpy_T{}", t.0)
        }
    }

    fn ctype(&self, t: LlType) -> String {
        match t {
            LlType::Void => "void".into(),
            LlType::Bool => "bool".into(),
            LlType::Signed | LlType::Fixed(_) => "int64_t".into(),
            LlType::Float => "double".into(),
            LlType::Char => "uint32_t".into(),
            LlType::Ptr(id) => format!("{} *", self.struct_name(id)),
        }
    }

    /// `rpy_new_oserror(errno, strerror)` for the runtime's OSErrors: an instance of the
    /// program's `OSError` layout when the program reads `errno`/`strerror`, else NULL (the
    /// instance is then made on demand without them).
    fn oserror_constructor(&mut self) {
        let p = self.p;
        let t = p.types.ids().find(|t| {
            let s = p.types.get(*t);
            s.name == "INST<OSError>"
                && s.fields.iter().any(|f| f.0 == "errno")
                && s.fields.iter().any(|f| f.0 == "strerror")
        });
        let body = match t {
            Some(t) if p.class_names.iter().any(|c| c.1 == "builtins.OSError") => {
                let sn = self.struct_name(t);
                let has_msg = p.types.get(t).fields.iter().any(|f| f.0 == "__msg__");
                format!(
                    "    RPY_PUSH1(msg);\n    {sn} *p = rpy_malloc_fixed({}, sizeof({sn}));\n    RPY_POP1(msg);\n    if (p == NULL)\n        return NULL;\n    p->{} = eno;\n    p->{} = msg;\n{}    return p;",
                    t.0,
                    cfield("errno"),
                    cfield("strerror"),
                    if has_msg { "    p->__msg__ = msg;\n" } else { "" }
                )
            }
            _ => "    (void)eno;\n    (void)msg;\n    return NULL;".to_string(),
        };
        let _ = writeln!(
            self.out,
            "static void *rpy_new_oserror(int64_t eno, struct rpy_str *msg) {{\n{body}\n}}"
        );
    }

    /// Equality, three-way comparison and hash of every tuple type (`rpy_teq<t>`,
    /// `rpy_tcmp<t>`, `rpy_thash<t>`), item by item as Python compares and hashes tuples, and
    /// the untyped wrappers dicts with tuple keys call.
    fn tuple_functions(&mut self) {
        let p = self.p;
        let tuples: Vec<TypeId> = p
            .types
            .ids()
            .filter(|t| p.types.get(*t).name.starts_with("TUPLE<"))
            .collect();
        for t in &tuples {
            let c = self.struct_name(*t);
            let _ = writeln!(
                self.out,
                "static bool rpy_teq{0}({c} *a, {c} *b);\nstatic int64_t rpy_tcmp{0}({c} *a, {c} *b);\nstatic int64_t rpy_thash{0}({c} *a);",
                t.0
            );
        }
        for t in &tuples {
            let c = self.struct_name(*t);
            let fields = p.types.get(*t).fields.clone();
            let (mut eq, mut cmp, mut hash) = (Vec::new(), Vec::new(), Vec::new());
            for (name, ft) in &fields {
                let name = cfield(name);
                let (x, y) = (format!("a->{name}"), format!("b->{name}"));
                match ft {
                    LlType::Void => {}
                    LlType::Signed
                    | LlType::Fixed(_)
                    | LlType::Bool
                    | LlType::Char
                    | LlType::Float => {
                        eq.push(format!("{x} == {y}"));
                        cmp.push(format!("if ({x} != {y}) return {x} < {y} ? -1 : 1;"));
                        hash.push(if *ft == LlType::Float {
                            format!("rpy_float_hash({x})")
                        } else {
                            format!("(int64_t){x}")
                        });
                    }
                    LlType::Ptr(s) if self.is_str(*s) => {
                        eq.push(format!(
                            "({x} == {y} || ({x} != NULL && {y} != NULL && rpy_str_eq({x}, {y})))"
                        ));
                        cmp.push(format!(
                            "if ({x} != {y}) {{ if ({x} == NULL || {y} == NULL) return {x} == NULL ? -1 : 1; int64_t r = rpy_str_cmp({x}, {y}); if (r) return r; }}"
                        ));
                        hash.push(format!("({x} ? rpy_str_hash({x}) : 0)"));
                    }
                    LlType::Ptr(s) if p.types.get(*s).name.starts_with("TUPLE<") => {
                        eq.push(format!(
                            "({x} == {y} || ({x} != NULL && {y} != NULL && rpy_teq{}({x}, {y})))",
                            s.0
                        ));
                        cmp.push(format!(
                            "if ({x} != {y}) {{ if ({x} == NULL || {y} == NULL) return {x} == NULL ? -1 : 1; int64_t r = rpy_tcmp{}({x}, {y}); if (r) return r; }}",
                            s.0
                        ));
                        hash.push(format!("({x} ? rpy_thash{}({x}) : 0)", s.0));
                    }
                    LlType::Ptr(_) => {
                        eq.push(format!("(void *){x} == (void *){y}"));
                        hash.push(format!("({x} ? rpy_gc_identityhash((void *){x}) : 0)"));
                    }
                }
            }
            let eq = if eq.is_empty() {
                "true".to_string()
            } else {
                eq.join(" && ")
            };
            let mut h = String::from("uint64_t h = 0x345678;");
            for x in &hash {
                let _ = write!(h, " h = (h ^ (uint64_t)({x})) * 1000003u;");
            }
            let _ = writeln!(
                self.out,
                "static bool rpy_teq{0}({c} *a, {c} *b) {{ (void)a; (void)b; return {eq}; }}\n\
                 static int64_t rpy_tcmp{0}({c} *a, {c} *b) {{ (void)a; (void)b; {cmp} return 0; }}\n\
                 static int64_t rpy_thash{0}({c} *a) {{ (void)a; {h} return (int64_t)(h ^ {n}u); }}\n\
                 static bool rpy_teq_key{0}(uint64_t a, uint64_t b) {{ return rpy_teq{0}(({c} *)(uintptr_t)a, ({c} *)(uintptr_t)b); }}\n\
                 static int64_t rpy_thash_key{0}(uint64_t a) {{ return rpy_thash{0}(({c} *)(uintptr_t)a); }}",
                t.0,
                cmp = cmp.join(" "),
                n = fields.len()
            );
        }
    }

    fn func_name(&self, f: FuncId) -> String {
        match self.p.func(f) {
            LlFunction::Graph { graph, .. } => format!("rpy_f{}_{}", f.0, sanitize(&graph.name)),
            LlFunction::Support { cname, .. } => cname.to_string(),
        }
    }

    fn program(&mut self) {
        let p = self.p;
        let str_id = p
            .types
            .ids()
            .find(|t| p.types.get(*t).name == "STR")
            .map_or(0, |t| t.0);
        let bytes_id = p
            .types
            .ids()
            .find(|t| p.types.get(*t).name == "BYTES")
            .map_or(1, |t| t.0);
        self.out
            .push_str("/* Generated by the RPython translator. */\n");
        let _ = writeln!(
            self.out,
            "#define RPY_TID_STR {str_id}\n#define RPY_TID_BYTES {bytes_id}\n#define RPY_TID_STR_WIDE {}",
            p.types.len()
        );
        // Class ids and names, for raising and reporting exceptions.
        let mut names = vec![
            "\"\"".to_string();
            p.class_names
                .iter()
                .map(|c| c.0 as usize + 1)
                .max()
                .unwrap_or(1)
        ];
        for (id, name) in &p.class_names {
            names[*id as usize] = c_string(name);
            if let Some(short) = name.strip_prefix("builtins.") {
                let _ = writeln!(self.out, "#define RPY_EXC_{short} {id}");
            }
        }
        let _ = writeln!(self.out, "#define RPY_CLASSID_BASE {}", p.class_tid_base);
        let _ = writeln!(
            self.out,
            "static const char *const rpy_class_names[] = {{{}}};",
            names.join(", ")
        );
        let _ = writeln!(self.out, "#define RPY_N_CLASSES {}", names.len());
        if self.opts.boehm {
            self.out.push_str("#define RPY_GC_BOEHM 1\n");
        }
        self.out.push_str("#include \"rpy_support.h\"\n\n");
        self.types();
        self.type_table();
        self.prebuilt();
        // Prototypes.
        for (i, f) in p.functions.iter().enumerate() {
            if let LlFunction::Graph {
                graph, types, ret, ..
            } = f
            {
                let proto = self.prototype(FuncId(i as u32), graph, types, *ret);
                let _ = writeln!(self.out, "{proto};");
            }
        }
        self.out.push('\n');
        self.finalizers();
        let mut bodies = String::new();
        for (i, f) in p.functions.iter().enumerate() {
            if let LlFunction::Graph {
                graph, types, ret, ..
            } = f
            {
                let saved = std::mem::take(&mut self.out);
                self.function(FuncId(i as u32), graph, types, *ret);
                bodies.push_str(&std::mem::replace(&mut self.out, saved));
            }
        }
        // Traceback locations are collected while emitting bodies; declare them first.
        for (i, (func, file, line)) in self.locations.clone().iter().enumerate() {
            let _ = writeln!(
                self.out,
                "static const struct rpy_location rpy_loc{i} = {{{}, {}, {line}}};",
                c_string(func),
                c_string(file)
            );
        }
        self.out.push('\n');
        self.out.push_str(&bodies);
        self.main();
    }

    /// The wrappers through which the collector calls destructors, and the function calling the
    /// pending finalizer triggers.
    fn finalizers(&mut self) {
        let p = self.p;
        let mut seen = Vec::new();
        for (_, f) in &p.destructors {
            if !seen.contains(f) {
                seen.push(*f);
                let _ = writeln!(
                    self.out,
                    "static void rpy_del{}(void *p) {{ {}(p); }}",
                    f.0,
                    self.func_name(*f)
                );
            }
        }
        self.out.push_str(
            "static void rpy_fq_run_triggers(void) {
",
        );
        if !p.fq_triggers.is_empty() {
            self.out.push_str(
                "    int64_t q;
    while ((q = rpy_gc_fq_take_trigger()) >= 0) {
        switch (q) {
",
            );
            for (q, f, pb) in &p.fq_triggers {
                let _ = writeln!(
                    self.out,
                    "        case {q}: {}((void *)&rpy_pb{}); break;",
                    self.func_name(*f),
                    pb.0
                );
            }
            self.out.push_str(
                "        }
    }
",
            );
        }
        self.out.push_str(
            "}

",
        );
    }

    fn types(&mut self) {
        let p = self.p;
        for t in p.types.ids() {
            if !self.is_str(t) {
                let _ = writeln!(self.out, "struct rpy_T{};", t.0);
            }
        }
        for t in p.types.ids() {
            if self.is_str(t) {
                continue;
            }
            let s = p.types.get(t);
            let _ = writeln!(
                self.out,
                "struct rpy_T{} {{ /* {} */\n    uint64_t hdr;",
                t.0, s.name
            );
            for (name, ft) in &s.fields {
                if stored(name, *ft) {
                    let _ = writeln!(self.out, "    {} {};", self.ctype(*ft), cfield(name));
                }
            }
            if let Some(it) = s.items {
                let it = if it == LlType::Void { LlType::Char } else { it };
                let _ = writeln!(
                    self.out,
                    "    int64_t length;\n    {} items[];",
                    self.ctype(it)
                );
            }
            self.out.push_str("};\n");
        }
        self.out.push('\n');
    }

    fn type_table(&mut self) {
        let p = self.p;
        let mut rows = Vec::new();
        for t in p.types.ids() {
            let s = p.types.get(t);
            let sn = self.struct_name(t);
            let ptrs: Vec<String> = s
                .fields
                .iter()
                .filter(|f| f.1.is_gc())
                .map(|f| format!("offsetof({sn}, {})", cfield(&f.0)))
                .collect();
            let ptrs_name = if ptrs.is_empty() {
                "NULL".to_string()
            } else {
                let _ = writeln!(
                    self.out,
                    "static const uint32_t rpy_ptrs{}[] = {{{}}};",
                    t.0,
                    ptrs.join(", ")
                );
                format!("rpy_ptrs{}", t.0)
            };
            let row = match s.items {
                Some(it) => {
                    let flags = if it.is_gc() {
                        "RPY_TI_VARSIZE | RPY_TI_GCPTR_ITEMS"
                    } else {
                        "RPY_TI_VARSIZE"
                    };
                    format!(
                        "    {{{flags}, offsetof({sn}, items), sizeof((({sn} *)0)->items[0]), offsetof({sn}, length), {}, {ptrs_name}}},",
                        ptrs.len()
                    )
                }
                None => format!(
                    "    {{{}, sizeof({sn}), 0, 0, {}, {ptrs_name}}},",
                    if s.name == "WEAKREF" {
                        "RPY_TI_WEAKREF"
                    } else {
                        "0"
                    },
                    ptrs.len()
                ),
            };
            rows.push(format!("{row} /* {} */", s.name));
        }
        // Strings with a character above U+00FF: the same `struct rpy_str` with four bytes per
        // item, told apart from one-byte strings by this type id in the header.
        rows.push("    {RPY_TI_VARSIZE, offsetof(struct rpy_str, items), 4, offsetof(struct rpy_str, length), 0, NULL}, /* STR (wide) */".into());
        let _ = writeln!(
            self.out,
            "static const rpy_typeinfo rpy_types[] = {{\n{}\n}};\n",
            rows.join("\n")
        );
        // `rgc.get_rpy_memory_usage`: an object's size from its type.
        self.out.push_str(
            "static inline int64_t rpy_obj_size(void *p) {\n    const rpy_typeinfo *t = &rpy_types[RPY_HDR_TID(*(uint64_t *)p)];\n    int64_t n = t->fixedsize;\n    if (t->flags & RPY_TI_VARSIZE)\n        n += (int64_t)t->itemsize * *(int64_t *)((char *)p + t->length_offset);\n    return n;\n}\n\n",
        );
        if self.opts.boehm {
            // Boehm allocates objects without GC pointers where it never scans them.
            self.out.push_str(
                "static inline bool rpy_type_has_gcptrs(uint32_t tid) {\n    return rpy_types[tid].n_ptrs != 0 || (rpy_types[tid].flags & RPY_TI_GCPTR_ITEMS) != 0;\n}\n\n",
            );
        }
        self.tuple_functions();
        self.oserror_constructor();
        // A descriptor per dict type, for the generic dict functions of rpy_dict.h.
        for t in p.types.ids() {
            let tname = &p.types.get(t).name;
            // 0: a dict; 1: a weak-value dict; 2: a weak-key dict (`rpy_dict.h`).
            let weak = if tname.starts_with("DICT<") {
                0
            } else if tname.starts_with("WEAKVALDICT<") {
                1
            } else if tname.starts_with("WEAKKEYDICT<") {
                2
            } else {
                continue;
            };
            let tid_weakref = p
                .types
                .ids()
                .find(|w| p.types.get(*w).name == "WEAKREF")
                .map_or(0, |w| w.0);
            let arr = |f: &str| match p.types.field_type(t, f) {
                Some(LlType::Ptr(a)) => (a.0, p.types.get(a).items.unwrap_or(LlType::Signed)),
                _ => (0, LlType::Signed),
            };
            let (idx, _) = arr("indexes");
            let (keys, kt) = arr("keys");
            let (vals, vt) = arr("values");
            let (hashes, _) = arr("hashes");
            let mut custom = ("NULL".to_string(), "NULL".to_string());
            let rdict = p.rdict_funcs.iter().find(|r| r.0 == t).copied();
            let kind = match kt {
                _ if weak == 2 => "RPY_KEY_WEAK",
                _ if rdict.is_some() => {
                    let (_, eq, hash) = rdict.expect("checked");
                    let kc = self.ctype(kt);
                    let conv = |x: &str| {
                        if kt.is_gc() {
                            format!("({kc})(uintptr_t){x}")
                        } else {
                            format!("({kc}){x}")
                        }
                    };
                    for f in [eq, hash] {
                        if let LlFunction::Graph {
                            graph, types, ret, ..
                        } = p.func(f)
                        {
                            let proto = self.prototype(f, graph, types, *ret);
                            let _ = writeln!(self.out, "{proto};");
                        }
                    }
                    let _ = writeln!(
                        self.out,
                        "static bool rpy_rdeq{0}(uint64_t a, uint64_t b) {{ uint64_t n = rpy_gc_collections(); bool r = {1}({2}, {3}); rpy_rdict_check(n); return r; }}\n\
                         static int64_t rpy_rdhash{0}(uint64_t a) {{ uint64_t n = rpy_gc_collections(); int64_t r = {4}({2}); rpy_rdict_check(n); return r; }}",
                        t.0,
                        self.func_name(eq),
                        conv("a"),
                        conv("b"),
                        self.func_name(hash)
                    );
                    custom = (format!("rpy_rdeq{}", t.0), format!("rpy_rdhash{}", t.0));
                    "RPY_KEY_CUSTOM"
                }
                LlType::Signed | LlType::Fixed(_) | LlType::Bool => "RPY_KEY_INT",
                LlType::Char => "RPY_KEY_CHAR",
                LlType::Float => "RPY_KEY_FLOAT",
                LlType::Ptr(k) if self.is_str(k) => "RPY_KEY_STR",
                LlType::Ptr(k) if p.types.get(k).name.starts_with("TUPLE<") => {
                    custom = (
                        format!("rpy_teq_key{}", k.0),
                        format!("rpy_thash_key{}", k.0),
                    );
                    "RPY_KEY_CUSTOM"
                }
                _ => "RPY_KEY_IDENTITY",
            };
            let size = |t: LlType| match t {
                LlType::Bool => 1,
                LlType::Char => 4,
                _ => 8,
            };
            let _ = writeln!(
                self.out,
                "static const struct rpy_dict_kind rpy_dk{} = {{{kind}, {}, {}, {}, {}, {}, {}, {idx}, {keys}, {vals}, {hashes}, {weak}, {tid_weakref}}};",
                t.0,
                size(kt),
                size(vt),
                kt.is_gc(),
                vt.is_gc(),
                custom.0,
                custom.1
            );
        }
    }

    fn prebuilt_ref(&self, id: PrebuiltId) -> String {
        let t = self.p.prebuilt[id.0 as usize].ty;
        format!("(({} *)&rpy_pb{})", self.struct_name(t), id.0)
    }

    fn prebuilt(&mut self) {
        let p = self.p;
        // Each prebuilt object gets its own struct type (with the exact number of items).
        for (i, pb) in p.prebuilt.iter().enumerate() {
            let s = p.types.get(pb.ty);
            let _ = write!(self.out, "struct rpy_pbT{i} {{ uint64_t hdr;");
            for (name, ft) in &s.fields {
                if stored(name, *ft) {
                    let _ = write!(self.out, " {} {};", self.ctype(*ft), cfield(name));
                }
            }
            if let Some(it) = s.items {
                let _ = write!(
                    self.out,
                    " int64_t length; {} items[{}];",
                    self.prebuilt_item_ctype(pb, it),
                    pb.items.len().max(1)
                );
            }
            let _ = writeln!(self.out, " }};\nstatic struct rpy_pbT{i} rpy_pb{i};");
        }
        let mut roots = Vec::new();
        for (i, pb) in p.prebuilt.iter().enumerate() {
            let s = p.types.get(pb.ty);
            let tid = if self.is_text(LlType::Ptr(pb.ty)) && Self::is_wide(pb) {
                "RPY_TID_STR_WIDE".to_string()
            } else {
                pb.ty.0.to_string()
            };
            let mut init = vec![format!("RPY_GCFLAG_STATIC | {tid}")];
            for ((name, ft), v) in s.fields.iter().zip(&pb.fields) {
                if stored(name, *ft) {
                    init.push(self.constant(v, *ft));
                }
            }
            if let Some(it) = s.items {
                init.push(pb.items.len().to_string());
                let items: Vec<String> = pb.items.iter().map(|v| self.constant(v, it)).collect();
                init.push(format!("{{{}}}", items.join(", ")));
            }
            let has_ptrs =
                s.fields.iter().any(|f| f.1.is_gc()) || s.items.is_some_and(|t| t.is_gc());
            if has_ptrs {
                roots.push(format!("&rpy_pb{i}"));
            }
            let _ = writeln!(
                self.out,
                "static struct rpy_pbT{i} rpy_pb{i} = {{{}}};",
                init.join(", ")
            );
        }
        let _ = writeln!(
            self.out,
            "static void *const rpy_static_roots[] = {{{}}};\n",
            if roots.is_empty() {
                "NULL".to_string()
            } else {
                roots.join(", ")
            }
        );
        let _ = writeln!(self.out, "#define RPY_N_STATIC_ROOTS {}\n", roots.len());
    }

    /// Whether a prebuilt string has a character above U+00FF (it is then stored with four
    /// bytes per character; otherwise with one, so that the width is canonical).
    fn is_wide(pb: &Prebuilt) -> bool {
        pb.items
            .iter()
            .any(|c| matches!(c, LlConst::Char(c) if *c > 0xFF))
    }

    /// The C type of the items of a prebuilt object: strings and bytes store narrow characters
    /// as bytes.
    fn prebuilt_item_ctype(&self, pb: &Prebuilt, it: LlType) -> String {
        let s = &self.p.types.get(pb.ty).name;
        if s == "BYTES" || (s == "STR" && !Self::is_wide(pb)) {
            "unsigned char".into()
        } else {
            self.ctype(it)
        }
    }

    fn constant(&self, c: &LlConst, t: LlType) -> String {
        match c {
            LlConst::Void => "0".into(),
            LlConst::Bool(b) => (if *b { "true" } else { "false" }).into(),
            LlConst::Signed(i) => {
                if *i == i64::MIN {
                    "INT64_MIN".into()
                } else {
                    format!("INT64_C({i})")
                }
            }
            LlConst::Float(x) => {
                if x.is_nan() {
                    "NAN".into()
                } else if x.is_infinite() {
                    if *x > 0.0 {
                        "INFINITY".into()
                    } else {
                        "(-INFINITY)".into()
                    }
                } else {
                    format!("{x:e}")
                }
            }
            LlConst::Char(b) => format!("{b}"),
            LlConst::Null(_) => "NULL".into(),
            LlConst::Prebuilt(id) => {
                let r = self.prebuilt_ref(*id);
                match t {
                    LlType::Ptr(tt) if tt != self.p.prebuilt[id.0 as usize].ty => {
                        format!("(({} *){r})", self.struct_name(tt))
                    }
                    // The referent word of a static weak reference.
                    LlType::Signed => format!("(int64_t)(uintptr_t){r}"),
                    _ => r,
                }
            }
            LlConst::Func(f) => self.func_name(*f),
            LlConst::Type(t) => t.0.to_string(),
            LlConst::Field(f) => cfield(f),
            LlConst::ExcClass(n) => format!("RPY_EXC_{n}"),
            LlConst::ClassRange(lo, hi) => format!("{lo}, {hi}"),
            LlConst::Location(..) => "NULL".into(),
        }
    }

    fn prototype(&self, id: FuncId, g: &LlGraph, types: &[LlType], ret: LlType) -> String {
        let params: Vec<String> = g
            .params()
            .iter()
            .filter(|v| types[v.0 as usize] != LlType::Void)
            .map(|v| format!("{} {}", self.ctype(types[v.0 as usize]), var(*v)))
            .collect();
        let params = if params.is_empty() {
            "void".to_string()
        } else {
            params.join(", ")
        };
        format!(
            "static {} {}({params})",
            self.ctype(ret),
            self.func_name(id)
        )
    }

    fn value(&self, v: &Value<LlConst>, types: &[LlType]) -> String {
        match v {
            Value::Var(x) => var(*x),
            Value::Const(c) => {
                let _ = types;
                self.constant(c, LlType::Void)
            }
        }
    }

    fn location(&mut self, func: &str, span: rpy_model::Span) -> usize {
        let (file, line) = self.sources.describe(span);
        let key = (func.to_string(), file, line);
        if let Some(i) = self.loc_index.get(&key) {
            return *i;
        }
        self.locations.push(key.clone());
        self.loc_index.insert(key, self.locations.len() - 1);
        self.locations.len() - 1
    }

    fn function(&mut self, id: FuncId, g: &LlGraph, types: &[LlType], ret: LlType) {
        let proto = self.prototype(id, g, types, ret);
        let _ = writeln!(self.out, "{proto} {{");
        let blocks = g.reachable_blocks();
        let params = g.params().to_vec();
        for &b in &blocks {
            if b == g.exceptblock {
                continue;
            }
            let data = &g.blocks[b];
            let defs = data
                .inputargs
                .iter()
                .filter(|v| !params.contains(v))
                .copied()
                .chain(data.ops.iter().map(|o| o.result));
            for v in defs {
                let t = types[v.0 as usize];
                if t != LlType::Void {
                    let _ = writeln!(self.out, "    {} {};", self.ctype(t), var(v));
                }
            }
        }
        let fresh_in = self.fresh_inputs(g, &blocks);
        let mut last_line = None;
        for &b in &blocks {
            if b == g.exceptblock {
                continue;
            }
            let data = &g.blocks[b];
            let _ = writeln!(self.out, "  block{}:", b.0);
            if b == g.returnblock {
                let rv = data.inputargs[0];
                if ret == LlType::Void {
                    self.out.push_str("    return;\n");
                } else {
                    let _ = writeln!(self.out, "    return {};", var(rv));
                }
                continue;
            }
            // Objects allocated since the last operation that can collect are young: stores into
            // them need no write barrier.
            let mut fresh: Vec<Var> = fresh_in.get(&b).cloned().unwrap_or_default();
            let mut skip = 0;
            for (i, op) in data.ops.iter().enumerate() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                self.track_fresh(op, &mut fresh);
                self.fresh = fresh.clone();
                if self.opts.line_directives {
                    let (file, line) = self.sources.describe(op.span);
                    if last_line != Some(line) {
                        let _ = writeln!(self.out, "#line {line} {}", c_string(&file));
                        last_line = Some(line);
                    }
                }
                if op.op == LlOp::StackCheck
                    && data
                        .ops
                        .get(i + 1)
                        .is_some_and(|o| o.op == LlOp::ExcOccurred)
                {
                    // The exception test reads the stack check's outcome instead of the global.
                    let e = data.ops[i + 1].result;
                    self.track_fresh(&data.ops[i + 1], &mut fresh);
                    let _ = writeln!(self.out, "    {} = rpy_stack_too_deep();", var(e));
                    skip = 1;
                    continue;
                }
                if let Some((stmt, used)) = self.inline_malloc(g, b, i, types) {
                    for o in &data.ops[i + 1..i + used] {
                        self.track_fresh(o, &mut fresh);
                    }
                    let _ = writeln!(self.out, "    {stmt}");
                    skip = used - 1;
                    continue;
                }
                let stmt = self.op(types, op.op, &op.args, op.result);
                let _ = writeln!(self.out, "    {stmt}");
            }
            match &data.exitswitch {
                ExitSwitch::None => {
                    if let Some(l) = data.exits.first() {
                        let s = self.link(g, types, l);
                        let _ = writeln!(self.out, "    {s}");
                    }
                }
                ExitSwitch::Value(v) => {
                    let cond = self.value(v, types);
                    let t = data.exits.iter().find(|l| l.case == ExitCase::Bool(true));
                    let f = data.exits.iter().find(|l| l.case == ExitCase::Bool(false));
                    if let (Some(t), Some(f)) = (t, f) {
                        let (ts, fs) = (self.link(g, types, t), self.link(g, types, f));
                        let _ = writeln!(self.out, "    if ({cond}) {{ {ts} }} else {{ {fs} }}");
                    } else {
                        let _ = writeln!(self.out, "    switch ({cond}) {{");
                        for l in &data.exits {
                            let s = self.link(g, types, l);
                            match &l.case {
                                ExitCase::Int(i) => {
                                    let _ = writeln!(self.out, "    case {i}: {{ {s} }}");
                                }
                                _ => {
                                    let _ = writeln!(self.out, "    default: {{ {s} }}");
                                }
                            }
                        }
                        self.out.push_str("    }\n");
                    }
                }
                ExitSwitch::LastException => {
                    panic!("genc: unlowered last_exception switch in {}", g.name)
                }
            }
        }
        self.out.push_str("}\n\n");
    }

    /// The parallel move of a link's values into its target's input variables, then the jump.
    fn link(&self, g: &LlGraph, types: &[LlType], l: &Link<LlConst>) -> String {
        let targets = &g.blocks[l.target].inputargs;
        let mut moves = Vec::new();
        for (t, a) in targets.iter().zip(&l.args) {
            if types[t.0 as usize] == LlType::Void {
                continue;
            }
            let LinkArg::Value(v) = a else { continue };
            if *v == Value::Var(*t) {
                continue;
            }
            moves.push((*t, self.value(v, types)));
        }
        let mut s = String::new();
        let sources_targets = moves
            .iter()
            .any(|(_, src)| moves.iter().any(|(t, _)| *src == var(*t)));
        if sources_targets {
            // Go through temporaries when a source is also a target.
            for (i, (t, src)) in moves.iter().enumerate() {
                let _ = write!(s, "{} tmp{i} = {src}; ", self.ctype(types[t.0 as usize]));
            }
            for (i, (t, _)) in moves.iter().enumerate() {
                let _ = write!(s, "{} = tmp{i}; ", var(*t));
            }
            s = format!("{{ {s}}} ");
        } else {
            for (t, src) in &moves {
                let _ = write!(s, "{} = {src}; ", var(*t));
            }
        }
        let _ = write!(s, "goto block{};", l.target.0);
        s
    }

    fn op(&mut self, types: &[LlType], op: LlOp, args: &[Value<LlConst>], result: Var) -> String {
        let a: Vec<String> = args.iter().map(|x| self.value(x, types)).collect();
        let r = var(result);
        let rt = types[result.0 as usize];
        let prebuilt = &self.p.prebuilt;
        let ty_of = |x: &Value<LlConst>| match x {
            Value::Var(v) => types[v.0 as usize],
            Value::Const(LlConst::Prebuilt(id)) => LlType::Ptr(prebuilt[id.0 as usize].ty),
            Value::Const(LlConst::Null(t)) => LlType::Ptr(*t),
            Value::Const(_) => LlType::Void,
        };
        let bin = |o: &str| format!("{r} = {} {o} {};", a[0], a[1]);
        let call = |f: &str| format!("{r} = {f}({});", a.join(", "));
        match op {
            LlOp::IntAdd | LlOp::FloatAdd => bin("+"),
            LlOp::IntSub | LlOp::FloatSub => bin("-"),
            LlOp::IntMul | LlOp::FloatMul => bin("*"),
            LlOp::IntAnd => bin("&"),
            LlOp::IntOr => bin("|"),
            LlOp::IntXor => bin("^"),
            LlOp::IntLt | LlOp::FloatLt | LlOp::CharLt => bin("<"),
            LlOp::IntLe | LlOp::FloatLe | LlOp::CharLe => bin("<="),
            LlOp::IntEq | LlOp::FloatEq | LlOp::CharEq => bin("=="),
            LlOp::IntNe | LlOp::FloatNe | LlOp::CharNe => bin("!="),
            LlOp::PtrEq => format!("{r} = (void *){} == (void *){};", a[0], a[1]),
            LlOp::TupleEq | LlOp::TupleCmp | LlOp::TupleHash => {
                let LlType::Ptr(t) = ty_of(&args[0]) else {
                    return String::new();
                };
                let f = match op {
                    LlOp::TupleEq => "rpy_teq",
                    LlOp::TupleCmp => "rpy_tcmp",
                    _ => "rpy_thash",
                };
                if op == LlOp::TupleHash {
                    format!("{r} = {f}{}({});", t.0, a[0])
                } else {
                    format!("{r} = {f}{}({}, {});", t.0, a[0], a[1])
                }
            }
            LlOp::PtrNe => format!("{r} = (void *){} != (void *){};", a[0], a[1]),
            LlOp::CastPointer => format!("{r} = ({}){};", self.ctype(rt), a[0]),
            LlOp::Isinstance => format!("{r} = rpy_isinstance((struct rpy_inst *){}, {}, {});", a[0], a[1], a[2]),
            LlOp::IntGt | LlOp::FloatGt | LlOp::CharGt => bin(">"),
            LlOp::IntGe | LlOp::FloatGe | LlOp::CharGe => bin(">="),
            LlOp::UintLt => format!("{r} = (uint64_t){} < (uint64_t){};", a[0], a[1]),
            LlOp::UintLe => format!("{r} = (uint64_t){} <= (uint64_t){};", a[0], a[1]),
            LlOp::UintGt => format!("{r} = (uint64_t){} > (uint64_t){};", a[0], a[1]),
            LlOp::UintGe => format!("{r} = (uint64_t){} >= (uint64_t){};", a[0], a[1]),
            LlOp::UintFloorDiv => call("rpy_uint_floordiv"),
            LlOp::UintMod => call("rpy_uint_mod"),
            LlOp::UintRShift => call("rpy_uint_rshift"),
            LlOp::CastUintToFloat => format!("{r} = (double)(uint64_t){};", a[0]),
            LlOp::CastToInt8
            | LlOp::CastToUint8
            | LlOp::CastToInt16
            | LlOp::CastToUint16
            | LlOp::CastToInt32
            | LlOp::CastToUint32 => {
                // The conversion to the narrow C type keeps the low bits (GCC and Clang define
                // it so for the signed ones); the word is then its sign or zero extension.
                let k = rpy_model::lltype::IntKind::of_narrow_op(op).expect("a narrowing op");
                format!("{r} = (int64_t)({})(uint64_t){};", k.ctype(), a[0])
            }
            LlOp::IntFloorDiv => call("rpy_int_floordiv"),
            LlOp::IntMod => call("rpy_int_mod"),
            LlOp::IntTrueDiv => call("rpy_int_truediv"),
            LlOp::IntPow => call("rpy_int_pow"),
            LlOp::IntLShift => call("rpy_int_lshift"),
            LlOp::IntRShift => call("rpy_int_rshift"),
            LlOp::IntAbs => call("rpy_int_abs"),
            LlOp::FloatTrueDiv => call("rpy_float_truediv"),
            LlOp::FloatFloorDiv => call("rpy_float_floordiv"),
            LlOp::FloatMod => call("rpy_float_mod"),
            LlOp::FloatPow => call("rpy_float_pow"),
            LlOp::FloatAbs => call("fabs"),
            LlOp::CastFloatToInt => call("rpy_cast_float_to_int"),
            LlOp::CastIntToChar => call("rpy_cast_int_to_char"),
            LlOp::IntNeg => format!("{r} = (int64_t)(0 - (uint64_t){});", a[0]),
            LlOp::IntAddOvf => format!("if (__builtin_add_overflow({}, {}, &{r})) rpy_raise(RPY_EXC_OverflowError, NULL);", a[0], a[1]),
            LlOp::IntSubOvf => format!("if (__builtin_sub_overflow({}, {}, &{r})) rpy_raise(RPY_EXC_OverflowError, NULL);", a[0], a[1]),
            LlOp::IntMulOvf => format!("if (__builtin_mul_overflow({}, {}, &{r})) rpy_raise(RPY_EXC_OverflowError, NULL);", a[0], a[1]),
            LlOp::IntNegOvf => format!("if (__builtin_sub_overflow((int64_t)0, {}, &{r})) rpy_raise(RPY_EXC_OverflowError, NULL);", a[0]),
            LlOp::IntLShiftOvf => format!("{r} = rpy_int_lshift_ovf({}, {});", a[0], a[1]),
            LlOp::GcIdentityHash => format!("{r} = rpy_gc_identityhash((void *){});", a[0]),
            LlOp::GcId => format!("{r} = rpy_gc_id((void *){});", a[0]),
            LlOp::FloatNeg => format!("{r} = -{};", a[0]),
            LlOp::IntInvert => format!("{r} = ~{};", a[0]),
            LlOp::IntIsTrue | LlOp::FloatIsTrue | LlOp::PtrNonZero => format!("{r} = {} != 0;", a[0]),
            LlOp::PtrIsZero => format!("{r} = {} == NULL;", a[0]),
            LlOp::BoolNot => format!("{r} = !{};", a[0]),
            LlOp::CastIntToFloat => format!("{r} = (double){};", a[0]),
            LlOp::CastBoolToInt | LlOp::CastCharToInt => format!("{r} = (int64_t){};", a[0]),
            LlOp::SameAs => {
                if rt == LlType::Void {
                    String::new()
                } else {
                    format!("{r} = {};", a[0])
                }
            }
            LlOp::Select => format!("{r} = {} ? {} : {};", a[0], a[1], a[2]),
            LlOp::WeakrefCreate => {
                let LlType::Ptr(t) = rt else { return String::new() };
                let sn = self.struct_name(t);
                let alloc = format!("{r} = ({sn} *)rpy_malloc_fixed({}, sizeof({sn}));", t.0);
                let store = format!(
                    "if ({r} != NULL) {{ {r}->{f} = (int64_t)(uintptr_t){a}; RPY_WEAKREF_REGISTER(&{r}->{f}, {a}); }}",
                    f = cfield("referent"),
                    a = a[0]
                );
                // The referent must survive the allocation: it is a root while it happens.
                if let Value::Var(_) = &args[0] {
                    format!("RPY_PUSH1({0}); {alloc} RPY_POP1({0}); {store}", a[0])
                } else {
                    format!("{alloc} {store}")
                }
            }
            LlOp::WeakrefDeref => {
                let LlType::Ptr(t) = rt else { return String::new() };
                format!(
                    "{r} = {0} != NULL ? ({1} *)(uintptr_t){0}->{2} : NULL;",
                    a[0],
                    self.struct_name(t),
                    cfield("referent")
                )
            }
            LlOp::GcCanMove => format!("{r} = rpy_gc_can_move((void *){});", a[0]),
            LlOp::GcObjSize => format!("{r} = rpy_obj_size((void *){});", a[0]),
            LlOp::GcTypeIndex => format!("{r} = (int64_t)RPY_HDR_TID(*(uint64_t *){});", a[0]),
            LlOp::GcFqRegister => format!("rpy_gc_fq_register({}, (void *){});", a[0], a[1]),
            LlOp::GcFqNextDead => {
                let LlType::Ptr(t) = rt else { return String::new() };
                format!(
                    "{r} = ({} *)rpy_gc_fq_next_dead({});",
                    self.struct_name(t),
                    a[0]
                )
            }
            LlOp::Malloc => {
                let LlType::Ptr(t) = rt else { return String::new() };
                let sn = self.struct_name(t);
                let alloc = format!("{r} = ({sn} *)rpy_malloc_fixed({}, sizeof({sn}));", t.0);
                match self.p.destructors.iter().find(|d| d.0 == t) {
                    Some((_, f)) => format!(
                        "{alloc} if ({r} != NULL) rpy_gc_register_destructor({r}, rpy_del{});",
                        f.0
                    ),
                    None => alloc,
                }
            }
            LlOp::MallocVarsize => {
                let LlType::Ptr(t) = rt else { return String::new() };
                let sn = self.struct_name(t);
                format!(
                    "{r} = ({sn} *)rpy_malloc_varsize({}, offsetof({sn}, items), sizeof((({sn} *)0)->items[0]), {}, offsetof({sn}, length));",
                    t.0, a[1]
                )
            }
            LlOp::GetField => {
                if rt == LlType::Void {
                    return String::new();
                }
                if a[1] == "typeid" {
                    return format!("{r} = RPY_CLASSID({});", a[0]);
                }
                format!("{r} = {}->{};", a[0], a[1])
            }
            LlOp::SetField => {
                // An instance's class id is its header's type id, set by the allocation.
                if a[1] == "typeid" {
                    return String::new();
                }
                if ty_of(&args[2]) == LlType::Void && matches!(args[2], Value::Var(_)) {
                    return String::new();
                }
                if matches!(args[2], Value::Const(LlConst::Void)) {
                    return String::new();
                }
                let store = format!("{}->{} = {};", a[0], a[1], self.cast_to(&args[2], LlType::Void, types));
                if self.needs_barrier(&args[0], &args[2], types) {
                    format!("RPY_WRITE_BARRIER({}); {store}", a[0])
                } else {
                    store
                }
            }
            LlOp::GetArrayItem if self.is_text(ty_of(&args[0])) => {
                format!("{r} = rpy_str_get({}, {});", a[0], a[1])
            }
            LlOp::GetArrayItem => format!("{r} = {}->items[{}];", a[0], a[1]),
            LlOp::SetArrayItem => {
                let store = format!("{}->items[{}] = {};", a[0], a[1], self.cast_to(&args[2], LlType::Void, types));
                if self.needs_barrier(&args[0], &args[2], types) {
                    format!("RPY_WRITE_BARRIER_ARRAY({}, {}); {store}", a[0], a[1])
                } else {
                    store
                }
            }
            LlOp::GetArraySize => format!("{r} = {}->length;", a[0]),
            LlOp::DirectCall => {
                let Value::Const(LlConst::Func(f)) = &args[0] else { return String::new() };
                let callee = self.p.func(*f);
                let param_types: Vec<LlType> = match callee {
                    LlFunction::Graph { graph, types: ct, .. } => graph.params().iter().map(|v| ct[v.0 as usize]).collect(),
                    LlFunction::Support { args, .. } => args.clone(),
                };
                let mut cargs = Vec::new();
                for (x, pt) in args[1..].iter().zip(&param_types) {
                    if *pt == LlType::Void {
                        continue;
                    }
                    cargs.push(self.cast_to(x, *pt, types));
                }
                let call = format!("{}({})", self.func_name(*f), cargs.join(", "));
                if rt == LlType::Void || callee.ret() == LlType::Void {
                    format!("{call};")
                } else {
                    format!("{r} = {call};")
                }
            }
            LlOp::ListGrow => {
                let (arr, item) = self.list_types(ty_of(&args[0]));
                format!("rpy_list_grow((struct rpy_list *){}, {}, {}, sizeof({}));", a[0], a[1], arr.0, self.ctype(item))
            }
            LlOp::ListMul => {
                let lt = ty_of(&args[0]);
                let (arr, item) = self.list_types(lt);
                let LlType::Ptr(l) = lt else { return String::new() };
                format!(
                    "{r} = ({} *)rpy_list_mul((struct rpy_list *){}, {}, {}, {}, sizeof({}));",
                    self.struct_name(l), a[0], a[1], l.0, arr.0, self.ctype(item)
                )
            }
            LlOp::ListConcat => {
                let lt = ty_of(&args[0]);
                let (arr, item) = self.list_types(lt);
                let LlType::Ptr(l) = lt else { return String::new() };
                format!(
                    "{r} = ({} *)rpy_list_concat((struct rpy_list *){}, (struct rpy_list *){}, {}, {}, sizeof({}));",
                    self.struct_name(l), a[0], a[1], l.0, arr.0, self.ctype(item)
                )
            }
            LlOp::ListIterNext => format!(
                "if ({it}->index < {it}->seq->length) {{ {r} = {it}->seq->items->items[{it}->index++]; }} else rpy_raise(RPY_EXC_StopIteration, NULL);",
                it = a[0]
            ),
            LlOp::StrIterNext => format!(
                "if ({it}->index < {it}->seq->length) {{ {r} = rpy_str_get({it}->seq, {it}->index++); }} else rpy_raise(RPY_EXC_StopIteration, NULL);",
                it = a[0]
            ),
            LlOp::DictNew => {
                let LlType::Ptr(t) = rt else { return String::new() };
                format!("{r} = ({})rpy_dict_new({}, &rpy_dk{});", self.ctype(rt), t.0, t.0)
            }
            LlOp::DictSetItem
            | LlOp::DictGetItem
            | LlOp::DictContains
            | LlOp::DictGet
            | LlOp::DictDelItem => {
                let dt = ty_of(&args[0]);
                let LlType::Ptr(t) = dt else { return String::new() };
                let kt = self.p.types.field_type(t, "keys").and_then(|a| match a {
                    LlType::Ptr(a) => self.p.types.get(a).items,
                    _ => None,
                }).unwrap_or(LlType::Signed);
                let vt = self.p.types.field_type(t, "values").and_then(|a| match a {
                    LlType::Ptr(a) => self.p.types.get(a).items,
                    _ => None,
                }).unwrap_or(LlType::Signed);
                let d = format!("(struct rpy_dict *){}", a[0]);
                let dk = format!("&rpy_dk{}", t.0);
                let key = to_bits(&a[1], kt);
                match op {
                    LlOp::DictSetItem => format!("rpy_dict_setitem({d}, {dk}, {key}, {});", to_bits(&a[2], vt)),
                    LlOp::DictGetItem => format!("{r} = {};", self.bits_to_value(&format!("rpy_dict_getitem({d}, {dk}, {key})"), vt)),
                    LlOp::DictContains => format!("{r} = rpy_dict_lookup({d}, {dk}, {key}) >= 0;"),
                    LlOp::DictDelItem => format!("rpy_dict_delitem({d}, {dk}, {key});"),
                    _ => {
                        let size = match vt { LlType::Bool => 1, LlType::Char => 4, _ => 8 };
                        let item = self.bits_to_value(&format!("rpy_item_get(({d})->values, e_, {size})"), vt);
                        format!("{{ int64_t e_ = rpy_dict_lookup({d}, {dk}, {key}); {r} = e_ >= 0 ? {item} : {}; }}", a[2])
                    }
                }
            }
            LlOp::WeakDictGet | LlOp::WeakDictSet | LlOp::WeakDictLength => {
                let LlType::Ptr(t) = ty_of(&args[0]) else { return String::new() };
                let d = format!("(struct rpy_dict *){}", a[0]);
                let dk = format!("&rpy_dk{}", t.0);
                match op {
                    LlOp::WeakDictLength => format!("{r} = rpy_weakdict_length({d}, {dk});"),
                    LlOp::WeakDictGet => format!(
                        "{r} = ({})rpy_weakdict_get({d}, {dk}, {});",
                        self.ctype(rt),
                        to_bits(&a[1], ty_of(&args[1]))
                    ),
                    _ => format!(
                        "rpy_weakdict_set({d}, {dk}, {}, (void *){});",
                        to_bits(&a[1], ty_of(&args[1])),
                        a[2]
                    ),
                }
            }
            LlOp::DictIterNext => {
                let it_t = ty_of(&args[0]);
                let LlType::Ptr(it) = it_t else { return String::new() };
                let Some(LlType::Ptr(dt)) = self.p.types.field_type(it, "seq") else { return String::new() };
                let kt = self.p.types.field_type(dt, "keys").and_then(|a| match a {
                    LlType::Ptr(a) => self.p.types.get(a).items,
                    _ => None,
                }).unwrap_or(LlType::Signed);
                let size = match kt { LlType::Bool => 1, LlType::Char => 4, _ => 8 };
                let d = format!("((struct rpy_dict *){}->seq)", a[0]);
                let key = self.bits_to_value(&format!("rpy_item_get({d}->keys, e_, {size})"), kt);
                format!(
                    "{{ int64_t e_ = rpy_dict_next_entry({d}, {it}->index); if (e_ < 0) rpy_raise(RPY_EXC_StopIteration, NULL); else {{ {r} = {key}; {it}->index = e_ + 1; }} }}",
                    it = a[0]
                )
            }
            LlOp::StackCheck => "rpy_stack_check();".into(),
            LlOp::RaiseExc => match &args[1] {
                Value::Var(_) => format!("rpy_raise_value({});", a[1]),
                _ => "rpy_raise(RPY_EXC_AssertionError, NULL);".to_string(),
            },
            LlOp::TracebackRecord => {
                let Value::Const(LlConst::Location(func, span)) = &args[0] else { return String::new() };
                let i = self.location(func, *span);
                format!("rpy_tb_record(&rpy_loc{i});")
            }
            LlOp::ExcOccurred => format!("{r} = RPY_EXC_OCCURRED();"),
            LlOp::ExcMatches => format!("{r} = rpy_exc_matches({});", a[0]),
            LlOp::ExcFetchType => format!("{r} = rpy_exc_type;"),
            LlOp::ExcFetchValue => {
                if rt == LlType::Void {
                    String::new()
                } else {
                    format!("{r} = ({})rpy_exc_fetch_value();", self.ctype(rt))
                }
            }
            LlOp::ExcClear => "rpy_exc_type = 0; rpy_exc_value = NULL;".into(),
            LlOp::GcPushRoots => {
                let mut s = String::new();
                for (i, x) in a.iter().enumerate() {
                    let _ = write!(s, "rpy_shadowstack_top[{i}] = (void *){x}; ");
                }
                let _ = write!(s, "rpy_shadowstack_top += {};", a.len());
                s
            }
            LlOp::GcPopRoots => {
                let mut s = format!("rpy_shadowstack_top -= {}; ", a.len());
                for (i, x) in a.iter().enumerate() {
                    let _ = write!(s, "{x} = rpy_shadowstack_top[{i}]; ");
                }
                s
            }
        }
    }

    /// The array type id and item type of a list type.
    fn list_types(&self, t: LlType) -> (TypeId, LlType) {
        let LlType::Ptr(l) = t else {
            return (TypeId(0), LlType::Signed);
        };
        let Some(LlType::Ptr(arr)) = self.p.types.field_type(l, "items") else {
            return (TypeId(0), LlType::Signed);
        };
        (arr, self.p.types.get(arr).items.unwrap_or(LlType::Signed))
    }

    fn cast_to(&self, x: &Value<LlConst>, t: LlType, types: &[LlType]) -> String {
        match x {
            Value::Const(c) => self.constant(c, t),
            Value::Var(_) => self.value(x, types),
        }
    }

    /// C that turns a 64-bit word back into a value of type `t`.
    fn bits_to_value(&self, bits: &str, t: LlType) -> String {
        match t {
            LlType::Float => format!("rpy_b2f({bits})"),
            LlType::Ptr(_) => format!("({})(uintptr_t)({bits})", self.ctype(t)),
            LlType::Bool => format!("(bool)({bits})"),
            LlType::Char => format!("(uint32_t)({bits})"),
            _ => format!("(int64_t)({bits})"),
        }
    }

    /// Whether an operation can collect (allocate), given the effects of called functions.
    fn collects(&self, op: LlOp, args: &[Value<LlConst>]) -> bool {
        match (op, args.first()) {
            (LlOp::DirectCall, Some(Value::Const(LlConst::Func(f)))) => {
                self.p.func(*f).effects().cancollect
            }
            (o, _) => o.props().cancollect,
        }
    }

    /// A fixed-size `malloc` (between `gc_push_roots(v...)` and `gc_pop_roots(v...)` when
    /// values live across it), and the `exc_occurred` after it, as one statement with the
    /// nursery's fast path inline: the roots travel through the shadow stack, and the exception
    /// is tested, only on the slow path, the only part that can collect or fail. The nursery is
    /// not zeroed, so the fast path clears the fields the code after the allocation does not
    /// certainly write first ([`Emitter::written_first`]). Returns the statement and the number
    /// of operations it stands for, or `None` if the operations at `i` do not start with that
    /// pattern (or the type has a destructor to register, or under Boehm).
    fn inline_malloc(
        &mut self,
        g: &LlGraph,
        b: Block,
        i: usize,
        types: &[LlType],
    ) -> Option<(String, usize)> {
        if self.opts.boehm {
            return None;
        }
        let ops = &g.blocks[b].ops[i..];
        let (push, malloc, pop) = match ops {
            [push, malloc, pop, ..]
                if push.op == LlOp::GcPushRoots
                    && malloc.op == LlOp::Malloc
                    && pop.op == LlOp::GcPopRoots
                    && push.args == pop.args =>
            {
                (Some(push), malloc, Some(pop))
            }
            [malloc, ..] if malloc.op == LlOp::Malloc => (None, malloc, None),
            _ => return None,
        };
        let mut used = if push.is_some() { 3 } else { 1 };
        let LlType::Ptr(t) = types[malloc.result.0 as usize] else {
            return None;
        };
        if self.p.destructors.iter().any(|d| d.0 == t) {
            return None;
        }
        let exc = match ops.get(used) {
            Some(o) if o.op == LlOp::ExcOccurred => {
                used += 1;
                Some(o.result)
            }
            _ => None,
        };
        let written = self.written_first(g, types, b, i + used, malloc.result, exc);
        let sn = self.struct_name(t);
        let r = var(malloc.result);
        let mut clear = String::new();
        for (name, ft) in &self.p.types.get(t).fields {
            if stored(name, *ft) && !written.iter().any(|w| **w == **name) {
                let _ = write!(clear, " {r}->{} = 0;", cfield(name));
            }
        }
        let (save, reload) = match (push, pop) {
            (Some(push), Some(pop)) => (
                self.op(types, push.op, &push.args, push.result),
                self.op(types, pop.op, &pop.args, pop.result),
            ),
            _ => (String::new(), String::new()),
        };
        let (exc_fast, exc_slow) = match exc {
            Some(e) => (
                format!(" {} = false;", var(e)),
                format!(" {} = RPY_EXC_OCCURRED();", var(e)),
            ),
            None => (String::new(), String::new()),
        };
        let stmt = format!(
            "{{ char *rpy_p = rpy_nursery_free; size_t rpy_sz = rpy_round_size(sizeof({sn})); \
             if (RPY_LIKELY((size_t)(rpy_nursery_top - rpy_p) >= rpy_sz)) {{ \
             rpy_nursery_free = rpy_p + rpy_sz; *(uint64_t *)rpy_p = {tid}; {r} = ({sn} *)rpy_p;{clear}{exc_fast} }} \
             else {{ {save} {r} = ({sn} *)rpy_malloc_fixed_slow({tid}, rpy_sz); {reload}{exc_slow} }} }}",
            tid = t.0
        );
        Some((stmt, used))
    }

    /// The fields of the new object `obj` that the operations from `start` in block `b` on
    /// certainly write before anything could read them: following the path the allocation's
    /// fast path takes (`exc`, the allocation's exception test, is false there) through links
    /// and blocks, up to the first operation that could read memory, collect or call.
    fn written_first(
        &self,
        g: &LlGraph,
        types: &[LlType],
        b: Block,
        start: usize,
        obj: Var,
        exc: Option<Var>,
    ) -> Vec<String> {
        let mut written: Vec<String> = Vec::new();
        let mut aliases = vec![obj];
        let mut seen = vec![b];
        let (mut block, mut start, mut exc) = (b, start, exc);
        loop {
            let data = &g.blocks[block];
            for op in &data.ops[start..] {
                let alias = |x: &Value<LlConst>| matches!(x, Value::Var(v) if aliases.contains(v));
                match op.op {
                    LlOp::SetField => {
                        if let (true, Value::Const(LlConst::Field(f))) =
                            (alias(&op.args[0]), &op.args[1])
                        {
                            if !written.iter().any(|w| **w == **f) {
                                written.push(f.to_string());
                            }
                        }
                    }
                    LlOp::SameAs | LlOp::CastPointer => {
                        if alias(&op.args[0]) {
                            aliases.push(op.result);
                        }
                    }
                    LlOp::ExcOccurred
                    | LlOp::PtrEq
                    | LlOp::PtrNe
                    | LlOp::PtrIsZero
                    | LlOp::PtrNonZero => {}
                    // An operation on values alone reads no object.
                    o if o.props().pure
                        && !o.props().cancollect
                        && op.args.iter().all(|a| match a {
                            Value::Var(v) => !matches!(types[v.0 as usize], LlType::Ptr(_)),
                            Value::Const(c) => {
                                !matches!(c, LlConst::Prebuilt(_) | LlConst::Null(_))
                            }
                        }) => {}
                    _ => return written,
                }
            }
            let link = match &data.exitswitch {
                ExitSwitch::None => data.exits.first(),
                ExitSwitch::Value(Value::Var(v)) if Some(*v) == exc => {
                    data.exits.iter().find(|l| l.case == ExitCase::Bool(false))
                }
                _ => None,
            };
            let Some(link) = link else { return written };
            let target = link.target;
            if seen.contains(&target) || target == g.returnblock || target == g.exceptblock {
                return written;
            }
            aliases = g.blocks[target]
                .inputargs
                .iter()
                .zip(&link.args)
                .filter(|(_, a)| matches!(a, LinkArg::Value(Value::Var(v)) if aliases.contains(v)))
                .map(|(t, _)| *t)
                .collect();
            if aliases.is_empty() {
                return written;
            }
            seen.push(target);
            (block, start, exc) = (target, 0, None);
        }
    }

    /// Updates the variables holding objects allocated since the last operation that can
    /// collect, after `op`.
    fn track_fresh(&self, op: &rpy_model::Operation<LlOp, LlConst>, fresh: &mut Vec<Var>) {
        if self.collects(op.op, &op.args) {
            fresh.clear();
        }
        match op.op {
            LlOp::Malloc | LlOp::MallocVarsize => fresh.push(op.result),
            LlOp::SameAs | LlOp::CastPointer if matches!(&op.args[0], Value::Var(v) if fresh.contains(v)) => {
                fresh.push(op.result)
            }
            _ => {}
        }
    }

    /// The input variables of each block that hold an object allocated since the last
    /// operation that can collect, on every path into the block (a forward data flow,
    /// intersecting at joins): an `__init__` inlined after its allocation stores into the new
    /// object in a later block, and needs no write barrier there either.
    fn fresh_inputs(&self, g: &LlGraph, blocks: &[Block]) -> HashMap<Block, Vec<Var>> {
        let mut fresh_in: HashMap<Block, Vec<Var>> = HashMap::new();
        let entry = g.startblock;
        fresh_in.insert(entry, Vec::new());
        let mut changed = true;
        while changed {
            changed = false;
            for &b in blocks {
                let Some(start) = fresh_in.get(&b) else {
                    continue;
                };
                let data = &g.blocks[b];
                let mut fresh = start.clone();
                for op in &data.ops {
                    self.track_fresh(op, &mut fresh);
                }
                for l in &data.exits {
                    let target = &g.blocks[l.target];
                    let passed: Vec<Var> = l
                        .args
                        .iter()
                        .zip(&target.inputargs)
                        .filter(|(a, _)| {
                            matches!(a, LinkArg::Value(Value::Var(v)) if fresh.contains(v))
                        })
                        .map(|(_, x)| *x)
                        .collect();
                    let new = match fresh_in.get(&l.target) {
                        None => passed,
                        Some(old) => old.iter().copied().filter(|x| passed.contains(x)).collect(),
                    };
                    if fresh_in.get(&l.target) != Some(&new) {
                        fresh_in.insert(l.target, new);
                        changed = true;
                    }
                }
            }
        }
        fresh_in
    }

    /// A store needs the write barrier when it writes a GC pointer held in a variable (prebuilt
    /// objects are never young) into an object that may be old.
    fn needs_barrier(
        &self,
        obj: &Value<LlConst>,
        value: &Value<LlConst>,
        types: &[LlType],
    ) -> bool {
        let stores_gc_var = matches!(value, Value::Var(v) if types[v.0 as usize].is_gc());
        let fresh = matches!(obj, Value::Var(o) if self.fresh.contains(o));
        stores_gc_var && !fresh
    }

    fn main(&mut self) {
        let p = self.p;
        let Some(entry) = p.entry else { return };
        let LlFunction::Graph {
            graph, types, ret, ..
        } = p.func(entry)
        else {
            return;
        };
        let argv_t = types[graph.params()[0].0 as usize];
        let (list_tid, arr_tid) = match argv_t {
            LlType::Ptr(l) => (l.0, self.list_types(argv_t).0 .0),
            _ => (0, 0),
        };
        let call = format!(
            "{}(({} *)rpy_make_argv(argc, argv, {list_tid}, {arr_tid}))",
            self.func_name(entry),
            match argv_t {
                LlType::Ptr(l) => self.struct_name(l),
                _ => "void".into(),
            }
        );
        let stress = if self.opts.gc_stress { 1 } else { 0 };
        // The dicts built at import time get their entries when the program starts (their
        // index depends on hashes computed by the runtime).
        let mut init = String::from("static void rpy_init_prebuilt_dicts(void) {\n");
        for (pb, tid, items) in &p.prebuilt_dicts {
            let kt = p
                .types
                .field_type(*tid, "keys")
                .and_then(|a| match a {
                    LlType::Ptr(a) => p.types.get(a).items,
                    _ => None,
                })
                .unwrap_or(LlType::Signed);
            let vt = p
                .types
                .field_type(*tid, "values")
                .and_then(|a| match a {
                    LlType::Ptr(a) => p.types.get(a).items,
                    _ => None,
                })
                .unwrap_or(LlType::Signed);
            let _ = writeln!(
                init,
                "    {{\n        struct rpy_dict *d = (struct rpy_dict *){};\n        rpy_dict_resize(&d, &rpy_dk{}, {});",
                self.prebuilt_ref(*pb),
                tid.0,
                items.len()
            );
            // A weak dict's items are a key and an instance, stored as `set(key, value)` does.
            let weak = p.types.get(*tid).name.starts_with("WEAK");
            for (k, v) in items {
                let (k, v) = (
                    to_bits(&self.constant(k, kt), kt),
                    to_bits(&self.constant(v, vt), vt),
                );
                let _ = if weak {
                    writeln!(
                        init,
                        "        rpy_weakdict_set(d, &rpy_dk{}, {k}, (void *)(uintptr_t){v});",
                        tid.0
                    )
                } else {
                    writeln!(
                        init,
                        "        rpy_dict_setitem(d, &rpy_dk{}, {k}, {v});",
                        tid.0
                    )
                };
            }
            init.push_str("    }\n");
        }
        init.push_str("}\n");
        self.out.push_str(&init);
        let gc_init = if self.opts.boehm {
            format!("rpy_boehm_init({stress});")
        } else {
            format!(
                "rpy_gc_init(rpy_types, {n}, rpy_static_roots, RPY_N_STATIC_ROOTS, RPY_GC_FLAGS({kind}, {stress}));",
                kind = self.opts.gc_kind,
                n = p.types.len() + 1
            )
        };
        let _ = writeln!(
            self.out,
            "int main(int argc, char **argv) {{\n    {gc_init}\n    rpy_stack_init();\n    rpy_init_prebuilt_dicts();"
        );
        match ret {
            LlType::Void => {
                let _ = writeln!(self.out, "    {call};\n    int64_t rc = 0;");
            }
            _ => {
                let _ = writeln!(self.out, "    int64_t rc = (int64_t){call};");
            }
        }
        self.out.push_str("    if (rpy_exc_type)\n        rpy_fatal_exception();\n    rpy_flush_stdout();\n    return (int)rc;\n}\n");
    }
}
