//! Shared pieces of form handling: per-field error messages and the small
//! parsers every form uses, so each field gets the same clear wording.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::AppError;

/// Messages keyed by form field name, rendered next to each field.
#[derive(Debug, Default, Clone, Serialize)]
#[serde(transparent)]
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a message for `field`, keeping the first one given.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_owned())
            .or_insert_with(|| message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// One sentence listing every problem, for places without a form.
    pub fn summary(&self) -> String {
        self.0.values().cloned().collect::<Vec<_>>().join(" ")
    }

    /// `Ok(value)` when no error was recorded, else a validation error.
    pub fn into_result<T>(self, value: T) -> Result<T, AppError> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(AppError::Validation(self))
        }
    }

    /// A required, trimmed text of at most `max` characters.
    pub fn text(&mut self, field: &str, label: &str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.add(field, format!("{label} is required."));
        } else if value.chars().count() > max {
            self.add(field, format!("{label} must be at most {max} characters."));
        }
        value.to_owned()
    }

    /// An optional trimmed text of at most `max` characters.
    pub fn optional_text(&mut self, field: &str, label: &str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.chars().count() > max {
            self.add(field, format!("{label} must be at most {max} characters."));
        }
        value.to_owned()
    }

    /// An email address, lower-cased; only its general shape is checked.
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let value = value.trim().to_lowercase();
        if value.is_empty() {
            self.add(field, "Email is required.");
        } else if value.len() > 254 {
            self.add(field, "Email must be at most 254 characters.");
        } else if !looks_like_email(&value) {
            self.add(field, "Enter an email address like name@example.org.");
        }
        value
    }

    /// A new password: 10 to 128 characters (long passphrases welcome).
    pub fn new_password(&mut self, field: &str, value: &str) -> String {
        let length = value.chars().count();
        if length < 10 {
            self.add(field, "Password must be at least 10 characters.");
        } else if length > 128 {
            self.add(field, "Password must be at most 128 characters.");
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
        let value = value.trim();
        if value.is_empty() {
            self.add(field, format!("{label} is required."));
            return None;
        }
        match value.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            Ok(_) => {
                self.add(field, format!("{label} must be between {min} and {max}."));
                None
            }
            Err(_) => {
                self.add(field, format!("{label} must be a whole number."));
                None
            }
        }
    }

    /// A list of ISO 639-1 codes ("en, es"), at most 10; `empty_message`
    /// set makes at least one required.
    pub fn languages(
        &mut self,
        field: &str,
        value: &str,
        empty_message: Option<&str>,
    ) -> Vec<String> {
        match crate::languages::parse_list(value) {
            Ok(codes) if codes.is_empty() && empty_message.is_some() => {
                self.add(field, empty_message.unwrap_or_default());
                codes
            }
            Ok(codes) if codes.len() > 10 => {
                self.add(field, "Name at most 10 languages.");
                Vec::new()
            }
            Ok(codes) => codes,
            Err(unknown) => {
                self.add(
                    field,
                    format!(
                        "Use two-letter language codes like en, es, vi (not: {}).",
                        unknown.join(", ")
                    ),
                );
                Vec::new()
            }
        }
    }

    /// A five-digit US ZIP code.
    pub fn zip(&mut self, field: &str, value: &str) -> String {
        let value = value.trim();
        if value.len() != 5 || !value.bytes().all(|b| b.is_ascii_digit()) {
            self.add(field, "ZIP code must be 5 digits, like 60601.");
        }
        value.to_owned()
    }
}

fn looks_like_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domain.contains('@')
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
        match axum_extra::extract::Form::<T>::from_request(request, state).await {
            Ok(axum_extra::extract::Form(value)) => Ok(Form(value)),
            Err(rejection) => Err(AppError::BadRequest(format!(
                "The form could not be read: {}",
                rejection.body_text()
            ))),
        }
    }
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
        match axum_extra::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum_extra::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => Err(AppError::BadRequest(format!(
                "The address could not be read: {}",
                rejection.body_text()
            ))),
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
            Err(rejection) => Err(AppError::BadRequest(format!(
                "The upload could not be read: {}",
                rejection.body_text()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_without_a_domain_dot_or_with_spaces_are_refused() {
        for bad in ["a", "a@b", "@b.org", "a b@c.org", "a@.org", "a@b.org."] {
            assert!(!looks_like_email(bad), "{bad} should be refused");
        }
        assert!(looks_like_email("maria.lopez@school.k12.il.us"));
    }

    #[test]
    fn overlong_text_gets_a_message_naming_the_limit() {
        let mut errors = FieldErrors::new();
        errors.text("name", "Name", &"x".repeat(101), 100);
        assert_eq!(
            errors.get("name"),
            Some("Name must be at most 100 characters.")
        );
    }
}
