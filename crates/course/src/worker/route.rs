//! How a team's workers reach each other, chosen by measuring. Through a MessageChannel between
//! each two workers, or through the page, which passes their messages on. Which is faster
//! depends on the browser, and no feature says it. Handing an 800 KB buffer on took, measured
//! here with idle workers: Chromium 0.9 ms by channel and 0.3 ms through the page, Firefox 3.8
//! and 0.3 ms, WebKit 0.9 and 0.3 ms. In a real run, though, Chromium's page is busy drawing,
//! and its two workers then went ×1.70 faster than one by channel but only ×1.5-1.56 through
//! the page, while Firefox's went ×1.0 by channel and ×1.57 through the page.
//!
//! So a team measures one route for two seconds, then the other, and keeps the faster. The
//! route only carries the messages: the numbers, and so the trained model, are the same
//! either way.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Route {
    /// A MessageChannel between each two workers.
    Channel,
    /// Through the page.
    Page,
}

/// How long each route is measured, after a settling time (ms): longer at the start, while the
/// browser still compiles the module's hot functions (which would make the first route look
/// slow).
const MEASURE_MS: f64 = 2_000.0;
const FIRST_SETTLE_MS: f64 = 2_000.0;
const SETTLE_MS: f64 = 1_000.0;

/// The route a team starts with and measures first; the other is measured next.
pub const FIRST: Route = Route::Page;

impl Route {
    fn other(self) -> Route {
        match self {
            Route::Channel => Route::Page,
            Route::Page => Route::Channel,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// Measuring `route` from a time and step on (None: waiting for the settling time, or for
    /// the run to go on after a pause); `first` is the first route's rate once measured.
    Measuring {
        route: Route,
        since: f64,
        settle: f64,
        from: Option<(f64, usize)>,
        first: Option<(Route, f64)>,
    },
    Decided,
}

/// The trial of a team's routes, fed with the team's progress now and then.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RouteTrial {
    phase: Phase,
}

impl RouteTrial {
    /// A team launched at `now`, on the `FIRST` route.
    pub fn new(now: f64) -> RouteTrial {
        RouteTrial {
            phase: Phase::Measuring {
                route: FIRST,
                since: now,
                settle: FIRST_SETTLE_MS,
                from: None,
                first: None,
            },
        }
    }

    /// The team is at `step` at time `now` (`running`: not paused or over). Returns the route
    /// to switch every worker to, if it changes.
    pub fn tick(&mut self, now: f64, step: usize, running: bool) -> Option<Route> {
        let Phase::Measuring {
            route,
            since,
            settle,
            from,
            first,
        } = &mut self.phase
        else {
            return None;
        };
        if !running {
            *from = None;
            return None;
        }
        let Some((t0, s0)) = *from else {
            if now - *since >= *settle {
                *from = Some((now, step));
            }
            return None;
        };
        if now - t0 < MEASURE_MS {
            return None;
        }
        let rate = step.saturating_sub(s0) as f64 / (now - t0);
        match *first {
            None => {
                let next = route.other();
                self.phase = Phase::Measuring {
                    route: next,
                    since: now,
                    settle: SETTLE_MS,
                    from: None,
                    first: Some((*route, rate)),
                };
                Some(next)
            }
            Some((first_route, first_rate)) => {
                self.phase = Phase::Decided;
                (first_rate > rate).then_some(first_route)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a trial on a team that makes `channel` steps per second by channel and `page`
    /// through the page, ticking every second; the routes it switched to.
    fn trial(channel: f64, page: f64) -> Vec<Route> {
        let mut t = RouteTrial::new(0.0);
        let (mut route, mut step, mut switches) = (FIRST, 0.0, Vec::new());
        for second in 1..=20 {
            step += if route == Route::Channel {
                channel
            } else {
                page
            };
            if let Some(r) = t.tick(second as f64 * 1000.0, step as usize, true) {
                route = r;
                switches.push(r);
            }
        }
        switches
    }

    #[test]
    fn the_faster_route_stays() {
        // Firefox: the page is faster; Chromium: the channel is.
        assert_eq!(trial(100.0, 150.0), vec![Route::Channel, Route::Page]);
        assert_eq!(trial(150.0, 135.0), vec![Route::Channel]);
    }

    #[test]
    fn a_pause_restarts_the_measure_and_the_decision_is_final() {
        let mut t = RouteTrial::new(0.0);
        assert_eq!(t.tick(1000.0, 10, true), None);
        assert_eq!(t.tick(2000.0, 110, true), None);
        assert_eq!(t.tick(3000.0, 210, true), None);
        // Paused: the steps stand still, which must not count as a slow route.
        assert_eq!(t.tick(4000.0, 210, false), None);
        assert_eq!(t.tick(5000.0, 210, true), None);
        assert_eq!(t.tick(6000.0, 310, true), None);
        assert_eq!(t.tick(7000.0, 410, true), Some(Route::Channel));
        assert_eq!(t.tick(8000.0, 450, true), None);
        assert_eq!(t.tick(9000.0, 500, true), None);
        assert_eq!(t.tick(10000.0, 550, true), Some(Route::Page));
        for s in 11..30 {
            assert_eq!(t.tick(s as f64 * 1000.0, 550 + s, true), None);
        }
    }
}
