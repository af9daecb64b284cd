//! zhnews-encoding: being written; see ARCHITECTURE.md.
