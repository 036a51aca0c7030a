//! The reader's language and the message catalogue.
//!
//! Every text shown to people comes from the Fluent files under `locales/`
//! (one file per language per area, embedded at build time). Code calls
//! [`t`] / [`t_args`]; templates call `t("key", name=value)`, which reads the
//! `lang` of the page being rendered. The reader's language is their `lang`
//! cookie, else the browser's `Accept-Language`, else English; the
//! [`request_language`] middleware settles it once per request, and
//! [`current`] gives it to any code serving that request (error pages, flash
//! messages) without threading it through every call. Pages opened from a
//! link mailed to a guardian settle it their own way (the reader's choice,
//! else the guardian's language): see `families::link_language`.

use std::{
    collections::HashMap,
    sync::{Arc, LazyLock, PoisonError, RwLock},
};

use axum::{
    extract::Request,
    http::{HeaderMap, header},
    middleware::Next,
    response::Response,
};
use chrono::{Datelike, NaiveDate};
use fluent_templates::{LanguageIdentifier, fluent_bundle::FluentValue, langid, static_loader};
use serde::Serialize;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No isolation marks around every argument: messages also become
        // subjects, calendar files and CSV cells, where the marks are
        // clutter (or shown as boxes by older clients), and ids, numbers
        // and dates need none. A name that needs them gets them where
        // templates write it (`isolated`).
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

// `Lang`, `Lang::ALL` and `Lang::code`, written by build.rs from the folders
// of `locales/`.
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The cookie that remembers a reader's choice on this browser.
pub const COOKIE: &str = "lang";

/// The session key holding a signed-in person's saved language (copied from
/// their account at login, so it follows them to a new device).
pub const SESSION_KEY: &str = "lang";

/// Each language's identifier for the catalogue, in `Lang::ALL` order.
static IDS: std::sync::LazyLock<Vec<LanguageIdentifier>> = std::sync::LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|lang| lang.code().parse().unwrap_or_default())
        .collect()
});

impl Lang {
    /// The language's name in itself, for the switcher (`language-native-name`
    /// of its catalogue).
    pub fn native_name(self) -> String {
        t(self, "language-native-name")
    }

    /// Reads a BCP 47 tag (`es`, `es-MX`, `EN_us`): the primary subtag decides.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .iter()
            .copied()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// The best of our languages for an `Accept-Language` header (RFC 9110
    /// weights; ties keep the header's order), if any is acceptable.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::from_code) else {
                continue;
            };
            let weight = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if weight > 0.0 && best.is_none_or(|(w, _)| weight > w) {
                best = Some((weight, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }

    fn id(self) -> &'static LanguageIdentifier {
        static FALLBACK: LanguageIdentifier = langid!("en");
        IDS.get(self as usize).unwrap_or(&FALLBACK)
    }
}

tokio::task_local! {
    static REQUEST_LANG: Lang;
}

thread_local! {
    /// The language of the page being rendered on this thread, when it
    /// differs from the reader's (see [`rendering_in`]).
    static RENDERING: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language of the page being rendered, else of the request being
/// served (English outside a request).
pub fn current() -> Lang {
    RENDERING
        .with(std::cell::Cell::get)
        .unwrap_or_else(|| REQUEST_LANG.try_with(|lang| *lang).unwrap_or_default())
}

/// Runs `render` (synchronous: no await can interleave) writing kept
/// messages in `lang`.
pub fn rendering_in<R>(lang: Lang, render: impl FnOnce() -> R) -> R {
    let previous = RENDERING.with(|cell| cell.replace(Some(lang)));
    let result = render();
    RENDERING.with(|cell| cell.set(previous));
    result
}

/// Runs `future` as serving a reader of `lang` (for work done outside the
/// HTTP stack on someone's behalf, and for tests).
pub async fn with_lang<F: std::future::Future>(lang: Lang, future: F) -> F::Output {
    REQUEST_LANG.scope(lang, future).await
}

/// The language this browser chose with the switcher (its `lang` cookie).
pub fn chosen_on_this_browser(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .into_iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| Lang::from_code(value))
}

/// The browser's preference (`Accept-Language`).
pub fn preferred_by_browser(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::ACCEPT_LANGUAGE)
        .into_iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(Lang::from_accept_language)
}

