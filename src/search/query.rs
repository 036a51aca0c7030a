//! Search parameters: the public URL contract of `/search` and
//! `/api/v1/opportunities`, parsed once into a `SearchQuery` that cannot be
//! invalid. A bad parameter gets a message that names it, in the reader's
//! language, and a stable code for programs. So does a parameter we do not
//! know (`needs=`, `Need=`): a filter silently dropped would answer every
//! posting as if it had been applied.

use std::borrow::Cow;

use chrono::NaiveDate;
use entity::{AccessNeed, OpportunityKind, StemField, WorkMode};
use serde::{Deserialize, Serialize};

use crate::{
    geo::{self, Point},
    i18n::{self, Arg},
};

/// Longest free text accepted.
pub const MAX_TEXT_CHARS: usize = 200;
pub const MAX_PER_PAGE: u32 = 100;
pub const DEFAULT_PER_PAGE: u32 = 20;
/// Results beyond this depth are not paged to (narrow the search instead).
pub const MAX_DEPTH: u32 = 10_000;
pub const MAX_MILES: f64 = 500.0;
/// Longest query string read: past this, nothing a person typed is in it.
pub const MAX_QUERY_BYTES: usize = 16 * 1024;
/// Most values one repeatable parameter may carry.
pub const MAX_VALUES: usize = 50;

/// The query string as received (repeatable keys are lists).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SearchParams {
    pub q: Option<String>,
    pub kind: Vec<String>,
    pub field: Vec<String>,
    pub mode: Vec<String>,
    pub need: Vec<String>,
    pub lang: Vec<String>,
    pub grade: Option<String>,
    pub zip: Option<String>,
    pub within_miles: Option<String>,
    pub sort: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

entity::vocabulary! {
    /// How results are ordered.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Sort {
        Relevance = "relevance",
        Newest = "newest",
        Deadline = "deadline",
        Nearest = "nearest",
        Pay = "pay",
    }
}

/// Where the student is and how far they can go.
#[derive(Debug, Clone, PartialEq)]
pub struct Near {
    pub zip: String,
    pub point: Point,
    /// `None`: distances are shown and sortable, nothing is filtered out.
    pub within_miles: Option<f64>,
}

/// A valid search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchQuery {
    pub text: String,
    pub kinds: Vec<OpportunityKind>,
    pub fields: Vec<StemField>,
    pub modes: Vec<WorkMode>,
    /// Every one must be offered.
    pub needs: Vec<AccessNeed>,
    /// The team speaks at least one of these.
    pub languages: Vec<String>,
    pub grade: Option<i32>,
    pub near: Option<Near>,
    pub sort: Sort,
    pub page: u32,
    pub per_page: u32,
    /// Postings whose deadline is before this day are not shown.
    pub today: NaiveDate,
}

impl SearchQuery {
    /// Everything open today, first page.
    pub fn everything(today: NaiveDate) -> Self {
        Self {
            text: String::new(),
            kinds: Vec::new(),
            fields: Vec::new(),
            modes: Vec::new(),
            needs: Vec::new(),
            languages: Vec::new(),
            grade: None,
            near: None,
            sort: Sort::Relevance,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            today,
        }
    }

    /// Whether the text has words to match (`"!!"` has none, and then
    /// every posting matches and "relevance" means newest first).
    pub fn has_words(&self) -> bool {
        !super::analysis::english_words(&self.text).is_empty()
    }

    /// Index of the first result of the page.
    pub fn offset(&self) -> usize {
        ((self.page - 1) * self.per_page) as usize
    }
}

/// A parameter that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamError {
    /// The parameter as named in the query (an unknown one as it was sent).
    pub parameter: Cow<'static, str>,
    /// What is wrong, for programs: stable across languages and wordings
    /// (`not_a_number`, `out_of_range`, `unknown_value`, `too_many_values`,
    /// `too_long`, `unreadable`, `repeated`, `needs_zip`, `unknown_parameter`).
    pub code: &'static str,
    /// A sentence saying what is wrong and what would be right, in the
    /// language of the request being served.
    pub message: String,
}

