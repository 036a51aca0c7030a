//! Social media handles: "@name", a Discord tag, and a name after an
//! app's name ("my snap is coolboss") or said without one ("add me:
//! coolboss_ray"). A handle moves a student to an app no school, guardian
//! or log sees; app names used as names ("Instagram posts", "Snap
//! Circuits") and "@" in code or prose ("@Input()", "lunch @noon") are kept.

use std::ops::Range;

use super::Kind;
use super::reading::{prose_word, spaces_after, spaces_before, trim_end, words};

/// Apps a student could be asked to find someone on.
const APPS: &[&str] = &[
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
    "threads",
    "bluesky",
    "groupme",
    "linkedin",
    "venmo",
    "cashapp",
    "ghostapp",
];

/// Apps to message someone on, where a name at the end of a sentence after
/// the app's name is the writer's ("discord coolboss"); game and video
/// sites are followed by the names of their products ("Roblox Studio").
const MESSAGING_APPS: &[&str] = &[
    "snapchat",
    "instagram",
    "insta",
    "discord",
    "whatsapp",
    "telegram",
    "kik",
    "wechat",
    "viber",
    "skype",
    "bereal",
];

/// Short names of apps that are also other words ("snap circuits", "SC"
/// for South Carolina): a plain word after them is a name only when the
/// words around say so (see [`handle_after`]).
const APPS_IF_NAMED: &[&str] = &["snap", "ig", "fb", "tg", "wa", "sc", "signal", "slack"];

/// Mail services whose name, framed like an app's ("my gmail is
/// coolboss.ray"), is followed by an address.
const MAIL_APPS: &[&str] = &["gmail", "hotmail", "yahoo", "icloud", "protonmail", "ymail"];

/// Words before an app's name that make the name after it the writer's:
/// "my snap", "mi insta"; and the people a preposition before the app is
/// said to ("add me on", "hit me up on", "find me on", "búscame en").
const MINE: &[&str] = &["my", "mi"];
const TO_ME: &[&str] = &[
    "me",
    "up",
    "hmu",
    "dm",
    "buscame",
    "agregame",
    "anademe",
    "sigueme",
    "escribeme",
    "hablame",
    "contactame",
    "encuentrame",
    "mandame",
];
const PREPOSITIONS: &[&str] = &["on", "in", "at", "via", "through", "en", "por"];

/// Words between an app's name and a handle that announce the handle
/// ("Discord username ray", "Insta como ray", "Telegram, I'm ray").
const NAMING_WORDS: &[&str] = &[
    "handle", "username", "user", "usuario", "id", "name", "nombre", "tag", "gamertag", "nick",
    "nickname", "apodo", "channel", "canal", "como", "soy", "im", "its",
];

/// Small words that may stand between an app's name and a handle.
const LINKING_WORDS: &[&str] = &[
    "is", "es", "at", "me", "on", "en", "my", "mi", "account", "cuenta", "de", "i", "it",
];

/// Punctuation of prose between an app's name and the next word: the app
/// is named in a list or a sentence ("Instagram, TikTok"), not a label.
/// Other signs between them (":", " - ", "→", an emoji) join a label to a
/// name. A sentence's end ([`SENTENCE_ENDS`]) ends the search.
const PROSE_PUNCTUATION: &str = " \t,;'\"’‘“”()[]{}/&*";
const SENTENCE_ENDS: &str = ".!?\n";

/// Social media handles: "@name", a Discord tag ("coolboss#1234"), and
/// names after an app's name ([`named_on_an_app`]).
pub(super) fn handles<'t>(
    chars: &[char],
    typed: &impl Fn(Range<usize>) -> &'t str,
) -> Vec<(Range<usize>, Kind)> {
    let mut found: Vec<(Range<usize>, Kind)> = at_names(chars, typed)
        .into_iter()
        .chain(discord_tags(chars))
        .map(|range| (range, Kind::Handle))
        .collect();
    found.extend(named_on_an_app(chars));
    found
}

/// Words written after "@" in ordinary sentences, not handles ("work
/// @home", "lunch @noon", "Folding@home", "@mentions").
const NOT_HANDLES: &[&str] = &[
    "home", "noon", "night", "midnight", "work", "school", "mentions", "mention", "office",
    "campus",
];

