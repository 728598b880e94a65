//! Lesson 1's exercise rules: pure functions of the answer and of what the page shows.

use super::number;
use super::Verdict::{self, NotAnAnswer, Right, Wrong};
use crate::content::{common as shared, l1 as text};
use crate::text::{letter, parse_token, quoted};
use minigpt::bigram::BigramCounts;
use minigpt::vocab::BOUNDARY;
use minigpt::Alphabet;

const L: Alphabet = Alphabet::Letters;

/// The token of a letter of the course's alphabet.
pub fn id(c: char) -> usize {
    L.encode_char(c).expect("a letter of the alphabet")
}

/// The letters whose count is the row's maximum (ties are all right answers).
pub fn best_letters(row: &[u32]) -> Vec<usize> {
    let max = row.iter().copied().max().unwrap_or(0);
    (0..row.len())
        .filter(|&i| max > 0 && row[i] == max)
        .collect()
}

/// « a », « b » et « c ».
pub fn letters_list(ids: &[usize]) -> String {
    let quoted: Vec<String> = ids.iter().map(|&i| quoted(letter(i))).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// Exercise 1: the letter after « q ».
pub fn after_q(answer: &str) -> Verdict {
    match parse_token(answer) {
        Err(e) => NotAnAnswer(shared::token_error(e).into()),
        Ok(t) if t == id('u') => Right(text::E1_RIGHT.into()),
        Ok(_) => Wrong(text::E1_WRONG.into()),
    }
}

/// Exercise 2: the letter pairs of « .evoli. ». A wrong count hears what its mistake was.
pub fn pairs_in_evoli(answer: &str) -> Verdict {
    let x = match number(answer) {
        Ok(x) => x,
        Err(v) => return v,
    };
    match x {
        6.0 => Right(text::E2_RIGHT.into()),
        // The 7 signs of « .evoli. » counted instead of the links between them.
        7.0 => Wrong(text::E2_ONE_TOO_MANY.into()),
        // The 5 letters, or one of the two dots forgotten.
        5.0 => Wrong(text::E2_ONE_TOO_FEW.into()),
        // Both dots forgotten.
        4.0 => Wrong(text::E2_NO_DOTS.into()),
        // « .pikachu. »'s pairs, copied from the step.
        8.0 => Wrong(text::E2_PIKACHU.into()),
        _ => Wrong(text::E2_WRONG.into()),
    }
}

/// Exercise 3 (a prediction): the letter that follows « a » most often.
pub fn predict_after_a(counts: &BigramCounts, answer: &str) -> Verdict {
    let a = id('a');
    let best = best_letters(&counts.counts[a]);
    let (times, total) = (counts.counts[a][best[0]], counts.row_total(a));
    match parse_token(answer) {
        Err(e) => NotAnAnswer(shared::token_error(e).into()),
        Ok(g) if best.contains(&g) => Right(text::e3_right(&letters_list(&best), times, total)),
        Ok(g) => Wrong(text::e3_wrong(
            letter(g),
            &letters_list(&best),
            times,
            total,
        )),
    }
}

/// Exercise 4: the letter that follows « l » most often, read in the table.
pub fn most_after_l(counts: &BigramCounts, answer: &str) -> Verdict {
    let best = best_letters(&counts.counts[id('l')]);
    match parse_token(answer) {
        Err(e) => NotAnAnswer(shared::token_error(e).into()),
        Ok(g) if best.contains(&g) => Right(text::e4_right(
            &letters_list(&best),
            counts.counts[id('l')][g],
        )),
        Ok(_) => Wrong(text::E4_WRONG.into()),
    }
}

/// Exercise 5 (a task): after names were added, a single letter starts the most names.
pub fn one_first_letter(counts: &BigramCounts, added: usize) -> Option<Verdict> {
    let starts = &counts.counts[BOUNDARY];
    let best = best_letters(starts);
    (added > 0).then(|| {
        let times = starts[best[0]];
        if best.len() == 1 {
            Right(text::e5_right(letter(best[0]), times))
        } else {
            Wrong(text::e5_tie(&letters_list(&best), times))
        }
    })
}

/// Exercise 6: the probability of « u » after « o », in percent, « arrondie à l'unité ».
pub fn percent_u_after_o(counts: &BigramCounts, answer: &str) -> Verdict {
    let (o, u) = (id('o'), id('u'));
    let (times, total) = (counts.counts[o][u], counts.row_total(o));
    let exact = times as f32 / total.max(1) as f32;
    let x = match number(answer) {
        Ok(x) => x,
        Err(v) => return v,
    };
    // Rounded, cut after the comma, or the exact value: 19, 18 or 18,75 for 18,75 %; never
    // the round number next to it (20).
    if (exact * 100.0).floor() - 1e-3 <= x && x <= exact * 100.0 + 0.5 {
        Right(text::e6_right(times, total, exact))
    } else if (x - exact).abs() <= 0.01 {
        Wrong(text::E6_PERCENT_NOT_PROBABILITY.into())
    } else {
        Wrong(text::e6_wrong(total))
    }
}

/// The letters that follow `a` in the counts, most frequent first.
fn followers(counts: &BigramCounts, a: usize) -> Vec<usize> {
    let row = &counts.counts[a];
    let mut ids: Vec<usize> = (0..row.len()).filter(|&i| row[i] > 0).collect();
    ids.sort_by(|&x, &y| row[y].cmp(&row[x]).then(x.cmp(&y)));
    ids
}

/// The first pair of `name` (between dots) that never appears in the counts.
pub fn unseen_pair(counts: &BigramCounts, name: &str) -> Option<(char, char)> {
    L.encode_name(name)
        .windows(2)
        .find(|p| counts.counts[p[0]][p[1]] == 0)
        .map(|p| (letter(p[0]), letter(p[1])))
}

/// The shortest name exercise 7 accepts.
pub const MIN_NEW_NAME: usize = 4;

/// Exercise 7 (créer): a new name of the pupil's own that the model could invent: long enough,
/// not in `known`, not one the model `invented` on the page, every pair seen in the counts.
pub fn possible_name(
    counts: &BigramCounts,
    known: &[String],
    invented: &[String],
    answer: &str,
) -> Verdict {
    let names = L.clean(answer).names;
    let name = match names.as_slice() {
        [] => return NotAnAnswer(text::E7_NOT_A_NAME.into()),
        [one] => one,
        _ => return NotAnAnswer(text::E7_ONE_NAME.into()),
    };
    if name.chars().count() < MIN_NEW_NAME {
        Wrong(text::e7_short(name))
    } else if known.contains(name) {
        Wrong(text::e7_known(name))
    } else if invented.contains(name) {
        Wrong(text::e7_generated(name))
    } else if let Some((a, b)) = unseen_pair(counts, name) {
        // What may follow « a » instead, shown here: the table is three steps back.
        let after = followers(counts, id(a));
        Wrong(text::e7_unseen(name, a, b, &letters_list(&after)))
    } else {
        Right(text::e7_right(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::{assert_not_gamed, LETTERS};
    use minigpt::data::TEACHING_SET;

    fn counts() -> BigramCounts {
        BigramCounts::from_names(L, &TEACHING_SET)
    }

    #[test]
    fn exercise_1_wants_u() {
        assert!(after_q(" U ").is_right());
        for usual in ["i", "a"] {
            assert!(matches!(after_q(usual), Wrong(_)));
        }
        assert!(
            matches!(after_q("1e309"), NotAnAnswer(_)),
            "a number is not a letter"
        );
        assert!(matches!(after_q("qu"), NotAnAnswer(_)));
        assert_not_gamed(after_q, &["a", "b", "c", "d"]);
    }

    #[test]
    fn exercise_2_wants_6_pairs_and_answers_each_mistake() {
        assert!(pairs_in_evoli("6").is_right());
        let said = |a: &str| match pairs_in_evoli(a) {
            Wrong(m) => m,
            v => panic!("{a}: {v:?}"),
        };
        assert!(said("7").contains("de trop"), "7 is one too many");
        assert!(said("5").contains("manque"), "5 is one too few");
        assert!(said("4").contains("points"), "4 forgets both dots");
        assert_ne!(said("7"), said("5"));
        for not_an_answer in ["-0", "-6", "6e0", "six"] {
            assert!(
                matches!(pairs_in_evoli(not_an_answer), NotAnAnswer(_)),
                "{not_an_answer}"
            );
        }
        assert_not_gamed(pairs_in_evoli, &["20", "8", "1"]);
    }

    #[test]
    fn exercise_3_predicts_r() {
        let c = counts();
        assert!(predict_after_a(&c, "r").is_right());
        assert!(matches!(predict_after_a(&c, "l"), Wrong(_)));
        assert!(matches!(predict_after_a(&c, "rr"), NotAnAnswer(_)));
    }

    #[test]
    fn exercise_4_reads_i_after_l() {
        let c = counts();
        assert!(most_after_l(&c, "i").is_right());
        assert!(
            matches!(most_after_l(&c, "a"), Wrong(_)),
            "«\u{a0}a\u{a0}» follows «\u{a0}l\u{a0}» 3 times only"
        );
        assert_not_gamed(|a| most_after_l(&c, a), &["l", "."]);
    }

    #[test]
    fn exercise_5_wants_one_winner() {
        let c = counts();
        assert_eq!(one_first_letter(&c, 0), None);
        assert!(
            matches!(one_first_letter(&c, 1), Some(Wrong(_))),
            "five letters tie at first"
        );
        let mut names: Vec<&str> = TEACHING_SET.to_vec();
        names.extend(["tortank", "tiplouf", "tarsal"]);
        assert!(one_first_letter(&BigramCounts::from_names(L, &names), 3)
            .unwrap()
            .is_right());
    }

    #[test]
    fn exercise_6_wants_19_percent() {
        let c = counts();
        // 3 ÷ 16 = 18,75 %: rounded, cut, or exact; not the round number 20.
        for right in ["19", "18,75 %", "18,8", "18"] {
            assert!(percent_u_after_o(&c, right).is_right(), "{right}");
        }
        for wrong in ["20", "17", "19,5"] {
            assert!(matches!(percent_u_after_o(&c, wrong), Wrong(_)), "{wrong}");
        }
        assert!(matches!(percent_u_after_o(&c, "0,19"), Wrong(_)));
        // 4 ÷ 19 = 21,05 %: 21 only.
        let mut names: Vec<&str> = TEACHING_SET.to_vec();
        names.extend(["psykokwak", "miaouss", "tortank"]);
        let more = BigramCounts::from_names(L, &names);
        assert_eq!(
            (more.counts[id('o')][id('u')], more.row_total(id('o'))),
            (4, 19)
        );
        assert!(percent_u_after_o(&more, "21").is_right());
        for wrong in ["20", "22"] {
            assert!(
                matches!(percent_u_after_o(&more, wrong), Wrong(_)),
                "{wrong}"
            );
        }
        for usual in ["3", "16"] {
            assert!(matches!(percent_u_after_o(&c, usual), Wrong(_)));
        }
        // What the step shows before the answer: the example of row « l » and row « o »'s counts.
        assert_not_gamed(
            |a| percent_u_after_o(&c, a),
            &["4", "12", "33", "16", "3", "2"],
        );
    }

    #[test]
    fn exercise_7_wants_a_name_of_ones_own_made_of_seen_pairs() {
        let c = counts();
        let known: Vec<String> = TEACHING_SET.iter().map(|s| s.to_string()).collect();
        let invented = vec!["pikarone".to_string()];
        let judge = |a: &str| possible_name(&c, &known, &invented, a);
        // « .ga » « ar » « ra » « a. »: every pair exists in the 20 names.
        assert!(judge("gara").is_right());
        assert!(matches!(judge("pikachu"), Wrong(_)), "already a name");
        assert!(
            matches!(judge("pikarone"), Wrong(_)),
            "the model's, not the pupil's"
        );
        assert!(matches!(judge("zzyzx"), Wrong(_)), "unseen pairs");
        // The refusal shows what may follow instead (the table is three steps back).
        let Wrong(m) = judge("louzou") else {
            panic!("«\u{a0}u\u{a0}» then «\u{a0}z\u{a0}» is never seen")
        };
        assert!(
            m.contains("«\u{a0}c\u{a0}»") && m.contains("«\u{a0}.\u{a0}»"),
            "{m}"
        );
        assert!(matches!(judge("ga"), Wrong(_)), "too short");
        assert!(matches!(judge("12"), NotAnAnswer(_)));
        // Common first names: almost all hold a pair the names never have.
        let first_names = [
            "lucas", "emma", "hugo", "jade", "louis", "chloe", "nathan", "ines",
        ];
        assert!(first_names.iter().filter(|n| judge(n).is_right()).count() <= 1);
        let mut shown: Vec<&str> = TEACHING_SET.to_vec();
        shown.push("pikarone");
        assert_not_gamed(judge, &shown);
        assert!(LETTERS.iter().all(|l| !judge(l).is_right()));
    }
}
