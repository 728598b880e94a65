//! The publisher's legal notice (`publication.toml` at the repository's root), handed to the
//! app's build as environment variables: the page shows it at `#/mentions-legales`.

use crate::Result;
use std::path::Path;

#[derive(Debug, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Publication {
    #[serde(default)]
    editeur: String,
    #[serde(default)]
    directeur_publication: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    hebergeur: String,
    #[serde(default)]
    depot: String,
}

/// The variables the app reads with `option_env!` (empty when the file leaves them empty, or
/// when there is no file: the page then says what to fill in).
pub fn read(path: &Path) -> Result<Vec<(&'static str, String)>> {
    let p: Publication = match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?,
        Err(_) => Publication::default(),
    };
    Ok(vec![
        ("TUTO_PUBLISHER", p.editeur),
        ("TUTO_DIRECTOR", p.directeur_publication),
        ("TUTO_CONTACT", p.contact),
        ("TUTO_HOST", p.hebergeur),
        ("TUTO_REPOSITORY", p.depot),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_file_reads_and_a_typo_is_refused() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let vars = read(&root.join("publication.toml")).unwrap();
        assert_eq!(vars.len(), 5);
        let dir = std::env::temp_dir().join("tuto-llm-publication-test");
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("publication.toml");
        std::fs::write(&bad, "editor = \"x\"\n").unwrap();
        assert!(read(&bad).unwrap_err().contains("unknown field"));
        std::fs::write(&bad, "editeur = \"Collège Jean Moulin\"\n").unwrap();
        assert_eq!(read(&bad).unwrap()[0].1, "Collège Jean Moulin");
        assert_eq!(read(&dir.join("absent.toml")).unwrap()[0].1, "");
    }
}
