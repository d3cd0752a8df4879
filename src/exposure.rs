//! The exposure engine (filled in by the data-pack issue).
