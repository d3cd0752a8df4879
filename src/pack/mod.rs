//! The data pack (filled in by the data-pack issue).
