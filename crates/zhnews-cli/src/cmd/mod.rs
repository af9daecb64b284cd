//! One module per subcommand; each exposes `Args` (clap) and `run(Args) -> ExitCode`.

pub mod clean;
pub mod convert;
pub mod date;
pub mod decode;
pub mod explain;
pub mod frontmatter;
pub mod input;
pub mod io;
pub mod output;
pub mod render;
#[cfg(feature = "warc")]
pub mod warc;
