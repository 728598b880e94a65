//! Small helpers for what the pupil reads and types.

/// A number the French way: "3,30".
pub fn fr(x: f32, decimals: usize) -> String {
    format!("{x:.decimals$}").replace('.', ",")
}

/// A percentage the French way: "12 %" (one decimal under 10 %).
pub fn percent(p: f32) -> String {
    let v = p * 100.0;
    if v < 10.0 && v > 0.0 {
        format!("{} %", fr(v, 1))
    } else {
        format!("{} %", fr(v, 0))
    }
}

/// What the pupil typed, made comparable: trimmed, lower-case, accents removed.
pub fn normalize(answer: &str) -> String {
    minigpt::vocab::clean(answer).names.join(" ")
}

/// A number typed by the pupil: "3,3", "3.30", " 3 " all work.
pub fn parse_number(answer: &str) -> Option<f32> {
    answer
        .trim()
        .replace(',', ".")
        .replace(' ', "")
        .parse::<f32>()
        .ok()
        .filter(|x| x.is_finite())
}

/// A one-token answer ("A", " é ", ".", "point") as its token id, or what to tell the pupil.
pub fn parse_token(answer: &str) -> Result<usize, String> {
    let a = normalize(answer);
    if a == "point" || answer.trim() == "." {
        return Ok(minigpt::vocab::BOUNDARY);
    }
    match (
        a.chars().count(),
        a.chars().next().and_then(minigpt::vocab::encode_char),
    ) {
        (1, Some(id)) => Ok(id),
        (0, _) => Err("Écris une lettre, de a à z.".into()),
        _ => Err("Écris une seule lettre.".into()),
    }
}

/// The letter shown for a token: `.` for start/end.
pub fn letter(id: usize) -> char {
    minigpt::vocab::decode_token(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn french_numbers_and_answers() {
        assert_eq!(fr(3.2958, 2), "3,30");
        assert_eq!(percent(0.123), "12 %");
        assert_eq!(percent(0.05), "5,0 %");
        assert_eq!(normalize("  Évoli "), "evoli");
        assert_eq!(parse_number("3,30"), Some(3.3));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_token(" É "), Ok(5));
        assert_eq!(parse_token("point"), Ok(0));
        assert_eq!(parse_token("."), Ok(0));
        assert!(parse_token("ab").is_err() && parse_token("7").is_err());
    }
}
