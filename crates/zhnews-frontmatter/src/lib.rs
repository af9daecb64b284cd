//! zhnews-frontmatter: being written; see ARCHITECTURE.md.
