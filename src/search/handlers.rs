//! `/search` for people and `/api/v1/opportunities` for programs: the same
//! parameters, the same results.

use std::sync::{Arc, LazyLock};

use axum::{
    Json,
    extract::{RawQuery, State},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use entity::{AccessNeed, OpportunityKind, Role, StemField, WorkMode};
use serde::Serialize;

use super::{
    EngineKind, Facets, Hit,
    query::{DEFAULT_PER_PAGE, ParamError, SearchParams, Sort},
    service::{self, Searched},
};
use crate::{
    app::AppState,
    auth::extractors::{MaybeUser, Page},
    error::AppResult,
    format::today,
    i18n::{self, Lang, t_args},
    profiles,
};

fn parse_params(raw: Option<&str>) -> Result<SearchParams, ParamError> {
    SearchParams::from_query(raw.unwrap_or_default())
}

/// One hit as the API returns it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiHit {
    pub id: i32,
    pub title: String,
    /// The language the posting is written in (`en`, `es`).
    #[schema(schema_with = super::openapi::posting_language)]
    pub written_in: &'static str,
    pub organization: String,
    #[schema(schema_with = super::openapi::kind)]
    pub kind: &'static str,
    #[schema(schema_with = super::openapi::field)]
    pub field: &'static str,
    #[schema(schema_with = super::openapi::mode)]
    pub mode: &'static str,
    /// The access features it offers.
    #[schema(schema_with = super::openapi::needs)]
    pub needs: Vec<&'static str>,
    /// Languages the team speaks (ISO 639-1 codes, else ISO 639-3: `hmn`).
    pub languages: Vec<String>,
    pub min_grade: i32,
    pub max_grade: i32,
    /// Pay in English words ("$18 an hour", "$2,300 stipend", "Unpaid"),
    /// whatever the `Accept-Language`. To write pay in another language use
    /// `compensation` and `pay_cents`.
    pub pay: String,
    /// How it pays: `hourly`, `stipend` or `unpaid` (absent only while the
    /// index still holds a document written before this field existed).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = super::openapi::compensation)]
    pub compensation: Option<&'static str>,
    /// The amount `pay` names, in cents: the hourly wage, or the whole
    /// stipend. Absent when unpaid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay_cents: Option<i32>,
    /// Last day to apply (`YYYY-MM-DD`).
    #[schema(format = Date)]
    pub deadline: String,
    /// The posting's page on this site.
    pub url: String,
    /// Miles from the ZIP code asked for (only when one was).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_miles: Option<f64>,
}

fn round_miles(miles: Option<f64>) -> Option<f64> {
    miles.map(|m| (m * 10.0).round() / 10.0)
}

impl From<&Hit> for ApiHit {
    fn from(hit: &Hit) -> Self {
        let d = &hit.document;
        ApiHit {
            id: d.id,
            title: d.title.clone(),
            written_in: d.written_in.key(),
            organization: d.organization.clone(),
            kind: d.kind.key(),
            field: d.field.key(),
            mode: d.mode.key(),
            needs: d.needs.iter().map(|n| n.key()).collect(),
            languages: d.languages.clone(),
            min_grade: d.min_grade,
            max_grade: d.max_grade,
            pay: d.pay.clone(),
            compensation: d.compensation.map(|c| c.key()),
            pay_cents: d.pay_cents,
            deadline: d.deadline.to_string(),
            url: format!("/opportunities/{}", d.id),
            distance_miles: round_miles(hit.distance_miles),
        }
    }
}

/// A page of results of `GET /api/v1/opportunities`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiResults {
    /// Postings matching, on every page.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    /// Which engine answered (`database` when the search engine could not).
    pub engine: EngineKind,
    pub hits: Vec<ApiHit>,
    pub facets: Facets,
}

/// What was wrong with the request.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiErrorDetail {
    /// The parameter at fault (`query` for the query string as a whole,
    /// `path` for an address the API does not have, `method` for a method
    /// it does not take); an unknown parameter as it was sent.
    pub parameter: String,
    /// What is wrong, stable across languages: `not_a_number`,
    /// `out_of_range`, `unknown_value`, `too_many_values`, `too_long`,
    /// `unreadable`, `repeated`, `needs_zip`, `unknown_parameter`,
    /// `not_found` or `method_not_allowed`.
    pub code: &'static str,
    /// A sentence saying what is wrong and what would be right, in the
    /// reader's language (`Accept-Language`).
    pub message: String,
}

/// The answer to a bad request.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiError {
    pub error: ApiErrorDetail,
}

