//! The minijinja environment: templates embedded at build time, the shared
//! vocabularies as globals, and rendering helpers.

use std::sync::LazyLock;

use axum::{http::StatusCode, response::Html};
use entity::{AccessNeed, OpportunityKind, StemField, WorkMode};
use minijinja::{Environment, Value, context};
use serde::Serialize;

use crate::error::{AppError, AppResult};

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
