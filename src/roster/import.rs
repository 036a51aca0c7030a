//! OneRoster 1.1 CSV import: `orgs.csv`, `users.csv` (students, and their
//! parents, guardians and relatives as guardian contacts, linked through
//! `agentSourcedIds`) and `demographics.csv`, with extension columns for what
//! OneRoster lacks (`metadata.lowIncome`, `metadata.englishLearner`,
//! `metadata.disability`, `metadata.firstGeneration`, and a guardian's
//! `metadata.language`, read by `languages::family` however the export
//! writes it: `es`, `spa`, `es-MX`, `Spanish`, `Español`; `zh-TW` and
//! `Cantonese` as Traditional Chinese, `zh-CN` and `Mandarin` as
//! Simplified). Most exports leave that column empty: an empty column says
//! nothing, so it never overwrites a language recorded earlier (a new
//! guardian is recorded with none, and their mail is in English until
//! someone says otherwise). The language a guardian chose on their own
//! settings page (`guardian.language_chosen`) is never touched by an
//! import, nor is an address a counselor corrected by hand while the roster
//! still holds another (`guardian.email_corrected_at`: a warning names it).
//! Likewise a demographics column the file does not have says nothing
//! (plain exports lack the `metadata.*` ones), while an empty cell in a
//! column it has clears the value (but for `birthDate`).
//!
//! All or nothing: every row of every file is checked first, and a roster
//! with any error writes nothing and lists each error with file and line.
//! A valid import is idempotent (students are matched by sourcedId, or,
//! once the importer confirms, a record the district re-keyed under a new
//! one: `identity`) and
//! students missing from a new roster of their school become inactive, as do
//! guardians of those schools' students missing from it, within the limits
//! `departures` sets (a roster that would empty a school, or take most of
//! it at once without a yes, is refused). Problems are kept as catalogue
//! ids with arguments, rendered by whoever reads them.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use entity::{Role, counselor_school, guardian, school, student, student_guardian};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, QuerySelect, sea_query::Expr,
};
use serde::Serialize;

pub use super::departures::Refusal;
use super::{
    contacts,
    departures::{self, SchoolChange},
    identity, sources,
};
use crate::{
    auth::extractors::CurrentUser,
    db,
    error::{AppError, AppResult},
    forms::without_invisible,
    i18n::{Lang, Message, MessageArg},
};

/// Most data rows read from one file: a bigger district splits its roster by
/// school; without a cap one upload could hold the server's memory and CPU.
pub const MAX_ROWS: usize = 200_000;
/// Most problems listed back (the count of all of them is shown too).
pub const MAX_SHOWN_ERRORS: usize = 100;
/// The longest school name a roster may give (what the school record holds).
const MAX_SCHOOL_NAME: usize = 200;
/// The longest given or family name a roster may give.
const MAX_PERSON_NAME: usize = 100;
/// The longest guardian phone number a roster may give.
const MAX_PHONE: usize = 40;
/// The longest sourcedId a school, student or guardian record holds.
const MAX_SOURCED_ID: usize = 255;
/// The most of a refused ZIP code a message quotes.
const QUOTED_ZIP: usize = 20;

/// A problem, kept as a catalogue id with its arguments: the import runs in
/// the background and its result is stored, so each reader (the uploader,
/// a colleague, the command line in English) gets it in their language.
fn say(id: &str, args: Vec<(&str, MessageArg)>) -> Message {
    args.into_iter()
        .fold(Message::new(id), |message, (name, value)| {
            message.arg(name, value)
        })
}

/// The users.csv rows (line, sourcedId) another school holds, each refused
/// with the catalogue message `id` naming it.
fn held_elsewhere<'r>(
    rows: impl Iterator<Item = (u64, &'r str)>,
    held: impl Fn(&str) -> bool,
    id: &str,
) -> Vec<ImportError> {
    rows.filter(|(_, sourced_id)| held(sourced_id))
        .map(|(line, sourced_id)| ImportError {
            file: "users.csv",
            line,
            message: say(id, vec![("id", sourced_id.into())]),
        })
        .collect()
}

/// One problem, where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportError {
    pub file: &'static str,
    pub line: u64,
    /// Rendered by whoever reads it (`Message::render`).
    pub message: Message,
}

impl ImportError {
    /// The problem's sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.message.render(lang)
    }
}

/// In English, for the command line and logs.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} line {}: {}",
            self.file,
            self.line,
            self.text(Lang::En)
        )
    }
}

/// Something the roster accepted but the counselor should look at: a
/// reference in `agentSourcedIds` to someone users.csv does not hold (real
/// exports leave out guardians who did not agree to share their details), or
/// a guardian's language we cannot read (that family gets English mail until
/// it is corrected). Neither refuses the roster; the page lists each one,
/// with its file and line, in the reader's language (`kind` picks the
/// sentence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportWarning {
    pub file: &'static str,
    pub line: u64,
    /// `guardian` (a student row names a missing guardian), `student`
    /// (a guardian row names a missing student), `language` (a guardian's
    /// `metadata.language` names no language we know), `grade` (a student
    /// in a grade we do not serve), `demographics` (a row naming nobody),
    /// `schools` (a student listed at several schools), `corrected-address`
    /// (a counselor's correction kept over the roster's), `zip` (a school's
    /// ZIP code read with its leading zeros put back), or `columns` and
    /// `race-columns` (demographics.csv lacks those columns: line 1).
    pub kind: &'static str,
    /// The sourcedId named and not found, the language as written, the
    /// schools listed, the ZIP code as read, or the columns missing.
    pub missing: String,
}

impl ImportWarning {
    /// The warning as a sentence in `lang` (the page renders the same key).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::t_args(
            lang,
            &format!("families-roster-warning-{}", self.kind),
            vec![
                ("file", self.file.into()),
                ("line", self.line.into()),
                ("id", self.missing.as_str().into()),
            ],
        )
    }
}

/// The files, as uploaded. demographics.csv and manifest.csv are optional
/// in OneRoster: empty when absent.
#[derive(Default)]
pub struct RosterFiles {
    pub orgs: Vec<u8>,
    pub users: Vec<u8>,
    pub demographics: Vec<u8>,
    pub manifest: Vec<u8>,
    /// How many students the uploader said yes to making inactive, when a
    /// first try was refused for making many inactive at once
    /// (`departures`).
    pub confirmed_inactive: Option<usize>,
    /// The roster source an admin names (`sources`): else the district org
    /// of orgs.csv says it.
    pub source: Option<String>,
    /// How many held rows the importer said are right, when a first try
    /// was refused for changes that may mean another person or school
    /// (`identity`).
    pub confirmed_review: Option<usize>,
}

/// What a successful import did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub schools: usize,
    pub created: usize,
    pub updated: usize,
    pub deactivated: usize,
    pub guardians_created: usize,
    pub guardians_updated: usize,
    pub guardians_deactivated: usize,
    /// Students moved from one school of the file to another.
    pub moved: usize,
    /// A bulk users.csv without a single parent, guardian or relative row
    /// (a students-only export): it says nothing of guardians, so every
    /// contact and link stays as it was.
    pub guardians_unlisted: bool,
    /// Placements that wait for guardian consent again because the
    /// student's birth date changed.
    pub consent_asked: usize,
    /// Placements still waiting for consent although, by the new birth
    /// date, the student is an adult on the start date: a counselor starts
    /// each from the student's record (a roster never starts one).
    pub consent_adults_waiting: usize,
    /// Placements whose guardians without a working consent link (a new
    /// contact, a new address) were emailed one.
    pub consent_requested: usize,
    /// Placements whose guardians were emailed a link again only because
    /// the last one to the same address could not be delivered (an address
    /// its server refused for good is not asked again: `families::bounces::record`).
    pub consent_resent: usize,
    /// References to people missing from users.csv, in file order.
    pub warnings: Vec<ImportWarning>,
    /// Home languages of the file's active guardians that we do not write
    /// yet, with how many guardians each: their mail is in English with a
    /// line in their language, and the school may want an interpreter.
    pub unwritten_languages: Vec<(String, usize)>,
    /// How each file given was read, in the form's order.
    pub encodings: Vec<(&'static str, Encoding)>,
    /// The roster source its ids were kept under (empty: none named).
    pub source: String,
    /// Schools on file under no source this roster took into its own.
    pub schools_adopted: usize,
    /// Students a counselor had added by hand that the roster's rows
    /// matched by school, names and grade: they took the roster's id.
    pub adopted: usize,
    /// Records whose id the export no longer lists that took a row's new
    /// id, as the importer confirmed (`identity::Rekeys`): their account,
    /// guardians and placements stay, and the old id did not depart.
    pub rekeyed: usize,
}

#[derive(Debug, Clone)]
struct Org {
    /// Its line in orgs.csv.
    line: u64,
    sourced_id: String,
    name: String,
    zip: String,
}

/// What a demographics row says of a value: `None` when the file has no
/// column for it (plain OneRoster exports lack our `metadata.*` columns),
/// so what is stored stays; `Some(None)` for an empty cell, which clears it.
type Said<T> = Option<Option<T>>;

#[derive(Debug, Clone, Default)]
struct Demographics {
    gender: Option<String>,
    race_ethnicity: Said<String>,
    low_income: Said<bool>,
    english_learner: Said<bool>,
    disability: Said<bool>,
    first_generation: Said<bool>,
    birth_date: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
struct Student {
    /// Its line in users.csv.
    line: u64,
    sourced_id: String,
    /// The schools of orgs.csv it lists, in its order: a student belongs to
    /// one school here, so a second one only keeps a student already there.
    schools: Vec<String>,
    given_name: String,
    family_name: String,
    grade: i32,
    active: bool,
    /// `None` without a row in demographics.csv: what is stored stays (a
    /// delta export, or a district that sends no demographics).
    demographics: Option<Demographics>,
}

#[derive(Debug, Clone)]
struct Guardian {
    /// Its line in users.csv.
    line: u64,
    sourced_id: String,
    given_name: String,
    family_name: String,
    email: Option<String>,
    phone: Option<String>,
    /// `None` when `metadata.language` is empty: the roster says nothing.
    language: Option<String>,
    /// `metadata.language` as written, when it names no language we know
    /// (then `language` keeps it as given, for the counselor to correct).
    unknown_language: Option<String>,
    active: bool,
}

/// What a valid roster holds.
#[derive(Debug)]
struct Roster {
    orgs: Vec<Org>,
    /// The district orgs of orgs.csv (line, sourcedId): one names the
    /// roster's source.
    districts: Vec<(u64, String)>,
    students: Vec<Student>,
    guardians: Vec<Guardian>,
    /// (student sourcedId, guardian sourcedId), each pair once.
    links: Vec<(String, String)>,
    warnings: Vec<ImportWarning>,
    /// manifest.csv calls users.csv a delta: people it leaves out are
    /// unchanged, not gone.
    delta: bool,
    /// How each file given was read.
    encodings: Vec<(&'static str, Encoding)>,
}

/// `agentSourcedIds` as written by real exports: semicolons or commas.
fn agent_ids(value: &str) -> Vec<String> {
    value
        .split([';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The longest language a guardian record holds (its column's size).
const MAX_LANGUAGE: usize = 16;

/// The columns a family's home language is found under, first first:
/// OneRoster's extension column, then the names SIS exports give it
/// (eyes13a F4: `metadata.homeLanguage` was silently dropped).
const LANGUAGE_COLUMNS: [&str; 6] = [
    "metadata.language",
    "metadata.homeLanguage",
    "metadata.home_language",
    "metadata.primaryLanguage",
    "metadata.primary_language",
    "metadata.preferredLanguage",
];

/// A row's home language cell: the first of [`LANGUAGE_COLUMNS`] holding
/// anything.
fn language_cell<'a>(users: &Table, row: &'a csv::StringRecord) -> &'a str {
    LANGUAGE_COLUMNS
        .iter()
        .map(|column| users.get(row, column))
        .find(|value| !value.is_empty())
        .unwrap_or_default()
}

/// Gives a guardian whose row names no language the home language on the
/// row of a student they are linked to (many exports keep it on the
/// student's record only): the family is then written to in it.
fn languages_from_students(people: &mut People, links: &[(String, String)]) {
    // One pass over the links: each guardian's first linked student row
    // that says a language.
    let mut said: HashMap<&str, &str> = HashMap::new();
    for (student, guardian) in links {
        if let Some(value) = people.student_languages.get(student)
            && !value.is_empty()
        {
            said.entry(guardian.as_str()).or_insert(value.as_str());
        }
    }
    for guardian in &mut people.guardians {
        if guardian.language.is_none()
            && let Some(value) = said.get(guardian.sourced_id.as_str())
        {
            (guardian.language, guardian.unknown_language) = guardian_language(value);
        }
    }
}

/// A guardian's language as stored: its code however the export wrote it
/// (`languages::family`: ISO 639-1, else ISO 639-3, Chinese with its script; `None` when
/// empty: nothing said), or, when it names no language
/// we know, the value as given (cut to fit the record) and that value for a
/// warning.
fn guardian_language(value: &str) -> (Option<String>, Option<String>) {
    let value = value.trim();
    if value.is_empty() {
        return (None, None);
    }
    match crate::languages::family(value) {
        Some(code) => (Some(code.to_owned()), None),
        None => (
            Some(value.chars().take(MAX_LANGUAGE).collect()),
            Some(value.to_owned()),
        ),
    }
}

/// The languages we know but do not write, of the active guardians, with
/// how many guardians each, most first (see `ImportSummary`).
fn unwritten_languages(guardians: &[Guardian]) -> Vec<(String, usize)> {
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for g in guardians.iter().filter(|g| g.active) {
        if let Some(code) = g.language.as_deref().and_then(crate::languages::unwritten) {
            *counts.entry(code).or_default() += 1;
        }
    }
    let mut counts: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(code, n)| (code.to_owned(), n))
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// An address of the general shape forms accept, of a length mail takes.
fn plausible_email(value: &str) -> bool {
    value.len() <= 254 && crate::forms::looks_like_email(value)
}

/// A parsed CSV file: its header positions and its records with line numbers.
struct Table {
    file: &'static str,
    /// How its bytes were read.
    encoding: Encoding,
    /// The header's names and positions (a few dozen at most).
    columns: Vec<(String, usize)>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    /// Whether the header has `column`, in any case.
    fn has(&self, column: &str) -> bool {
        self.position(column).is_some()
    }

    /// Where `column` is, named in any case (exports differ).
    fn position(&self, column: &str) -> Option<usize> {
        self.columns
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(column))
            .map(|(_, i)| *i)
    }