/// A refusal of `parameter`, its sentence the catalogue's `key` written in
/// the current language: the reader's while serving a request (the alert
/// job parses saved searches in the background and only logs it).
fn bad(
    parameter: &'static str,
    code: &'static str,
    key: &str,
    mut args: Vec<(&'static str, Arg)>,
) -> ParamError {
    args.push(("parameter", parameter.into()));
    ParamError {
        parameter: Cow::Borrowed(parameter),
        code,
        message: i18n::t_args(i18n::current(), key, args),
    }
}

fn keys<T>(
    parameter: &'static str,
    values: &[String],
    parse: fn(&str) -> Option<T>,
    key: &str,
) -> Result<Vec<T>, ParamError> {
    at_most(parameter, values)?;
    let mut parsed = Vec::new();
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        let item = parse(value).ok_or_else(|| {
            bad(
                parameter,
                "unknown_value",
                key,
                vec![("value", shorten(value).into())],
            )
        })?;
        parsed.push(item);
    }
    Ok(parsed)
}

fn at_most(parameter: &'static str, values: &[String]) -> Result<(), ParamError> {
    if values.len() > MAX_VALUES {
        return Err(bad(
            parameter,
            "too_many_values",
            "search-param-too-many",
            vec![("max", MAX_VALUES.to_string().into())],
        ));
    }
    Ok(())
}

fn shorten(value: &str) -> String {
    value.chars().take(40).collect()
}

fn number<T: std::str::FromStr + PartialOrd + std::fmt::Display>(
    parameter: &'static str,
    value: Option<&String>,
    min: T,
    max: T,
) -> Result<Option<T>, ParamError> {
    let Some(value) = value.map(|v| v.trim()).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let parsed: T = value.parse().map_err(|_| {
        bad(
            parameter,
            "not_a_number",
            "search-param-not-a-number",
            vec![],
        )
    })?;
    // Written as "inside the range" so that NaN, which compares false with
    // everything, is refused too (it once slipped through as a radius).
    if !(parsed >= min && parsed <= max) {
        return Err(bad(
            parameter,
            "out_of_range",
            "search-param-out-of-range",
            vec![
                ("min", min.to_string().into()),
                ("max", max.to_string().into()),
            ],
        ));
    }
    Ok(Some(parsed))
}

/// Browsers escape a byte as `%` and two hex digits, of UTF-8 text. A `%ZZ`
/// or a byte that is not UTF-8 comes from a broken client: the lenient
/// decoder would search for text nobody typed and answer "nothing found".
fn well_escaped(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
            let Some(hex) = hex else { return false };
            let digits = std::str::from_utf8(hex).expect("ASCII hex digits");
            decoded.push(u8::from_str_radix(digits, 16).expect("two hex digits"));
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    std::str::from_utf8(&decoded).is_ok()
}

/// The parameters that take one value.
const ONE_VALUE: [&str; 7] = [
    "q",
    "grade",
    "zip",
    "within_miles",
    "sort",
    "page",
    "per_page",
];

/// The parameters that may repeat (`need=paid&need=remote_ok`).
const LISTS: [&str; 5] = ["kind", "field", "mode", "need", "lang"];

/// Added to links by mail, ad and analytics tools (and `_`, jQuery's
/// cache-buster): they say nothing about the search, so they are let be.
fn tracking(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || [
            "_", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid",
            "igshid", "yclid", "_ga", "_gl",
        ]
        .contains(&name.as_str())
}

/// The name a query key stands for: itself, or for a list the
/// `need[]=`/`need[0]=` spellings that axios, jQuery, qs, PHP and Rails
/// send; `None` for a tracking key; an error naming any other key.
fn known_name(key: &str) -> Result<Option<&'static str>, ParamError> {
    if let Some(name) = ONE_VALUE.iter().chain(&LISTS).find(|name| **name == key) {
        return Ok(Some(name));
    }
    let listed = key.strip_suffix(']').and_then(|rest| {
        let (name, index) = rest.split_once('[')?;
        index
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| LISTS.iter().find(|list| **list == name))
            .flatten()
    });
    if let Some(name) = listed {
        return Ok(Some(name));
    }
    if key.is_empty() || tracking(key) {
        return Ok(None);
    }
    // In the order the documentation lists them.
    let names = ["q"]
        .iter()
        .chain(&LISTS)
        .chain(&ONE_VALUE[1..])
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let sent = shorten(key);
    let message = i18n::t_args(
        i18n::current(),
        "search-param-unknown-name",
        vec![("name", sent.clone().into()), ("names", names.into())],
    );
    Err(ParamError {
        parameter: Cow::Owned(sent),
        code: "unknown_parameter",
        message,
    })
}

