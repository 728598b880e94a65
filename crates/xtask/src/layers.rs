//! `cargo xtask layers`: the top-level modules of `course` and `app` are layered, and an import
//! that runs back up fails. A module may use only the modules of the layers below its own (not
//! its own layer's siblings, not a layer above): so the graph has no cycle, and `content` (the
//! French text) stays a leaf that any page can use without pulling the pages in.
//!
//! An import is a `crate::x` path (also in `use crate::{x, y}` groups) or a `super::` path that
//! climbs to the crate root, outside test code (`#[cfg(test)]` items, `tests.rs`, `*_tests.rs`, `*_tests/`).
//! The crate root (`lib.rs`, `main.rs`) declares the modules and may use them all. Imports of
//! another crate follow Cargo's dependencies, which cannot form a cycle.
//!
//! ARCHITECTURE.md (« Layers ») states the same order.

use crate::typo::{is_char_literal, literal_end, raw_start};
use crate::{root, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// A crate's top-level modules, lowest layer first; the modules of one layer are independent.
pub type Order = &'static [&'static [&'static str]];

/// The yew-free course: typography and ids, the French text, then the pure logic.
pub const COURSE: Order = &[
    &["ids", "text"],
    &["content"],
    &["progress", "rules", "dataset", "worker"],
    &["challenges", "speed", "lessons"],
    &["atelier"],
];

/// The web app, over `course` and `minigpt`.
pub const APP: Order = &[
    &["storage", "clock"],
    &["display", "icons", "files"],
    &["progress", "route"],
    &["exercise"],
    &["widgets"],
    &["training"],
    &["worker"],
    &["lessons"],
    &["pages", "teachers"],
    &["shell"],
];

/// The crates checked: their source folder and their order.
pub const CRATES: [(&str, Order); 2] = [("crates/course/src", COURSE), ("crates/app/src", APP)];

/// One use of module `to` by module `from`, at `file:line`.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub from: String,
    pub to: String,
    pub file: String,
    pub line: usize,
}

/// Every import between two top-level modules of one crate's sources (path relative to its
/// `src/`, text), test code left out.
pub fn imports(sources: &[(String, String)]) -> Vec<Import> {
    let mut found = Vec::new();
    for (path, text) in sources {
        let module = module_path(path);
        let Some(from) = module.first() else {
            continue; // the crate root
        };
        if is_test_file(path) {
            continue;
        }
        let code = without_tests(&blank_comments_and_literals(text));
        for (to, offset) in references(&code, &module) {
            if to != *from {
                found.push(Import {
                    from: from.clone(),
                    to,
                    file: path.clone(),
                    line: code[..offset].matches('\n').count() + 1,
                });
            }
        }
    }
    found
}

/// What is wrong with `imports` under `order`, one readable line each (`crate_dir` names the
/// files). Empty when the layers hold.
pub fn check(crate_dir: &str, order: Order, modules: &[String], imports: &[Import]) -> Vec<String> {
    let layer_of = |m: &str| order.iter().position(|layer| layer.contains(&m));
    let mut errors = Vec::new();
    for m in modules {
        if layer_of(m).is_none() {
            errors.push(format!(
                "{crate_dir}: module `{m}` is in no layer (add it to crates/xtask/src/layers.rs and ARCHITECTURE.md)"
            ));
        }
    }
    for i in imports {
        let (Some(from), Some(to)) = (layer_of(&i.from), layer_of(&i.to)) else {
            continue; // reported above, or a name the compiler would refuse
        };
        if to >= from {
            let which = if to == from {
                "its own layer"
            } else {
                "a layer above"
            };
            errors.push(format!(
                "{crate_dir}/{}:{}: `{}` uses `{}`, in {which}",
                i.file, i.line, i.from, i.to,
            ));
        }
    }
    if let Some(cycle) = find_cycle(imports) {
        let steps: Vec<String> = cycle
            .iter()
            .map(|i| format!("{} → {} ({crate_dir}/{}:{})", i.from, i.to, i.file, i.line))
            .collect();
        errors.push(format!(
            "{crate_dir}: the modules form a cycle: {}",
            steps.join(", ")
        ));
    }
    errors
}

/// "ids, text → content → …"
pub fn describe(order: Order) -> String {
    order
        .iter()
        .map(|layer| layer.join(", "))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// A cycle of imports, if the graph has one (one import per edge, in order).
fn find_cycle(imports: &[Import]) -> Option<Vec<Import>> {
    let mut edges: BTreeMap<&str, BTreeMap<&str, &Import>> = BTreeMap::new();
    for i in imports {
        edges.entry(&i.from).or_default().entry(&i.to).or_insert(i);
    }
    // Depth-first search keeping the path; a module met again on the path closes a cycle.
    fn visit<'a>(
        m: &'a str,
        edges: &BTreeMap<&'a str, BTreeMap<&'a str, &'a Import>>,
        path: &mut Vec<&'a Import>,
        done: &mut Vec<&'a str>,
    ) -> Option<Vec<Import>> {
        if done.contains(&m) {
            return None;
        }
        for (to, import) in edges.get(m).into_iter().flatten() {
            if let Some(start) = path.iter().position(|i| i.from == *to) {
                let mut cycle: Vec<Import> = path[start..].iter().map(|i| (*i).clone()).collect();
                cycle.push((*import).clone());
                return Some(cycle);
            }
            if *to == m {
                return Some(vec![(*import).clone()]);
            }
            path.push(import);
            let found = visit(to, edges, path, done);
            path.pop();
            if found.is_some() {
                return found;
            }
        }
        done.push(m);
        None
    }
    let mut done = Vec::new();
    edges
        .keys()
        .find_map(|m| visit(m, &edges, &mut Vec::new(), &mut done))
}

/// `lessons/l1/rules.rs` → [lessons, l1, rules]; `worker/mod.rs` → [worker]; `lib.rs` → [].
fn module_path(path: &str) -> Vec<String> {
    let mut parts: Vec<String> = path
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// `tests.rs`, `*_tests.rs`, or any file under a `tests/` or `*_tests/` folder (`dom_tests/`).
fn is_test_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name == "tests.rs"
        || name.ends_with("_tests.rs")
        || path
            .split('/')
            .any(|p| p == "tests" || p.ends_with("_tests"))
}

/// The top-level module each `crate::` or root-reaching `super::` path of `code` names, with
/// its byte offset. `module` is the file's module path.
fn references(code: &str, module: &[String]) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < code.len() {
        let starts_word = i == 0 || !is_ident(bytes[i - 1]);
        let rest = &code[i..];
        if starts_word && rest.starts_with("crate::") {
            let after = i + "crate::".len();
            found.extend(first_segments(&code[after..]).into_iter().map(|s| (s, i)));
            i = after;
        } else if starts_word && rest.starts_with("super::") {
            let mut depth = 0;
            let mut j = i;
            while code[j..].starts_with("super::") {
                depth += 1;
                j += "super::".len();
            }
            // A file's `super` is its parent module: [a, b] → [a]; at the root, the crate.
            if depth >= module.len() {
                found.extend(first_segments(&code[j..]).into_iter().map(|s| (s, i)));
            }
            i = j;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// The first segment of a path (`content::l1` → content), or every first segment of a group
/// (`{content::l1, text}` → content, text).
fn first_segments(path: &str) -> Vec<String> {
    let path = path.trim_start();
    if let Some(group) = path.strip_prefix('{') {
        let mut depth = 0;
        let mut items = Vec::new();
        let mut start = 0;
        for (k, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    items.push(&group[start..k]);
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&group[start..k]);
                    start = k + 1;
                }
                _ => {}
            }
        }
        items
            .into_iter()
            .filter_map(|item| ident(item.trim_start()))
            .filter(|s| s != "self")
            .collect()
    } else {
        ident(path).into_iter().collect()
    }
}

