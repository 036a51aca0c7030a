//! The text as a person reads it, which every detector reads: folded
//! ([`fold`]: no invisible characters or combining marks, compatibility
//! forms, every script's digits and look-alike letters as plain ones),
//! letters typed one by one joined ([`letters_joined`]), "at" and "dot"
//! spelled out as the signs ([`spelled_out`]), and, for phone numbers
//! only, number words as digits ([`numbers_read`]). Each position keeps the
//! bytes it was typed as ([`Folded::bytes`]), so a find is quoted as typed.
//! The word helpers the detectors share are here too.

use std::ops::Range;

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use crate::organizations::lookalikes;

/// Text as it is read, one character per position, with the bytes of the
/// typed text each one comes from.
#[derive(Debug, Default)]
pub(super) struct Folded {
    pub(super) chars: Vec<char>,
    spans: Vec<Range<usize>>,
}

impl Folded {
    fn push(&mut self, c: char, span: Range<usize>) {
        self.chars.push(c);
        self.spans.push(span);
    }

    fn copy(&mut self, from: &Folded, range: Range<usize>) {
        self.chars.extend_from_slice(&from.chars[range.clone()]);
        self.spans.extend_from_slice(&from.spans[range]);
    }

    /// The bytes of the typed text that positions `range` were read from.
    pub(super) fn bytes(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() || range.end > self.spans.len() {
            return 0..0;
        }
        self.spans[range.start].start..self.spans[range.end - 1].end
    }
}

/// `folded` with each range replaced by the given text, read as typed where
/// the range was (an empty text leaves the range out). A range that starts
/// inside one replaced before it is skipped.
fn replaced(folded: &Folded, mut edits: Vec<(Range<usize>, String)>) -> Folded {
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = Folded::default();
    let mut at = 0;
    for (range, with) in edits {
        if range.start < at || range.is_empty() || range.end > folded.chars.len() {
            continue;
        }
        out.copy(folded, at..range.start);
        let span = folded.bytes(range.clone());
        for c in with.chars() {
            out.push(c, span.clone());
        }
        at = range.end;
    }
    out.copy(folded, at..folded.chars.len());
    out
}

/// `text` lower-cased, without invisible characters, in compatibility form
/// without combining marks (NFKD: "３１２" is "312", "＠" is "@", "é" is
/// "e", a keycap "3️⃣" or an underlined "3̲" is "3"; a mark is quoted with
/// the character it sits on), with the digits of every script as 0-9,
/// look-alike letters read as Latin ones and every dash as a hyphen.
pub(super) fn fold(text: &str) -> Folded {
    let mut folded = Folded::default();
    for (at, c) in text.char_indices() {
        if lookalikes::is_invisible(c) {
            continue;
        }
        let span = at..at + c.len_utf8();
        for plain in std::iter::once(c).nfkd() {
            if is_combining_mark(plain) {
                if let Some(last) = folded.spans.last_mut() {
                    last.end = span.end;
                }
                continue;
            }
            let plain = match plain {
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                other => ascii_digit(other).unwrap_or_else(|| lookalikes::read_as_latin(other)),
            };
            for lower in plain.to_lowercase() {
                folded.push(lower, span.clone());
            }
        }
    }
    folded
}

/// The zero of each run of ten decimal digits in Unicode (general category
/// Nd) other than ASCII's; NFKD leaves most of them as they are, and a
/// student reads "٣١٢" or "३१२" as 312 all the same.
const DIGIT_ZEROS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// A decimal digit of any script as its ASCII digit.
fn ascii_digit(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    let code = u32::from(c);
    let zero = DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))?;
    char::from_digit(code - zero, 10)
}

