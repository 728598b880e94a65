#![cfg(not(target_arch = "wasm32"))]
//! What a training step allocates once the trainer is warm, counted by a wrapping allocator:
//! the tape's buffers are reused, so a step only makes a few short lists (never tensor memory).

use minigpt::data::{shuffled, Dataset};
use minigpt::{Config, Gpt, TrainConfig, Trainer};
use rand::SeedableRng;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static CALLS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on unchanged to the system allocator; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// (allocations, bytes) per step over 200 steps, after 250 steps of warming up.
fn per_step(config: Config, batch_size: usize) -> (f64, f64) {
    let names = shuffled(&Dataset::Pokemon.names(), 42);
    let gpt = Gpt::new(config, &mut rand_chacha::ChaCha8Rng::seed_from_u64(1)).unwrap();
    let train = TrainConfig {
        steps: 1000,
        batch_size,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new(gpt, &names, train).unwrap();
    // One part per step, as in a browser worker (threads would add their own bookkeeping).
    trainer.set_parts(1);
    // Warm up on many names, so that the longest ones have been seen.
    trainer.advance(250);
    let (calls, bytes) = (CALLS.load(Relaxed), BYTES.load(Relaxed));
    trainer.advance(200);
    let per = |now: usize, then: usize| (now - then) as f64 / 200.0;
    (
        per(CALLS.load(Relaxed), calls),
        per(BYTES.load(Relaxed), bytes),
    )
}

#[test]
fn a_warm_step_allocates_only_short_lists() {
    let big = Config::phase2();
    for (config, batch) in [(Config::default(), 1), (Config::default(), 8), (big, 8)] {
        let (calls, bytes) = per_step(config, batch);
        let params = config.param_count();
        println!("{params} parameters, batch {batch}: {calls} allocations, {bytes} bytes per step");
        // A step of the big model computes megabytes of tensors: none of them is allocated.
        assert!(
            calls < 40.0 && bytes < 16_000.0,
            "{calls} allocations, {bytes} bytes"
        );
    }
}
