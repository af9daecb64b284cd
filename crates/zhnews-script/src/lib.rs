//! zhnews-script: being written; see ARCHITECTURE.md.
