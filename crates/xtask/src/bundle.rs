//! The one-file offline page: browsers refuse to fetch a .wasm from file://, so for USB sticks
//! the wasm bytes (gzip-compressed, then base64), the JS glue and the CSS are all inlined into
//! dist/tuto-llm.html; the browser inflates the wasm with its own DecompressionStream.
//! Its Content-Security-Policy allows exactly its own inline scripts (by hash), a worker made
//! from a blob (the training worker), and no connection.

use crate::Result;
use base64::Engine;
use flate2::{write::GzEncoder, Compression};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const OUTPUT: &str = "tuto-llm.html";

fn find_file(dist: &Path, prefix: &str, suffix: &str) -> Result<PathBuf> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    entries
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(suffix))
        })
        .ok_or_else(|| format!("no {prefix}*{suffix} in {}", dist.display()))
}

/// Removes the first element that starts with `start` (up to the end of its closing `end`).
fn remove_tag(html: &mut String, start: &str, end: &str) -> Option<String> {
    let from = html.find(start)?;
    let to = from + html[from..].find(end)? + end.len();
    Some(html.drain(from..to).collect())
}

fn csp_hash(script: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))
    )
}

/// Every inline `<script>` body (without attributes' scripts from elsewhere).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        let after = &rest[i..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let Some(close) = after.find("</script>") else {
            break;
        };
        out.push(&after[open_end + 1..close]);
        rest = &after[close + 9..];
    }
    out
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

pub fn inline(index_html: &str, css: &str, glue_js: &str, wasm: &[u8]) -> Result<String> {
    let mut html = index_html.to_string();
    remove_tag(&mut html, "<link rel=\"stylesheet\"", ">")
        .ok_or("no stylesheet link in index.html")?;
    remove_tag(&mut html, "<script type=\"module\">", "</script>")
        .ok_or("no module script in index.html")?;
    while remove_tag(&mut html, "<link rel=\"modulepreload\"", ">").is_some() {}
    while remove_tag(&mut html, "<link rel=\"preload\"", ">").is_some() {}

    // An inline module cannot export: drop wasm-bindgen's export line, call its init directly.
    let glue: String = glue_js
        .lines()
        .filter(|l| !l.starts_with("export {"))
        .collect::<Vec<_>>()
        .join("\n");
    // The training worker is made from the glue's text (a page opened from a file cannot
    // fetch it): keep it as a string too. "</" is escaped so it cannot end the script tag.
    let glue_text = serde_json::to_string(glue_js)
        .map_err(|e| e.to_string())?
        .replace("</", "<\\/");
    let b64 = base64::engine::general_purpose::STANDARD.encode(gzip(wasm)?);
    let module = format!(
        "\nglobalThis.__tutoGlue = {glue_text};\n{glue}\nconst b64 = \"{b64}\";\nconst bin = atob(b64);\nconst packed = new Uint8Array(bin.length);\nfor (let i = 0; i < bin.length; i++) packed[i] = bin.charCodeAt(i);\nconst inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream(\"gzip\"));\nconst bytes = new Uint8Array(await new Response(inflated).arrayBuffer());\nawait __wbg_init({{ module_or_path: bytes }});\n"
    );
    let body_end = html.rfind("</body>").ok_or("no </body> in index.html")?;
    html.insert_str(
        body_end,
        &format!("<script type=\"module\">{module}</script>\n"),
    );
    let head_end = html.find("</head>").ok_or("no </head> in index.html")?;
    html.insert_str(head_end, &format!("<style>\n{css}\n</style>\n"));

    let hashes: Vec<String> = inline_scripts(&html).into_iter().map(csp_hash).collect();
    let policy = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; worker-src blob:; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'",
        hashes.join(" ")
    );
    set_policy(&mut html, &policy)?;
    Ok(html)
}

/// Where the page's Content-Security-Policy (`<meta>`) is, as a range of `html`.
fn policy_range(html: &str) -> Result<std::ops::Range<usize>> {
    let start = html
        .find("content=\"default-src")
        .ok_or("no Content-Security-Policy in index.html")?
        + "content=\"".len();
    let end = start + html[start..].find('"').ok_or("unterminated CSP")?;
    Ok(start..end)
}

