//! Files the page hands to the pupil or the teacher (a model, a progress file, a notebook, a
//! table): made in the browser and downloaded, nothing sent anywhere.

use wasm_bindgen::JsCast;

/// The browser refused to hand the file over (downloads blocked, a locked-down profile…): the
/// caller says so in French (`message`), never silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused;

impl Refused {
    pub fn message(self) -> &'static str {
        course::content::widgets::DOWNLOAD_REFUSED
    }
}

/// Downloads `text` as a file named `filename` (of type `mime`).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), Refused> {
    start_download(filename, mime, text).map_err(|_| Refused)
}

fn start_download(filename: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // The click has started the download: the address may go once the browser has read it.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