fn api_error(error: ParamError) -> Response {
    let body = ApiError {
        error: ApiErrorDetail {
            parameter: error.parameter.into_owned(),
            code: error.code,
            message: error.message,
        },
    };
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

/// Any other address under `/api/v1/`: a program reading the API gets its
/// 404 as JSON, in the API's error shape, not the site's HTML page.
pub async fn api_not_found() -> Response {
    let body = ApiError {
        error: ApiErrorDetail {
            parameter: "path".to_owned(),
            code: "not_found",
            message: crate::i18n::t(crate::i18n::current(), "search-api-not-found"),
        },
    };
    (StatusCode::NOT_FOUND, Json(body)).into_response()
}

/// A method other than GET or HEAD on an API address: 405 with `Allow`, in
/// the API's error shape. (A browser's CORS preflight is answered before
/// this, by `app::public_data`.)
pub async fn api_method_not_allowed() -> Response {
    let body = ApiError {
        error: ApiErrorDetail {
            parameter: "method".to_owned(),
            code: "method_not_allowed",
            message: crate::i18n::t(crate::i18n::current(), "search-api-method-not-allowed"),
        },
    };
    (
        StatusCode::METHOD_NOT_ALLOWED,
        [(header::ALLOW, "GET, HEAD")],
        Json(body),
    )
        .into_response()
}

/// `GET /api/v1/opportunities`
#[utoipa::path(
    get,
    path = "/api/v1/opportunities",
    tag = "search",
    summary = "Search the open opportunities",
    description = "The same parameters and results as the `/search` page. Repeatable parameters are repeated (`need=paid&need=remote_ok`); the bracket style of JavaScript clients (`need[]=paid&need[]=remote_ok`, `need[0]=paid`) is read the same. A parameter not listed here is refused (400, `unknown_parameter`, naming it), so that a misspelled filter is never silently ignored; only tracking parameters (`utm_*`, `fbclid`, `gclid`, `msclkid`, `_`...) are let be.",
    params(SearchParams),
    responses(
        (status = 200, description = "A page of results with facet counts", body = ApiResults),
        (status = 400, description = "A parameter cannot be used, or is not one of the API's; the error names it", body = ApiError),
    )
)]
pub async fn search_api(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let query = match parse_params(raw.as_deref()).and_then(|p| p.parse(today())) {
        Ok(query) => query,
        Err(error) => return Ok(api_error(error)),
    };
    let Searched {
        results, engine, ..
    } = service::search(&state, &query).await?;
    let body = ApiResults {
        total: results.total,
        page: query.page,
        per_page: query.per_page,
        engine,
        hits: results.hits.iter().map(ApiHit::from).collect(),
        facets: results.facets,
    };
    Ok(Json(body).into_response())
}

/// A filter value with its count and whether it is selected.
#[derive(Serialize)]
struct FilterOption {
    key: &'static str,
    count: u64,
    selected: bool,
}

fn options(
    all: &[&'static str],
    counts: &std::collections::BTreeMap<String, u64>,
    selected: &[String],
) -> Vec<FilterOption> {
    all.iter()
        .map(|&key| FilterOption {
            key,
            count: counts.get(key).copied().unwrap_or(0),
            selected: selected.iter().any(|s| s == key),
        })
        .collect()
}

/// An active filter, with the link that removes it (the label in the reader's language).
#[derive(Serialize)]
struct Chip {
    label: String,
    remove: String,
}

/// The vocabulary labels result lines show, in every language, looked up
/// once: the catalogue is built in, and a page of twenty results would
/// otherwise look up some 150 labels, each through a lock.
struct TermLabels {
    kind: Vec<Arc<str>>,
    field: Vec<Arc<str>>,
    mode: Vec<Arc<str>>,
    need: Vec<Arc<str>>,
}

impl TermLabels {
    fn of(lang: Lang) -> Self {
        let labels = |vocabulary: &str, keys: &[&str]| -> Vec<Arc<str>> {
            keys.iter()
                .map(|key| i18n::vocab_shared(lang, vocabulary, key))
                .collect()
        };
        TermLabels {
            kind: labels("kind", OpportunityKind::KEYS),
            field: labels("field", StemField::KEYS),
            mode: labels("mode", WorkMode::KEYS),
            need: labels("need", AccessNeed::KEYS),
        }
    }

    fn of_lang(lang: Lang) -> &'static TermLabels {
        static ALL: LazyLock<Vec<TermLabels>> =
            LazyLock::new(|| Lang::ALL.iter().map(|&lang| TermLabels::of(lang)).collect());
        &ALL[lang as usize]
    }
}

