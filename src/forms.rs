//! Shared pieces of form handling: per-field error messages and the small
//! parsers every form uses, so each field gets the same clear wording.

use std::collections::BTreeMap;

use axum::{
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use chrono::{NaiveDate, NaiveTime};
use serde::{Serialize, Serializer, ser::SerializeMap};
use tower_sessions::Session;

use crate::{
    auth::extractors::{FlashKind, flash},
    error::{AppError, AppResult},
    i18n::{self, Lang, Message},
};

/// What a saved form tells the person, and the page it leads to.
pub struct Saved {
    pub kind: FlashKind,
    pub flash: Message,
    pub to: String,
}

impl Saved {
    /// Done: a success message.
    pub fn new(flash: Message, to: impl Into<String>) -> Self {
        Saved {
            kind: FlashKind::Success,
            flash,
            to: to.into(),
        }
    }

    /// Leaves the message for the next page and sends the person there
    /// (POST, redirect, GET).
    pub async fn redirect(self, session: &Session) -> AppResult<Response> {
        flash(session, self.kind, self.flash).await?;
        Ok(Redirect::to(&self.to).into_response())
    }

    /// Taken in, with something for the person to do next (read their mail).
    pub fn info(flash: Message, to: impl Into<String>) -> Self {
        Saved {
            kind: FlashKind::Info,
            ..Saved::new(flash, to)
        }
    }
}

/// The one shape of a form post: saved, a flash and a redirect (POST,
/// redirect, GET); refused for its fields, the form again with their
/// messages (`rerender` sets the 422); anything else, the error page.
/// `saved` may still act on the saved value (start the session of a new
/// account) before saying where to go.
pub async fn save_or_rerender<T>(
    outcome: AppResult<T>,
    session: &Session,
    saved: impl AsyncFnOnce(T) -> AppResult<Saved>,
    rerender: impl AsyncFnOnce(FieldErrors) -> AppResult<Response>,
) -> AppResult<Response> {
    answer_or_rerender(
        outcome,
        async |value| saved(value).await?.redirect(session).await,
        rerender,
    )
    .await
}

/// A form post whose success is an answer of its own (a page, a redirect
/// with a cookie) rather than a flash: `answer` for the saved value; refused
/// for its fields, `rerender`; anything else, the error page.
pub async fn answer_or_rerender<T>(
    outcome: AppResult<T>,
    answer: impl AsyncFnOnce(T) -> AppResult<Response>,
    rerender: impl AsyncFnOnce(FieldErrors) -> AppResult<Response>,
) -> AppResult<Response> {
    match outcome {
        Ok(value) => answer(value).await,
        Err(AppError::Validation(errors)) => rerender(errors).await,
        Err(other) => Err(other),
    }
}

/// A post with no form page to return to (a button, a one-field form on a
/// page of several): saved as `save_or_rerender`; refused for its fields, a
/// 400 that lists every problem.
pub async fn save_or_refuse<T>(
    outcome: AppResult<T>,
    session: &Session,
    saved: impl AsyncFnOnce(T) -> AppResult<Saved>,
) -> AppResult<Response> {
    save_or_rerender(outcome, session, saved, async |errors| {
        Err(AppError::BadRequest(errors.summary(i18n::current())))
    })
    .await
}

/// How much text a field takes: at most `max` characters, on one line (an
/// `<input>`) or on several (a `<textarea>`). A browser never sends a line
/// break in an `<input>`, so one in a name, title, phone or address comes
/// from a crafted request, and would split the value wherever it is shown
/// on one line: a list, a CSV row, a mail's subject. Such a value is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: usize,
    pub multiline: bool,
}

impl Limit {
    /// One line of at most `max` characters.
    pub const fn line(max: usize) -> Self {
        Limit {
            max,
            multiline: false,
        }
    }

    /// Several lines, at most `max` characters in all.
    pub const fn lines(max: usize) -> Self {
        Limit {
            max,
            multiline: true,
        }
    }
}

/// How much of each kind of typed text a field takes: named once, so that
/// two forms asking for the same thing accept the same.
pub mod limit {
    use super::Limit;

    /// A given or family name, a display name, a relationship ("aunt"), the
    /// name of a saved search.
    pub const SHORT_NAME: Limit = Limit::line(100);
    /// A student information system's id (a roster's sourcedId).
    pub const SIS_ID: Limit = Limit::line(255);
    /// A name written whole: an organization, a school, a guardian signing.
    pub const FULL_NAME: Limit = Limit::line(200);
    /// A mentor's name or role.
    pub const MENTOR: Limit = Limit::line(120);
    pub const PHONE: Limit = Limit::line(40);
    pub const ADDRESS: Limit = Limit::line(300);
    pub const WEBSITE: Limit = Limit::line(300);
    /// An organization's description.
    pub const DESCRIPTION: Limit = Limit::lines(5000);
    /// When a student is available.
    pub const AVAILABILITY: Limit = Limit::line(500);
    /// A reason given for a decision, accommodations asked for, the work
    /// done in logged hours.
    pub const PARAGRAPH: Limit = Limit::lines(1000);
    /// A note or a comment in the person's own words.
    pub const LETTER: Limit = Limit::lines(2000);
}