impl SearchParams {
    /// Reads a query string (`/search`, the API, the feed and saved searches
    /// all come through here); `parse` then checks the values.
    pub fn from_query(raw: &str) -> Result<Self, ParamError> {
        if raw.len() > MAX_QUERY_BYTES {
            return Err(bad(
                "query",
                "too_long",
                "search-param-query-too-long",
                vec![("max", MAX_QUERY_BYTES.to_string().into())],
            ));
        }
        if crate::forms::holds_nul(raw.as_bytes()) {
            return Err(bad("query", "unreadable", "form-nul", vec![]));
        }
        if !well_escaped(raw) {
            return Err(bad(
                "query",
                "unreadable",
                "search-param-bad-escape",
                vec![],
            ));
        }
        // Each key is checked by name first, and the query read again in
        // the names we know.
        let mut pairs = Vec::new();
        for (key, value) in serde_urlencoded::from_str::<Vec<(String, String)>>(raw)
            .map_err(|_| bad("query", "unreadable", "search-param-unreadable", vec![]))?
        {
            if let Some(name) = known_name(&key)? {
                pairs.push((name, value));
            }
        }
        if let Some(name) = ONE_VALUE
            .iter()
            .find(|name| pairs.iter().filter(|(key, _)| key == *name).count() > 1)
        {
            // A tool appending `sort=` to a link that has one: named, rather
            // than "unreadable".
            return Err(bad(
                name,
                "repeated",
                "search-param-repeated",
                vec![("name", (*name).into())],
            ));
        }
        let known = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        serde_html_form::from_str(&known).map_err(|e| {
            // serde's words (English, about types) go to the log, not the page.
            tracing::info!(detail = %e, "search parameters could not be read");
            bad("query", "unreadable", "search-param-unreadable", vec![])
        })
    }

    /// The same search without its page: what a saved search or a feed keeps.
    pub fn without_paging(&self) -> Self {
        Self {
            page: None,
            per_page: None,
            ..self.clone()
        }
    }

