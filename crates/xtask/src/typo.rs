//! `cargo xtask typo`: French typography in the app's texts. French puts a non-breaking space
//! before « : ; ! ? », inside « », between the groups of a number (« 4 192 ») and between a
//! number and its unit (« 50 min »): with an ordinary space, a line can break there and leave a
//! lonely « ! » or « min » at the start of the next line. This rewrites the string literals of
//! the app's and the course's sources with `\u{a0}`; `--check` (run by `cargo xtask test`) only
//! reports, and also fails on French written outside `crates/course/src/content/`.

use crate::{root, Result};
use std::path::{Path, PathBuf};

const NBSP: &str = "\\u{a0}";
/// Units that never stand alone at the start of a line.
const UNITS: &[&str] = &[
    "min", "s", "ms", "Mo", "Go", "MWh", "Wh", "W", "cm", "%", "ans",
];

/// The crates whose sources hold what pupils and teachers read.
const CRATES: [&str; 2] = ["crates/course/src", "crates/app/src"];
/// The one folder where French text may be written.
const CONTENT: &str = "crates/course/src/content";

/// Every Rust source of the app and the course (the worker's JavaScript is left out).
fn sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs: Vec<PathBuf> = CRATES.iter().map(|c| root().join(c)).collect();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// French spaces inside one string literal's text.
pub fn fix(text: &str) -> String {
    let mut out = text.to_string();
    for mark in [":", ";", "!", "?", "»"] {
        out = out.replace(&format!(" {mark}"), &format!("{NBSP}{mark}"));
    }
    out = out.replace("« ", &format!("«{NBSP}"));
    // Groups of digits and units after a number, in text (not in "0 0 300 80"-like attributes).
    if !has_words(&out) {
        return out;
    }
    let chars: Vec<char> = out.chars().collect();
    let mut result = String::with_capacity(out.len());
    for (i, &c) in chars.iter().enumerate() {
        let after_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if c == ' ' && after_digit {
            let rest: String = chars[i + 1..].iter().collect();
            let group = rest.chars().take_while(char::is_ascii_digit).count();
            let unit = UNITS.iter().any(|u| {
                rest.starts_with(u) && !rest[u.len()..].starts_with(|ch: char| ch.is_alphanumeric())
            });
            if group == 3 || unit {
                result.push_str(NBSP);
                continue;
            }
        }
        result.push(c);
    }
    result
}

/// Whether a literal holds words (letters outside `{…}` placeholders).
fn has_words(text: &str) -> bool {
    let mut depth = 0;
    text.replace(NBSP, " ").chars().any(|c| {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        depth == 0 && c.is_alphabetic()
    })
}

/// Rewrites every ordinary (not raw) string literal of `source`; comments, char literals and
/// raw strings are copied as they are.
pub fn fix_source(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            let len = rest.find('\n').unwrap_or(rest.len());
            out.push_str(&rest[..len]);
            skip(&mut chars, i + len);
        } else if c == '\'' && is_char_literal(rest) {
            let len = rest[1..].find('\'').map_or(1, |j| j + 2);
            out.push_str(&rest[..len]);
            skip(&mut chars, i + len);
        } else if let Some(hashes) = raw_start(rest) {
            let open = 2 + hashes;
            let closing = format!("\"{}", "#".repeat(hashes));
            let len = rest[open..]
                .find(&closing)
                .map_or(rest.len(), |j| open + j + closing.len());
            out.push_str(&rest[..len]);
            skip(&mut chars, i + len);
        } else if c == '"' {
            let body = &rest[1..];
            let end = literal_end(body);
            out.push('"');
            out.push_str(&fix(&body[..end]));
            let len = 1 + end + usize::from(end < body.len());
            if end < body.len() {
                out.push('"');
            }
            skip(&mut chars, i + len);
        } else {
            out.push(c);
        }
    }
    out
}