/// Messages keyed by form field name, rendered next to each field. Each is
/// a catalogue id with its arguments, written out in the reader's language
/// only when the page is rendered.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(BTreeMap<String, Message>);

/// Rendered in the language of the request being served (the page's).
impl Serialize for FieldErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lang = i18n::current();
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (field, message) in &self.0 {
            map.serialize_entry(field, &message.render(lang))?;
        }
        map.end()
    }
}

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a message for `field`, keeping the first one given.
    pub fn add(&mut self, field: &str, message: Message) {
        self.0.entry(field.to_owned()).or_insert(message);
    }

    /// Records the catalogue message `id` (no arguments) for `field`.
    pub fn add_id(&mut self, field: &str, id: &str) {
        self.add(field, Message::new(id));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The status of a form page showing these: 200 with none, else 422.
    pub fn status(&self) -> StatusCode {
        status_of(&[self])
    }

    /// The message for `field`, in `lang`.
    pub fn get(&self, field: &str, lang: Lang) -> Option<String> {
        self.0.get(field).map(|m| m.render(lang))
    }

    /// The message for `field`, kept for later rendering.
    pub fn message(&self, field: &str) -> Option<&Message> {
        self.0.get(field)
    }

    /// One sentence listing every problem, in `lang`, for places without a form.
    pub fn summary(&self, lang: Lang) -> String {
        self.0
            .values()
            .map(|m| m.render(lang))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `Ok(value)` when no error was recorded, else a validation error.
    pub fn into_result<T>(self, value: T) -> Result<T, AppError> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(AppError::Validation(self))
        }
    }

    /// A required text within `limit`. `label` is the catalogue id of the
    /// field's name, as the messages quote it. The text is [`cleaned`]
    /// first, so the length is counted as the browser's `maxlength` counted it.
    pub fn text(&mut self, field: &str, label: &str, value: &str, limit: Limit) -> String {
        let value = cleaned(value);
        if value.is_empty() {
            self.add(field, Message::new("form-required").term("label", label));
        } else {
            self.within(field, label, &value, limit);
        }
        value
    }

    /// An optional text within `limit` (see [`FieldErrors::text`]).
    pub fn optional_text(&mut self, field: &str, label: &str, value: &str, limit: Limit) -> String {
        let value = cleaned(value);
        self.within(field, label, &value, limit);
        value
    }

    fn within(&mut self, field: &str, label: &str, value: &str, limit: Limit) {
        if !limit.multiline && value.chars().any(is_line_break) {
            self.add(field, Message::new("form-one-line").term("label", label));
        } else if value.chars().count() > limit.max {
            self.add(
                field,
                Message::new("form-too-long")
                    .term("label", label)
                    .arg("max", limit.max),
            );
        }
    }

    /// Refuses `value` when it holds a way to reach its writer outside
    /// STEMbridge (a phone number, an email address, a link, a social media
    /// handle: see [`crate::contact_details`]), naming what was found. For
    /// the text employers write and students read; a field already refused
    /// keeps its first message.
    pub fn without_contact_details(&mut self, field: &str, value: &str) {
        self.refuse_contact_details(field, value, "form-contact-details");
    }

    /// [`FieldErrors::without_contact_details`] for the text a student
    /// writes and an organization reads (an application, availability,
    /// accommodations, an hours description, the note giving a place back):
    /// the same rule, the other way round, so the conversation stays where
    /// the school and the family can see it (eyes15a F4). The message
    /// speaks to the student.
    pub fn without_contact_details_to_organization(&mut self, field: &str, value: &str) {
        self.refuse_contact_details(field, value, "form-contact-details-student");
    }

    fn refuse_contact_details(&mut self, field: &str, value: &str, message: &str) {
        if self.message(field).is_some() {
            return;
        }
        // Every one at once: a long description may hold several, and
        // one per try made a posting take many tries (eyes14b F1).
        let found = crate::contact_details::find_all(value);
        if let Some((first, others)) = found.split_first() {
            let lang = crate::i18n::current();
            let quoted = |f: &crate::contact_details::Found| {
                crate::i18n::t_args(lang, "form-quoted", vec![("text", f.text.as_str().into())])
            };
            let others: Vec<String> = others.iter().map(quoted).collect();
            self.add(
                field,
                Message::new(message)
                    .arg("kind", first.kind.key())
                    .arg("found", first.text.as_str())
                    .arg("more", others.len())
                    .arg("others", others.join(", ")),
            );
        }
    }

    /// An email address, lower-cased; only its general shape is checked.
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let value = value.trim().to_lowercase();
        if value.is_empty() {
            self.add_id(field, "form-email-required");
        } else if value.len() > 254 {
            self.add_id(field, "form-email-too-long");
        } else if !value.is_ascii() {
            // Invisible characters (a zero-width space) and look-alike
            // letters (a Cyrillic "р") make an address that reads like
            // another on every page, and slips past checks for that other.
            self.add_id(field, "form-email-plain");
        } else if !looks_like_email(&value) {
            self.add_id(field, "form-email-shape");
        }
        value
    }

    /// A new password: 10 to 128 characters (long passphrases welcome),
    /// and not one tried first by whoever guesses (see [`guessable`]).
    pub fn new_password(&mut self, field: &str, value: &str) -> String {
        let length = value.chars().count();
        if length < 10 {
            self.add_id(field, "form-password-short");
        } else if length > 128 {
            self.add_id(field, "form-password-long");
        } else if guessable(value) {
            self.add_id(field, "form-password-guessable");
        }
        value.to_owned()
    }

    /// A whole number within `min..=max`; `None` when empty or invalid.
    pub fn integer(
        &mut self,
        field: &str,
        label: &str,
        value: &str,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        let value = self.filled(
            field,
            value,
            Message::new("form-required").term("label", label),
        )?;
        match value.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            Ok(_) => {
                self.add(
                    field,
                    Message::new("form-between")
                        .term("label", label)
                        .arg("min", min)
                        .arg("max", max),
                );
                None
            }
            Err(_) => {
                self.add(
                    field,
                    Message::new("form-whole-number").term("label", label),
                );
                None
            }
        }
    }

    /// A list of language codes ("en, es, hmn", or names), at most 10; `empty_message`
    /// (a catalogue id) set makes at least one required.
    pub fn languages(
        &mut self,
        field: &str,
        value: &str,
        empty_message: Option<&str>,
    ) -> Vec<String> {
        match crate::languages::parse_list(value) {
            Ok(codes) if codes.is_empty() && empty_message.is_some() => {
                self.add_id(field, empty_message.unwrap_or_default());
                codes
            }
            Ok(codes) if codes.len() > 10 => {
                self.add_id(field, "form-languages-too-many");
                Vec::new()
            }
            Ok(codes) => codes,
            Err(unknown) => {
                self.add(
                    field,
                    Message::new("form-languages-codes").arg("codes", unknown.join(", ")),
                );
                Vec::new()
            }
        }
    }

    /// Records `required` for `field` when `value` is blank; else the trimmed value.
    fn filled<'v>(&mut self, field: &str, value: &'v str, required: Message) -> Option<&'v str> {
        let value = value.trim();
        if value.is_empty() {
            self.add(field, required);
            return None;
        }
        Some(value)
    }

    /// A required date, as `<input type=date>` sends it (see [`parse_date`]).
    pub fn date(&mut self, field: &str, label: &str, value: &str) -> Option<NaiveDate> {
        let required = Message::new("form-required").term("label", label);
        let parsed = parse_date(self.filled(field, value, required)?);
        if parsed.is_none() {
            self.add(field, Message::new("form-date").term("label", label));
        }
        parsed
    }

    /// A time, as `<input type=time>` sends it (see [`parse_time`]). Only
    /// job shadows ask for times, and the message for a blank one says so.
    pub fn time(&mut self, field: &str, label: &str, value: &str) -> Option<NaiveTime> {
        let required = Message::new("form-time-required").term("label", label);
        let parsed = parse_time(self.filled(field, value, required)?);
        if parsed.is_none() {
            self.add(field, Message::new("form-time").term("label", label));
        }
        parsed
    }

    /// Dollars ("18", "18.50", "$18", "$1,500.00", "18,50") into cents,
    /// within `0..=max_dollars` (see [`parse_cents`]).
    /// Asked only for the kind of pay that names it, which a blank one's
    /// message says.
    pub fn money(
        &mut self,
        field: &str,
        label: &str,
        value: &str,
        max_dollars: i64,
    ) -> Option<i32> {
        let required = Message::new("form-money-required").term("label", label);
        let value = self
            .filled(field, value, required)?
            .trim_start_matches('$')
            .trim_start();
        let problem = if value.starts_with('-') {
            Message::new("form-money-negative")
        } else {
            match parse_cents(value) {
                // Pay of $0 would read as paid to a student filtering for
                // paid postings; a posting without pay is "Unpaid".
                Some(0) => Message::new("form-money-zero"),
                Some(cents) if cents <= max_dollars * 100 => {
                    return i32::try_from(cents).ok();
                }
                Some(_) => {
                    Message::new("form-money-max").arg("max", i18n::money(max_dollars * 100))
                }
                None => Message::new("form-money-shape"),
            }
        };
        self.add(field, problem.term("label", label));
        None
    }

    /// A US ZIP code, kept as its five digits (ZIP+4 is taken, see
    /// [`crate::geo::five_digit_zip`]).
    pub fn zip(&mut self, field: &str, value: &str) -> String {
        match crate::geo::five_digit_zip(value) {
            Some(zip) => zip.to_owned(),
            None => {
                self.add_id(field, "form-zip");
                value.trim().to_owned()
            }
        }
    }
}

