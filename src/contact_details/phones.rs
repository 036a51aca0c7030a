//! Phone numbers, in the text with number words read as digits: digit
//! groups in the shape of a number, or 7 to 15 digits after a word such as
//! "phone" or "llámame". Postings are full of other numbers (years, times,
//! pay, ZIP codes, ISBNs, a product's codes), and each rule says how it
//! keeps them.

use std::ops::Range;

use super::reading::{spaces_after, spaces_before, words};

/// Phone numbers, in the text as [`numbers_read`](super::reading::numbers_read)
/// reads it: runs of digit groups joined by anything but letters and digits
/// ([`separator_then_digit`]), holding the shape of a number ([`phone_in`]), or 7 to 15 digits after a
/// word such as "phone", "number", "llámame" or "text me at" ("Phone: 555
/// 0199", "Reach Ray on 555 0199") unless they are a date or an amount.
pub(super) fn phones(chars: &[char]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            || (matches!(chars[i], '+' | '(') && next_digit(chars, i + 1).is_some());
        let boundary =
            i == 0 || !(chars[i - 1].is_alphanumeric() || "$€£#/.,".contains(chars[i - 1]));
        if !(starts && boundary) {
            i += 1;
            continue;
        }
        let plus = chars[i] == '+';
        // The digit groups and, for each, where it starts and ends.
        let mut groups: Vec<Range<usize>> = Vec::new();
        let mut at = if chars[i].is_ascii_digit() {
            i
        } else {
            next_digit(chars, i + 1).unwrap_or(i + 1)
        };
        loop {
            let start = at;
            while at < chars.len() && chars[at].is_ascii_digit() {
                at += 1;
            }
            groups.push(start..at);
            match separator_then_digit(chars, at) {
                Some(next) => at = next,
                None => break,
            }
        }
        let end = at;
        let total: usize = groups.iter().map(ExactSizeIterator::len).sum();
        // A 3-3-4 number is one whatever label stands before it ("Ref
        // 312-555-0199").
        let a_number = groups.iter().map(ExactSizeIterator::len).eq([3, 3, 4]);
        let code = labelled_as_a_code(chars, i) && !a_number;
        if code || is_isbn(chars, &groups) || holds_an_ip(chars, &groups) {
            i = end.max(i + 1);
            continue;
        }
        if let Some(range) = phone_in(chars, &groups, plus, i) {
            found.push(range);
        } else if (7..=15).contains(&total)
            && announced_as_a_phone(chars, i)
            && !groups.iter().any(|g| is_year(chars, g))
            && !is_amount(chars, &groups)
        {
            found.push(i..end);
        }
        i = end.max(i + 1);
    }
    found
}

/// Words that say a code follows, not a phone number: "NDC 0002-1433-80",
/// "ISBN 978-0-13-754297-0", "Catalog # 170-4156", "IRB 2024-0123".
const CODE_WORDS: &[&str] = &[
    "ndc", "isbn", "issn", "doi", "catalog", "cat", "part", "sku", "lot", "model", "serial",
    "order", "ref", "protocol", "irb", "iacuc", "grant", "award", "case", "ticket", "invoice",
    "po", "upc", "cas",
];

/// Whether a word of [`CODE_WORDS`] stands right before `at` (with at most
/// a colon, a "#", "no." and spaces between).
fn labelled_as_a_code(chars: &[char], at: usize) -> bool {
    let before = words(&chars[..at], char::is_alphanumeric);
    let text = |w: &Range<usize>| chars[w.clone()].iter().collect::<String>();
    let Some(last) = before.last() else {
        return false;
    };
    if chars[last.end..at]
        .iter()
        .any(|c| !matches!(c, ' ' | ':' | '#' | '.'))
    {
        return false;
    }
    let mut word = text(last);
    if matches!(word.as_str(), "no" | "number" | "num") && before.len() >= 2 {
        word = text(&before[before.len() - 2]);
    }
    CODE_WORDS.contains(&word.as_str())
}

/// Whether the digits are an ISBN-13: 13 digits from 978 or 979 whose
/// check digit is right.
fn is_isbn(chars: &[char], groups: &[Range<usize>]) -> bool {
    let digits: Vec<u32> = groups
        .iter()
        .flat_map(|g| chars[g.clone()].iter())
        .filter_map(|c| c.to_digit(10))
        .collect();
    let checksum: u32 = digits
        .iter()
        .enumerate()
        .map(|(n, d)| if n % 2 == 0 { *d } else { d * 3 })
        .sum();
    digits.len() == 13
        && (digits.starts_with(&[9, 7, 8]) || digits.starts_with(&[9, 7, 9]))
        && checksum.is_multiple_of(10)
}

/// Whether the groups hold an IP address: four numbers up to 255 joined by
/// single dots ("192.168.10.100").
fn holds_an_ip(chars: &[char], groups: &[Range<usize>]) -> bool {
    let byte = |g: &Range<usize>| {
        g.len() <= 3
            && chars[g.clone()]
                .iter()
                .collect::<String>()
                .parse::<u32>()
                .is_ok_and(|n| n <= 255)
    };
    groups.windows(4).any(|four| {
        four.iter().all(byte)
            && four
                .windows(2)
                .all(|pair| pair[1].start == pair[0].end + 1 && chars[pair[0].end] == '.')
    })
}

