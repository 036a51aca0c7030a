//! How text becomes the words search matches, in the language a posting is
//! written in: the one definition the embedded engine, the database
//! fallback and the Meilisearch engine share, so that none of them can
//! disagree on what `ingenieras` or `de` means.
//!
//! - English (and every posting before postings had a language): split on
//!   what is not a letter or digit, lower-case, fold accents. No stemming
//!   and no stop words, exactly as search always worked.
//! - Spanish: the same, then tantivy's Spanish stop words are dropped (with
//!   and without their accents: `tambien` is `también`), and every word is
//!   cut to its Snowball stem (`ingenieras` and `ingeniera` are `ingen`,
//!   `pagado` and `pagadas` are `pag`).
//!
//! Accents are folded *before* stemming so that a word typed without them
//! gets the same stem as the written one (`ingenieria`, `ingeniería`); the
//! one suffix the stemmer only knows with its accent, `-ación`/`-ución`, has
//! it put back first (the plural `-aciones` never has one).
//!
//! A query is read both ways: English postings must contain its English
//! words, Spanish postings its Spanish stems. A query made only of Spanish
//! stop words (`de la`) matches no Spanish posting rather than all of them.

use std::sync::LazyLock;

use entity::PostingLanguage;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, WhitespaceTokenizer,
};

use super::SearchDocument;
use crate::i18n::{self, Lang};

/// Longest word kept; longer "words" are noise (URLs, pasted hashes).
const LONGEST_WORD: usize = 40;

/// Tantivy's Spanish stop words that carry an accent, written without it:
/// people often type Spanish without accents.
const UNACCENTED_STOP_WORDS: &[&str] = &[
    "mas",
    "si",
    "tambien",
    "mio",
    "mia",
    "mios",
    "mias",
    "estais",
    "estan",
    "estes",
    "esteis",
    "esten",
    "estare",
    "estaras",
    "estara",
    "estareis",
    "estaran",
    "estaria",
    "estarias",
    "estariamos",
    "estariais",
    "estarian",
    "estabamos",
    "estuvieramos",
    "estuviesemos",
    "habeis",
    "hayais",
    "habre",
    "habras",
    "habra",
    "habreis",
    "habran",
    "habria",
    "habrias",
    "habriamos",
    "habriais",
    "habrian",
    "habia",
    "habias",
    "habiamos",
    "habiais",
    "habian",
    "hubieramos",
    "hubiesemos",
    "seais",
    "sere",
    "seras",
    "sera",
    "sereis",
    "seran",
    "seria",
    "serias",
    "seriamos",
    "seriais",
    "serian",
    "eramos",
    "fueramos",
    "fuesemos",
    "teneis",
    "tengais",
    "tendre",
    "tendras",
    "tendra",
    "tendreis",
    "tendran",
    "tendria",
    "tendrias",
    "tendriamos",
    "tendriais",
    "tendrian",
    "tenia",
    "tenias",
    "teniamos",
    "teniais",
    "tenian",
    "tuvieramos",
    "tuviesemos",
];

/// English: split on non-alphanumerics, lower-case, fold accents ("Café" -> "cafe").
pub fn english_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Spanish, up to the stems: words lower-cased, stop words out, accents folded.
fn spanish_words_analyzer() -> TextAnalyzer {
    // With tantivy's default features the list is always there; without
    // them Spanish text is still folded and stemmed.
    let stop_words = StopWordFilter::new(Language::Spanish)
        .unwrap_or_else(|| StopWordFilter::remove(Vec::new()));
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(stop_words)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(
            UNACCENTED_STOP_WORDS.iter().map(|w| (*w).to_owned()),
        ))
        .build()
}

/// Spanish stems of words separated by spaces.
fn spanish_stemmer() -> TextAnalyzer {
    TextAnalyzer::builder(WhitespaceTokenizer::default())
        .filter(Stemmer::new(Language::Spanish))
        .filter(AsciiFoldingFilter)
        .build()
}

/// Built once: the stop word set alone is 400 strings. Each use takes a
/// clone, which shares the set.
static ENGLISH: LazyLock<TextAnalyzer> = LazyLock::new(english_analyzer);
static SPANISH_WORDS: LazyLock<TextAnalyzer> = LazyLock::new(spanish_words_analyzer);
static SPANISH_STEMMER: LazyLock<TextAnalyzer> = LazyLock::new(spanish_stemmer);

fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words
}

/// The words of an English text as the index holds them.
pub fn english_words(text: &str) -> Vec<String> {
    tokens(ENGLISH.clone(), text)
}

