//! Malloc removal (scalar replacement): a fixed-size struct allocated in a function and used only
//! through its fields, never stored, passed to a call, returned or compared, becomes one
//! variable per field. That removes the tuples of multiple return values once the callee is
//! inlined, the iterators of `for` loops once `listiter` has expanded them, and short-lived
//! instances.
//!
//! The variables that can hold one such object form a family: the results of its `malloc`s,
//! `same_as` and `cast_pointer` of them, and the input variables they are passed to (a union-find
//! over links). A family is removed when all of its `malloc`s allocate the same type, every
//! variable of it is defined that way (no parameter, no value loaded or returned by a call),
//! every use is a field access on it, a copy, or a null test, it never reaches the return or
//! except block, and no link passes one object twice (two input variables that would alias).
//! Each variable of the family then carries the current value of every field: in a block, a
//! `malloc` starts from zeros, `setfield` replaces a value, `getfield` reads it, and an input
//! variable of the family becomes one input variable per field.
//!
//! Relies on variables being local to their block, and on the rtyper's instance layout: a
//! subclass struct holds its bases' fields under the same names, so `cast_pointer` keeps fields.

use crate::{zero, Func};
use rpy_model::graph::{ExitSwitch, LinkArg, Value};
use rpy_model::llop::{LlConst, LlGraph, LlOp};
use rpy_model::lltype::{LlType, TypeId, TypeTable};
use rpy_model::split::subst;
use rpy_model::{Block, Var};
use std::collections::{BTreeMap, HashMap};

