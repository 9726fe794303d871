//! The program snapshot written by the loader (`rpython-lib/loader.py`, format in
//! `docs/snapshot.md`): every object reachable from the entry point, with identity preserved, and
//! the Python constants (`PyValue`) that refer to them.
//!
//! Relies on `serde_json` only; flow, annotator and rtyper read prebuilt objects from here.

use indexmap::IndexMap;
use serde_json::Value as J;
use std::rc::Rc;

/// Index of an object in the snapshot.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct ObjId(pub u32);

/// A Python value as recorded by the loader.
#[derive(Clone, Debug, PartialEq)]
pub enum PyValue {
    None,
    Bool(bool),
    Int(i64),
    /// An integer that does not fit in a machine word (its decimal text).
    BigInt(Rc<str>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Ref(ObjId),
}

/// A function of the program.
#[derive(Clone, Debug)]
pub struct FunctionObj {
    pub name: String,
    pub qualname: String,
    pub module: String,
    pub file: String,
    pub line: u32,
    pub def_line: u32,
    pub col: u32,
    pub globals: Option<ObjId>,
    pub defaults: Vec<PyValue>,
    pub kwdefaults: IndexMap<String, PyValue>,
    pub freevars: Vec<String>,
    pub closure: Vec<PyValue>,
    pub attrs: IndexMap<String, PyValue>,
    /// The modules its `import` statements name, keyed `"<level>:<dotted name>"` (every
    /// prefix of an imported name, and the submodules of `from` imports).
    pub imports: IndexMap<String, PyValue>,
}

/// An object with identity.
// Functions are the largest and the most common objects of a snapshot, which is built once;
// boxing them would cost an indirection at every use for no saving.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum PyObject {
    Function(FunctionObj),
    Module {
        name: String,
        file: Option<String>,
        external: bool,
        globals: IndexMap<String, PyValue>,
    },
    /// A builtin function, class or stdlib function, by qualified name (`builtins.len`, `os.write`).
    Builtin {
        name: String,
    },
    List(Vec<PyValue>),
    Tuple(Vec<PyValue>),
    Dict(Vec<(PyValue, PyValue)>),
    Set(Vec<PyValue>),
    Class {
        name: String,
        qualname: String,
        module: String,
        bases: Vec<PyValue>,
        dict: IndexMap<String, PyValue>,
    },
    Instance {
        class: PyValue,
        attrs: IndexMap<String, PyValue>,
    },
    StaticMethod(PyValue),
    ClassMethod(PyValue),
    /// A weak reference made at import time: its referent, or `None` if it died already.
    WeakRef(Option<PyValue>),
    Opaque {
        type_name: String,
        repr: String,
    },
}

/// The whole snapshot.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub target: String,
    pub entry: PyValue,
    /// The module `rpython._prelude`: RPython functions that implement built-in methods and
    /// functions (`list.index`, `str.split`, `sorted`, ...); `None` in snapshots without it.
    pub prelude: PyValue,
    pub objects: Vec<PyObject>,
}

impl Snapshot {
    pub fn obj(&self, id: ObjId) -> &PyObject {
        &self.objects[id.0 as usize]
    }

    /// Parses the loader's JSON text.
    pub fn parse(text: &str) -> Result<Snapshot, String> {
        let j: J = serde_json::from_str(text).map_err(|e| format!("bad snapshot: {e}"))?;
        let objects = j["objects"]
            .as_array()
            .ok_or("bad snapshot: no objects")?
            .iter()
            .map(parse_object)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Snapshot {
            target: j["target"].as_str().unwrap_or("").to_string(),
            entry: parse_value(&j["entry"])?,
            prelude: match j.get("prelude") {
                Some(v) => parse_value(v)?,
                None => PyValue::None,
            },
            objects,
        })
    }
}

