//! Small helpers for what the pupil reads and types: French numbers ("3,30", "4 192"), plurals
//! that agree ("1 nom", "3 noms", "0 exercice"), big numbers in words, and answer parsing.

use minigpt::Alphabet;

/// The core's: a non-breaking space (`NBSP`) and whole numbers with groups of three
/// (« 4 192 », « 33 235 »), written once for the page and the notebooks.
pub use minigpt::french::{int, NBSP};

/// A number the French way: "3,30", "−0,13" (a true minus sign).
pub fn fr(x: f32, decimals: usize) -> String {
    let s = format!("{:.decimals$}", x.abs()).replace('.', ",");
    if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("−{s}")
    } else {
        s
    }
}

/// A decimal without useless zeros: 0.010 → "0,01", 0.5 → "0,5", 3.0 → "3".
pub fn decimal(x: f32) -> String {
    let s = fr(x, 4);
    let s = s.trim_end_matches('0').trim_end_matches(',');
    s.to_string()
}

/// A percentage the French way: "12 %" (one decimal under 10 %).
pub fn percent(p: f32) -> String {
    let v = p * 100.0;
    if v < 10.0 && v > 0.0 {
        format!("{}{NBSP}%", fr(v, 1))
    } else {
        format!("{}{NBSP}%", fr(v, 0))
    }
}

/// "0 exercice", "1 nom", "3 noms": French takes the singular below 2.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!(
        "{}{NBSP}{}",
        int(n as u64),
        if n < 2 { singular } else { plural }
    )
}

/// A big amount in words a pupil can read: "147 millions", "1,5 milliard", "12 mille".
/// Used with a following noun: `big(x, "année", "années")` → "147 millions d'années".
pub fn big(x: f64, singular: &str, plural: &str) -> String {
    let (value, unit, units) = if x >= 1e12 {
        (x / 1e12, "billion", "billions")
    } else if x >= 1e9 {
        (x / 1e9, "milliard", "milliards")
    } else if x >= 1e6 {
        (x / 1e6, "million", "millions")
    } else {
        let n = x.round().max(0.0) as u64;
        return format!("{}{NBSP}{}", int(n), if n < 2 { singular } else { plural });
    };
    let shown = if value < 10.0 {
        fr(value as f32, 1).replace(",0", "")
    } else {
        int(value.round() as u64)
    };
    let many = value >= 2.0;
    let article = if plural.starts_with(['a', 'e', 'é', 'i', 'o', 'u', 'h']) {
        "d'"
    } else {
        "de "
    };
    format!(
        "{shown}{NBSP}{} {article}{plural}",
        if many { units } else { unit }
    )
}

/// What the pupil typed, made comparable: trimmed, lower-case, accents removed.
pub fn normalize(answer: &str) -> String {
    Alphabet::Letters.clean(answer).names.join(" ")
}

/// Why a typed answer is not a number the course accepts (the rules tell the pupil in words
/// from `content`). No answer of the course is negative or written with a power of ten: such
/// input is refused before it can spend a try (« -0 », « 1e-46 » are not answers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all.
    NotANumber,
    /// Written with an exponent (« 1e5 », « 2E-3 »).
    Exponent,
    /// With a sign (« -0 », « +3 », « −2 »).
    Signed,
}

/// A number typed by the pupil: "3,3", "3.30", " 3 ", "7 264", "28 %" all work; a sign or an
/// exponent is refused with its reason.
pub fn read_number(answer: &str) -> Result<f32, NumberError> {
    let bare = answer
        .trim()
        .trim_end_matches('%')
        .replace(',', ".")
        .replace([' ', NBSP, '\u{202f}'], "");
    if bare.starts_with(['-', '+', '−', '–']) {
        return match read_number(bare.trim_start_matches(['-', '+', '−', '–'])) {
            Err(NumberError::NotANumber) => Err(NumberError::NotANumber),
            _ => Err(NumberError::Signed),
        };
    }
    // Only digits and one point: « inf », « NaN », « 1e5 » are not written numbers here.
    let plain = !bare.is_empty()
        && bare.chars().all(|c| c.is_ascii_digit() || c == '.')
        && bare.chars().filter(|&c| c == '.').count() <= 1
        && bare.chars().any(|c| c.is_ascii_digit());
    if plain {
        return bare.parse::<f32>().map_err(|_| NumberError::NotANumber);
    }
    // « 1e5 », « 2,5E-3 »: a plain number, an « e », a whole number that may have a sign.
    let exponent = bare
        .split_once(['e', 'E'])
        .is_some_and(|(mantissa, power)| {
            let power = power.trim_start_matches(['-', '+']);
            mantissa.parse::<f32>().is_ok()
                && mantissa.starts_with(|c: char| c.is_ascii_digit() || c == '.')
                && !power.is_empty()
                && power.chars().all(|c| c.is_ascii_digit())
        });
    Err(if exponent {
        NumberError::Exponent
    } else {
        NumberError::NotANumber
    })
}

/// `read_number`, for rules that only need to know whether it is a number.
pub fn parse_number(answer: &str) -> Option<f32> {
    read_number(answer).ok()
}

/// How many digits follow the decimal comma (or point) of a typed number: « 0,7 » → 1.
pub fn decimals_typed(answer: &str) -> usize {
    answer
        .trim()
        .trim_end_matches('%')
        .trim()
        .split([',', '.'])
        .nth(1)
        .map_or(0, |d| d.chars().filter(char::is_ascii_digit).count())
}

