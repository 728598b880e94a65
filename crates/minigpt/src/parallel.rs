//! Sharing work between the machine's cores. Natively, a batch of names is cut into one part
//! per core and rayon's threads compute the parts at the same time (one meeting per training
//! step: cheap). In the browser, one thread per page or worker: everything runs in order.

/// How many parts to cut work into: the cores rayon uses natively, 1 in the browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn threads() -> usize {
    rayon::current_num_threads()
}

#[cfg(target_arch = "wasm32")]
pub fn threads() -> usize {
    1
}

/// Runs `work(i, item)` on every item, at the same time on several threads when there are.
pub fn for_each_item<T: Send, F>(items: &mut [T], work: F)
where
    F: Fn(usize, &mut T) + Sync + Send,
{
    #[cfg(not(target_arch = "wasm32"))]
    if threads() > 1 && items.len() > 1 {
        use rayon::prelude::*;
        items
            .par_iter_mut()
            .enumerate()
            .for_each(|(i, item)| work(i, item));
        return;
    }
    for (i, item) in items.iter_mut().enumerate() {
        work(i, item);
    }
}
