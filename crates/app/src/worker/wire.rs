//! Every message between the page and its workers (and between two workers), as it travels:
//! an array whose first item is the message as JSON text and whose next items are its numbers
//! as Float32Arrays. The numbers' buffers are handed over (transferred), not copied; a
//! MessagePort travels the same way. The one place that writes and reads that format, for the
//! page (`crew`) and the worker (`host`) alike.

use js_sys::{Array, Float32Array};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessagePort, Worker};

/// Where a message goes.
pub enum To<'a> {
    /// From the page to a worker.
    Worker(&'a Worker),
    /// From a worker to its page.
    Page(&'a DedicatedWorkerGlobalScope),
    /// From a worker to another, by their channel.
    Port(&'a MessagePort),
}

/// Sends `message`, its `numbers` and `ports`; the numbers' buffers and the ports are handed
/// over (the sender can no longer use them). A message that cannot be sent is dropped: the
/// page's watch (`course::worker::supervise`) deals with a run that then stands still.
pub fn send(to: To, message: &impl Serialize, numbers: &[Float32Array], ports: &[JsValue]) {
    let text = serde_json::to_string(message).unwrap_or_default();
    let parts = Array::of1(&text.into());
    let transfer = Array::new();
    for array in numbers {
        parts.push(array);
        transfer.push(&array.buffer());
    }
    for port in ports {
        transfer.push(port);
    }
    let _ = match to {
        To::Worker(w) => w.post_message_with_transfer(&parts, &transfer),
        To::Page(scope) => scope.post_message_with_transfer(&parts, &transfer),
        To::Port(port) => port.post_message_with_transferable(&parts, &transfer),
    };
}

/// Numbers from Rust, in a new array to send.
pub fn numbers(values: &[f32]) -> Float32Array {
    Float32Array::from(values)
}

/// A message received: what it says, and its numbers as they came.
pub struct Received<M> {
    pub message: M,
    parts: Array,
}

impl<M> Received<M> {
    /// The message's `i`-th numbers (0: the first after the text), as they came.
    pub fn numbers(&self, i: u32) -> Option<Float32Array> {
        self.parts.get(i + 1).dyn_into().ok()
    }

    /// The message's `i`-th numbers, copied into Rust (empty if it has none).
    pub fn to_vec(&self, i: u32) -> Vec<f32> {
        self.numbers(i).map(|a| a.to_vec()).unwrap_or_default()
    }
}

/// Reads a message event's data; None if it is not a message of this format.
pub fn read<M: DeserializeOwned>(data: JsValue) -> Option<Received<M>> {
    let parts: Array = data.dyn_into().ok()?;
    let message = serde_json::from_str(&parts.get(0).as_string()?).ok()?;
    Some(Received { message, parts })
}
