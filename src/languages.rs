//! Language codes as BCP 47 writes a primary language: the ISO 639-1 code
//! where a language has one (`es`), else its ISO 639-3 code (`hmn`, `ksw`,
//! `mam`, `quc`, `chk`, `ase`), for the languages an employer's team speaks,
//! a student prefers and a guardian reads, and [`normalize`], which reads a
//! language however a person or a roster export wrote it. A family's home
//! language is kept a little finer ([`family`]): Chinese with the script the
//! family reads, since a line for them is written in one or the other.
//! Some family languages we write nothing in ([`without_line`]): those
//! families get our English mail, and calls go through an interpreter (a
//! sign-language one for a signed language, [`signed`]).

/// Each language once, `code:English name`: the ISO 639-1 languages, then
/// (ISO 639-3) those US districts record that have no two-letter code. The
/// list only grows at the end: search keeps a language as its position here
/// (`search::matching::LanguageMask`, 192 bits; a unit test holds the count
/// under it).
const CODES: &str = "aa:Afar|ab:Abkhazian|af:Afrikaans|ak:Akan|am:Amharic|an:Aragonese|ar:Arabic|as:Assamese|av:Avaric|ay:Aymara|az:Azerbaijani|ba:Bashkir|be:Belarusian|bg:Bulgarian|bi:Bislama|bm:Bambara|bn:Bengali|bo:Tibetan|br:Breton|bs:Bosnian|ca:Catalan|ce:Chechen|ch:Chamorro|co:Corsican|cr:Cree|cs:Czech|cu:Church Slavic|cv:Chuvash|cy:Welsh|da:Danish|de:German|dv:Divehi|dz:Dzongkha|ee:Ewe|el:Greek|en:English|eo:Esperanto|es:Spanish|et:Estonian|eu:Basque|fa:Persian|ff:Fulah|fi:Finnish|fj:Fijian|fo:Faroese|fr:French|fy:Western Frisian|ga:Irish|gd:Scottish Gaelic|gl:Galician|gn:Guarani|gu:Gujarati|gv:Manx|ha:Hausa|he:Hebrew|hi:Hindi|ho:Hiri Motu|hr:Croatian|ht:Haitian Creole|hu:Hungarian|hy:Armenian|hz:Herero|ia:Interlingua|id:Indonesian|ie:Interlingue|ig:Igbo|ii:Sichuan Yi|ik:Inupiaq|io:Ido|is:Icelandic|it:Italian|iu:Inuktitut|ja:Japanese|jv:Javanese|ka:Georgian|kg:Kongo|ki:Kikuyu|kj:Kuanyama|kk:Kazakh|kl:Kalaallisut|km:Khmer|kn:Kannada|ko:Korean|kr:Kanuri|ks:Kashmiri|ku:Kurdish|kv:Komi|kw:Cornish|ky:Kyrgyz|la:Latin|lb:Luxembourgish|lg:Ganda|li:Limburgish|ln:Lingala|lo:Lao|lt:Lithuanian|lu:Luba-Katanga|lv:Latvian|mg:Malagasy|mh:Marshallese|mi:Maori|mk:Macedonian|ml:Malayalam|mn:Mongolian|mr:Marathi|ms:Malay|mt:Maltese|my:Burmese|na:Nauru|nb:Norwegian Bokmal|nd:North Ndebele|ne:Nepali|ng:Ndonga|nl:Dutch|nn:Norwegian Nynorsk|no:Norwegian|nr:South Ndebele|nv:Navajo|ny:Chichewa|oc:Occitan|oj:Ojibwa|om:Oromo|or:Odia|os:Ossetian|pa:Punjabi|pi:Pali|pl:Polish|ps:Pashto|pt:Portuguese|qu:Quechua|rm:Romansh|rn:Kirundi|ro:Romanian|ru:Russian|rw:Kinyarwanda|sa:Sanskrit|sc:Sardinian|sd:Sindhi|se:Northern Sami|sg:Sango|si:Sinhala|sk:Slovak|sl:Slovenian|sm:Samoan|sn:Shona|so:Somali|sq:Albanian|sr:Serbian|ss:Swati|st:Southern Sotho|su:Sundanese|sv:Swedish|sw:Swahili|ta:Tamil|te:Telugu|tg:Tajik|th:Thai|ti:Tigrinya|tk:Turkmen|tl:Tagalog|tn:Tswana|to:Tongan|tr:Turkish|ts:Tsonga|tt:Tatar|tw:Twi|ty:Tahitian|ug:Uyghur|uk:Ukrainian|ur:Urdu|uz:Uzbek|ve:Venda|vi:Vietnamese|vo:Volapuk|wa:Walloon|wo:Wolof|xh:Xhosa|yi:Yiddish|yo:Yoruba|za:Zhuang|zh:Chinese|zu:Zulu|hmn:Hmong|ksw:S'gaw Karen|mam:Mam|quc:K'iche'|chk:Chuukese|ase:American Sign Language";

