//! Build tests.
