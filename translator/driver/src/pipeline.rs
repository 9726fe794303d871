//! The pipeline: one function per stage, called in order by `translate`, each timed. Stage
//! results are new values (a snapshot, annotated graphs, a low-level program, C files); no stage
//! rewrites an earlier stage's result in place except `lower`, which owns the low-level program
//! from then on.

use crate::{compile, load};
use rpy_annotator::{Annotator, GraphSource};
use rpy_flow::FlowContext;
use rpy_genc::GencOptions;
use rpy_model::flowop::FlowGraph;
use rpy_model::llop::{FuncId, LlFunction, LlProgram};
use rpy_model::snapshot::{ObjId, PyValue};
use rpy_model::verify::verify;
use rpy_model::Span;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to translate and how.
#[derive(Clone, Debug)]
pub struct Options {
    pub target: PathBuf,
    /// Arguments passed to `target()`.
    pub target_args: Vec<String>,
    /// The executable to write; `None` to stop after generating C.
    pub output: Option<PathBuf>,
    pub opt: u32,
    /// Link-time optimisation by the C compiler (`-flto`).
    pub lto: bool,
    /// The backend optimisations; `None` for those of `opt`.
    pub backendopt: Option<rpy_backendopt::Config>,
    /// Collect at every allocation in the translated program.
    pub gc_stress: bool,
    /// The garbage collector.
    pub gc: Gc,
    /// Write every stage's text form here.
    pub dump: Option<PathBuf>,
    /// Keep the C build directory here.
    pub keep: Option<PathBuf>,
    /// Run the verifier after every stage.
    pub verify: bool,
    /// Called at the start of each stage with its name.
    pub progress: Option<fn(&str)>,
}

impl Options {
    pub fn new(target: impl Into<PathBuf>) -> Self {
        Options {
            target: target.into(),
            target_args: vec![],
            output: None,
            opt: 2,
            lto: false,
            backendopt: None,
            gc_stress: false,
            gc: Gc::Generational,
            dump: None,
            keep: None,
            verify: false,
            progress: None,
        }
    }
}

/// The garbage collectors a translated program can use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gc {
    /// The default: a bump-pointer nursery and a non-moving old generation (`incminimark`).
    Generational,
    /// A copying collector over two semispaces.
    Semispace,
    /// Boehm's conservative collector from the system's libgc, chosen when the C is compiled.
    Boehm,
}

impl Gc {
    /// The collector named on the command line (`incminimark` is an alias of generational).
    pub fn from_name(name: &str) -> Option<Gc> {
        match name {
            "generational" | "incminimark" => Some(Gc::Generational),
            "semispace" => Some(Gc::Semispace),
            "boehm" => Some(Gc::Boehm),
            _ => None,
        }
    }
}

/// The time one stage took.
#[derive(Clone, Debug)]
pub struct StageTime {
    pub stage: &'static str,
    pub time: Duration,
}

/// What a successful translation produced.
#[derive(Debug)]
pub struct Outcome {
    pub times: Vec<StageTime>,
    pub c_lines: usize,
    pub functions: usize,
    pub exe_name: Option<String>,
}

/// Why a translation failed: the rendered message.
#[derive(Debug)]
pub struct TranslateError {
    pub message: String,
    pub times: Vec<StageTime>,
}

struct Source<'c, 's> {
    cx: &'c mut FlowContext<'s>,
    verify: bool,
}

impl GraphSource for Source<'_, '_> {
    fn build(&mut self, func: ObjId) -> Option<FlowGraph> {
        let g = self.cx.build_graph(func)?;
        if self.verify {
            if let Err(e) = verify(&g) {
                panic!(
                    "flow graph of {} fails verification: {e:?}\n{}",
                    g.name,
                    g.to_text(&|_| None)
                );
            }
        }
        Some(g)
    }
    fn span_of(&mut self, func: ObjId) -> Option<Span> {
        self.cx.function_span(func)
    }
    fn params(&mut self, func: ObjId) -> Option<Vec<String>> {
        self.cx.function_params(func)
    }
}

fn dump_file(dir: &Option<PathBuf>, stage: &str, name: &str, text: &str) {
    if let Some(d) = dir {
        let sub = d.join(stage);
        let _ = std::fs::create_dir_all(&sub);
        let file: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let _ = std::fs::write(sub.join(format!("{file}.txt")), text);
    }
}

fn dump_program(dir: &Option<PathBuf>, stage: &str, p: &LlProgram) {
    if dir.is_none() {
        return;
    }
    dump_file(dir, stage, "types", &p.types.to_text());
    for (i, f) in p.functions.iter().enumerate() {
        if let LlFunction::Graph { graph, .. } = f {
            dump_file(dir, stage, &graph.name, &p.function_text(FuncId(i as u32)));
        }
    }
}

fn verify_program(p: &LlProgram, stage: &str) {
    for f in &p.functions {
        if let LlFunction::Graph { graph, types, .. } = f {
            if let Err(e) = verify(graph) {
                panic!("{stage}: graph {} fails verification: {e:?}", graph.name);
            }
            assert!(
                types.len() >= graph.vars.len(),
                "{stage}: graph {} has variables without a type",
                graph.name
            );
        }
    }
}