/// The ordinary string literals of `source` (comments, chars and raw strings skipped), each
/// with the text just before it (to tell a panic message from a page's text).
pub fn literals(source: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            skip(&mut chars, i + rest.find('\n').unwrap_or(rest.len()));
        } else if c == '\'' && is_char_literal(rest) {
            skip(&mut chars, i + rest[1..].find('\'').map_or(1, |j| j + 2));
        } else if let Some(hashes) = raw_start(rest) {
            let closing = format!("\"{}", "#".repeat(hashes));
            let open = 2 + hashes;
            skip(
                &mut chars,
                i + rest[open..]
                    .find(&closing)
                    .map_or(rest.len(), |j| open + j + closing.len()),
            );
        } else if c == '"' {
            let body = &rest[1..];
            let end = literal_end(body);
            let before = source[..i].trim_end();
            let start = before.char_indices().rev().nth(11).map_or(0, |(j, _)| j);
            found.push((body[..end].to_string(), before[start..].to_string()));
            skip(&mut chars, i + 1 + end + usize::from(end < body.len()));
        }
    }
    found
}

/// Whether a literal reads as French for a pupil or a teacher: accented letters, French
/// quotes or spaces, or a capitalised word followed by others.
pub fn is_french(text: &str) -> bool {
    const FRENCH: &str = "àâäçéèêëîïôöùûüœæÀÂÇÉÈÊËÎÏÔÙÛÜŒ«»";
    if text.chars().any(|c| FRENCH.contains(c)) || text.contains(NBSP) {
        return true;
    }
    // Key names a page compares with, not text anyone reads.
    const KEYS: [&str; 4] = ["Enter", "Escape", "Tab", "Space"];
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &&str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 3
            && c.all(char::is_lowercase)
    };
    !words.is_empty()
        && !KEYS.contains(&text)
        && words.iter().any(capitalised)
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || "'’,.:;!?()-".contains(c))
        })
}

/// Whether French text may be written in `path` (relative to the root): `content/` holds it,
/// and tests (sample answers) are not page text.
fn may_hold_french(path: &Path) -> bool {
    let test_dir = path.parent().is_some_and(|dir| {
        dir.components()
            .any(|c| c.as_os_str().to_string_lossy().ends_with("_tests"))
    });
    path.starts_with(CONTENT)
        || test_dir
        || path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with("tests.rs"))
}

/// Text a pupil or teacher reads, written outside `crates/course/src/content/` (the rule: every
/// French sentence lives there). Tests and panic messages do not count.
pub fn french_outside_content() -> Vec<String> {
    let mut found = Vec::new();
    for path in sources() {
        if may_hold_french(path.strip_prefix(root()).unwrap_or(&path)) {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        // Unit tests at the end of a file hold sample answers, not page text.
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        for (text, before) in literals(code) {
            let panic_message = ["expect(", "panic!(", "unreachable!("]
                .iter()
                .any(|p| before.ends_with(p));
            if is_french(&text) && !panic_message {
                found.push(format!("{}: \"{text}\"", relative(&path)));
            }
        }
    }
    found
}

fn skip(chars: &mut std::iter::Peekable<std::str::CharIndices>, to: usize) {
    while chars.peek().is_some_and(|(j, _)| *j < to) {
        chars.next();
    }
}

/// `r"` or `r#"` (and more #) starting a raw string: the number of #.
pub(crate) fn raw_start(rest: &str) -> Option<usize> {
    let after_r = rest.strip_prefix('r')?;
    let hashes = after_r.chars().take_while(|&c| c == '#').count();
    after_r[hashes..].starts_with('"').then_some(hashes)
}

/// A char literal ('a', '"', '\'') rather than a lifetime ('a).
pub(crate) fn is_char_literal(rest: &str) -> bool {
    let mut it = rest.chars().skip(1);
    matches!(
        (it.next(), it.next()),
        (Some('\\'), _) | (Some(_), Some('\''))
    )
}

/// Where the literal that starts `body` ends (index of its closing quote).
pub(crate) fn literal_end(body: &str) -> usize {
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return i,
            _ => escaped = false,
        }
    }
    body.len()
}

