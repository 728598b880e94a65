//! localStorage (kept by the browser) and sessionStorage (this tab, until the browser closes)
//! without surprises: a browser may refuse them (private mode, pages opened from file:// in
//! some browsers) or be full. Every access returns an error value instead of throwing.

/// The page's localStorage, if the browser allows it.
fn local() -> Result<web_sys::Storage, ()> {
    web_sys::window()
        .ok_or(())?
        .local_storage()
        .map_err(|_| ())?
        .ok_or(())
}

/// This tab's sessionStorage, if the browser allows it.
fn tab() -> Result<web_sys::Storage, ()> {
    web_sys::window()
        .ok_or(())?
        .session_storage()
        .map_err(|_| ())?
        .ok_or(())
}

/// Ok(None) when nothing is stored; Err when storage is refused.
pub fn get(key: &str) -> Result<Option<String>, ()> {
    local()?.get_item(key).map_err(|_| ())
}

/// Err when the browser refuses the write (refused, or full).
pub fn set(key: &str, value: &str) -> Result<(), ()> {
    local()?.set_item(key, value).map_err(|_| ())
}

pub fn remove(key: &str) {
    if let Ok(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// Every localStorage key starting with `prefix`.
pub fn keys_with(prefix: &str) -> Vec<String> {
    let Ok(s) = local() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// This tab's value for `key` (None when absent or refused).
pub fn tab_get(key: &str) -> Option<String> {
    tab().ok()?.get_item(key).ok().flatten()
}

pub fn tab_set(key: &str, value: &str) {
    if let Ok(s) = tab() {
        let _ = s.set_item(key, value);
    }
}

pub fn tab_remove(key: &str) {
    if let Ok(s) = tab() {
        let _ = s.remove_item(key);
    }
}
