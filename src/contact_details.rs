//! Contact details in text that employers write and students read (every
//! free-text field of a posting, the organization's public description):
//! phone numbers, email addresses, links and social media handles.
//! Students reach an employer through STEMbridge, where their school sees
//! the conversation. A number or a handle in a posting moves it to a phone
//! or an app no school, guardian or log sees (grooming's first step), and
//! a link can be a look-alike of a school's sign-in page.
//!
//! The text is read as a person reads it: without invisible characters,
//! with full-width and other compatibility forms as their plain letters
//! and digits (NFKC), letters of other alphabets that look Latin as the
//! Latin ones (`organizations::lookalikes`), and "(at)", "[dot]", "ray at
//! gmail dot com" as the address they spell. What is found is quoted as it
//! was typed, so the employer sees what to take out.
//!
//! Postings are full of numbers and dotted words that are none of these:
//! years and date ranges (2026-2027), times (9:00-3:00), pay ($18.50),
//! ZIP codes (60601-1234), grades (9-12), C++, Node.js, ASP.NET, e.g.,
//! U.S., Ph.D. Each rule below says how it keeps them; the unit test lists
//! both sides.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::organizations::lookalikes;

/// What kind of contact detail was found (the catalogue message selects on
/// its key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Phone,
    Email,
    Link,
    Handle,
}

impl Kind {
    /// The key the catalogue message `form-contact-details` selects on.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Link => "link",
            Kind::Handle => "handle",
        }
    }
}

/// The first contact detail in a text, quoted as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    pub text: String,
}

/// The longest quote a message shows of what was found.
const QUOTE_CHARS: usize = 60;

/// The first phone number, email address, link or social media handle in
/// `text`, if any.
pub fn find(text: &str) -> Option<Found> {
    let folded = spelled_out(&fold(text));
    let chars = &folded.chars;
    let typed = |range: Range<usize>| -> &str {
        if range.is_empty() {
            return "";
        }
        let from = folded.spans[range.start].start;
        let to = folded.spans[range.end - 1].end;
        text.get(from..to).unwrap_or_default()
    };
    let mut found: Vec<(Range<usize>, Kind)> = Vec::new();
    found.extend(links(chars, &typed).into_iter().map(|r| (r, Kind::Link)));
    found.extend(emails(chars).into_iter().map(|r| (r, Kind::Email)));
    found.extend(handles(chars).into_iter().map(|r| (r, Kind::Handle)));
    found.extend(phones(chars).into_iter().map(|r| (r, Kind::Phone)));
    let (range, kind) = found
        .into_iter()
        .filter(|(range, _)| !range.is_empty())
        .min_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)))?;
    let typed = typed(range).trim();
    let text = if typed.chars().count() > QUOTE_CHARS {
        let mut cut: String = typed.chars().take(QUOTE_CHARS - 1).collect();
        cut.push('…');
        cut
    } else {
        typed.to_owned()
    };
    Some(Found { kind, text })
}

/// Text as it is read, one character per position, with the bytes of the
/// typed text each one comes from.
#[derive(Debug, Default)]
struct Folded {
    chars: Vec<char>,
    spans: Vec<Range<usize>>,
}

impl Folded {
    fn push(&mut self, c: char, span: Range<usize>) {
        self.chars.push(c);
        self.spans.push(span);
    }
}

/// `text` lower-cased, without invisible characters, in compatibility form
/// (NFKC: "３１２" is "312", "＠" is "@"), with look-alike letters read as
/// Latin ones and every dash as a hyphen.
fn fold(text: &str) -> Folded {
    let mut folded = Folded::default();
    for (at, c) in text.char_indices() {
        if lookalikes::is_invisible(c) {
            continue;
        }
        let span = at..at + c.len_utf8();
        for plain in std::iter::once(c).nfkc() {
            let plain = match plain {
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                other => lookalikes::read_as_latin(other),
            };
            for lower in plain.to_lowercase() {
                folded.push(lower, span.clone());
            }
        }
    }
    folded
}

/// `folded` with the spelled-out "@" and "." of an address as the signs:
/// "(at)", "[at]", "{dot}", "[.]", "(arroba)", "(punto)" anywhere (nobody
/// brackets these words in prose), and the plain words in the shape of an
/// address: "ray at gmail dot com", "ray arroba gmail punto com" (a word,
/// "at", a word, then "dot" and a word as many times as a domain has, the
/// last a common top-level domain). "Meet at noon" is not in that shape.
fn spelled_out(folded: &Folded) -> Folded {
    let chars = &folded.chars;
    // (range of positions replaced, the sign standing for them)
    let mut signs: Vec<(Range<usize>, char)> = bracketed(chars);
    signs.extend(spelled_address(chars));
    signs.sort_by_key(|(range, _)| range.start);
    let mut out = Folded::default();
    let copy = |out: &mut Folded, range: Range<usize>| {
        out.chars.extend_from_slice(&chars[range.clone()]);
        out.spans.extend_from_slice(&folded.spans[range]);
    };
    let mut at = 0;
    for (range, sign) in signs {
        if range.start < at {
            continue;
        }
        copy(&mut out, at..range.start);
        let span = folded.spans[range.start].start..folded.spans[range.end - 1].end;
        out.push(sign, span);
        at = range.end;
    }
    copy(&mut out, at..chars.len());
    out
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
    "com", "net", "org", "edu", "gov", "io", "me", "us", "co", "mx", "es", "info",
];