/// A date as `<input type=date>` sends it and as OneRoster exports write
/// it: `2027-06-15`. The one date parser of typed and imported dates.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A time as `<input type=time>` sends it: `09:30`, or `09:30:15` when the
/// field steps in seconds.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .ok()
}

/// Dollars as people write them into cents: at most seven digits of
/// dollars and two of cents, no sign. Thousands may be grouped by commas
/// (`1,500`, `1,500.00`), and a decimal comma is read where it cannot be a
/// thousands separator (`18,50`, `18,5`, `1.500,00`), as Spanish writes
/// it; `1.500` (dollars and a half, or fifteen hundred?) is refused.
fn parse_cents(value: &str) -> Option<i64> {
    // The decimal separator: the last of `.` and `,`, except a lone comma
    // followed by three digits, which groups thousands.
    let decimal = match (value.rfind('.'), value.rfind(',')) {
        (Some(dot), Some(comma)) => Some(dot.max(comma)),
        (Some(dot), None) => Some(dot),
        (None, Some(comma)) => (value.len() - comma - 1 < 3).then_some(comma),
        (None, None) => None,
    };
    let (whole, fraction, grouping) = match decimal {
        Some(at) if value.as_bytes()[at] == b',' => (&value[..at], &value[at + 1..], '.'),
        Some(at) => (&value[..at], &value[at + 1..], ','),
        None => (value, "", ','),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mut groups = whole.split(grouping);
    let first = groups.next().unwrap_or_default();
    let grouped = whole.contains(grouping);
    if grouped && !(first.len() <= 3 && groups.all(|g| g.len() == 3)) {
        return None;
    }
    let whole = whole.replace(grouping, "");
    if whole.is_empty()
        || first.is_empty()
        || whole.len() > 7
        || fraction.len() > 2
        || !digits(&whole)
        || !digits(fraction)
    {
        return None;
    }
    let dollars: i64 = whole.parse().ok()?;
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    Some(dollars * 100 + cents)
}

/// The general shape of an email address (one `@`, a dotted domain, no
/// spaces); whether it reaches anyone only mail can tell.
pub(crate) fn looks_like_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    // The plain form every mail system writes (RFC 5322 `dot-atom`): no
    // quoted local part (`"ana"@school.org` is `ana@school.org` to the
    // mail system but not to a comparison of addresses), no comments, no
    // address literal. Nobody's real address needs them.
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    let dot_atom = |text: &str, allowed: &dyn Fn(char) -> bool| {
        text.split('.')
            .all(|part| !part.is_empty() && part.chars().all(allowed))
    };
    dot_atom(local, &atext)
        && domain.contains('.')
        && dot_atom(domain, &|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Whether `c` is a bidirectional embedding, override or isolate control
/// (U+202A-U+202E, U+2066-U+2069). Invisible, and able to flip how the rest
/// of a line reads: a name or title holding one could show another text in
/// an applicant list or a CSV row. Nobody types them on purpose.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is a character that shows nothing and that nobody types on
/// purpose in English or Spanish text: every format character of Unicode
/// (category Cf: the direction controls above and the marks U+200E, U+200F
/// and U+061C, zero-width spaces and joiners, the soft hyphen, word joiners,
/// the byte order mark, tag characters U+E0000-U+E007F, interlinear
/// annotation...) and the blank letters (the combining grapheme joiner, the
/// Hangul fillers, the Khmer inherent vowels, the Mongolian variation
/// selectors). Each one splits a word without showing it: "snap\u{200B}chat"
/// reads as "snapchat" but matches no check looking for it, and a name
/// with one reads like a name without. Variation selectors (U+FE0E, U+FE0F)
/// are kept: they choose how an emoji is drawn, and the check for contact
/// details reads through them (`contact_details`).
pub fn is_invisible(c: char) -> bool {
    is_direction_control(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{0600}'..='\u{0605}'
                | '\u{061C}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{0890}'..='\u{0891}'
                | '\u{08E2}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Whether `c` is drawn as a picture: the emoji blocks and the symbols an
/// emoji sequence joins (♀, ⚕, ❤...), and the skin tone modifiers.
fn is_pictograph(c: char) -> bool {
    matches!(
        c,
        '\u{2190}'..='\u{21FF}'
            | '\u{2300}'..='\u{23FF}'
            | '\u{2600}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{1F000}'..='\u{1FAFF}'
    )
}

/// `text` without invisible characters (see [`is_invisible`]), except a
/// zero width joiner between two pictographs (an emoji variation selector
/// may stand between): that one draws 👩‍🔬 as one emoji instead of 👩 and 🔬
/// side by side, and hides nothing, since no word is spelled in emoji.
pub fn without_invisible(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let joins_emoji = |at: usize| {
        let before = chars[..at]
            .iter()
            .rev()
            .find(|&&c| c != '\u{FE0F}')
            .is_some_and(|&c| is_pictograph(c));
        let after = chars.get(at + 1).is_some_and(|&c| is_pictograph(c));
        before && after
    };
    chars
        .iter()
        .enumerate()
        .filter(|&(at, &c)| !is_invisible(c) || (c == '\u{200D}' && joins_emoji(at)))
        .map(|(_, &c)| c)
        .collect()
}

/// Whether `c` ends a line anywhere text is shown: LF, CR (what [`cleaned`]
/// leaves is LF), and the rarer breaks some programs honour (vertical tab,
/// form feed, NEL, the Unicode line and paragraph separators).
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}'
    )
}

/// Text as a form field's value is kept: trimmed, without invisible
/// characters ([`without_invisible`]), and with every line break as LF,
/// counted as the browser counted it. A `<textarea>` sends each line break
/// as CRLF but its `maxlength` counts it as one character (the HTML "API
/// value"), so CRLF becomes LF before the limit is counted, and is stored
/// that way; a lone CR and the rarer breaks ([`is_line_break`]: the Unicode
/// line separator U+2028 among them, which most pages draw as nothing at
/// all) become LF too, so a paragraph shows each of its breaks and a
/// one-line field refuses them all.
pub fn cleaned(value: &str) -> String {
    without_invisible(value)
        .trim()
        .replace("\r\n", "\n")
        .replace(is_line_break, "\n")
        .replace(WORD_BULLETS, "•")
}

/// The bullets of Word's Symbol and Wingdings fonts, which a list pasted
/// from Word or Outlook brings as private-use characters: every reader but
/// Word shows a box (eyes14b F10).
const WORD_BULLETS: &[char] = &[
    '\u{F0B7}', '\u{F0A7}', '\u{F076}', '\u{F0D8}', '\u{F0FC}', '\u{F0A8}',
];

/// A part of the request that cannot be read: a 400 with a plain sentence
/// in the reader's language (the catalogue message `id`). The extractor's
/// own text (serde's, English and technical: "Failed to deserialize form
/// body: decision: unsupported value") goes to the log only.
/// Words a guesser tries first, alone or with digits and symbols around them
/// ("Password2026!"): the passwords breached most often, and this site's and
/// schools' own words.
const GUESSED_FIRST: [&str; 24] = [
    "password",
    "passw0rd",
    "iloveyou",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "welcome",
    "letmein",
    "trustno",
    "dragon",
    "monkey",
    "superman",
    "starwars",
    "qwerty",
    "abc",
    "changeme",
    "stembridge",
    "student",
    "teacher",
    "counselor",
    "school",
    "admin",
    "secret",
];

/// Whether a password of the right length is one guessed at once (NIST SP
/// 800-63B 5.1.1.2): one character repeated, a run up or down the alphabet
/// or the digits ("1234567890"), a row of the keyboard ("qwertyuiop"), or
/// a word a guesser tries first with only digits and symbols around it.
/// Every account here reads minors' data or speaks for one: a password
/// sprayed over many accounts must not open any.
fn guessable(password: &str) -> bool {
    let lower = password.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let steps = |by: i64| {
        chars
            .windows(2)
            .all(|pair| i64::from(u32::from(pair[1])) - i64::from(u32::from(pair[0])) == by)
    };
    const KEYBOARD: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
    let along_a_row = |text: &str| {
        KEYBOARD
            .iter()
            .any(|row| row.contains(text) || row.chars().rev().collect::<String>().contains(text))
    };
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    steps(0)
        || steps(1)
        || steps(-1)
        || along_a_row(&lower)
        || KEYBOARD
            .iter()
            .any(|row| lower.starts_with(row) && along_a_row(&lower[row.len()..]))
        || core.is_empty()
        || GUESSED_FIRST.contains(&core)
}

/// The `charset` parameter of a request's `Content-Type`, if it names one.
fn declared_charset(headers: &axum::http::HeaderMap) -> Option<String> {
    let content_type = headers
        .get(axum::http::header::CONTENT_TYPE)?
        .to_str()
        .ok()?;
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_owned())
    })
}