/// Why a typed answer is not one letter (the rules tell the pupil in words from `content`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    /// A digit, or more than one character.
    NotOneLetter,
    /// One character, but not a letter of the course's alphabet.
    NotALetter,
}

/// A one-token answer of the course's alphabet ("A", " é ", "« u »", ".", "point") as its token
/// id. Anything with a digit or two letters is not a letter.
pub fn parse_token(answer: &str) -> Result<usize, TokenError> {
    let bare = answer.trim().trim_matches(['«', '»', '"', '\'', ' ', NBSP]);
    if bare == "." || normalize(bare) == "point" {
        return Ok(minigpt::vocab::BOUNDARY);
    }
    if bare.chars().any(|c| c.is_numeric()) || bare.chars().count() > 1 {
        return Err(TokenError::NotOneLetter);
    }
    let a = normalize(bare);
    match a
        .chars()
        .next()
        .and_then(|c| Alphabet::Letters.encode_char(c))
    {
        Some(id) if a.chars().count() == 1 => Ok(id),
        _ => Err(TokenError::NotALetter),
    }
}

/// The letter shown for a token of the course's alphabet: `.` for start/end.
pub fn letter(id: usize) -> char {
    Alphabet::Letters.decode_token(id)
}

/// French quotation marks (typography, like `NBSP`).
const OPEN_QUOTE: char = '«';
const CLOSE_QUOTE: char = '»';

/// « x » with non-breaking spaces inside the quotes.
pub fn quoted(x: impl std::fmt::Display) -> String {
    format!("{OPEN_QUOTE}{NBSP}{x}{NBSP}{CLOSE_QUOTE}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn french_numbers_plurals_and_answers() {
        assert_eq!(fr(3.2958, 2), "3,30");
        assert_eq!(fr(-0.126, 2), "−0,13");
        assert_eq!(fr(-0.001, 2), "0,00");
        assert_eq!(decimal(0.01), "0,01");
        assert_eq!(decimal(0.003), "0,003");
        assert_eq!(decimal(3.0), "3");
        assert_eq!(int(4192), "4\u{a0}192");
        assert_eq!(int(33235), "33\u{a0}235");
        assert_eq!(int(202112), "202\u{a0}112");
        assert_eq!(int(999), "999");
        assert_eq!(percent(0.123), "12\u{a0}%");
        assert_eq!(percent(0.05), "5,0\u{a0}%");
        assert_eq!(count(0, "exercice", "exercices"), "0\u{a0}exercice");
        assert_eq!(count(1, "nom", "noms"), "1\u{a0}nom");
        assert_eq!(count(3, "nom", "noms"), "3\u{a0}noms");
        assert_eq!(big(1.47e8, "année", "années"), "147\u{a0}millions d'années");
        assert_eq!(
            big(1.5e9, "opération", "opérations"),
            "1,5\u{a0}milliard d'opérations"
        );
        assert_eq!(
            big(2.0e9, "opération", "opérations"),
            "2\u{a0}milliards d'opérations"
        );
        assert_eq!(big(12.0, "an", "ans"), "12\u{a0}ans");
        assert_eq!(
            big(3.0e6, "paramètre", "paramètres"),
            "3\u{a0}millions de paramètres"
        );
        assert_eq!(normalize("  Évoli "), "evoli");
        assert_eq!(parse_number("3,30"), Some(3.3));
        assert_eq!(parse_number("7 264"), Some(7264.0));
        assert_eq!(parse_number("28 %"), Some(28.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(read_number("0,5"), Ok(0.5));
        assert_eq!(read_number(".5"), Ok(0.5));
        assert_eq!(read_number("-0"), Err(NumberError::Signed));
        assert_eq!(read_number("−2,5"), Err(NumberError::Signed));
        assert_eq!(read_number("+3"), Err(NumberError::Signed));
        assert_eq!(read_number("-abc"), Err(NumberError::NotANumber));
        assert_eq!(read_number("1e-46"), Err(NumberError::Exponent));
        assert_eq!(read_number("2E5"), Err(NumberError::Exponent));
        assert_eq!(read_number("-1e3"), Err(NumberError::Signed));
        for not_a_number in ["inf", "NaN", "1,2,3", "e", "1e", "3 pommes", "", "%"] {
            assert_eq!(
                read_number(not_a_number),
                Err(NumberError::NotANumber),
                "{not_a_number}"
            );
        }
        assert_eq!(parse_number("1e309"), None);
        assert_eq!(decimals_typed("0,7"), 1);
        assert_eq!(decimals_typed(" 0.69 "), 2);
        assert_eq!(decimals_typed("1"), 0);
        assert_eq!(parse_token(" É "), Ok(5));
        assert_eq!(parse_token("point"), Ok(0));
        assert_eq!(parse_token("."), Ok(0));
        assert_eq!(parse_token("ab"), Err(TokenError::NotOneLetter));
        assert_eq!(parse_token("7"), Err(TokenError::NotOneLetter));
        assert_eq!(parse_token("-"), Err(TokenError::NotALetter));
        assert!(
            parse_token("1e309").is_err(),
            "a number is never read as its letter «\u{a0}e\u{a0}»"
        );
        assert_eq!(parse_token("«\u{a0}u\u{a0}»"), Ok(21));
        assert_eq!(quoted("a"), "«\u{a0}a\u{a0}»");
    }
}