/// The home languages a guardian's form offers: the site's own, then those
/// US districts record most (Chinese as the two scripts families read),
/// then those we write no line in ([`WITHOUT_LINE`]). Any other language a
/// roster gives is kept as recorded (the form offers it on that guardian's
/// record, as it does plain `zh` recorded without a script). Each has a
/// name (`vocab-language-{code}`) and, but for the site's own and those
/// without a line, a line written in it (`mail-tagline-{code}`) in the
/// catalogue; a unit test of `i18n` checks both.
pub const FAMILY_LANGUAGES: [&str; 47] = [
    "en", "es", "zh-Hans", "zh-Hant", "vi", "ar", "ht", "ko", "tl", "ru", "fr", "pt", "so", "ps",
    "fa", "uk", "ja", "hi", "ur", "bn", "pa", "gu", "te", "ta", "ne", "my", "km", "lo", "am", "ti",
    "sw", "pl", "ro", "tr", "el", "he", "th", "de", "it", "hmn", "chk", "ksw", "mam", "quc", "mh",
    "nv", "ase",
];

/// The family languages we write nothing in, not even the one line on top
/// of our mail (`mail-tagline-{code}`): a signed language has no written
/// form, and for S'gaw Karen, Mam, K'iche', Marshallese and Navajo nobody
/// here can write a line we could stand behind. Their families get our
/// mail in English, and the counselor is asked to reach them through an
/// interpreter (`families::interpreter`; a sign-language interpreter for
/// the [`SIGNED`] ones). A line written for one of them one day takes it
/// off this list.
const WITHOUT_LINE: [&str; 6] = ["ksw", "mam", "quc", "mh", "nv", "ase"];

/// Whether the home language `written` (a code or a name, as a guardian's
/// record keeps it) is one we write no line in ([`WITHOUT_LINE`]).
pub fn without_line(written: &str) -> bool {
    family(written).is_some_and(|code| WITHOUT_LINE.contains(&code))
}

/// The signed languages of [`CODES`], all [`WITHOUT_LINE`]. They have no
/// written form: a family that signs reads our mail in English, and a
/// meeting or a call with them needs a sign-language interpreter (the
/// counselor's pages say so).
const SIGNED: [&str; 1] = ["ase"];

/// Whether the home language `written` (a code or a name, as a guardian's
/// record keeps it) is a signed language (`ASL`, `ase`).
pub fn signed(written: &str) -> bool {
    family(written).is_some_and(|code| SIGNED.contains(&code))
}

/// The languages of [`CODES`] written right to left (Arabic, Hebrew and
/// Thaana scripts): a line in one of them is marked `dir="rtl"`.
const RIGHT_TO_LEFT: [&str; 10] = ["ar", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"];

/// Whether text in the language `code` (`ar`, `fa`) runs right to left.
pub fn right_to_left(code: &str) -> bool {
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    RIGHT_TO_LEFT.contains(&primary)
}

/// The family code of a language we know but do not write yet (`vi`,
/// `zh-Hant`), however `written` names it; `None` for one we write (`es`),
/// or do not know.
pub fn unwritten(written: &str) -> Option<&'static str> {
    family(written).filter(|code| crate::i18n::Lang::from_code(code).is_none())
}

