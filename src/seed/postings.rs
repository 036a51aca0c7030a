//! Realistic generated postings for the demo and the search benchmark:
//! varied kinds, fields, pay, schedules and access features, spread over the
//! ZIP codes of a few metro areas. Deterministic for a given seed.

use chrono::{Duration, NaiveDate};
use entity::{AccessNeed, OpportunityKind, StemField, WorkMode};
use rand::{Rng, SeedableRng, rngs::StdRng, seq::IndexedRandom};

use crate::opportunities::forms::{PostingForm, derived};

/// Metro areas and some of their ZIP codes.
pub const METROS: &[(&str, &[&str])] = &[
    (
        "Chicago",
        &[
            "60601", "60605", "60607", "60608", "60612", "60616", "60619", "60623", "60629",
            "60637", "60644", "60647",
        ],
    ),
    (
        "Houston",
        &[
            "77002", "77003", "77004", "77011", "77021", "77030", "77033", "77054", "77081",
            "77092",
        ],
    ),
    (
        "Los Angeles",
        &[
            "90001", "90011", "90012", "90017", "90021", "90033", "90037", "90044", "90057",
            "90063",
        ],
    ),
    (
        "Atlanta",
        &[
            "30303", "30308", "30310", "30312", "30314", "30318", "30331", "30344",
        ],
    ),
];

const ROLES: &[(StemField, &[&str])] = &[
    (
        StemField::ComputerScience,
        &[
            "Software development",
            "Web accessibility testing",
            "Cybersecurity",
            "Game design",
            "IT help desk",
        ],
    ),
    (
        StemField::Engineering,
        &[
            "Robotics lab",
            "Civil engineering field",
            "Electrical design",
            "3D printing and CAD",
            "Bridge inspection",
        ],
    ),
    (
        StemField::LifeSciences,
        &[
            "Biology research lab",
            "Genetics lab",
            "Zoo animal care",
            "Microbiology",
        ],
    ),
    (
        StemField::Health,
        &[
            "Hospital pharmacy",
            "Physical therapy clinic",
            "Community health outreach",
            "Dental lab",
            "Emergency medicine",
        ],
    ),
    (
        StemField::PhysicalSciences,
        &[
            "Chemistry lab",
            "Materials testing",
            "Astronomy outreach",
            "Physics research",
        ],
    ),
    (
        StemField::MathAndData,
        &[
            "Data analysis",
            "Actuarial",
            "Transit data mapping",
            "Sports statistics",
        ],
    ),
    (
        StemField::EnvironmentalScience,
        &[
            "Water quality testing",
            "Urban forestry",
            "Solar installation",
            "Recycling and waste",
        ],
    ),
    (
        StemField::AdvancedManufacturing,
        &[
            "CNC machining",
            "Electronics assembly",
            "Quality control",
            "Welding technology",
        ],
    ),
];

const SKILLS: &[&str] = &[
    "Python",
    "spreadsheets",
    "lab safety",
    "soldering",
    "CAD",
    "teamwork",
    "public speaking",
    "data entry",
    "microscopy",
    "customer service",
    "HTML and CSS",
    "measuring tools",
];
const SCHEDULES: &[&str] = &[
    "Tuesdays and Thursdays 4-6 pm",
    "Saturdays 9 am-1 pm",
    "Weekdays 9 am-3 pm in summer",
    "Flexible, about 8 hours a week",
    "Mondays and Wednesdays after school",
];
const LANGUAGE_SETS: &[&str] = &[
    "en",
    "en",
    "en, es",
    "en, es",
    "en, vi",
    "en, zh",
    "en, ar",
    "en, es, ht",
    "en, ko",
];