/// Middleware (inside the session layer): settles the reader's language for
/// everything that serves the request: the choice made on this browser, else
/// the one saved on the signed-in account, else the browser's preference,
/// else English.
pub async fn request_language(request: Request, next: Next) -> Response {
    let mut lang = chosen_on_this_browser(request.headers());
    if lang.is_none()
        && let Some(session) = request.extensions().get::<tower_sessions::Session>()
    {
        let saved: Option<String> = session.get(SESSION_KEY).await.ok().flatten();
        lang = saved.as_deref().and_then(Lang::from_code);
    }
    let lang = lang
        .or_else(|| preferred_by_browser(request.headers()))
        .unwrap_or_default();
    REQUEST_LANG.scope(lang, next.run(request)).await
}

/// A message argument: text or a number (numbers pick plural forms).
pub enum Arg {
    Text(String),
    Int(i64),
    /// Written with the reader's decimal separator ([`decimal`], at most two
    /// decimals); as text, so it picks no plural form.
    Float(f64),
}

/// Text and whole numbers become an argument the same way whether it is
/// used at once ([`Arg`]) or kept in a [`Message`] ([`MessageArg`]): text as
/// written, a count past `i64` as `i64::MAX`.
macro_rules! text_and_counts_into {
    ($arg:ident) => {
        impl From<&str> for $arg {
            fn from(value: &str) -> Self {
                $arg::Text(value.to_owned())
            }
        }

        impl From<String> for $arg {
            fn from(value: String) -> Self {
                $arg::Text(value)
            }
        }

        impl From<i64> for $arg {
            fn from(value: i64) -> Self {
                $arg::Int(value)
            }
        }

        impl From<i32> for $arg {
            fn from(value: i32) -> Self {
                $arg::Int(i64::from(value))
            }
        }

        impl From<u64> for $arg {
            fn from(value: u64) -> Self {
                $arg::Int(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }

        impl From<usize> for $arg {
            fn from(value: usize) -> Self {
                $arg::Int(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
    };
}

text_and_counts_into!(Arg);
text_and_counts_into!(MessageArg);

impl From<f64> for Arg {
    fn from(value: f64) -> Self {
        Arg::Float(value)
    }
}

/// A message kept for later: a catalogue id and its arguments, rendered in
/// the language of whoever reads it (form errors, flash messages and stored
/// notifications all travel this way, so none of them is frozen in English).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Message {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, MessageArg)>,
}

/// An argument of a kept [`Message`].
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageArg {
    /// Text shown as written (a name, a title: never translated).
    Text(String),
    Int(i64),
    /// Another catalogue id, rendered in the reader's language first (a
    /// field's label, a vocabulary term).
    Term(String),
    /// A date (`YYYY-MM-DD`), written out in the reader's language.
    Date(NaiveDate),
}

impl Message {
    /// The message `id` without arguments.
    pub fn new(id: &str) -> Self {
        Message {
            id: id.to_owned(),
            args: Vec::new(),
        }
    }

    /// Adds a text or number argument.
    #[must_use]
    pub fn arg(mut self, name: &str, value: impl Into<MessageArg>) -> Self {
        self.args.push((name.to_owned(), value.into()));
        self
    }

    /// Adds an argument that is itself a catalogue id.
    #[must_use]
    pub fn term(mut self, name: &str, id: &str) -> Self {
        self.args
            .push((name.to_owned(), MessageArg::Term(id.to_owned())));
        self
    }

    /// Adds a vocabulary term (`vocab-<vocabulary>-<key>`).
    #[must_use]
    pub fn vocab(self, name: &str, vocabulary: &str, key: &str) -> Self {
        self.term(name, &format!("vocab-{vocabulary}-{key}"))
    }

    /// Adds a date, written out in the reader's language.
    #[must_use]
    pub fn date(mut self, name: &str, date: NaiveDate) -> Self {
        self.args.push((name.to_owned(), MessageArg::Date(date)));
        self
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return t(lang, &self.id);
        }
        let args = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    MessageArg::Text(text) => Arg::Text(text.clone()),
                    MessageArg::Int(n) => Arg::Int(*n),
                    MessageArg::Term(id) => Arg::Text(t(lang, id)),
                    MessageArg::Date(date) => Arg::Text(long_date(lang, *date)),
                };
                (name.as_str(), value)
            })
            .collect();
        t_args(lang, &self.id, args)
    }
}

/// The message `key` in `lang`.
pub fn t(lang: Lang, key: &str) -> String {
    t_shared(lang, key).as_ref().to_owned()
}

/// The message `key` in `lang`, shared rather than copied (templates hand
/// it to the page as it is).
pub fn t_shared(lang: Lang, key: &str) -> Arc<str> {
    plain(lang, key).unwrap_or_else(|| missing(lang, key).into())
}

/// A missing key is a bug the catalogue test catches; the page shows the
/// key rather than fail.
fn missing(lang: Lang, key: &str) -> &str {
    tracing::warn!(key, lang = lang.code(), "missing message");
    key
}

