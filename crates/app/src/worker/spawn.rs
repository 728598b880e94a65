//! Making a worker: a second copy of this very wasm module, started from a blob URL (so it also
//! works from a page opened as a file, and under a CSP that only allows `worker-src blob:`).

use course::content::training as text;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Appended to the wasm-bindgen glue to make the worker's script: the first message is the
/// compiled module; instantiating it runs `main`, which sees it is in a worker and listens.
fn boot() -> String {
    format!(
        r#"
self.onmessage = (event) => {{
  self.onmessage = null;
  __wbg_init({{ module_or_path: event.data }}).catch((e) =>
    self.postMessage([JSON.stringify({{ Failed: {} + e }})]));
}};
"#,
        serde_json::to_string(text::BOOT_FAILED).unwrap_or_default()
    )
}

thread_local! {
    static GLUE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The wasm-bindgen glue's source: given by the one-file page, else fetched from the server.
async fn glue_source() -> Result<String, JsValue> {
    if let Some(text) = GLUE.with(|g| g.borrow().clone()) {
        return Ok(text);
    }
    let text = match js_sys::Reflect::get(&js_sys::global(), &"__tutoGlue".into())?.as_string() {
        Some(text) => text,
        None => {
            let document = gloo::utils::document();
            let link = document
                .query_selector("link[rel=modulepreload][href$='.js']")?
                .ok_or("no glue link")?;
            let href = link.unchecked_into::<web_sys::HtmlLinkElement>().href();
            let response: web_sys::Response =
                JsFuture::from(gloo::utils::window().fetch_with_str(&href))
                    .await?
                    .dyn_into()?;
            if !response.ok() {
                return Err("glue not found".into());
            }
            JsFuture::from(response.text()?)
                .await?
                .as_string()
                .ok_or("glue is not text")?
        }
    };
    GLUE.with(|g| *g.borrow_mut() = Some(text.clone()));
    Ok(text)
}

/// wasm-bindgen's glue (an ES module) as a classic script: no export line, and the module's own
/// address (only used when no compiled module is given, never here) replaced by the worker's.
pub fn classic_script(glue: &str) -> String {
    glue.lines()
        .filter(|l| !l.trim_start().starts_with("export {"))
        .map(|l| l.replace("import.meta.url", "self.location.href"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The blob address of the workers' script (revoke it once the workers have read it).
pub async fn script_url() -> Result<String, JsValue> {
    let glue = classic_script(&glue_source().await?);
    let parts = js_sys::Array::of2(&JsValue::from_str(&glue), &JsValue::from_str(&boot()));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// A new worker running the script at `url`, sent the compiled module to start with.
pub fn new_worker(url: &str) -> Result<web_sys::Worker, JsValue> {
    // A classic worker: Chromium refuses module workers from a page opened as a file.
    let worker = web_sys::Worker::new(url)?;
    if let Err(e) = worker.post_message(&wasm_bindgen::module()) {
        worker.terminate();
        return Err(e);
    }
    Ok(worker)
}

/// How many workers this computer can keep busy: its logical cores as the browser reports
/// them, at most 8 (the page itself only draws).
pub fn cores() -> usize {
    let reported = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"hardwareConcurrency".into()))
        .ok()
        .and_then(|c| c.as_f64())
        .unwrap_or(1.0);
    (reported as usize).clamp(1, MAX_WORKERS)
}

pub const MAX_WORKERS: usize = 8;
