//! ISO 639-1 language codes, for the languages an employer's team speaks and
//! a student prefers.

const CODES: &str = "aa:Afar|ab:Abkhazian|af:Afrikaans|ak:Akan|am:Amharic|an:Aragonese|ar:Arabic|as:Assamese|av:Avaric|ay:Aymara|az:Azerbaijani|ba:Bashkir|be:Belarusian|bg:Bulgarian|bi:Bislama|bm:Bambara|bn:Bengali|bo:Tibetan|br:Breton|bs:Bosnian|ca:Catalan|ce:Chechen|ch:Chamorro|co:Corsican|cr:Cree|cs:Czech|cu:Church Slavic|cv:Chuvash|cy:Welsh|da:Danish|de:German|dv:Divehi|dz:Dzongkha|ee:Ewe|el:Greek|en:English|eo:Esperanto|es:Spanish|et:Estonian|eu:Basque|fa:Persian|ff:Fulah|fi:Finnish|fj:Fijian|fo:Faroese|fr:French|fy:Western Frisian|ga:Irish|gd:Scottish Gaelic|gl:Galician|gn:Guarani|gu:Gujarati|gv:Manx|ha:Hausa|he:Hebrew|hi:Hindi|ho:Hiri Motu|hr:Croatian|ht:Haitian Creole|hu:Hungarian|hy:Armenian|hz:Herero|ia:Interlingua|id:Indonesian|ie:Interlingue|ig:Igbo|ii:Sichuan Yi|ik:Inupiaq|io:Ido|is:Icelandic|it:Italian|iu:Inuktitut|ja:Japanese|jv:Javanese|ka:Georgian|kg:Kongo|ki:Kikuyu|kj:Kuanyama|kk:Kazakh|kl:Kalaallisut|km:Khmer|kn:Kannada|ko:Korean|kr:Kanuri|ks:Kashmiri|ku:Kurdish|kv:Komi|kw:Cornish|ky:Kyrgyz|la:Latin|lb:Luxembourgish|lg:Ganda|li:Limburgish|ln:Lingala|lo:Lao|lt:Lithuanian|lu:Luba-Katanga|lv:Latvian|mg:Malagasy|mh:Marshallese|mi:Maori|mk:Macedonian|ml:Malayalam|mn:Mongolian|mr:Marathi|ms:Malay|mt:Maltese|my:Burmese|na:Nauru|nb:Norwegian Bokmal|nd:North Ndebele|ne:Nepali|ng:Ndonga|nl:Dutch|nn:Norwegian Nynorsk|no:Norwegian|nr:South Ndebele|nv:Navajo|ny:Chichewa|oc:Occitan|oj:Ojibwa|om:Oromo|or:Odia|os:Ossetian|pa:Punjabi|pi:Pali|pl:Polish|ps:Pashto|pt:Portuguese|qu:Quechua|rm:Romansh|rn:Kirundi|ro:Romanian|ru:Russian|rw:Kinyarwanda|sa:Sanskrit|sc:Sardinian|sd:Sindhi|se:Northern Sami|sg:Sango|si:Sinhala|sk:Slovak|sl:Slovenian|sm:Samoan|sn:Shona|so:Somali|sq:Albanian|sr:Serbian|ss:Swati|st:Southern Sotho|su:Sundanese|sv:Swedish|sw:Swahili|ta:Tamil|te:Telugu|tg:Tajik|th:Thai|ti:Tigrinya|tk:Turkmen|tl:Tagalog|tn:Tswana|to:Tongan|tr:Turkish|ts:Tsonga|tt:Tatar|tw:Twi|ty:Tahitian|ug:Uyghur|uk:Ukrainian|ur:Urdu|uz:Uzbek|ve:Venda|vi:Vietnamese|vo:Volapuk|wa:Walloon|wo:Wolof|xh:Xhosa|yi:Yiddish|yo:Yoruba|za:Zhuang|zh:Chinese|zu:Zulu";

/// The English name of an ISO 639-1 code, or `None` for an unknown code.
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

/// Parses "en, es" (commas or spaces) into distinct lower-case codes, in order;
/// the unknown ones come back in the error.
pub fn parse_list(input: &str) -> Result<Vec<String>, Vec<String>> {
    let mut codes: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for token in input
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        let code = token.to_lowercase();
        if name(&code).is_none() {
            unknown.push(token.to_owned());
        } else if !codes.contains(&code) {
            codes.push(code);
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
    fn lists_are_split_on_commas_and_spaces_and_deduplicated() {
        assert_eq!(
            parse_list("EN, es  vi,es"),
            Ok(vec!["en".into(), "es".into(), "vi".into()])
        );
        assert_eq!(
            parse_list("en, xx, spanish"),
            Err(vec!["xx".into(), "spanish".into()])
        );
        assert_eq!(name("ht"), Some("Haitian Creole"));
    }
}
