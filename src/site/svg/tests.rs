//! Tests of the SVG drawing.
use super::*;
