//! [`Shared`]: a memoised value handed down to components and compared by identity.

use std::ops::Deref;
use std::rc::Rc;

/// A value made by `use_memo` and passed through props, compared by identity.
///
/// `use_memo` builds a new `Rc` only when its inputs change, so the same `Rc` means the same
/// value: props holding a `Shared` compare in constant time, however large the value (a whole
/// password estimate, an estimator context), and nothing is cloned to pass it down.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
