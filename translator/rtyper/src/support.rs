//! The table of support functions: C functions of the runtime support header (`rpy_support.h`,
//! written by genc) that low-level graphs call with `direct_call`. Each row declares the C name,
//! the low-level argument and result types and the effects (can it raise, can it collect), which
//! the exception transform, the GC transform and later the JIT read.

use rpy_model::lltype::LlType;

/// A support function's signature and effects. `Ptr` types are given by name (`STR`, `BYTES`)
/// and resolved by the rtyper.
pub struct SupportFn {
    pub cname: &'static str,
    pub args: &'static [Ty],
    pub ret: Ty,
    pub canraise: bool,
    pub cancollect: bool,
}

/// A type in the support table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Void,
    Bool,
    Signed,
    Float,
    Char,
    Str,
    Bytes,
    /// A list of `str` / a list of `int`.
    StrList,
    IntList,
}

macro_rules! support {
    ($($cname:literal ($($a:ident),*) -> $r:ident $(, $flag:ident)*;)*) => {
        /// Every support function.
        pub const SUPPORT: &[SupportFn] = &[$(SupportFn {
            cname: $cname,
            args: &[$(Ty::$a),*],
            ret: Ty::$r,
            canraise: support!(@has raise $($flag)*),
            cancollect: support!(@has collect $($flag)*),
        },)*];
    };
    (@has $want:ident) => { false };
    (@has raise raise $($rest:ident)*) => { true };
    (@has collect collect $($rest:ident)*) => { true };
    (@has $want:ident $other:ident $($rest:ident)*) => { support!(@has $want $($rest)*) };
}