/// Words that say a phone number follows ("Phone: 555 0199", "my number
/// is", "text me at", "Reach Ray on 555 0199").
const PHONE_WORDS: &[&str] = &[
    "phone",
    "tel",
    "cell",
    "cellphone",
    "mobile",
    "number",
    "num",
    "call",
    "text",
    "txt",
    "sms",
    "ring",
    "dial",
    "reach",
    "whatsapp",
    "whats",
    "on",
    "telefono",
    "celular",
    "cel",
    "movil",
    "numero",
    "llama",
    "llamame",
    "marca",
    "marcame",
    "escribeme",
    "mensaje",
];

/// Words that may stand between a word of [`PHONE_WORDS`] and the number
/// ("text me at", "my number is", "llámame al").
const PHONE_LINKING_WORDS: &[&str] = &["me", "at", "is", "al", "es", "us"];

/// Whether a word of [`PHONE_WORDS`] stands before `at`, with at most two
/// words of [`PHONE_LINKING_WORDS`] and a colon, a dot, a "#" or a hyphen
/// between, and perhaps one other short word: a name ("Reach Ray on",
/// "call Dana at").
fn announced_as_a_phone(chars: &[char], at: usize) -> bool {
    let mut end = at;
    let mut name_allowed = true;
    for _ in 0..4 {
        let mut between = 0;
        while end > 0 && between < 3 && matches!(chars[end - 1], ' ' | ':' | '.' | '#' | '-') {
            end -= 1;
            between += 1;
        }
        if between == 0 {
            return false;
        }
        let mut start = end;
        while start > 0 && chars[start - 1].is_alphabetic() {
            start -= 1;
        }
        let word: String = chars[start..end].iter().collect();
        if PHONE_WORDS.contains(&word.as_str()) {
            return true;
        }
        if !PHONE_LINKING_WORDS.contains(&word.as_str()) {
            if !name_allowed || word.is_empty() || word.chars().count() > 12 {
                return false;
            }
            name_allowed = false;
        }
        end = start;
    }
    false
}

/// The position of the digit after optional spaces at `at`.
fn next_digit(chars: &[char], at: usize) -> Option<usize> {
    let at = spaces_after(chars, at);
    chars.get(at).filter(|c| c.is_ascii_digit()).map(|_| at)
}

/// Signs that end a number: a time's colon (9:30), a list's semicolon, a
/// currency or percent sign.
const ENDS_A_NUMBER: &str = ":;$€£%";

/// Where the next digit group starts when the characters at `at` join two
/// groups: one to five characters that are neither letters nor digits (a
/// hyphen, a bracket, spaces, "/", "_", ",", " . ", a line break, an emoji:
/// "312🔥555🔥0199"), without a sign of [`ENDS_A_NUMBER`].
fn separator_then_digit(chars: &[char], at: usize) -> Option<usize> {
    let run = chars[at..]
        .iter()
        .take(6)
        .take_while(|c| !c.is_alphanumeric())
        .count();
    let next = at + run;
    let joins = (1..=5).contains(&run)
        && !chars[at..next].iter().any(|c| ENDS_A_NUMBER.contains(*c))
        && chars.get(next).is_some_and(char::is_ascii_digit);
    joins.then_some(next)
}

/// Whether a digit group is a year (1900-2099).
fn is_year(chars: &[char], group: &Range<usize>) -> bool {
    group.len() == 4
        && chars[group.clone()]
            .iter()
            .collect::<String>()
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2099).contains(&y))
}

/// Whether digit groups are an amount written with thousands separators
/// ("1,000,000", "10 000 000", "1.000.000"): groups of three after the
/// first, each after one comma, dot or space.
fn is_amount(chars: &[char], groups: &[Range<usize>]) -> bool {
    groups.len() >= 2
        && groups[1..].iter().all(|g| {
            g.len() == 3
                && g.start >= 2
                && matches!(chars[g.start - 1], ',' | '.' | ' ')
                && chars[g.start - 2].is_ascii_digit()
        })
}

/// Whether digits are a clock time on the five minutes ("730", "1530"), as
/// shifts are written: "730-1530" is a shift, not a local number.
fn is_clock_time(digits: &str) -> bool {
    if !(3..=4).contains(&digits.len()) {
        return false;
    }
    let (hours, minutes) = digits.split_at(digits.len() - 2);
    let (Ok(hours), Ok(minutes)) = (hours.parse::<u32>(), minutes.parse::<u32>()) else {
        return false;
    };
    hours <= 23 && minutes < 60 && minutes.is_multiple_of(5)
}