/// "ray at gmail dot com": the positions of " at " and each " dot ".
fn spelled_address(chars: &[char]) -> Vec<(Range<usize>, char)> {
    let words = words(chars, |c| c.is_alphanumeric() || "._%+-".contains(c));
    let text = |r: &Range<usize>| chars[r.clone()].iter().collect::<String>();
    let mut found = Vec::new();
    let mut w = 0;
    while w + 4 < words.len() {
        let at = &words[w + 1];
        if sign_of(&text(at)) != Some('@') || sign_of(&text(&words[w])).is_some() {
            w += 1;
            continue;
        }
        // word (dot word)+ after "at"
        let mut dots = Vec::new();
        let mut next = w + 3;
        while next + 1 < words.len() && sign_of(&text(&words[next])) == Some('.') {
            dots.push(next);
            next += 2;
        }
        let last = next - 1;
        // "Look at the dot com boom" names no domain.
        let article = [
            "the", "a", "an", "our", "el", "la", "un", "una", "nuestro", "nuestra",
        ]
        .contains(&text(&words[w + 2]).as_str());
        let names_a_domain = !dots.is_empty()
            && !article
            && SPELLED_TLDS.contains(&text(&words[last]).trim_end_matches('.'))
            && (w + 2..=last)
                .step_by(2)
                .all(|n| text(&words[n]).chars().any(char::is_alphanumeric));
        if names_a_domain {
            // A name spelled the same way: "ray dot boss at ...".
            let mut first = w;
            while first >= 2
                && sign_of(&text(&words[first - 1])) == Some('.')
                && sign_of(&text(&words[first - 2])).is_none()
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

/// The runs of characters `in_word` holds, as ranges of positions.
fn words(chars: &[char], in_word: impl Fn(char) -> bool) -> Vec<Range<usize>> {
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

fn spaces_before(chars: &[char], mut at: usize) -> usize {
    while at > 0 && chars[at - 1].is_whitespace() {
        at -= 1;
    }
    at
}

fn spaces_after(chars: &[char], mut at: usize) -> usize {
    while at < chars.len() && chars[at].is_whitespace() {
        at += 1;
    }
    at
}

/// Whether a character can be part of a domain name.
fn in_domain(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

/// The end of a link's path: up to the next space, without the punctuation
/// that ends the sentence around it.
fn path_end(chars: &[char], mut at: usize) -> usize {
    while at < chars.len() && !chars[at].is_whitespace() && !"<>\"“”«»".contains(chars[at]) {
        at += 1;
    }
    trim_end(chars, at, ".,;:!?)]}'’")
}

fn trim_end(chars: &[char], mut end: usize, trailing: &str) -> usize {
    while end > 0 && trailing.contains(chars[end - 1]) {
        end -= 1;
    }
    end
}

/// Top-level domains read as a link whatever their case: none of them is
/// an English or Spanish word a sentence starts with.
const TLDS: &[&str] = &[
    "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io", "ly", "gg", "tv", "xyz",
    "mx", "uk", "gl", "gd", "cc", "ws", "tk", "example",
];

/// Top-level domains that are also words, read as a link only when written
/// in small letters: "robots.Me" is a sentence that lost its space, while a
/// domain is written "robots.me".
const TLDS_IF_LOWER: &[&str] = &[
    "us", "co", "me", "es", "ca", "ai", "app", "dev", "site", "online", "link", "page", "club",
    "live", "shop", "store", "tech", "blog",
];

/// Names of software, and of organizations students are told to look up,
/// that are written like a domain (eyes13f F3: "ASP.Net", "Code.org").
const NOT_LINKS: &[&str] = &[
    "socket.io",
    "asp.net",
    "vb.net",
    "ado.net",
    "system.io",
    "java.io",
    "draw.io",
    "fast.ai",
    "code.org",
    "python.org",
    "data.gov",
    "nasa.gov",
];

/// Words written after "@" in ordinary sentences, not handles ("work @home",
/// "lunch @noon", "Folding@home").
const NOT_HANDLES: &[&str] = &["home", "noon", "night", "work", "school", "mentions"];

/// Links: anything with a scheme ("https://", "hxxp://"), anything from
/// "www.", and domain names: dotted words ending with a top-level domain of
/// [`TLDS`] or [`TLDS_IF_LOWER`], or of three or more words followed by a
/// path ("lincoln-hs.k12.il.us.sign-in.example/apply"), with their path.
/// ".NET" in capitals is the framework (ASP.NET, VB.NET), and Node.js, e.g.,
/// U.S., Ph.D. and 3.5 end with no top-level domain.
fn links<'t>(chars: &[char], typed: &impl Fn(Range<usize>) -> &'t str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    // Schemes.
    for i in 0..chars.len().saturating_sub(2) {
        if chars[i..i + 3] == [':', '/', '/'] {
            let mut start = i;
            while start > 0 && chars[start - 1].is_ascii_alphabetic() {
                start -= 1;
            }
            found.push(start..path_end(chars, i + 3));
        }
    }
    // Dotted names.
    let mut i = 0;
    while i < chars.len() {
        let starts_word = chars[i].is_alphanumeric()
            && (i == 0 || !(in_domain(chars[i - 1]) || "@_/".contains(chars[i - 1])));
        if !starts_word {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && in_domain(chars[end]) {
            end += 1;
        }
        let end = trim_end(chars, end, ".-");
        if let Some(range) = domain(chars, i..end, typed) {
            found.push(range);
        }
        i = end.max(i + 1);
    }
    found
}

/// A domain name at `range` (see [`links`]), with its path.
fn domain<'t>(
    chars: &[char],
    range: Range<usize>,
    typed: &impl Fn(Range<usize>) -> &'t str,
) -> Option<Range<usize>> {
    let name: String = chars[range.clone()].iter().collect();
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || l.chars().count() > 63)
    {
        return None;
    }
    let tld = *labels.last()?;
    let has_path = chars.get(range.end) == Some(&'/')
        && chars
            .get(range.end + 1)
            .is_some_and(|c| c.is_alphanumeric());
    let www = labels[0] == "www";
    let is_link = www
        || TLDS.contains(&tld)
        || TLDS_IF_LOWER.contains(&tld)
        || (has_path
            && labels.len() >= 3
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic));
    let typed_tld = typed(range.end.saturating_sub(tld.chars().count())..range.end);
    if !is_link || NOT_LINKS.contains(&name.as_str()) || (!www && typed_as_word(typed_tld, tld)) {
        return None;
    }
    Some(if has_path {
        range.start..path_end(chars, range.end)
    } else {
        range
    })
}

/// Whether a top-level domain, as it was typed, reads as a word or a
/// framework rather than a domain: "robots.Me" (a sentence that lost its
/// space, see [`TLDS_IF_LOWER`]) or "ASP.NET".
fn typed_as_word(typed_tld: &str, tld: &str) -> bool {
    let capitals = typed_tld.chars().any(char::is_uppercase);
    (TLDS_IF_LOWER.contains(&tld) && capitals)
        || (tld == "net" && typed_tld.chars().all(|c| c.is_uppercase()))
}

/// Email addresses: a name, "@", and a dotted domain.
fn emails(chars: &[char]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        let mut start = at;
        while start > 0
            && (chars[start - 1].is_alphanumeric() || "._%+-'".contains(chars[start - 1]))
        {
            start -= 1;
        }
        let mut end = at + 1;
        while end < chars.len() && in_domain(chars[end]) {
            end += 1;
        }
        let end = trim_end(chars, end, ".-");
        let domain: String = chars[at + 1..end].iter().collect();
        let labels: Vec<&str> = domain.split('.').collect();
        let local_has_name = chars[start..at].iter().any(|c| c.is_alphanumeric());
        let tld = labels.last().copied().unwrap_or_default();
        if local_has_name
            && labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic)
        {
            found.push(start..end);
        }
    }
    found
}

