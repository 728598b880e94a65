//! Model files written by earlier versions still open and give exactly the probabilities they
//! gave when they were saved. The fixtures were written by the code of commit 8f50542, before the
//! extended alphabet gained the space, the apostrophe and the comma: `extended43-v2.json` (a
//! 43-token model, file version 2), `letters-v1.json` (a 27-token model as version 1 wrote it, no
//! alphabet in its configuration), and `probabilities.json` (the bits of their next-letter
//! probabilities after a few contexts, computed then).

use minigpt::sample::probabilities_at;
use minigpt::{saved, Alphabet, Model, Tape};

const EXTENDED_43: &str = include_str!("fixtures/extended43-v2.json");
const LETTERS_V1: &str = include_str!("fixtures/letters-v1.json");
const PROBABILITIES: &str = include_str!("fixtures/probabilities.json");

/// Every recorded context of `file`: the probabilities the loaded model gives now, bit for bit.
fn same_probabilities(file: &str, text: &str) -> usize {
    let (gpt, _) = saved::from_json(text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let record: serde_json::Value = serde_json::from_str(PROBABILITIES).unwrap();
    let contexts = record[file].as_array().unwrap();
    for entry in contexts {
        let context = entry["context"].as_str().unwrap();
        let ids = gpt.alphabet().encode_name(context);
        let probs = probabilities_at(
            &gpt.next_logits(&mut Tape::new(), &ids[..ids.len() - 1]),
            1.0,
        );
        let bits: Vec<u64> = probs.iter().map(|p| p.to_bits() as u64).collect();
        let recorded: Vec<u64> = entry["bits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_u64().unwrap())
            .collect();
        assert_eq!(bits, recorded, "{file} after « {context} »");
    }
    contexts.len()
}

#[test]
fn a_43_token_file_of_version_2_gives_the_same_probabilities() {
    let (gpt, note) = saved::from_json(EXTENDED_43).unwrap();
    assert_eq!(gpt.config.vocab, 43);
    assert_eq!(gpt.config.alphabet, Alphabet::Accents);
    assert!(note.starts_with("mots"));
    assert_eq!(same_probabilities("extended43-v2.json", EXTENDED_43), 6);
    // Saved again, it says which alphabet it has, and comes back the same.
    let again = saved::to_json(&gpt, &note);
    assert!(again.contains("\"version\":3") && again.contains("\"alphabet\":\"accents\""));
    assert_eq!(same_probabilities("extended43-v2.json", &again), 6);
    // A file of this version calling 43 tokens « extended » is damaged, not guessed.
    let wrong = again.replace("\"alphabet\":\"accents\"", "\"alphabet\":\"extended\"");
    assert!(matches!(
        saved::from_json(&wrong),
        Err(saved::LoadError::Damaged(_))
    ));
}

#[test]
fn a_version_1_file_gives_the_same_probabilities() {
    let (gpt, _) = saved::from_json(LETTERS_V1).unwrap();
    assert_eq!(gpt.config.vocab, 27);
    assert_eq!(same_probabilities("letters-v1.json", LETTERS_V1), 4);
}