    /// Checks every parameter; the first bad one is reported.
    pub fn parse(&self, today: NaiveDate) -> Result<SearchQuery, ParamError> {
        let text = self.q.as_deref().unwrap_or_default().trim().to_owned();
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(bad(
                "q",
                "too_long",
                "search-param-text-too-long",
                vec![("max", MAX_TEXT_CHARS.to_string().into())],
            ));
        }
        let kinds = keys(
            "kind",
            &self.kind,
            OpportunityKind::from_key,
            "search-param-unknown-kind",
        )?;
        let fields = keys(
            "field",
            &self.field,
            StemField::from_key,
            "search-param-unknown-field",
        )?;
        let modes = keys(
            "mode",
            &self.mode,
            WorkMode::from_key,
            "search-param-unknown-mode",
        )?;
        let mut needs = keys(
            "need",
            &self.need,
            AccessNeed::from_key,
            "search-param-unknown-need",
        )?;
        needs.sort();
        needs.dedup();
        at_most("lang", &self.lang)?;
        let mut languages = Vec::new();
        for written in self.lang.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            let code = crate::languages::normalize(written).ok_or_else(|| {
                bad(
                    "lang",
                    "unknown_value",
                    "search-param-unknown-language",
                    vec![("value", shorten(written).into())],
                )
            })?;
            if !languages.iter().any(|c| c == code) {
                languages.push(code.to_owned());
            }
        }
        let grade = number::<i32>("grade", self.grade.as_ref(), 6, 13)?;
        let within_miles =
            number::<f64>("within_miles", self.within_miles.as_ref(), 0.5, MAX_MILES)?;
        let near = match self.zip.as_deref().map(str::trim).filter(|z| !z.is_empty()) {
            Some(typed) => {
                let zip = geo::five_digit_zip(typed).unwrap_or(typed);
                let point = geo::zip_centroid(zip).ok_or_else(|| {
                    bad(
                        "zip",
                        "unknown_value",
                        "search-param-unknown-zip",
                        vec![("value", shorten(typed).into())],
                    )
                })?;
                Some(Near {
                    zip: zip.to_owned(),
                    point,
                    within_miles,
                })
            }
            None if within_miles.is_some() => {
                return Err(bad(
                    "within_miles",
                    "needs_zip",
                    "search-param-within-needs-zip",
                    vec![],
                ));
            }
            None => None,
        };
        let sort = match self
            .sort
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Sort::Relevance,
            Some(key) => Sort::from_key(key).ok_or_else(|| {
                bad(
                    "sort",
                    "unknown_value",
                    "search-param-unknown-sort",
                    vec![("value", shorten(key).into())],
                )
            })?,
        };
        if sort == Sort::Nearest && near.is_none() {
            return Err(bad(
                "sort",
                "needs_zip",
                "search-param-nearest-needs-zip",
                vec![],
            ));
        }
        let per_page = number::<u32>("per_page", self.per_page.as_ref(), 1, MAX_PER_PAGE)?
            .unwrap_or(DEFAULT_PER_PAGE);
        let max_page = MAX_DEPTH / per_page;
        let page = number::<u32>("page", self.page.as_ref(), 1, max_page)?.unwrap_or(1);
        Ok(SearchQuery {
            text,
            kinds,
            fields,
            modes,
            needs,
            languages,
            grade,
            near,
            sort,
            page,
            per_page,
            today,
        })
    }

    /// True when nothing at all was asked (a student's saved needs then apply).
    pub fn is_blank(&self) -> bool {
        self.q.is_none()
            && self.kind.is_empty()
            && self.field.is_empty()
            && self.mode.is_empty()
            && self.need.is_empty()
            && self.lang.is_empty()
            && self.grade.is_none()
            && self.zip.is_none()
            && self.within_miles.is_none()
            && self.sort.is_none()
            && self.page.is_none()
            && self.per_page.is_none()
    }

    /// The query string for these parameters (for links), with `q` always
    /// present so that a link never looks blank.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = vec![("q", self.q.as_deref().unwrap_or_default())];
        let lists = [
            ("kind", &self.kind),
            ("field", &self.field),
            ("mode", &self.mode),
            ("need", &self.need),
            ("lang", &self.lang),
        ];
        for (key, values) in lists {
            pairs.extend(values.iter().map(|v| (key, v.as_str())));
        }
        let singles = [
            ("grade", &self.grade),
            ("zip", &self.zip),
            ("within_miles", &self.within_miles),
            ("sort", &self.sort),
            ("page", &self.page),
            ("per_page", &self.per_page),
        ];
        pairs.extend(singles.into_iter().filter_map(|(key, value)| {
            value.as_deref().filter(|v| !v.is_empty()).map(|v| (key, v))
        }));
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn params(pairs: &str) -> SearchParams {
        serde_html_form::from_str(pairs).unwrap()
    }

    #[test]
    fn each_bad_parameter_is_named_in_the_error() {
        let long = format!("q={}", "a".repeat(10_000));
        let many = "kind=internship&".repeat(51);
        let cases = [
            ("need=teleport", "need"),
            ("kind=party", "kind"),
            ("lang=xx", "lang"),
            ("zip=60601&within_miles=NaN", "within_miles"),
            ("grade=3", "grade"),
            ("zip=00000", "zip"),
            ("zip=60601&within_miles=-5", "within_miles"),
            ("within_miles=5", "within_miles"),
            ("sort=nearest", "sort"),
            ("page=1000000000", "page"),
            ("per_page=101", "per_page"),
            (many.as_str(), "kind"),
            (long.as_str(), "q"),
        ];
        for (query, parameter) in cases {
            let error = params(query).parse(today()).expect_err(query);
            assert_eq!(error.parameter, parameter, "{query}");
        }
    }

    #[test]
    fn only_well_formed_escapes_of_utf8_are_read() {
        for good in ["q=caf%C3%A9", "q=a+b&zip=60601", "q=100%25", ""] {
            assert!(SearchParams::from_query(good).is_ok(), "{good}");
        }
        for bad in ["q=%ZZ", "q=%", "q=%4", "q=%+1", "q=%FF", "q=%C3"] {
            let error = SearchParams::from_query(bad).expect_err(bad);
            assert_eq!(error.code, "unreadable", "{bad}");
        }
    }

    #[test]
    fn lists_in_the_bracket_style_of_javascript_clients_are_read() {
        let params = SearchParams::from_query(
            "need%5B%5D=paid&need[]=remote_ok&kind[0]=internship&lang[1]=es",
        )
        .unwrap();
        assert_eq!(params.need, vec!["paid", "remote_ok"]);
        assert_eq!(params.kind, vec!["internship"]);
        assert_eq!(params.lang, vec!["es"]);
    }

    #[test]
    fn an_unknown_parameter_is_named_and_tracking_ones_are_let_be() {
        for (query, name) in [
            ("needs=paid", "needs"),
            ("Need=paid", "Need"),
            ("zip=60608&within_mile=5", "within_mile"),
            ("q[]=robots", "q[]"),
            ("need[x]=paid", "need[x]"),
        ] {
            let error = SearchParams::from_query(query).expect_err(query);
            assert_eq!(error.code, "unknown_parameter", "{query}");
            assert_eq!(error.parameter, name, "{query}");
            assert!(
                error.message.contains("within_miles"),
                "{query}: {}",
                error.message
            );
        }
        let params = SearchParams::from_query(
            "q=robots&utm_source=mail&UTM_Campaign=x&fbclid=1&_=1700000000&",
        )
        .unwrap();
        assert_eq!(params.q.as_deref(), Some("robots"));
    }

    #[test]
    fn repeated_needs_are_all_kept_once() {
        let query = params("need=paid&need=remote_ok&need=paid")
            .parse(today())
            .unwrap();
        assert_eq!(query.needs, vec![AccessNeed::Paid, AccessNeed::RemoteOk]);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// A value: usually one a link of ours could carry, now and then anything.
    fn value(valid: &'static [&'static str]) -> BoxedStrategy<String> {
        prop_oneof![
            12 => prop::sample::select(valid).prop_map(str::to_owned),
            1 => "-?[0-9]{1,25}(\\.[0-9]{0,4})?",
            1 => "(NaN|inf|-inf|1e309|0x10| 25 )",
            1 => any::<String>(),
        ]
        .boxed()
    }

    fn list(valid: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(value(valid), 0..3)
    }

    prop_compose! {
        fn params()(
            q in prop::option::of(value(&["robotics", "", "nurse lab"])),
            kind in list(&["internship", "job_shadow"]),
            field in list(&["engineering", "health"]),
            mode in list(&["remote", "on_site"]),
            need in list(&["paid", "transit_accessible"]),
            lang in list(&["es", "en"]),
            grade in prop::option::of(value(&["11", "9", ""])),
            zip in prop::option::of(value(&["60601", ""])),
            within_miles in prop::option::of(value(&["10", "25", "2.5"])),
            sort in prop::option::of(value(&["deadline", "newest", "relevance"])),
            page in prop::option::of(value(&["1", "3", "500"])),
            per_page in prop::option::of(value(&["20", "100"])),
        ) -> SearchParams {
            SearchParams { q, kind, field, mode, need, lang, grade, zip, within_miles, sort, page, per_page }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// Any query string is either a search inside every bound or one
        /// named parameter error; a valid one survives its own link.
        #[test]
        fn any_query_is_a_bounded_search_or_a_named_error(p in params()) {
            let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
            match p.parse(today) {
                Ok(query) => {
                    prop_assert!((1..=MAX_PER_PAGE).contains(&query.per_page));
                    prop_assert!(query.page >= 1);
                    prop_assert!(query.offset() + query.per_page as usize <= MAX_DEPTH as usize + MAX_PER_PAGE as usize);
                    if let Some(near) = &query.near {
                        prop_assert!(near.within_miles.is_none_or(|m| m.is_finite() && m > 0.0 && m <= MAX_MILES));
                    }
                    if let Some(grade) = query.grade {
                        prop_assert!((6..=13).contains(&grade));
                    }
                    let again: SearchParams = serde_html_form::from_str(&p.to_query_string()).unwrap();
                    prop_assert_eq!(again.parse(today), Ok(query));
                }
                Err(error) => prop_assert!(!error.message.is_empty()),
            }
        }
    }
}