fn ident(text: &str) -> Option<String> {
    let name: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// `source` with its comments, strings and chars replaced by spaces (lines kept): what is
/// left is code, so braces and `crate::` inside text do not count.
fn blank_comments_and_literals(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.char_indices().peekable();
    let blank = |s: &str| -> String {
        s.chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect()
    };
    while let Some((i, c)) = chars.next() {
        let rest = &source[i..];
        let len = if rest.starts_with("//") {
            rest.find('\n').unwrap_or(rest.len())
        } else if rest.starts_with("/*") {
            rest.find("*/").map_or(rest.len(), |j| j + 2)
        } else if let Some(hashes) = raw_start(rest) {
            let closing = format!("\"{}", "#".repeat(hashes));
            let open = 2 + hashes;
            rest[open..]
                .find(&closing)
                .map_or(rest.len(), |j| open + j + closing.len())
        } else if c == '"' {
            1 + literal_end(&rest[1..]) + 1
        } else if c == '\'' && is_char_literal(rest) {
            rest[1..].find('\'').map_or(1, |j| j + 2)
        } else {
            out.push(c);
            continue;
        };
        let len = len.min(rest.len());
        out.push_str(&blank(&rest[..len]));
        while chars.peek().is_some_and(|(j, _)| *j < i + len) {
            chars.next();
        }
    }
    out
}

/// `code` without its `#[cfg(test)]` items (a `mod tests { … }` block or a `mod tests;` line).
fn without_tests(code: &str) -> String {
    let mut out = code.to_string();
    let mut from = 0;
    while let Some(k) = out[from..].find("#[cfg(") {
        let start = from + k;
        let Some(close) = out[start..].find(']') else {
            break;
        };
        let attr = &out[start..start + close];
        if !attr.contains("test") || attr.contains("not(test") {
            from = start + close;
            continue;
        }
        // The item runs to its `;` or to the brace that closes its first `{`.
        let body = start + close + 1;
        let mut depth = 0;
        let mut end = out.len();
        for (j, c) in out[body..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = body + j + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = body + j + 1;
                    break;
                }
                _ => {}
            }
        }
        let blanked: String = out[start..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(start..end, &blanked);
        from = start + blanked.len();
    }
    out
}

/// Every `.rs` file under `dir`, as (path relative to `dir` with `/`, text).
fn read_sources(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let rel = path.strip_prefix(dir).unwrap_or(&path);
                let rel: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                files.push((rel.join("/"), text));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The top-level modules of a crate's sources (the crate root's children).
fn top_modules(sources: &[(String, String)]) -> Vec<String> {
    let mut modules: Vec<String> = sources
        .iter()
        .filter(|(path, _)| !is_test_file(path))
        .filter_map(|(path, _)| module_path(path).first().cloned())
        .collect();
    modules.sort();
    modules.dedup();
    modules
}

/// Checks both crates; fails naming every import that runs back up.
pub fn run() -> Result {
    let mut errors = Vec::new();
    for (dir, order) in CRATES {
        let sources = read_sources(&root().join(dir))?;
        let found = check(dir, order, &top_modules(&sources), &imports(&sources));
        if !found.is_empty() {
            errors.extend(found);
            errors.push(format!(
                "(the layers of {dir}, lowest first: {}; a module uses only the layers below its own)",
                describe(order)
            ));
        }
    }
    if !errors.is_empty() {
        return Err(format!(
            "imports against the layers:\n  {}",
            errors.join("\n  ")
        ));
    }
    eprintln!("✓ layers: every module uses only the layers below it, no cycle");
    Ok(())
}

#[cfg(test)]
mod tests;