    /// The trimmed value of `column` in `row`.
    fn get<'a>(&self, row: &'a csv::StringRecord, column: &str) -> &'a str {
        self.position(column)
            .and_then(|i| row.get(i))
            .map(str::trim)
            .unwrap_or_default()
    }
}

/// How a file's bytes were read as text (the name is shown as is: it is
/// what a spreadsheet's "save as" dialog calls it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    #[serde(rename = "UTF-8")]
    Utf8,
    #[serde(rename = "Windows-1252")]
    Windows1252,
    /// Excel for Mac's "CSV (Macintosh)" (eyes14b F3).
    #[serde(rename = "Mac-Roman")]
    MacRoman,
}

impl Encoding {
    /// The catalogue id that says a file was read this way (the upload
    /// page builds the same id from the name: `roster-encoding-` and the
    /// name in lower case).
    pub fn message_id(self) -> &'static str {
        match self {
            Encoding::Utf8 => "roster-encoding-utf-8",
            Encoding::Windows1252 => "roster-encoding-windows-1252",
            Encoding::MacRoman => "roster-encoding-mac-roman",
        }
    }
}

/// Why a file's bytes are not text we can read.
#[derive(Debug, PartialEq, Eq)]
enum Unreadable {
    /// Neither UTF-8 nor Windows-1252: the line of the first bad byte.
    NotText(u64),
    /// A zip archive (`PK\x03\x04`): student information systems deliver
    /// OneRoster as one zip of CSV files.
    Zip,
    /// An Excel workbook: an .xlsx (a zip holding `xl/workbook`) or an old
    /// .xls (an OLE2 compound file), which many exports still write.
    Workbook,
}

/// A file's text: UTF-8 when its bytes are UTF-8 (a byte order mark
/// dropped), else Windows-1252, which Excel's plain "CSV" and many student
/// information systems on Windows write ("José" as the byte 0xE9). Every
/// byte means something there, so any file would "decode": one holding NUL
/// or a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D,
/// which encoding_rs gives as C1 controls) is neither (UTF-16, a workbook
/// saved under a .csv name), and `Err` gives the line of the first. So is
/// a file that is UTF-8 but for some bytes (two exports pasted together):
/// read either way, some of its names would come out wrong ("JosÃ©").
/// A zip archive or a workbook is said to be one, so the message can say
/// what to do.
fn decode(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, Encoding), Unreadable> {
    if bytes.starts_with(b"PK\x03\x04") {
        // File names in a zip's headers are stored as written, not compressed.
        let workbook = bytes
            .windows(b"xl/workbook".len())
            .any(|w| w == b"xl/workbook");
        return Err(if workbook {
            Unreadable::Workbook
        } else {
            Unreadable::Zip
        });
    }
    // The OLE2 compound file signature: an Excel 97-2003 .xls.
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(Unreadable::Workbook);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let line_at = |at: usize| bytes[..at].iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let not_utf8 = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((text.into(), Encoding::Utf8)),
        Err(e) => e.valid_up_to(),
    };
    let partly_utf8 = String::from_utf8_lossy(bytes)
        .chars()
        .any(|c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER);
    if partly_utf8 {
        return Err(Unreadable::NotText(line_at(not_utf8)));
    }
    if looks_like_mac_roman(bytes) {
        let (text, _) = encoding_rs::MACINTOSH.decode_without_bom_handling(bytes);
        return Ok((text, Encoding::MacRoman));
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    match text.find(|c: char| c == '\0' || ('\u{80}'..='\u{9F}').contains(&c)) {
        Some(at) => Err(Unreadable::NotText(
            text[..at].matches('\n').count() as u64 + 1,
        )),
        None => Ok((text, Encoding::Windows1252)),
    }
}

/// Whether a file that is not UTF-8 reads as Mac Roman (Excel for Mac's
/// "CSV (Macintosh)") rather than Windows-1252. Their accented letters sit
/// at different bytes: Windows-1252's at 0xC0-0xFF, Mac Roman's mostly at
/// 0x80-0x9F, where Windows-1252 keeps punctuation (dashes, the euro sign)
/// that does not follow a letter. So: some byte of 0x80-0x9F right after a
/// letter, and no byte of 0xC0-0xFF next to one. The curly quotes
/// (0x91-0x94, an apostrophe in "O’Brien") prove nothing either way.
fn looks_like_mac_roman(bytes: &[u8]) -> bool {
    let mut mac = false;
    for (at, &byte) in bytes.iter().enumerate() {
        let after_letter = at > 0 && bytes[at - 1].is_ascii_alphabetic();
        let before_letter = bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic);
        match byte {
            0x91..=0x94 => {}
            0x80..=0x9F if after_letter => mac = true,
            0xC0..=0xFF if after_letter || before_letter => return false,
            _ => {}
        }
    }
    mac
}

/// The separators a file may use: commas; semicolons, as Excel saves "CSV"
/// under a regional setting whose decimal mark is a comma (Spanish, most of
/// Europe); tabs, as spreadsheets save "text".
const SEPARATORS: [u8; 3] = [b',', b';', b'\t'];

/// The separator of a file: the first whose header line holds every
/// `required` column (a quoted name may hold the others). When none does,
/// the one that splits the header into the most columns, with the columns
/// still missing then, so the message names what is missing as the file
/// was most likely meant to be read.
fn separator(text: &[u8], required: &[&str]) -> (u8, Vec<String>) {
    let mut best: Option<(u8, usize, Vec<String>)> = None;
    for separator in SEPARATORS {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .flexible(true)
            .from_reader(text);
        let Ok(header) = reader.headers() else {
            // Unreadable either way: the parse proper says why.
            return (b',', Vec::new());
        };
        let missing: Vec<String> = required
            .iter()
            .filter(|c| {
                !header
                    .iter()
                    .any(|name| name.trim().eq_ignore_ascii_case(c))
            })
            .map(|c| (*c).to_owned())
            .collect();
        if missing.is_empty() {
            return (separator, missing);
        }
        if best.as_ref().is_none_or(|(_, len, _)| header.len() > *len) {
            best = Some((separator, header.len(), missing));
        }
    }
    best.map_or((b',', Vec::new()), |(separator, _, missing)| {
        (separator, missing)
    })
}

/// A separator as the catalogue's messages select it.
fn separator_name(separator: u8) -> &'static str {
    match separator {
        b';' => "semicolon",
        b'\t' => "tab",
        _ => "comma",
    }
}

fn parse_table(
    file: &'static str,
    bytes: &[u8],
    required: &[&str],
    errors: &mut Errors,
) -> Option<Table> {
    let (text, encoding) = match decode(bytes) {
        Ok(decoded) => decoded,
        Err(Unreadable::NotText(line)) => {
            errors.at(file, line, say("roster-error-not-utf8", vec![]));
            return None;
        }
        Err(Unreadable::Zip) => {
            errors.at(file, 1, say("roster-error-zip-archive", vec![]));
            return None;
        }
        Err(Unreadable::Workbook) => {
            errors.at(file, 1, say("roster-error-workbook", vec![]));
            return None;
        }
    };
    let bytes = text.as_bytes();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        errors.at(file, 1, say("roster-error-empty", vec![]));
        return None;
    }
    let (separator, missing) = separator(bytes, required);
    let lines = LineIndex::new(bytes, separator);
    if !missing.is_empty() {
        let columns = ("columns", missing.join(", ").into());
        let message = match separator {
            b',' => say("roster-error-missing-columns", vec![columns]),
            other => say(
                "roster-error-missing-columns-separator",
                vec![columns, ("separator", separator_name(other).into())],
            ),
        };
        errors.at(file, 1, message);
        // Another format than OneRoster 1.1: say which, since a counselor
        // cannot add the columns themselves (eyes14b F4).
        let header = text.lines().next().unwrap_or_default();
        let has = |column: &str| {
            header
                .split([',', ';', '\t'])
                .any(|h| h.trim().trim_matches('"').eq_ignore_ascii_case(column))
        };
        if has("primaryOrgSourcedId") {
            errors.at(file, 1, say("roster-error-oneroster-12", vec![]));
        } else if has("Student_id") || has("School_id") {
            errors.at(file, 1, say("roster-error-clever", vec![]));
        }
        return None;
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .from_reader(bytes);
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            errors.at(
                file,
                1,
                say(
                    "roster-error-header",
                    vec![("detail", e.to_string().into())],
                ),
            );
            return None;
        }
    };
    let columns: Vec<(String, usize)> = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim().to_owned(), i))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        if rows.len() >= MAX_ROWS {
            errors.at(
                file,
                lines.of(record.as_ref().ok().and_then(|r| r.position())),
                say(
                    "integrity-roster-too-many-rows",
                    vec![("max", MAX_ROWS.into())],
                ),
            );
            return None;
        }
        match record {
            Ok(record) => {
                let line = lines.of(record.position());
                if record.iter().all(|v| v.trim().is_empty()) {
                    continue;
                }
                if record.len() != header.len() {
                    errors.at(
                        file,
                        line,
                        say(
                            "roster-error-values",
                            vec![
                                ("expected", header.len().into()),
                                ("found", record.len().into()),
                            ],
                        ),
                    );
                    continue;
                }
                rows.push((line, record));
            }
            Err(e) => {
                let line = lines.of(e.position());
                errors.at(
                    file,
                    line,
                    say("roster-error-line", vec![("detail", e.to_string().into())]),
                );
            }
        }
    }
    Some(Table {
        file,
        encoding,
        columns,
        rows,
    })
}

/// Line numbers as a spreadsheet shows them, from a record's byte offset:
/// the header is row 1, and each line break ends a row except one inside a
/// quoted value (a spreadsheet shows that value's lines in one cell of one
/// row). An empty line is a row too, as a spreadsheet shows it.
///
/// The csv crate's own line count is one short on CRLF files (what Windows
/// student information systems export) and counts the line breaks inside
/// quoted values, so count the row ends ourselves.
struct LineIndex {
    /// The byte offset of each line break that ends a row (of a CRLF, its
    /// `\n`; a lone `\r` ends one too, as old Mac exports write).
    row_ends: Vec<usize>,
}

impl LineIndex {
    /// Reads the row ends of `bytes` whose values are split by `separator`:
    /// as the csv crate reads it, a `"` opens a quoted value only at the
    /// start of a value, and `""` inside one is a quote.
    fn new(bytes: &[u8], separator: u8) -> Self {
        let mut row_ends = Vec::new();
        let (mut quoted, mut value_start) = (false, true);
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            if quoted {
                if byte == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 1;
                    } else {
                        quoted = false;
                    }
                }
            } else if byte == b'"' && value_start {
                quoted = true;
                value_start = false;
            } else if byte == b'\n' || (byte == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                row_ends.push(i);
                value_start = true;
            } else {
                // A CRLF's `\r` is part of the row end that its `\n` records.
                value_start = byte == separator || byte == b'\r';
            }
            i += 1;
        }
        Self { row_ends }
    }

    /// The 1-based row on which the record at `position` starts. After a
    /// CRLF the reader places the next record on the `\n` it has not read
    /// yet, so a row end at the position itself still ends the row before.
    fn of(&self, position: Option<&csv::Position>) -> u64 {
        position.map_or(0, |p| {
            let byte = usize::try_from(p.byte()).unwrap_or(usize::MAX);
            self.row_ends.partition_point(|&n| n <= byte) as u64 + 1
        })
    }
}

/// A yes or no as exports write it, in any case: `true`/`false`, `t`/`f`,
/// `yes`/`no`, `y`/`n`, `1`/`0` (SIS custom exports and the `metadata.*`
/// columns districts fill from state reports use all of them; eyes17b F4).
/// `Ok(None)` for an empty cell; `Err(())` for anything else.
fn yes_or_no(value: &str) -> Result<Option<bool>, ()> {
    match value.to_lowercase().as_str() {
        "" => Ok(None),
        "true" | "t" | "yes" | "y" | "1" => Ok(Some(true)),
        "false" | "f" | "no" | "n" | "0" => Ok(Some(false)),
        _ => Err(()),
    }
}

fn boolean(
    table: &Table,
    row: &csv::StringRecord,
    line: u64,
    column: &str,
    errors: &mut Errors,
) -> Option<bool> {
    let value = table.get(row, column);
    yes_or_no(value).unwrap_or_else(|()| {
        // Quoted as written, so the reader finds it in the file.
        errors.at(
            table.file,
            line,
            say(
                "roster-error-boolean",
                vec![("column", column.into()), ("value", value.into())],
            ),
        );
        None
    })
}

/// OneRoster's grade codes that are not numbers: infant/toddler, preschool,
/// pre-kindergarten, transitional kindergarten, kindergarten,
/// postsecondary, ungraded and other.
const GRADE_WORDS: &[&str] = &["IT", "PR", "PK", "TK", "KG", "PS", "UG", "Other"];

/// What a student's `grades` say.
#[derive(Debug, PartialEq, Eq)]
enum Grades {
    /// The highest of its grades, one STEMbridge serves (06 to 13).
    Served(i32),
    /// Only grades below 06, or ungraded: a district-wide export lists
    /// every student, so these are skipped, not refused.
    NotServed,
    /// Not grade codes at all (a wrong column, a typo).
    Invalid,
}

/// Kindergarten and before as district exports spell them beside
/// OneRoster's codes: below the grades served, so left out.
const EARLY_GRADE_WORDS: &[&str] = &["K", "Pre-K", "PreK", "Kindergarten", "Pre-Kindergarten"];

/// A grade number as exports write it, in any case: `9`, `09`, Excel's
/// `9.0`, `9th`, `Grade 9`, `grade 9`, `9th Grade`.
fn grade_number(code: &str) -> Option<i32> {
    let code = code.to_lowercase();
    let code = code.trim();
    let code = code.strip_prefix("grade").unwrap_or(code).trim();
    let code = code.strip_suffix("grade").unwrap_or(code).trim();
    let code = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| code.strip_suffix(suffix))
        .unwrap_or(code);
    let code = code.strip_suffix(".0").unwrap_or(code);
    code.parse().ok()
}

