//! The minijinja environment: templates embedded at build time, the shared
//! vocabularies as globals, and rendering helpers.

use std::sync::LazyLock;

use axum::{http::StatusCode, response::Html};
use entity::{AccessNeed, OpportunityKind, StemField, WorkMode};
use minijinja::{Environment, State, Value, context, value::Kwargs};
use serde::Serialize;

use crate::{
    error::{AppError, AppResult},
    i18n::{self, Lang},
};

static ENV: LazyLock<Environment<'static>> = LazyLock::new(build_environment);

#[derive(Serialize)]
struct Term {
    key: &'static str,
    label: &'static str,
    promise: &'static str,
}

fn vocabulary<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Term> {
    all.iter()
        .map(|&v| Term {
            key: key(v),
            label: label(v),
            promise: "",
        })
        .collect()
}

fn build_environment() -> Environment<'static> {
    let mut env = Environment::new();
    minijinja_embed::load_templates!(&mut env);
    let needs: Vec<Term> = AccessNeed::ALL
        .iter()
        .map(|n| Term {
            key: n.key(),
            label: n.label(),
            promise: n.promise(),
        })
        .collect();
    env.add_global("access_needs", Value::from_serialize(&needs));
    env.add_global(
        "kinds",
        Value::from_serialize(vocabulary(
            OpportunityKind::ALL,
            OpportunityKind::key,
            OpportunityKind::label,
        )),
    );
    env.add_global(
        "fields",
        Value::from_serialize(vocabulary(StemField::ALL, StemField::key, StemField::label)),
    );
    env.add_global(
        "modes",
        Value::from_serialize(vocabulary(WorkMode::ALL, WorkMode::key, WorkMode::label)),
    );
    env.add_function("t", translate);
    env.add_filter("long_date", |state: &State, date: &str| {
        chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_or(date.to_owned(), |d| i18n::long_date(lang_of(state), d))
    });
    env.add_global(
        "languages",
        Value::from_serialize(
            Lang::ALL
                .iter()
                .map(|l| (l.code(), l.native_name()))
                .collect::<Vec<_>>(),
        ),
    );
    env.add_filter("need_label", |key: &str| {
        AccessNeed::from_key(key).map_or(key.to_owned(), |n| n.label().to_owned())
    });
    env.add_filter("kind_label", |key: &str| {
        OpportunityKind::from_key(key).map_or(key.to_owned(), |n| n.label().to_owned())
    });
    env.add_filter("field_label", |key: &str| {
        StemField::from_key(key).map_or(key.to_owned(), |n| n.label().to_owned())
    });
    env.add_filter("mode_label", |key: &str| {
        WorkMode::from_key(key).map_or(key.to_owned(), |n| n.label().to_owned())
    });
    env
}

/// The language of the page being rendered (its `lang` variable).
fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::from_code))
        .unwrap_or_default()
}

/// `t("key", name=value...)`: the catalogue's message in the page's language.
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let mut args = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let arg = if let Some(n) = value.as_i64() {
            i18n::Arg::Int(n)
        } else if let Ok(n) = f64::try_from(value.clone()) {
            i18n::Arg::Float(n)
        } else {
            i18n::Arg::Text(value.to_string())
        };
        args.push((name, arg));
    }
    Ok(i18n::t_args(lang_of(state), key, args))
}

/// Renders `name` with `ctx`.
pub fn render(name: &str, ctx: Value) -> AppResult<Html<String>> {
    let template = ENV
        .get_template(name)
        .map_err(|e| AppError::Internal(e.into()))?;
    let body = template
        .render(ctx)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(Html(body))
}

/// Renders `name` with `ctx` to a string (email bodies: `.txt` templates
/// are not HTML-escaped, `.html` ones are).
pub fn render_text(name: &str, ctx: &Value) -> AppResult<String> {
    let template = ENV
        .get_template(name)
        .map_err(|e| AppError::Internal(e.into()))?;
    template
        .render(ctx)
        .map_err(|e| AppError::Internal(e.into()))
}

/// Renders the error page; falls back to plain text if even that fails.
pub fn render_error(status: StatusCode, message: &str) -> String {
    let ctx = context! {
        status => status.as_u16(),
        title => status.canonical_reason().unwrap_or("Error"),
        message => message,
    };
    ENV.get_template("errors/error.html")
        .and_then(|t| t.render(ctx))
        .unwrap_or_else(|_| message.to_owned())
}