/// The label of `term` among `all` (the vocabulary's terms in `KEYS` order).
fn label_of<T: PartialEq>(labels: &'static [Arc<str>], all: &[T], term: &T) -> &'static str {
    all.iter()
        .position(|t| t == term)
        .and_then(|at| labels.get(at))
        .map_or("", |label| label)
}

/// A hit as the results page shows it, its terms already in the reader's
/// language. Its fields are its own rather than a flattened `ApiHit`: serde
/// hands a flattened struct over as a map, which minijinja keeps sorted and
/// searches by comparing values on every lookup.
#[derive(Serialize)]
struct ResultView<'a> {
    id: i32,
    title: &'a str,
    written_in: &'static str,
    organization: &'a str,
    kind: &'static str,
    field: &'static str,
    mode: &'static str,
    /// The pay line in the reader's language (the API's `pay` is English).
    pay_line: String,
    /// The last day to apply, written out.
    deadline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    distance_miles: Option<f64>,
    /// For a logged-in student, their saved needs this one meets, and
    /// misses; for anyone else, the needs it offers (each a list of labels,
    /// absent when empty).
    meets: Option<String>,
    misses: Option<String>,
    offers: Option<String>,
}

impl<'a> ResultView<'a> {
    fn of(hit: &'a Hit, reader: Lang, saved_needs: Option<&Vec<AccessNeed>>) -> Self {
        let d = &hit.document;
        let terms = TermLabels::of_lang(reader);
        let labels = |needs: &mut dyn Iterator<Item = &AccessNeed>| {
            let labels: Vec<&str> = needs
                .map(|need| label_of(&terms.need, AccessNeed::ALL, need))
                .collect();
            (!labels.is_empty()).then(|| labels.join(", "))
        };
        let (meets, misses, offers) = match saved_needs {
            Some(saved) => (
                labels(&mut saved.iter().filter(|n| d.needs.contains(n))),
                labels(&mut saved.iter().filter(|n| !d.needs.contains(n))),
                None,
            ),
            None => (None, None, labels(&mut d.needs.iter())),
        };
        ResultView {
            id: d.id,
            title: &d.title,
            written_in: d.written_in.key(),
            organization: &d.organization,
            kind: label_of(&terms.kind, OpportunityKind::ALL, &d.kind),
            field: label_of(&terms.field, StemField::ALL, &d.field),
            mode: label_of(&terms.mode, WorkMode::ALL, &d.mode),
            pay_line: d.pay_in(reader),
            deadline: i18n::long_date(reader, d.deadline),
            distance_miles: round_miles(hit.distance_miles),
            meets,
            misses,
            offers,
        }
    }
}

#[derive(Serialize)]
struct SearchPage<'a> {
    params: SearchParams,
    error: Option<ParamError>,
    notice: Option<&'static str>,
    engine: Option<EngineKind>,
    total: u64,
    results: Vec<ResultView<'a>>,
    /// The filter lists, one per facet.
    kinds: Vec<FilterOption>,
    fields: Vec<FilterOption>,
    modes: Vec<FilterOption>,
    needs: Vec<FilterOption>,
    sorts: Vec<&'static str>,
    chips: Vec<Chip>,
    previous: Option<String>,
    next: Option<String>,
    page_number: u32,
    page_count: u64,
    /// This search's query string without its page: the Atom feed and the
    /// "save this search" form use it.
    feed_query: String,
    /// A student may save it.
    can_save: bool,
}

fn chips(params: &SearchParams, reader: Lang) -> Vec<Chip> {
    let mut chips = Vec::new();
    // A chip: its label (the catalogue id and its one argument) and the
    // same search without it.
    let chip = |id: &str, name: &str, value: String, edit: &dyn Fn(&mut SearchParams)| {
        let mut p = params.clone();
        p.page = None;
        edit(&mut p);
        Chip {
            label: t_args(reader, id, vec![(name, value.into())]),
            remove: format!("/search?{}", p.to_query_string()),
        }
    };
    for need in &params.need {
        let label = i18n::vocab(reader, "need", need);
        chips.push(chip("search-chip-need", "need", label, &|p| {
            p.need.retain(|n| n != need)
        }));
    }
    // Fields come from a student's interests: removable like the needs.
    for field in &params.field {
        let label = i18n::vocab(reader, "field", field);
        chips.push(chip("alerts-chip-field", "field", label, &|p| {
            p.field.retain(|f| f != field)
        }));
    }
    if let Some(grade) = params.grade.as_deref().filter(|g| !g.is_empty()) {
        chips.push(chip("search-chip-grade", "grade", grade.into(), &|p| {
            p.grade = None
        }));
    }
    if let Some(zip) = params.zip.as_deref().filter(|z| !z.is_empty()) {
        let mut near = chip("search-chip-distance", "zip", zip.into(), &|p| {
            p.zip = None;
            p.within_miles = None;
        });
        if let Some(miles) = params.within_miles.as_deref().filter(|m| !m.is_empty()) {
            near.label = t_args(
                reader,
                "search-chip-within",
                vec![("miles", miles.into()), ("zip", zip.into())],
            );
        }
        chips.push(near);
    }
    for lang in &params.lang {
        let name = i18n::language_name(reader, lang);
        chips.push(chip("search-chip-language", "language", name, &|p| {
            p.lang.retain(|l| l != lang)
        }));
    }
    chips
}

