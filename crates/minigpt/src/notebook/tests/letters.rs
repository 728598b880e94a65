//! Each notebook's cleaner against the app's (`Alphabet::clean`), on tricky names and on every
//! character `letters` asks about, in both alphabets.

use super::*;
use crate::vocab::Alphabet;

const TRICKY: [&str; 24] = [
    "Petit à petit, l’oiseau fait son nid.\nQui vivra verra !",
    "a - - b,, c\n, d ,e,",
    "Béziers",
    "Nîmes",
    "Saint-Étienne",
    "Zaïre-Emery",
    "Le Havre",
    "Kylian Mbappé",
    "l'Haÿ-les-Roses",
    "l’Haÿ-les-Roses",
    "Œdipe",
    "ÆSIR",
    "Straße",
    "R2-D2 et C-3PO",
    "Pikachu 🐭⚡ Évoli",
    "Noël\tZoé\nLéa",
    "  Le   Mans  ",
    "Jean--Noël -Léa- ---",
    "«\u{a0}Dupont\u{a0}» ; Durand, Martin",
    "Ｆｕｌｌ ｗｉｄｔｈ",
    "ﬁlle ﬂeur",
    "Muñoz, Çağlar, Łódź, Dvořák",
    "pikachu, Pikachu, PIKACHU",
    "a\u{202e}b\u{200b}c",
];

/// Every character the rules were read from, between two letters and alone.
fn probed_texts() -> Vec<String> {
    let mut texts = Vec::new();
    for c in (0u32..0x2500)
        .chain(0xfb00..0xfb07)
        .chain(0xff00..0xff66)
        .filter_map(char::from_u32)
    {
        texts.push(format!("a{c}b"));
        texts.push(format!("{c}"));
    }
    texts
}

#[test]
fn each_notebook_cleans_text_as_the_app_does() {
    let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
    texts.extend(probed_texts());
    let input = serde_json::to_string(&texts).unwrap();
    let Some(python) = python() else { return };
    // A character newer than this Python's Unicode tables is skipped (`None`): Python cannot
    // fold it; a browser's newer Python (Pyodide's Unicode 16) can.
    let read = "\nimport sys\ninconnu = lambda t: any(unicodedata.category(c) == 'Cn' for c in t)\nprint(json.dumps([None if inconnu(t) else noms_de(t) for t in json.loads(sys.stdin.read())]))\n";
    for alphabet in Alphabet::ALL {
        let model = Gpt::new(
            Config::default().with_alphabet(alphabet),
            &mut rand_chacha::ChaCha8Rng::seed_from_u64(1),
        )
        .unwrap();
        for flavour in [Flavour::Python, Flavour::PyTorch] {
            let book = notebook(&model, &About::default(), flavour);
            let code = format!(
                "import json\n{}{read}",
                code_cells(&book, &["reglages", "lettres"])
            );
            let out = run_python(&python, &code, "letters", &input);
            let theirs: Vec<Option<Vec<String>>> = serde_json::from_str(out.trim()).unwrap();
            let mut differ = Vec::new();
            for (text, theirs) in texts.iter().zip(&theirs) {
                let Some(theirs) = theirs else { continue };
                let ours = alphabet.clean(text).names;
                if &ours != theirs {
                    differ.push(format!("{text:?}: app {ours:?}, notebook {theirs:?}"));
                }
            }
            assert!(
                differ.is_empty(),
                "{alphabet:?} {flavour:?}:\n{}",
                differ.join("\n")
            );
            let known = theirs.iter().filter(|t| t.is_some()).count();
            assert!(known > texts.len() * 9 / 10, "{known} of {}", texts.len());
        }
    }
}

#[test]
fn the_rules_are_read_off_the_app() {
    let letters = super::super::letters::rules(Alphabet::Letters);
    assert!(letters.separators.contains(['\n', ',', ';', '\t']));
    assert!(letters.replacements.contains(&('œ', "oe".to_string())));
    assert_eq!(letters.joints, "");
    let extended = super::super::letters::rules(Alphabet::Extended);
    assert!(extended.joints.contains('-'));
    assert!(!extended.replacements.iter().any(|(c, _)| *c == 'œ'));
}
