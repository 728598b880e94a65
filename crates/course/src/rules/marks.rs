//! « copié », « nouveau » or « bizarre »: how an invented name stands against the list its model
//! learned. One rule for every page that marks names (lessons 5 and 6, the Atelier), stated to
//! the pupil in `content::marks::RULE`, and the counts an exercise grades are counts of
//! these same marks.
//!
//! « bizarre »: shorter than `MIN_INVENTED` letters, longer than every name of the list, or with
//! a pair of letters (the start and end dots included) that the list has in fewer than one name
//! in 1,000. For a list under 1,000 names that is a pair no name has: lesson 1's white square.
//! On the 33,235 first names nearly every pair exists somewhere, so the « almost never »
//! matters there: « inesieteliratvindorhrn » (22 letters, the longest name has 19; « tv » in 4
//! names) and « ineaesaafasolmux » (« ux » in 19 names) are « bizarre ». Measured on lesson 6's
//! model (1,000 steps) with the beginning « ine », 10 names a draw: 0,0 « bizarre » at 0,5 and
//! 2,8 at 1,5 (the pair rule alone: 0,0 and 0,5, so cold and hot looked alike).

use super::MIN_INVENTED;
use minigpt::Alphabet;
use std::collections::HashSet;

/// A pair is rare below one name in this many.
pub const RARE_PAIR_PER: usize = 1000;

/// How an invented name stands against the learned list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Empty: the model drew the end at once.
    Nothing,
    /// A name of the list.
    Copy,
    /// Not in the list, and sounds like it.
    New,
    /// Not in the list, and too short, too long or with a pair the list (almost) never has.
    Odd,
}

impl Mark {
    /// The CSS class of its chip (the e2e tests read it).
    pub fn class(self) -> &'static str {
        match self {
            Mark::Nothing => "empty",
            Mark::Copy => "copy",
            Mark::New => "new",
            Mark::Odd => "odd",
        }
    }
}

/// What marking needs to know of a list: its names, how many names have each pair, its
/// longest name.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    alphabet: Alphabet,
    names: HashSet<String>,
    /// [first][second]: how many names of the list have this pair (counted once per name).
    pair_names: Vec<Vec<u32>>,
    longest: usize,
    /// Fewer names than this with a pair make it rare (at least 1: a pair no name has).
    rare_below: u32,
}

impl Marker {
    pub fn new<S: AsRef<str>>(alphabet: Alphabet, list: &[S]) -> Marker {
        let v = alphabet.size();
        let mut pair_names = vec![vec![0u32; v]; v];
        let mut seen = vec![vec![false; v]; v];
        let mut names = HashSet::new();
        let mut longest = 0;
        for name in list {
            let name = name.as_ref();
            if !alphabet.can_write(name) {
                continue;
            }
            names.insert(name.to_string());
            longest = longest.max(name.chars().count());
            let ids = alphabet.encode_name(name);
            for p in ids.windows(2) {
                if !seen[p[0]][p[1]] {
                    seen[p[0]][p[1]] = true;
                    pair_names[p[0]][p[1]] += 1;
                }
            }
            for p in ids.windows(2) {
                seen[p[0]][p[1]] = false;
            }
        }
        let rare_below = names.len().div_ceil(RARE_PAIR_PER).max(1) as u32;
        Marker {
            alphabet,
            names,
            pair_names,
            longest,
            rare_below,
        }
    }

    pub fn mark(&self, name: &str) -> Mark {
        if name.is_empty() {
            Mark::Nothing
        } else if self.names.contains(name) {
            Mark::Copy
        } else if self.sounds_like(name) {
            Mark::New
        } else {
            Mark::Odd
        }
    }

    /// At least `MIN_INVENTED` letters, no longer than the longest name, no rare pair.
    pub fn sounds_like(&self, name: &str) -> bool {
        let len = name.chars().count();
        (MIN_INVENTED..=self.longest).contains(&len)
            && self.alphabet.can_write(name)
            && self
                .alphabet
                .encode_name(name)
                .windows(2)
                .all(|p| self.pair_names[p[0]][p[1]] >= self.rare_below)
    }