fn unreadable(id: &str, detail: String) -> AppError {
    tracing::info!(%detail, catalogue = id, "a request could not be read");
    AppError::BadRequest(i18n::t(i18n::current(), id))
}

/// The status of a page with several forms: 200 when none shows errors,
/// else 422.
pub fn status_of(forms: &[&FieldErrors]) -> StatusCode {
    if forms.iter().all(|errors| errors.is_empty()) {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// A urlencoded form body (repeated keys such as checkboxes become lists).
/// A body that cannot be read at all is a 400 with a plain message.
pub struct Form<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for Form<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        let (parts, body) = request.into_parts();
        // Our pages send UTF-8. A tool that declares another character set
        // (Latin-1, Windows-1252) would have its accents saved as
        // replacement characters and published: refused, saying why.
        if let Some(charset) = declared_charset(&parts.headers)
            && !charset.eq_ignore_ascii_case("utf-8")
            && !charset.eq_ignore_ascii_case("utf8")
        {
            return Err(unreadable("form-charset", format!("form in {charset}")));
        }
        let bytes = axum::body::Bytes::from_request(
            axum::extract::Request::from_parts(parts.clone(), body),
            state,
        )
        .await
        .map_err(|rejection| unreadable("form-unreadable", rejection.body_text()))?;
        if holds_nul(&bytes) {
            return Err(unreadable("form-nul", "NUL in a form".into()));
        }
        let request = axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes));
        match axum_extra::extract::Form::<T>::from_request(request, state).await {
            Ok(axum_extra::extract::Form(value)) => Ok(Form(value)),
            Err(rejection) => Err(unreadable("form-unreadable", rejection.body_text())),
        }
    }
}