/// "@name", where "@" does not end an address's name: not "@home" or
/// "@noon" ([`NOT_HANDLES`]), not a time ("@9am"), not an institution's
/// acronym typed in capitals ("research @MIT", "@NASA"). "@ name" with a
/// space is a handle only said to someone ("DM me @ coolboss"), not "meet
/// @ our lab".
fn at_names<'t>(chars: &[char], typed: &impl Fn(Range<usize>) -> &'t str) -> Vec<Range<usize>> {
    let handle_char = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '@' || (i > 0 && (chars[i - 1].is_alphanumeric() || "._%+-".contains(chars[i - 1])))
        {
            continue;
        }
        let start = spaces_after(chars, i + 1);
        let spaced = start > i + 1;
        let mut end = start;
        while end < chars.len() && handle_char(chars[end]) {
            end += 1;
        }
        let end = trim_end(chars, end, ".");
        if end < start + 2 || !chars[start..end].iter().any(|c| c.is_alphabetic()) {
            continue;
        }
        let name: String = chars[start..end].iter().collect();
        let time = name.starts_with(|c: char| c.is_ascii_digit())
            && ["am", "pm", "a", "p", "h", "hrs", ""]
                .contains(&name.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':'));
        let typed_name = typed(start..end);
        let acronym = (2..=5).contains(&typed_name.chars().count())
            && typed_name.chars().all(|c| c.is_ascii_uppercase());
        let said_to_me = {
            let before = words(&chars[..i], char::is_alphanumeric);
            before.last().is_some_and(|w| {
                TO_ME.contains(&chars[w.clone()].iter().collect::<String>().as_str())
            })
        };
        let plain_word = NOT_HANDLES.contains(&name.as_str()) || prose_word(&name);
        if !(time
            || plain_word
            || in_code(chars, &name, end)
            || (!spaced && acronym)
            || (spaced && !said_to_me))
        {
            found.push(i..end);
        }
    }
    found
}

/// Names after "@" in code: Angular, Java, Python and Swift decorators
/// and annotations, CSS at-rules, and the objects a Python decorator hangs
/// from ("@app.route", "@bot.command", "@pytest.fixture").
const CODE_NAMES: &[&str] = &[
    "component",
    "input",
    "output",
    "injectable",
    "ngmodule",
    "directive",
    "pipe",
    "viewchild",
    "hostlistener",
    "override",
    "deprecated",
    "test",
    "autowired",
    "restcontroller",
    "controller",
    "service",
    "repository",
    "entity",
    "table",
    "column",
    "getmapping",
    "postmapping",
    "putmapping",
    "deletemapping",
    "requestmapping",
    "pathvariable",
    "requestbody",
    "bean",
    "configuration",
    "springbootapplication",
    "dataclass",
    "property",
    "staticmethod",
    "classmethod",
    "abstractmethod",
    "app",
    "bot",
    "client",
    "router",
    "pytest",
    "media",
    "import",
    "keyframes",
    "font",
    "supports",
    "tailwind",
    "apply",
    "layer",
    "mixin",
    "include",
    "extend",
    "param",
    "return",
    "returns",
    "throws",
    "state",
    "published",
    "observable",
    "mainactor",
    "binding",
    "environment",
    "objc",
    "escaping",
    "testable",
];

/// Whether "@name" ending at `end` is code: an annotation or decorator of
/// [`CODE_NAMES`] (its first part: "app" of "@app.route"), called ("@Input()"),
/// or a scoped package ("@angular/core", "@aws-sdk/client-s3").
fn in_code(chars: &[char], name: &str, end: usize) -> bool {
    let first = name.split('.').next().unwrap_or_default();
    let mut after = end;
    while after < chars.len() && (chars[after].is_alphanumeric() || chars[after] == '-') {
        after += 1;
    }
    CODE_NAMES.contains(&first) || chars.get(end) == Some(&'(') || chars.get(after) == Some(&'/')
}

/// "name#1234": a Discord tag.
fn discord_tags(chars: &[char]) -> Vec<Range<usize>> {
    let handle_char = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let mut found = Vec::new();
    for (i, _) in chars.iter().enumerate().filter(|(_, c)| **c == '#') {
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
    found
}

/// A word as an app's name is matched: with the digits people put for
/// letters ("Sn4pchat", "1nsta") read as the letters.
fn app_spelling(word: &str) -> String {
    if !word.chars().any(char::is_alphabetic) {
        return word.to_owned();
    }
    word.chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            other => other,
        })
        .collect()
}

