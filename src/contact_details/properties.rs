//! Whatever is typed, the check answers without a panic, and what it
//! quotes was typed.

use proptest::prelude::*;

/// A name of only dots and hyphens after an app's name once cut the
/// token before its start (a panic, found by the property below).
#[test]
fn an_apps_name_followed_by_dots_and_hyphens_is_read() {
    for text in [
        "snapchat: .",
        "snapchat -.",
        "discord: -.-",
        "ig: ..",
        "instagram = .-",
    ] {
        let _ = super::find(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// Whatever is typed, the check answers, and what it quotes was typed.
    #[test]
    fn any_text_is_read_without_a_panic(
        text in prop_oneof![
            any::<String>(),
            "[0-9 ()+.@#:/a-z\\-]{0,60}",
            "[\\u{200B}\\u{FF10}-\\u{FF19}\\u{2013}(at)(dot) xX.@0-9]{0,40}",
            "[\\u{20E3}\\u{FE0F}\\u{0332}\\u{0301}\\u{0660}-\\u{0669}\\u{1F47B}\\u{1F525} oOlI.@_:,0-9]{0,40}",
            prop::collection::vec(
                prop::sample::select(vec![
                    "three", "one", "oh", "tres", "snap", "my", "is", "@", ":", " ", " - ",
                    "gmail", "at", "dot", "com", "on", "me", "add", "i'm", "0", "55", "312",
                    "a", "b", "c", ".", "ray_b", "\u{20E3}", "\n", "730", "-", "(", ")",
                ]),
                0..20,
            )
            .prop_map(|words| words.concat()),
        ]
    ) {
        if let Some(found) = super::find(&text) {
            let quoted = found.text.trim_end_matches('…');
            prop_assert!(text.contains(quoted), "{quoted:?} not in {text:?}");
        }
    }
}