fn relative(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

/// Rewrites the sources; with `check`, fails listing the files that need it.
pub fn run(check: bool) -> Result {
    let mut wrong = Vec::new();
    for path in sources() {
        let source =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let fixed = fix_source(&source);
        if fixed != source {
            if check {
                wrong.push(relative(&path));
            } else {
                std::fs::write(&path, fixed).map_err(|e| format!("{}: {e}", path.display()))?;
                eprintln!("✓ French spaces fixed in {}", relative(&path));
            }
        }
    }
    if !wrong.is_empty() {
        return Err(format!(
            "ordinary spaces where French needs non-breaking ones in {} (run `cargo xtask typo`)",
            wrong.join(", ")
        ));
    }
    if check {
        let outside = french_outside_content();
        if !outside.is_empty() {
            return Err(format!(
                "French text outside {CONTENT}/ (move it there):\n  {}",
                outside.join("\n  ")
            ));
        }
        eprintln!("✓ French typography of the app's texts, all in {CONTENT}/");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_text_is_told_from_code() {
        for french in [
            "Leçon",
            "«\\u{a0}x\\u{a0}»",
            "Tuto LLM est libre",
            "Mode projection",
            "Pause",
            "Valider",
        ] {
            assert!(is_french(french), "{french}");
        }
        for code in [
            "btn primary",
            "data-testid",
            "0 0 300 80",
            "mask-cell allowed",
            "{} {}",
            "Enter",
            "INPUT",
            "ArrowRight",
            "M",
        ] {
            assert!(!is_french(code), "{code}");
        }
        let lits = literals("let a = \"x\"; // \"no\"\nf.expect(\"Léa\"); r#\"raw\"#;");
        assert_eq!(lits.len(), 2, "comments and raw strings are skipped");
        assert_eq!((lits[0].0.as_str(), lits[1].0.as_str()), ("x", "Léa"));
        assert!(lits[1].1.ends_with("expect("));
    }

    #[test]
    fn french_belongs_in_the_course_content_only() {
        assert!(may_hold_french(Path::new(
            "crates/course/src/content/l1.rs"
        )));
        assert!(may_hold_french(Path::new(
            "crates/course/src/rules/tests.rs"
        )));
        assert!(may_hold_french(Path::new("crates/app/src/dom_tests.rs")));
        assert!(may_hold_french(Path::new(
            "crates/app/src/dom_tests/widgets.rs"
        )));
        for outside in [
            "crates/app/src/content/l1.rs",
            "crates/app/src/shell.rs",
            "crates/course/src/text.rs",
            "crates/course/src/rules/l1.rs",
        ] {
            assert!(!may_hold_french(Path::new(outside)), "{outside}");
        }
        // Both crates are read.
        let files = sources();
        for dir in CRATES {
            assert!(
                files.iter().any(|f| f.starts_with(root().join(dir))),
                "{dir}"
            );
        }
    }

    #[test]
    fn french_spaces_in_literals_only() {
        assert_eq!(fix("Bravo ! « a » : 4 192 noms, 50 min, 3 s, 12 %"), "Bravo\\u{a0}! «\\u{a0}a\\u{a0}»\\u{a0}: 4\\u{a0}192 noms, 50\\u{a0}min, 3\\u{a0}s, 12\\u{a0}%");
        assert_eq!(
            fix("2 sont là, 27 × 27, 1 000 000"),
            "2 sont là, 27 × 27, 1\\u{a0}000\\u{a0}000"
        );
        assert_eq!(fix("0 0 300 80"), "0 0 300 80");
        assert_eq!(fix("0 0 {w} 400"), "0 0 {w} 400");
        let source = "let a = x ? y; f(\"Oui !\"); let r = r#\"keep : this\"#; '\"'; fn f<'a>() {} \"b \\\" c ?\" // a \" comment !\n\"d !\"";
        assert_eq!(
            fix_source(source),
            "let a = x ? y; f(\"Oui\\u{a0}!\"); let r = r#\"keep : this\"#; '\"'; fn f<'a>() {} \"b \\\" c\\u{a0}?\" // a \" comment !\n\"d\\u{a0}!\""
        );
        // Idempotent.
        assert_eq!(fix_source(&fix_source(source)), fix_source(source));
    }
}
