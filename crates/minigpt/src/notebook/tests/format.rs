//! The notebook file itself: valid nbformat 4.5, text from outside shown as text (never markup,
//! never code), French typography, the file's name.

use super::*;
use crate::vocab::Alphabet;

const HOSTILE: &str = "<script>window.x=1</script><img src=x onerror=\"window.x=2\"> <a href=\"javascript:window.x=4\">clic</a> [lien](javascript:alert(1)) <javascript:alert(2)> ![i](x) **gras** `code` $\\href{javascript:x}{y}$ \"\"\" ''' \\ \n# titre\n| a | b |\u{202e}";

/// A model whose every text comes from a hostile file, and names with quotes and line breaks.
fn hostile() -> (Gpt, About) {
    let (model, _) = trained();
    let names: Vec<String> = ["a\"b", "c\\nd", "e'''f", "g\nimport os", "h\u{202e}i"]
        .iter()
        .map(|n| n.to_string())
        .collect();
    let about = About {
        data: HOSTILE.into(),
        dataset: HOSTILE.into(),
        pupil: HOSTILE.into(),
        note: HOSTILE.into(),
        shown: Some(Shown {
            value: 2.5,
            decimals: 2,
            names: names.clone(),
        }),
        train_names: names.clone(),
        eval_names: names,
        ..About::default()
    };
    (model, about)
}

#[test]
fn cells_are_valid_nbformat_4_5() {
    let (model, about) = trained();
    for flavour in [Flavour::Python, Flavour::PyTorch] {
        let book: Value = serde_json::from_str(&notebook(&model, &about, flavour)).unwrap();
        assert_eq!(
            (book["nbformat"].as_u64(), book["nbformat_minor"].as_u64()),
            (Some(4), Some(5))
        );
        let mut ids = std::collections::HashSet::new();
        for cell in book["cells"].as_array().unwrap() {
            let id = cell["id"].as_str().unwrap();
            assert!(
                (1..=64).contains(&id.len())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{id}"
            );
            assert!(ids.insert(id.to_string()), "{id} twice");
            let mut keys: Vec<&str> = cell
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            keys.sort();
            let expected: &[&str] = match cell["cell_type"].as_str().unwrap() {
                "markdown" => &["cell_type", "id", "metadata", "source"],
                "code" => &[
                    "cell_type",
                    "execution_count",
                    "id",
                    "metadata",
                    "outputs",
                    "source",
                ],
                other => panic!("{other}"),
            };
            assert_eq!(keys, expected);
            assert!(cell["source"]
                .as_array()
                .unwrap()
                .iter()
                .all(Value::is_string));
        }
    }
}

#[test]
fn text_from_outside_is_text_in_markdown_and_data_in_code() {
    let (model, about) = hostile();
    for flavour in [Flavour::Python, Flavour::PyTorch] {
        let book = notebook(&model, &about, flavour);
        for (kind, id, source) in cells_of(&book) {
            if kind != "markdown" {
                continue;
            }
            // No tag anywhere; the text from outside is there, escaped (`markdown_escapes_every_sign`).
            assert!(
                !source.contains('<') && !source.contains('>'),
                "{id}: {source}"
            );
            if id == "intro" {
                assert!(source.contains(&markup::plain(HOSTILE)), "{source}");
            }
        }
        let Some(python) = python() else { continue };
        // Every code cell parses, and the names come back exactly, as string data.
        let check = r#"
import ast, json, sys
cellules = json.loads(sys.stdin.read())
listes = {}
for source in cellules:
    for noeud in ast.parse(source).body:
        if isinstance(noeud, ast.Assign) and isinstance(noeud.value, ast.List):
            listes[noeud.targets[0].id] = ast.literal_eval(noeud.value)
print(json.dumps(listes))
"#;
        let sources: Vec<String> = cells_of(&book)
            .into_iter()
            .filter(|(kind, _, _)| kind == "code")
            .map(|(_, _, s)| s)
            .collect();
        let out = run_python(
            &python,
            check,
            "hostile",
            &serde_json::to_string(&sources).unwrap(),
        );
        let lists: Value = serde_json::from_str(out.trim()).unwrap();
        // (The PyTorch notebook measures the displayed loss's names: no second copy of them.)
        let shown = if flavour == Flavour::Python {
            "NOMS_DE_TUTO_LLM"
        } else {
            "NOMS"
        };
        for list in ["NOMS", "NOMS_A_MESURER", shown] {
            assert_eq!(lists[list], json!(about.train_names), "{list}");
        }
    }
}

