//! Tests of Markdown rendering.
use super::*;