/// A student's grade from OneRoster's `grades`, which may list several
/// ("10,11", or "10;11" as some exports separate them): the highest, since
/// a student between grades is moving up.
fn grade(codes: &str) -> Grades {
    let mut highest = None;
    for code in codes
        .split([',', ';'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let word = |w: &&str| w.eq_ignore_ascii_case(code);
        match grade_number(code) {
            Some(g) if (1..=13).contains(&g) => highest = highest.max(Some(g)),
            None if GRADE_WORDS.iter().any(word) || EARLY_GRADE_WORDS.iter().any(word) => {}
            _ => return Grades::Invalid,
        }
    }
    match highest {
        Some(g) if g >= 6 => Grades::Served(g),
        _ => Grades::NotServed,
    }
}

/// The extension columns of demographics.csv, in `Demographics` order.
const FLAG_COLUMNS: [&str; 4] = [
    "metadata.lowIncome",
    "metadata.englishLearner",
    "metadata.disability",
    "metadata.firstGeneration",
];

/// Every column race and ethnicity are read from: one value comes of them
/// together. Real exports leave some out (often the Pacific Islander
/// column), so a file lacking some is read from those it has, but only
/// what they show: a student marked in none of them keeps what is on file,
/// and without `hispanicOrLatinoEthnicity` nothing is read (a Hispanic
/// student would become "White").
const RACE_COLUMNS: [&str; 7] = [
    "americanIndianOrAlaskaNative",
    "asian",
    "blackOrAfricanAmerican",
    "nativeHawaiianOrOtherPacificIslander",
    "white",
    "demographicRaceTwoOrMoreRaces",
    "hispanicOrLatinoEthnicity",
];

/// A warning (line 1, the header) for each kind of demographics column the
/// file lacks, naming them: what is stored for those stays.
fn missing_demographic_columns(table: &Table) -> Vec<ImportWarning> {
    [
        ("columns", &FLAG_COLUMNS[..]),
        ("race-columns", &RACE_COLUMNS[..]),
    ]
    .into_iter()
    .filter_map(|(kind, columns)| {
        let missing: Vec<&str> = columns.iter().copied().filter(|c| !table.has(c)).collect();
        (!missing.is_empty()).then(|| ImportWarning {
            file: table.file,
            line: 1,
            kind,
            missing: missing.join(", "),
        })
    })
    .collect()
}

const RACES: &[(&str, &str)] = &[
    (
        "americanIndianOrAlaskaNative",
        "American Indian or Alaska Native",
    ),
    ("asian", "Asian"),
    ("blackOrAfricanAmerican", "Black or African American"),
    (
        "nativeHawaiianOrOtherPacificIslander",
        "Native Hawaiian or Pacific Islander",
    ),
    ("white", "White"),
];

/// The problems found so far, each where it is.
#[derive(Debug, Default)]
struct Errors(Vec<ImportError>);

impl Errors {
    /// Records `message` at `line` of `file`.
    fn at(&mut self, file: &'static str, line: u64, message: Message) {
        self.0.push(ImportError {
            file,
            line,
            message,
        });
    }

    /// Every problem, in file and line order.
    fn sorted(mut self) -> Vec<ImportError> {
        self.0
            .sort_by(|a, b| (a.file, a.line).cmp(&(b.file, b.line)));
        self.0
    }
}

/// An absent optional file: nothing, or only blank lines.
fn is_blank(bytes: &[u8]) -> bool {
    bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .all(u8::is_ascii_whitespace)
}

/// manifest.csv says users.csv is a delta (only the people who changed),
/// not the bulk list of everyone.
fn is_delta(manifest: &Table) -> bool {
    manifest.rows.iter().any(|(_, row)| {
        manifest
            .get(row, "propertyName")
            .eq_ignore_ascii_case("file.users")
            && manifest.get(row, "value").eq_ignore_ascii_case("delta")
    })
}

/// Checks the files; returns the roster or every error.
fn validate(files: &RosterFiles) -> Result<Roster, Vec<ImportError>> {
    let mut errors = Errors::default();
    let orgs = parse_table(
        "orgs.csv",
        &files.orgs,
        &["sourcedId", "name", "type"],
        &mut errors,
    );
    let users = parse_table(
        "users.csv",
        &files.users,
        &[
            "sourcedId",
            "enabledUser",
            "orgSourcedIds",
            "role",
            "givenName",
            "familyName",
            "grades",
        ],
        &mut errors,
    );
    // Optional in OneRoster: without it, stored demographics stay.
    let demographics = if is_blank(&files.demographics) {
        Some(None)
    } else {
        parse_table(
            "demographics.csv",
            &files.demographics,
            &["sourcedId", "birthDate", "sex"],
            &mut errors,
        )
        .map(Some)
    };
    let delta = if is_blank(&files.manifest) {
        Some(false)
    } else {
        parse_table(
            "manifest.csv",
            &files.manifest,
            &["propertyName", "value"],
            &mut errors,
        )
        .map(|manifest| is_delta(&manifest))
    };
    let (Some(orgs), Some(users), Some(demographics), Some(delta)) =
        (orgs, users, demographics, delta)
    else {
        return Err(errors.0);
    };
    let (schools, districts, zip_warnings) = validate_orgs(&orgs, &mut errors);
    let school_ids: HashSet<&str> = schools.iter().map(|s| s.sourced_id.as_str()).collect();
    let mut unclaimed = demographics
        .as_ref()
        .map(|d| validate_demographics(d, &mut errors))
        .unwrap_or_default();
    let mut people = validate_users(&users, &school_ids, &mut unclaimed, &mut errors);
    let (links, mut warnings) = link_agents(&users, &people);
    warnings.extend(zip_warnings);
    languages_from_students(&mut people, &links);
    warnings.extend(people.skipped.iter().cloned());
    // Demographics of staff are not ours to keep; a row naming nobody in
    // users.csv is left out with a warning (in a delta export too: only the
    // students it lists are updated).
    if let Some(demographics) = &demographics {
        warnings.extend(missing_demographic_columns(demographics));
        for (line, row) in &demographics.rows {
            let sourced_id = demographics.get(row, "sourcedId");
            if unclaimed.contains_key(sourced_id) && !people.everyone.contains(sourced_id) {
                warnings.push(ImportWarning {
                    file: demographics.file,
                    line: *line,
                    kind: "demographics",
                    missing: sourced_id.to_owned(),
                });
            }
        }
    }
    warnings.extend(people.guardians.iter().filter_map(|g| {
        let value = g.unknown_language.clone()?;
        // A value with accents typed apart from their letters looks the
        // same as the one the warning suggests: say what differs (eyes18b F1).
        let kind = if unicode_normalization::is_nfc(&value) {
            "language"
        } else {
            "decomposed-language"
        };
        Some(ImportWarning {
            file: users.file,
            line: g.line,
            kind,
            missing: value,
        })
    }));
    // Dual enrolment is real (a home school and a career centre), but
    // counselors must know which school's view a student is in.
    warnings.extend(
        people
            .students
            .iter()
            .filter(|s| s.schools.len() > 1)
            .map(|s| ImportWarning {
                file: users.file,
                line: s.line,
                kind: "schools",
                missing: s.schools.join(", "),
            }),
    );
    // In the order the form asks for the files, then by line.
    let files = ["orgs.csv", "users.csv", "demographics.csv"];
    warnings.sort_by_key(|w| (files.iter().position(|f| *f == w.file), w.line));
    let encodings = [Some(&orgs), Some(&users), demographics.as_ref()]
        .into_iter()
        .flatten()
        .map(|table| (table.file, table.encoding))
        .collect();
    if errors.0.is_empty() {
        Ok(Roster {
            encodings,
            orgs: schools,
            districts,
            students: people.students,
            guardians: people.guardians,
            links,
            warnings,
            delta,
        })
    } else {
        Err(errors.sorted())
    }
}

/// The schools of orgs.csv, its districts (line, sourcedId), and a warning
/// for each ZIP code read with its leading zeros put back; other kinds of
/// org are only checked for ids.
fn validate_orgs(
    orgs: &Table,
    errors: &mut Errors,
) -> (Vec<Org>, Vec<(u64, String)>, Vec<ImportWarning>) {
    let mut schools = Vec::new();
    let mut districts = Vec::new();
    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    for (line, row) in &orgs.rows {
        let line = *line;
        let mut error = |message| errors.at(orgs.file, line, message);
        let Some(sourced_id) = sourced_id_once(orgs, row, &mut seen, &mut error) else {
            continue;
        };
        if orgs.get(row, "type").eq_ignore_ascii_case("district") {
            districts.push((line, sourced_id));
            continue;
        }
        // Exports differ in case ("School"), as for roles.
        if orgs.get(row, "type").eq_ignore_ascii_case("school") {
            let name = orgs.get(row, "name").to_owned();
            if name.is_empty() || name.chars().count() > MAX_SCHOOL_NAME {
                errors.at(orgs.file, line, say("roster-error-school-name", vec![]));
            }
            let typed = orgs.get(row, "metadata.zip");
            let zip = match school_zip(typed) {
                Some((zip, padded)) => {
                    if padded {
                        warnings.push(ImportWarning {
                            file: orgs.file,
                            line,
                            kind: "zip",
                            missing: zip.clone(),
                        });
                    }
                    zip
                }
                None => {
                    let value: String = typed.chars().take(QUOTED_ZIP).collect();
                    errors.at(
                        orgs.file,
                        line,
                        say("roster-error-zip", vec![("value", value.into())]),
                    );
                    String::new()
                }
            };
            schools.push(Org {
                line,
                sourced_id,
                name,
                zip,
            });
        }
    }
    (schools, districts, warnings)
}

/// A school's ZIP code as a roster writes it, as the five digits distance
/// defaults look up (ZIP+4 too), and whether leading zeros were put back:
/// a spreadsheet stores `02134` as the number 2134, and Massachusetts,
/// New Jersey or Puerto Rico schools arrive as three or four digits. An
/// empty one stays empty (no distance default); any other is `None`.
fn school_zip(typed: &str) -> Option<(String, bool)> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Some((String::new(), false));
    }
    if let Some(zip) = crate::geo::five_digit_zip(typed) {
        return Some((zip.to_owned(), false));
    }
    let short = (3..=4).contains(&typed.len()) && typed.bytes().all(|b| b.is_ascii_digit());
    short.then(|| (format!("{typed:0>5}"), true))
}

/// Each row of demographics.csv, by sourcedId.
fn validate_demographics(
    demographics: &Table,
    errors: &mut Errors,
) -> HashMap<String, Demographics> {
    let mut found = HashMap::new();
    let mut seen = HashSet::new();
    for (line, row) in &demographics.rows {
        let sourced_id = demographics.get(row, "sourcedId").to_owned();
        if !seen.insert(sourced_id.clone()) {
            errors.at(
                demographics.file,
                *line,
                say(
                    "roster-error-duplicate",
                    vec![("id", sourced_id.as_str().into())],
                ),
            );
            continue;
        }
        let checked = demographics_row(demographics, row, *line, errors);
        found.insert(sourced_id, checked);
    }
    found
}

/// A birth date as real exports write it: `2010-04-23`, or with a time, as
/// some do (`2010-04-23T00:00:00Z`, SQL Server's `2010-04-23 00:00:00.000`:
/// eyes14b F4). A date with slashes is not read: `01/05/2009` is January in
/// the United States and May elsewhere, and a birth date decides whether a
/// guardian must consent. The error says how to keep Excel from writing it.
fn birth_date(text: &str) -> Option<NaiveDate> {
    crate::forms::parse_date(text.split(['T', ' ']).next().unwrap_or(text))
}

/// One row of demographics.csv, checked (a bad value is reported and left out).
fn demographics_row(
    table: &Table,
    row: &csv::StringRecord,
    line: u64,
    errors: &mut Errors,
) -> Demographics {
    let birth_date = match table.get(row, "birthDate") {
        "" => None,
        text => match birth_date(text) {
            Some(date) => Some(date),
            None => {
                let key = if text.contains('/') {
                    "roster-error-birth-date-slashes"
                } else {
                    "roster-error-birth-date"
                };
                errors.at(table.file, line, say(key, vec![("value", text.into())]));
                None
            }
        },
    };
    let sex = table.get(row, "sex");
    let gender = match sex.to_lowercase().as_str() {
        // OneRoster 1.2's `unspecified` (and the `U`/`unknown` of student
        // information systems) says nothing, as an empty cell.
        "" | "unspecified" | "u" | "unknown" => None,
        "male" | "m" => Some("Male".to_owned()),
        "female" | "f" => Some("Female".to_owned()),
        "other" | "nonbinary" | "non-binary" | "x" => Some("Another gender".to_owned()),
        _ => {
            errors.at(
                table.file,
                line,
                say("roster-error-sex", vec![("value", sex.into())]),
            );
            None
        }
    };
    let mut races = Vec::new();
    for (column, label) in RACES {
        if boolean(table, row, line, column, errors) == Some(true) {
            races.push(*label);
        }
    }
    let two_or_more =
        boolean(table, row, line, "demographicRaceTwoOrMoreRaces", errors) == Some(true);
    let hispanic = boolean(table, row, line, "hispanicOrLatinoEthnicity", errors) == Some(true);
    let race_ethnicity = if hispanic {
        Some("Hispanic or Latino".to_owned())
    } else if two_or_more || races.len() > 1 {
        Some("Two or more races".to_owned())
    } else {
        races.first().map(|r| (*r).to_owned())
    };
    let race_ethnicity = if !table.has("hispanicOrLatinoEthnicity") {
        None
    } else if race_ethnicity.is_some() || RACE_COLUMNS.iter().all(|c| table.has(c)) {
        Some(race_ethnicity)
    } else {
        None
    };
    // Checked whether or not the column is there; a missing one says nothing.
    let flags = FLAG_COLUMNS.map(|c| {
        let value = boolean(table, row, line, c, errors);
        table.has(c).then_some(value)
    });
    Demographics {
        gender,
        race_ethnicity,
        low_income: flags[0],
        english_learner: flags[1],
        disability: flags[2],
        first_generation: flags[3],
        birth_date,
    }
}

/// Whom one person of users.csv names in `agentSourcedIds`.
struct Agents {
    line: u64,
    sourced_id: String,
    named: Vec<String>,
}

impl Agents {
    fn of(users: &Table, row: &csv::StringRecord, line: u64, sourced_id: &str) -> Self {
        Agents {
            line,
            sourced_id: sourced_id.to_owned(),
            named: agent_ids(users.get(row, "agentSourcedIds")),
        }
    }
}

/// The students and guardians of users.csv, and whom each names.
struct People {
    students: Vec<Student>,
    guardians: Vec<Guardian>,
    student_agents: Vec<Agents>,
    guardian_agents: Vec<Agents>,
    /// Every sourcedId of users.csv, whatever its role: an agent who is a
    /// teacher of the file is not missing, only not a guardian.
    everyone: HashSet<String>,
    /// Students left out for their grade.
    skipped: Vec<ImportWarning>,
    /// Each student row's home language cell, as written (for guardians
    /// whose own row says none).
    student_languages: HashMap<String, String>,
}