#[test]
fn markdown_escapes_every_sign() {
    let escaped = markup::plain(HOSTILE);
    for c in ['<', '>', '\n', '\u{202e}', '$'] {
        assert!(!escaped.contains(c), "{c:?} in {escaped}");
    }
    // Each ASCII sign Markdown reads comes after a backslash.
    let chars: Vec<char> = escaped.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if "[]()*_`#|!".contains(*c) {
            assert_eq!(chars[i - 1], '\\', "{escaped}");
        }
        // No backslash of the text itself: only the escaping ones, before a sign.
        if *c == '\\' {
            assert!(
                chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()),
                "{escaped}"
            );
        }
    }
    assert_eq!(markup::plain(&"é".repeat(400)).chars().count(), 301);
}

#[test]
fn the_markdown_is_french() {
    let (model, about) = trained();
    for flavour in [Flavour::Python, Flavour::PyTorch] {
        for (kind, id, source) in cells_of(&notebook(&model, &about, flavour)) {
            if kind != "markdown" {
                continue;
            }
            for bad in [" :", " ;", " !", " ?", " »", "« "] {
                assert!(!source.contains(bad), "{id}: {bad:?} in {source}");
            }
            assert!(
                !source.contains("1 couche,") && !source.contains("pas** pendant"),
                "{source}"
            );
        }
    }
}

/// French spaces in the Python code's comments and strings, read by Python's own tokenizer.
#[test]
fn the_code_s_comments_and_messages_are_french() {
    let (model, about) = trained();
    let Some(python) = python() else { return };
    let check = r#"
import io, json, sys, tokenize
fautes = []
for source in json.loads(sys.stdin.read()):
    for jeton in tokenize.generate_tokens(io.StringIO(source).readline):
        if jeton.type in (tokenize.STRING, tokenize.COMMENT):
            for faute in (" :", " ;", " !", " ?", " »", "« "):
                if faute in jeton.string:
                    fautes.append(jeton.string)
print(json.dumps(fautes))
"#;
    for flavour in [Flavour::Python, Flavour::PyTorch] {
        let sources: Vec<String> = cells_of(&notebook(&model, &about, flavour))
            .into_iter()
            .filter(|(kind, id, _)| kind == "code" && id != "poids")
            .map(|(_, _, s)| s)
            .collect();
        let out = run_python(
            &python,
            check,
            "typo",
            &serde_json::to_string(&sources).unwrap(),
        );
        assert_eq!(out.trim(), "[]", "{flavour:?}");
    }
}

#[test]
fn the_file_name_carries_the_data_and_the_pupil() {
    assert_eq!(
        Flavour::Python.file_name("pokemon", "Inès"),
        "mon-mini-gpt-pokemon-ines.ipynb"
    );
    assert_eq!(
        Flavour::PyTorch.file_name("Ma liste !", "Zoé-Lou Œ"),
        "mon-mini-gpt-ma-liste-zoe-lou-oe-pytorch.ipynb"
    );
    assert_eq!(Flavour::Python.file_name("", "  "), "mon-mini-gpt.ipynb");
    let name = Flavour::Python.file_name("../../etc/passwd", "<script>😀\u{202e}");
    assert_eq!(name, "mon-mini-gpt-etc-passwd-script.ipynb");
    let long = Flavour::Python.file_name(&"a".repeat(500), &"b".repeat(500));
    assert!(long.len() < 100, "{long}");
    let _ = Alphabet::Letters;
}