/// Apps a student could be asked to find someone on.
const PLATFORMS: &[&str] = &[
    "snapchat",
    "instagram",
    "insta",
    "discord",
    "whatsapp",
    "telegram",
    "tiktok",
    "kik",
    "wechat",
    "facebook",
    "messenger",
    "twitter",
    "skype",
    "twitch",
    "roblox",
    "minecraft",
    "xbox",
    "playstation",
    "psn",
    "youtube",
    "reddit",
    "viber",
    "bereal",
];

/// Short names of apps that are also other words ("snap circuits"): read
/// as the app only with a colon or a word such as "username" after them,
/// or an "@handle".
const PLATFORMS_IF_NAMED: &[&str] = &["snap", "ig", "fb", "tg", "wa"];

/// Words between an app's name and a handle that announce the handle.
const NAMING_WORDS: &[&str] = &[
    "handle", "username", "user", "usuario", "id", "name", "nombre", "tag", "gamertag", "nick",
    "nickname", "apodo",
];

/// Small words that may stand between an app's name and a handle.
const LINKING_WORDS: &[&str] = &[
    "is", "es", "at", "me", "on", "en", "my", "mi", "account", "cuenta", "de",
];

/// Words after "Discord:" that say what the app is for, not who to find.
const PROSE_AFTER_COLON: &[&str] = &[
    "and", "or", "the", "a", "an", "for", "to", "with", "our", "we", "you", "y", "o", "el", "la",
    "los", "las", "un", "una", "para", "con", "nuestro", "nuestra", "team", "group", "server",
    "channel", "chat", "meetings", "weekly", "daily", "equipo", "grupo", "servidor", "canal",
];

