//! The order of a draw: the one rule anyone can re-run by hand.
//!
//! Each entry's key is the SHA-256 of `<seed>:<code>` (the seed as its 64
//! lowercase hexadecimal digits, a colon, the entry's code, UTF-8), written
//! in lowercase hexadecimal. Entries are sorted by tier (1 before 2 before
//! 3), then by key (as text, which for hexadecimal of equal length is
//! numeric order). The first `seats` entries get the seats; the rest join
//! the wait list in that order. With a shell:
//! `printf '%s:%s' SEED CODE | sha256sum`.
//!
//! SHA-256 of distinct inputs gives keys that are uniformly spread and,
//! without the seed, unpredictable; with the seed, the same for everyone.

use sha2::{Digest, Sha256};

/// The tiers, best first. Race, ethnicity, sex and disability are never inputs.
pub const FIRST_TIME: i32 = 1;
pub const PRIORITY: i32 = 2;
pub const EVERYONE_ELSE: i32 = 3;
/// Entrants who could not take a seat when the draw ran (a place at the
/// same hours elsewhere, or off their school's roster): after every other
/// entrant, in key order, never seated by the draw itself. They are
/// ordinary entries on the record and on the employer's pages (eyes16a
/// F2); only the student's own page says which group they were in.
pub const COULD_NOT_HOLD: i32 = 4;

/// An application as it enters the draw: its public code and tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub code: String,
    pub tier: i32,
}

/// `hex(SHA-256("<seed>:<code>"))`.
pub fn key(seed: &str, code: &str) -> String {
    hex_sha256(&format!("{seed}:{code}"))
}

/// `hex(SHA-256("<seed>"))`: published before the first entry, so the seed
/// shown after the draw can be checked to be the one fixed in advance.
pub fn commitment(seed: &str) -> String {
    hex_sha256(seed)
}

fn hex_sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The tickets in draw order, each with its key.
pub fn order(seed: &str, tickets: Vec<Ticket>) -> Vec<(Ticket, String)> {
    let mut keyed: Vec<(Ticket, String)> = tickets
        .into_iter()
        .map(|t| {
            let k = key(seed, &t.code);
            (t, k)
        })
        .collect();
    // The code breaks a tie of keys (never seen with SHA-256), so the order
    // is total whatever the input order.
    keyed.sort_by(|(a, ka), (b, kb)| (a.tier, ka, &a.code).cmp(&(b.tier, kb, &b.code)));
    keyed
}

/// The tier of a student: never placed first, then priority (a counselor's
/// mark, or low income where the instance counts it), then everyone else.
pub fn tier(placed_before: bool, marked_priority: bool, low_income: bool) -> i32 {
    if !placed_before {
        FIRST_TIME
    } else if marked_priority || low_income {
        PRIORITY
    } else {
        EVERYONE_ELSE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_the_sha256_anyone_can_compute() {
        // printf '%s:%s' abc x | sha256sum
        assert_eq!(
            key("abc", "x"),
            "68a170c1f5d6d10b5011496348a45eb9197565608a6bbf98d2948852bb4737b0"
        );
        assert_eq!(key("abc", "x").len(), 64);
        assert_ne!(key("abc", "x"), key("abd", "x"));
    }

    #[test]
    fn tiers_come_first_and_the_order_does_not_depend_on_the_input_order() {
        let tickets = |codes: &[(&str, i32)]| -> Vec<Ticket> {
            codes
                .iter()
                .map(|(c, t)| Ticket {
                    code: (*c).into(),
                    tier: *t,
                })
                .collect()
        };
        let a = order("seed", tickets(&[("a", 3), ("b", 1), ("c", 2), ("d", 1)]));
        let b = order("seed", tickets(&[("d", 1), ("c", 2), ("b", 1), ("a", 3)]));
        assert_eq!(a, b);
        let tiers: Vec<i32> = a.iter().map(|(t, _)| t.tier).collect();
        assert_eq!(tiers, vec![1, 1, 2, 3]);
        assert_eq!(tier(false, true, true), FIRST_TIME);
        assert_eq!(tier(true, false, true), PRIORITY);
        assert_eq!(tier(true, false, false), EVERYONE_ELSE);
    }
}
