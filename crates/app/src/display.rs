//! Projector mode: larger type, thicker lines, higher contrast, secondary text hidden, keyboard
//! shortcuts shown. Persisted in localStorage; a teacher's bookmark can force it with
//! `?projection=1` (or turn it off with `?projection=0`) anywhere in the address.

const KEY: &str = "tuto-llm.projection";

/// What the address asks for, if anything.
fn from_address() -> Option<bool> {
    let location = web_sys::window()?.location();
    let text = format!(
        "{}{}",
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if text.contains("projection=1") {
        Some(true)
    } else if text.contains("projection=0") {
        Some(false)
    } else {
        None
    }
}

pub fn initial_projection() -> bool {
    let on = from_address()
        .unwrap_or_else(|| crate::storage::get(KEY).ok().flatten().as_deref() == Some("true"));
    apply(on);
    on
}

/// Puts the mode on the <html> element (CSS does the rest) and remembers it.
pub fn apply(on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if on {
            root.class_list().add_1("projection")
        } else {
            root.class_list().remove_1("projection")
        };
    }
    let _ = crate::storage::set(KEY, if on { "true" } else { "false" });
}
