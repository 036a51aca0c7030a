//! Per-address limits on the forms that create an account or spend a secret
//! link (`/register`, `/register/confirm/{token}`, `/claim`, `/join/{token}`,
//! `/consent/{token}`, `/password/forgot`, `/password-reset/{token}`), in one
//! middleware so no such route can forget. The attempt is charged before the
//! handler runs; where a success proves the secret was known (a redirect), it
//! is given back, so a class claiming its accounts from one school address
//! only spends the budget on wrong codes.

use axum::{
    extract::{Request, State},
    http::Method,
    middleware::Next,
    response::{IntoResponse, Response},
};
use sea_orm::DatabaseConnection;

use crate::{
    auth::{client_address::ClientAddress, extractors::ReaderLang, throttle},
    i18n::t_args,
};

/// A limited form: its path (a prefix when it ends with `/`), its bucket,
/// and whether a success gives the attempt back.
struct Limited {
    path: &'static str,
    bucket: &'static str,
    refund_success: bool,
}

const LIMITED: [Limited; 7] = [
    Limited {
        path: "/register",
        bucket: "register",
        // Every registration creates rows: successes count too.
        refund_success: false,
    },
    Limited {
        path: "/register/confirm/",
        bucket: "confirm",
        refund_success: true,
    },
    Limited {
        path: "/password/forgot",
        bucket: "forgot",
        // The answer is the same for every address: no success to give back.
        refund_success: false,
    },
    Limited {
        path: "/claim",
        bucket: "claim",
        refund_success: true,
    },
    Limited {
        path: "/join/",
        bucket: "join",
        refund_success: true,
    },
    Limited {
        path: "/consent/",
        bucket: "consent",
        refund_success: true,
    },
    Limited {
        path: "/password-reset/",
        bucket: "password-reset",
        refund_success: true,
    },
];

fn limited(path: &str) -> Option<&'static Limited> {
    LIMITED.iter().find(|l| {
        if l.path.ends_with('/') {
            path.starts_with(l.path) && path.len() > l.path.len()
        } else {
            path == l.path
        }
    })
}

/// Middleware: charges a POST to a limited form to its client address.
pub async fn guard(
    State(db): State<DatabaseConnection>,
    client: ClientAddress,
    ReaderLang(lang): ReaderLang,
    request: Request,
    next: Next,
) -> Response {
    let Some(form) = (request.method() == Method::POST)
        .then(|| limited(request.uri().path()))
        .flatten()
    else {
        return next.run(request).await;
    };
    let bucket = throttle::form_address(form.bucket, &client.to_string());
    let charged = throttle::charge(&db, &[(bucket.clone(), throttle::FORM_ADDRESS)], |wait| {
        t_args(
            lang,
            "integrity-too-many-forms",
            vec![("wait", throttle::wait_in_words(lang, wait).into())],
        )
    })
    .await;
    if let Err(error) = charged {
        return error.into_response();
    }
    let response = next.run(request).await;
    if form.refund_success
        && response.status().is_redirection()
        && let Err(error) = throttle::refund(&db, &bucket).await
    {
        tracing::warn!(%error, "could not give back a rate-limit attempt");
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limited_paths_are_the_forms_and_token_links() {
        assert_eq!(limited("/register").map(|l| l.bucket), Some("register"));
        assert_eq!(limited("/claim").map(|l| l.bucket), Some("claim"));
        assert_eq!(limited("/join/abc").map(|l| l.bucket), Some("join"));
        assert_eq!(limited("/consent/abc").map(|l| l.bucket), Some("consent"));
        assert_eq!(
            limited("/password-reset/abc").map(|l| l.bucket),
            Some("password-reset")
        );
        assert_eq!(
            limited("/register/confirm/abc").map(|l| l.bucket),
            Some("confirm")
        );
        assert_eq!(
            limited("/password/forgot").map(|l| l.bucket),
            Some("forgot")
        );
        assert!(limited("/join/").is_none());
        assert!(limited("/claimed").is_none());
        assert!(limited("/login").is_none());
    }
}