/// Whether digit groups count up or down ("1 2 3 4 5 6 7 8", "5 6 7 8 9
/// 10 11": levels, steps or ages, not a number).
fn counts(chars: &[char], groups: &[Range<usize>]) -> bool {
    let numbers: Vec<i64> = groups
        .iter()
        .filter_map(|g| chars[g.clone()].iter().collect::<String>().parse().ok())
        .collect();
    [1, -1]
        .iter()
        .any(|step| numbers.windows(2).all(|pair| pair[1] - pair[0] == *step))
}

/// Whether digit groups of these lengths, holding these digits, at these
/// positions, have the shape of a phone number.
type Shape<'a> = dyn Fn(&[usize], &str, &[Range<usize>]) -> bool + 'a;

/// A phone number among `groups` (see [`phones`]), with the "+" or "("
/// before it. The shapes: 3-3-4 digits ("(312) 555-0199", "312.555.0199"),
/// with a leading 1 ("1-800-555-0199"), 10 to 15 digits in one, 7 to 15
/// digits from a digit written apart, five or more of them apart ("3 1 2 5
/// 5 5 0 1 9 9", "three-one-two 555-zero-one-nine-nine") unless they count
/// ("levels 1 2 3 4 5 6 7 8"), "+"
/// and 8 to 15 digits ("+44 20 7946 0958"), three or more groups of 2 to 4
/// digits making 9 to 11 ("55 1234 5678", "612 34 56 78") unless a group
/// is a year or they are an amount, a local 3-4 with a hyphen or dot
/// ("555-0199") unless it is a round range ("100-1000") or a shift
/// ("730-1530"), or a trunk "0" and 10 to 12 digits in groups of 2 to 5
/// ("0151 2345 6789", "07946 095 812"). Dates (2027-06-15), year ranges
/// (2026-2027), grades (9-12), ZIP+4 (60601-1234), times (9:00-3:00) and
/// amounts ($18.50) have none of these shapes.
fn phone_in(
    chars: &[char],
    groups: &[Range<usize>],
    plus: bool,
    run_start: usize,
) -> Option<Range<usize>> {
    let lengths: Vec<usize> = groups.iter().map(ExactSizeIterator::len).collect();
    let digits = |range: &[Range<usize>]| -> String {
        range.iter().flat_map(|g| chars[g.clone()].iter()).collect()
    };
    let total: usize = lengths.iter().sum();
    if plus && (8..=15).contains(&total) {
        return Some(run_start..groups.last()?.end);
    }
    let is_year = |g: &Range<usize>| is_year(chars, g);
    // The shapes in order of how surely they are a number: a room number
    // before "(312) 555-0199" is not part of it.
    let nanp = |shape: &[usize], number: &str, _: &[Range<usize>]| {
        shape == [3, 3, 4]
            || (shape == [1, 3, 3, 4] && number.starts_with('1'))
            || (shape.len() == 1 && (10..=15).contains(&shape[0]))
            || shape == [3, 7]
    };
    let spelled_apart = |shape: &[usize], _: &str, window: &[Range<usize>]| {
        let singles = shape.iter().filter(|&&n| n == 1).count();
        let total: usize = shape.iter().sum();
        singles >= 5
            && shape.first() == Some(&1)
            && (7..=15).contains(&total)
            && !counts(chars, window)
    };
    let local = |shape: &[usize], number: &str, window: &[Range<usize>]| {
        shape == [3, 4]
            && matches!(chars[window[0].end], '-' | '.')
            && window[1].start == window[0].end + 1
            && !number.starts_with(['0', '1'])
            && !number.ends_with("00")
            && !(is_clock_time(&number[..3]) && is_clock_time(&number[3..]))
    };
    let grouped = |shape: &[usize], _: &str, window: &[Range<usize>]| {
        shape.len() >= 3
            && shape.iter().all(|n| (2..=4).contains(n))
            && (9..=11).contains(&shape.iter().sum::<usize>())
            && (shape.contains(&4) || (shape.len() >= 4 && shape.contains(&3)))
            && !window.iter().any(is_year)
            && !is_amount(chars, window)
    };
    let trunk = |shape: &[usize], number: &str, window: &[Range<usize>]| {
        number.starts_with('0')
            && (2..=4).contains(&shape.len())
            && shape.iter().all(|n| (2..=5).contains(n))
            && (10..=12).contains(&shape.iter().sum::<usize>())
            && !window.iter().any(is_year)
            && !window
                .iter()
                .all(|g| is_clock_time(&chars[g.clone()].iter().collect::<String>()))
    };
    let shapes: [&Shape<'_>; 5] = [&nanp, &spelled_apart, &local, &grouped, &trunk];
    for shape_of_a_number in shapes {
        for from in 0..groups.len() {
            // The longest window first, so the whole number is quoted.
            for to in (from + 1..=groups.len()).rev() {
                let window = &groups[from..to];
                if shape_of_a_number(&lengths[from..to], &digits(window), window) {
                    let mut start = window[0].start;
                    // The bracket or "+" that opens it ("(312) 555-0199").
                    let opened = spaces_before(chars, start);
                    if opened > 0 && matches!(chars[opened - 1], '(' | '+') {
                        start = opened - 1;
                    }
                    return Some(start..window.last()?.end);
                }
            }
        }
    }
    None
}