/// Letters typed one by one with a space between them ("r a y @ g m a i
/// l . c o m") as the word they spell: three or more single letters in a
/// row. Prose has no such run: its one-letter words ("a", "I", "y", "o")
/// stand alone.
pub(super) fn letters_joined(folded: &Folded) -> Folded {
    let chars = &folded.chars;
    let single = |i: usize| {
        chars[i].is_alphabetic()
            && (i == 0 || !chars[i - 1].is_alphanumeric())
            && chars.get(i + 1).is_none_or(|c| !c.is_alphanumeric())
    };
    let mut gaps = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !single(i) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut run = 1;
        while chars.get(last + 1) == Some(&' ') && last + 2 < chars.len() && single(last + 2) {
            last += 2;
            run += 1;
        }
        if run >= 3 {
            gaps.extend((i..last).step_by(2).map(|l| (l + 1..l + 2, String::new())));
        }
        i = last + 1;
    }
    replaced(folded, gaps)
}

/// `folded` with the spelled-out "@" and "." of an address or a link as the
/// signs: "(at)", "[at]", "{dot}", "[.]", "(arroba)", "(punto)" anywhere
/// (nobody brackets these words in prose), and the words in the shape of
/// an address or a domain ([`spelled_address`], [`spelled_domain`]).
pub(super) fn spelled_out(folded: &Folded) -> Folded {
    let chars = &folded.chars;
    let mut signs = bracketed(chars);
    signs.extend(spelled_address(chars));
    signs.extend(spelled_domain(chars));
    let edits = signs
        .into_iter()
        .map(|(range, sign)| (range, sign.to_string()))
        .collect();
    replaced(folded, edits)
}

/// The sign a spelled-out word stands for in an address.
fn sign_of(word: &str) -> Option<char> {
    match word {
        "at" | "@" | "arroba" => Some('@'),
        "dot" | "." | "punto" => Some('.'),
        _ => None,
    }
}

/// "(at)", "[dot]", "{.}", "<arroba>"..., with the spaces around them.
fn bracketed(chars: &[char]) -> Vec<(Range<usize>, char)> {
    let mut found = Vec::new();
    for open in 0..chars.len() {
        let close_with = match chars[open] {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            '<' => '>',
            _ => continue,
        };
        let Some(close) = chars[open + 1..]
            .iter()
            .take(10)
            .position(|&c| c == close_with)
            .map(|p| open + 1 + p)
        else {
            continue;
        };
        let word: String = chars[open + 1..close]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        if let Some(sign) = sign_of(&word) {
            let start = spaces_before(chars, open);
            let end = spaces_after(chars, close + 1);
            found.push((start..end, sign));
        }
    }
    found
}

/// Top-level domains an address spelled out in words ends with.
const SPELLED_TLDS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "io", "me", "us", "co", "mx", "es", "info", "uk", "ca",
];

/// Top-level domains a link spelled out in words ends with ("coolboss dot
/// com"): not "es", "me", "us" or "co", words a sentence goes on with.
const SPELLED_LINK_TLDS: &[&str] = &["com", "net", "org", "io", "info", "ly", "gg"];

/// Mail services a name "@" them is an address at, with or without the
/// ".com" (anyone reads "ray @ gmail" as the address).
pub(super) const MAIL_SERVICES: &[&str] = &[
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "live",
    "yahoo",
    "ymail",
    "aol",
    "icloud",
    "protonmail",
    "proton",
];

/// The mail services that are nothing else, so that "ray at gmail" spelled
/// with the word "at" is an address too (while "interns at Yahoo" work
/// there).
const MAILBOXES: &[&str] = &[
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "ymail",
    "icloud",
    "protonmail",
];

/// Words that stand before "at" or "dot" in prose ("look at the dot com
/// boom"), never an address's name or a domain.
pub(super) fn prose_word(word: &str) -> bool {
    ORDINARY_WORDS
        .split_whitespace()
        .any(|ordinary| ordinary == word)
}