/// A search that ran, with the page it was asked for.
struct Answered {
    page_number: u32,
    per_page: u32,
    searched: Searched,
}

/// `GET /search`
pub async fn search_page(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    page: Page,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let student = match &user {
        Some(user) if user.role == Role::Student => {
            profiles::service::search_defaults(&state.db, user.id).await?
        }
        _ => None,
    };
    let params = match parse_params(raw.as_deref()) {
        Ok(params) => params,
        Err(error) => return render(&page, SearchParams::default(), Err(error), None),
    };
    // A student's saved needs, grade and ZIP apply by default: the redirect
    // makes them visible (as removable chips) and the URL shareable.
    if params.is_blank()
        && let Some(defaults) = &student
        && !defaults.params.is_blank()
    {
        return Ok(
            Redirect::to(&format!("/search?{}", defaults.params.to_query_string())).into_response(),
        );
    }
    let query = match params.parse(today()) {
        Ok(query) => query,
        Err(error) => return render(&page, params, Err(error), None),
    };
    let searched = service::search(&state, &query).await?;
    let saved_needs = student.map(|s| s.needs).unwrap_or_default();
    render(
        &page,
        params,
        Ok(Answered {
            page_number: query.page,
            per_page: query.per_page,
            searched,
        }),
        Some(&saved_needs).filter(|n| !n.is_empty()),
    )
}

fn render(
    page: &Page,
    params: SearchParams,
    outcome: Result<Answered, ParamError>,
    saved_needs: Option<&Vec<AccessNeed>>,
) -> AppResult<Response> {
    // A refused search shows its message over an empty first page.
    let (status, page_number, per_page) = match &outcome {
        Ok(answered) => (StatusCode::OK, answered.page_number, answered.per_page),
        Err(_) => (StatusCode::BAD_REQUEST, 1, DEFAULT_PER_PAGE),
    };
    let (searched, error) = match outcome {
        Ok(answered) => (Some(answered.searched), None),
        Err(error) => (None, Some(error)),
    };
    let no_facets = Facets::default();
    let facets = searched.as_ref().map_or(&no_facets, |s| &s.results.facets);
    let total = searched.as_ref().map_or(0, |s| s.results.total);
    let results = searched.as_ref().map_or_else(Vec::new, |s| {
        s.results
            .hits
            .iter()
            .map(|hit| ResultView::of(hit, page.lang, saved_needs))
            .collect()
    });
    let page_count = total.div_ceil(u64::from(per_page)).max(1);
    let link_to = |number: u32| {
        let mut p = params.clone();
        p.page = Some(number.to_string());
        format!("/search?{}", p.to_query_string())
    };
    let view = SearchPage {
        chips: chips(&params, page.lang),
        feed_query: params.without_paging().to_query_string(),
        can_save: error.is_none() && page.user.as_ref().is_some_and(|u| u.role == Role::Student),
        previous: (page_number > 1).then(|| link_to(page_number - 1)),
        next: (u64::from(page_number) < page_count && error.is_none())
            .then(|| link_to(page_number + 1)),
        notice: searched.as_ref().and_then(|s| s.notice),
        engine: searched.as_ref().map(|s| s.engine),
        kinds: options(OpportunityKind::KEYS, &facets.kind, &params.kind),
        fields: options(StemField::KEYS, &facets.field, &params.field),
        modes: options(WorkMode::KEYS, &facets.mode, &params.mode),
        needs: options(AccessNeed::KEYS, &facets.need, &params.need),
        params,
        error,
        total,
        results,
        sorts: Sort::KEYS.to_vec(),
        page_number,
        page_count,
    };
    page.respond_with(status, "search/index.html", view)
}
