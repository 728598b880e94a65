//! localStorage without surprises: a browser may refuse it (private mode, pages opened from
//! file:// in some browsers). Every access returns an error value instead of throwing.

/// The page's localStorage, if the browser allows it.
fn local() -> Result<web_sys::Storage, ()> {
    web_sys::window()
        .ok_or(())?
        .local_storage()
        .map_err(|_| ())?
        .ok_or(())
}

/// Ok(None) when nothing is stored; Err when storage is refused.
pub fn get(key: &str) -> Result<Option<String>, ()> {
    local()?.get_item(key).map_err(|_| ())
}

pub fn set(key: &str, value: &str) -> Result<(), ()> {
    local()?.set_item(key, value).map_err(|_| ())
}

pub fn remove(key: &str) {
    if let Ok(s) = local() {
        let _ = s.remove_item(key);
    }
}
