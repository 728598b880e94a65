//! The progress and the seen log in localStorage: read, written, and what failed. The page's
//! copy is the truth when a write fails (`course::progress::merge::base_for_change`); this
//! module only says what the browser holds and whether it took a write.

use course::content::pages::{PROGRESS_DAMAGED as DAMAGED, PROGRESS_UNREADABLE as UNREADABLE};
use course::progress::seen::SeenLog;
use course::progress::store::{self, Loaded, Store};

pub const KEY: &str = "tuto-llm.progress";
/// The answers already shown on this browser (not a pupil's: kept by every erase).
pub const SEEN_KEY: &str = "tuto-llm.seen";
/// A random word of this browser's, so two nameless pupils on two PCs see different orders.
const SEED_KEY: &str = "tuto-llm.seed";

/// What reading the stored progress gave.
pub enum Read {
    /// Nothing stored yet, or readable progress (and a notice when part of it was damaged).
    Store(Store, Option<&'static str>),
    /// Stored, but not progress at all.
    Unreadable,
    /// Written by a newer version: not to be read nor overwritten.
    Newer,
    /// The browser refuses storage.
    Refused,
}

pub fn read() -> Read {
    match crate::storage::get(KEY) {
        Ok(None) => Read::Store(Store::default(), None),
        Ok(Some(text)) => match store::load(&text) {
            Loaded::Ok { store, dropped: 0 } => Read::Store(store, None),
            Loaded::Ok { store, .. } => Read::Store(store, Some(DAMAGED)),
            Loaded::Unreadable => Read::Unreadable,
            Loaded::Newer(_) => Read::Newer,
        },
        Err(_) => Read::Refused,
    }
}

/// The notice for a stored copy that could not be read at all.
pub const UNREADABLE_NOTICE: &str = UNREADABLE;

/// The stored copy, when there is a readable one.
pub fn stored() -> Option<Store> {
    match read() {
        Read::Store(store, _) => Some(store),
        _ => None,
    }
}

/// Ok when the browser kept it.
pub fn write(store: &Store) -> Result<(), ()> {
    crate::storage::set(KEY, &store::save(store))
}

pub fn read_seen() -> SeenLog {
    crate::storage::get(SEEN_KEY)
        .ok()
        .flatten()
        .map(|t| SeenLog::load(&t))
        .unwrap_or_default()
}

/// Keeps the log (with what other tabs logged meanwhile); the page's copy stays if refused.
pub fn write_seen(log: &mut SeenLog) {
    log.merge(&read_seen());
    let _ = crate::storage::set(SEEN_KEY, &log.save());
}

pub fn browser_seed() -> String {
    if let Ok(Some(seed)) = crate::storage::get(SEED_KEY) {
        return seed;
    }
    let seed = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
    let _ = crate::storage::set(SEED_KEY, &seed);
    seed
}

/// The models a lesson kept for these sessions or pupils (`training::saved` keys them
/// `tuto-llm.models.<lesson>.<key>`); all of them when `keys` is None.
pub fn forget_models(keys: Option<&[String]>) {
    for k in crate::storage::keys_with("tuto-llm.models.") {
        let owner = k.splitn(4, '.').nth(3).unwrap_or_default();
        if keys.is_none_or(|keys| keys.iter().any(|key| key == owner)) {
            crate::storage::remove(&k);
        }
    }
}
