//! What the runtime needs from the operating system, straight from libc: environment variables,
//! writing to stderr and to the `PYPYLOG` file, reading small files, a monotonic clock and
//! aborting. The crate is `no_std`
//! so that a translated program does not carry Rust's standard library (its panic machinery alone
//! brings a symbolising backtrace printer, about 180 KB of code that a translated program would
//! map at start-up and never run); in the static library these functions, the panic handler and
//! the global allocator below are all it uses of the system.
//!
//! Relies on libc (POSIX `getenv`, `write`, `open`, `read`, `close`, `clock_gettime`, `abort`,
//! `malloc` and friends), which every C program links, and on the C callers being
//! single-threaded (`getenv` results are copied before anything could change the environment).

use crate::prelude::*;
use core::ffi::{c_char, c_int, c_long, c_void, CStr};

extern "C" {
    fn getenv(name: *const c_char) -> *const c_char;
    fn write(fd: c_int, buf: *const c_void, count: usize) -> isize;
    fn open(path: *const c_char, flags: c_int, ...) -> c_int;
    fn read(fd: c_int, buf: *mut c_void, count: usize) -> isize;
    fn close(fd: c_int) -> c_int;
    fn clock_gettime(clock: c_int, tp: *mut Timespec) -> c_int;
    fn abort() -> !;
}

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: c_long,
}

const O_RDONLY: c_int = 0;
const O_WRONLY: c_int = 1;
const O_CREAT: c_int = 0o100;
const O_TRUNC: c_int = 0o1000;
const O_CLOEXEC: c_int = 0o2000000;
const CLOCK_MONOTONIC: c_int = 1;

/// The value of the environment variable `name`, as bytes; `None` if it is not set.
pub fn env_bytes(name: &str) -> Option<Vec<u8>> {
    let name = c_string(name.as_bytes())?;
    // SAFETY: `name` is NUL-terminated; the result, if not NULL, is a NUL-terminated string that
    // is copied before anything else runs.
    unsafe {
        let value = getenv(name.as_ptr() as *const c_char);
        (!value.is_null()).then(|| CStr::from_ptr(value).to_bytes().to_vec())
    }
}

/// Writes all of `bytes` to stderr, ignoring errors (a closed stderr loses the text).
pub fn write_stderr(bytes: &[u8]) {
    write_fd(2, bytes);
}

/// Where the collection log and summary go: stderr, or the file `PYPYLOG` names.
static mut LOG_FD: c_int = 2;

/// Sends the log to the file at `path` (created or truncated); false if it cannot be opened, and
/// the log then stays on stderr.
pub fn log_to_file(path: &str) -> bool {
    let Some(path) = c_string(path.as_bytes()) else {
        return false;
    };
    // SAFETY: a NUL-terminated path; the runtime is single-threaded, so nothing reads `LOG_FD`
    // meanwhile.
    unsafe {
        let fd = open(
            path.as_ptr() as *const c_char,
            O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
            0o666 as c_int,
        );
        if fd < 0 {
            return false;
        }
        LOG_FD = fd;
    }
    true
}

/// The descriptor the log goes to.
pub fn log_fd() -> c_int {
    // SAFETY: a plain read; the runtime is single-threaded.
    unsafe { LOG_FD }
}

/// The collection log as a `core::fmt::Write` target; errors are ignored.
pub struct Log;

impl core::fmt::Write for Log {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        write_fd(log_fd(), s.as_bytes());
        Ok(())
    }
}

/// Writes all of `bytes` to `fd`, ignoring errors.
fn write_fd(fd: c_int, bytes: &[u8]) {
    let mut rest = bytes;
    while !rest.is_empty() {
        // SAFETY: the buffer is valid for its length.
        let n = unsafe { write(fd, rest.as_ptr() as *const c_void, rest.len()) };
        if n <= 0 {
            // Interrupted writes are retried; anything else gives up.
            if n < 0 && last_error_is_eintr() {
                continue;
            }
            return;
        }
        rest = &rest[n as usize..];
    }
}

/// stderr as a `core::fmt::Write` target, for `write!`/`writeln!`; errors are ignored.
pub struct Stderr;