fn parse_value(j: &J) -> Result<PyValue, String> {
    Ok(match j {
        J::Null => PyValue::None,
        J::Bool(b) => PyValue::Bool(*b),
        J::Object(m) => {
            if let Some(s) = m.get("int").and_then(J::as_str) {
                match s.parse::<i64>() {
                    Ok(i) => PyValue::Int(i),
                    Err(_) => PyValue::BigInt(s.into()),
                }
            } else if let Some(s) = m.get("float").and_then(J::as_str) {
                PyValue::Float(match s {
                    "inf" => f64::INFINITY,
                    "-inf" => f64::NEG_INFINITY,
                    "nan" => f64::NAN,
                    _ => s.parse().map_err(|_| format!("bad float {s}"))?,
                })
            } else if let Some(s) = m.get("str").and_then(J::as_str) {
                PyValue::Str(s.into())
            } else if let Some(s) = m.get("bytes").and_then(J::as_str) {
                let bytes = (0..s.len() / 2)
                    .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16))
                    .collect::<Result<Vec<u8>, _>>()
                    .map_err(|_| "bad bytes".to_string())?;
                PyValue::Bytes(bytes.into())
            } else if let Some(n) = m.get("ref").and_then(J::as_u64) {
                PyValue::Ref(ObjId(n as u32))
            } else {
                return Err(format!("bad snapshot value {j}"));
            }
        }
        _ => return Err(format!("bad snapshot value {j}")),
    })
}

fn values(j: &J) -> Result<Vec<PyValue>, String> {
    j.as_array()
        .map_or(Ok(vec![]), |a| a.iter().map(parse_value).collect())
}

fn named(j: &J) -> Result<IndexMap<String, PyValue>, String> {
    let mut out = IndexMap::new();
    if let Some(m) = j.as_object() {
        for (k, v) in m {
            out.insert(k.clone(), parse_value(v)?);
        }
    }
    Ok(out)
}

fn s(j: &J) -> String {
    j.as_str().unwrap_or("").to_string()
}

fn parse_object(j: &J) -> Result<PyObject, String> {
    let kind = j["kind"].as_str().unwrap_or("");
    Ok(match kind {
        "function" => PyObject::Function(FunctionObj {
            name: s(&j["name"]),
            qualname: s(&j["qualname"]),
            module: s(&j["module"]),
            file: s(&j["file"]),
            line: j["line"].as_u64().unwrap_or(0) as u32,
            def_line: j["def_line"].as_u64().or(j["line"].as_u64()).unwrap_or(0) as u32,
            col: j["col"].as_u64().unwrap_or(0) as u32,
            globals: match parse_value(&j["globals"])? {
                PyValue::Ref(r) => Some(r),
                _ => None,
            },
            defaults: values(&j["defaults"])?,
            kwdefaults: named(&j["kwdefaults"])?,
            freevars: j["freevars"]
                .as_array()
                .map_or(vec![], |a| a.iter().map(s).collect()),
            closure: values(&j["closure"])?,
            attrs: named(&j["attrs"])?,
            imports: if j["imports"].is_object() {
                named(&j["imports"])?
            } else {
                IndexMap::new()
            },
        }),
        "module" => PyObject::Module {
            name: s(&j["name"]),
            file: j["file"].as_str().map(str::to_string),
            external: j["external"].as_bool().unwrap_or(false),
            globals: named(&j["globals"])?,
        },
        "builtin" => PyObject::Builtin {
            name: s(&j["name"]),
        },
        "list" => PyObject::List(values(&j["items"])?),
        "tuple" => PyObject::Tuple(values(&j["items"])?),
        "set" => PyObject::Set(values(&j["items"])?),
        "dict" => PyObject::Dict(j["items"].as_array().map_or(Ok(vec![]), |a| {
            a.iter()
                .map(|p| Ok::<_, String>((parse_value(&p[0])?, parse_value(&p[1])?)))
                .collect()
        })?),
        "class" => PyObject::Class {
            name: s(&j["name"]),
            qualname: s(&j["qualname"]),
            module: s(&j["module"]),
            bases: values(&j["bases"])?,
            dict: named(&j["dict"])?,
        },
        "instance" => PyObject::Instance {
            class: parse_value(&j["class"])?,
            attrs: named(&j["attrs"])?,
        },
        "staticmethod" => PyObject::StaticMethod(parse_value(&j["func"])?),
        "weakref" => PyObject::WeakRef(match parse_value(&j["referent"])? {
            PyValue::None => None,
            v => Some(v),
        }),
        "classmethod" => PyObject::ClassMethod(parse_value(&j["func"])?),
        _ => PyObject::Opaque {
            type_name: s(&j["type"]),
            repr: s(&j["repr"]),
        },
    })
}