/// One generated posting for an employer in `metro`.
pub fn generate(rng: &mut StdRng, metro: usize, today: NaiveDate) -> PostingForm {
    let (_, zips) = METROS[metro % METROS.len()];
    let (field, roles) = ROLES.choose(rng).copied().unwrap_or(ROLES[0]);
    let role = roles.choose(rng).copied().unwrap_or("STEM");
    let kind = *[
        OpportunityKind::Internship,
        OpportunityKind::Internship,
        OpportunityKind::JobShadow,
        OpportunityKind::Apprenticeship,
        OpportunityKind::VirtualExperience,
    ]
    .choose(rng)
    .unwrap_or(&OpportunityKind::Internship);
    let mode = match kind {
        OpportunityKind::VirtualExperience => WorkMode::Remote,
        OpportunityKind::JobShadow => WorkMode::OnSite,
        _ => *[
            WorkMode::OnSite,
            WorkMode::OnSite,
            WorkMode::Hybrid,
            WorkMode::Remote,
        ]
        .choose(rng)
        .unwrap_or(&WorkMode::OnSite),
    };
    let title = match kind {
        OpportunityKind::JobShadow => format!("{role} job shadow day"),
        OpportunityKind::Apprenticeship => format!("{role} apprenticeship"),
        OpportunityKind::VirtualExperience => format!("Virtual {} experience", role.to_lowercase()),
        OpportunityKind::Internship => format!("{role} intern"),
    };
    let deadline = today + Duration::days(rng.random_range(7..90));
    let start = deadline + Duration::days(rng.random_range(7..45));
    let end = if kind == OpportunityKind::JobShadow {
        start
    } else {
        start + Duration::days(rng.random_range(28..120))
    };
    let (compensation, wage, stipend) = match rng.random_range(0..10) {
        _ if kind == OpportunityKind::JobShadow => match rng.random_range(0..3) {
            0 => (
                "stipend",
                String::new(),
                format!("{}", rng.random_range(1..4) * 25),
            ),
            _ => ("unpaid", String::new(), String::new()),
        },
        0..=4 => (
            "hourly",
            format!(
                "{}.{:02}",
                rng.random_range(15..26),
                [0, 25, 50, 75][rng.random_range(0..4)]
            ),
            String::new(),
        ),
        5..=6 => (
            "stipend",
            String::new(),
            format!("{}", rng.random_range(3..31) * 100),
        ),
        _ => ("unpaid", String::new(), String::new()),
    };
    let features: Vec<String> = AccessNeed::ALL
        .iter()
        .filter(|f| !derived(**f) && rng.random_bool(0.35))
        .map(|f| f.key().to_owned())
        .collect();
    let min_grade = rng.random_range(8..12);
    let skills: Vec<&str> = SKILLS.choose_multiple(rng, 3).copied().collect();
    let is_shadow = kind == OpportunityKind::JobShadow;
    PostingForm {
        description: format!(
            "Join our team for a hands-on {} {}. You will work next to professionals and learn {} and {}.\n\nWe welcome students new to {}; bring curiosity and we will teach the rest.",
            role.to_lowercase(),
            crate::i18n::vocab(crate::i18n::Lang::En, "kind", kind.key()).to_lowercase(),
            skills[0],
            skills[1],
            field.label().to_lowercase()
        ),
        title,
        // The kind's default: fair draws for job shadows and virtual experiences.
        allocation: String::new(),
        written_in: entity::PostingLanguage::En.key().into(),
        kind: kind.key().into(),
        field: field.key().into(),
        mode: mode.key().into(),
        address: if mode == WorkMode::Remote {
            String::new()
        } else {
            format!("{} Main St", rng.random_range(100..9999))
        },
        zip: zips.choose(rng).copied().unwrap_or(zips[0]).into(),
        compensation: compensation.into(),
        hourly_wage: wage,
        stipend,
        hours_per_week: if is_shadow {
            String::new()
        } else {
            rng.random_range(4..21).to_string()
        },
        schedule: SCHEDULES.choose(rng).copied().unwrap_or_default().into(),
        start_date: start.to_string(),
        end_date: end.to_string(),
        start_time: if is_shadow {
            "09:00".into()
        } else {
            String::new()
        },
        end_time: if is_shadow {
            "14:30".into()
        } else {
            String::new()
        },
        deadline: deadline.to_string(),
        min_grade: min_grade.to_string(),
        max_grade: rng.random_range(min_grade..13).to_string(),
        min_age: if rng.random_bool(0.3) {
            "16".into()
        } else {
            String::new()
        },
        slots: if is_shadow {
            rng.random_range(5..21)
        } else {
            rng.random_range(1..6)
        }
        .to_string(),
        languages: LANGUAGE_SETS.choose(rng).copied().unwrap_or("en").into(),
        skills: skills.join(", "),
        features,
        seen: String::new(),
        once: String::new(),
    }
}