/// Removes every removable family of the function, repeating while a removal makes another
/// family removable.
/// Instances of the types in `kept` (those with a `__del__`, which the collector must see die)
/// are never removed.
pub fn remove(f: &mut Func, types: &TypeTable, kept: &[TypeId]) {
    for _ in 0..4 {
        if !remove_once(f, types, kept) {
            break;
        }
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let n = self.0[y];
            self.0[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// What is known of a family while it is checked.
#[derive(Default)]
struct Family {
    ty: Option<TypeId>,
    mallocs: usize,
    bad: bool,
}

fn remove_once(f: &mut Func, types: &TypeTable, kept: &[TypeId]) -> bool {
    let g = &*f.graph;
    let blocks = g.reachable_blocks();
    let is_ptr = |v: Var| matches!(f.ty(v), LlType::Ptr(_));
    let mut uf = UnionFind((0..g.vars.len()).collect());
    for &b in &blocks {
        let d = &g.blocks[b];
        for op in &d.ops {
            if matches!(op.op, LlOp::SameAs | LlOp::CastPointer) {
                if let Value::Var(a) = op.args[0] {
                    uf.union(a.0 as usize, op.result.0 as usize);
                }
            }
        }
        for l in &d.exits {
            for (t, a) in g.blocks[l.target].inputargs.iter().zip(&l.args) {
                if let LinkArg::Value(Value::Var(v)) = a {
                    if is_ptr(*v) {
                        uf.union(v.0 as usize, t.0 as usize);
                    }
                }
            }
        }
    }
    let mut fams: BTreeMap<usize, Family> = BTreeMap::new();
    // Creation points and definitions.
    for &b in &blocks {
        let d = &g.blocks[b];
        let fixed_param = b == g.startblock || g.is_final(b);
        for &x in &d.inputargs {
            if is_ptr(x) && fixed_param {
                fams.entry(uf.find(x.0 as usize)).or_default().bad = true;
            }
        }
        // An input variable that some link gives a constant (a null pointer, a prebuilt
        // object) or the caught exception may hold another object.
        for l in &d.exits {
            for (t, a) in g.blocks[l.target].inputargs.iter().zip(&l.args) {
                if is_ptr(*t) && !matches!(a, LinkArg::Value(Value::Var(_))) {
                    fams.entry(uf.find(t.0 as usize)).or_default().bad = true;
                }
            }
        }
        for op in &d.ops {
            if !is_ptr(op.result) {
                continue;
            }
            let fam = fams.entry(uf.find(op.result.0 as usize)).or_default();
            match (op.op, op.args.first()) {
                (LlOp::Malloc, Some(Value::Const(LlConst::Type(t)))) => {
                    if types.get(*t).items.is_some()
                        || fam.ty.is_some_and(|u| u != *t)
                        || kept.contains(t)
                    {
                        fam.bad = true;
                    }
                    fam.ty = Some(*t);
                    fam.mallocs += 1;
                }
                (LlOp::SameAs | LlOp::CastPointer, Some(Value::Var(_))) => {}
                _ => fam.bad = true,
            }
        }
    }
    // Uses.
    for &b in &blocks {
        let d = &g.blocks[b];
        let n = d.ops.len();
        for (i, op) in d.ops.iter().enumerate() {
            let caught = i + 1 == n && d.exitswitch == ExitSwitch::LastException;
            for (k, a) in op.args.iter().enumerate() {
                let Value::Var(v) = a else { continue };
                if !is_ptr(*v) {
                    continue;
                }
                let ok = k == 0
                    && !caught
                    && matches!(
                        op.op,
                        LlOp::GetField
                            | LlOp::SetField
                            | LlOp::SameAs
                            | LlOp::CastPointer
                            | LlOp::PtrIsZero
                            | LlOp::PtrNonZero
                            | LlOp::Isinstance
                    );
                let fam = fams.entry(uf.find(v.0 as usize)).or_default();
                // A field the allocated struct lacks (an access the annotator proved
                // unreachable, through another type) keeps the family.
                let missing = match (op.op, fam.ty, op.args.get(1)) {
                    (
                        LlOp::GetField | LlOp::SetField,
                        Some(t),
                        Some(Value::Const(LlConst::Field(name))),
                    ) => types.field_type(t, name).is_none(),
                    (LlOp::GetField | LlOp::SetField, _, _) => true,
                    (LlOp::Isinstance, Some(t), _) => types.field_type(t, "typeid").is_none(),
                    (LlOp::Isinstance, None, _) => true,
                    _ => false,
                };
                if !ok || missing {
                    fam.bad = true;
                }
            }
        }
        if let ExitSwitch::Value(Value::Var(v)) = &d.exitswitch {
            fams.entry(uf.find(v.0 as usize)).or_default().bad = true;
        }
    }
    // Input variables that every incoming link gives the same object are one object; a link
    // giving one object to input variables that other links keep apart makes the family bad.
    let groups = alias_groups(g, &blocks);
    for &b in &blocks {
        let slot = block_slots(g, b, &groups);
        for l in &g.blocks[b].exits {
            let tg = &groups[&l.target];
            let mut seen: Vec<(usize, usize)> = Vec::new();
            for (i, a) in l.args.iter().enumerate() {
                let LinkArg::Value(Value::Var(v)) = a else {
                    continue;
                };
                if !is_ptr(*v) {
                    continue;
                }
                let s = slot[v];
                if seen.iter().any(|&(s2, g2)| s2 == s && g2 != tg[i]) {
                    fams.entry(uf.find(v.0 as usize)).or_default().bad = true;
                }
                seen.push((s, tg[i]));
            }
        }
    }
    let good: BTreeMap<usize, TypeId> = fams
        .iter()
        .filter(|(_, fam)| !fam.bad && fam.mallocs > 0)
        .filter_map(|(r, fam)| fam.ty.map(|t| (*r, t)))
        .collect();
    if good.is_empty() {
        return false;
    }
    let mut fam_of = |v: Var| -> Option<TypeId> {
        if v.0 as usize >= uf.0.len() {
            return None;
        }
        good.get(&uf.find(v.0 as usize)).copied()
    };
    let fam_vars: Vec<Option<TypeId>> = (0..g.vars.len()).map(|i| fam_of(Var(i as u32))).collect();
    rewrite(f, types, &blocks, &fam_vars, &groups);
    true
}

/// For every block, the group of each input variable: the index of the first input variable
/// that every incoming link gives the same object (itself when none does).
fn alias_groups(g: &LlGraph, blocks: &[Block]) -> HashMap<Block, Vec<usize>> {
    let mut groups: HashMap<Block, Vec<usize>> = blocks
        .iter()
        .map(|&b| (b, (0..g.blocks[b].inputargs.len()).collect()))
        .collect();
    let incoming = crate::incoming_links(g, blocks);
    loop {
        let mut changed = false;
        for &t in blocks {
            let Some(links) = incoming.get(&t) else {
                continue;
            };
            if t == g.startblock {
                continue;
            }
            let slots: Vec<HashMap<Var, usize>> = links
                .iter()
                .map(|(src, _)| block_slots(g, *src, &groups))
                .collect();
            let n = g.blocks[t].inputargs.len();
            for j in 0..n {
                if groups[&t][j] != j {
                    continue;
                }
                for i in 0..j {
                    if groups[&t][i] != i {
                        continue;
                    }
                    let same = links.iter().zip(&slots).all(|((src, li), sl)| {
                        let args = &g.blocks[*src].exits[*li].args;
                        match (&args[i], &args[j]) {
                            (LinkArg::Value(Value::Var(a)), LinkArg::Value(Value::Var(b))) => {
                                sl.get(a).is_some() && sl.get(a) == sl.get(b)
                            }
                            _ => false,
                        }
                    });
                    if same {
                        let gt = groups.get_mut(&t).expect("every block has groups");
                        for x in gt.iter_mut() {
                            if *x == j {
                                *x = i;
                            }
                        }
                        changed = true;
                        break;
                    }
                }
            }
        }
        if !changed {
            return groups;
        }
    }
}

/// Which object each variable of a block holds, as a number: input variables by their alias
/// group, copies as their operand, every other result as itself.
fn block_slots(g: &LlGraph, b: Block, groups: &HashMap<Block, Vec<usize>>) -> HashMap<Var, usize> {
    let d = &g.blocks[b];
    let mut slot: HashMap<Var, usize> = HashMap::new();
    let gb = &groups[&b];
    for (i, &x) in d.inputargs.iter().enumerate() {
        slot.insert(x, gb[i]);
    }
    let n = d.inputargs.len();
    for (k, op) in d.ops.iter().enumerate() {
        let s = match (op.op, op.args.first()) {
            (LlOp::SameAs | LlOp::CastPointer, Some(Value::Var(a))) => {
                slot.get(a).copied().unwrap_or(n + k)
            }
            _ => n + k,
        };
        slot.insert(op.result, s);
    }
    slot
}

/// The current value of each field of the family variables of one block.
type Slots = HashMap<Var, usize>;

fn rewrite(
    f: &mut Func,
    types: &TypeTable,
    blocks: &[Block],
    fam: &[Option<TypeId>],
    groups: &HashMap<Block, Vec<usize>>,
) {
    let in_fam = |v: &Var| fam.get(v.0 as usize).copied().flatten();
    // Input variables of a family become one input variable per field.
    let mut expanded: HashMap<Var, Vec<Var>> = HashMap::new();
    // Per block, the family input variables and the one whose fields they share.
    let mut fam_inputs: HashMap<Block, Vec<(Var, Var)>> = HashMap::new();
    for &b in blocks {
        let inputs = f.graph.blocks[b].inputargs.clone();
        let mut new_inputs = Vec::new();
        for (i, &x) in inputs.iter().enumerate() {
            let rep = inputs[groups[&b][i]];
            if in_fam(&x).is_some() && rep != x {
                fam_inputs.entry(b).or_default().push((x, rep));
                continue;
            }
            if let Some(t) = in_fam(&x) {
                let hint = f.graph.vars[x].hint.clone();
                let vars: Vec<Var> = types
                    .get(t)
                    .fields
                    .iter()
                    .map(|(name, ft)| f.new_var(&format!("{hint}_{name}"), *ft))
                    .collect();
                new_inputs.extend(vars.iter().copied());
                expanded.insert(x, vars);
                fam_inputs.entry(b).or_default().push((x, x));
            } else {
                new_inputs.push(x);
            }
        }
        f.graph.blocks[b].inputargs = new_inputs;
    }
    for &b in blocks {
        let mut values: Vec<Vec<Value<LlConst>>> = Vec::new();
        let mut slots: Slots = HashMap::new();
        let mut map: HashMap<Var, Value<LlConst>> = HashMap::new();
        for &(x, rep) in fam_inputs.get(&b).map_or(&[][..], |v| v.as_slice()) {
            if x == rep {
                slots.insert(x, values.len());
                values.push(expanded[&x].iter().map(|v| Value::Var(*v)).collect());
            }
        }
        for &(x, rep) in fam_inputs.get(&b).map_or(&[][..], |v| v.as_slice()) {
            if x != rep {
                slots.insert(x, slots[&rep]);
            }
        }
        let ops = std::mem::take(&mut f.graph.blocks[b].ops);
        // A removed allocation that was the block's last operation under a `try` leaves
        // nothing that can raise: the block loses its exception exits.
        let last_removed = ops
            .last()
            .is_some_and(|op| op.op == LlOp::Malloc && in_fam(&op.result).is_some());
        let mut out = Vec::with_capacity(ops.len());
        for mut op in ops {
            op.args = op.args.iter().map(|a| subst(a, &map)).collect();
            let obj = op.args.first().and_then(|a| a.as_var());
            match op.op {
                LlOp::Malloc if in_fam(&op.result).is_some() => {
                    let t = in_fam(&op.result).expect("checked");
                    slots.insert(op.result, values.len());
                    values.push(
                        types
                            .get(t)
                            .fields
                            .iter()
                            .map(|(_, ft)| Value::Const(zero(*ft)))
                            .collect(),
                    );
                }
                LlOp::SameAs | LlOp::CastPointer if obj.is_some_and(|o| slots.contains_key(&o)) => {
                    let s = slots[&obj.expect("checked")];
                    slots.insert(op.result, s);
                }
                LlOp::GetField | LlOp::SetField if obj.is_some_and(|o| slots.contains_key(&o)) => {
                    let s = slots[&obj.expect("checked")];
                    let t = in_fam(&obj.expect("checked")).expect("a family variable");
                    let Some(Value::Const(LlConst::Field(name))) = op.args.get(1) else {
                        unreachable!("field operations name their field")
                    };
                    let k = types
                        .get(t)
                        .fields
                        .iter()
                        .position(|(n, _)| **n == **name)
                        .expect("the struct has the field");
                    if op.op == LlOp::GetField {
                        map.insert(op.result, values[s][k].clone());
                    } else {
                        values[s][k] = op.args[2].clone();
                    }
                }
                LlOp::PtrIsZero | LlOp::PtrNonZero
                    if obj.is_some_and(|o| slots.contains_key(&o)) =>
                {
                    map.insert(
                        op.result,
                        Value::Const(LlConst::Bool(op.op == LlOp::PtrNonZero)),
                    );
                }
                LlOp::Isinstance if obj.is_some_and(|o| slots.contains_key(&o)) => {
                    // The class id is the `typeid` field's current value.
                    let s = slots[&obj.expect("checked")];
                    let t = in_fam(&obj.expect("checked")).expect("a family variable");
                    let k = types
                        .get(t)
                        .fields
                        .iter()
                        .position(|(n, _)| n == "typeid")
                        .expect("instances have a typeid");
                    let tid = values[s][k].clone();
                    let (Value::Const(LlConst::Signed(lo)), Value::Const(LlConst::Signed(hi))) =
                        (&op.args[1], &op.args[2])
                    else {
                        unreachable!("isinstance takes constant bounds")
                    };
                    let (lo, hi) = (*lo, *hi);
                    if let Value::Const(LlConst::Signed(id)) = tid {
                        map.insert(op.result, Value::Const(LlConst::Bool(lo <= id && id <= hi)));
                    } else {
                        let ge = f.new_var("ge", LlType::Bool);
                        let le = f.new_var("le", LlType::Bool);
                        let mk = |o, args, result| rpy_model::Operation {
                            op: o,
                            args,
                            result,
                            span: op.span,
                        };
                        out.push(mk(
                            LlOp::IntGe,
                            vec![tid.clone(), Value::Const(LlConst::Signed(lo))],
                            ge,
                        ));
                        out.push(mk(
                            LlOp::IntLe,
                            vec![tid, Value::Const(LlConst::Signed(hi))],
                            le,
                        ));
                        out.push(mk(
                            LlOp::Select,
                            vec![
                                Value::Var(ge),
                                Value::Var(le),
                                Value::Const(LlConst::Bool(false)),
                            ],
                            op.result,
                        ));
                    }
                }
                _ => out.push(op),
            }
        }
        let data = &mut f.graph.blocks[b];
        data.ops = out;
        if let ExitSwitch::Value(v) = &data.exitswitch {
            data.exitswitch = ExitSwitch::Value(subst(v, &map));
        }
        let mut exits = std::mem::take(&mut data.exits);
        for l in &mut exits {
            let mut args = Vec::new();
            let tg = &groups[&l.target];
            for (i, a) in l.args.iter().enumerate() {
                match a {
                    // An alias of an earlier input variable of the target receives nothing.
                    LinkArg::Value(Value::Var(v)) if slots.contains_key(v) && tg[i] != i => {}
                    LinkArg::Value(Value::Var(v)) if slots.contains_key(v) => {
                        args.extend(
                            values[slots[v]]
                                .iter()
                                .map(|x| LinkArg::Value(subst(x, &map))),
                        );
                    }
                    other => args.push(rpy_model::split::subst_arg(other, &map)),
                }
            }
            l.args = args;
        }
        let data = &mut f.graph.blocks[b];
        if last_removed && data.exitswitch == ExitSwitch::LastException {
            exits.truncate(1);
            data.exitswitch = ExitSwitch::None;
        }
        data.exits = exits;
    }
}
