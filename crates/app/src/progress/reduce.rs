//! How the progress changes: each `Action` of the page, applied to the page's copy and written
//! (see the module above for the rules: the session, the seen log, the page's copy as the truth
//! when writes fail).

use super::{drafts, persist, session, Action, Progress};
use course::content::pages as text;
use course::progress::identity::{self, Name};
use course::progress::merge::{self, Touched};
use course::progress::seen;
use course::progress::store::{self, Change, Store};
use persist::Read;
use std::rc::Rc;
use yew::prelude::*;

impl Progress {
    /// The stored copy to start a change from, as the last write allows (see the module).
    fn base(&mut self) -> Store {
        let stored = if self.writable {
            match persist::read() {
                Read::Store(store, _) => Some(store),
                Read::Newer => {
                    self.writable = false;
                    self.notice = Some(text::PROGRESS_NEWER.to_string());
                    None
                }
                Read::Unreadable | Read::Refused => None,
            }
        } else {
            None
        };
        merge::base_for_change(&self.store, stored, self.in_step)
    }

    /// Writes the page's copy; on failure the page's copy stays the truth, and the pupil is told.
    fn save(&mut self) {
        if !self.writable {
            return;
        }
        self.in_step = persist::write(&self.store).is_ok();
        if !self.in_step {
            self.notice = Some(text::STORAGE_REFUSED.to_string());
        }
    }

    /// Applies a change for the session's pupils, logs what it revealed, and writes.
    fn commit(&self, change: &Change) -> Progress {
        let mut next = self.clone();
        let now = session::now() as u64;
        next.store = next.base();
        next.seen.merge(&persist::read_seen());
        store::apply_session(&mut next.store, &self.members(), change, now, &next.seen);
        if let Some(id) = change.reveals() {
            next.seen.record(id, now);
            persist::write_seen(&mut next.seen);
        }
        if self.session.is_empty() {
            match change {
                Change::Answered { id, .. } | Change::Completed(id) | Change::Revealed(id) => {
                    next.touched.exercises.insert(id.clone());
                }
                Change::Explain { lesson, .. } => {
                    next.touched.sentences.insert(lesson.clone());
                }
                _ => {}
            }
        }
        next.save();
        session::touch();
        next
    }

    /// These pupils are at the keyboard now; work this tab did without a name goes to them
    /// (where they have no record, « fait » at most: said in the notice).
    fn start(&self, names: Vec<Name>) -> Progress {
        let mut next = self.clone();
        // A pupil known here keeps the name as first written (« tom b » is « Tom B. »).
        let names: Vec<Name> = names.into_iter().map(|n| self.known_as(&n)).collect();
        if self.session.is_empty() && !names.is_empty() && self.touched != Touched::default() {
            next.store = next.base();
            let nameless = next.store.pupils.get("").cloned().unwrap_or_default();
            let mut added = 0;
            for name in &names {
                let n = merge::nameless_into(
                    next.store.pupil_mut(name),
                    &nameless,
                    Some(&self.touched),
                );
                added = added.max(n);
            }
            if let Some(p) = next.store.pupils.get_mut("") {
                p.records
                    .retain(|id, _| !self.touched.exercises.contains(id));
                p.explanations
                    .retain(|l, _| !self.touched.sentences.contains(l));
            }
            next.save();
            if added > 0 {
                let shown: Vec<String> = names.iter().map(Name::display).collect();
                next.notice = Some(text::nameless_added(added, &text::names_together(&shown)));
            }
        }
        session::set_this_tab(&names);
        session::set_last(&names);
        session::set_asking(false);
        session::touch();
        next.touched = Touched::default();
        next.pupil = identity::session_key(&names);
        next.session = names;
        next.asking = None;
        next.epoch += 1;
        next
    }

    /// Asks « Qui es-tu ? » if the page was left alone too long on a PC where someone was named.
    fn check_idle(&self) -> Option<Progress> {
        let last = session::last();
        if self.asking.is_some() || last.is_empty() || !session::idle() {
            return None;
        }
        session::forget_this_tab();
        session::set_asking(true);
        // The question itself is activity: its answer must not be taken for idleness.
        session::touch();
        Some(Progress {
            session: Vec::new(),
            pupil: String::new(),
            asking: Some(last),
            touched: Touched::default(),
            epoch: self.epoch + 1,
            ..self.clone()
        })
    }

    /// Erases the work of these pupils (all when None), keeping their closed one-shots in the
    /// seen log: erasing never reopens a prediction.
    fn erase(&self, keys: Option<&[String]>) -> Progress {
        let mut next = self.clone();
        let now = session::now() as u64;
        next.store = next.base();
        next.seen.merge(&persist::read_seen());
        for (key, p) in &next.store.pupils {
            if keys.is_none_or(|keys| keys.contains(key)) {
                let closed = p
                    .records
                    .iter()
                    .filter(|(_, r)| r.closed())
                    .map(|(id, _)| id.as_str());
                next.seen
                    .record_all(closed.filter(|id| seen::is_one_shot(id)), now);
            }
        }
        persist::write_seen(&mut next.seen);
        next.store
            .pupils
            .retain(|key, _| keys.is_some_and(|keys| !keys.contains(key)));
        persist::forget_models(keys);
        drafts::forget(keys);
        next.save();
        next
    }

    fn session_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.members().iter().map(Name::key).collect();
        keys.push(self.pupil.clone());
        keys
    }
}

impl Reducible for Progress {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Change(change) => {
                if self.asking.is_some() {
                    return self;
                }
                if let Some(asked) = self.check_idle() {
                    return Rc::new(asked);
                }
                self.commit(&change)
            }
            Action::Start(names) => self.start(names),
            Action::Resume => self.start(session::last()),
            Action::Nobody => self.start(Vec::new()),
            Action::CheckIdle => match self.check_idle() {
                Some(asked) => asked,
                None => return self,
            },
            Action::Shown(ids) => {
                let mut next = (*self).clone();
                next.seen.record_all(ids, session::now() as u64);
                persist::write_seen(&mut next.seen);
                next
            }
            Action::EraseSession => self.erase(Some(&self.session_keys())),
            Action::ClearComputer => {
                let pupils = self.pupils_here();
                let mut next = self.erase(None).start(Vec::new());
                session::forget_last();
                next.notice = Some(text::cleared(pupils));
                next
            }
            Action::Refresh => self.refreshed(),
            Action::OtherTab => {
                let last = session::last();
                let keys = |names: &[Name]| identity::session_key(names);
                if self.asking.is_some() {
                    Progress {
                        asking: Some(last),
                        ..(*self).clone()
                    }
                } else if !last.is_empty() && keys(&last) != self.pupil {
                    let shown: Vec<String> = last.iter().map(Name::display).collect();
                    Progress {
                        notice: Some(text::other_tab(
                            &text::names_together(&shown),
                            &self.display(),
                        )),
                        ..(*self).clone()
                    }
                } else {
                    return self;
                }
            }
            Action::DismissNotice => Progress {
                notice: None,
                ..(*self).clone()
            },
        };
        Rc::new(next)
    }
}

impl Progress {
    /// Another tab wrote: in step, its copy is the truth; otherwise it only adds.
    fn refreshed(self: &Rc<Self>) -> Progress {
        let mut next = (**self).clone();
        next.seen.merge(&persist::read_seen());
        if self.writable {
            if let Some(stored) = persist::stored() {
                next.store = merge::base_for_change(&self.store, Some(stored), self.in_step);
            }
        }
        next
    }
}
