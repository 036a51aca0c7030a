//! The minijinja environment: templates embedded at build time, the shared
//! vocabularies as globals, and rendering helpers.

use std::sync::LazyLock;

use axum::{http::StatusCode, response::Html};
use entity::{AccessNeed, OpportunityKind, StemField, WorkMode};
use minijinja::{AutoEscape, Environment, State, Value, context, value::Kwargs};
use serde::Serialize;

use crate::{
    error::{AppError, AppResult},
    i18n::{self, Lang},
};

static ENV: LazyLock<Environment<'static>> = LazyLock::new(build_environment);

/// One term of a shared vocabulary, by key: templates write it out with
/// `key|vocab("need")` (and `key|vocab("promise")`) in the page's language.
#[derive(Serialize)]
struct Term {
    key: &'static str,
}

fn vocabulary(keys: &[&'static str]) -> Value {
    Value::from_serialize(keys.iter().map(|&key| Term { key }).collect::<Vec<_>>())
}

fn build_environment() -> Environment<'static> {
    let mut env = Environment::new();
    minijinja_embed::load_templates!(&mut env);
    // Mail is HTML-escaped as pages are, except `/`, which minijinja writes
    // `&#x2f;`. Browsers read either, but the link rewriters of school and
    // district mail (Safe Links, Mimecast, Proofpoint), text converters and
    // spam filters take `http:&#x2f;&#x2f;…` for a hidden or broken address.
    // A `/` needs no escape in HTML text or a quoted attribute.
    env.set_formatter(|out, state, value| {
        if state.name().starts_with("mail/")
            && state.auto_escape() == AutoEscape::Html
            && !value.is_safe()
            && let Some(text) = value.as_str()
        {
            return Ok(out.write_str(&escape_keeping_slashes(text))?);
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.add_global("access_needs", vocabulary(AccessNeed::KEYS));
    env.add_global("kinds", vocabulary(OpportunityKind::KEYS));
    env.add_global("fields", vocabulary(StemField::KEYS));
    env.add_global("modes", vocabulary(WorkMode::KEYS));
    env.add_function("t", translate);
    env.add_filter("long_date", |state: &State, date: &str| {
        crate::forms::parse_date(date)
            .map_or(date.to_owned(), |d| i18n::long_date(lang_of(state), d))
    });
    // A moment (RFC 3339, as chrono serializes it): "January 12, 2027, 14:05 UTC".
    env.add_filter("long_datetime", |state: &State, at: &str| {
        chrono::DateTime::parse_from_rfc3339(at).map_or(at.to_owned(), |at| {
            crate::format::moment_in(lang_of(state), at.with_timezone(&chrono::Utc))
        })
    });
    // A number with the reader's decimal separator: "1.5" / "1,5".
    env.add_filter("decimal", |state: &State, value: f64| {
        i18n::decimal(lang_of(state), value, 2)
    });
    // A grade: "Grade 10", "Early college".
    env.add_filter("grade", |state: &State, grade: i32| {
        crate::format::grade_in(lang_of(state), grade)
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
    env.add_global(
        "family_languages",
        Value::from_serialize(crate::languages::FAMILY_LANGUAGES.as_slice()),
    );
    // Whether the site writes in a language (`es`: yes; `vi`: not yet).
    env.add_test("written_language", |code: &str| {
        Lang::from_code(code).is_some()
    });
    // Whether a family recorded as reading `code` gets a line in it on top
    // of our English mail (`vi`: yes; `yo`: English only).
    env.add_test("home_line", |code: &str| i18n::tagline(code).is_some());
    // Whether a family recorded as `code` signs (`ase`): they read our
    // English mail, and meetings and calls need a sign-language interpreter.
    env.add_test("signed_language", |code: &str| {
        crate::languages::signed(code)
    });
    // Whether text in a language runs right to left (`ar`, `fa`, `ur`...).
    env.add_test("right_to_left", |code: &str| {
        crate::languages::right_to_left(code)
    });
    // Vocabulary terms by key, in the page's language.
    env.add_filter("vocab", |state: &State, key: &str, vocabulary: &str| {
        Value::from(i18n::vocab_shared(lang_of(state), vocabulary, key))
    });
    env.add_filter("group_label", |state: &State, group: &str| {
        i18n::group_label(lang_of(state), group)
    });
    env.add_filter("language_name", |state: &State, code: &str| {
        i18n::language_name(lang_of(state), code)
    });
    env.add_filter("need_label", |state: &State, key: &str| {
        Value::from(i18n::vocab_shared(lang_of(state), "need", key))
    });
    env.add_filter("kind_label", |state: &State, key: &str| {
        Value::from(i18n::vocab_shared(lang_of(state), "kind", key))
    });
    env.add_filter("field_label", |state: &State, key: &str| {
        Value::from(i18n::vocab_shared(lang_of(state), "field", key))
    });
    env.add_filter("mode_label", |state: &State, key: &str| {
        Value::from(i18n::vocab_shared(lang_of(state), "mode", key))
    });
    env
}

/// HTML escaping of `& < > " '`, leaving `/` as it is.
fn escape_keeping_slashes(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#x27;"),
            c => escaped.push(c),
        }
    }
    escaped
}

thread_local! {
    /// The language of the template being rendered on this thread: imported
    /// macros do not see the page's variables, so `t()` falls back to this.
    static RENDERING_LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// The language of the page being rendered (its `lang` variable).
fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::from_code))
        .unwrap_or_else(|| RENDERING_LANG.with(std::cell::Cell::get))
}

/// `t("key", name=value...)`: the catalogue's message in the page's language.
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<Value, minijinja::Error> {
    let mut args = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let arg = if let Some(n) = value.as_i64() {
            i18n::Arg::Int(n)
        } else if let Ok(n) = f64::try_from(value.clone()) {
            i18n::Arg::Float(n)
        } else {
            // A right-to-left name keeps its direction without turning
            // the sentence around (mail bodies and pages; subjects and
            // calendar files are written in Rust and stay bare).
            i18n::Arg::Text(i18n::isolated(value.to_string()))
        };
        args.push((name, arg));
    }
    if args.is_empty() {
        return Ok(Value::from(i18n::t_shared(lang_of(state), key)));
    }
    Ok(Value::from(i18n::t_args(lang_of(state), key, args)))
}