/// Messages without arguments, written out once per language: the
/// catalogue is embedded at build time, so such a message reads the same
/// for as long as the server runs, and finding and formatting it again
/// through Fluent cost more than anything else on a page full of labels.
/// Only messages the catalogue has are kept, so the cache holds at most
/// the catalogue, whatever keys are asked for.
static PLAIN: LazyLock<Vec<Resolved>> =
    LazyLock::new(|| Lang::ALL.iter().map(|_| RwLock::default()).collect());

/// One language's messages written out so far, by key.
type Resolved = RwLock<HashMap<String, Arc<str>>>;

/// Whether the catalogue has message `key` (in English, which has them all).
pub fn has_message(key: &str) -> bool {
    plain(Lang::En, key).is_some()
}

/// The message `key` in `lang` (else in English), if the catalogue has it.
fn plain(lang: Lang, key: &str) -> Option<Arc<str>> {
    let cache = PLAIN.get(lang as usize)?;
    if let Some(text) = cache
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(key)
    {
        return Some(Arc::clone(text));
    }
    let text: Arc<str> = format_message::<&str>(lang, key, None)?.into();
    cache
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key.to_owned(), Arc::clone(&text));
    Some(text)
}

/// The message `key` in `lang` with its arguments.
pub fn t_args(lang: Lang, key: &str, args: Vec<(&str, Arg)>) -> String {
    if args.is_empty() {
        return t(lang, key);
    }
    let args: HashMap<&str, FluentValue> = args
        .into_iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text),
                Arg::Int(n) => FluentValue::from(n),
                // Fluent would write "1.5" in every language.
                Arg::Float(n) => FluentValue::from(decimal(lang, n, 2)),
            };
            (name, value)
        })
        .collect();
    format_message(lang, key, Some(&args)).unwrap_or_else(|| missing(lang, key).to_owned())
}

/// `key` formatted in `lang`, else in the catalogue's fallback language
/// (English): the catalogue's own lookup, without negotiating the
/// language again on every message (`lang` is always one of the
/// catalogue's, so the loader's fallback chain for it is the answer).
fn format_message<S: AsRef<str>>(
    lang: Lang,
    key: &str,
    args: Option<&HashMap<S, FluentValue>>,
) -> Option<String> {
    LOCALES
        .lookup_no_default_fallback(lang.id(), key, args)
        .or_else(|| {
            let fallback = LOCALES.fallback();
            if lang.id() == fallback {
                return None;
            }
            LOCALES.lookup_single_language(fallback, key, args).ok()
        })
}

/// The label of `key` in one of the shared vocabularies (`need`, `kind`,
/// `field`, `mode`, `sort`, `application_status`...; `promise` for what an
/// access need promises): the one way a vocabulary term reaches people.
pub fn vocab(lang: Lang, vocabulary: &str, key: &str) -> String {
    vocab_shared(lang, vocabulary, key).as_ref().to_owned()
}

/// [`vocab`], shared rather than copied.
pub fn vocab_shared(lang: Lang, vocabulary: &str, key: &str) -> Arc<str> {
    t_shared(lang, &format!("vocab-{vocabulary}-{key}"))
}

/// The name of a student group of the roster (as the dashboard keys it:
/// "Yes", "Hispanic or Latino", "Grade 10", a school's name) in `lang`:
/// grades through the catalogue's grade names, known groups through
/// `stats-group-<name>`, anything else (school names) as it is.
pub fn group_label(lang: Lang, group: &str) -> String {
    if group == "Early college" {
        return t(lang, "grade-early-college");
    }
    if let Some(grade) = group
        .strip_prefix("Grade ")
        .and_then(|g| g.parse::<i64>().ok())
    {
        return t_args(lang, "grade-number", vec![("grade", grade.into())]);
    }
    let slug: String = group
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    plain(lang, &format!("stats-group-{slug}"))
        .map_or_else(|| group.to_owned(), |label| label.as_ref().to_owned())
}

/// The line written in a family's home language itself, for a family we
/// can only write to in English or Spanish (see
/// `families::service::tagline`): `(language of the line, its text)` for
/// the home language `recorded` (a code or a name, as a guardian's record
/// keeps it), if we know that language, do not write it, and the catalogue
/// has a line in it (`mail-tagline-{code}`), and it is not one we write no
/// line in (`languages::without_line`). Chinese recorded without its
/// script gets the Simplified line, as CLDR writes `zh` (`zh-Hans`).
pub fn tagline(recorded: &str) -> Option<(&'static str, String)> {
    if crate::languages::without_line(recorded) {
        return None;
    }
    let code = match crate::languages::unwritten(recorded)? {
        "zh" => "zh-Hans",
        code => code,
    };
    plain(Lang::En, &format!("mail-tagline-{code}")).map(|line| (code, line.as_ref().to_owned()))
}