/// A family's home language as it is kept: [`normalize`]'s code, except
/// that Chinese keeps the script the family reads, `zh-Hant` (Traditional
/// characters) or `zh-Hans` (Simplified), and is plain `zh` when the value
/// does not say. Guardian records (the roster, the counselor's form) go
/// through here; languages people speak (postings, profiles, search) stay
/// ISO 639-1.
///
/// A household recorded with English and another language ("English/Spanish",
/// "Vietnamese & English", a frequent SIS value) is kept as the other one:
/// the family reads English as well, and may read the other more easily
/// (eyes17b F14: it used to become English without a word).
pub fn family(value: &str) -> Option<&'static str> {
    let folded = fold(value);
    let named: Vec<&'static str> = folded
        .split(['/', ',', ';', '&', '+'])
        .flat_map(|part| part.split(" and ").flat_map(|part| part.split(" y ")))
        .filter_map(normalize)
        .collect();
    let code = match *named.first()? {
        "en" => named
            .iter()
            .copied()
            .find(|code| *code != "en")
            .unwrap_or("en"),
        first => first,
    };
    match code {
        "zh" => Some(chinese_script(value)),
        code => Some(code),
    }
}

/// The script a Chinese language value names. The script itself comes
/// first ("Cantonese (Simplified)" reads Simplified), then the place (Taiwan,
/// Hong Kong and Macau write Traditional characters, mainland China and
/// Singapore Simplified), then the spoken language, as US districts record
/// it: Cantonese families read Traditional, Mandarin ones Simplified.
fn chinese_script(value: &str) -> &'static str {
    const TRADITIONAL: &str = "zh-Hant";
    const SIMPLIFIED: &str = "zh-Hans";
    let folded = fold(value);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let says = |names: &[&str], han: &[&str]| {
        words.iter().any(|w| names.contains(w)) || han.iter().any(|h| folded.contains(h))
    };
    let steps: [(&[&str], &[&str], &'static str); 6] = [
        (
            &["hant", "traditional", "trad"],
            &["繁", "正體", "正体"],
            TRADITIONAL,
        ),
        (&["hans", "simplified", "simp"], &["简", "簡"], SIMPLIFIED),
        (
            &["tw", "hk", "mo", "taiwan", "hong", "macau", "macao"],
            &["台灣", "臺灣", "香港", "澳門"],
            TRADITIONAL,
        ),
        (&["cn", "sg", "china", "singapore"], &[], SIMPLIFIED),
        (
            &["yue", "cantonese"],
            &["粵", "粤", "廣東", "广东"],
            TRADITIONAL,
        ),
        (&["cmn", "mandarin"], &["普通"], SIMPLIFIED),
    ];
    steps
        .iter()
        .find(|(names, han, _)| says(names, han))
        .map_or("zh", |(_, _, script)| script)
}

/// The English name of a code of [`CODES`], or `None` for an unknown code.
pub fn name(code: &str) -> Option<&'static str> {
    CODES.split('|').find_map(|entry| {
        let (c, name) = entry.split_once(':')?;
        (c == code).then_some(name)
    })
}

/// The position of a code in the list (stable: the list only grows at the end).
pub fn position(code: &str) -> Option<usize> {
    CODES
        .split('|')
        .position(|entry| entry.split_once(':').is_some_and(|(c, _)| c == code))
}

