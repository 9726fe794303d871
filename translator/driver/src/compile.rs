//! The compile stage: writes the generated C and the runtime library into a build directory,
//! compiles with the system C compiler found by the `cc` crate (which honours `CC` and
//! `CFLAGS`), and links the executable (with `-lgc` for Boehm's collector; a missing libgc is
//! reported as such, not as a compiler or linker dump). A `Makefile` doing the same is written
//! alongside, so the build can be rerun or distributed by hand.

use rpy_genc::CProgram;
use std::path::Path;

/// The runtime library, embedded by the build script.
const RPYRT_LIB: &[u8] = include_bytes!(env!("RPYRT_STATICLIB"));
const NATIVE_LIBS: &str = env!("RPYRT_NATIVE_LIBS");

/// What a user without Boehm's collector installed is told when `--gc=boehm` cannot compile or
/// link.
const BOEHM_MISSING: &str = "error: --gc=boehm needs Boehm's garbage collector (libgc) and its \
header <gc/gc.h>, which the C compiler cannot find: install it (Debian and Ubuntu: \
`apt-get install libgc-dev`; Fedora: `dnf install gc-devel`; macOS: `brew install bdw-gc`), or \
choose another collector with --gc=generational";

/// Whether the C compiler's or the linker's messages say that libgc is missing.
fn libgc_missing(messages: &str) -> bool {
    messages.lines().any(|l| {
        (l.contains("gc/gc.h") && (l.contains("No such file") || l.contains("not found")))
            || (l.contains("-lgc") && (l.contains("cannot find") || l.contains("not found")))
    })
}

/// How the C compiler is asked to build: the optimisation level, Boehm's collector (`-lgc`),
/// and link-time optimisation (`-flto`).
#[derive(Clone, Copy, Debug)]
pub struct CcOptions {
    pub opt: u32,
    pub boehm: bool,
    pub lto: bool,
}

/// Writes the sources, compiles and links `output`.
pub fn compile(c: &CProgram, dir: &Path, output: &Path, cc: CcOptions) -> Result<(), String> {
    let CcOptions { opt, boehm, lto } = cc;
    let gc_lib = if boehm { " -lgc" } else { "" };
    for (name, text) in &c.files {
        std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    let lib = dir.join("librpyrt.a");
    std::fs::write(&lib, RPYRT_LIB)
        .map_err(|e| format!("cannot write the runtime library: {e}"))?;
    let c_files: Vec<&str> = c
        .files
        .iter()
        .filter(|f| f.0.ends_with(".c"))
        .map(|f| f.0.as_str())
        .collect();
    // Levels 2 and up compile the C at -O3, as RPython always does (it gains about a tenth on
    // allocation-heavy code such as gcbench over -O2).
    let copt = match opt {
        0 => "0",
        1 => "1",
        _ => "3",
    };
    let makefile = format!(
        "# Rebuilds the executable from the generated C.\nCC ?= cc\nCFLAGS ?= -O{copt}{lto_flag}\nprogram: {srcs}\n\t$(CC) $(CFLAGS) -fwrapv -fno-strict-aliasing -funswitch-loops -I. {srcs} librpyrt.a{gc_lib} {NATIVE_LIBS} -static-libgcc -Wl,--gc-sections -lm -o program\n",
        srcs = c_files.join(" "),
        lto_flag = if lto { " -flto" } else { "" }
    );
    let _ = std::fs::write(dir.join("Makefile"), makefile);
    let target = format!("{}-unknown-linux-gnu", std::env::consts::ARCH);
    let mut build = cc::Build::new();
    build
        .target(&target)
        .host(&target)
        .opt_level_str(copt)
        .out_dir(dir)
        .cargo_metadata(false)
        .cargo_warnings(false)
        .emit_rerun_if_env_changed(false)
        .debug(false)
        // The cc crate's default (-fPIC, code for a shared library) makes the executable reach
        // its globals through the GOT and costs about 8% on gcbench; the compiler's own default
        // (position-independent executable code) does not.
        .pic(false)
        .warnings(false)
        .include(dir)
        .flag("-fwrapv")
        .flag("-fno-strict-aliasing")
        // Loops over a string test its width (one byte or four per character) once, outside
        // the loop, instead of at every index (C compilers that lack the flag ignore it).
        .flag("-funswitch-loops")
        .flag_if_supported("-Wno-unused-label")
        .flag_if_supported("-Wno-unused-but-set-variable");
    if lto {
        // The flag stays in the compiler command that links, so the link optimises too.
        build.flag("-flto");
    }
    for f in &c_files {
        build.file(dir.join(f));
    }
    let objects = build.try_compile_intermediates().map_err(|e| {
        // The cc crate keeps the compiler's messages to itself: run the command again to show
        // them (this only happens when the translator emitted C that does not compile, a bug).
        let mut msg = format!("internal error: the C compiler failed: {e}");
        if let Ok(tool) = build.try_get_compiler() {
            let mut cmd = tool.to_command();
            cmd.arg("-fsyntax-only")
                .args(c_files.iter().map(|f| dir.join(f)));
            if let Ok(out) = cmd.output() {
                let text = String::from_utf8_lossy(&out.stderr);
                if boehm && libgc_missing(&text) {
                    return BOEHM_MISSING.to_string();
                }
                let lines: Vec<&str> = text
                    .lines()
                    .filter(|l| l.contains("error"))
                    .take(20)
                    .collect();
                msg.push('\n');
                msg.push_str(&lines.join("\n"));
            }
        }
        msg
    })?;
    let mut cmd = build
        .try_get_compiler()
        .map_err(|e| format!("no C compiler: {e}"))?
        .to_command();
    cmd.args(&objects).arg(&lib);
    if boehm {
        cmd.arg("-lgc");
    }
    cmd.args(NATIVE_LIBS.split_whitespace());
    // The runtime (`no_std`) refers to the unwinder only from landing pads of the precompiled
    // `core` and `alloc`, which never run since it aborts on panic: the few functions needed come
    // from the static libgcc, which saves loading libgcc_s (about 0.1 MiB resident).
    cmd.arg("-static-libgcc");
    // Dropping unreferenced sections (of the runtime, of `core` and `alloc`) keeps the
    // executable, and what it maps at start, small.
    cmd.arg("-Wl,--gc-sections");
    cmd.arg("-lm").arg("-o").arg(output);
    let res = cmd
        .output()
        .map_err(|e| format!("cannot run the linker: {e}"))?;
    if !res.status.success() {
        let text = String::from_utf8_lossy(&res.stderr);
        if boehm && libgc_missing(&text) {
            return Err(BOEHM_MISSING.to_string());
        }
        return Err(format!("linking failed:\n{text}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::libgc_missing;

    #[test]
    fn a_missing_libgc_is_recognised_in_compiler_and_linker_messages() {
        assert!(libgc_missing(
            "rpy_boehm.h:20:10: fatal error: gc/gc.h: No such file or directory"
        ));
        assert!(libgc_missing(
            "/usr/bin/ld: cannot find -lgc: No such file or directory\ncollect2: error: ld returned 1 exit status"
        ));
        assert!(libgc_missing(
            "rpy_boehm.h:20:10: fatal error: 'gc/gc.h' file not found"
        ));
        assert!(!libgc_missing("/usr/bin/ld: cannot find -lm"));
        assert!(!libgc_missing(
            "program.c:12:1: error: expected ';' before '}' token"
        ));
    }
}