/// Social media handles: "@name" (not "@ our lab", not an address), a
/// Discord tag ("coolboss#1234"), and an app's name followed by a name:
/// one that looks like a handle (an @, a digit beside letters, "_", "#"
/// or an inner dot: "Snapchat coolboss_ray") or any name announced by a
/// colon or a word such as "username" ("Snapchat: coolboss", "Discord
/// username ray"). "Our team chats on Discord" names nobody.
fn handles(chars: &[char]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let handle_char = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    for (i, &c) in chars.iter().enumerate() {
        // "@name", where "@" does not end an address's name.
        if c == '@'
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || "._%+-".contains(chars[i - 1])))
        {
            let mut end = i + 1;
            while end < chars.len() && handle_char(chars[end]) {
                end += 1;
            }
            let end = trim_end(chars, end, ".");
            if end > i + 2 && chars[i + 1..end].iter().any(|c| c.is_alphabetic()) {
                let word: String = chars[i + 1..end].iter().collect::<String>().to_lowercase();
                if !NOT_HANDLES.contains(&word.as_str()) {
                    found.push(i..end);
                }
            }
        }
        // "name#1234"
        if c == '#' {
            let mut start = i;
            while start > 0 && handle_char(chars[start - 1]) {
                start -= 1;
            }
            let digits = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let after = chars.get(i + 1 + digits);
            if i - start >= 2
                && chars[start..i].iter().any(|c| c.is_alphabetic())
                && digits == 4
                && after.is_none_or(|c| !c.is_alphanumeric())
            {
                found.push(start..i + 5);
            }
        }
    }
    found.extend(named_on_an_app(chars));
    found
}

/// An app's name followed by a handle (see [`handles`]).
fn named_on_an_app(chars: &[char]) -> Vec<Range<usize>> {
    let words = words(chars, char::is_alphanumeric);
    let text = |r: &Range<usize>| chars[r.clone()].iter().collect::<String>();
    let mut found = Vec::new();
    for (w, word) in words.iter().enumerate() {
        // The app's name, also when written in two words ("Snap chat",
        // "Whats-App").
        let one = text(word);
        let two = words.get(w + 1).and_then(|next| {
            let between: String = chars[word.end..next.start].iter().collect();
            (between == " " || between == "-").then(|| format!("{one}{}", text(next)))
        });
        let (name_end, strict) = if let Some(two) = two.as_ref().filter(|two| {
            PLATFORMS.contains(&two.as_str()) || PLATFORMS_IF_NAMED.contains(&two.as_str())
        }) {
            (words[w + 1].end, PLATFORMS_IF_NAMED.contains(&two.as_str()))
        } else if PLATFORMS.contains(&one.as_str()) {
            (word.end, false)
        } else if PLATFORMS_IF_NAMED.contains(&one.as_str()) {
            (word.end, true)
        } else {
            continue;
        };
        if let Some(end) = handle_after(chars, name_end, strict) {
            found.push(word.start..end);
        }
    }
    found
}

/// The end of a handle after an app's name ending at `at`, if one follows.
fn handle_after(chars: &[char], mut at: usize, strict: bool) -> Option<usize> {
    let skip_spaces = |at: &mut usize| {
        while *at < chars.len() && chars[*at].is_whitespace() {
            *at += 1;
        }
    };
    let mut announced = false;
    for _ in 0..4 {
        skip_spaces(&mut at);
        match chars.get(at) {
            Some(':' | '=' | '>') => {
                announced = true;
                at += 1;
                continue;
            }
            Some('-' | '(' | ')') => {
                at += 1;
                continue;
            }
            _ => {}
        }
        let mut end = at;
        while end < chars.len() && chars[end].is_alphanumeric() {
            end += 1;
        }
        let word: String = chars[at..end].iter().collect();
        if NAMING_WORDS.contains(&word.as_str()) {
            announced = true;
        } else if !LINKING_WORDS.contains(&word.as_str()) {
            break;
        }
        at = end;
    }
    skip_spaces(&mut at);
    let start = at;
    let mut end = at;
    while end < chars.len() && (chars[end].is_alphanumeric() || "_.#@-".contains(chars[end])) {
        end += 1;
    }
    // A link after the name ("Instagram: instagram.com/ray") is quoted
    // whole as a link.
    if matches!(chars.get(end), Some('/' | ':')) {
        return None;
    }
    // Never before the start: a token of only dots and hyphens is empty.
    let end = trim_end(chars, end, ".-").max(start);
    let token: String = chars[start..end].iter().collect();
    let name = token.trim_start_matches('@');
    if name.chars().count() < 2 || !name.starts_with(char::is_alphanumeric) {
        return None;
    }
    let at_sign = token.starts_with('@');
    let letters = name.chars().any(char::is_alphabetic);
    let inner_dot = name.trim_matches('.').contains('.');
    let looks_like_handle = letters
        && (name.contains(['_', '#']) || inner_dot || name.chars().any(|c| c.is_ascii_digit()));
    let announced_name = announced && letters && !PROSE_AFTER_COLON.contains(&name);
    let is_handle = at_sign || announced_name || (!strict && looks_like_handle);
    is_handle.then_some(end)
}