/// Whether urlencoded text holds a NUL character, raw or as `%00`: no
/// text we keep may (PostgreSQL cannot store one, and no person types it),
/// so it is refused as unreadable rather than failing when saved.
pub fn holds_nul(text: &[u8]) -> bool {
    text.contains(&0) || text.windows(3).any(|w| w == b"%00")
}

/// A query string, read like a form (repeated keys become lists); one that
/// cannot be read is a 400 with a plain message.
pub struct Query<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for Query<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, AppError> {
        if holds_nul(parts.uri.query().unwrap_or_default().as_bytes()) {
            return Err(unreadable("form-nul", "NUL in a query".into()));
        }
        match axum_extra::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum_extra::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => Err(unreadable("form-address-unreadable", rejection.body_text())),
        }
    }
}

/// A path parameter. A value that cannot be one (`/opportunities/abc`, an id
/// past `i32`) names nothing here: the friendly 404 page, not a plain-text 400.
pub struct Path<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for Path<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, AppError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(_) => Err(AppError::NotFound),
        }
    }
}

/// A multipart upload; a body that is not one is a 400 with a plain message.
pub struct Multipart(pub axum::extract::Multipart);

impl<S> axum::extract::FromRequest<S> for Multipart
where
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        match axum::extract::Multipart::from_request(request, state).await {
            Ok(multipart) => Ok(Multipart(multipart)),
            Err(rejection) => Err(unreadable("form-upload-unreadable", rejection.body_text())),
        }
    }
}