/// ISO 639-2 (bibliographic and terminology) and ISO 639-3 codes of the
/// languages US school rosters carry, with their code in [`CODES`]. SIS
/// exports write `spa`, `eng`, `vie`... as often as `es`; a few languages
/// without a two-letter code are read as the written language families use
/// (Mandarin and Cantonese as Chinese, Dari and Iranian Persian as Persian,
/// the Pashto varieties as Pashto, Filipino as Tagalog, White and Green
/// Hmong as Hmong). The collective codes rosters use for two of them are
/// read as what a US district means by them: `kar` (Karen languages) as
/// S'gaw Karen, which nearly all Karen families from Burma speak and read,
/// and `sgn` (sign languages) as American Sign Language.
const THREE_LETTER: &str = "mww:hmn|mah:mh|hnj:hmn|blu:hmn|kar:ksw|sgn:ase|aar:aa|afr:af|aka:ak|alb:sq|amh:am|ara:ar|arb:ar|arm:hy|aym:ay|aze:az|bel:be|ben:bn|bos:bs|bul:bg|bur:my|cat:ca|ces:cs|cha:ch|chi:zh|cmn:zh|yue:zh|zho:zh|prs:fa|pes:fa|pbu:ps|pbt:ps|pst:ps|cze:cs|dan:da|deu:de|dut:nl|ell:el|eng:en|est:et|eus:eu|baq:eu|fas:fa|per:fa|fil:tl|fin:fi|fra:fr|fre:fr|ful:ff|geo:ka|ger:de|gle:ga|glg:gl|gre:el|grn:gn|guj:gu|hat:ht|hau:ha|heb:he|hin:hi|hrv:hr|hun:hu|hye:hy|ibo:ig|ind:id|ice:is|isl:is|ita:it|jav:jv|jpn:ja|kan:kn|kat:ka|kaz:kk|khm:km|kin:rw|kir:ky|kor:ko|kur:ku|lao:lo|lav:lv|lit:lt|mac:mk|mal:ml|mar:mr|may:ms|mkd:mk|mlg:mg|mon:mn|msa:ms|mya:my|nav:nv|nep:ne|nld:nl|nor:no|nob:nb|nno:nn|orm:om|pan:pa|pol:pl|por:pt|pus:ps|que:qu|ron:ro|rum:ro|run:rn|rus:ru|sin:si|slk:sk|slo:sk|slv:sl|smo:sm|sna:sn|som:so|spa:es|sqi:sq|srp:sr|swa:sw|swh:sw|swe:sv|tam:ta|tel:te|tgk:tg|tgl:tl|tha:th|tir:ti|ton:to|tuk:tk|tur:tr|twi:tw|uig:ug|ukr:uk|urd:ur|uzb:uz|vie:vi|wol:wo|xho:xh|yid:yi|yor:yo|zul:zu";

/// Names rosters use besides the English names of [`CODES`]: each language's
/// name in itself (accents and apostrophes removed, as [`fold`] does:
/// `K'iche'` is `kiche`) and common variants.
const OTHER_NAMES: &str = "hmoob:hmn|hmong daw:hmn|white hmong:hmn|hmong der:hmn|hmoob dawb:hmn|hmong njua:hmn|green hmong:hmn|blue hmong:hmn|mong leng:hmn|hmong leng:hmn|hmoob leeg:hmn|karen:ksw|sgaw karen:ksw|karen sgaw:ksw|sgaw:ksw|skaw karen:ksw|mam maya:mam|dine bizaad:nv|kajin majel:mh|kiche:quc|quiche:quc|kiche maya:quc|quiche maya:quc|trukese:chk|chuuk:chk|kapasen chuuk:chk|asl:ase|sign language:ase|american sign:ase|espanol:es|castellano:es|castilian:es|english:en|ingles:en|francais:fr|deutsch:de|portugues:pt|italiano:it|tieng viet:vi|tiengviet:vi|mandarin:zh|mandarin chinese:zh|cantonese:zh|cantonese chinese:zh|traditional chinese:zh|simplified chinese:zh|chinese traditional:zh|chinese simplified:zh|中文:zh|汉语:zh|漢語:zh|普通话:zh|普通話:zh|國語:zh|国语:zh|華語:zh|华语:zh|廣東話:zh|广东话:zh|粵語:zh|粤语:zh|繁體中文:zh|繁体中文:zh|正體中文:zh|简体中文:zh|簡體中文:zh|한국어:ko|日本語:ja|nihongo:ja|العربية:ar|عربي:ar|عربى:ar|اللغة العربية:ar|русский:ru|russkiy:ru|kreyol:ht|kreyol ayisyen:ht|haitian:ht|filipino:tl|soomaali:so|af-soomaali:so|polski:pl|українська:uk|हिन्दी:hi|اردو:ur|فارسی:fa|farsi:fa|dari:fa|বাংলা:bn|bangla:bn|ਪੰਜਾਬੀ:pa|panjabi:pa|pushto:ps|ትግርኛ:ti|አማርኛ:am|kiswahili:sw|nederlands:nl|flemish:nl|moldovan:ro|romana:ro|turkce:tr|ελληνικα:el|עברית:he|ภาษาไทย:th|ខ្មែរ:km|ພາສາລາວ:lo|မြန်မာ:my|nepali:ne|नेपाली:ne|uighur:ug|kirghiz:ky|sinhalese:si|gaelic:gd";