/// The student and guardian rows of users.csv (other roles are skipped);
/// each student takes its row of `unclaimed` demographics.
fn validate_users(
    users: &Table,
    school_ids: &HashSet<&str>,
    unclaimed: &mut HashMap<String, Demographics>,
    errors: &mut Errors,
) -> People {
    let mut people = People {
        students: Vec::new(),
        guardians: Vec::new(),
        student_agents: Vec::new(),
        guardian_agents: Vec::new(),
        everyone: users
            .rows
            .iter()
            .map(|(_, row)| users.get(row, "sourcedId"))
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect(),
        skipped: Vec::new(),
        student_languages: HashMap::new(),
    };
    let mut seen = HashSet::new();
    for (line, row) in &users.rows {
        let line = *line;
        // Exports differ in case ("Parent", "GUARDIAN"): compare lower-cased.
        let role = users.get(row, "role").to_lowercase();
        if matches!(role.as_str(), "parent" | "guardian" | "relative") {
            if let Some(g) = guardian_row(users, row, line, &mut seen, errors) {
                people
                    .guardian_agents
                    .push(Agents::of(users, row, line, &g.sourced_id));
                people.guardians.push(g);
            }
        } else if role == "student" {
            match student_row(users, row, line, school_ids, unclaimed, &mut seen, errors) {
                Some(StudentRow::Student(student)) => {
                    people
                        .student_agents
                        .push(Agents::of(users, row, line, &student.sourced_id));
                    people.student_languages.insert(
                        student.sourced_id.clone(),
                        language_cell(users, row).to_owned(),
                    );
                    people.students.push(student);
                }
                Some(StudentRow::Skipped(warning)) => people.skipped.push(warning),
                None => {}
            }
        }
    }
    people
}

/// A student row of users.csv, once checked.
enum StudentRow {
    Student(Student),
    /// Not in a grade STEMbridge serves: left out, with a warning.
    Skipped(ImportWarning),
}

/// One student row of users.csv, checked.
fn student_row(
    users: &Table,
    row: &csv::StringRecord,
    line: u64,
    school_ids: &HashSet<&str>,
    unclaimed: &mut HashMap<String, Demographics>,
    seen: &mut HashSet<String>,
    errors: &mut Errors,
) -> Option<StudentRow> {
    let mut error = |message: Message| errors.at(users.file, line, message);
    let sourced_id = sourced_id_once(users, row, seen, &mut error)?;
    // Taken now, so a student with another error is not reported twice.
    let demographics = unclaimed.remove(&sourced_id);
    let orgs_of_user: Vec<&str> = users
        .get(row, "orgSourcedIds")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let schools: Vec<String> = orgs_of_user
        .iter()
        .filter(|o| school_ids.contains(**o))
        .map(|o| (*o).to_owned())
        .collect();
    if schools.is_empty() {
        error(say(
            "roster-error-no-school",
            vec![("ids", orgs_of_user.join(",").into())],
        ));
        return None;
    }
    let grades = users.get(row, "grades");
    let grade = match grade(grades) {
        Grades::Served(grade) => grade,
        Grades::NotServed => {
            return Some(StudentRow::Skipped(ImportWarning {
                file: users.file,
                line,
                kind: "grade",
                missing: sourced_id,
            }));
        }
        Grades::Invalid => {
            error(say("roster-error-grades", vec![("value", grades.into())]));
            return None;
        }
    };
    let active = enabled(users, row, &mut error)?;
    let (given_name, family_name) = match person_names(users, row) {
        Ok(names) => names,
        Err(id) => {
            error(say(id, vec![]));
            return None;
        }
    };
    Some(StudentRow::Student(Student {
        line,
        demographics,
        sourced_id,
        schools,
        given_name,
        family_name,
        grade,
        active,
    }))
}

/// The row's sourcedId, when it has one not seen before in its file.
fn sourced_id_once(
    table: &Table,
    row: &csv::StringRecord,
    seen: &mut HashSet<String>,
    error: &mut impl FnMut(Message),
) -> Option<String> {
    let sourced_id = table.get(row, "sourcedId").to_owned();
    if sourced_id.is_empty() {
        error(say("roster-error-no-id", vec![]));
        return None;
    }
    // Checked here, not left to the database: PostgreSQL would refuse the
    // whole import at the first over-long value, without file or line.
    if sourced_id.chars().count() > MAX_SOURCED_ID {
        error(say(
            "roster-error-id-long",
            vec![("max", MAX_SOURCED_ID.into())],
        ));
        return None;
    }
    if !seen.insert(sourced_id.clone()) {
        error(say(
            "roster-error-duplicate",
            vec![("id", sourced_id.as_str().into())],
        ));
        return None;
    }
    Some(sourced_id)
}

/// Whether the row's person is active: `enabledUser` true (or left empty)
/// and `status` not `tobedeleted`; any other `enabledUser` is refused.
fn enabled(
    table: &Table,
    row: &csv::StringRecord,
    error: &mut impl FnMut(Message),
) -> Option<bool> {
    let value = table.get(row, "enabledUser");
    match yes_or_no(value) {
        Ok(Some(true) | None) => {
            Some(!table.get(row, "status").eq_ignore_ascii_case("tobedeleted"))
        }
        Ok(Some(false)) => Some(false),
        Err(()) => {
            error(say(
                "roster-error-boolean",
                vec![("column", "enabledUser".into()), ("value", value.into())],
            ));
            None
        }
    }
}

/// A person's given and family names from a row, without invisible
/// characters (`forms::is_invisible`: a direction control could flip how
/// the rest of a line reads, a zero-width space make the name differ from
/// the one it reads as), both given and no longer than a record
/// holds; a line break or other control character (a quoted field may
/// hold one) is refused with a message saying so. The error is the
/// catalogue id of the message.
fn person_names(users: &Table, row: &csv::StringRecord) -> Result<(String, String), &'static str> {
    let [given_name, family_name] = ["givenName", "familyName"]
        .map(|column| without_invisible(users.get(row, column)).trim().to_owned());
    for name in [&given_name, &family_name] {
        if name.chars().any(char::is_control) {
            return Err("roster-error-names-control");
        }
        // Excel's plain "CSV" (Windows-1252, Mac Roman) cannot hold most
        // of the world's letters and writes "?" for each: "?? ???" would
        // be that student's name (eyes17b F6). UTF-8 keeps them all.
        if users.encoding != Encoding::Utf8 && name.contains('?') {
            return Err("roster-error-names-question-mark");
        }
        if name.is_empty() || name.chars().count() > MAX_PERSON_NAME {
            return Err("roster-error-names");
        }
    }
    Ok((given_name, family_name))
}

/// The (student, guardian) links named from either side, each once, and a
/// warning for each id naming nobody at all in users.csv.
///
/// Ids naming no student or guardian of the file are left out, not
/// refused: exports often leave some agents out (teachers, aides, parents
/// without consent to share), and an unlinked student only means the
/// counselor takes the paper path. An id naming nobody at all in users.csv
/// is reported as a warning, so the counselor knows which link is missing.
fn link_agents(users: &Table, people: &People) -> (Vec<(String, String)>, Vec<ImportWarning>) {
    let student_ids: HashSet<&str> = people
        .students
        .iter()
        .map(|s| s.sourced_id.as_str())
        .collect();
    let guardian_ids: HashSet<&str> = people
        .guardians
        .iter()
        .map(|g| g.sourced_id.as_str())
        .collect();
    let mut links = Vec::new();
    let mut linked = HashSet::new();
    let mut warnings = Vec::new();
    // Student rows name guardians; guardian rows name students.
    let sides = [
        (&people.student_agents, &guardian_ids, "guardian", true),
        (&people.guardian_agents, &student_ids, "student", false),
    ];
    for (rows, others, kind, from_student) in sides {
        for person in rows {
            for agent in &person.named {
                if others.contains(agent.as_str()) {
                    let pair = if from_student {
                        (person.sourced_id.clone(), agent.clone())
                    } else {
                        (agent.clone(), person.sourced_id.clone())
                    };
                    if linked.insert(pair.clone()) {
                        links.push(pair);
                    }
                } else if !people.everyone.contains(agent.as_str()) {
                    warnings.push(ImportWarning {
                        file: users.file,
                        line: person.line,
                        kind,
                        missing: agent.clone(),
                    });
                }
            }
        }
    }
    warnings.sort_by_key(|w| w.line);
    (links, warnings)
}

/// One parent, guardian or relative row of users.csv, checked.
fn guardian_row(
    users: &Table,
    row: &csv::StringRecord,
    line: u64,
    seen: &mut HashSet<String>,
    errors: &mut Errors,
) -> Option<Guardian> {
    let mut error = |message: Message| errors.at(users.file, line, message);
    let sourced_id = sourced_id_once(users, row, seen, &mut error)?;
    let (given_name, family_name) = match person_names(users, row) {
        Ok(names) => names,
        Err(id) => {
            error(say(id, vec![]));
            return None;
        }
    };
    let email = users.get(row, "email").to_lowercase();
    if !email.is_empty() && !plausible_email(&email) {
        error(say(
            "roster-error-email",
            vec![("value", email.as_str().into())],
        ));
        return None;
    }
    let phone = match users.get(row, "sms") {
        "" => users.get(row, "phone"),
        sms => sms,
    };
    if phone.chars().count() > MAX_PHONE {
        error(say("roster-error-phone", vec![]));
        return None;
    }
    let (language, unknown_language) = guardian_language(language_cell(users, row));
    let active = enabled(users, row, &mut error)?;
    Some(Guardian {
        line,
        sourced_id,
        given_name,
        family_name,
        email: (!email.is_empty()).then_some(email),
        phone: (!phone.is_empty()).then(|| phone.to_owned()),
        language,
        unknown_language,
        active,
    })
}

/// Sets `field` to what the roster said of it, when it said anything.
fn set_said<T>(field: &mut sea_orm::ActiveValue<Option<T>>, said: &Said<T>)
where
    Option<T>: Into<sea_orm::Value> + PartialEq + Clone,
{
    if let Some(value) = said {
        field.set_if_not_equals(value.clone());
    }
}

/// The outcome of an import: a summary, or every error (and nothing written).
pub type ImportOutcome = Result<ImportSummary, Refusal>;

