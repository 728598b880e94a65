//! The one clock of the app, on the page and in a worker alike: milliseconds since the page
//! (or the worker) started, from `performance.now()`, precise and never going back.

use wasm_bindgen::JsCast;

pub fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or_else(js_sys::Date::now, |p| p.now())
}
