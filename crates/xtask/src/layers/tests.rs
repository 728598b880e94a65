use super::*;

const ORDER: Order = &[&["text"], &["content"], &["pages"]];

fn run_on(files: &[(&str, &str)]) -> Vec<String> {
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    check("src", ORDER, &top_modules(&sources), &imports(&sources))
}

#[test]
fn imports_down_the_layers_pass() {
    let errors = run_on(&[
        ("text.rs", "pub fn fr() {}"),
        ("content/mod.rs", "use crate::text::fr;\npub mod l1;"),
        (
            "content/l1.rs",
            "use super::super::text::fr; use super::common;",
        ),
        (
            "pages/bench.rs",
            "use crate::{content::l1, text};\nfn f() { crate::text::fr() }",
        ),
        ("lib.rs", "mod content; mod pages; use pages::x;"),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn an_upward_import_fails_naming_its_line() {
    let errors = run_on(&[
        ("text.rs", "pub fn fr() {}"),
        (
            "content/pages.rs",
            "// a comment\nuse crate::pages::bench::Wait;",
        ),
        ("pages/bench.rs", "pub enum Wait {}"),
    ]);
    assert!(
        errors
            .iter()
            .any(|e| e
                .starts_with("src/content/pages.rs:2: `content` uses `pages`, in a layer above")),
        "{errors:?}"
    );
    // In a group, and through `super::` from a top-level file.
    let errors = run_on(&[
        ("text.rs", "use crate::{self, content::common as c};"),
        ("content/mod.rs", ""),
        ("pages/mod.rs", ""),
    ]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("src/text.rs:1: `text` uses `content`"));
    let errors = run_on(&[("text.rs", "use super::pages;"), ("pages.rs", "")]);
    assert!(
        errors[0].starts_with("src/text.rs:1: `text` uses `pages`"),
        "{errors:?}"
    );
}

#[test]
fn a_sibling_or_an_unknown_module_fails() {
    const FLAT: Order = &[&["a", "b"]];
    let sources = vec![
        ("a.rs".to_string(), "use crate::b::X;".to_string()),
        ("b.rs".to_string(), String::new()),
        ("c.rs".to_string(), String::new()),
    ];
    let errors = check("src", FLAT, &top_modules(&sources), &imports(&sources));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`a` uses `b`, in its own layer")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("module `c` is in no layer")),
        "{errors:?}"
    );
}

#[test]
fn a_cycle_fails_naming_its_imports() {
    let errors = run_on(&[
        ("text.rs", "fn f() { crate::content::X; }"),
        ("content.rs", "use crate::text::fr;"),
    ]);
    let cycle = errors
        .iter()
        .find(|e| e.contains("cycle"))
        .expect("the cycle is reported");
    assert!(
        cycle.contains("text → content (src/text.rs:1)")
            && cycle.contains("content → text (src/content.rs:1)"),
        "{cycle}"
    );
    let longer = [
        import("a", "b"),
        import("b", "c"),
        import("c", "a"),
        import("c", "d"),
    ];
    let cycle = find_cycle(&longer).expect("a → b → c → a");
    assert_eq!(cycle.len(), 3);
    assert!(find_cycle(&longer[..2]).is_none());
}

fn import(from: &str, to: &str) -> Import {
    Import {
        from: from.into(),
        to: to.into(),
        file: format!("{from}.rs"),
        line: 1,
    }
}

#[test]
fn test_code_comments_and_strings_are_ignored() {
    let errors = run_on(&[
        (
            "text.rs",
            "pub fn fr() {}\n// use crate::pages;\nconst S: &str = \"crate::pages {\";\n/* crate::pages */\n\
             #[cfg(test)]\nmod tests {\n    use crate::pages::x;\n    fn f() { if true { crate::content::y } }\n}\n\
             #[cfg(test)]\nmod more;\nfn g() -> char { '{' }",
        ),
        ("text/tests.rs", "use crate::pages::z;"),
        ("content/rules_tests.rs", "use crate::pages::z;"),
        // A folder of tests is no module of the layers, and its imports do not count.
        ("dom_tests/mod.rs", "use crate::pages::z;"),
        ("dom_tests/widgets.rs", "use crate::pages::z;"),
        ("pages.rs", ""),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    // What follows a test module is code again.
    let errors = run_on(&[
        (
            "text.rs",
            "#[cfg(test)]\nmod tests { fn f() {} }\nuse crate::pages;",
        ),
        ("pages.rs", ""),
    ]);
    assert!(errors[0].starts_with("src/text.rs:3:"), "{errors:?}");
}

#[test]
fn the_real_tree_keeps_its_layers() {
    run().unwrap();
    // The check reads the real imports (it would pass on an empty graph too).
    for (dir, edges) in [
        (
            "crates/course/src",
            [("content", "text"), ("rules", "content")],
        ),
        (
            "crates/app/src",
            [("lessons", "exercise"), ("shell", "pages")],
        ),
    ] {
        let found = imports(&read_sources(&root().join(dir)).unwrap());
        for (from, to) in edges {
            assert!(
                found.iter().any(|i| i.from == from && i.to == to),
                "{dir}: {from} → {to} not seen"
            );
        }
    }
}
