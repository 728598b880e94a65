//! Numbers written the French way, for every text a pupil reads: the notebooks here, the pages
//! through `course::text` (one writing, so a notebook and the page show « 4 192 » alike).

/// A non-breaking space: between the groups of a number, before « : ; ! ? », inside « ».
pub const NBSP: char = '\u{a0}';

/// A whole number with groups of three: « 4 192 », « 33 235 » (non-breaking spaces).
pub fn int(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NBSP);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_have_groups_of_three() {
        assert_eq!(int(0), "0");
        assert_eq!(int(999), "999");
        assert_eq!(int(4192), "4\u{a0}192");
        assert_eq!(int(1_000_000), "1\u{a0}000\u{a0}000");
    }
}
