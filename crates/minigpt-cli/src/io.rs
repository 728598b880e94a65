//! Reading and writing without surprises: files read with a size limit (`/dev/zero` is refused
//! in a moment), standard output whose failure (full disk, closed pipe) is an error, not a
//! panic, and a model file written whole or not at all.

use std::io::{Read, Write};

/// A data file holds names: 20 MB is 40 times the largest list shipped.
pub const MAX_DATA_BYTES: u64 = 20 * 1024 * 1024;
/// A model file: the biggest model the core loads (4 M parameters) at about 20 bytes a number.
pub const MAX_MODEL_BYTES: u64 = 100 * 1024 * 1024;

/// The bytes of `path`, refused beyond `limit` (read no further than one byte past it).
pub fn read_limited(path: &str, limit: u64) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{path} is larger than {} MB: not read",
            limit / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// One line on standard output; a failure to write it is an error.
pub fn say(line: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}").map_err(|e| format!("cannot write to standard output: {e}"))
}

/// Everything written so far really went out.
pub fn flush() -> Result<(), String> {
    std::io::stdout()
        .flush()
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// One line on standard error (progress and notes); if even that fails, there is no one left
/// to tell.
pub fn note(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Checks before any work that `path` can be written, without touching a file already there:
/// a scratch file is created next to it and removed.
pub fn check_writable(path: &str) -> Result<(), String> {
    let target = std::path::Path::new(path);
    if target.is_dir() {
        return Err(format!("cannot write {path}: it is a directory"));
    }
    if target.exists() {
        std::fs::OpenOptions::new()
            .append(true)
            .open(target)
            .map_err(|e| format!("cannot write {path}: {e}"))?;
        return Ok(());
    }
    std::fs::write(target, b"").map_err(|e| format!("cannot write {path}: {e}"))?;
    std::fs::remove_file(target).map_err(|e| format!("cannot write {path}: {e}"))
}

/// Writes `text` to `path`: into a scratch file next to it, then renamed over it, so an
/// interrupted write never leaves half a model (a device or a pipe is written directly).
pub fn write_whole(path: &str, text: &str) -> Result<(), String> {
    let target = std::path::Path::new(path);
    if target.exists() && !target.is_file() {
        return std::fs::write(target, text).map_err(|e| format!("cannot write {path}: {e}"));
    }
    let scratch = target.with_file_name(format!(
        ".{}.{}.part",
        target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("model"),
        std::process::id()
    ));
    let written = std::fs::write(&scratch, text).and_then(|()| std::fs::rename(&scratch, target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&scratch);
        return Err(format!("cannot write {path}: {e}"));
    }
    Ok(())
}