/// Phone numbers: runs of digits joined only by spaces, hyphens, dots
/// (between two digits) and brackets, holding the shape of a number: 3-3-4
/// digits ("(312) 555-0199", "312.555.0199"), with a leading 1
/// ("1-800-555-0199"), 10 to 15 digits in one, seven or more digits each
/// written apart ("3 1 2 5 5 5 0 1 9 9"), "+" and 8 to 15 digits
/// ("+44 20 7946 0958"), three or more groups of 2 to 4 digits making 9 to
/// 11 ("55 1234 5678", "612 34 56 78") unless a group is a year, or a local
/// 3-4 with a hyphen or dot ("555-0199") unless it is a round range
/// ("100-1000"), or 7 to 15 digits after a word such as "phone" or
/// "llámame" ("Phone: 555 0199"). Dates (2027-06-15), year ranges (2026-2027), grades
/// (9-12), ZIP+4 (60601-1234), times (9:00-3:00) and amounts ($18.50) have
/// none of these shapes.
fn phones(chars: &[char]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            || (matches!(chars[i], '+' | '(') && next_digit(chars, i + 1).is_some());
        let boundary =
            i == 0 || !(chars[i - 1].is_alphanumeric() || "$€£#/.,".contains(chars[i - 1]));
        if !(starts && boundary) {
            i += 1;
            continue;
        }
        let plus = chars[i] == '+';
        // The digit groups and, for each, where it starts and ends.
        let mut groups: Vec<Range<usize>> = Vec::new();
        let mut at = if chars[i].is_ascii_digit() {
            i
        } else {
            next_digit(chars, i + 1).unwrap_or(i + 1)
        };
        loop {
            let start = at;
            while at < chars.len() && chars[at].is_ascii_digit() {
                at += 1;
            }
            groups.push(start..at);
            match separator_then_digit(chars, at) {
                Some(next) => at = next,
                None => break,
            }
        }
        let end = at;
        let total: usize = groups.iter().map(ExactSizeIterator::len).sum();
        if let Some(range) = phone_in(chars, &groups, plus, i) {
            found.push(range);
        } else if (7..=15).contains(&total) && announced_as_a_phone(chars, i) {
            found.push(i..end);
        }
        i = end.max(i + 1);
    }
    found
}

/// Words that say a phone number follows ("Phone: 555 0199").
const PHONE_WORDS: &[&str] = &[
    "phone",
    "tel",
    "cell",
    "call",
    "text",
    "sms",
    "whatsapp",
    "telefono",
    "teléfono",
    "celular",
    "cel",
    "movil",
    "móvil",
    "llama",
    "llamame",
    "llámame",
    "marca",
    "whats",
];

/// Whether a word of [`PHONE_WORDS`] stands right before `at` (with at
/// most a colon, a dot or a "#" and spaces between).
fn announced_as_a_phone(chars: &[char], at: usize) -> bool {
    let mut end = at;
    let mut between = 0;
    while end > 0 && between < 3 && matches!(chars[end - 1], ' ' | ':' | '.' | '#' | '-') {
        end -= 1;
        between += 1;
    }
    let mut start = end;
    while start > 0 && chars[start - 1].is_alphabetic() {
        start -= 1;
    }
    let word: String = chars[start..end].iter().collect();
    PHONE_WORDS.contains(&word.as_str())
}

/// The position of the digit after optional spaces at `at`.
fn next_digit(chars: &[char], at: usize) -> Option<usize> {
    let at = spaces_after(chars, at);
    chars.get(at).filter(|c| c.is_ascii_digit()).map(|_| at)
}

