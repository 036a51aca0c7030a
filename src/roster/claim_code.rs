//! One-time claim codes: random, unambiguous to read aloud, stored only as a digest.

use rand::Rng;

use crate::tokens;

/// No 0/O, 1/I/L: codes are read off paper and typed on phones.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH: usize = 12;
/// How long a code stays valid.
pub const VALID_DAYS: i64 = 30;

/// A new code, grouped for reading: `ABCD-EFGH-JKMN` (about 59 bits).
pub fn generate() -> String {
    let mut rng = rand::rng();
    let raw: String = (0..LENGTH)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{}-{}-{}", &raw[0..4], &raw[4..8], &raw[8..12])
}

/// What the student typed, without dashes, spaces or case differences.
pub fn normalize(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .take(64)
        .collect()
}

/// The digest stored in the database; the code itself is never stored.
pub fn digest(code: &str) -> String {
    tokens::digest(&normalize(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_typed_in_lower_case_without_dashes_still_matches() {
        tokens::install(crate::config::TEST_SECRET_KEY).unwrap();
        let code = generate();
        let typed = code.replace('-', " ").to_lowercase();
        assert_eq!(digest(&code), digest(&typed));
    }

    #[test]
    fn codes_use_only_unambiguous_characters() {
        let code = normalize(&generate());
        assert_eq!(code.len(), LENGTH);
        assert!(code.bytes().all(|b| ALPHABET.contains(&b)));
    }
}
