//! Random secrets for links and forms, and the digests we store instead of them.

use rand::{Rng, distr::Alphanumeric};
use sha2::{Digest, Sha256};

/// A random URL-safe token of `length` characters (about 5.95 bits each).
pub fn random(length: usize) -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(length)
        .map(char::from)
        .collect()
}

/// Hex SHA-256 of a secret: stored so a database leak does not leak the secret.
pub fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
