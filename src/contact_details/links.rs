//! Links and email addresses: a scheme, "www." or a dotted name on a
//! top-level domain, and a name "@" a domain or a mail service. A link can
//! be a look-alike of a school's sign-in page, and an address takes the
//! conversation where no school sees it; software, organizations and files
//! named like domains (ASP.NET, Code.org, player.gd) are kept.

use std::ops::Range;

use super::reading::{MAIL_SERVICES, trim_end};

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

/// Hosts of link shorteners and "all my links" pages, whatever their
/// top-level domain (linktr.ee, forms.gle, youtu.be): the one link to
/// everything about a person, or a form to fill in.
const LINK_HOSTS: &[&str] = &[
    "linktr.ee",
    "forms.gle",
    "goo.gle",
    "youtu.be",
    "lnkd.in",
    "t.co",
    "is.gd",
    "tr.ee",
    "lnk.to",
];

/// Top-level domains that are also file extensions (Adobe Illustrator's
/// .ai, a Mac's .app, C++'s .cc, Godot's .gd): a name on them is a file
/// when the text names files ([`FILE_EXTENSIONS`]) beside it: "player.gd
/// and enemy.gd", "logo.ai and logo.svg".
const FILE_TLDS: &[&str] = &["ai", "app", "cc", "gd"];

/// Extensions of the files a STEM posting names.
const FILE_EXTENSIONS: &[&str] = &[
    "ai", "app", "cc", "gd", "svg", "png", "jpg", "jpeg", "gif", "pdf", "psd", "eps", "c", "h",
    "cpp", "hpp", "hh", "cs", "py", "js", "ts", "rs", "go", "java", "kt", "swift", "rb", "php",
    "html", "css", "json", "xml", "yaml", "yml", "csv", "txt", "md", "ipynb", "tscn", "tres",
    "gdshader", "stl", "step", "dwg", "dxf", "f3d", "xlsx", "docx", "pptx", "zip", "sh", "m", "r",
    "sql",
];

/// Names of software, and of organizations students are told to look up,
/// that are written like a domain (eyes13f F3: "ASP.Net", "Code.org",
/// "Amazon.com" as the company's name). With a path after them they are
/// links all the same.
const NOT_LINKS: &[&str] = &[
    "socket.io",
    "asp.net",
    "vb.net",
    "ado.net",
    "system.io",
    "system.net",
    "java.io",
    "java.nio",
    "draw.io",
    "fast.ai",
    "xcode.app",
    "code.org",
    "python.org",
    "amazon.com",
    "kaggle.com",
];

/// Links: anything with a scheme ("https://", "hxxp://"), anything from
/// "www.", and domain names: dotted words ending with a top-level domain of
/// [`TLDS`] or [`TLDS_IF_LOWER`], a host of [`LINK_HOSTS`], or of three or
/// more words followed by a path ("lincoln-hs.k12.il.us.sign-in.example/apply"),
/// with their path. ".NET" in capitals is the framework (ASP.NET, VB.NET),
/// and Node.js, e.g., U.S., Ph.D. and 3.5 end with no top-level domain.
pub(super) fn links<'t>(
    chars: &[char],
    typed: &impl Fn(Range<usize>) -> &'t str,
) -> Vec<Range<usize>> {
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
    let mut names = Vec::new();
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
        names.push(i..end);
        i = end.max(i + 1);
    }
    let extension = |name: &Range<usize>| -> String {
        let text: String = chars[name.clone()].iter().collect();
        text.rsplit_once('.')
            .map(|(_, ext)| ext.to_owned())
            .unwrap_or_default()
    };
    for name in &names {
        let names_files = names
            .iter()
            .any(|other| other != name && FILE_EXTENSIONS.contains(&extension(other).as_str()));
        if let Some(range) = domain(chars, name.clone(), typed, names_files) {
            found.push(range);
        }
    }
    found
}

/// A domain name at `range` (see [`links`]), with its path.
fn domain<'t>(
    chars: &[char],
    range: Range<usize>,
    typed: &impl Fn(Range<usize>) -> &'t str,
    names_files: bool,
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
    let host = LINK_HOSTS.contains(&name.as_str());
    let is_link = www
        || host
        || TLDS.contains(&tld)
        || TLDS_IF_LOWER.contains(&tld)
        || (has_path
            && labels.len() >= 3
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic));
    let typed_tld = typed(range.end.saturating_sub(tld.chars().count())..range.end);
    // Only governments and colleges hold .gov and .edu names: "Data.gov",
    // "NOAA.gov" and "Scratch.mit.edu" name them, not a person.
    let institution = matches!(tld, "gov" | "edu");
    let a_name = !has_path && (institution || NOT_LINKS.contains(&name.as_str()));
    let a_file = !has_path && !www && names_files && FILE_TLDS.contains(&tld);
    if !is_link || a_name || a_file || (!www && !host && typed_as_word(typed_tld, tld)) {
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

// ---------------------------------------------------------------------
// Email addresses.
// ---------------------------------------------------------------------

/// Email addresses: a name, "@", and a dotted domain or a mail service
/// alone ("ray@gmail").
pub(super) fn emails(chars: &[char]) -> Vec<Range<usize>> {
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
        let dotted = labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic);
        if local_has_name && (dotted || MAIL_SERVICES.contains(&domain.as_str())) {
            found.push(start..end);
        }
    }
    found
}