/// Imports a roster for `importer` (an admin, or a counselor whose schools
/// the roster names). `progress` is told how many students are done.
pub async fn import(
    db: &DatabaseConnection,
    importer: &CurrentUser,
    files: &RosterFiles,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> AppResult<ImportOutcome> {
    // A counselor adding a student by hand while the import runs may take
    // one of its ids first (on PostgreSQL its read found the id free, and
    // the unique index refused its insert; nothing was written). Run again,
    // the import finds that student and updates it, as had it come after.
    match import_once(db, importer, files, progress).await {
        Err(AppError::Database(error)) if db::unique_violation(&error) => {
            tracing::info!(
                "a student or contact was added while the roster imported; importing again"
            );
            import_once(db, importer, files, progress).await
        }
        outcome => outcome,
    }
}

async fn import_once(
    db: &DatabaseConnection,
    importer: &CurrentUser,
    files: &RosterFiles,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> AppResult<ImportOutcome> {
    let roster = match validate(files) {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(Err(errors.into())),
    };
    let (orgs, students) = (&roster.orgs, &roster.students);
    let txn = db::begin_write(db).await?;
    let school_sourced_ids: Vec<&str> = orgs.iter().map(|o| o.sourced_id.as_str()).collect();
    let source = match sources::of_roster(
        &txn,
        importer,
        files.source.as_deref(),
        &roster.districts,
        &school_sourced_ids,
    )
    .await?
    {
        Ok(source) => source,
        Err(errors) => return Ok(Err(errors.into())),
    };
    let mut summary = ImportSummary {
        warnings: roster.warnings.clone(),
        unwritten_languages: unwritten_languages(&roster.guardians),
        encodings: roster.encodings.clone(),
        source: source.clone(),
        ..Default::default()
    };
    // Rows held until the importer confirms them (`identity`).
    let mut review: Vec<ImportError> = Vec::new();
    // Schools: admins create them; counselors may import only schools assigned to them.
    let mut school_ids: HashMap<String, i32> = HashMap::new();
    let mut refused = Vec::new();
    for org in orgs {
        let existing = match sources::school_on_file(&txn, &source, &org.sourced_id).await? {
            sources::SchoolOnFile::Same(school) => {
                if importer.role == Role::Admin {
                    review.extend(identity::school_change(
                        org.line,
                        &org.sourced_id,
                        &school,
                        &org.name,
                        false,
                    ));
                }
                Some(school)
            }
            // Imported before sources were kept: this district's school
            // when its counselor imports it or the names agree; else the
            // importer confirms it (the transaction undoes it if refused).
            sources::SchoolOnFile::Unsourced(school) => {
                let theirs = importer.role == Role::Admin
                    || counselor_school::Entity::find_by_id((importer.id, school.id))
                        .one(&txn)
                        .await?
                        .is_some();
                if theirs {
                    if importer.role == Role::Admin {
                        review.extend(identity::school_change(
                            org.line,
                            &org.sourced_id,
                            &school,
                            &org.name,
                            true,
                        ));
                    }
                    sources::adopt_school(&txn, school.id, &source).await?;
                    summary.schools_adopted += 1;
                }
                Some(school)
            }
            sources::SchoolOnFile::Elsewhere {
                source: other,
                name,
            } => {
                if source == sources::UNNAMED {
                    refused.push(sources::school_held_by_source(
                        org.line,
                        &org.sourced_id,
                        &name,
                        &other,
                    ));
                    continue;
                }
                // Another district's school under the same id: this one
                // gets its own record, and the summary says so.
                summary.warnings.push(ImportWarning {
                    file: "orgs.csv",
                    line: org.line,
                    kind: "school-other-source",
                    missing: format!("{} ({name}, {other})", org.sourced_id),
                });
                None
            }
            sources::SchoolOnFile::None => None,
        };
        let id = match (existing, importer.role) {
            (Some(existing), Role::Admin) => {
                let mut model: school::ActiveModel = existing.into();
                model.name = Set(org.name.clone());
                if !org.zip.is_empty() {
                    model.zip = Set(org.zip.clone());
                }
                model.update(&txn).await?.id
            }
            (None, Role::Admin) => {
                school::ActiveModel {
                    name: Set(org.name.clone()),
                    sourced_id: Set(Some(org.sourced_id.clone())),
                    roster_source: Set(source.clone()),
                    zip: Set(org.zip.clone()),
                    created_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
            (Some(existing), _)
                if counselor_school::Entity::find_by_id((importer.id, existing.id))
                    .one(&txn)
                    .await?
                    .is_some() =>
            {
                existing.id
            }
            _ => {
                refused.push(ImportError {
                    file: "orgs.csv",
                    line: org.line,
                    message: say(
                        "roster-error-not-your-school",
                        vec![
                            ("name", org.name.as_str().into()),
                            ("id", org.sourced_id.as_str().into()),
                        ],
                    ),
                });
                continue;
            }
        };
        school_ids.insert(org.sourced_id.clone(), id);
    }
    if !refused.is_empty() {
        return Ok(Err(refused.into()));
    }
    summary.schools = school_ids.len();

    // Students of this roster's source (those of schools it just took in
    // from no source included).
    let mut existing: HashMap<String, student::Model> = HashMap::new();
    let listed_ids: Vec<&str> = students.iter().map(|s| s.sourced_id.as_str()).collect();
    for chunk in listed_ids.chunks(500) {
        for s in student::Entity::find()
            .filter(student::Column::SourcedId.is_in(chunk.iter().copied()))
            .filter(student::Column::RosterSource.eq(&source))
            .all(&txn)
            .await?
        {
            if let Some(id) = s.sourced_id.clone() {
                existing.insert(id, s);
            }
        }
    }
    // Students of these schools not listed (a bulk file makes them inactive).
    let schools_of_file: Vec<i32> = school_ids.values().copied().collect();
    for s in student::Entity::find()
        .filter(student::Column::SchoolId.is_in(schools_of_file.clone()))
        .filter(student::Column::SourcedId.is_not_null())
        .filter(student::Column::RosterSource.eq(&source))
        .all(&txn)
        .await?
    {
        if let Some(id) = s.sourced_id.clone() {
            existing.entry(id).or_insert(s);
        }
    }
    // An id another source holds where we cannot tell whose it is.
    let unmatched: Vec<(u64, &str)> = students
        .iter()
        .filter(|s| !existing.contains_key(&s.sourced_id))
        .map(|s| (s.line, s.sourced_id.as_str()))
        .collect();
    let elsewhere = sources::students_held_elsewhere(&txn, &source, &unmatched).await?;
    if !elsewhere.is_empty() {
        return Ok(Err(elsewhere.into()));
    }
    // A counselor's roster may not move a student in from a school that is
    // not theirs: that would hand them another school's records.
    if importer.role != Role::Admin {
        let own: HashSet<i32> = counselor_school::Entity::find()
            .filter(counselor_school::Column::UserId.eq(importer.id))
            .all(&txn)
            .await?
            .into_iter()
            .map(|a| a.school_id)
            .collect();
        let taken = held_elsewhere(
            students.iter().map(|s| (s.line, s.sourced_id.as_str())),
            |id| {
                existing
                    .get(id)
                    .is_some_and(|current| !own.contains(&current.school_id))
            },
            "roster-error-student-elsewhere",
        );
        if !taken.is_empty() {
            return Ok(Err(taken.into()));
        }
    }
    // Exports list a student's schools in no set order: one already at a
    // listed school stays there instead of moving between counselors.
    let mut assigned: Vec<i32> = students
        .iter()
        .map(|s| {
            let current = existing.get(&s.sourced_id);
            s.schools
                .iter()
                .map(|o| school_ids[o])
                .find(|id| current.is_some_and(|c| c.school_id == *id))
                .unwrap_or(school_ids[&s.schools[0]])
        })
        .collect();
    // Students a counselor added by hand that rows no id matched are (one
    // to one, by school, names and grade), and what about students matched
    // by id the importer must confirm (`identity`).
    let listed: Vec<identity::Listed<'_>> = students
        .iter()
        .zip(&assigned)
        .map(|(s, &school_id)| identity::Listed {
            line: s.line,
            sourced_id: &s.sourced_id,
            school_id,
            given_name: &s.given_name,
            family_name: &s.family_name,
            grade: s.grade,
            birth_date: s.demographics.as_ref().and_then(|d| d.birth_date),
            schools: s.schools.iter().map(|o| school_ids[o]).collect(),
        })
        .collect();
    let unmatched: Vec<usize> = (0..students.len())
        .filter(|&at| !existing.contains_key(&students[at].sourced_id))
        .collect();
    let hand_added = identity::HandAdded::of(&txn, &schools_of_file).await?;
    let (mut adopted, mut ambiguous) = hand_added.matches(&listed, &unmatched);
    // Rows under a new id that may be records whose ids the export no
    // longer lists (a district that re-keyed its students).
    // An id listed as leaving (`tobedeleted`, `enabledUser` false) may be
    // re-keyed too: a delta export of a re-key lists the old id leaving
    // and the new one joining.
    let staying_ids: HashSet<&str> = students
        .iter()
        .filter(|s| s.active)
        .map(|s| s.sourced_id.as_str())
        .collect();
    let leaving_ids: HashSet<&str> = listed_ids
        .into_iter()
        .filter(|id| !staying_ids.contains(id))
        .collect();
    let school_names: HashMap<i32, String> = orgs
        .iter()
        .map(|o| (school_ids[&o.sourced_id], o.name.clone()))
        .collect();
    // Only a row of someone still there (active) can be a re-keyed record.
    let unmatched_active: Vec<usize> = unmatched
        .iter()
        .copied()
        .filter(|&at| students[at].active)
        .collect();
    let rekeys = identity::Rekeys::find(
        &listed,
        &unmatched_active,
        &identity::OnFile {
            unlisted: existing
                .values()
                .filter(|s| s.active)
                .filter(|s| {
                    s.sourced_id
                        .as_deref()
                        .is_some_and(|id| !staying_ids.contains(id))
                })
                .collect(),
            leaving: &leaving_ids,
            hand_added: &hand_added,
            school_names: &school_names,
            new_year: identity::new_school_year(students.iter().zip(&listed).filter_map(
                |(s, row)| {
                    let current = existing.get(&s.sourced_id)?;
                    (current.active && s.active).then_some((current.grade, row.grade))
                },
            )),
            delta: roster.delta,
        },
    );
    // A row that may be a record under another id is not a hand-added
    // record's: the re-key's own hold says which records it may be.
    for at in &rekeys.rows {
        adopted.remove(at);
        ambiguous.retain(|e| e.line != listed[*at].line);
    }
    review.extend(ambiguous);
    review.extend(rekeys.held);
    for (at, (s, row)) in students.iter().zip(&listed).enumerate() {
        if let Some(current) = existing.get(&s.sourced_id).or(rekeys.moving.get(&at)) {
            review.extend(identity::student_changes(current, row));
        }
    }
    if !review.is_empty() && files.confirmed_review != Some(review.len()) {
        review.sort_by(|a, b| (a.file, a.line).cmp(&(b.file, b.line)));
        let count = review.len();
        return Ok(Err(Refusal {
            confirm_review: Some(count),
            ..review.into()
        }));
    }
    // Confirmed: each re-keyed record is on file under its new id from
    // here on, so it is updated as listed and does not depart, and stays
    // at its school when the row lists it there.
    let mut rekeyed: HashMap<usize, String> = HashMap::new();
    for (at, record) in rekeys.moving {
        let new_id = students[at].sourced_id.clone();
        if let Some(old_id) = record.sourced_id.clone() {
            existing.remove(&old_id);
            rekeyed.insert(at, old_id);
        }
        if listed[at].schools.contains(&record.school_id) {
            assigned[at] = record.school_id;
        }
        existing.insert(
            new_id.clone(),
            student::Model {
                sourced_id: Some(new_id),
                ..record
            },
        );
    }
    // Students of these schools missing from the roster become inactive
    // (history kept); a delta export lists only who changed. Unless that
    // would empty a school, or take most of it at once unconfirmed.
    // A school emptied is refused before anything is written; how many
    // leave at once is checked once the guardians are known too (the
    // transaction is not committed when refused, so nothing is written).
    let (mut changes, missing) = school_changes(
        orgs,
        &school_ids,
        &existing,
        students,
        &assigned,
        roster.delta,
    );
    if let Err(refusal) = departures::check_emptied(&changes) {
        return Ok(Err(refusal));
    }
    let rekeyed_away: HashSet<&str> = rekeyed.values().map(String::as_str).collect();
    // Where each student on file was before this import moves anyone: the
    // notices to contacts it ends speak for that school (eyes41 F1a).
    let was_at: crate::families::service::SchoolsBefore =
        existing.values().map(|s| (s.id, s.school_id)).collect();
    let mut new_rows = Vec::new();
    let total = students.len();
    for (n, (s, &school_id)) in students.iter().zip(&assigned).enumerate() {
        // The old id's own row (listed as leaving) is the record re-keyed
        // above, not someone new.
        if rekeyed_away.contains(s.sourced_id.as_str()) {
            continue;
        }
        let by_id = existing.get(&s.sourced_id);
        match by_id.or_else(|| adopted.get(&n)) {
            Some(current) => {
                let mut model: student::ActiveModel = current.clone().into();
                // A hand-added record takes the roster's id (and keeps
                // its account, history and id: nothing is counted twice).
                let adopting = by_id.is_none();
                if let Some(old_id) = rekeyed.get(&n) {
                    model.sourced_id = Set(Some(s.sourced_id.clone()));
                    summary.rekeyed += 1;
                    summary.warnings.push(ImportWarning {
                        file: "users.csv",
                        line: s.line,
                        kind: "rekeyed",
                        missing: format!(
                            "{} {} (#{}, “{old_id}”)",
                            current.first_name, current.last_name, current.id
                        ),
                    });
                    // Who holds a record under which id decides whose
                    // account and family it is: on the record, as guardians'.
                    if let Some(change) = crate::counseling::audit::changes(
                        &format!("roster: student {}", current.id),
                        &[("sourcedId", old_id.as_str(), s.sourced_id.as_str())],
                    ) {
                        crate::counseling::audit::record(
                            &txn,
                            importer.id,
                            crate::counseling::audit::AuditAction::RekeyStudent,
                            &change,
                        )
                        .await?;
                    }
                }
                if adopting {
                    model.sourced_id = Set(Some(s.sourced_id.clone()));
                    model.roster_source = Set(source.clone());
                    summary.adopted += 1;
                    summary.warnings.push(ImportWarning {
                        file: "users.csv",
                        line: s.line,
                        kind: "adopted",
                        missing: format!(
                            "{} {} (#{})",
                            current.first_name, current.last_name, current.id
                        ),
                    });
                }
                model.school_id.set_if_not_equals(school_id);
                model.first_name.set_if_not_equals(s.given_name.clone());
                model.last_name.set_if_not_equals(s.family_name.clone());
                model.grade.set_if_not_equals(s.grade);
                model.active.set_if_not_equals(s.active);
                if current.school_id != school_id {
                    summary.moved += 1;
                }
                // Listed as leaving (`tobedeleted`, `enabledUser` false):
                // made inactive as much as one left out.
                if current.active && !s.active {
                    summary.deactivated += 1;
                }
                // Without a demographics row what is stored stays, and so
                // does each value whose column the file lacks.
                if let Some(d) = &s.demographics {
                    model.gender.set_if_not_equals(d.gender.clone());
                    set_said(&mut model.race_ethnicity, &d.race_ethnicity);
                    set_said(&mut model.low_income, &d.low_income);
                    set_said(&mut model.english_learner, &d.english_learner);
                    set_said(&mut model.disability, &d.disability);
                    set_said(&mut model.first_generation, &d.first_generation);
                    if d.birth_date.is_some() {
                        model.date_of_birth.set_if_not_equals(d.birth_date);
                    }
                }
                if model.is_changed() {
                    let updated = model.update(&txn).await?;
                    summary.updated += usize::from(!adopting && !rekeyed.contains_key(&n));
                    if updated.date_of_birth != current.date_of_birth {
                        let effect = crate::placements::consent::after_birth_date(
                            &txn,
                            &updated,
                            crate::placements::consent::AdultPlacements::LeaveWaiting,
                        )
                        .await?;
                        summary.consent_asked += effect.waiting.len();
                        summary.consent_adults_waiting += effect.adults_waiting.len();
                    }
                }
            }
            None => {
                let d = s.demographics.clone().unwrap_or_default();
                new_rows.push(student::ActiveModel {
                    school_id: Set(school_id),
                    user_id: Set(None),
                    first_name: Set(s.given_name.clone()),
                    last_name: Set(s.family_name.clone()),
                    grade: Set(s.grade),
                    claim_code_hash: Set(None),
                    claim_code_expires_at: Set(None),
                    active: Set(s.active),
                    created_at: Set(Utc::now()),
                    date_of_birth: Set(d.birth_date),
                    sourced_id: Set(Some(s.sourced_id.clone())),
                    roster_source: Set(source.clone()),
                    gender: Set(d.gender.clone()),
                    race_ethnicity: Set(d.race_ethnicity.clone().flatten()),
                    low_income: Set(d.low_income.flatten()),
                    english_learner: Set(d.english_learner.flatten()),
                    disability: Set(d.disability.flatten()),
                    first_generation: Set(d.first_generation.flatten()),
                    ..Default::default()
                });
                summary.created += 1;
            }
        }
        if new_rows.len() == 500 {
            student::Entity::insert_many(std::mem::take(&mut new_rows))
                .exec_without_returning(&txn)
                .await?;
        }
        if n % 1000 == 999 {
            progress(n + 1, total);
        }
    }
    student::Entity::insert_many(new_rows)
        .exec_without_returning(&txn)
        .await?;
    progress(total, total);

    summary.deactivated += missing.len();
    for chunk in missing.chunks(500) {
        student::Entity::update_many()
            .col_expr(student::Column::Active, Expr::value(false))
            .filter(student::Column::Id.is_in(chunk.to_vec()))
            .exec(&txn)
            .await?;
    }
    let contacts = match import_guardians(
        &txn,
        importer,
        &roster,
        &source,
        &school_ids,
        &was_at,
        &mut summary,
    )
    .await?
    {
        Ok(contacts) => contacts,
        Err(refused) => return Ok(Err(refused.into())),
    };
    for change in &mut changes {
        if let Some(&(active, ending)) = contacts.get(&change.school_id) {
            change.guardians_active = active;
            change.guardians_ending = ending;
        }
    }
    if let Err(refusal) = departures::check(&changes, files.confirmed_inactive) {
        return Ok(Err(refusal));
    }
    // The audit keeps the counts; the warnings are on the counselor's page.
    let counts = ImportSummary {
        warnings: Vec::new(),
        ..summary.clone()
    };
    crate::counseling::audit::record(
        &txn,
        importer.id,
        crate::counseling::audit::AuditAction::ImportRoster,
        &format!("{counts:?}, {} warnings", summary.warnings.len()),
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(summary))
}

/// What the roster would do to the active students of each of its schools
/// (`existing`: the students of the roster's source it lists or its
/// schools hold, before the import;
/// `assigned`: the school each of `students` goes to), and the ids of the
/// students it leaves out, who become inactive. A listed student assigned
/// to another school leaves the one they are at (see `departures`).
fn school_changes(
    orgs: &[Org],
    school_ids: &HashMap<String, i32>,
    existing: &HashMap<String, student::Model>,
    students: &[Student],
    assigned: &[i32],
    delta: bool,
) -> (Vec<SchoolChange>, Vec<i32>) {
    let listed: HashMap<&str, (&Student, i32)> = students
        .iter()
        .zip(assigned)
        .map(|(s, school)| (s.sourced_id.as_str(), (s, *school)))
        .collect();
    let mut by_school: HashMap<i32, SchoolChange> = orgs
        .iter()
        .map(|org| {
            let school_id = school_ids[&org.sourced_id];
            let change = SchoolChange {
                school_id,
                line: org.line,
                name: org.name.clone(),
                sourced_id: org.sourced_id.clone(),
                ..Default::default()
            };
            (school_id, change)
        })
        .collect();
    let mut left_out = Vec::new();
    for current in existing.values().filter(|s| s.active) {
        let Some(change) = by_school.get_mut(&current.school_id) else {
            continue;
        };
        change.active += 1;
        match current.sourced_id.as_deref().and_then(|id| listed.get(id)) {
            Some((student, _)) if !student.active => change.leaving += 1,
            Some((_, school)) if *school != current.school_id => {
                change.leaving += 1;
                change.moved += 1;
            }
            Some(_) => {}
            None if !delta => {
                change.leaving += 1;
                change.left_out += 1;
                left_out.push(current.id);
            }
            None => change.unlisted_staying += 1,
        }
    }
    for (student, school) in students.iter().zip(assigned) {
        if let Some(change) = by_school.get_mut(school)
            && student.active
        {
            change.listed_active += 1;
        }
    }
    let mut changes: Vec<SchoolChange> = by_school.into_values().collect();
    changes.sort_by_key(|c| c.line);
    (changes, left_out)
}

/// Guardians of the roster: created or updated by sourcedId, linked to their
/// students (the roster's links replace earlier roster links of those
/// students; contacts a counselor added stay), and guardians of these
/// schools' students missing from the roster become inactive. A bulk
/// users.csv without any guardian row says nothing of guardians (a
/// students-only export): contacts and links stay. A counselor's roster
/// may not touch a guardian of a student at another school: that would
/// let them redirect another family's consent emails. Families whose
/// contacts changed are told (`contacts`); returns, per school, the
/// contacts of staying students and how many ended (`departures`).
async fn import_guardians(
    txn: &DatabaseTransaction,
    importer: &CurrentUser,
    roster: &Roster,
    source: &str,
    school_ids: &HashMap<String, i32>,
    was_at: &crate::families::service::SchoolsBefore,
    summary: &mut ImportSummary,
) -> AppResult<Result<contacts::Ended, Vec<ImportError>>> {
    let schools: Vec<i32> = school_ids.values().copied().collect();
    // Students of these schools, by sourcedId (after this import's writes).
    let on_file: Vec<student::Model> = student::Entity::find()
        .filter(student::Column::SchoolId.is_in(schools.clone()))
        .filter(student::Column::SourcedId.is_not_null())
        .filter(student::Column::RosterSource.eq(source))
        .all(txn)
        .await?;
    let staying: HashMap<i32, i32> = on_file
        .iter()
        .filter(|s| s.active)
        .map(|s| (s.id, s.school_id))
        .collect();
    let students: HashMap<String, i32> = on_file
        .into_iter()
        .filter_map(|s| s.sourced_id.map(|id| (id, s.id)))
        .collect();
    let student_ids: Vec<i32> = students.values().copied().collect();
    // Their contacts before the guardians are written.
    let before = contacts::Contacts::of(txn, &student_ids).await?;
    let linked_guardians: HashSet<i32> = before.guardian_ids().collect();
    // Whether users.csv says who all the guardians are: a bulk file with
    // guardian rows. Without any, it says nothing of them.
    let bulk = !roster.delta && !roster.guardians.is_empty();
    summary.guardians_unlisted = !roster.delta && roster.guardians.is_empty();
    let listed: Vec<String> = roster
        .guardians
        .iter()
        .map(|g| g.sourced_id.clone())
        .collect();
    let mut existing: HashMap<String, guardian::Model> = HashMap::new();
    for chunk in listed.chunks(500) {
        for g in guardian::Entity::find()
            .filter(guardian::Column::SourcedId.is_in(chunk.to_vec()))
            .filter(guardian::Column::RosterSource.eq(source))
            .all(txn)
            .await?
        {
            if let Some(id) = g.sourced_id.clone() {
                existing.insert(id, g);
            }
        }
    }
    // Guardians re-keyed with their students (`identity::guardian_rekeys`):
    // the contact takes the row's new id, before the checks below read it.
    let mut students_of: HashMap<&str, Vec<i32>> = HashMap::new();
    for (student, guardian) in &roster.links {
        if let Some(&record) = students.get(student) {
            students_of
                .entry(guardian.as_str())
                .or_default()
                .push(record);
        }
    }
    let new_guardians: Vec<identity::NewGuardian<'_>> = roster
        .guardians
        .iter()
        .filter(|g| g.active && !existing.contains_key(&g.sourced_id))
        .map(|g| identity::NewGuardian {
            sourced_id: &g.sourced_id,
            given_name: &g.given_name,
            family_name: &g.family_name,
            email: g.email.as_deref(),
            students: students_of
                .remove(g.sourced_id.as_str())
                .unwrap_or_default(),
        })
        .collect();
    let listed_staying: HashSet<&str> = roster
        .guardians
        .iter()
        .filter(|g| g.active)
        .map(|g| g.sourced_id.as_str())
        .collect();
    let mut rekeyed_away: HashSet<String> = HashSet::new();
    for (new_id, contact) in identity::guardian_rekeys(
        &new_guardians,
        &before.by_student(),
        &listed_staying,
        source,
    ) {
        if let Some(old_id) = &contact.sourced_id {
            existing.remove(old_id);
            rekeyed_away.insert(old_id.clone());
        }
        existing.insert(new_id, contact);
    }
    if importer.role != Role::Admin && !existing.is_empty() {
        let ids: Vec<i32> = existing.values().map(|g| g.id).collect();
        let mut foreign: HashSet<i32> = HashSet::new();
        for chunk in ids.chunks(500) {
            foreign.extend(crate::families::service::shared_beyond(txn, importer.id, chunk).await?);
        }
        let refused = held_elsewhere(
            roster
                .guardians
                .iter()
                .map(|g| (g.line, g.sourced_id.as_str())),
            |id| existing.get(id).is_some_and(|e| foreign.contains(&e.id)),
            "roster-error-guardian-elsewhere",
        );
        if !refused.is_empty() {
            return Ok(Err(refused));
        }
    }
    // A guardian address that reaches a staff or employer inbox gets no
    // consent link (`families::reachable_by_email`): say so on its line.
    let staff = crate::families::service::StaffInboxes::load(txn).await?;
    for g in &roster.guardians {
        if let Some(email) = g.email.as_deref()
            && staff.reach(email)
        {
            summary.warnings.push(ImportWarning {
                file: "users.csv",
                line: g.line,
                kind: "staff-address",
                missing: email.to_owned(),
            });
        }
    }
    // Addresses counselors took off a contact by hand: a roster does not
    // bring one back, on that contact or on a new one (eyes14c F1).
    let removed: HashSet<String> = guardian::Entity::find()
        .filter(guardian::Column::EmailReplaced.is_not_null())
        .all(txn)
        .await?
        .into_iter()
        .filter_map(|g| g.email_replaced)
        .map(|e| crate::families::service::inbox(&e))
        .collect();
    let removed_by_counselor = |email: Option<&str>| {
        email.is_some_and(|e| removed.contains(&crate::families::service::inbox(e)))
    };
    let now = Utc::now();
    let mut new_rows = Vec::new();
    // Guardians whose former address is told of a new one here.
    let mut told: HashSet<i32> = HashSet::new();
    for g in &roster.guardians {
        // The old id's own row (listed as leaving) is the contact re-keyed
        // above.
        if rekeyed_away.contains(&g.sourced_id) {
            continue;
        }
        match existing.get(&g.sourced_id) {
            Some(current) => {
                use crate::families::service::same_address;
                // An address a counselor corrected by hand stays over one
                // the roster still holds (an SIS lags behind the school):
                // the summary names the contact so someone decides
                // (eyes14a F4). A roster that agrees again ends the mark.
                let changes_address = !same_address(current.email.as_deref(), g.email.as_deref());
                let kept = changes_address
                    && (current.email_corrected_at.is_some()
                        || removed_by_counselor(g.email.as_deref()));
                // A contact the roster ends is ended whatever its address.
                if kept && g.active {
                    summary.warnings.push(ImportWarning {
                        file: "users.csv",
                        line: g.line,
                        kind: "corrected-address",
                        missing: format!("{} {}", current.given_name, current.family_name),
                    });
                }
                let g = &Guardian {
                    email: if kept {
                        current.email.clone()
                    } else {
                        g.email.clone()
                    },
                    ..g.clone()
                };
                // Re-keyed with their student: the new id is on the record.
                let old_id = current.sourced_id.as_deref().unwrap_or_default();
                let rekeyed = old_id != g.sourced_id;
                if rekeyed {
                    summary.warnings.push(ImportWarning {
                        file: "users.csv",
                        line: g.line,
                        kind: "guardian-rekeyed",
                        missing: format!(
                            "{} {} (“{old_id}”)",
                            current.given_name, current.family_name
                        ),
                    });
                    if let Some(change) = crate::counseling::audit::changes(
                        &format!("roster: guardian {}", current.id),
                        &[("sourcedId", old_id, g.sourced_id.as_str())],
                    ) {
                        crate::counseling::audit::record(
                            txn,
                            importer.id,
                            crate::counseling::audit::AuditAction::CorrectGuardian,
                            &change,
                        )
                        .await?;
                    }
                }
                // The roster agrees with a correction again: the mark ends.
                let caught_up = current.email_corrected_at.is_some() && !kept;
                let unchanged = !rekeyed
                    && !caught_up
                    && current.given_name == g.given_name
                    && current.family_name == g.family_name
                    && current.email == g.email
                    && current.phone == g.phone
                    && g.language.as_ref().is_none_or(|l| *l == current.language)
                    && current.active == g.active;
                if !unchanged {
                    use crate::families::service::{contact_change, tell_former_address};
                    // The address they leave is told here; a contact made
                    // inactive is told with those unlinked (`contacts`),
                    // while a student of theirs stays.
                    tell_former_address(txn, current, g.email.as_deref(), current.active, was_at)
                        .await?;
                    if current.email.as_deref().is_some_and(|e| !e.is_empty())
                        && !same_address(current.email.as_deref(), g.email.as_deref())
                    {
                        told.insert(current.id);
                    }
                    // Who controls a guardian's address controls consent:
                    // each change of reach is on the record, as from the form.
                    let change = contact_change(current, g.email.as_deref(), g.active);
                    if !change.is_empty() {
                        crate::counseling::audit::record(
                            txn,
                            importer.id,
                            crate::counseling::audit::AuditAction::CorrectGuardian,
                            &format!("roster: guardian {}{change}", current.id),
                        )
                        .await?;
                    }
                    let mut model: guardian::ActiveModel = current.clone().into();
                    model.sourced_id = Set(Some(g.sourced_id.clone()));
                    model.given_name = Set(g.given_name.clone());
                    model.family_name = Set(g.family_name.clone());
                    model.email = Set(g.email.clone());
                    model.phone = Set(g.phone.clone());
                    // An empty column keeps what was recorded; the
                    // guardian's own choice (`language_chosen`) is theirs.
                    if let Some(language) = &g.language {
                        model.language = Set(language.clone());
                    }
                    model.active = Set(g.active);
                    if !kept {
                        model.email_corrected_at = Set(None);
                    }
                    model.updated_at = Set(now);
                    model.update(txn).await?;
                    summary.guardians_updated += 1;
                }
            }
            None => {
                let email = if removed_by_counselor(g.email.as_deref()) {
                    summary.warnings.push(ImportWarning {
                        file: "users.csv",
                        line: g.line,
                        kind: "removed-address",
                        missing: g.email.clone().unwrap_or_default(),
                    });
                    None
                } else {
                    g.email.clone()
                };
                new_rows.push(guardian::ActiveModel {
                    sourced_id: Set(Some(g.sourced_id.clone())),
                    roster_source: Set(source.to_owned()),
                    given_name: Set(g.given_name.clone()),
                    family_name: Set(g.family_name.clone()),
                    email: Set(email),
                    phone: Set(g.phone.clone()),
                    // Empty: the school has not said (see `lang_of`).
                    language: Set(g.language.clone().unwrap_or_default()),
                    active: Set(g.active),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                });
                summary.guardians_created += 1;
            }
        }
    }
    for chunk in new_rows.chunks(500) {
        guardian::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    // Ids of every listed guardian, now that all exist.
    let mut guardian_ids: HashMap<String, i32> = HashMap::new();
    for chunk in listed.chunks(500) {
        for g in guardian::Entity::find()
            .filter(guardian::Column::SourcedId.is_in(chunk.to_vec()))
            .filter(guardian::Column::RosterSource.eq(source))
            .all(txn)
            .await?
        {
            if let Some(id) = g.sourced_id {
                guardian_ids.insert(id, g.id);
            }
        }
    }
    // Roster guardians of these students that the roster no longer lists.
    let listed_ids: HashSet<i32> = guardian_ids.values().copied().collect();
    let missing: Vec<i32> = if bulk {
        linked_guardians
            .iter()
            .copied()
            .filter(|id| !listed_ids.contains(id))
            .collect()
    } else {
        Vec::new()
    };
    for chunk in missing.chunks(500) {
        let result = guardian::Entity::update_many()
            .col_expr(guardian::Column::Active, Expr::value(false))
            .col_expr(guardian::Column::UpdatedAt, Expr::value(now))
            .filter(guardian::Column::Id.is_in(chunk.to_vec()))
            .filter(guardian::Column::SourcedId.is_not_null())
            .filter(guardian::Column::Active.eq(true))
            .exec(txn)
            .await?;
        summary.guardians_deactivated += result.rows_affected as usize;
    }
    // The roster's links replace the earlier roster links of its students:
    // with every roster guardian of theirs in a bulk export, with the
    // guardians it lists in a delta one (a guardian it leaves out is
    // unchanged, links included).
    let roster_students: Vec<i32> = roster
        .students
        .iter()
        .filter_map(|s| students.get(&s.sourced_id).copied())
        .collect();
    let roster_guardians: Vec<i32> = {
        let mut all: HashSet<i32> = if bulk {
            linked_guardians
        } else {
            HashSet::new()
        };
        all.extend(listed_ids.iter().copied());
        let all: Vec<i32> = all.into_iter().collect();
        let mut sourced = Vec::new();
        for chunk in all.chunks(500) {
            sourced.extend(
                guardian::Entity::find()
                    .filter(guardian::Column::Id.is_in(chunk.to_vec()))
                    .filter(guardian::Column::SourcedId.is_not_null())
                    .all(txn)
                    .await?
                    .into_iter()
                    .map(|g| g.id),
            );
        }
        sourced
    };
    for students_chunk in roster_students.chunks(500) {
        for guardians_chunk in roster_guardians.chunks(500) {
            student_guardian::Entity::delete_many()
                .filter(student_guardian::Column::StudentId.is_in(students_chunk.to_vec()))
                .filter(student_guardian::Column::GuardianId.is_in(guardians_chunk.to_vec()))
                .exec(txn)
                .await?;
        }
    }
    let links: Vec<student_guardian::ActiveModel> = roster
        .links
        .iter()
        .filter_map(|(student, guardian)| {
            Some(student_guardian::ActiveModel {
                student_id: Set(*students.get(student)?),
                guardian_id: Set(*guardian_ids.get(guardian)?),
            })
        })
        .collect();
    for chunk in links.chunks(500) {
        student_guardian::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    // Who is told, and what is on the record, of the families' contacts.
    let after = contacts::Contacts::of(txn, &student_ids).await?;
    let waiting: HashSet<i32> = students_waiting_for_consent(txn, &roster_students)
        .await?
        .into_iter()
        .collect();
    let ended = contacts::tell(
        txn,
        importer,
        &before,
        &after,
        contacts::Students {
            staying: &staying,
            waiting: &waiting,
            was_at,
        },
        &told,
        &listed_ids,
    )
    .await?;
    // A consent link sent to a guardian the roster unlinked, made inactive
    // or gave another address ends; guardians without a working link get one.
    let refreshed = crate::placements::consent::refresh_links(txn, &roster_students, now).await?;
    summary.consent_requested += refreshed.asked - refreshed.asked_again;
    summary.consent_resent += refreshed.asked_again;
    Ok(Ok(ended))
}

/// Students of `students` with a placement waiting for consent.
async fn students_waiting_for_consent(
    txn: &DatabaseTransaction,
    students: &[i32],
) -> AppResult<Vec<i32>> {
    let mut waiting = Vec::new();
    for chunk in students.chunks(500) {
        waiting.extend(
            entity::placement::Entity::find()
                .select_only()
                .column(entity::placement::Column::StudentId)
                .filter(entity::placement::Column::StudentId.is_in(chunk.to_vec()))
                .filter(
                    entity::placement::Column::Status.eq(entity::PlacementStatus::AwaitingConsent),
                )
                .distinct()
                .into_tuple::<i32>()
                .all(txn)
                .await?,
        );
    }
    Ok(waiting)
}

/// A roster's change to one guardian contact, on the record.
pub(super) async fn audit_contact(
    txn: &DatabaseTransaction,
    importer: &CurrentUser,
    guardian_id: i32,
    change: &str,
) -> AppResult<()> {
    crate::counseling::audit::record(
        txn,
        importer.id,
        crate::counseling::audit::AuditAction::CorrectGuardian,
        &format!("roster: guardian {guardian_id}{change}"),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A problem as the command line writes it: in English.
    #[derive(Debug, PartialEq)]
    struct Expected {
        file: &'static str,
        line: u64,
        message: String,
    }

    impl std::fmt::Display for Expected {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{} line {}: {}", self.file, self.line, self.message)
        }
    }

    fn english(errors: &[ImportError]) -> Vec<Expected> {
        errors
            .iter()
            .map(|e| Expected {
                file: e.file,
                line: e.line,
                message: e.text(Lang::En),
            })
            .collect()
    }

    fn files(orgs: &str, users: &str, demographics: &str) -> RosterFiles {
        RosterFiles {
            orgs: orgs.into(),
            users: users.into(),
            demographics: demographics.into(),
            manifest: Vec::new(),
            confirmed_inactive: None,
            source: None,
            confirmed_review: None,
        }
    }

    const ORGS: &str = "sourcedId,name,type\nsch-1,Lincoln High,school\n";
    const USERS: &str = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\nstu-1,true,sch-1,student,Ana,Rivera,11\n";
    const DEMOGRAPHICS: &str = "sourcedId,birthDate,sex,americanIndianOrAlaskaNative,asian,\
        blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,\
        demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,metadata.lowIncome,\
        metadata.englishLearner,metadata.disability,metadata.firstGeneration\n\
        stu-1,2009-05-01,female,false,false,false,false,false,false,true,true,,false,\n";

    #[test]
    fn several_grades_give_the_highest_younger_ones_are_not_served_and_a_bad_one_refuses() {
        assert_eq!(grade("10,11"), Grades::Served(11));
        assert_eq!(grade(" 09 , 10 "), Grades::Served(10));
        assert_eq!(grade("11"), Grades::Served(11));
        assert_eq!(grade("05,06"), Grades::Served(6));
        for younger in [
            "KG", "PK", "05", "1", "Other", "UG", "kg,01", "", "K", "Pre-K", "prek", "3rd",
        ] {
            assert_eq!(grade(younger), Grades::NotServed, "{younger}");
        }
        // As district exports and Excel write grades (eyes14b F4).
        for (written, served) in [("9th", 9), ("Grade 10", 10), ("11.0", 11), ("12th", 12)] {
            assert_eq!(grade(written), Grades::Served(served), "{written}");
        }
        for (written, served) in [
            ("grade 9", 9),
            ("GRADE 10", 10),
            ("9th Grade", 9),
            ("10;11", 11),
        ] {
            assert_eq!(grade(written), Grades::Served(served), "{written}");
        }
        for bad in ["14", "0", "ninth", "10,grade", "9-12", "grade"] {
            assert_eq!(grade(bad), Grades::Invalid, "{bad}");
        }
    }

    #[test]
    fn birth_dates_are_read_as_exports_and_excel_write_them() {
        let day = NaiveDate::from_ymd_opt(2010, 4, 12);
        for written in [
            "2010-04-12",
            "2010-04-12T00:00:00Z",
            "2010-04-12 00:00:00.000",
        ] {
            assert_eq!(birth_date(written), day, "{written}");
        }
        for bad in [
            "12.04.2010",
            "4/12/2010",
            "01/05/2009",
            "2010/04/12",
            "12-04-2010",
        ] {
            assert_eq!(birth_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn what_real_exports_write_is_read() {
        // Header names in another case, a date with a time, M/F and
        // OneRoster 1.2's unspecified, a teacher's demographics, a
        // kindergartner, and TOBEDELETED in capitals.
        let users = "SourcedID,EnabledUser,OrgSourcedIds,Role,GivenName,FamilyName,Grades,Status\n\
                     stu-1,true,sch-1,student,Ana,Rivera,09,active\n\
                     stu-2,true,sch-1,student,Ben,Ko,KG,active\n\
                     stu-3,true,sch-1,student,Cy,Li,10,TOBEDELETED\n\
                     tch-1,true,sch-1,teacher,Tess,Ng,,active\n";
        let demographics = "sourcedId,birthDate,sex\n\
                            stu-1,2010-05-06T00:00:00Z,F\n\
                            stu-3,2009-01-02,unspecified\n\
                            tch-1,1980-01-01,M\n\
                            gone-1,2009-01-02,M\n";
        let roster = validate(&files(ORGS, users, demographics)).unwrap();
        let ana = &roster.students[0];
        let d = ana.demographics.as_ref().unwrap();
        assert_eq!(d.gender.as_deref(), Some("Female"));
        assert_eq!(d.birth_date, NaiveDate::from_ymd_opt(2010, 5, 6));
        assert_eq!(ana.grade, 9);
        assert_eq!(roster.students.len(), 2, "the kindergartner is left out");
        assert!(!roster.students[1].active, "TOBEDELETED");
        let kinds: Vec<(&str, &str)> = roster
            .warnings
            .iter()
            .map(|w| (w.kind, w.missing.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("grade", "stu-2"),
                (
                    "columns",
                    "metadata.lowIncome, metadata.englishLearner, metadata.disability, metadata.firstGeneration"
                ),
                (
                    "race-columns",
                    "americanIndianOrAlaskaNative, asian, blackOrAfricanAmerican, nativeHawaiianOrOtherPacificIslander, white, demographicRaceTwoOrMoreRaces, hispanicOrLatinoEthnicity"
                ),
                ("demographics", "gone-1"),
            ]
        );
    }

    #[test]
    fn without_demographics_or_with_a_delta_manifest_nothing_is_taken_as_gone() {
        let roster = validate(&files(ORGS, USERS, "")).unwrap();
        assert!(roster.students[0].demographics.is_none());
        assert!(!roster.delta);
        let mut delta = files(ORGS, USERS, DEMOGRAPHICS);
        delta.manifest = b"propertyName,value\nmanifest.version,1.0\nfile.users,delta\n".to_vec();
        assert!(validate(&delta).unwrap().delta);
        let mut bulk = files(ORGS, USERS, DEMOGRAPHICS);
        bulk.manifest = b"propertyName,value\nfile.users,bulk\n".to_vec();
        assert!(!validate(&bulk).unwrap().delta);
    }

    #[test]
    fn utf8_is_read_as_is_and_anything_else_as_windows_1252_unless_it_is_neither() {
        let read =
            |bytes: &[u8]| decode(bytes).map(|(text, encoding)| (text.into_owned(), encoding));
        assert_eq!(
            read("\u{feff}José\n".as_bytes()),
            Ok(("José\n".to_owned(), Encoding::Utf8))
        );
        assert_eq!(
            read(b"Jos\xe9 Pe\xf1a \x93quoted\x94\n"),
            Ok(("José Peña “quoted”\n".to_owned(), Encoding::Windows1252))
        );
        // Excel for Mac's "CSV (Macintosh)": the same names, other bytes.
        let (mac, _, _) =
            encoding_rs::MACINTOSH.encode("José Núñez,Zoë Çelik,Íñigo Ortíz-Müller\r");
        assert_eq!(
            decode(&mac).map(|(text, encoding)| (text.into_owned(), encoding)),
            Ok((
                "José Núñez,Zoë Çelik,Íñigo Ortíz-Müller\r".to_owned(),
                Encoding::MacRoman
            ))
        );
        // UTF-16 (NUL bytes, undefined 0x81...), and UTF-8 with a stray byte.
        assert_eq!(
            read(b"a\nb\n\xff\xfea\x00b\x00"),
            Err(Unreadable::NotText(3))
        );
        assert_eq!(read(b"a\n\x81\n"), Err(Unreadable::NotText(2)));
        assert_eq!(
            read(
                "Jos\u{e9}\n"
                    .as_bytes()
                    .iter()
                    .copied()
                    .chain(*b"Pe\xf1a")
                    .collect::<Vec<_>>()
                    .as_slice()
            ),
            Err(Unreadable::NotText(2))
        );
        // A zip of CSV files, an .xlsx workbook (a zip holding xl/), and
        // an old .xls (an OLE2 compound file).
        assert_eq!(
            read(b"PK\x03\x04\x14\x00\x00\x00orgs.csv\x8b"),
            Err(Unreadable::Zip)
        );
        assert_eq!(
            read(b"PK\x03\x04\x14\x00[Content_Types].xml\x8dPK\x03\x04xl/workbook.xml"),
            Err(Unreadable::Workbook)
        );
        assert_eq!(
            read(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x3E\x00\x03\x00\xFE\xFF"),
            Err(Unreadable::Workbook)
        );
        // "PK" at the start of a text file is a name, not a signature.
        assert!(read(b"PK,school\n").is_ok());
    }

    #[test]
    fn a_name_with_a_line_break_is_refused_saying_so() {
        let users = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\nstu-1,true,sch-1,student,\"Ana\nLuisa\",Rivera,11\n";
        let Err(errors) = validate(&files(ORGS, users, DEMOGRAPHICS)) else {
            panic!("a line break in a name is refused");
        };
        let messages: Vec<String> = errors.iter().map(|e| e.text(Lang::En)).collect();
        assert_eq!(
            messages,
            [
                "givenName and familyName cannot hold a line break, a tab or another control character."
            ]
        );
    }

    #[test]
    fn direction_controls_are_dropped_from_names() {
        let users = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\nstu-1,true,sch-1,student,\u{2067}Ana\u{2069},\u{202E}Rivera,11\n";
        let roster = validate(&files(ORGS, users, DEMOGRAPHICS)).expect("valid");
        let ana = &roster.students[0];
        assert_eq!(
            (ana.given_name.as_str(), ana.family_name.as_str()),
            ("Ana", "Rivera")
        );
        // A name of nothing but controls is no name.
        let users = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\nstu-1,true,sch-1,student,Ana,\u{202E},11\n";
        assert!(validate(&files(ORGS, users, DEMOGRAPHICS)).is_err());
    }

    #[test]
    fn lines_are_counted_alike_for_lf_crlf_and_quoted_line_breaks() {
        for (text, expected) in [
            ("id,note\na,x\nb,y\n", vec![2, 3]),
            ("id,note\r\na,x\r\nb,y\r\n", vec![2, 3]),
            // A quoted value's line break stays in its cell: one row.
            ("id,note\r\na,\"two\r\nlines\"\r\nb,y\r\n", vec![2, 3]),
            (
                "id,note\na,\"two\nlines, \"\"quoted\"\"\"\nb,y\n",
                vec![2, 3],
            ),
            // A quote inside an unquoted value opens nothing.
            ("id,note\na,5\" tall\nb,y\n", vec![2, 3]),
            // An empty line is a row of a spreadsheet; lone CRs end rows.
            ("id,note\n\na,x\nb,y\n", vec![3, 4]),
            ("id,note\ra,x\rb,y\r", vec![2, 3]),
        ] {
            let mut errors = Errors::default();
            let table =
                parse_table("users.csv", text.as_bytes(), &["id"], &mut errors).expect("parses");
            let lines: Vec<u64> = table.rows.iter().map(|(line, _)| *line).collect();
            assert_eq!(lines, expected, "{text:?}");
        }
    }

    #[test]
    fn semicolon_and_tab_separated_files_are_read_by_their_header() {
        let users_semicolons = "sourcedId;enabledUser;orgSourcedIds;role;givenName;familyName;grades\n\
             stu-1;true;sch-1;student;Ana;\"Rivera, Jr.\";10,11\n";
        let orgs_tabs = "sourcedId\tname\ttype\nsch-1\tLincoln High; North\tschool\n";
        let roster = validate(&files(orgs_tabs, users_semicolons, "")).expect("read");
        assert_eq!(roster.orgs[0].name, "Lincoln High; North");
        let ana = &roster.students[0];
        assert_eq!((ana.family_name.as_str(), ana.grade), ("Rivera, Jr.", 11));
        // A comma file whose quoted values hold semicolons stays a comma file.
        let orgs = "sourcedId,name,type\nsch-1,\"Lincoln; North\",school\n";
        assert_eq!(
            validate(&files(orgs, USERS, "")).expect("read").orgs[0].name,
            "Lincoln; North"
        );
        // Missing a column: the message says how the file was split.
        let errors = validate(&files(
            ORGS,
            "sourcedId;enabledUser;orgSourcedIds;role;givenName;familyName\nstu-1;true;sch-1;student;Ana;Rivera\n",
            "",
        ))
        .expect_err("grades is missing");
        assert_eq!(
            errors[0].text(Lang::En),
            "Missing column(s): grades. This file's values are separated by semicolons, \
             and its header line, read that way, lacks them."
        );
    }

    #[test]
    fn a_file_past_the_row_cap_is_refused_with_a_clear_message() {
        let mut users = String::from("sourcedId\n");
        for n in 0..=MAX_ROWS {
            users.push_str(&format!("{n}\n"));
        }
        let mut errors = Errors::default();
        assert!(parse_table("users.csv", users.as_bytes(), &["sourcedId"], &mut errors).is_none());
        let errors = errors.0;
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].text(Lang::En).contains("more than 200000 rows"),
            "{}",
            errors[0]
        );
        assert_eq!(errors[0].line, MAX_ROWS as u64 + 2);
    }

    #[test]
    fn a_valid_roster_parses_with_demographics() {
        let roster = validate(&files(ORGS, USERS, DEMOGRAPHICS)).unwrap();
        assert_eq!(roster.orgs.len(), 1);
        let ana = &roster.students[0];
        assert_eq!((ana.grade, ana.active), (11, true));
        let d = ana.demographics.as_ref().unwrap();
        assert_eq!(
            d.race_ethnicity,
            Some(Some("Hispanic or Latino".to_owned()))
        );
        assert_eq!(d.low_income, Some(Some(true)));
        assert_eq!(d.english_learner, Some(None), "an empty cell clears");
        assert_eq!(d.disability, Some(Some(false)));
        assert!(roster.warnings.is_empty(), "{:?}", roster.warnings);
    }

    #[test]
    fn a_column_the_file_lacks_says_nothing_and_is_named_in_a_warning() {
        // A plain OneRoster export: race columns but no extension columns;
        // and a file with only the required columns, so no race either.
        let plain = "sourcedId,birthDate,sex,americanIndianOrAlaskaNative,asian,\
            blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,\
            demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity\n\
            stu-1,2009-05-01,female,false,true,false,false,false,false,false\n";
        let roster = validate(&files(ORGS, USERS, plain)).unwrap();
        let d = roster.students[0].demographics.as_ref().unwrap();
        assert_eq!(d.race_ethnicity, Some(Some("Asian".to_owned())));
        assert_eq!(
            (
                d.low_income,
                d.english_learner,
                d.disability,
                d.first_generation
            ),
            (None, None, None, None)
        );
        let kinds: Vec<(&str, u64, &str)> = roster
            .warnings
            .iter()
            .map(|w| (w.kind, w.line, w.missing.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [(
                "columns",
                1,
                "metadata.lowIncome, metadata.englishLearner, metadata.disability, metadata.firstGeneration"
            )]
        );

        let minimal =
            "sourcedId,birthDate,sex,hispanicOrLatinoEthnicity\nstu-1,2009-05-01,F,true\n";
        let roster = validate(&files(ORGS, USERS, minimal)).unwrap();
        let d = roster.students[0].demographics.as_ref().unwrap();
        assert_eq!(
            d.race_ethnicity,
            Some(Some("Hispanic or Latino".to_owned())),
            "the ethnicity column decides alone"
        );
        assert_eq!(d.gender.as_deref(), Some("Female"));
        assert_eq!(roster.warnings[1].kind, "race-columns");
        assert_eq!(
            roster.warnings[1].missing,
            "americanIndianOrAlaskaNative, asian, blackOrAfricanAmerican, \
             nativeHawaiianOrOtherPacificIslander, white, demographicRaceTwoOrMoreRaces"
        );
        let partial = "sourcedId,birthDate,sex,white,hispanicOrLatinoEthnicity\n\
            stu-1,2009-05-01,F,false,false\n";
        let roster = validate(&files(ORGS, USERS, partial)).unwrap();
        let d = roster.students[0].demographics.as_ref().unwrap();
        assert_eq!(
            d.race_ethnicity, None,
            "marked in none: what is on file stays"
        );
    }

    #[test]
    fn each_kind_of_bad_file_names_the_file_and_line() {
        let cases: Vec<(RosterFiles, Expected)> = vec![
            (
                files("sourcedId,name\nsch-1,Lincoln\n", USERS, DEMOGRAPHICS),
                Expected {
                    file: "orgs.csv",
                    line: 1,
                    message: "Missing column(s): type.".into(),
                },
            ),
            (
                files(
                    ORGS,
                    USERS,
                    "sourcedId,birthDate,sex\nstu-1,01/05/2009,female\n",
                ),
                Expected {
                    file: "demographics.csv",
                    line: 2,
                    message: "birthDate must be a date like 2010-04-23, not “01/05/2009”: with \
                              slashes, a date can be read as two different days. Excel writes dates \
                              this way each time it saves: in Excel, select the column, choose Format \
                              Cells, Custom, type yyyy-mm-dd, then save as “CSV UTF-8”."
                        .into(),
                },
            ),
            (
                files(
                    ORGS,
                    "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades\nstu-1,true,sch-9,student,Ana,Rivera,11\n",
                    "sourcedId,birthDate,sex\n",
                ),
                Expected {
                    file: "users.csv",
                    line: 2,
                    message: "orgSourcedIds “sch-9” names no school of orgs.csv.".into(),
                },
            ),
            (
                files(
                    ORGS,
                    &format!("{USERS}stu-1,true,sch-1,student,Ana,Again,11\n"),
                    DEMOGRAPHICS,
                ),
                Expected {
                    file: "users.csv",
                    line: 3,
                    message: "Duplicate sourcedId “stu-1”.".into(),
                },
            ),
            (
                files(ORGS, "", DEMOGRAPHICS),
                Expected {
                    file: "users.csv",
                    line: 1,
                    message: "The file is empty: it needs a header line and rows.".into(),
                },
            ),
            (
                RosterFiles {
                    orgs: ORGS.into(),
                    users: b"sourcedId,enabledUser\n\x81\x8d,true\n".to_vec(),
                    demographics: DEMOGRAPHICS.into(),
                    manifest: Vec::new(),
                    confirmed_inactive: None,
                    source: None,
                    confirmed_review: None,
                },
                Expected {
                    file: "users.csv",
                    line: 2,
                    message:
                        "This file is neither UTF-8 nor Windows-1252 text. Save it as CSV UTF-8 \
                         and upload it again."
                            .into(),
                },
            ),
            (
                files(
                    ORGS,
                    USERS,
                    "sourcedId,birthDate,sex,metadata.englishLearner\nstu-1,2009-05-01,female,maybe\n",
                ),
                Expected {
                    file: "demographics.csv",
                    line: 2,
                    message: "metadata.englishLearner must be true or false (yes, no, Y, N, 1 and 0 are read too), not “maybe”.".into(),
                },
            ),
        ];
        // Another format than OneRoster 1.1 is named, with what to do.
        let cases = cases.into_iter().chain([
            (
                files(
                    ORGS,
                    "sourcedId,status,enabledUser,primaryOrgSourcedId,givenName,familyName,grades\n",
                    "",
                ),
                Expected {
                    file: "users.csv",
                    line: 1,
                    message: "This looks like a OneRoster 1.2 export (it has primaryOrgSourcedId). \
                              STEMbridge reads OneRoster 1.1: choose version 1.1 when you export from \
                              your student information system."
                        .into(),
                },
            ),
            (
                files(ORGS, "School_id,Student_id,First_name,Last_name,Grade\n", ""),
                Expected {
                    file: "users.csv",
                    line: 1,
                    message: "This looks like Clever's own format (it has Student_id or School_id). \
                              Export OneRoster 1.1 files from your student information system instead."
                        .into(),
                },
            ),
        ]);
        for (roster, expected) in cases {
            let errors = english(&validate(&roster).expect_err(&expected.message));
            assert!(
                errors.contains(&expected),
                "expected {expected}, got {errors:?}"
            );
        }
    }

    #[test]
    fn guardians_come_in_with_their_links_and_language_despite_export_quirks() {
        // BOM, CRLF, quoted fields with commas, role case, empty optional
        // columns, an unknown extra column, both link directions and separators.
        let users = "\u{feff}sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,sms,phone,agentSourcedIds,metadata.language,x-vendor\r\n\
stu-1,true,sch-1,Student,Ana,Rivera,11,,,,par-1;par-2;tch-9,,z\r\n\
par-1,true,,PARENT,María,\"Rivera, López\",,Maria@Example.org,,555-0100,,es-MX,\r\n\
par-2,true,,guardian,José,Rivera,,,,,stu-1,,\r\n\
rel-1,,,Relative,Tía,Rosa,,rosa@example.org,555-0101,,\"stu-1, \",es,\r\n";
        let roster = validate(&files(ORGS, users, DEMOGRAPHICS)).unwrap();
        assert_eq!(roster.students.len(), 1);
        assert_eq!(roster.guardians.len(), 3);
        let maria = &roster.guardians[0];
        assert_eq!(maria.family_name, "Rivera, López");
        assert_eq!(maria.email.as_deref(), Some("maria@example.org"));
        assert_eq!(
            maria.language.as_deref(),
            Some("es"),
            "es-MX is read as Spanish"
        );
        assert_eq!(maria.phone.as_deref(), Some("555-0100"));
        assert_eq!(
            roster.guardians[1].language, None,
            "an empty column says nothing"
        );
        assert_eq!(
            roster.guardians[2].phone.as_deref(),
            Some("555-0101"),
            "sms first"
        );
        let mut links = roster.links.clone();
        links.sort();
        assert_eq!(
            links,
            vec![
                ("stu-1".to_owned(), "par-1".to_owned()),
                ("stu-1".to_owned(), "par-2".to_owned()),
                ("stu-1".to_owned(), "rel-1".to_owned()),
            ],
            "each link once, whichever row names it; an id of no one in the file is left out"
        );
    }

    #[test]
    fn a_home_language_under_another_column_or_on_the_students_row_reaches_the_family() {
        let users = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.homeLanguage\n\
stu-1,true,sch-1,student,Ana,Rivera,11,,par-1,Spanish\n\
par-1,true,,parent,María,Rivera,,maria@example.org,stu-1,\n\
par-2,true,,parent,Thảo,Nguyễn,,thao@example.org,stu-1,vie\n";
        let roster = validate(&files(ORGS, users, DEMOGRAPHICS)).unwrap();
        let language = |id: &str| {
            roster
                .guardians
                .iter()
                .find(|g| g.sourced_id == id)
                .and_then(|g| g.language.clone())
        };
        assert_eq!(language("par-1").as_deref(), Some("es"), "from Ana's row");
        assert_eq!(
            language("par-2").as_deref(),
            Some("vi"),
            "her own row first"
        );
    }

    #[test]
    fn guardian_languages_are_read_however_the_export_writes_them_and_unknown_ones_warn() {
        let mut users = String::from(
            "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n\
             stu-1,true,sch-1,student,Ana,Rivera,11,,,\n",
        );
        let written = [
            "Spanish", "spa", "Español", "SPANISH", "es-419", "Espanol", "eng", "Klingon",
        ];
        for (i, language) in written.iter().enumerate() {
            users.push_str(&format!("par-{i},true,,parent,M,R,,,stu-1,{language}\n"));
        }
        let roster = validate(&files(ORGS, &users, DEMOGRAPHICS)).unwrap();
        let stored: Vec<&str> = roster
            .guardians
            .iter()
            .map(|g| g.language.as_deref().unwrap_or_default())
            .collect();
        assert_eq!(
            stored,
            ["es", "es", "es", "es", "es", "es", "en", "Klingon"]
        );
        assert_eq!(
            roster.warnings,
            vec![ImportWarning {
                file: "users.csv",
                line: 10,
                kind: "language",
                missing: "Klingon".into(),
            }]
        );
    }

    #[test]
    fn bad_guardian_rows_name_the_file_and_line() {
        let header = "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,grades,email,agentSourcedIds,metadata.language\n";
        let cases = [
            (
                "stu-1,true,sch-1,student,Ana,Rivera,11,,,\npar-1,true,,parent,M,R,,not-an-email,stu-1,\n",
                3,
                "email “not-an-email” is not an email address like name@example.org.",
            ),
            (
                "stu-1,true,sch-1,student,Ana,Rivera,11,,,\nstu-1,true,,parent,M,R,,,,\n",
                3,
                "Duplicate sourcedId “stu-1”.",
            ),
        ];
        for (rows, line, message) in cases {
            let errors = validate(&files(ORGS, &format!("{header}{rows}"), DEMOGRAPHICS))
                .err()
                .unwrap_or_else(|| panic!("expected an error: {message}"));
            let errors = english(&errors);
            let expected = Expected {
                file: "users.csv",
                line,
                message: message.into(),
            };
            assert!(
                errors.contains(&expected),
                "expected {expected}, got {errors:?}"
            );
        }
    }
}
