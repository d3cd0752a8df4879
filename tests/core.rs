//! The native tests of the pure core, as one test binary: `cargo test` runs them with no
//! `dist/` and no browser. One binary rather than one per file, because each binary is
//! linked on its own, and linking five of them took longer than running them on CI's two
//! cores. Filter by module: `cargo test --test core password::`.

mod exposure;
mod message;
mod pack;
mod password;
mod purity;