/// Whether a record is still as the form that saves it showed it: the
/// form's hidden `seen` stamp is the record's `updated_at` when the page was
/// drawn. A save from a form opened before someone else's change (a second
/// tab, a colleague, a roster) would put back what that change took away,
/// so it is refused instead. An empty stamp (a form drawn before stamps
/// existed, or a script) is taken as seen.
pub fn still_as_seen(seen: &str, updated_at: chrono::DateTime<chrono::Utc>) -> bool {
    seen.is_empty()
        || chrono::DateTime::parse_from_rfc3339(seen).is_ok_and(|seen| seen == updated_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_pasted_from_word_keeps_its_bullets_readable() {
        assert_eq!(
            cleaned("Duties:\r\n\u{F0B7}\tTest samples\r\n\u{F0A7}\tLog results"),
            "Duties:\n•\tTest samples\n•\tLog results"
        );
    }

    #[test]
    fn emails_without_a_domain_dot_or_with_spaces_are_refused() {
        for bad in ["a", "a@b", "@b.org", "a b@c.org", "a@.org", "a@b.org."] {
            assert!(!looks_like_email(bad), "{bad} should be refused");
        }
        assert!(looks_like_email("maria.lopez@school.k12.il.us"));
        assert!(looks_like_email("o'brien+home@xn--pea-8ma.example"));
    }

    #[test]
    fn passwords_guessed_first_are_refused_and_passphrases_kept() {
        for guessed in [
            "aaaaaaaaaa",
            "1234567890",
            "0987654321",
            "abcdefghij",
            "qwertyuiop",
            "Password2026!",
            "!!stembridge!!",
            "2026-11-30-2026",
            "1234567890qwertyuiop",
        ] {
            assert!(guessable(guessed), "{guessed} should be refused");
        }
        for kept in [
            "correct horse battery",
            "demo-password-2026",
            "first-pass-2026",
            "Mi perro se llama Toby",
        ] {
            assert!(!guessable(kept), "{kept} should be kept");
        }
    }

    #[test]
    fn quoted_commented_or_literal_addresses_are_refused() {
        // Each reaches the inbox of a plain address a check compares with.
        for bad in [
            "\"ana.rivera\"@school.org",
            "ana(home)@school.org",
            "ana@[192.0.2.1]",
            ".ana@school.org",
            "ana..rivera@school.org",
            "ana@school_org.org",
        ] {
            assert!(!looks_like_email(bad), "{bad} should be refused");
        }
    }

    #[test]
    fn emails_with_invisible_or_look_alike_characters_are_refused_saying_so() {
        for bad in [
            "maria\u{200b}@example.org",
            "m\u{0430}ria@example.org",
            "maría@example.org",
        ] {
            assert!(!looks_like_email(bad), "{bad} should be refused");
            let mut errors = FieldErrors::new();
            errors.email("email", bad);
            assert_eq!(
                errors.get("email", crate::i18n::Lang::En),
                Some(crate::i18n::t(crate::i18n::Lang::En, "form-email-plain")),
                "{bad}"
            );
        }
    }

    #[test]
    fn dates_times_and_amounts_read_as_browsers_send_them() {
        assert_eq!(
            parse_date(" 2027-06-15 "),
            NaiveDate::from_ymd_opt(2027, 6, 15)
        );
        assert_eq!(parse_date("06/15/2027"), None);
        assert_eq!(parse_time("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("09:30:15"), NaiveTime::from_hms_opt(9, 30, 15));
        assert_eq!(parse_time("9.30"), None);
        // Amounts as people write them; the ambiguous ones refused.
        for (typed, cents) in [
            ("18", Some(1800)),
            ("18.5", Some(1850)),
            ("1,500", Some(150_000)),
            ("1,500.00", Some(150_000)),
            ("1,234,567.89", Some(123_456_789)),
            ("18,50", Some(1850)),
            ("18,5", Some(1850)),
            ("1.500,00", Some(150_000)),
            ("1500", Some(150_000)),
            ("1.500", None),
            ("1,50,000", None),
            ("1,5000", None),
            (",50", None),
            ("1,500,00", None),
            ("1 500", None),
            ("12,345,678", None),
        ] {
            assert_eq!(parse_cents(typed), cents, "{typed}");
        }
        let mut errors = FieldErrors::new();
        assert_eq!(
            errors.money("pay", "form-label-name", "$ 1,500.00", 5000),
            Some(150_000)
        );
        assert_eq!(
            errors.money("pay", "form-label-name", "$18.5", 100),
            Some(1850)
        );
        assert_eq!(errors.money("a", "form-label-name", "18.505", 100), None);
        assert_eq!(errors.money("b", "form-label-name", "-1", 100), None);
        assert_eq!(errors.money("c", "form-label-name", "101", 100), None);
        assert_eq!(errors.money("d", "form-label-name", " ", 100), None);
        assert_eq!(errors.money("e", "form-label-name", "0.00", 100), None);
        for (field, id) in [
            ("a", "form-money-shape"),
            ("b", "form-money-negative"),
            ("c", "form-money-max"),
            ("d", "form-money-required"),
        ] {
            assert_eq!(
                errors.message(field).map(|m| m.id.as_str()),
                Some(id),
                "{field}"
            );
        }
    }

    #[test]
    fn line_breaks_count_once_and_direction_controls_are_dropped() {
        // 1000 characters as a browser counts them, 1009 as it sends them.
        let browser = format!("{}a", vec!["a".repeat(99); 10].join("\r\n"));
        let mut errors = FieldErrors::new();
        let kept = errors.text("note", "form-label-name", &browser, Limit::lines(1000));
        assert!(errors.is_empty(), "{:?}", errors.message("note"));
        assert_eq!(kept.chars().count(), 1000);
        assert!(!kept.contains('\r'));
        assert_eq!(cleaned("one\rtwo\r\n"), "one\ntwo");
        let kept = errors.optional_text(
            "name",
            "form-label-name",
            " \u{202E}Rivera\u{2066}x\u{2069}\u{202A} ",
            limit::SHORT_NAME,
        );
        assert_eq!(kept, "Riverax");
    }

    #[test]
    fn invisible_characters_are_taken_out_and_line_breaks_kept_as_lf() {
        for (typed, kept) in [
            ("snap\u{200B}chat @ray\u{200C}boss", "snapchat @rayboss"),
            ("RLM\u{200E}\u{200F} ALM\u{061C}", "RLM ALM"),
            ("Tag\u{E0041}\u{E0042}\u{E007F}", "Tag"),
            ("Soft\u{00AD}hyphen", "Softhyphen"),
            ("\u{FEFF}FEFF\u{FEFF}mark", "FEFFmark"),
            ("word\u{2060}joiner\u{2063}", "wordjoiner"),
            ("Hangul\u{3164}filler\u{115F}", "Hangulfiller"),
            ("grapheme\u{034F}joiner", "graphemejoiner"),
            // Line breaks stay, each as LF; the rarer ones become LF too.
            ("one\r\ntwo\n\nthree", "one\ntwo\n\nthree"),
            (
                "LS\u{2028}sep PS\u{2029}sep NEL\u{0085}x",
                "LS\nsep PS\nsep NEL\nx",
            ),
            // Accents, other alphabets and emoji are text.
            ("Peña Ñandú Zoë ½ 你好 مرحبا", "Peña Ñandú Zoë ½ 你好 مرحبا"),
            ("❤\u{FE0F} ok", "❤\u{FE0F} ok"),
            // A joiner inside an emoji sequence draws one emoji; between
            // letters it only hides.
            ("👩\u{200D}🔬 👩🏽\u{200D}🔬", "👩\u{200D}🔬 👩🏽\u{200D}🔬"),
            ("🏳\u{FE0F}\u{200D}🌈", "🏳\u{FE0F}\u{200D}🌈"),
            (
                "insta\u{200D}gram 👩\u{200D}x a\u{200D}🔬",
                "instagram 👩x a🔬",
            ),
        ] {
            assert_eq!(cleaned(typed), kept, "{typed:?}");
        }
    }

    #[test]
    fn every_format_character_is_invisible_and_nothing_a_person_types_is() {
        // The format characters (Unicode category Cf) as of Unicode 15.1.
        let format = [
            0x00AD..=0x00AD,
            0x0600..=0x0605,
            0x061C..=0x061C,
            0x06DD..=0x06DD,
            0x070F..=0x070F,
            0x0890..=0x0891,
            0x08E2..=0x08E2,
            0x180E..=0x180E,
            0x200B..=0x200F,
            0x202A..=0x202E,
            0x2060..=0x2064,
            0x2066..=0x206F,
            0xFEFF..=0xFEFF,
            0xFFF9..=0xFFFB,
            0x110BD..=0x110BD,
            0x110CD..=0x110CD,
            0x13430..=0x1343F,
            0x1BCA0..=0x1BCA3,
            0x1D173..=0x1D17A,
            0xE0001..=0xE0001,
            0xE0020..=0xE007F,
        ];
        for code in format.into_iter().flatten() {
            let c = char::from_u32(code).expect("a character");
            assert!(is_invisible(c), "U+{code:04X}");
        }
        for c in "aZ09 .,;:!?¿¡@#$%&*()-_'\"ñÑáéíóúüç€£½→\u{FE0F}\u{00A0}\t".chars()
        {
            assert!(!is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn a_single_line_field_refuses_any_line_break_with_a_message() {
        for typed in [
            "Ana\r\nRivera",
            "Ana\rRivera",
            "Ana\u{2028}Rivera",
            "Ana\u{0085}Rivera",
        ] {
            let mut errors = FieldErrors::new();
            errors.text("name", "form-label-name", typed, limit::SHORT_NAME);
            assert_eq!(
                errors.get("name", Lang::En).as_deref(),
                Some("Name must fit on one line: remove the line break."),
                "{typed:?}"
            );
        }
        // A paragraph keeps its lines.
        let mut errors = FieldErrors::new();
        errors.text("note", "form-label-name", "one\r\ntwo", limit::LETTER);
        assert!(errors.is_empty());
    }

    #[test]
    fn overlong_text_gets_a_message_naming_the_limit() {
        let mut errors = FieldErrors::new();
        errors.text(
            "name",
            "form-label-name",
            &"x".repeat(101),
            limit::SHORT_NAME,
        );
        assert_eq!(
            errors.get("name", Lang::En).as_deref(),
            Some("Name must be at most 100 characters.")
        );
        assert_eq!(
            errors.get("name", Lang::Es).as_deref(),
            Some("Nombre: como máximo 100 caracteres.")
        );
    }
}