/// "ray at gmail dot com", "ray @ gmail . com", "ray arroba gmail punto
/// com", "ray at gmail" (a name, "at", a domain: words joined by "dot" as
/// many times as a domain has, the last a common top-level domain, or a
/// mail service alone): the positions of " at " and each " dot ". "Meet at
/// noon" and "look at the dot com boom" are not in that shape.
fn spelled_address(chars: &[char]) -> Vec<(Range<usize>, char)> {
    let words = words(chars, |c| c.is_alphanumeric() || "._%+-@".contains(c));
    let text = |w: usize| chars[words[w].clone()].iter().collect::<String>();
    let mut found = Vec::new();
    let mut w = 0;
    while w + 2 < words.len() {
        let at = text(w + 1);
        let name = text(w);
        if sign_of(&at) != Some('@') || sign_of(&name).is_some() {
            w += 1;
            continue;
        }
        // domain (dot word)* after "at"
        let mut dots = Vec::new();
        let mut next = w + 3;
        while next + 1 < words.len() && sign_of(&text(next)) == Some('.') {
            dots.push(next);
            next += 2;
        }
        let last = next - 1;
        let domain = text(w + 2);
        let names_a_domain = !dots.is_empty()
            && !prose_word(&domain)
            && SPELLED_TLDS.contains(&text(last).trim_end_matches('.'))
            && (w + 2..=last)
                .step_by(2)
                .all(|n| text(n).chars().any(char::is_alphanumeric));
        // "ray @ gmail", "ray arroba gmail", "ray at gmail".
        let names_a_mailbox = dots.is_empty()
            && !prose_word(&name)
            && (MAILBOXES.contains(&domain.as_str())
                || (at != "at" && MAIL_SERVICES.contains(&domain.as_str())));
        if names_a_domain || names_a_mailbox {
            // A name spelled the same way: "ray dot boss at ...".
            let mut first = w;
            while first >= 2
                && sign_of(&text(first - 1)) == Some('.')
                && sign_of(&text(first - 2)).is_none()
            {
                found.push((words[first - 2].end..words[first].start, '.'));
                first -= 2;
            }
            found.push((words[w].end..words[w + 2].start, '@'));
            for d in dots {
                found.push((words[d - 1].end..words[d + 1].start, '.'));
            }
            w = last + 1;
        } else {
            w += 1;
        }
    }
    found
}

/// "coolboss dot com", "coolboss . com": a name that is not a word of prose
/// ("the dot com era"), "dot", and a top-level domain of
/// [`SPELLED_LINK_TLDS`].
fn spelled_domain(chars: &[char]) -> Vec<(Range<usize>, char)> {
    let words = words(chars, |c| c.is_alphanumeric() || "._%+-@".contains(c));
    let text = |w: usize| chars[words[w].clone()].iter().collect::<String>();
    (0..words.len().saturating_sub(2))
        .filter(|&w| {
            let name = text(w);
            sign_of(&text(w + 1)) == Some('.')
                && SPELLED_LINK_TLDS.contains(&text(w + 2).as_str())
                && sign_of(&name).is_none()
                && !prose_word(&name)
                && name.chars().any(char::is_alphanumeric)
        })
        .map(|w| (words[w].end..words[w + 2].start, '.'))
        .collect()
}

/// Number words read as the digit they name, English and Spanish ("oh" is
/// how 0 is said in a number; the Spanish "o", "or", is not read).
const NUMBER_WORDS: &[(&str, char)] = &[
    ("zero", '0'),
    ("oh", '0'),
    ("cero", '0'),
    ("one", '1'),
    ("uno", '1'),
    ("two", '2'),
    ("dos", '2'),
    ("three", '3'),
    ("tres", '3'),
    ("four", '4'),
    ("cuatro", '4'),
    ("five", '5'),
    ("cinco", '5'),
    ("six", '6'),
    ("seis", '6'),
    ("seven", '7'),
    ("siete", '7'),
    ("eight", '8'),
    ("ocho", '8'),
    ("nine", '9'),
    ("nueve", '9'),
];