    /// Whether `prefix` can start a name that sounds like the list (its pairs are not rare):
    /// otherwise every name made from it is « bizarre ».
    pub fn fits_prefix(&self, prefix: &str) -> bool {
        self.alphabet.can_write(prefix) && {
            let ids = self.alphabet.encode_name(prefix);
            // The name's end is not written yet: leave out the last pair (« k » then « . »).
            ids[..ids.len() - 1]
                .windows(2)
                .all(|p| self.pair_names[p[0]][p[1]] >= self.rare_below)
        }
    }

    pub fn alphabet(&self) -> Alphabet {
        self.alphabet
    }

    pub fn counts(&self, names: &[String]) -> MarkCounts {
        let mut c = MarkCounts::default();
        for n in names {
            match self.mark(n) {
                Mark::Nothing => c.empty += 1,
                Mark::Copy => c.copies += 1,
                Mark::New => c.new += 1,
                Mark::Odd => c.odd += 1,
            }
        }
        c
    }
}

/// How many names of a list got each mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MarkCounts {
    pub empty: usize,
    pub copies: usize,
    pub new: usize,
    pub odd: usize,
}

impl MarkCounts {
    pub fn total(&self) -> usize {
        self.empty + self.copies + self.new + self.odd
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minigpt::data::Dataset;

    fn list(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_small_list_marks_by_the_pairs_it_has() {
        let m = Marker::new(Alphabet::Letters, &list(&["lena", "nina", "leon", "elina"]));
        assert_eq!(m.mark(""), Mark::Nothing);
        assert_eq!(m.mark("lena"), Mark::Copy);
        assert_eq!(m.mark("lina"), Mark::New, "every pair is in the list");
        assert_eq!(
            m.mark("nena"),
            Mark::Odd,
            "«\u{a0}n\u{a0}» then «\u{a0}e\u{a0}» is in no name"
        );
        assert_eq!(m.mark("le"), Mark::Odd, "too short");
        assert_eq!(m.mark("leninena"), Mark::Odd, "longer than every name");
        assert_eq!(m.mark("Léa"), Mark::Odd, "not in the alphabet");
        assert!(m.fits_prefix("len") && m.fits_prefix("") && !m.fits_prefix("lz"));
    }

    #[test]
    fn the_walks_names_are_odd_on_the_first_names_and_common_ones_are_not() {
        let prenoms = Dataset::Prenoms.names_in(Alphabet::Letters);
        let m = Marker::new(Alphabet::Letters, &prenoms);
        assert_eq!(m.rare_below, 34, "fewer than 1 name in 1,000 of 33,235");
        for odd in ["inesieteliratvindorhrn", "ineaesaafasolmux"] {
            assert_eq!(m.mark(odd), Mark::Odd, "{odd}");
        }
        assert_eq!(m.mark("ines"), Mark::Copy);
        for new in ["inelia", "marila", "lurida"] {
            assert_ne!(m.mark(new), Mark::Odd, "{new}");
        }
    }

    /// The rule the pupil reads states the numbers the marking uses (every page says the same
    /// rule: the Atelier's is lessons 5 and 6's).
    #[test]
    fn the_rule_said_is_the_rule_applied() {
        use crate::content::{atelier, marks};
        let said = marks::RULE.replace('\u{a0}', " ");
        assert!(
            said.contains(&format!("moins de {MIN_INVENTED} lettres")),
            "{said}"
        );
        let per = crate::text::int(RARE_PAIR_PER as u64).replace('\u{a0}', " ");
        assert!(
            said.contains(&format!("moins d'un nom sur {per}")),
            "{said}"
        );
        assert!(
            said.contains("plus long que tous ceux de la liste"),
            "{said}"
        );
        assert_eq!(atelier::MARKS_RULE, marks::RULE);
    }

    #[test]
    fn counts_are_counts_of_the_marks() {
        let m = Marker::new(Alphabet::Letters, &list(&["lena", "nina", "leon", "elina"]));
        let c = m.counts(&list(&["lena", "lina", "", "zz", "leon"]));
        assert_eq!(
            c,
            MarkCounts {
                empty: 1,
                copies: 2,
                new: 1,
                odd: 1
            }
        );
        assert_eq!(c.total(), 5);
    }
}