/// Whether a word is an app's name (so not a handle: "Instagram, TikTok").
fn is_app(word: &str) -> bool {
    let word = app_spelling(word);
    APPS.contains(&word.as_str())
        || APPS_IF_NAMED.contains(&word.as_str())
        || MAIL_APPS.contains(&word.as_str())
}

/// The snapchat ghost, which stands for the app's name ("👻: coolboss").
const SNAPCHAT_GHOST: char = '\u{1F47B}';

/// An app's name followed by a name (see [`handle_after`]), and a mail
/// service's followed by an address ("my gmail is coolboss.ray").
fn named_on_an_app(chars: &[char]) -> Vec<(Range<usize>, Kind)> {
    let words = words(chars, |c| c.is_alphanumeric() || c == SNAPCHAT_GHOST);
    let text = |r: &Range<usize>| app_spelling(&chars[r.clone()].iter().collect::<String>());
    let mut found = Vec::new();
    for (w, word) in words.iter().enumerate() {
        // The app's name, also when written in two words ("Snap chat",
        // "Whats-App").
        let one = text(word).replace(SNAPCHAT_GHOST, "snapchat");
        let two = words.get(w + 1).and_then(|next| {
            let between: String = chars[word.end..next.start].iter().collect();
            (between == " " || between == "-").then(|| format!("{one}{}", text(next)))
        });
        let (name, name_end) = match two {
            Some(two) if is_app(&two) => (two, words[w + 1].end),
            _ if is_app(&one) => (one, word.end),
            _ => {
                found.extend(said_without_an_app(chars, &words, w).map(|r| (r, Kind::Handle)));
                continue;
            }
        };
        // "Redmond, WA:", "Columbia, SC:": a state after a city.
        if name.len() == 2 && chars[..word.start].ends_with(&[',', ' ']) {
            continue;
        }
        if let Some(start) = handle_before(chars, &words, w) {
            found.push((start..name_end, Kind::Handle));
        }
        let mine = w >= 1 && MINE.contains(&text(&words[w - 1]).as_str());
        let said_to_me = w >= 2
            && PREPOSITIONS.contains(&text(&words[w - 1]).as_str())
            && words[w.saturating_sub(3)..w - 1]
                .iter()
                .any(|before| TO_ME.contains(&text(before).as_str()));
        let app = App {
            messaging: MESSAGING_APPS.contains(&name.as_str()),
            framed: mine || said_to_me,
        };
        if let Some(end) = handle_after(chars, name_end, &app) {
            let kind = if MAIL_APPS.contains(&name.as_str()) {
                Kind::Email
            } else {
                Kind::Handle
            };
            found.push((word.start..end, kind));
        }
    }
    found
}

/// A name before an app's name: "coolboss_ray on snap" (a name that looks
/// like a username), "I'm coolbossray on Insta", "search coolbossray on
/// TikTok" (any name but a word of prose: "search jobs on LinkedIn").
fn handle_before(chars: &[char], words: &[Range<usize>], w: usize) -> Option<usize> {
    let text = |r: &Range<usize>| chars[r.clone()].iter().collect::<String>();
    let on = words.get(w.checked_sub(1)?)?;
    if !matches!(text(on).as_str(), "on" | "en") {
        return None;
    }
    let end = spaces_before(chars, on.start);
    let mut start = end;
    while start > 0 && (chars[start - 1].is_alphanumeric() || "_.".contains(chars[start - 1])) {
        start -= 1;
    }
    let name: String = chars[start..end].iter().collect();
    if end == on.start || name.is_empty() || prose_word(&name) || is_app(&name) {
        return None;
    }
    let before = words.iter().rev().find(|word| word.end <= start).map(text);
    let said = matches!(
        before.as_deref(),
        Some("m" | "im" | "soy" | "search" | "busca" | "buscar" | "find" | "add" | "follow")
    );
    (said || looks_like_a_username(&name)).then_some(start)
}

