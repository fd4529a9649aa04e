//! Tests of the content tree.
