//! Watching the page's main thread while the workers train: the longest task, from the
//! browser's own long-task reports where it has them, else from the lateness of a heartbeat.

use crate::clock::now_ms;
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Watches the page's main thread while the worker trains: the longest task, from the browser's
/// own long-task reports where it has them, else from the lateness of a 25 ms heartbeat.
pub struct MainThreadWatch {
    pub longest: Rc<Cell<f64>>,
    _observer: Option<(web_sys::PerformanceObserver, EntriesCallback)>,
    _heartbeat: Option<Interval>,
}

type EntriesCallback = Closure<dyn FnMut(web_sys::PerformanceObserverEntryList)>;

impl MainThreadWatch {
    pub fn start() -> MainThreadWatch {
        let longest = Rc::new(Cell::new(0.0f64));
        // PerformanceObserver.supportedEntryTypes (read by hand: not every browser has it).
        let supported = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
            .and_then(|po| js_sys::Reflect::get(&po, &"supportedEntryTypes".into()))
            .ok()
            .filter(js_sys::Array::is_array)
            .is_some_and(|v| {
                js_sys::Array::from(&v)
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("longtask"))
            });
        if supported {
            let l = longest.clone();
            let callback = Closure::<dyn FnMut(web_sys::PerformanceObserverEntryList)>::new(
                move |list: web_sys::PerformanceObserverEntryList| {
                    for e in list.get_entries().iter() {
                        let e: web_sys::PerformanceEntry = e.unchecked_into();
                        l.set(l.get().max(e.duration()));
                    }
                },
            );
            if let Ok(observer) =
                web_sys::PerformanceObserver::new(callback.as_ref().unchecked_ref())
            {
                let init =
                    web_sys::PerformanceObserverInit::new(&js_sys::Array::of1(&"longtask".into()));
                observer.observe(&init);
                return MainThreadWatch {
                    longest,
                    _observer: Some((observer, callback)),
                    _heartbeat: None,
                };
            }
        }
        let (l, last) = (longest.clone(), Rc::new(Cell::new(now_ms())));
        let heartbeat = Interval::new(25, move || {
            let now = now_ms();
            l.set(l.get().max(now - last.get() - 25.0));
            last.set(now);
        });
        MainThreadWatch {
            longest,
            _observer: None,
            _heartbeat: Some(heartbeat),
        }
    }
}

impl Drop for MainThreadWatch {
    fn drop(&mut self) {
        if let Some((observer, _)) = &self._observer {
            observer.disconnect();
        }
    }
}