/// Where the next digit group starts when the characters at `at` join two
/// groups: a dot alone ("312.555"), or up to three spaces, hyphens,
/// brackets, slashes, underscores, dots and line breaks (") ", " - ",
/// "/", " . ": eyes13f F1).
fn separator_then_digit(chars: &[char], at: usize) -> Option<usize> {
    if chars.get(at) == Some(&'.') {
        return chars
            .get(at + 1)
            .filter(|c| c.is_ascii_digit())
            .map(|_| at + 1);
    }
    let separators = chars[at..]
        .iter()
        .take(4)
        .take_while(|&&c| matches!(c, ' ' | '-' | '(' | ')' | '/' | '_' | '.' | '\n'))
        .count();
    let next = at + separators;
    ((1..=3).contains(&separators) && chars.get(next).is_some_and(char::is_ascii_digit))
        .then_some(next)
}

/// Whether digit groups of these lengths, holding these digits, at these
/// positions, have the shape of a phone number.
type Shape<'a> = dyn Fn(&[usize], &str, &[Range<usize>]) -> bool + 'a;

/// A phone number among `groups` (see [`phones`]), with the "+" or "("
/// before it.
fn phone_in(
    chars: &[char],
    groups: &[Range<usize>],
    plus: bool,
    run_start: usize,
) -> Option<Range<usize>> {
    let lengths: Vec<usize> = groups.iter().map(ExactSizeIterator::len).collect();
    let digits = |range: &[Range<usize>]| -> String {
        range.iter().flat_map(|g| chars[g.clone()].iter()).collect()
    };
    let total: usize = lengths.iter().sum();
    if plus && (8..=15).contains(&total) {
        return Some(run_start..groups.last()?.end);
    }
    let is_year = |g: &Range<usize>| {
        g.len() == 4
            && digits(std::slice::from_ref(g))
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2099).contains(&y))
    };
    // The shapes in order of how surely they are a number: a room number
    // before "(312) 555-0199" is not part of it.
    let nanp = |shape: &[usize], number: &str, _: &[Range<usize>]| {
        shape == [3, 3, 4]
            || (shape == [1, 3, 3, 4] && number.starts_with('1'))
            || (shape.len() == 1 && (10..=15).contains(&shape[0]))
            || shape == [3, 7]
    };
    let spelled_apart = |shape: &[usize], _: &str, _: &[Range<usize>]| {
        shape.len() >= 7 && shape.iter().all(|&n| n == 1)
    };
    let local = |shape: &[usize], number: &str, window: &[Range<usize>]| {
        shape == [3, 4]
            && matches!(chars[window[0].end], '-' | '.')
            && window[1].start == window[0].end + 1
            && !number.starts_with(['0', '1'])
            && !number.ends_with("00")
    };
    let grouped = |shape: &[usize], _: &str, window: &[Range<usize>]| {
        shape.len() >= 3
            && shape.iter().all(|n| (2..=4).contains(n))
            && (9..=11).contains(&shape.iter().sum::<usize>())
            && (shape.contains(&4) || (shape.len() >= 4 && shape.contains(&3)))
            && !window.iter().any(is_year)
    };
    let shapes: [&Shape<'_>; 4] = [&nanp, &spelled_apart, &local, &grouped];
    for shape_of_a_number in shapes {
        for from in 0..groups.len() {
            // The longest window first, so the whole number is quoted.
            for to in (from + 1..=groups.len()).rev() {
                let window = &groups[from..to];
                if shape_of_a_number(&lengths[from..to], &digits(window), window) {
                    let mut start = window[0].start;
                    // The bracket or "+" that opens it ("(312) 555-0199").
                    let opened = spaces_before(chars, start);
                    if opened > 0 && matches!(chars[opened - 1], '(' | '+') {
                        start = opened - 1;
                    }
                    return Some(start..window.last()?.end);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(Kind, String)> {
        find(text).map(|f| (f.kind, f.text))
    }

    #[test]
    fn contact_details_are_found_and_quoted_as_typed() {
        use Kind::*;
        let cases: &[(&str, Kind, &str)] = &[
            // Phone numbers.
            ("Text me at (312) 555-0199 anytime", Phone, "(312) 555-0199"),
            ("Call 312-555-0199.", Phone, "312-555-0199"),
            ("Call 312.555.0199", Phone, "312.555.0199"),
            ("Call 312 555 0199", Phone, "312 555 0199"),
            ("WhatsApp +1 312 555 0199", Phone, "+1 312 555 0199"),
            ("o al +52 55 1234 5678", Phone, "+52 55 1234 5678"),
            ("ring +44 20 7946 0958", Phone, "+44 20 7946 0958"),
            ("call 1-800-555-0199", Phone, "1-800-555-0199"),
            ("call 3125550199 now", Phone, "3125550199"),
            ("digits 3 1 2 5 5 5 0 1 9 9", Phone, "3 1 2 5 5 5 0 1 9 9"),
            ("llámame al 612 34 56 78", Phone, "612 34 56 78"),
            ("local 555-0199 works", Phone, "555-0199"),
            ("Phone: 555 0199", Phone, "555 0199"),
            ("llámame al 55 1234 5678", Phone, "55 1234 5678"),
            ("Text 3 1 2 555 01 99", Phone, "3 1 2 555 01 99"),
            ("Room 204 (312) 555-0199", Phone, "(312) 555-0199"),
            (
                "full width （３１２） ５５５-０１９９",
                Phone,
                "（３１２） ５５５-０１９９",
            ),
            ("dash 312–555–0199", Phone, "312–555–0199"),
            (
                "hidden 312\u{200B}555\u{200B}0199",
                Phone,
                "312\u{200B}555\u{200B}0199",
            ),
            // Email addresses.
            (
                "email ray.private@gmail.com.",
                Email,
                "ray.private@gmail.com",
            ),
            ("RAY@GMAIL.COM", Email, "RAY@GMAIL.COM"),
            (
                "ray (at) gmail (dot) com",
                Email,
                "ray (at) gmail (dot) com",
            ),
            ("ray[at]gmail[.]com", Email, "ray[at]gmail[.]com"),
            (
                "ray.private at gmail dot com",
                Email,
                "ray.private at gmail dot com",
            ),
            (
                "ray arroba gmail punto com",
                Email,
                "ray arroba gmail punto com",
            ),
            (
                "ray dot boss at gmail dot com",
                Email,
                "ray dot boss at gmail dot com",
            ),
            ("ray＠gmail.com", Email, "ray＠gmail.com"),
            (
                "ray@lincoln-hs.k12.il.us",
                Email,
                "ray@lincoln-hs.k12.il.us",
            ),
            // Links.
            (
                "Apply at https://bit.ly/3xYzAbC today",
                Link,
                "https://bit.ly/3xYzAbC",
            ),
            ("see hxxp://evil.example/x", Link, "hxxp://evil.example/x"),
            ("Apply faster at bit.ly/3xYzAbC", Link, "bit.ly/3xYzAbC"),
            ("visit www.coolboss.net", Link, "www.coolboss.net"),
            (
                "visit instagram.com/coolboss.ray",
                Link,
                "instagram.com/coolboss.ray",
            ),
            (
                "go to lincoln-hs.k12.il.us.sign-in.example/apply now",
                Link,
                "lincoln-hs.k12.il.us.sign-in.example/apply",
            ),
            (
                "go to sign-in.portal.school/login",
                Link,
                "sign-in.portal.school/login",
            ),
            ("coolboss.com", Link, "coolboss.com"),
            ("Coolboss.Com", Link, "Coolboss.Com"),
            ("coolboss[.]com", Link, "coolboss[.]com"),
            ("discord.gg/abc123", Link, "discord.gg/abc123"),
            ("our site acme.ai", Link, "acme.ai"),
            ("wa.me/13125550199", Link, "wa.me/13125550199"),
            ("Apply at evil.example", Link, "evil.example"),
            ("=HYPERLINK(\"http://evil\")", Link, "http://evil"),
            // Handles.
            ("Snapchat @coolboss_ray", Handle, "Snapchat @coolboss_ray"),
            ("DM me @coolboss", Handle, "@coolboss"),
            ("Discord coolboss#1234", Handle, "Discord coolboss#1234"),
            ("find coolboss#1234", Handle, "coolboss#1234"),
            ("Snapchat: coolboss", Handle, "Snapchat: coolboss"),
            ("snap: coolboss", Handle, "snap: coolboss"),
            ("IG: coolboss", Handle, "IG: coolboss"),
            (
                "my snapchat is coolboss_ray",
                Handle,
                "snapchat is coolboss_ray",
            ),
            ("Discord username ray", Handle, "Discord username ray"),
            ("Snap chat: ray", Handle, "Snap chat: ray"),
            ("tiktok ray.boss", Handle, "tiktok ray.boss"),
            ("Roblox user: coolboss", Handle, "Roblox user: coolboss"),
            (
                "snap\u{200B}chat @ray\u{200B}boss",
                Handle,
                "snap\u{200B}chat @ray\u{200B}boss",
            ),
            ("ѕnapchat: ray", Handle, "ѕnapchat: ray"),
            (
                "Instagram: @coolboss.ray",
                Handle,
                "Instagram: @coolboss.ray",
            ),
            (
                "Instagram: instagram.com/coolboss.ray",
                Link,
                "instagram.com/coolboss.ray",
            ),
            ("(@coolboss)", Handle, "@coolboss"),
            // Other separators people type (eyes13f F1).
            ("text 312/555/0199", Phone, "312/555/0199"),
            ("text 312_555_0199", Phone, "312_555_0199"),
            ("call 312 . 555 . 0199", Phone, "312 . 555 . 0199"),
            ("my cell\n312\n555\n0199", Phone, "312\n555\n0199"),
        ];
        for (text, kind, quoted) in cases {
            assert_eq!(
                found(text),
                Some((*kind, (*quoted).to_owned())),
                "in {text:?}"
            );
        }
    }

    #[test]
    fn ordinary_posting_text_is_kept() {
        for text in [
            "Open for the 2026-2027 school year, 9:00-3:00 on weekdays.",
            "Starts 12/15/2026; grades 9/10; a $100,000,000 grant; 3.5 GPA.",
            "Work @home on Fridays, lunch @noon; build with ASP.Net, VB.Net, System.IO and draw.io; try Code.org and Python.org; data from Data.gov.",
            "Grades 9-12 (2026-2027 school year), ages 14-18.",
            "Grades 10-12 2026-27",
            "20 hours/week at $18.50/hour; stipend of $1,500 or $1 500.",
            "Starts 2027-06-15, ends 2027-08-15; apply by 06/01/2027.",
            "Starts 2027-06-15 - 2027-08-15",
            "233 S Wacker Dr, Floor 12, Room 204, Chicago IL 60606-1234.",
            "Suite 100-1000",
            "We serve 100-1000 visitors a day.",
            "Skills: C++, C#, F#, Node.js, Vue.js, D3.js, ASP.NET, VB.NET, .NET, Socket.io",
            "e.g. soldering, i.e. hands-on; U.S. citizens; Ph.D. mentors; 3.5 GPA.",
            "Python 3.12, version 1.2.3, a.m./p.m., No. 5, St. Louis, Washington D.C.",
            "Tuesdays and Thursdays 4-6 pm",
            "Saturdays 9 am-1 pm",
            "Meet @ our lab at noon.",
            "We meet at the lab at 9.",
            "Our team chats on Discord and posts on Instagram.",
            "Manage our Instagram, TikTok and YouTube accounts.",
            "Build a bot with discord.js",
            "We use Snap Circuits kits.",
            "Bienvenid@s tod@s al laboratorio.",
            "The dot com era taught us a lot.",
            "Look at the dot com boom.",
            "Learn about the U.S.A. and the E.U.",
            "We build robots.Science is fun.",
            "Trabajarás en el laboratorio.Es muy divertido.",
            "Join the team.Me and my colleagues will teach you.",
            "Lift up to 25 lbs; 1,000 samples; 10,000 steps; 1.000.000 de datos.",
            "ISO 9001:2015 certified lab, ZIP 60601, call the front desk on arrival.",
            "Batches of 1000 2000 3000 samples.",
            "Trabaja junto a nuestras ingenieras: armarás brazos robóticos.",
            "Martes y jueves de 4 a 7 pm",
            "Lunes a jueves de 8 am a 12 pm",
            "HTML and CSS, lab safety, microscopy",
            "Emoji 👩\u{200D}🔬 ❤\u{FE0F}",
            "Room \\B",
            "Discord: team chat for interns",
            "Instagram 2024 campaign",
            "TikTok 101",
            "Lab hours 8-12, 1-5",
        ] {
            assert_eq!(found(text), None, "in {text:?}");
        }
    }

    #[test]
    fn the_finding_of_the_review_is_refused_at_its_first_detail() {
        let text = "Questions? Text me directly at (312) 555-0199 or on WhatsApp +1 312 555 0199, \
            Snapchat @coolboss_ray, Instagram: instagram.com/coolboss.ray, Discord coolboss#1234, \
            or email ray.private@gmail.com. Apply faster at https://bit.ly/3xYzAbC or \
            lincoln-hs.k12.il.us.sign-in.example/apply.";
        assert_eq!(found(text), Some((Kind::Phone, "(312) 555-0199".into())));
        // Each detail alone is refused too.
        for part in text.split([',', '?']).skip(1) {
            assert!(find(part).is_some(), "{part:?}");
        }
    }

    #[test]
    fn a_long_find_is_quoted_in_part() {
        let long = format!("https://evil.example/{}", "a".repeat(100));
        let found = find(&long).expect("a link");
        assert_eq!(found.text.chars().count(), QUOTE_CHARS);
        assert!(found.text.ends_with('…'));
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    /// A name of only dots and hyphens after an app's name once cut the
    /// token before its start (a panic, found by the property below).
    #[test]
    fn an_apps_name_followed_by_dots_and_hyphens_is_read() {
        for text in [
            "snapchat: .",
            "snapchat -.",
            "discord: -.-",
            "ig: ..",
            "instagram = .-",
        ] {
            let _ = super::find(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Whatever is typed, the check answers, and what it quotes was typed.
        #[test]
        fn any_text_is_read_without_a_panic(
            text in prop_oneof![
                any::<String>(),
                "[0-9 ()+.@#:/a-z\\-]{0,60}",
                "[\\u{200B}\\u{FF10}-\\u{FF19}\\u{2013}(at)(dot) xX.@0-9]{0,40}",
            ]
        ) {
            if let Some(found) = super::find(&text) {
                let quoted = found.text.trim_end_matches('…');
                prop_assert!(text.contains(quoted), "{quoted:?} not in {text:?}");
            }
        }
    }
}
