//! The OpenAPI 3.1 document of the JSON API, served at
//! `/api/v1/openapi.json`. utoipa generates it from the types the handler
//! serializes (`ApiResults`, `ApiError`) and from `SearchParams`; the lists
//! of allowed values come from the vocabulary enums and the limits from
//! `query`, so the document cannot drift from what the API does.

use std::sync::OnceLock;

use axum::{
    http::header,
    response::{IntoResponse, Response},
};
use entity::{AccessNeed, Compensation, OpportunityKind, PostingLanguage, StemField, WorkMode};
use utoipa::{
    IntoParams, OpenApi,
    openapi::{
        Array, ArrayBuilder, Object, ObjectBuilder, RefOr, Required, Schema,
        path::{Parameter, ParameterBuilder, ParameterIn, ParameterStyle},
        schema::Type,
    },
};

use super::{
    EngineKind, Facets,
    handlers::{ApiError, ApiErrorDetail, ApiHit, ApiResults},
    query::{MAX_DEPTH, MAX_MILES, MAX_PER_PAGE, MAX_TEXT_CHARS, MAX_VALUES, SearchParams, Sort},
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "STEMbridge",
        version = "1",
        description = "Search the STEM internships and job shadows open to school students. Only public postings; nothing about any student."
    ),
    paths(super::handlers::search_api),
    components(schemas(ApiResults, ApiHit, ApiError, ApiErrorDetail, Facets, EngineKind)),
    tags((name = "search", description = "Opportunities open today"))
)]
pub struct ApiDoc;

/// The document as JSON, made once.
pub fn json() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        ApiDoc::openapi().to_pretty_json().unwrap_or_else(|error| {
            tracing::error!(%error, "the OpenAPI document could not be written");
            String::from("{}")
        })
    })
}

/// `GET /api/v1/openapi.json`
pub async fn document() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], json()).into_response()
}

fn keys(keys: impl Iterator<Item = &'static str>) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(keys.collect::<Vec<_>>()))
        .build()
}

fn list_of(items: Object) -> Array {
    ArrayBuilder::new()
        .items(items)
        .max_items(Some(MAX_VALUES))
        .build()
}

/// Schema of a posting's kind.
pub fn kind() -> Object {
    keys(OpportunityKind::KEYS.iter().copied())
}

/// Schema of a STEM field.
pub fn field() -> Object {
    keys(StemField::KEYS.iter().copied())
}

/// Schema of a work mode.
pub fn mode() -> Object {
    keys(WorkMode::KEYS.iter().copied())
}

/// Schema of a list of access features.
pub fn needs() -> Array {
    ArrayBuilder::new()
        .items(keys(AccessNeed::KEYS.iter().copied()))
        .build()
}

/// Schema of how a posting pays.
pub fn compensation() -> Object {
    keys(Compensation::KEYS.iter().copied())
}

/// Schema of the language a posting is written in.
pub fn posting_language() -> Object {
    keys(PostingLanguage::KEYS.iter().copied())
}

fn number(kind: Type, minimum: f64, maximum: Option<f64>) -> Object {
    ObjectBuilder::new()
        .schema_type(kind)
        .minimum(Some(minimum))
        .maximum(maximum)
        .build()
}

fn string(max_length: Option<usize>, pattern: Option<&str>) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(max_length)
        .pattern(pattern)
        .build()
}

impl IntoParams for SearchParams {
    fn into_params(parameter_in_provider: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let at = parameter_in_provider().unwrap_or(ParameterIn::Query);
        let param = |name: &str, description: &str, schema: RefOr<Schema>, repeated: bool| {
            ParameterBuilder::new()
                .name(name)
                .parameter_in(at.clone())
                .required(Required::False)
                .description(Some(description))
                .schema(Some(schema))
                .style(repeated.then_some(ParameterStyle::Form))
                .explode(repeated.then_some(true))
                .build()
        };
        vec![
            param(
                "q",
                "Words to look for in the title, description and skills.",
                string(Some(MAX_TEXT_CHARS), None).into(),
                false,
            ),
            param(
                "kind",
                "Kinds of opportunity (any of them).",
                list_of(kind()).into(),
                true,
            ),
            param(
                "field",
                "STEM fields (any of them).",
                list_of(field()).into(),
                true,
            ),
            param(
                "mode",
                "Work modes (any of them).",
                list_of(mode()).into(),
                true,
            ),
            param(
                "need",
                "Access needs: every one must be offered.",
                list_of(keys(AccessNeed::KEYS.iter().copied())).into(),
                true,
            ),
            param(
                "lang",
                "Languages as BCP 47 codes them (ISO 639-1, else ISO 639-3: `es`, `hmn`, `ase`): the team speaks at least one.",
                list_of(string(Some(3), Some("^[a-z]{2,3}$"))).into(),
                true,
            ),
            param(
                "grade",
                "The student's grade (13: early college).",
                number(Type::Integer, 6.0, Some(13.0)).into(),
                false,
            ),
            param(
                "zip",
                "A US ZIP code to measure distances from (ZIP+4, `60608-1234`, is read as its five digits).",
                string(Some(10), Some("^[0-9]{5}(-?[0-9]{4})?$")).into(),
                false,
            ),
            param(
                "within_miles",
                "Only postings this close to `zip` (needs `zip`).",
                number(Type::Number, 0.5, Some(MAX_MILES)).into(),
                false,
            ),
            param(
                "sort",
                "Order of the results (`nearest` needs `zip`); ties are broken by id.",
                keys(Sort::KEYS.iter().copied()).into(),
                false,
            ),
            param(
                "page",
                &format!(
                    "Page number, from 1. Results go {MAX_DEPTH} deep: the last page is {MAX_DEPTH} divided by `per_page` (500 at the default 20); a later one is refused with code `out_of_range`."
                ),
                number(Type::Integer, 1.0, Some(f64::from(MAX_DEPTH))).into(),
                false,
            ),
            param(
                "per_page",
                "Results per page.",
                number(Type::Integer, 1.0, Some(f64::from(MAX_PER_PAGE))).into(),
                false,
            ),
        ]
    }
}
