//! zhnews-strip: being written; see ARCHITECTURE.md.