/// Lower case, without the accents of Latin letters (`Español` → `espanol`)
/// nor apostrophes, however typed (`K’iche’` → `kiche`), one space between
/// words. NFKC first: an accent typed as a separate mark (`Espan\u{303}ol`,
/// as macOS and some exports write it) is composed, and the full-width
/// punctuation of a Chinese or Japanese keyboard becomes ASCII
/// (`中文（繁體）` → `中文(繁體)`), so both read as the same words written
/// the usual way (eyes18b F1).
fn fold(value: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let lower = value.nfkc().collect::<String>().trim().to_lowercase();
    let plain: String = lower
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´'))
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ẽ' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ế' | 'ệ' | 'ể' | 'ề' | 'ễ' => 'e',
            other => other,
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lookup(table: &'static str, key: &str) -> Option<&'static str> {
    table.split('|').find_map(|entry| {
        let (k, code) = entry.split_once(':')?;
        (k == key).then_some(code)
    })
}

/// The code of a language however it was written, as BCP 47 writes it (the
/// ISO 639-1 code, else the ISO 639-3 one): an ISO 639-1 code (`es`), an
/// ISO 639-2/3 code (`spa`, `hmn`), a BCP 47 tag (`es-MX`, `es_419`), or a
/// name in English or in the language itself (`Spanish`, `SPANISH`,
/// `Español`, `Espanol`, `Spanish (Mexico)`, `Hmoob`). `None` when it names
/// no language we know. Every language read from outside (roster imports,
/// forms, profiles, search) goes through here, so each is stored as the
/// same code.
pub fn normalize(value: &str) -> Option<&'static str> {
    let folded = fold(value);
    // "Spanish (Mexico)", "Spanish; Castilian", "Chinese / Mandarin": the first part.
    let first = folded
        .split(['(', ';', ',', '/'])
        .next()
        .unwrap_or_default();
    // "Spanish - Mexico": the part before a spaced dash (a tag's dash,
    // "es-MX", has no spaces).
    let first = first.split(" - ").next().unwrap_or_default().trim();
    if first.is_empty() {
        return None;
    }
    let by_name = |name: &str| {
        CODES
            .split('|')
            .find_map(|entry| {
                let (code, english) = entry.split_once(':')?;
                (english.eq_ignore_ascii_case(name)).then_some(code)
            })
            .or_else(|| lookup(OTHER_NAMES, name))
    };
    if let Some(code) = by_name(first) {
        return Some(code);
    }
    // "Haitian-Creole", "Haitian_Creole": the name with its words spaced.
    let spaced = first
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(code) = by_name(&spaced) {
        return Some(code);
    }
    // A code or a BCP 47 tag: its primary subtag decides.
    let primary = first.split(['-', '_']).next().unwrap_or_default();
    if !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let listed = || {
        CODES.split('|').find_map(|entry| {
            let (code, _) = entry.split_once(':')?;
            (code == primary).then_some(code)
        })
    };
    match primary.len() {
        2 => listed(),
        3 => listed().or_else(|| lookup(THREE_LETTER, primary)),
        _ => None,
    }
}

/// The interface language written as `written` (a code or a name in any
/// form [`normalize`] reads), if the site speaks it.
pub fn interface_lang(written: &str) -> Option<crate::i18n::Lang> {
    normalize(written).and_then(crate::i18n::Lang::from_code)
}

/// Parses "en, es" or "Spanish; Haitian Creole" into distinct lower-case
/// codes, in order. Each part between commas or semicolons is read whole by
/// [`normalize`] (names may have several words), else word by word ("en es");
/// the unknown ones come back in the error.
pub fn parse_list(input: &str) -> Result<Vec<String>, Vec<String>> {
    let mut codes: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for part in input
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let read: Vec<(&str, Option<&'static str>)> = match normalize(part) {
            Some(code) => vec![(part, Some(code))],
            None => part
                .split_whitespace()
                .map(|word| (word, normalize(word)))
                .collect(),
        };
        for (word, code) in read {
            match code {
                None => unknown.push(word.to_owned()),
                Some(code) if !codes.iter().any(|c| c == code) => codes.push(code.to_owned()),
                Some(_) => {}
            }
        }
    }
    if unknown.is_empty() {
        Ok(codes)
    } else {
        Err(unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_another_unicode_form_or_the_familys_own_word_are_recognised() {
        // Decomposed accents (NFD), as macOS and some exports write them.
        assert_eq!(family("Espan\u{303}ol"), Some("es"));
        assert_eq!(family("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t"), Some("vi"));
        // Full-width parentheses from a Chinese keyboard.
        assert_eq!(family("中文（繁體）"), Some("zh-Hant"));
        assert_eq!(family("中文（简体）"), Some("zh-Hans"));
        assert_eq!(family("Chinese (Trad.)"), Some("zh-Hant"));
        assert_eq!(family("Chinese (Simp.)"), Some("zh-Hans"));
        assert_eq!(family("عربي"), Some("ar"));
        assert_eq!(family("اللغة العربية"), Some("ar"));
    }

    #[test]
    fn a_household_with_english_and_another_language_is_kept_as_the_other() {
        assert_eq!(family("English/Spanish"), Some("es"));
        assert_eq!(family("Spanish, English"), Some("es"));
        assert_eq!(family("Vietnamese & English"), Some("vi"));
        assert_eq!(family("English and Somali"), Some("so"));
        assert_eq!(family("English / Chinese (Traditional)"), Some("zh-Hant"));
        // Qualifiers and one language named twice stay as they were.
        assert_eq!(family("English"), Some("en"));
        assert_eq!(family("English (US)"), Some("en"));
        assert_eq!(family("Chinese / Mandarin"), Some("zh-Hans"));
        assert_eq!(family("Spanish; Castilian"), Some("es"));
        assert_eq!(family("English/Klingon"), Some("en"));
        assert_eq!(family("Klingon"), None);
    }

    #[test]
    fn lists_are_split_on_commas_and_spaces_and_deduplicated() {
        assert_eq!(
            parse_list("EN, es  vi,es"),
            Ok(vec!["en".into(), "es".into(), "vi".into()])
        );
        assert_eq!(
            parse_list("en, xx, spanish, elvish"),
            Err(vec!["xx".into(), "elvish".into()])
        );
        assert_eq!(parse_list("Spanish, spa es-MX"), Ok(vec!["es".into()]));
        assert_eq!(
            parse_list("Haitian Creole; English"),
            Ok(vec!["ht".into(), "en".into()]),
            "a name of two words is read whole"
        );
        assert_eq!(name("ht"), Some("Haitian Creole"));
    }

    #[test]
    fn languages_are_read_as_roster_exports_write_them() {
        for written in [
            "es",
            "ES",
            "spa",
            "SPA",
            "es-MX",
            "es_419",
            "es-419",
            "Spanish",
            "SPANISH",
            "spanish",
            "Español",
            "español",
            "Espanol",
            "ESPAÑOL",
            "Castellano",
            "Spanish (Mexico)",
            "Spanish; Castilian",
            " Spanish ",
        ] {
            assert_eq!(normalize(written), Some("es"), "{written}");
        }
        for written in ["en", "eng", "en-US", "English", "ENGLISH", "Inglés"] {
            assert_eq!(normalize(written), Some("en"), "{written}");
        }
        assert_eq!(normalize("vie"), Some("vi"));
        assert_eq!(normalize("Tiếng Việt"), Some("vi"));
        assert_eq!(normalize("Haitian Creole"), Some("ht"));
        // As SIS exports also write them (eyes13a F7).
        assert_eq!(normalize("Haitian-Creole"), Some("ht"));
        assert_eq!(normalize("Spanish - Mexico"), Some("es"));
        assert_eq!(normalize("Mandarin Chinese"), Some("zh"));
        assert_eq!(normalize("Kreyòl"), Some("ht"));
        assert_eq!(normalize("chi"), Some("zh"));
        assert_eq!(normalize("中文"), Some("zh"));
        assert_eq!(normalize("Français"), Some("fr"));
        for unknown in [
            "",
            "xx",
            "xyz",
            "Elvish",
            "Spanish please",
            "e",
            "12",
            "es4",
        ] {
            assert_eq!(normalize(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn a_familys_chinese_keeps_the_script_they_read() {
        // eyes15b F3: as rosters write it.
        for written in [
            "zh-Hant",
            "zh-TW",
            "zh_TW",
            "zh-HK",
            "zh-Hant-TW",
            "zh-MO",
            "yue",
            "yue-HK",
            "Cantonese",
            "Chinese - Cantonese",
            "Chinese (Traditional)",
            "Chinese, Traditional",
            "Traditional Chinese",
            "Chinese-Traditional",
            "繁體中文",
            "繁体中文",
            "正體中文",
            "廣東話",
            "粵語",
            "Mandarin (Taiwan)",
            "cmn-Hant-TW",
        ] {
            assert_eq!(family(written), Some("zh-Hant"), "{written}");
            assert_eq!(normalize(written), Some("zh"), "{written} is Chinese");
        }
        for written in [
            "zh-Hans",
            "zh-CN",
            "zh-SG",
            "zh-Hans-CN",
            "Mandarin",
            "Mandarin Chinese",
            "cmn",
            "Chinese (Simplified)",
            "Simplified Chinese",
            "简体中文",
            "簡體中文",
            "普通话",
            "Cantonese (Simplified)",
        ] {
            assert_eq!(family(written), Some("zh-Hans"), "{written}");
        }
        for written in ["zh", "ZH", "Chinese", "chi", "zho", "中文", "汉语"] {
            assert_eq!(family(written), Some("zh"), "{written}: as today");
        }
        // Other languages are kept as `normalize` reads them.
        assert_eq!(family("Tiếng Việt"), Some("vi"));
        assert_eq!(family("es-MX"), Some("es"));
        assert_eq!(family("Klingon"), None);
        assert_eq!(unwritten("zh-TW"), Some("zh-Hant"));
        assert_eq!(unwritten("Spanish"), None);
    }

    #[test]
    fn dari_and_pashto_are_read_by_their_iso_639_3_codes() {
        assert_eq!(normalize("prs"), Some("fa"));
        assert_eq!(normalize("PRS"), Some("fa"));
        assert_eq!(normalize("pes"), Some("fa"));
        assert_eq!(normalize("pbu"), Some("ps"));
        assert_eq!(normalize("Dari"), Some("fa"));
    }

    #[test]
    fn languages_without_a_two_letter_code_are_read_by_their_iso_639_3_code_and_names() {
        // As SIS exports write them: names, names in the language itself,
        // codes, collective codes, odd spellings and case.
        let rosters: [(&str, &[&str]); 6] = [
            (
                "hmn",
                &[
                    "hmn",
                    "HMN",
                    "Hmong",
                    "HMONG",
                    "hmong ",
                    "Hmoob",
                    "White Hmong",
                    "Hmong Daw",
                    "Hmong Njua",
                    "mww",
                    "hmn-US",
                    "Hmong (Laos)",
                ],
            ),
            (
                "ksw",
                &[
                    "ksw",
                    "kar",
                    "KAR",
                    "Karen",
                    "S'gaw Karen",
                    "S’gaw Karen",
                    "Sgaw",
                    "SGAW KAREN",
                    "Karen (S'gaw)",
                    "Karen - Sgaw",
                ],
            ),
            ("mam", &["mam", "Mam", "MAM", "Mam Maya", "Mam (Guatemala)"]),
            (
                "quc",
                &[
                    "quc",
                    "K'iche'",
                    "K’iche’",
                    "Kiche",
                    "Quiche",
                    "Quiché",
                    "QUICHE",
                    "K'iche' Maya",
                ],
            ),
            ("chk", &["chk", "Chuukese", "Trukese", "CHUUKESE", "Chuuk"]),
            (
                "ase",
                &[
                    "ase",
                    "sgn",
                    "sgn-US",
                    "ASL",
                    "asl",
                    "American Sign Language",
                    "Sign Language",
                    "ASL (American Sign Language)",
                ],
            ),
        ];
        for (code, written) in rosters {
            for w in written {
                assert_eq!(normalize(w), Some(code), "{w}");
                assert_eq!(family(w), Some(code), "{w}");
                assert_eq!(unwritten(w), Some(code), "{w}: we do not write it");
            }
            assert!(name(code).is_some(), "{code}");
        }
        assert_eq!(family("Hmong/English"), Some("hmn"));
        assert_eq!(family("Mam y Español"), Some("mam"));
        assert!(signed("ASL") && signed("ase") && signed("Sign Language"));
        assert!(!signed("Hmong") && !signed("en") && !signed("Klingon"));
        for unknown in ["hmx", "Sign", "Karenina", "Mamá", "q'"] {
            assert_eq!(normalize(unknown), None, "{unknown}");
        }
        assert_eq!(
            parse_list("en, Hmong; American Sign Language, mam"),
            Ok(vec!["en".into(), "hmn".into(), "ase".into(), "mam".into()])
        );
    }

    #[test]
    fn the_guardian_form_offers_karen_mam_kiche_marshallese_and_navajo_mailed_in_english() {
        for (code, written) in [
            ("ksw", ["ksw", "S'gaw Karen", "kar"]),
            ("mam", ["mam", "Mam", "Mam Maya"]),
            ("quc", ["quc", "K'iche'", "Quiché"]),
            ("mh", ["mh", "Marshallese", "mah"]),
            ("nv", ["nv", "Navajo", "nav"]),
        ] {
            assert!(FAMILY_LANGUAGES.contains(&code), "{code} offered");
            assert!(name(code).is_some(), "{code}");
            for w in written {
                assert_eq!(family(w), Some(code), "{w}");
                assert_eq!(unwritten(w), Some(code), "{w}: mail in English");
                assert!(without_line(w), "{w}: no line written in it");
                assert!(!signed(w), "{w}: spoken, not signed");
            }
        }
        assert_eq!(family("Diné bizaad"), Some("nv"));
        assert_eq!(family("Kajin Majel"), Some("mh"));
        // A language we write a line in, or whole mails in, is not one of them.
        for code in ["vi", "hmn", "chk", "zh-Hant", "es", "en", "Klingon"] {
            assert!(!without_line(code), "{code}");
        }
    }

    #[test]
    fn a_signed_language_is_one_we_write_no_line_in_and_is_offered() {
        for code in SIGNED {
            assert!(WITHOUT_LINE.contains(&code), "{code}");
            assert!(without_line(code) && signed(code), "{code}");
        }
        for code in WITHOUT_LINE {
            assert!(FAMILY_LANGUAGES.contains(&code), "{code} offered");
            assert_eq!(unwritten(code), Some(code), "{code}: not a site language");
        }
    }

    #[test]
    fn every_code_fits_the_language_mask_of_search() {
        let count = CODES.split('|').count();
        let bits = std::mem::size_of::<crate::search::matching::LanguageMask>() * 8;
        assert!(count <= bits, "{count} codes, {bits} bits");
        // Positions only grow at the end.
        assert_eq!(position("zu"), Some(181));
        assert_eq!(position("hmn"), Some(182));
    }

    #[test]
    fn languages_written_right_to_left_are_known() {
        for code in ["ar", "fa", "ps", "ur", "he", "yi", "ar-EG"] {
            assert!(right_to_left(code), "{code}");
        }
        for code in ["en", "es", "zh-Hant", "vi", "am", "ti", ""] {
            assert!(!right_to_left(code), "{code}");
        }
    }
}
