//! Text from a pupil or a file, made harmless where it lands: as Markdown that shows exactly
//! the text (no HTML, no link, no formatting, no maths), and as a piece of a file name.

/// Longest text from outside shown in a notebook (a model file's note may hold 2,000 characters).
const MAX_CHARS: usize = 300;

/// Bidi controls and invisible formatting characters: they could make text read backwards or
/// hide part of it.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{061c}')
}

/// `text` as Markdown that renders as that very text, on one line: `< > & "` become HTML
/// entities (a renderer that lets HTML through shows them as characters), every other ASCII
/// sign Markdown reads (`* _ [ ] ( ) # | !` …) is backslash-escaped; `$` and `\` become their
/// full-width forms « ＄ » and « ＼ », so no maths renderer (MathJax runs on the page's text,
/// after Markdown) finds `$…$` or `\(…\)` to typeset, with its `\href` links; line breaks and
/// control characters become spaces, invisible ones are dropped; at most 300 characters, then
/// « … ».
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut kept = 0;
    for c in text.chars() {
        if kept == MAX_CHARS {
            out.push('…');
            break;
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '$' => out.push('＄'),
            '\\' => out.push('＼'),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
            c if is_invisible(c) => continue,
            c => out.push(c),
        }
        kept += 1;
    }
    out
}

/// A piece of a file name from any text: « Inès » → `ines`, « Ma liste ! » → `ma-liste`.
/// ASCII letters (accents removed) and digits in lower case, hyphens between words, at most
/// 30 characters; empty if nothing is left.
pub fn file_part(text: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    let mut out = String::new();
    let mut gap = false;
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        let letters = match c {
            'œ' | 'Œ' => "oe".to_string(),
            'æ' | 'Æ' => "ae".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            _ => {
                gap = true;
                continue;
            }
        };
        if gap && !out.is_empty() {
            out.push('-');
        }
        gap = false;
        out.push_str(&letters);
    }
    let mut cut: String = out.chars().take(30).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    cut
}
