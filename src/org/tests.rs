//! Tests of the org model.
