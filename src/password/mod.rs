//! The password-strength estimator (filled in by the password-engine issue).