/// `read` with the digits of a phone number however they are written:
/// number words as digits ("three one two", "tres uno dos", "3 one 2 - oh")
/// and, in a group of three or more characters with two or more digits,
/// the letters o, l and i as the digits they pass for ("555-O199", "0l99",
/// "3I2"; not "i7", or the "1º" NFKD reads as "1o"). Only phone numbers are
/// looked for in this reading: a lone "one" or "o" in prose stays a word
/// for everything else.
pub(super) fn numbers_read(read: &Folded) -> Folded {
    let mut edits = Vec::new();
    for word in words(&read.chars, char::is_alphanumeric) {
        let text: String = read.chars[word.clone()].iter().collect();
        if let Some((_, digit)) = NUMBER_WORDS.iter().find(|(name, _)| *name == text) {
            edits.push((word, digit.to_string()));
            continue;
        }
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let letters = text.chars().count() - digits;
        if digits >= 2
            && letters >= 1
            && text.chars().count() >= 3
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || "oli".contains(c))
        {
            let as_digits = text
                .chars()
                .map(|c| match c {
                    'o' => '0',
                    'l' | 'i' => '1',
                    digit => digit,
                })
                .collect();
            edits.push((word, as_digits));
        }
    }
    replaced(read, edits)
}

/// The runs of characters `in_word` holds, as ranges of positions.
pub(super) fn words(chars: &[char], in_word: impl Fn(char) -> bool) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, &c) in chars.iter().enumerate() {
        match (in_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..chars.len());
    }
    words
}

pub(super) fn spaces_before(chars: &[char], mut at: usize) -> usize {
    while at > 0 && chars[at - 1].is_whitespace() {
        at -= 1;
    }
    at
}

pub(super) fn spaces_after(chars: &[char], mut at: usize) -> usize {
    while at < chars.len() && chars[at].is_whitespace() {
        at += 1;
    }
    at
}

pub(super) fn trim_end(chars: &[char], mut end: usize, trailing: &str) -> usize {
    while end > 0 && trailing.contains(chars[end - 1]) {
        end -= 1;
    }
    end
}

/// Words of prose that stand where a name could: after an app's name
/// ("Instagram posts", "Snap: blocks", "Discord: team chat"), before "at"
/// or "dot" ("look at the dot com boom"), after "@ " ("meet @ our lab").
/// A username cannot be told from a word by its letters ("coolboss",
/// "blocks"), so where the words around it do not settle it (a label
/// "Snapchat - coolboss" or "IG: posts about our lab"), the words that
/// follow an app's name in real postings are listed here (the small words
/// of English and Spanish, then what an app's name labels in a posting),
/// and anything else is read as a name.
const ORDINARY_WORDS: &str = "
    a an the and or nor but for to of in on at by me us him her i with from about into as is are was were be \
    been will can may should must has have had do does it its this that these those our your \
    their we you they us them who which where when how what why if so not no yes all any some \
    each every more most other also too only just then than there here up out over under via per \
    like y o e u el la los las lo un una unos unas de del al en con por para sin sobre que es \
    son fue era nuestro nuestra nuestros nuestras su sus tu tus este esta estos estas ese esa \
    donde cuando como pero tambien solo muy mas \
    account accounts page pages profile post posts posting story stories reel reels video videos \
    photo photos picture pictures content update updates news event events announcement \
    announcements feed campaign campaigns marketing ads ad analytics followers audience live \
    stream streams streaming short shorts channel channels server servers group groups community \
    chat chats team teams club lab labs class classes meeting meetings call calls bot bots api \
    app apps integration integrations tutorial tutorials project projects code coding program \
    programming blocks block sprites scripts game games mods mod studio education edition java \
    bedrock marketplace messenger business creator creators brand handles links tools tool kits \
    kit circuits data design graphics images clips highlights recap recaps challenge challenges \
    contest giveaway series takeover takeovers tips demo demos use used users messages \
    notifications moderation moderator moderators role roles engagement growth strategy schedule \
    calendar work job jobs internship interns intern students student staff school office home \
    noon night weekly daily monthly often now today tonight tomorrow weekdays weekends monday \
    tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays \
    fridays saturdays sundays official public private open closed new cuenta cuentas pagina \
    publicaciones publicacion fotos contenido noticias eventos anuncios canal servidor grupo \
    grupos comunidad equipo bloques programacion proyectos proyecto juegos laboratorio escuela \
    diario semanal hoy lunes martes miercoles jueves viernes sabado domingo";
