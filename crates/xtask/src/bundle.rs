//! The one-file offline page: browsers refuse to fetch a .wasm from file://, so for USB sticks
//! the wasm bytes (base64), the JS glue and the CSS are all inlined into dist/tuto-llm.html.
//! Its Content-Security-Policy allows exactly its own inline scripts (by hash) and no connection.

use crate::Result;
use base64::Engine;
use sha2::{Digest, Sha256};
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
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    let module = format!(
        "\n{glue}\nconst b64 = \"{b64}\";\nconst bin = atob(b64);\nconst bytes = new Uint8Array(bin.length);\nfor (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\nawait __wbg_init({{ module_or_path: bytes }});\n"
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
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'",
        hashes.join(" ")
    );
    let csp_start = html
        .find("content=\"default-src")
        .ok_or("no Content-Security-Policy in index.html")?
        + "content=\"".len();
    let csp_end = csp_start + html[csp_start..].find('"').ok_or("unterminated CSP")?;
    html.replace_range(csp_start..csp_end, &policy);
    Ok(html)
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
        assert!(html.contains("const b64 = \"AGFzbQ==\""));
        assert!(!html.contains("export {"));
        assert!(html.contains("connect-src 'none'"));
        let scripts = inline_scripts(&html);
        assert_eq!(scripts.len(), 2);
        for s in scripts {
            assert!(html.contains(&csp_hash(s)));
        }
    }
}
