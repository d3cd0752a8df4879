//! `enum_with_all!`: an enum and its `ALL` list declared from one list of variants.
//!
//! Tests walk `ALL` (every message in both languages, every field of the contract), so a
//! variant missing from it would escape them. A hand-kept array compiles with a variant left
//! out; a list the macro writes cannot leave one out. `build.rs` includes this file before
//! `pack/model.rs`, which uses it.

/// Declares the enum as written (attributes, documentation, `#[default]` and all) and an
/// inherent `ALL` constant: every variant, in declaration order, as an array.
macro_rules! enum_with_all {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant,)+
        }

        impl $name {
            #[doc = concat!("Every `", stringify!($name), "`, in declaration order.")]
            $vis const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];
        }
    };
}