/// Translates a target: every stage from load to compile.
pub fn translate(opts: &Options) -> Result<Outcome, TranslateError> {
    let mut times = Vec::new();
    let mut clock = Instant::now();
    let stage = |name: &'static str, times: &mut Vec<StageTime>, clock: &mut Instant| {
        times.push(StageTime {
            stage: name,
            time: clock.elapsed(),
        });
        *clock = Instant::now();
    };
    let fail = |message: String, times: &Vec<StageTime>| TranslateError {
        message,
        times: times.clone(),
    };
    let progress = |name: &str| {
        if let Some(p) = opts.progress {
            p(name)
        }
    };
    let workdir = tempfile::Builder::new()
        .prefix("rpython-")
        .tempdir()
        .map_err(|e| fail(format!("cannot create a build directory: {e}"), &times))?;
    let build_dir: PathBuf = match &opts.keep {
        Some(d) => {
            std::fs::create_dir_all(d)
                .map_err(|e| fail(format!("cannot create {}: {e}", d.display()), &times))?;
            d.clone()
        }
        None => workdir.path().to_path_buf(),
    };

    progress("load");
    let target = std::fs::canonicalize(&opts.target).map_err(|e| {
        fail(
            format!("cannot open {}: {e}", opts.target.display()),
            &times,
        )
    })?;
    let snapshot =
        load::load(&target, &opts.target_args, workdir.path()).map_err(|m| fail(m, &times))?;
    stage("load", &mut times, &mut clock);

    progress("annotate");
    let PyValue::Ref(entry) = snapshot.entry else {
        return Err(fail("the entry point is not a function".into(), &times));
    };
    let mut cx = FlowContext::new(&snapshot);
    let mut an = Annotator::new(&snapshot);
    let entry_gid = {
        let mut src = Source {
            cx: &mut cx,
            verify: opts.verify,
        };
        an.run(&mut src, entry)
    };
    let mut diags = std::mem::take(&mut cx.diags);
    diags.errors.extend(std::mem::take(&mut an.diags).errors);
    if !diags.is_empty() || entry_gid.is_none() {
        let n = diags.errors.len();
        let mut msg = diags.render(&cx.sources);
        msg.push_str(&format!(
            "error: translation failed with {n} error{}",
            if n == 1 { "" } else { "s" }
        ));
        return Err(fail(msg, &times));
    }
    if opts.dump.is_some() {
        for i in 0..an.graphs.len() {
            let name = an.graphs[i].graph.name.clone();
            dump_file(
                &opts.dump,
                "flow",
                &name,
                &an.graphs[i].graph.to_text(&|_| None),
            );
            let text = an.graph_text(rpy_annotator::GraphId(i as u32));
            dump_file(&opts.dump, "annotated", &name, &text);
        }
    }
    stage("flow+annotate", &mut times, &mut clock);

    progress("rtype");
    let mut program = match rpy_rtyper::rtype_program(&mut an, entry_gid.expect("entry")) {
        Ok(p) => p,
        Err(d) => {
            let n = d.errors.len();
            let mut msg = d.render(&cx.sources);
            msg.push_str(&format!(
                "error: translation failed with {n} error{}",
                if n == 1 { "" } else { "s" }
            ));
            return Err(fail(msg, &times));
        }
    };
    if opts.verify {
        verify_program(&program, "rtype");
    }
    dump_program(&opts.dump, "lowlevel", &program);
    stage("rtype", &mut times, &mut clock);

    progress("backendopt");
    let bo = opts
        .backendopt
        .clone()
        .unwrap_or_else(|| rpy_backendopt::Config::for_level(opts.opt));
    rpy_backendopt::optimize(&mut program, &bo);
    if opts.verify {
        verify_program(&program, "backendopt");
    }
    dump_program(&opts.dump, "optimized", &program);
    stage("backendopt", &mut times, &mut clock);

    progress("lower");
    let roots = match opts.gc {
        Gc::Boehm => rpy_lower::GcRoots::Conservative,
        Gc::Generational | Gc::Semispace => rpy_lower::GcRoots::ShadowStack,
    };
    rpy_lower::lower_program(&mut program, roots);
    let light_errors = rpy_lower::light::check(&program);
    if !light_errors.is_empty() {
        let n = light_errors.len();
        let mut msg = rpy_model::Diagnostics {
            errors: light_errors,
        }
        .render(&cx.sources);
        msg.push_str(&format!(
            "error: translation failed with {n} error{}",
            if n == 1 { "" } else { "s" }
        ));
        return Err(fail(msg, &times));
    }
    if opts.verify {
        verify_program(&program, "lower");
    }
    dump_program(&opts.dump, "lowered", &program);
    stage("lower", &mut times, &mut clock);

    progress("genc");
    let gc_kind = match opts.gc {
        Gc::Semispace => 0,
        Gc::Generational | Gc::Boehm => 1,
    };
    let genc_opts = GencOptions {
        gc_stress: opts.gc_stress,
        gc_kind,
        boehm: opts.gc == Gc::Boehm,
        line_directives: true,
    };
    let c = rpy_genc::generate(&program, &cx.sources, &genc_opts);
    if let Some(d) = &opts.dump {
        let sub = d.join("c");
        let _ = std::fs::create_dir_all(&sub);
        for (name, text) in &c.files {
            let _ = std::fs::write(sub.join(name), text);
        }
    }
    let c_lines = c.lines();
    stage("genc", &mut times, &mut clock);

    if let Some(output) = &opts.output {
        progress("compile");
        let cc = compile::CcOptions {
            opt: opts.opt,
            boehm: opts.gc == Gc::Boehm,
            lto: opts.lto,
        };
        compile::compile(&c, &build_dir, output, cc).map_err(|m| fail(m, &times))?;
        stage("compile", &mut times, &mut clock);
    }
    let functions = program
        .functions
        .iter()
        .filter(|f| matches!(f, LlFunction::Graph { .. }))
        .count();
    Ok(Outcome {
        times,
        c_lines,
        functions,
        exe_name: None,
    })
}

/// The default executable name for a target: `./<target>-c`.
pub fn default_output(target: &Path) -> PathBuf {
    let stem = target
        .file_stem()
        .map_or("target".into(), |s| s.to_string_lossy().to_string());
    PathBuf::from(format!("./{stem}-c"))
}