/// The name of a language code (`es`, `hmn`) in `lang`: from the catalogue
/// for the languages families speak most, else its English name, else the
/// code.
pub fn language_name(lang: Lang, code: &str) -> String {
    plain(lang, &format!("vocab-language-{code}")).map_or_else(
        || crate::languages::name(code).unwrap_or(code).to_owned(),
        |name| name.as_ref().to_owned(),
    )
}

/// A date written out: "January 12, 2027" / "12 de enero de 2027".
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    let month = t(lang, &format!("month-{}", date.month()));
    t_args(
        lang,
        "date-long",
        vec![
            ("day", i64::from(date.day()).into()),
            ("month", month.into()),
            ("year", i64::from(date.year()).into()),
        ],
    )
}

/// A number as the reader writes it, with at most `digits` decimals and no
/// trailing zeros: "1.5" / "1,5", "0.25" / "0,25", "2". The separator is the
/// catalogue's (`format-decimal-separator`). Forms accept both separators;
/// exports keep `.` in every language (see README, CSV).
pub fn decimal(lang: Lang, value: f64, digits: usize) -> String {
    let fixed = format!("{value:.digits$}");
    let trimmed = if fixed.contains('.') {
        fixed.trim_end_matches('0').trim_end_matches('.')
    } else {
        &fixed
    };
    let trimmed = if trimmed == "-0" { "0" } else { trimmed };
    trimmed.replace('.', &t(lang, "format-decimal-separator"))
}

/// An amount in cents: "$18.50" in both languages (US dollars).
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let dollars = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in dollars.chars().enumerate() {
        if i > 0 && (dollars.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}${grouped}.{:02}", cents % 100)
}

