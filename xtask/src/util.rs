//! Shared plumbing for the xtask commands: paths, subprocesses, scratch Python venvs.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (the directory holding the top-level Cargo.toml).
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| here.to_path_buf())
}

/// The third-party conformance and evaluation data (`shared/` beside the checkout), if present.
///
/// `ZHNEWS_SHARED` overrides the location. Commands that need it skip with a message when absent,
/// so nothing in the test suite depends on it.
pub fn shared_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ZHNEWS_SHARED") {
        let dir = PathBuf::from(dir);
        return dir.is_dir().then_some(dir);
    }
    let dir = workspace_root().parent()?.join("shared");
    dir.is_dir().then_some(dir)
}

/// A `cargo` command run from the workspace root, with the same toolchain as this xtask.
pub fn cargo() -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(workspace_root());
    cmd
}

/// Runs a command to completion, failing with its command line when it exits non-zero.
pub fn run_cmd(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .status()
        .with_context(|| format!("cannot start {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

/// The host Python (`$PYTHON`, else `python3`), for venvs and downloads.
pub fn host_python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Downloads one PyPI distribution (`name==version`, no dependencies) into `dir`; `sdist`
/// asks for the source archive rather than a wheel.
pub fn pip_download(spec: &str, dir: &Path, sdist: bool) -> Result<()> {
    let mut cmd = Command::new(host_python());
    cmd.args([
        "-m",
        "pip",
        "download",
        "--quiet",
        "--disable-pip-version-check",
    ])
    .arg("--no-deps");
    if sdist {
        cmd.args(["--no-binary", ":all:"]);
    }
    run_cmd(cmd.arg("-d").arg(dir).arg(spec))
        .with_context(|| format!("cannot download {spec} from PyPI"))
}

/// A scratch Python virtual environment under `target/xtask-venv/<name>` with `packages`
/// installed (pip requirement strings). Returns the path of its `python` executable.
///
/// Peers for side-by-side benchmarks live here and never in the project's tests.
pub fn venv(name: &str, packages: &[&str]) -> Result<PathBuf> {
    let dir = workspace_root()
        .join("target")
        .join("xtask-venv")
        .join(name);
    let python = dir.join("bin").join("python");
    let stamp = dir.join(".installed");
    let wanted = packages.join("\n");
    if python.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(python);
    }
    run_cmd(Command::new(host_python()).args(["-m", "venv"]).arg(&dir))?;
    run_cmd(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(packages),
    )?;
    std::fs::write(&stamp, wanted).context("cannot write venv stamp")?;
    Ok(python)
}