/// Renders `name` with `ctx`.
pub fn render(name: &str, ctx: Value) -> AppResult<Html<String>> {
    let template = ENV
        .get_template(name)
        .map_err(|e| AppError::Internal(e.into()))?;
    let lang = ctx
        .get_attr("lang")
        .ok()
        .and_then(|v| v.as_str().and_then(Lang::from_code))
        .unwrap_or_default();
    let previous = RENDERING_LANG.with(|cell| cell.replace(lang));
    let body = template.render(ctx);
    RENDERING_LANG.with(|cell| cell.set(previous));
    Ok(Html(body.map_err(|e| AppError::Internal(e.into()))?))
}

/// Renders `name` with `ctx` to a string (email bodies: `.txt` templates
/// are not HTML-escaped, `.html` ones are).
pub fn render_text(name: &str, ctx: &Value) -> AppResult<String> {
    render(name, ctx.clone()).map(|html| html.0)
}

/// What `errors/error.html` shows: the status, its title in the reader's
/// language, and the message.
pub fn error_context(status: StatusCode, message: &str) -> Value {
    let lang = i18n::current();
    let title = match status.as_u16() {
        code @ (400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503) => {
            i18n::t(lang, &format!("error-title-{code}"))
        }
        _ => status.canonical_reason().unwrap_or("Error").to_owned(),
    };
    context! {
        status => status.as_u16(),
        title => title,
        message => message,
        lang => lang,
    }
}

/// Renders the error page in the reader's language, as for an anonymous
/// reader (`app::error_pages_know_the_reader` renders it again with the
/// reader's header); falls back to plain text if even that fails.
pub fn render_error(status: StatusCode, message: &str) -> String {
    render("errors/error.html", error_context(status, message))
        .map_or_else(|_| message.to_owned(), |html| html.0)
}
