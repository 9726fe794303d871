//! Build script of the translator: builds the runtime static library `librpyrt.a` (crate
//! `gc/rpyrt`) so that the translator can embed it, whichever way the translator itself is built
//! (`cargo build`, `cargo build --release`, `cargo test`, `cargo build -p rpy-driver`), because
//! cargo never produces a dependency's staticlib on its own.
//!
//! Relies on the workspace layout (this crate in `translator/driver`, the runtime in `gc/rpyrt`)
//! and on the `CARGO` variable that cargo gives build scripts. It runs a nested
//! `cargo build --release -p rpyrt --lib --target <TARGET>` with its own target directory inside
//! `OUT_DIR` (sharing the outer target directory would deadlock on its lock), without the
//! runtime's `std` feature (so the library is `no_std`, see `gc/rpyrt/src/sys.rs`), with
//! `panic = "abort"`, and with `RUSTFLAGS=--print=native-static-libs` for the link flags a C
//! program needs. It emits:
//!
//! - `RPYRT_STATICLIB`: absolute path of the built `librpyrt.a`, for `include_bytes!`;
//! - `RPYRT_NATIVE_LIBS`: the system libraries to link after it (none for the `no_std` runtime
//!   on Linux, whose C compiler links libc anyway);
//! - `RPYRT_INCLUDE`: absolute path of `gc/rpyrt/include` (holding `rpyrt.h`).

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What rustc reports for the `no_std` runtime on Linux, used only if no report is found.
const DEFAULT_NATIVE_LIBS: &str = "";

/// Variables that cargo sets for this build script (or that configure the outer build) and that
/// must not leak into the nested cargo: they would change its flags, its target directory, its
/// jobserver or its idea of which package is being built.
const REMOVED_VARS: &[&str] = &[
    "CARGO_ENCODED_RUSTFLAGS",
    "CARGO_ENCODED_RUSTDOCFLAGS",
    "RUSTFLAGS",
    "CARGO_BUILD_RUSTFLAGS",
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
    "CARGO_BUILD_TARGET",
    "CARGO_MAKEFLAGS",
    "CARGO_MANIFEST_DIR",
    "CARGO_MANIFEST_PATH",
    "CARGO_MANIFEST_LINKS",
    "CARGO_PRIMARY_PACKAGE",
    "CARGO_CRATE_NAME",
    "CARGO_RUSTC_CURRENT_DIR",
    "CARGO_TARGET_TMPDIR",
    "RUSTC_WORKSPACE_WRAPPER",
    "RUSTC_LINKER",
    "OUT_DIR",
    "TARGET",
    "HOST",
    "NUM_JOBS",
    "OPT_LEVEL",
    "DEBUG",
    "PROFILE",
];
const REMOVED_PREFIXES: &[&str] = &[
    "CARGO_PKG_",
    "CARGO_CFG_",
    "CARGO_FEATURE_",
    "DEP_",
    "__CARGO",
];

fn main() {
    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let workspace = manifest_dir
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|e| panic!("cannot find the workspace root above {manifest_dir:?}: {e}"));
    let runtime = workspace.join("gc/rpyrt");
    let include = runtime.join("include");
    for watched in ["src", "include", "Cargo.toml"] {
        println!("cargo:rerun-if-changed={}", runtime.join(watched).display());
    }

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    let target_dir = out_dir.join("rpyrt-target");
    let target = env::var("TARGET").expect("TARGET");
    let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let manifest = workspace.join("Cargo.toml");

    let nested = Nested {
        cargo: &cargo,
        manifest: &manifest,
        target_dir: &target_dir,
        target: &target,
    };
    let stderr = nested.build();
    let staticlib = target_dir
        .join(&target)
        .join("release")
        .join(if target.contains("msvc") {
            "rpyrt.lib"
        } else {
            "librpyrt.a"
        });
    if !staticlib.is_file() {
        panic!("the nested cargo build succeeded but {staticlib:?} is missing");
    }
    let native_libs = native_libs(&nested, &stderr);

    println!("cargo:rustc-env=RPYRT_STATICLIB={}", staticlib.display());
    println!("cargo:rustc-env=RPYRT_NATIVE_LIBS={native_libs}");
    println!("cargo:rustc-env=RPYRT_INCLUDE={}", include.display());
}

