//! `cargo xtask <command>`: the project's chores, installing what is missing first.
//!
//! - `serve` — build the app (release) and serve it on http://127.0.0.1:8080
//! - `dist`  — build `dist/` and the one-file offline page `dist/tuto-llm.html`
//! - `test`  — every test: core natively, core and app in headless Chromium, end-to-end
//! - `bench` — speed figures: native CLI (lesson and phase-2 models), in-browser training in
//!   Chromium, Firefox and WebKit
//! - `mots`  — rebuild data/mots.txt and data/dictionnaire.z from the npm package
//!   an-array-of-french-words (`--check`: only compare)
//! - `typo`  — put French non-breaking spaces in the app's texts (`--check`: only report)
//! - `layers` — check that the modules of `course` and `app` import only the layers below them
#![forbid(unsafe_code)]

mod bundle;
mod layers;
mod mots;
mod publication;
mod serve;
mod tools;
mod typo;

use minigpt::Config;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub type Result<T = ()> = std::result::Result<T, String>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("xtask lives in crates/xtask")
        .to_path_buf()
}

/// Runs a command (in the project root unless it has its own directory), echoing it;
/// fails with a readable message.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("→ {}", describe(cmd));
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("failed ({status}): {}", describe(cmd)))
    }
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

fn build_dist() -> Result {
    tools::ensure_web_tools()?;
    let mut trunk = Command::new(tools::trunk());
    trunk.args(["build", "--release", "--offline"]);
    // The legal notice is the publisher's: publication.toml, compiled into the page.
    for (name, value) in publication::read(&root().join("publication.toml"))? {
        trunk.env(name, value);
    }
    run(&mut trunk)?;
    bundle::harden_dist(&root().join("dist"))?;
    let out = bundle::single_file(&root().join("dist"))?;
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "✓ one-file offline page: {} ({:.1} MB)",
        out.display(),
        size as f64 / 1e6
    );
    Ok(())
}

fn test() -> Result {
    tools::ensure_web_tools()?;
    tools::ensure_browser()?;
    tools::ensure_python()?;
    tools::ensure_node_deps()?;
    // 0. The « Mots français » dataset is exactly what its recipe makes from the npm package,
    //    the app's texts have their French spaces, and the modules keep their layers.
    mots::check()?;
    typo::run(true)?;
    layers::run()?;
    // 1. The core, the CLI, xtask and the course (exercise rules, progress, class files,
    //    the workers' exchange and runner) natively: gradient checks, training, bad input;
    //    then what the app itself tests without a page (plans, step tables, choice orders).
    //    python3 runs the notebooks: here its absence fails them instead of skipping them.
    run(Command::new("cargo")
        .args(["test", "--workspace", "--exclude", "app"])
        .env("REQUIRE_PYTHON", "1"))?;
    run(Command::new("cargo").args(["test", "-p", "app"]))?;
    //    The kernels built for this machine's CPU too (AVX, AVX-512 registers where it has
    //    them, as `cargo xtask bench` builds them): still the golden bits.
    run(Command::new("cargo")
        .args([
            "test", "-p", "minigpt", "--lib", "--test", "golden", "--test", "alloc",
        ])
        .args(["--target-dir", "target/native-cpu"])
        .env("RUSTFLAGS", "-C target-cpu=native"))?;
    // 2. The core, the course and the app's DOM logic compiled to wasm, in headless Chromium.
    let wasm_test = |args: &[&str]| {
        let mut cmd = Command::new("cargo");
        cmd.args(["test", "--target", "wasm32-unknown-unknown"])
            .args(args);
        cmd.env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300");
        cmd.env("PATH", tools::path_with_cargo_bin());
        run(&mut cmd)
    };
    wasm_test(&["-p", "minigpt", "--test", "wasm"])?;
    wasm_test(&["-p", "course"])?;
    wasm_test(&["-p", "app"])?;
    // 3. The built app, end to end, as pupils use it.
    build_dist()?;
    run(Command::new("npm")
        .args(["test"])
        .current_dir(root().join("tests"))
        .env("CHROMIUM", tools::CHROMIUM)
        .env("FIREFOX", tools::FIREFOX)
        .env("WEBKIT_DRIVER", tools::WEBKIT_DRIVER)
        // Here every engine must run: a missing one is a failure, not a skip.
        .env("REQUIRE_ALL_ENGINES", "1"))?;
    eprintln!("✓ all tests passed");
    Ok(())
}