/// `text` set apart from the sentence it is written into when it holds
/// right-to-left letters (Arabic, Hebrew...): wrapped in FIRST STRONG
/// ISOLATE ... POP DIRECTIONAL ISOLATE (U+2068, U+2069), so "خالد حسن
/// withdrew the consent..." stays a left-to-right sentence in a client
/// that takes a paragraph's direction from its first letter, and the
/// name's neighbouring punctuation stays where it was written (eyes18b F2).
/// Templates write every text argument through it (`templates::translate`);
/// left-to-right text in our left-to-right languages needs nothing and is
/// left as it is.
pub fn isolated(text: String) -> String {
    use unicode_bidi::{BidiClass, bidi_class};
    // No letter before Hebrew (U+0590) is right-to-left: most text never
    // reaches the table lookup, which every template argument goes through.
    let right_to_left = text
        .chars()
        .any(|c| c >= '\u{0590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL));
    if right_to_left {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn only_text_with_right_to_left_letters_is_isolated() {
        assert_eq!(isolated("خالد حسن".into()), "\u{2068}خالد حسن\u{2069}");
        assert_eq!(isolated("שרה לוי".into()), "\u{2068}שרה לוי\u{2069}");
        assert_eq!(isolated("Nguyễn Thị Hoa".into()), "Nguyễn Thị Hoa");
        assert_eq!(isolated("陳美玲".into()), "陳美玲");
        assert_eq!(isolated(String::new()), "");
    }
    use fluent_templates::Loader;

    use super::*;

    #[test]
    fn every_vocabulary_term_has_a_label_in_both_languages() {
        use entity::{
            AccessNeed, ApplicationStatus, Compensation, HoursStatus, OpportunityKind,
            OpportunityStatus, OrgStatus, PlacementStatus, Role, StemField, WorkMode,
        };
        let vocabularies: [(&str, &[&str]); 20] = [
            ("role", Role::KEYS),
            ("org_status", OrgStatus::KEYS),
            ("kind", OpportunityKind::KEYS),
            ("field", StemField::KEYS),
            ("mode", WorkMode::KEYS),
            ("opportunity_status", OpportunityStatus::KEYS),
            ("compensation", Compensation::KEYS),
            ("need", AccessNeed::KEYS),
            ("promise", AccessNeed::KEYS),
            ("application_status", ApplicationStatus::KEYS),
            ("placement_status", PlacementStatus::KEYS),
            ("hours_status", HoursStatus::KEYS),
            ("withdraw_reason", entity::WithdrawReason::KEYS),
            ("end_reason", entity::EndReason::KEYS),
            ("sort", crate::search::Sort::KEYS),
            ("allocation", entity::Allocation::KEYS),
            ("roster_upload", entity::RosterUploadStatus::KEYS),
            ("written_in", entity::PostingLanguage::KEYS),
            ("audit_action", crate::counseling::audit::AuditAction::KEYS),
            ("audit_actor", crate::counseling::audit::NoAccount::KEYS),
        ];
        let terms: Vec<(&str, &str)> = vocabularies
            .iter()
            .flat_map(|(vocabulary, keys)| keys.iter().map(move |key| (*vocabulary, *key)))
            .collect();
        for lang in Lang::ALL {
            for (vocabulary, key) in &terms {
                let id = format!("vocab-{vocabulary}-{key}");
                assert!(
                    LOCALES.try_lookup(lang.id(), &id).is_some(),
                    "{id} missing in {}",
                    lang.code()
                );
            }
        }
    }

    /// eyes15b F2: no family the counselor's form offers a language for is
    /// left with plain English and nothing in a language they read, but
    /// for the languages we write no line in (`languages::without_line`:
    /// signed ones, whose families read our English mail, and those nobody
    /// here can write, whose families the counselor reaches through an
    /// interpreter).
    #[test]
    fn every_language_of_the_guardian_form_has_a_name_and_a_line_in_it() {
        // Lines quoted from official notices (see mail.ftl) say help in the
        // family's language is free; they do not name STEM.
        const QUOTED: [&str; 2] = ["hmn", "chk"];
        for code in crate::languages::FAMILY_LANGUAGES {
            for lang in Lang::ALL {
                let id = format!("vocab-language-{code}");
                assert!(
                    LOCALES.try_lookup(lang.id(), &id).is_some(),
                    "{id} missing in {}",
                    lang.code()
                );
            }
            if Lang::from_code(code).is_some() {
                assert_eq!(tagline(code), None, "{code}: we write whole mails in it");
                continue;
            }
            if crate::languages::without_line(code) {
                assert_eq!(
                    tagline(code),
                    None,
                    "{code}: no line written in it; mail in English"
                );
                continue;
            }
            let (line, text) = tagline(code).unwrap_or_else(|| panic!("no line in {code}"));
            assert_eq!(line, code);
            assert!(
                text.contains("STEM") || QUOTED.contains(&code),
                "{code}: {text}"
            );
            // The same line in every catalogue: it is in the family's
            // language, not the reader's.
            for lang in Lang::ALL {
                let id = format!("mail-tagline-{code}");
                assert_eq!(
                    LOCALES.try_lookup(lang.id(), &id).as_deref(),
                    Some(text.as_str()),
                    "{id} in {}",
                    lang.code()
                );
            }
        }
        // Chinese recorded without its script gets the Simplified line
        // (as before), marked as such.
        let (line, text) = tagline("zh").expect("a line for plain Chinese");
        assert_eq!(line, "zh-Hans");
        assert!(text.contains("学校"), "{text}");
        let (line, text) = tagline("Cantonese").expect("a line in Traditional characters");
        assert_eq!(line, "zh-Hant");
        assert!(text.contains("學校"), "{text}");
        // A roster's names read through `languages::family`.
        let (line, text) = tagline("Hmoob").expect("a line in Hmong");
        assert_eq!(line, "hmn");
        assert!(text.contains("koj hom lus"), "{text}");
        assert_eq!(tagline("Trukese").map(|(line, _)| line), Some("chk"));
        // Languages we know but have no line in, one that is not written,
        // and one we do not know.
        for code in [
            "yo",
            "Karen",
            "ksw",
            "Mam",
            "K'iche'",
            "Marshallese",
            "nv",
            "ASL",
            "Klingon",
        ] {
            assert_eq!(tagline(code), None, "{code}");
        }
    }

    #[test]
    fn accept_language_picks_the_heaviest_known_language() {
        assert_eq!(
            Lang::from_accept_language("es-MX,es;q=0.9,en;q=0.8"),
            Some(Lang::Es)
        );
        assert_eq!(
            Lang::from_accept_language("fr-FR, en;q=0.5, es;q=0.7"),
            Some(Lang::Es)
        );
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("fr, de;q=0.5"), None);
        assert_eq!(
            Lang::from_accept_language("es;q=0, en;q=0.1"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn dates_and_money_read_naturally() {
        let date = NaiveDate::from_ymd_opt(2027, 1, 12).expect("valid date");
        assert_eq!(long_date(Lang::En, date), "January 12, 2027");
        assert_eq!(long_date(Lang::Es, date), "12 de enero de 2027");
        assert_eq!(money(1850), "$18.50");
        assert_eq!(money(123_456_789), "$1,234,567.89");
    }
}