/// The nested cargo invocation that builds the runtime.
struct Nested<'a> {
    cargo: &'a OsString,
    manifest: &'a Path,
    target_dir: &'a Path,
    target: &'a str,
}

impl Nested<'_> {
    fn command(&self, subcommand: &str) -> Command {
        let mut cmd = Command::new(self.cargo);
        cmd.arg(subcommand)
            .arg("--manifest-path")
            .arg(self.manifest)
            .arg("--target-dir")
            .arg(self.target_dir)
            .args(["--release", "-p", "rpyrt", "--target", self.target]);
        for (key, _) in env::vars_os() {
            let Some(key) = key.to_str() else { continue };
            if REMOVED_VARS.contains(&key) || REMOVED_PREFIXES.iter().any(|p| key.starts_with(p)) {
                cmd.env_remove(key);
            }
        }
        // Plain text, so that the link-flags note can be parsed even if the user asks for colour.
        cmd.env("CARGO_TERM_COLOR", "never");
        cmd
    }

    /// Builds the library and returns cargo's stderr; fails the build script if cargo fails.
    fn build(&self) -> String {
        let mut cmd = self.command("build");
        cmd.args([
            "--lib",
            "--no-default-features",
            "--config",
            "profile.release.panic=\"abort\"",
        ])
        .env("RUSTFLAGS", "--print=native-static-libs");
        let output = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot run {:?} to build the runtime: {e}", self.cargo));
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        if !output.status.success() {
            for line in stderr.lines() {
                println!("cargo:warning={line}");
            }
            let args: Vec<_> = cmd.get_args().map(|a| a.to_string_lossy()).collect();
            panic!(
                "building the runtime library gc/rpyrt failed ({}): `{} {}`; its output is in the \
                 warnings above",
                output.status,
                self.cargo.to_string_lossy(),
                args.join(" ")
            );
        }
        stderr
    }

    /// Removes the built runtime so that the next build compiles it again.
    fn clean(&self) -> bool {
        let mut cmd = self.command("clean");
        cmd.output().map(|o| o.status.success()).unwrap_or(false)
    }
}

/// The `native-static-libs` note of rustc in cargo's output, if present.
fn parse_note(stderr: &str) -> Option<String> {
    stderr.lines().find_map(|line| {
        let (_, libs) = line.split_once("native-static-libs:")?;
        Some(libs.trim().to_string())
    })
}

/// The link flags for the runtime. rustc prints them only when it compiles the library, and
/// cargo replays that note when the library is already up to date (it caches compiler
/// messages), so the note is normally there. Each note found is also saved next to the library;
/// should a cargo not replay it, the saved copy is used, and if there is none either, the runtime
/// is cleaned and built once more, which makes rustc print the note again. Only if all of that
/// fails is the usual Linux list assumed.
fn native_libs(nested: &Nested, stderr: &str) -> String {
    let saved = nested.target_dir.join("rpyrt-native-static-libs.txt");
    if let Some(libs) = parse_note(stderr) {
        let _ = fs::write(&saved, &libs);
        return libs;
    }
    if let Ok(libs) = fs::read_to_string(&saved) {
        return libs.trim().to_string();
    }
    if nested.clean() {
        if let Some(libs) = parse_note(&nested.build()) {
            let _ = fs::write(&saved, &libs);
            return libs;
        }
    }
    println!(
        "cargo:warning=rustc did not report the runtime's native libraries; assuming \
         `{DEFAULT_NATIVE_LIBS}`"
    );
    DEFAULT_NATIVE_LIBS.to_string()
}