fn bench() -> Result {
    tools::ensure_web_tools()?;
    tools::ensure_browser()?;
    tools::ensure_python()?;
    tools::ensure_node_deps()?;
    // Built for this machine's CPU (AVX registers where it has them), as PyTorch picks its
    // kernels for the CPU it runs on; the kernels give the same bits at every register width.
    run(Command::new("cargo")
        .args(["build", "--release", "-p", "minigpt-cli"])
        .args(["--target-dir", "target/native-cpu"])
        .env("RUSTFLAGS", "-C target-cpu=native"))?;
    let cli = root().join("target/native-cpu/release/minigpt");
    let train = |data: &str, flags: &[String]| {
        run(Command::new(&cli)
            .args(["train", "--data", data])
            .args(flags))
    };
    for (data, steps) in [("prenoms", 1000), ("prenoms", 20000), ("pokemon", 1000)] {
        train(data, &flags(&[("--steps", steps), ("--samples", 5)]))?;
    }
    // Phase 2 (`Config::phase2()`: 4 layers, cards of 64), batches of 32 prénoms, 60 s on all
    // cores; then the same model in PyTorch, same data, threads and time, where it is installed.
    torch_phase2()?;
    let lr = |rate: &str| vec!["--lr".to_string(), rate.to_string()];
    let phase2 = [
        size_flags(&Config::phase2()),
        flags(&[
            ("--batch", 32),
            ("--steps", 100_000),
            ("--max-seconds", 60),
            ("--samples", 5),
        ]),
        lr("0.005"),
    ];
    train("prenoms", &phase2.concat())?;
    // Sentences: the phase-2 size with a context of 64 on the proverbs, 60 s, the Atelier's
    // « Pour les phrases » settings (8 sentences a step, rate 0.01); 50 sentences judged.
    let sentences = [
        vec!["--alphabet".to_string(), "extended".to_string()],
        size_flags(&Config::phase2_sentences()),
        flags(&[
            ("--batch", 8),
            ("--steps", 1000),
            ("--max-seconds", 60),
            ("--samples", 50),
        ]),
        lr("0.01"),
    ];
    train("proverbes", &sentences.concat())?;
    build_dist()?;
    run(Command::new("node")
        .args(["bench/browser.js"])
        .current_dir(root().join("tests"))
        .env("CHROMIUM", tools::CHROMIUM))?;
    run(Command::new("node")
        .args(["bench/proverbs.js"])
        .current_dir(root().join("tests"))
        .env("CHROMIUM", tools::CHROMIUM))?;
    run(Command::new("node")
        .args(["bench/engines.js"])
        .current_dir(root().join("tests")))
}

/// `minigpt train` flags with whole values: `[("--steps", 1000)]` → `--steps 1000`.
fn flags(pairs: &[(&str, usize)]) -> Vec<String> {
    pairs
        .iter()
        .flat_map(|&(flag, value)| [flag.to_string(), value.to_string()])
        .collect()
}

/// A model's size as `minigpt train` flags, read from its `Config` (one source for the sizes
/// the course uses: `Config::phase2()`, `Config::phase2_sentences()`).
fn size_flags(c: &Config) -> Vec<String> {
    flags(&[
        ("--n-layer", c.n_layer),
        ("--n-embd", c.n_embd),
        ("--n-head", c.n_head),
        ("--block", c.block_size),
    ])
}

/// The phase-2 reference in PyTorch on the CPU (`tests/bench/torch_phase2.py`), with the
/// Python of `target/torch-venv` or the system's, if either has torch; else it says how to get it.
fn torch_phase2() -> Result {
    let venv = root().join("target/torch-venv/bin/python");
    let python = if venv.exists() {
        venv
    } else {
        "python3".into()
    };
    let has_torch = Command::new(&python)
        .args(["-c", "import torch"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_torch {
        eprintln!(
            "PyTorch reference skipped: no torch here (python3 -m venv target/torch-venv && \
             target/torch-venv/bin/pip install torch)"
        );
        return Ok(());
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .to_string();
    let data = root().join("data/prenoms.txt");
    run(Command::new(&python)
        .arg(root().join("tests/bench/torch_phase2.py"))
        .arg(data)
        .args(["60", &threads]))
}

fn main() -> ExitCode {
    let cmd = std::env::args().nth(1).unwrap_or_default();
    let result = match cmd.as_str() {
        "serve" => build_dist().and_then(|_| serve::serve(&root().join("dist"), 8080)),
        "dist" => build_dist(),
        "test" => test(),
        "bench" => bench(),
        "mots" if std::env::args().nth(2).as_deref() == Some("--check") => {
            tools::ensure_node_deps().and_then(|_| mots::check())
        }
        "mots" => tools::ensure_node_deps().and_then(|_| mots::write()),
        "typo" => typo::run(std::env::args().nth(2).as_deref() == Some("--check")),
        "layers" => layers::run(),
        _ => Err(
            "usage: cargo xtask <serve|dist|test|bench|mots [--check]|typo [--check]|layers>"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("✗ {e}");
            ExitCode::FAILURE
        }
    }
}