fn set_policy(html: &mut String, policy: &str) -> Result {
    let range = policy_range(html)?;
    html.replace_range(range, policy);
    Ok(())
}

/// The served page's policy: its inline scripts allowed by their hashes, never
/// `'unsafe-inline'` (an injected script would run). Rewrites `index.html` and returns the
/// policy, which `cargo xtask serve` also sends as a header.
pub fn harden(index_html: &str) -> Result<(String, String)> {
    let mut html = index_html.to_string();
    let hashes: Vec<String> = inline_scripts(&html).into_iter().map(csp_hash).collect();
    let policy = html[policy_range(&html)?]
        .split(';')
        .map(|directive| {
            let words: Vec<&str> = directive.split_whitespace().collect();
            if words.first() != Some(&"script-src") {
                return words.join(" ");
            }
            let kept = words.iter().copied().filter(|w| *w != "'unsafe-inline'");
            kept.map(str::to_string)
                .chain(hashes.iter().cloned())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("; ");
    set_policy(&mut html, &policy)?;
    Ok((html, policy))
}

/// The name of the file next to the page that holds its policy, for servers.
pub const POLICY_FILE: &str = "csp.txt";

pub fn harden_dist(dist: &Path) -> Result {
    let path = dist.join("index.html");
    let index = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (html, policy) = harden(&index)?;
    std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
    std::fs::write(dist.join(POLICY_FILE), policy).map_err(|e| e.to_string())
}

pub fn single_file(dist: &Path) -> Result<PathBuf> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let index = read(&dist.join("index.html"))?;
    let css = read(&find_file(dist, "style-", ".css")?)?;
    let glue = read(&find_file(dist, "app-", ".js")?)?;
    let wasm_path = find_file(dist, "app-", "_bg.wasm")?;
    let wasm = std::fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let html = inline(&index, &css, &glue, &wasm)?;
    let out = dist.join(OUTPUT);
    std::fs::write(&out, html).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
<link rel="stylesheet" href="./style-1.css" integrity="x"/>
<script type="module">
import init from './app-1.js';
await init({ module_or_path: './app-1_bg.wasm' });
</script>
<link rel="modulepreload" href="./app-1.js"><link rel="preload" href="./app-1_bg.wasm" as="fetch"></head>
<body><script>console.log(1)</script></body></html>"#;

    #[test]
    fn the_served_page_allows_its_own_scripts_only() {
        let index = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; worker-src blob:; style-src 'self' 'unsafe-inline'\" /><script>a()</script><script type=\"module\">b()</script>";
        let (html, policy) = harden(index).unwrap();
        let script_src = policy
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{policy}");
        assert!(script_src.contains(&csp_hash("a()")) && script_src.contains(&csp_hash("b()")));
        assert!(script_src.contains("'wasm-unsafe-eval'"));
        assert!(html.contains(&policy));
    }

    #[test]
    fn everything_is_inlined_and_the_policy_lists_each_script() {
        let html = inline(
            INDEX,
            "body{}",
            "function __wbg_init(){}\nexport { initSync, __wbg_init as default };",
            &[0, 97, 115, 109],
        )
        .unwrap();
        assert!(!html.contains("./app-1") && !html.contains("style-1.css"));
        assert!(html.contains("<style>\nbody{}\n</style>"));
        let b64 = html
            .split("const b64 = \"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let packed = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        let mut wasm = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&packed[..]), &mut wasm)
            .unwrap();
        assert_eq!(wasm, [0, 97, 115, 109], "the wasm bytes, gzipped");
        assert!(html.contains("DecompressionStream(\"gzip\")"));
        assert!(
            !html.lines().any(|l| l.starts_with("export {")),
            "no export statement runs"
        );
        assert!(html.contains("connect-src 'none'") && html.contains("worker-src blob:"));
        // The worker's copy of the glue, as a JS string, with its exports.
        assert!(html.contains(r#"globalThis.__tutoGlue = "function __wbg_init(){}\nexport { initSync, __wbg_init as default };";"#));
        let scripts = inline_scripts(&html);
        assert_eq!(scripts.len(), 2);
        for s in scripts {
            assert!(html.contains(&csp_hash(s)));
        }
    }
}
