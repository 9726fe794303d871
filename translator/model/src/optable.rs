//! The macro that turns one declarative operation table into an enum with its text names,
//! arity and properties, so every IR's operation set is written down in exactly one place.
//!
//! Relies on nothing; `flowop` and `llop` invoke it.

/// Properties of an operation, read by constant folding, the exception transform, the GC
/// transform and the docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpProps {
    /// Number of arguments, or `None` when variable.
    pub arity: Option<usize>,
    /// The operation may raise an exception.
    pub canraise: bool,
    /// The operation may trigger a garbage collection (allocate).
    pub cancollect: bool,
    /// No side effects: the result depends only on the arguments (can be folded or removed).
    pub pure: bool,
}

/// Declares an operation enum from a table of `Variant = "name", arity, [flags]` rows, where the
/// flags are any of `raise`, `collect`, `pure`.
#[macro_export]
macro_rules! optable {
    ($(#[$m:meta])* $vis:vis enum $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal, $arity:tt $(, $flag:ident)* ;)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        $vis enum $name { $($(#[$vm])* $variant,)* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }
            pub fn from_name(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)* _ => None }
            }
            pub fn props(self) -> $crate::optable::OpProps {
                match self {
                    $($name::$variant => {
                        #[allow(unused_mut)]
                        let mut p = $crate::optable::OpProps {
                            arity: $crate::optable!(@arity $arity),
                            canraise: false,
                            cancollect: false,
                            pure: false,
                        };
                        $($crate::optable!(@flag p $flag);)*
                        p
                    })*
                }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
    (@arity var) => { None };
    (@arity $n:literal) => { Some($n) };
    (@flag $p:ident raise) => { $p.canraise = true; };
    (@flag $p:ident collect) => { $p.cancollect = true; };
    (@flag $p:ident pure) => { $p.pure = true; };
}