/// The stems of a Spanish text as the index holds them (stop words left out).
pub fn spanish_words(text: &str) -> Vec<String> {
    let words: Vec<String> = tokens(SPANISH_WORDS.clone(), text)
        .into_iter()
        .map(accent_suffix)
        .collect();
    if words.is_empty() {
        return words;
    }
    tokens(SPANISH_STEMMER.clone(), &words.join(" "))
}

/// Folding took the accent off `-ación`/`-ución`, the one suffix the
/// Snowball stemmer knows only with it: put it back, so that `informacion`,
/// `información` and `informaciones` share the stem `inform`.
fn accent_suffix(word: String) -> String {
    for (bare, accented) in [("acion", "ación"), ("ucion", "ución")] {
        if let Some(stem) = word.strip_suffix(bare)
            && !stem.is_empty()
        {
            return format!("{stem}{accented}");
        }
    }
    word
}

/// The words of `text` read as `language`.
pub fn words(language: PostingLanguage, text: &str) -> Vec<String> {
    match language {
        PostingLanguage::En => english_words(text),
        PostingLanguage::Es => spanish_words(text),
    }
}

/// A query's words, read each way.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryWords {
    /// What English postings must contain (empty: the query has no words,
    /// and then every posting matches).
    pub english: Vec<String>,
    /// What Spanish postings must contain (empty while `english` is not:
    /// only Spanish stop words, and then no Spanish posting matches).
    pub spanish: Vec<String>,
}

impl QueryWords {
    pub fn of(text: &str) -> Self {
        QueryWords {
            english: english_words(text),
            spanish: spanish_words(text),
        }
    }

    /// True when the query has no words at all.
    pub fn is_empty(&self) -> bool {
        self.english.is_empty()
    }

    /// What postings written in `language` must contain, or `None` when no
    /// posting in that language can match.
    pub fn for_language(&self, language: PostingLanguage) -> Option<&[String]> {
        match language {
            PostingLanguage::En => Some(&self.english),
            PostingLanguage::Es if self.spanish.is_empty() && !self.english.is_empty() => None,
            PostingLanguage::Es => Some(&self.spanish),
        }
    }
}

/// The text of a posting that search reads, in the posting's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Searchable {
    pub title: String,
    pub organization: String,
    /// Description, skills and the STEM field's name (in the posting's
    /// language, so `ingeniería` finds a Spanish engineering posting).
    pub body: String,
}

impl Searchable {
    pub fn of(d: &SearchDocument) -> Self {
        Searchable {
            title: d.title.clone(),
            organization: d.organization.clone(),
            body: format!("{} {} {}", d.description, d.skills, field_name(d)),
        }
    }
}

/// The name of a posting's STEM field in the posting's own language.
pub fn field_name(d: &SearchDocument) -> String {
    match d.written_in {
        PostingLanguage::En => d.field.label().to_owned(),
        PostingLanguage::Es => i18n::vocab(Lang::Es, "field", d.field.key()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_words_share_a_stem_with_or_without_accents_and_in_plural() {
        let same = |a: &str, b: &str| {
            assert_eq!(spanish_words(a), spanish_words(b), "{a} / {b}");
            assert!(!spanish_words(a).is_empty(), "{a}");
        };
        same("ingeniería", "ingenieria");
        same("ingeniería", "ingenierías");
        same("ingeniera", "ingenieras");
        same("enfermería", "ENFERMERIA");
        same("pagado", "pagada");
        same("pagado", "pagadas");
        same("prácticas", "practica");
        same("información", "informacion");
        same("información", "informaciones");
        same("programación", "programacion");
        same("biología", "biologia");
    }

    #[test]
    fn spanish_stop_words_are_left_out_with_or_without_accents() {
        assert!(spanish_words("de la y el los para con más también").is_empty());
        assert!(spanish_words("mas tambien").is_empty());
        assert_eq!(
            spanish_words("ingeniería de la salud"),
            spanish_words("ingeniería salud")
        );
    }

    #[test]
    fn english_words_are_folded_and_nothing_more() {
        assert_eq!(
            english_words("The Café engineers"),
            vec!["the", "cafe", "engineers"]
        );
    }

    #[test]
    fn a_query_of_spanish_stop_words_matches_no_spanish_posting() {
        let q = QueryWords::of("de la");
        assert_eq!(q.for_language(PostingLanguage::Es), None);
        assert_eq!(
            q.for_language(PostingLanguage::En),
            Some(&["de".to_owned(), "la".to_owned()][..])
        );
        let empty = QueryWords::of("");
        assert!(empty.is_empty());
        assert_eq!(empty.for_language(PostingLanguage::Es), Some(&[][..]));
    }
}
