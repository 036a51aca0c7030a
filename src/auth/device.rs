//! Device cookies, so a stranger cannot keep an owner out: a browser where
//! someone logged in gets a cookie signed for that account, and its later
//! attempts at the account count in a bucket of their own. A stranger's
//! guesses put the account itself in backoff; the owner's usual browser still
//! gets its own five tries and backoff.

use axum::http::{HeaderMap, HeaderValue, header};
use subtle::ConstantTimeEq;

use crate::tokens;

/// The cookie's name: `__Host-` over HTTPS, like the session cookie.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-stembridge_device"
    } else {
        "stembridge_device"
    }
}

/// The device cookie sent with a request, if any.
pub fn from_headers(headers: &HeaderMap, secure: bool) -> Option<String> {
    let name = cookie_name(secure);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

fn signature(email: &str, nonce: &str) -> String {
    tokens::digest(&format!("device:{}:{nonce}", email.trim().to_lowercase()))
}

/// The bucket of this browser's attempts at `email`, when its cookie was
/// signed for that account; a cookie for another account, or forged, is none.
pub fn bucket(cookie: Option<&str>, email: &str) -> Option<String> {
    let (nonce, mac) = cookie?.split_once('.')?;
    let valid: bool = signature(email, nonce)
        .as_bytes()
        .ct_eq(mac.as_bytes())
        .into();
    valid.then(|| format!("login-device:{nonce}"))
}

/// A `Set-Cookie` value marking this browser as one `email` logs in from (a year).
pub fn issue(email: &str, secure: bool) -> Option<HeaderValue> {
    let nonce = tokens::random(22);
    let value = format!(
        "{}={nonce}.{}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{}",
        cookie_name(secure),
        signature(email, &nonce),
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_counts_only_for_the_account_it_was_signed_for() {
        tokens::install(crate::config::TEST_SECRET_KEY).unwrap();
        let set = issue("Erin@acme.org", false).unwrap();
        let value = set.to_str().unwrap().split(';').next().unwrap();
        let cookie = value.split_once('=').unwrap().1;
        let nonce = cookie.split('.').next().unwrap();
        assert_eq!(
            bucket(Some(cookie), "erin@acme.org"),
            Some(format!("login-device:{nonce}"))
        );
        assert_eq!(bucket(Some(cookie), "ana@acme.org"), None);
        assert_eq!(
            bucket(
                Some(&format!("{nonce}.00{}", &cookie[nonce.len() + 3..])),
                "erin@acme.org"
            ),
            None
        );
        assert_eq!(bucket(Some("forged.value"), "erin@acme.org"), None);
        assert_eq!(bucket(Some("no-dot"), "erin@acme.org"), None);
        assert_eq!(bucket(None, "erin@acme.org"), None);

        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("stembridge_session=x; {value}")).unwrap(),
        );
        assert_eq!(from_headers(&headers, false).as_deref(), Some(cookie));
        assert_eq!(from_headers(&headers, true), None);
    }
}
