//! Installs what the build and the tests need, once; later runs only check (fast).

use crate::{root, run, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    home.join("bin")
}

pub fn path_with_cargo_bin() -> std::ffi::OsString {
    let mut paths = vec![cargo_bin()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap_or_default()
}

pub fn trunk() -> PathBuf {
    cargo_bin().join("trunk")
}

/// The first line a program prints for `--version`, if it runs.
fn version_of(program: &Path) -> Option<String> {
    let out = Command::new(program).arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The wasm-bindgen version locked in Cargo.lock (the CLI must match it exactly).
fn locked_wasm_bindgen() -> Result<String> {
    #[derive(serde::Deserialize)]
    struct Lock {
        package: Vec<Package>,
    }
    #[derive(serde::Deserialize)]
    struct Package {
        name: String,
        version: String,
    }
    let text = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let lock: Lock = toml::from_str(&text).map_err(|e| format!("Cargo.lock: {e}"))?;
    lock.package
        .into_iter()
        .find(|p| p.name == "wasm-bindgen")
        .map(|p| p.version)
        .ok_or_else(|| "wasm-bindgen not found in Cargo.lock".into())
}

/// wasm32 target, trunk 0.21.14, wasm-bindgen-cli matching Cargo.lock.
pub fn ensure_web_tools() -> Result {
    let targets = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if !String::from_utf8_lossy(&targets.stdout).contains("wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !version_of(&trunk()).is_some_and(|v| v.ends_with(TRUNK_VERSION)) {
        eprintln!("Installing trunk {TRUNK_VERSION} (about 8 minutes, once)…");
        run(Command::new("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
        ]))?;
    }
    let wbg = locked_wasm_bindgen()?;
    for tool in ["wasm-bindgen", "wasm-bindgen-test-runner"] {
        if !version_of(&cargo_bin().join(tool)).is_some_and(|v| v.ends_with(&wbg)) {
            eprintln!("Installing wasm-bindgen-cli {wbg} (a few minutes, once)…");
            // Without --locked: with it, a pinned dependency is missing from the registry.
            run(Command::new("cargo").args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                &wbg,
                "--force",
            ]))?;
            break;
        }
    }
    Ok(())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The browsers the tests drive, all from Debian packages (installed with apt when running as
/// root): Chromium and ChromeDriver, Firefox ESR, and WebKitGTK's WebKitWebDriver with its
/// MiniBrowser in a virtual X display (xvfb).
const BROWSER_PACKAGES: [(&str, &str); 6] = [
    ("chromium", CHROMIUM),
    ("chromium-driver", CHROMEDRIVER),
    ("firefox-esr", FIREFOX),
    ("webkit2gtk-driver", WEBKIT_DRIVER),
    ("xvfb", "/usr/bin/xvfb-run"),
    ("xauth", "/usr/bin/xauth"),
];
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";

pub fn ensure_browser() -> Result {
    ensure_packages(&BROWSER_PACKAGES, "the browser tests")
}

/// python3 runs the exported notebooks in the core's and the CLI's tests (a missing one fails
/// them under `cargo xtask test`, which sets `REQUIRE_PYTHON=1`).
pub const PYTHON: &str = "/usr/bin/python3";

pub fn ensure_python() -> Result {
    ensure_packages(&[("python3", PYTHON)], "the notebook tests")
}

/// Installs the Debian packages whose program is missing (as root), or says which to install.
fn ensure_packages(packages: &[(&str, &str)], what: &str) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, path)| !Path::new(path).exists())
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "{what} need Debian packages: run `sudo apt-get install -y {}`",
            missing.join(" ")
        ));
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// playwright-core, puppeteer-core, selenium-webdriver and axe-core for the end-to-end tests
/// (no browser download).
pub fn ensure_node_deps() -> Result {
    if Command::new("npm").arg("--version").output().is_err() {
        return Err("Node.js and npm are needed for the end-to-end tests: install them (Debian: `apt-get install -y nodejs npm`)".into());
    }
    let tests = root().join("tests");
    let lock = std::fs::read(tests.join("package-lock.json")).unwrap_or_default();
    let installed =
        std::fs::read(tests.join("node_modules/.package-lock.json")).unwrap_or_default();
    if !tests.join("node_modules/playwright-core").exists() || !same_packages(&lock, &installed) {
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tests)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .env("PUPPETEER_SKIP_DOWNLOAD", "1"))?;
    }
    Ok(())
}

/// npm writes node_modules/.package-lock.json after an install: the same packages at the same
/// versions as package-lock.json → nothing to do.
fn same_packages(lock: &[u8], installed: &[u8]) -> bool {
    let packages = |text: &[u8]| -> Option<Vec<(String, String)>> {
        let json: serde_json::Value = serde_json::from_slice(text).ok()?;
        let mut list: Vec<(String, String)> = json
            .get("packages")?
            .as_object()?
            .iter()
            .filter(|(path, _)| !path.is_empty())
            .map(|(path, p)| {
                (
                    path.clone(),
                    p["version"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        list.sort();
        Some(list)
    };
    match (packages(lock), packages(installed)) {
        (Some(a), Some(b)) => !b.is_empty() && a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_locked_wasm_bindgen_is_read_from_cargo_lock() {
        let v = super::locked_wasm_bindgen().unwrap();
        assert!(v.starts_with("0.2."), "{v}");
    }

    #[test]
    fn installed_packages_match_the_lock_file_by_name_and_version() {
        let lock = br#"{"packages": {"": {"name": "x"}, "node_modules/a": {"version": "1.0.0"}}}"#;
        let same = br#"{"packages": {"node_modules/a": {"version": "1.0.0"}}}"#;
        let other = br#"{"packages": {"node_modules/a": {"version": "1.0.1"}}}"#;
        assert!(super::same_packages(lock, same));
        assert!(!super::same_packages(lock, other));
        assert!(!super::same_packages(lock, b"not json"));
    }
}