/// A posting written in Spanish, as a bilingual employer would write it.
pub struct SpanishPosting {
    /// Which demo employer posts it (its place in the demo's list).
    pub employer: usize,
    pub title: &'static str,
    pub description: &'static str,
    pub kind: OpportunityKind,
    pub field: StemField,
    pub mode: WorkMode,
    /// Hourly wage in dollars; `None` for unpaid.
    pub wage: Option<&'static str>,
    pub skills: &'static str,
    pub schedule: &'static str,
    pub features: &'static [AccessNeed],
}

/// The demo's Spanish postings: students from Spanish-speaking homes find
/// them with Spanish words (`prácticas pagadas`, `enfermería`, `ingeniera`).
pub const SPANISH: &[SpanishPosting] = &[
    SpanishPosting {
        employer: 0,
        title: "Prácticas pagadas de ingeniería robótica",
        description: "Trabaja junto a nuestras ingenieras e ingenieros en el laboratorio: armarás y programarás brazos robóticos para una línea de ensamblaje.\n\nNo necesitas experiencia previa. Tu mentora te acompaña cada semana y el equipo habla español e inglés.",
        kind: OpportunityKind::Internship,
        field: StemField::Engineering,
        mode: WorkMode::OnSite,
        wage: Some("18.00"),
        skills: "soldadura, Arduino, dibujo técnico",
        schedule: "Martes y jueves de 4 a 7 pm",
        features: &[
            AccessNeed::MentorAssigned,
            AccessNeed::NoExperienceRequired,
            AccessNeed::TransitAccessible,
        ],
    },
    SpanishPosting {
        employer: 1,
        title: "Observación de enfermería en clínica comunitaria",
        description: "Pasa un día con las enfermeras de nuestra clínica familiar bilingüe: toma de signos vitales, educación de pacientes y organización de la farmacia.\n\nIdeal si te interesa estudiar enfermería o medicina.",
        kind: OpportunityKind::JobShadow,
        field: StemField::Health,
        mode: WorkMode::OnSite,
        wage: None,
        skills: "atención al paciente, signos vitales",
        schedule: "Un sábado por la mañana",
        features: &[AccessNeed::Weekends, AccessNeed::TransitAccessible],
    },
    SpanishPosting {
        employer: 4,
        title: "Investigación de calidad del agua en el bayou",
        description: "Toma muestras de agua, identifica macroinvertebrados con el microscopio y registra los datos para el informe anual de calidad del agua.\n\nPráctica pagada por hora, con transporte desde la escuela.",
        kind: OpportunityKind::Internship,
        field: StemField::EnvironmentalScience,
        mode: WorkMode::Hybrid,
        wage: Some("16.50"),
        skills: "muestreo, microscopio, hojas de cálculo",
        schedule: "Lunes y miércoles después de clases",
        features: &[AccessNeed::TransportationSupport, AccessNeed::AfterSchool],
    },
    SpanishPosting {
        employer: 6,
        title: "Programación de aplicaciones web accesibles",
        description: "Desarrolla con nuestro equipo una aplicación para la despensa comunitaria del barrio: formularios accesibles, bases de datos y pruebas automáticas.\n\nTe prestamos una computadora portátil y puedes trabajar desde casa.",
        kind: OpportunityKind::VirtualExperience,
        field: StemField::ComputerScience,
        mode: WorkMode::Remote,
        wage: Some("17.25"),
        skills: "Python, HTML, bases de datos",
        schedule: "Horario flexible, 6 horas por semana",
        features: &[AccessNeed::EquipmentProvided, AccessNeed::FlexibleSchedule],
    },
    SpanishPosting {
        employer: 8,
        title: "Asistente de laboratorio dental",
        description: "Aprende cómo se fabrican coronas y retenedores: modelos de yeso, impresión 3D y control de calidad con técnicos dentales.\n\nEl equipo habla español e inglés.",
        kind: OpportunityKind::Internship,
        field: StemField::Health,
        mode: WorkMode::OnSite,
        wage: None,
        skills: "impresión 3D, precisión, higiene",
        schedule: "Viernes de 3 a 6 pm",
        features: &[AccessNeed::WheelchairAccessible, AccessNeed::AfterSchool],
    },
    SpanishPosting {
        employer: 9,
        title: "Cuidado de árboles urbanos en verano",
        description: "Inventaria los árboles del parque con una aplicación de mapas, mide su salud y ayuda a plantar nuevos árboles con la comunidad.\n\nPrácticas pagadas durante el verano.",
        kind: OpportunityKind::Internship,
        field: StemField::EnvironmentalScience,
        mode: WorkMode::OnSite,
        wage: Some("17.00"),
        skills: "mapas, mediciones, trabajo en equipo",
        schedule: "Lunes a jueves de 8 am a 12 pm",
        features: &[AccessNeed::Summer, AccessNeed::MentorAssigned],
    },
];