support! {
    "rpy_check_index"(Signed, Signed) -> Signed, raise;
    "rpy_rgc_collect"(Signed) -> Void, collect;
    "rpy_rgc_set_enabled"(Bool) -> Void;
    "rpy_rgc_isenabled"() -> Bool;
    "rpy_rgc_add_memory_pressure"(Signed) -> Void;
    "rpy_check_range_step"(Signed) -> Void, raise;
    "rpy_ll_assert"(Bool, Str) -> Void, raise;
    "rpy_str_hash"(Str) -> Signed;
    "rpy_os_open"(Str, Signed, Signed) -> Signed, raise, collect;
    "rpy_os_read"(Signed, Signed) -> Bytes, raise, collect;
    "rpy_os_close"(Signed) -> Void, raise, collect;
    "rpy_bytes_decode"(Bytes, Str) -> Str, raise, collect;
    "rpy_str_join"(Str, StrList) -> Str, raise, collect;
    "rpy_bytes_from_ints"(IntList) -> Bytes, raise, collect;
    "rpy_str_concat"(Str, Str) -> Str, raise, collect;
    "rpy_str_from_char"(Char) -> Str, raise, collect;
    "rpy_str_eq"(Str, Str) -> Bool;
    "rpy_str_cmp"(Str, Str) -> Signed;
    "rpy_str_slice"(Str, Signed, Signed) -> Str, raise, collect;
    "rpy_str_contains"(Str, Str) -> Bool;
    "rpy_str_contains_char"(Str, Char) -> Bool;
    "rpy_str_is"(Str, Signed) -> Bool;
    "rpy_char_is"(Char, Signed) -> Bool;
    "rpy_str_case"(Str, Signed) -> Str, raise, collect;
    "rpy_str_mul"(Str, Signed) -> Str, raise, collect;
    "rpy_str_of_int"(Signed) -> Str, raise, collect;
    "rpy_str_of_float"(Float) -> Str, raise, collect;
    "rpy_str_of_bool"(Bool) -> Str;
    "rpy_str_of_uint"(Signed) -> Str, raise, collect;
    "rpy_math_sqrt"(Float) -> Float, raise;
    "rpy_math_exp"(Float) -> Float, raise;
    "rpy_math_log"(Float) -> Float, raise;
    "rpy_math_log10"(Float) -> Float, raise;
    "rpy_math_log2"(Float) -> Float, raise;
    "rpy_math_sin"(Float) -> Float, raise;
    "rpy_math_cos"(Float) -> Float, raise;
    "rpy_math_tan"(Float) -> Float, raise;
    "rpy_math_asin"(Float) -> Float, raise;
    "rpy_math_acos"(Float) -> Float, raise;
    "rpy_math_atan"(Float) -> Float, raise;
    "rpy_math_sinh"(Float) -> Float, raise;
    "rpy_math_cosh"(Float) -> Float, raise;
    "rpy_math_tanh"(Float) -> Float, raise;
    "rpy_math_asinh"(Float) -> Float, raise;
    "rpy_math_acosh"(Float) -> Float, raise;
    "rpy_math_atanh"(Float) -> Float, raise;
    "rpy_math_fabs"(Float) -> Float, raise;
    "rpy_math_expm1"(Float) -> Float, raise;
    "rpy_math_log1p"(Float) -> Float, raise;
    "rpy_math_erf"(Float) -> Float, raise;
    "rpy_math_erfc"(Float) -> Float, raise;
    "rpy_math_gamma"(Float) -> Float, raise;
    "rpy_math_lgamma"(Float) -> Float, raise;
    "rpy_math_atan2"(Float, Float) -> Float, raise;
    "rpy_math_pow"(Float, Float) -> Float, raise;
    "rpy_math_fmod"(Float, Float) -> Float, raise;
    "rpy_math_hypot"(Float, Float) -> Float, raise;
    "rpy_math_copysign"(Float, Float) -> Float, raise;
    "rpy_math_ldexp"(Float, Signed) -> Float, raise;
    "rpy_math_floor"(Float) -> Signed, raise;
    "rpy_math_ceil"(Float) -> Signed, raise;
    "rpy_math_trunc"(Float) -> Signed, raise;
    "rpy_math_isnan"(Float) -> Bool;
    "rpy_math_isinf"(Float) -> Bool;
    "rpy_math_isfinite"(Float) -> Bool;
    "rpy_float2longlong"(Float) -> Signed;
    "rpy_str_ord"(Str) -> Signed, raise;
    "rpy_longlong2float"(Signed) -> Float;
    "rpy_float_of_str"(Str) -> Float, raise;
    "rpy_debug_start"(Str) -> Void;
    "rpy_debug_stop"(Str) -> Void;
    "rpy_debug_write"(Str) -> Void;
    "rpy_debug_flush"() -> Void;
    "rpy_have_debug_prints"() -> Bool;
    "rpy_have_debug_prints_for"(Str) -> Bool;
    "rpy_debug_offset"() -> Signed;
    "rpy_fatalerror"(Str) -> Void;
    "rpy_fatalerror_notb"(Str) -> Void;
    "rpy_os_lseek"(Signed, Signed, Signed) -> Signed, raise, collect;
    "rpy_os_ftruncate"(Signed, Signed) -> Void, raise, collect;
    "rpy_os_unlink"(Str) -> Void, raise, collect;
    "rpy_os_rmdir"(Str) -> Void, raise, collect;
    "rpy_os_path_kind"(Str, Signed) -> Bool;
    "rpy_os_isatty"(Signed) -> Bool;
    "rpy_os_getpid"() -> Signed;
    "rpy_os_getenv"(Str) -> Str, raise, collect;
    "rpy_time_now"(Signed) -> Float;
    "rpy_time_sleep"(Float) -> Void;
    "rpy_sys_write"(Signed, Str) -> Signed, raise;
    "rpy_flush_stdout"() -> Void;
    "rpy_stdin_read"(Signed) -> Str, raise, collect;
    "rpy_sys_exit"(Signed) -> Void;
    "rpy_formatd"(Float, Str, Signed, Signed) -> Str, raise, collect;
    "rpy_int_of_str"(Str) -> Signed, raise;
    "rpy_str_encode"(Str) -> Bytes, raise, collect;
    "rpy_str_encode_as"(Str, Str) -> Bytes, raise, collect;
    "rpy_bytes_concat"(Bytes, Bytes) -> Bytes, raise, collect;
    "rpy_bytes_eq"(Bytes, Bytes) -> Bool;
    "rpy_bytes_cmp"(Bytes, Bytes) -> Signed;
    "rpy_bytes_slice"(Bytes, Signed, Signed) -> Bytes, raise, collect;
    "rpy_print_str"(Str) -> Void;
    "rpy_print_char"(Char) -> Void;
    "rpy_print_int"(Signed) -> Void;
    "rpy_print_float"(Float) -> Void;
    "rpy_print_bool"(Bool) -> Void;
    "rpy_print_none"() -> Void;
    "rpy_os_write"(Signed, Bytes) -> Signed, raise, collect;
}

impl Ty {
    /// The low-level type, given the ids of the STR and BYTES structs and of the lists of str
    /// and of int.
    pub fn resolve(self, str_t: LlType, bytes_t: LlType, lists: (LlType, LlType)) -> LlType {
        match self {
            Ty::Void => LlType::Void,
            Ty::Bool => LlType::Bool,
            Ty::Signed => LlType::Signed,
            Ty::Float => LlType::Float,
            Ty::Char => LlType::Char,
            Ty::Str => str_t,
            Ty::Bytes => bytes_t,
            Ty::StrList => lists.0,
            Ty::IntList => lists.1,
        }
    }
}
