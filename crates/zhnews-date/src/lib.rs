//! zhnews-date: being written; see ARCHITECTURE.md.
