//! The training worker's script, made from the wasm-bindgen glue.

use super::*;

#[wasm_bindgen_test]
fn the_worker_script_is_a_classic_script() {
    let glue = "let wasm;\nconst u = new URL('app_bg.wasm', import.meta.url);\nexport { initSync, __wbg_init as default };";
    let script = crate::worker::spawn::classic_script(glue);
    assert!(!script.contains("export"));
    assert!(!script.contains("import.meta"));
    assert!(script.contains("self.location.href"));
}