impl SpanishPosting {
    /// The posting form for the `n`th Spanish posting, in `metro`.
    pub fn form(&self, n: usize, metro: usize, today: NaiveDate) -> PostingForm {
        let (_, zips) = METROS[metro % METROS.len()];
        let is_shadow = self.kind == OpportunityKind::JobShadow;
        let deadline = today + Duration::days(21 + 7 * n as i64);
        let start = deadline + Duration::days(14);
        let end = if is_shadow {
            start
        } else {
            start + Duration::days(56)
        };
        let time = |t: &str| if is_shadow { t.into() } else { String::new() };
        PostingForm {
            title: self.title.into(),
            allocation: String::new(),
            description: self.description.into(),
            written_in: entity::PostingLanguage::Es.key().into(),
            kind: self.kind.key().into(),
            field: self.field.key().into(),
            mode: self.mode.key().into(),
            address: if self.mode == WorkMode::Remote {
                String::new()
            } else {
                format!("{} Calle Principal", 100 + 25 * n)
            },
            zip: zips[n % zips.len()].into(),
            compensation: if self.wage.is_some() {
                "hourly"
            } else {
                "unpaid"
            }
            .into(),
            hourly_wage: self.wage.unwrap_or_default().into(),
            stipend: String::new(),
            hours_per_week: if is_shadow { String::new() } else { "6".into() },
            schedule: self.schedule.into(),
            start_date: start.to_string(),
            end_date: end.to_string(),
            start_time: time("09:00"),
            end_time: time("13:00"),
            deadline: deadline.to_string(),
            min_grade: "9".into(),
            max_grade: "12".into(),
            min_age: String::new(),
            slots: if is_shadow { "8" } else { "3" }.into(),
            languages: "es, en".into(),
            skills: self.skills.into(),
            features: self.features.iter().map(|f| f.key().to_owned()).collect(),
            seen: String::new(),
            once: String::new(),
        }
    }
}

/// A seeded generator, so the demo and the benchmark are reproducible.
pub fn rng(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spanish_posting_passes_the_posting_form_checks() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for (n, spanish) in SPANISH.iter().enumerate() {
            let posting = match spanish.form(n, n, today).parse() {
                Ok(posting) => posting,
                Err(errors) => panic!(
                    "{}: {}",
                    spanish.title,
                    errors.summary(crate::i18n::Lang::En)
                ),
            };
            assert_eq!(posting.written_in, entity::PostingLanguage::Es);
        }
    }

    #[test]
    fn every_generated_posting_passes_the_posting_form_checks() {
        let mut rng = rng(7);
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for n in 0..500 {
            let form = generate(&mut rng, n, today);
            if let Err(errors) = form.parse() {
                panic!(
                    "posting {n} invalid: {}",
                    errors.summary(crate::i18n::Lang::En)
                );
            }
        }
    }
}