/// Handles named with no app: "Add me: coolboss_ray", "find me
/// coolboss_ray", "I'm coolboss_ray" (a name joined by a sign or looking
/// like a username, see [`handle_after`]), and "my handle is coolboss"
/// (any name but a word of prose).
fn said_without_an_app(chars: &[char], words: &[Range<usize>], w: usize) -> Option<Range<usize>> {
    let text = |r: &Range<usize>| chars[r.clone()].iter().collect::<String>();
    let word = text(&words[w]);
    let next = words.get(w + 1).map(text).unwrap_or_default();
    let (after, framed) = match (word.as_str(), next.as_str()) {
        ("add" | "find" | "follow" | "dm" | "i", "me" | "m") => (words[w + 1].end, false),
        ("hmu" | "agregame" | "buscame" | "sigueme" | "anademe", _) => (words[w].end, false),
        ("my" | "mi", "handle" | "username" | "usuario" | "gamertag" | "user") => {
            let end = handle_after(
                chars,
                words[w + 1].end,
                &App {
                    messaging: false,
                    framed: true,
                },
            )?;
            return Some(words[w + 1].start..end);
        }
        _ => return None,
    };
    let end = handle_after(
        chars,
        after,
        &App {
            messaging: false,
            framed,
        },
    )?;
    Some(words[w].start..end)
}

/// Whether a name looks like a username, whatever the words around it: a
/// "_", "#", an inner dot, or digits beside three or more letters
/// ("coolboss_ray", "ray.boss", "ray2024"; not "3D" or "4K").
fn looks_like_a_username(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0
        && (name.contains(['_', '#'])
            || name.trim_matches('.').contains('.')
            || (letters >= 3 && name.chars().any(|c| c.is_ascii_digit())))
}

/// What is known of an app's name before the name after it.
struct App {
    /// An app to message people on ([`MESSAGING_APPS`]).
    messaging: bool,
    /// Made the writer's by the words before it ("my snap", "add me on").
    framed: bool,
}

/// The end of a handle after an app's name ending at `at`, if one follows.
/// The name is a handle when it has an "@" or looks like a username ("_",
/// "#", an inner dot, digits beside three or more letters:
/// "coolboss_ray", "ray2024"), or when it is not a word of prose
/// ([`ORDINARY_WORDS`](super::reading::ORDINARY_WORDS)) and the words
/// around make it one: framed before ("my snap is", "add me on Snapchat", "búscame en Insta"), announced
/// after ("username", "como", "I'm", "it's"), joined to the app's name by
/// a sign (":", " - ", "→", an emoji), or, after a messaging app, ending
/// the sentence ("discord coolboss"). "Our team chats on Discord", "Snap
/// Circuits", "Snap: blocks, loops" and "IG: posts about our lab" name
/// nobody.
fn handle_after(chars: &[char], mut at: usize, app: &App) -> Option<usize> {
    let mut announced = false;
    let mut joined = false;
    let mut words_between = 0;
    let mut previous = String::new();
    for _ in 0..6 {
        let gap_start = at;
        while at < chars.len() && !chars[at].is_alphanumeric() && !"@_".contains(chars[at]) {
            at += 1;
        }
        let gap = &chars[gap_start..at];
        if gap.iter().any(|c| SENTENCE_ENDS.contains(*c)) {
            return None;
        }
        // A hyphen between two words makes one word ("Snap-on tools").
        if gap != ['-'] && gap.iter().any(|c| !PROSE_PUNCTUATION.contains(*c)) {
            joined = true;
        }
        let mut end = at;
        while end < chars.len() && chars[end].is_alphanumeric() {
            end += 1;
        }
        let word: String = chars[at..end].iter().collect();
        // "I'm" and "it's" announce a name; the "'s" of "Yahoo's" does not.
        let contracted = matches!((previous.as_str(), word.as_str()), ("i", "m") | ("it", "s"));
        if NAMING_WORDS.contains(&word.as_str()) || contracted {
            announced = true;
        } else if !LINKING_WORDS.contains(&word.as_str()) || end == at {
            break;
        }
        words_between += 1;
        previous = word;
        at = end;
    }
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
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let looks_like_handle = looks_like_a_username(name);
    let first_word = name.split(['-', '.']).next().unwrap_or_default();
    let prose = prose_word(first_word) || is_app(first_word);
    // "discord coolboss": the name alone ends the sentence.
    let alone = {
        let after = spaces_after(chars, end);
        app.messaging
            && words_between == 0
            && (after == chars.len()
                || chars[end..=after.min(chars.len() - 1)]
                    .iter()
                    .any(|c| SENTENCE_ENDS.contains(*c)))
    };
    let framed = app.framed || announced || joined || alone;
    let is_handle = at_sign || looks_like_handle || (letters > 0 && !prose && framed);
    is_handle.then_some(end)
}