impl core::fmt::Write for Stderr {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        write_stderr(s.as_bytes());
        Ok(())
    }
}

/// The whole contents of the file at `path` (a small file such as those of `/sys`); `None` if it
/// cannot be opened or read.
pub fn read_file(path: &str) -> Option<Vec<u8>> {
    let path = c_string(path.as_bytes())?;
    // SAFETY: a NUL-terminated path; the descriptor is closed on every path out.
    unsafe {
        let fd = open(path.as_ptr() as *const c_char, O_RDONLY | O_CLOEXEC);
        if fd < 0 {
            return None;
        }
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        let ok = loop {
            let n = read(fd, buf.as_mut_ptr() as *mut c_void, buf.len());
            if n == 0 {
                break true;
            }
            if n < 0 {
                if last_error_is_eintr() {
                    continue;
                }
                break false;
            }
            out.extend_from_slice(&buf[..n as usize]);
        };
        close(fd);
        ok.then_some(out)
    }
}

/// Seconds on a monotonic clock, for pause times.
pub fn monotonic_seconds() -> f64 {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-parameter.
    unsafe { clock_gettime(CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Ends the process at once, as C's `abort`.
pub fn abort_process() -> ! {
    // SAFETY: always allowed.
    unsafe { abort() }
}

fn c_string(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.contains(&0) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + 1);
    out.extend_from_slice(bytes);
    out.push(0);
    Some(out)
}

fn last_error_is_eintr() -> bool {
    extern "C" {
        fn __errno_location() -> *mut c_int;
    }
    const EINTR: c_int = 4;
    // SAFETY: glibc's and musl's thread-local errno.
    unsafe { *__errno_location() == EINTR }
}

/// In the static library (built without the `std` feature), a panic is a broken invariant of the
/// runtime: its message goes to stderr and the process aborts, as [`crate::fatal`] does.
#[cfg(not(any(test, feature = "std")))]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    use core::fmt::Write;
    let _ = writeln!(Stderr, "rpyrt: fatal error: {info}");
    abort_process()
}

/// The precompiled `core` and `alloc` refer to Rust's unwinding personality routine from their
/// unwind tables; the static library aborts on panic, so no frame is ever unwound and the routine
/// only has to exist.
#[cfg(not(any(test, feature = "std")))]
#[no_mangle]
extern "C" fn rust_eh_personality() {}

/// In the static library, Rust's heap is libc's `malloc`, like the generated C's raw memory.
#[cfg(not(any(test, feature = "std")))]
mod heap {
    use core::alloc::{GlobalAlloc, Layout};
    use core::ffi::c_void;

    extern "C" {
        fn malloc(size: usize) -> *mut c_void;
        fn calloc(n: usize, size: usize) -> *mut c_void;
        fn realloc(p: *mut c_void, size: usize) -> *mut c_void;
        fn free(p: *mut c_void);
        fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> i32;
    }

    /// What `malloc` aligns to on the 64-bit targets.
    const MALLOC_ALIGN: usize = 16;

    struct Malloc;

    unsafe impl GlobalAlloc for Malloc {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if layout.align() <= MALLOC_ALIGN {
                malloc(layout.size()) as *mut u8
            } else {
                let mut p = core::ptr::null_mut();
                if posix_memalign(&mut p, layout.align(), layout.size()) != 0 {
                    return core::ptr::null_mut();
                }
                p as *mut u8
            }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            if layout.align() <= MALLOC_ALIGN {
                calloc(1, layout.size()) as *mut u8
            } else {
                let p = self.alloc(layout);
                if !p.is_null() {
                    core::ptr::write_bytes(p, 0, layout.size());
                }
                p
            }
        }

        unsafe fn dealloc(&self, p: *mut u8, _layout: Layout) {
            free(p as *mut c_void)
        }

        unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if layout.align() <= MALLOC_ALIGN {
                realloc(p as *mut c_void, new_size) as *mut u8
            } else {
                let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
                if !new.is_null() {
                    core::ptr::copy_nonoverlapping(p, new, layout.size().min(new_size));
                    free(p as *mut c_void);
                }
                new
            }
        }
    }

    #[global_allocator]
    static GLOBAL: Malloc = Malloc;
}
