//! What is found and quoted as typed, row by row; what ordinary posting
//! text keeps; the finding a review refuses; how long finds are quoted.

use super::*;

fn found(text: &str) -> Option<(Kind, String)> {
    find(text).map(|f| (f.kind, f.text))
}

#[test]
fn contact_details_are_found_and_quoted_as_typed() {
    use Kind::*;
    let cases: &[(&str, Kind, &str)] = &[
        // Phone numbers.
        ("Text me at (312) 555-0199 anytime", Phone, "(312) 555-0199"),
        ("Call 312-555-0199.", Phone, "312-555-0199"),
        ("Call 312.555.0199", Phone, "312.555.0199"),
        ("Call 312 555 0199", Phone, "312 555 0199"),
        ("WhatsApp +1 312 555 0199", Phone, "+1 312 555 0199"),
        ("o al +52 55 1234 5678", Phone, "+52 55 1234 5678"),
        ("ring +44 20 7946 0958", Phone, "+44 20 7946 0958"),
        ("call 1-800-555-0199", Phone, "1-800-555-0199"),
        ("call 3125550199 now", Phone, "3125550199"),
        ("digits 3 1 2 5 5 5 0 1 9 9", Phone, "3 1 2 5 5 5 0 1 9 9"),
        ("llámame al 612 34 56 78", Phone, "612 34 56 78"),
        ("local 555-0199 works", Phone, "555-0199"),
        ("Phone: 555 0199", Phone, "555 0199"),
        ("llámame al 55 1234 5678", Phone, "55 1234 5678"),
        ("Text 3 1 2 555 01 99", Phone, "3 1 2 555 01 99"),
        ("Room 204 (312) 555-0199", Phone, "(312) 555-0199"),
        (
            "full width （３１２） ５５５-０１９９",
            Phone,
            "（３１２） ５５５-０１９９",
        ),
        ("dash 312–555–0199", Phone, "312–555–0199"),
        (
            "hidden 312\u{200B}555\u{200B}0199",
            Phone,
            "312\u{200B}555\u{200B}0199",
        ),
        // Email addresses.
        (
            "email ray.private@gmail.com.",
            Email,
            "ray.private@gmail.com",
        ),
        ("RAY@GMAIL.COM", Email, "RAY@GMAIL.COM"),
        (
            "ray (at) gmail (dot) com",
            Email,
            "ray (at) gmail (dot) com",
        ),
        ("ray[at]gmail[.]com", Email, "ray[at]gmail[.]com"),
        (
            "ray.private at gmail dot com",
            Email,
            "ray.private at gmail dot com",
        ),
        (
            "ray arroba gmail punto com",
            Email,
            "ray arroba gmail punto com",
        ),
        (
            "ray dot boss at gmail dot com",
            Email,
            "ray dot boss at gmail dot com",
        ),
        ("ray＠gmail.com", Email, "ray＠gmail.com"),
        (
            "ray@lincoln-hs.k12.il.us",
            Email,
            "ray@lincoln-hs.k12.il.us",
        ),
        // Links.
        (
            "Apply at https://bit.ly/3xYzAbC today",
            Link,
            "https://bit.ly/3xYzAbC",
        ),
        ("see hxxp://evil.example/x", Link, "hxxp://evil.example/x"),
        ("Apply faster at bit.ly/3xYzAbC", Link, "bit.ly/3xYzAbC"),
        ("visit www.coolboss.net", Link, "www.coolboss.net"),
        (
            "visit instagram.com/coolboss.ray",
            Link,
            "instagram.com/coolboss.ray",
        ),
        (
            "go to lincoln-hs.k12.il.us.sign-in.example/apply now",
            Link,
            "lincoln-hs.k12.il.us.sign-in.example/apply",
        ),
        (
            "go to sign-in.portal.school/login",
            Link,
            "sign-in.portal.school/login",
        ),
        ("coolboss.com", Link, "coolboss.com"),
        ("Coolboss.Com", Link, "Coolboss.Com"),
        ("coolboss[.]com", Link, "coolboss[.]com"),
        ("discord.gg/abc123", Link, "discord.gg/abc123"),
        ("our site acme.ai", Link, "acme.ai"),
        ("wa.me/13125550199", Link, "wa.me/13125550199"),
        ("Apply at evil.example", Link, "evil.example"),
        ("=HYPERLINK(\"http://evil\")", Link, "http://evil"),
        // Handles.
        ("Snapchat @coolboss_ray", Handle, "Snapchat @coolboss_ray"),
        ("DM me @coolboss", Handle, "DM me @coolboss"),
        ("Discord coolboss#1234", Handle, "Discord coolboss#1234"),
        ("find coolboss#1234", Handle, "coolboss#1234"),
        ("Snapchat: coolboss", Handle, "Snapchat: coolboss"),
        ("snap: coolboss", Handle, "snap: coolboss"),
        ("IG: coolboss", Handle, "IG: coolboss"),
        (
            "my snapchat is coolboss_ray",
            Handle,
            "snapchat is coolboss_ray",
        ),
        ("Discord username ray", Handle, "Discord username ray"),
        ("Snap chat: ray", Handle, "Snap chat: ray"),
        ("tiktok ray.boss", Handle, "tiktok ray.boss"),
        ("Roblox user: coolboss", Handle, "Roblox user: coolboss"),
        (
            "snap\u{200B}chat @ray\u{200B}boss",
            Handle,
            "snap\u{200B}chat @ray\u{200B}boss",
        ),
        ("ѕnapchat: ray", Handle, "ѕnapchat: ray"),
        (
            "Instagram: @coolboss.ray",
            Handle,
            "Instagram: @coolboss.ray",
        ),
        (
            "Instagram: instagram.com/coolboss.ray",
            Link,
            "instagram.com/coolboss.ray",
        ),
        ("(@coolboss)", Handle, "@coolboss"),
        // Other separators people type (eyes13f F1).
        ("text 312/555/0199", Phone, "312/555/0199"),
        ("text 312_555_0199", Phone, "312_555_0199"),
        ("call 312 . 555 . 0199", Phone, "312 . 555 . 0199"),
        ("my cell\n312\n555\n0199", Phone, "312\n555\n0199"),
        // Phone numbers however they are written (eyes13f F1).
        ("text 312,555,0199", Phone, "312,555,0199"),
        (
            "Questions? three one two, five five five, zero one nine nine",
            Phone,
            "three one two, five five five, zero one nine nine",
        ),
        (
            "Llámame al tres uno dos cinco cinco cinco cero uno nueve nueve",
            Phone,
            "tres uno dos cinco cinco cinco cero uno nueve nueve",
        ),
        (
            "Questions? 3 one 2 - 5 5 5 - oh 1 9 9",
            Phone,
            "3 one 2 - 5 5 5 - oh 1 9 9",
        ),
        (
            "Questions? 3\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3} 5\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3} 0\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}9\u{FE0F}\u{20E3}9\u{FE0F}\u{20E3}",
            Phone,
            "3\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3} 5\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3} 0\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}9\u{FE0F}\u{20E3}9\u{FE0F}\u{20E3}",
        ),
        ("call 312🔥555🔥0199", Phone, "312🔥555🔥0199"),
        (
            "call 3\u{332}1\u{332}2\u{332}-5\u{332}5\u{332}5\u{332}-0\u{332}1\u{332}9\u{332}9\u{332}",
            Phone,
            "3\u{332}1\u{332}2\u{332}-5\u{332}5\u{332}5\u{332}-0\u{332}1\u{332}9\u{332}9\u{332}",
        ),
        ("call 312-555-O199", Phone, "312-555-O199"),
        ("call 312-555-0l99", Phone, "312-555-0l99"),
        ("call ٣١٢-٥٥٥-٠١٩٩", Phone, "٣١٢-٥٥٥-٠١٩٩"),
        ("call ३१२ ५५५ ०१९९", Phone, "३१२ ५५५ ०१९९"),
        ("My number: 555 0199", Phone, "555 0199"),
        ("Mobile 555 0199", Phone, "555 0199"),
        ("Reach Ray on 555 0199 after 5", Phone, "555 0199"),
        ("text me at 555 0199", Phone, "555 0199"),
        ("mi número es 555 0199", Phone, "555 0199"),
        ("Germany 0151 2345 6789", Phone, "0151 2345 6789"),
        ("UK: 07946 095 812", Phone, "07946 095 812"),
        // Handles after an app's name, as people write them.
        ("my snap is coolboss_ray", Handle, "snap is coolboss_ray"),
        ("my snap is coolboss", Handle, "snap is coolboss"),
        ("Add me on snap coolboss_ray", Handle, "snap coolboss_ray"),
        ("add me on snap coolbossray", Handle, "snap coolbossray"),
        ("my ig is coolbossray", Handle, "ig is coolbossray"),
        ("Mi snap es coolbossray", Handle, "snap es coolbossray"),
        ("Snapchat - coolboss", Handle, "Snapchat - coolboss"),
        ("Snapchat → coolboss", Handle, "Snapchat → coolboss"),
        (
            "find me on Instagram coolbossray",
            Handle,
            "Instagram coolbossray",
        ),
        (
            "hit me up on discord coolbossray",
            Handle,
            "discord coolbossray",
        ),
        ("discord coolboss", Handle, "discord coolboss"),
        ("Questions? discord coolboss.", Handle, "discord coolboss"),
        (
            "Buscame en Insta como coolbossray",
            Handle,
            "Insta como coolbossray",
        ),
        ("Agrégame en snap: coolbossray", Handle, "snap: coolbossray"),
        (
            "Message me on Telegram, I'm coolbossray there",
            Handle,
            "Telegram, I'm coolbossray",
        ),
        (
            "Snapchat 👻 coolboss_ray",
            Handle,
            "Snapchat 👻 coolboss_ray",
        ),
        ("👻: coolbossray", Handle, "👻: coolbossray"),
        (
            "add me on snap ➡\u{FE0F} coolbossray",
            Handle,
            "snap ➡\u{FE0F} coolbossray",
        ),
        ("hmu on sc: coolboss", Handle, "sc: coolboss"),
        ("Sn4pchat: coolboss", Handle, "Sn4pchat: coolboss"),
        ("DM me @ coolboss", Handle, "@ coolboss"),
        (
            "DM me on insta, it's coolboss.ray",
            Handle,
            "insta, it's coolboss.ray",
        ),
        (
            "YouTube channel ScienceWithRay2024",
            Handle,
            "YouTube channel ScienceWithRay2024",
        ),
        (
            "Robotics intern (snap coolboss_ray)",
            Handle,
            "snap coolboss_ray",
        ),
        ("Python; ig coolboss_ray", Handle, "ig coolboss_ray"),
        (
            "c\u{332}o\u{332}o\u{332}l\u{332}: snapchat coolboss_ray",
            Handle,
            "snapchat coolboss_ray",
        ),
        // Addresses and links as people write them.
        ("ray @ gmail . com", Email, "ray @ gmail . com"),
        (
            "r a y @ g m a i l . c o m",
            Email,
            "r a y @ g m a i l . c o m",
        ),
        (
            "Email me, coolboss_ray at gmail",
            Email,
            "coolboss_ray at gmail",
        ),
        ("my gmail is coolboss.ray", Email, "gmail is coolboss.ray"),
        ("write to ray at outlook", Email, "ray at outlook"),
        ("ray @ gmail", Email, "ray @ gmail"),
        ("ray@yahoo", Email, "ray@yahoo"),
        ("Escríbeme: ray arroba gmail", Email, "ray arroba gmail"),
        (
            "ray at gmail dot co dot uk",
            Email,
            "ray at gmail dot co dot uk",
        ),
        (
            "coolboss at gmail dot c o m",
            Email,
            "coolboss at gmail dot c o m",
        ),
        ("visit coolboss dot com", Link, "coolboss dot com"),
        ("visit coolboss . com", Link, "coolboss . com"),
        ("linktr.ee/coolboss", Link, "linktr.ee/coolboss"),
        ("all my links: linktr.ee", Link, "linktr.ee"),
        ("apply via forms.gle/AbC123xyz", Link, "forms.gle/AbC123xyz"),
        ("watch youtu.be/dQw4w9WgXcQ", Link, "youtu.be/dQw4w9WgXcQ"),
        ("my site coolboss.ai", Link, "coolboss.ai"),
        (
            "the shop on amazon.com/shop/coolboss",
            Link,
            "amazon.com/shop/coolboss",
        ),
        // Bypasses eyes14b F2 found.
        ("coolboss_ray on snap", Handle, "coolboss_ray on snap"),
        ("I'm coolbossray on Insta", Handle, "coolbossray on Insta"),
        (
            "search coolbossray on TikTok",
            Handle,
            "coolbossray on TikTok",
        ),
        ("I'm coolboss_ray on most apps", Handle, "I'm coolboss_ray"),
        ("Add me: coolboss_ray", Handle, "Add me: coolboss_ray"),
        ("add me: coolbossray", Handle, "add me: coolbossray"),
        (
            "my handle is coolboss_ray (the ghost app)",
            Handle,
            "handle is coolboss_ray",
        ),
        (
            "add me on the ghost app: coolboss_ray",
            Handle,
            "ghost app: coolboss_ray",
        ),
        ("Signal: coolboss", Handle, "Signal: coolboss"),
        (
            "Text me on Signal coolboss.42",
            Handle,
            "Signal coolboss.42",
        ),
        ("Teams/Slack: ray.boss", Handle, "Slack: ray.boss"),
        ("Cash App $coolbossray", Handle, "Cash App $coolbossray"),
        ("Find me on LinkedIn, Ray Cool", Handle, "LinkedIn, Ray"),
        (
            "text me: five five five, oh one nine nine",
            Phone,
            "five five five, oh one nine nine",
        ),
        (
            "Call three-one-two 555-zero-one-nine-nine",
            Phone,
            "three-one-two 555-zero-one-nine-nine",
        ),
        (
            "(three one two) five five five - zero one nine nine",
            Phone,
            "(three one two) five five five - zero one nine nine",
        ),
        ("3I2-555-0I99", Phone, "3I2-555-0I99"),
        (
            "Mi WhatsApp es el cinco cinco uno dos tres cuatro cinco seis siete ocho",
            Phone,
            "cinco cinco uno dos tres cuatro cinco seis siete ocho",
        ),
        ("email: coolboss (at) yahoo", Email, "coolboss (at) yahoo"),
        ("escríbeme a rayo arroba gmail", Email, "rayo arroba gmail"),
        ("bit . ly / coolboss", Link, "bit . ly"),
        ("Ref 312-555-0199", Phone, "312-555-0199"),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(text, kind, quoted)| found(text) != Some((*kind, (*quoted).to_owned())))
        .map(|(text, kind, quoted)| format!("{text:?}: {:?}, not {kind:?} {quoted:?}", found(text)))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

#[test]
fn ordinary_posting_text_is_kept() {
    let kept = [
        "Open for the 2026-2027 school year, 9:00-3:00 on weekdays.",
        "Starts 12/15/2026; grades 9/10; a $100,000,000 grant; 3.5 GPA.",
        "Work @home on Fridays, lunch @noon; build with ASP.Net, VB.Net, System.IO and draw.io; try Code.org and Python.org; data from Data.gov.",
        "Grades 9-12 (2026-2027 school year), ages 14-18.",
        "Grades 10-12 2026-27",
        "20 hours/week at $18.50/hour; stipend of $1,500 or $1 500.",
        "Starts 2027-06-15, ends 2027-08-15; apply by 06/01/2027.",
        "Starts 2027-06-15 - 2027-08-15",
        "233 S Wacker Dr, Floor 12, Room 204, Chicago IL 60606-1234.",
        "Suite 100-1000",
        "We serve 100-1000 visitors a day.",
        "Skills: C++, C#, F#, Node.js, Vue.js, D3.js, ASP.NET, VB.NET, .NET, Socket.io",
        "e.g. soldering, i.e. hands-on; U.S. citizens; Ph.D. mentors; 3.5 GPA.",
        "Python 3.12, version 1.2.3, a.m./p.m., No. 5, St. Louis, Washington D.C.",
        "Tuesdays and Thursdays 4-6 pm",
        "Saturdays 9 am-1 pm",
        "Meet @ our lab at noon.",
        "We meet at the lab at 9.",
        "Our team chats on Discord and posts on Instagram.",
        "Manage our Instagram, TikTok and YouTube accounts.",
        "Build a bot with discord.js",
        "We use Snap Circuits kits.",
        "Bienvenid@s tod@s al laboratorio.",
        "The dot com era taught us a lot.",
        "Look at the dot com boom.",
        "Learn about the U.S.A. and the E.U.",
        "We build robots.Science is fun.",
        "Trabajarás en el laboratorio.Es muy divertido.",
        "Join the team.Me and my colleagues will teach you.",
        "Lift up to 25 lbs; 1,000 samples; 10,000 steps; 1.000.000 de datos.",
        "ISO 9001:2015 certified lab, ZIP 60601, call the front desk on arrival.",
        "Batches of 1000 2000 3000 samples.",
        "Trabaja junto a nuestras ingenieras: armarás brazos robóticos.",
        "Martes y jueves de 4 a 7 pm",
        "Lunes a jueves de 8 am a 12 pm",
        "HTML and CSS, lab safety, microscopy",
        "Emoji 👩\u{200D}🔬 ❤\u{FE0F}",
        "Room \\B",
        "Discord: team chat for interns",
        "Instagram 2024 campaign",
        "TikTok 101",
        "Lab hours 8-12, 1-5",
        // Words of real postings refused before (eyes13f F3).
        "Work @home two days a week.",
        "Lunch @noon with the team; stand-up @9am.",
        "Research @MIT Lincoln Lab.",
        "Build a bot that replies to @mentions.",
        "Back end in ASP.Net Core 8 and VB.Net.",
        "Write C# with System.IO and System.Net.",
        "Use java.io and java.nio to read sensor files.",
        "You will draw diagrams in draw.io and Lucidchart.",
        "Use Socket.IO and Draw.io.",
        "Edit main.cc and sensor.cc (C++17, Bazel).",
        "Script enemies in Godot 4.2: player.gd and enemy.gd.",
        "Export the logo as logo.ai and logo.svg.",
        "Ship a Mac build (Xcode.app, Swift 5.9).",
        "Take the fast.ai course and use Hugging Face.",
        "Program in Snap: blocks, loops and sprites.",
        "Snap: blocks-based coding for grades 6-8.",
        "IG: posts about our lab, 3 per week.",
        "Instagram posts for the lab",
        "Shift 730-1530, Mon-Fri.",
        "Hours: 830-1130 am Saturdays.",
        "Shift 7:30-15:30, Mon-Fri.",
        "Levels 1 2 3 4 5 6 7 8 of the robotics curriculum.",
        "Countdown 9 8 7 6 5 4 3 2 1",
        "Teach Code.org lessons to 3rd graders at our camp.",
        "Interns join Amazon.com's robotics team.",
        "Read the Python.org tutorial and Kaggle.com notebooks.",
        "Datasets from Data.gov and NOAA.gov; Scratch.mit.edu projects for middle schoolers.",
        // Realistic postings: a lab, a hospital, civil engineering,
        // software, a utility, an auto shop, a vet clinic, in English
        // and Spanish.
        "Lab assistant, Bldg. 4, Rm 210: pipetting, PCR and gel electrophoresis; $16.50/hr, 10-12 hrs/week.",
        "Report to 1200 W Harrison St, Suite 3100, Chicago, IL 60607 at 8:15 am on your first day.",
        "Grades 10-12, Ages 16+; Mon/Wed/Fri 3:30-6:00 pm, June 15 - August 7, 2027.",
        "You will clean data in Python 3.11.2 with pandas 2.1 and save it as report.xlsx and results.csv.",
        "Shadow nurses on 4 West (Med/Surg), 7a-3p shifts; scrubs provided; badge photo at Room B-112.",
        "Hospital volunteers need a TB test, flu shot and CPR (BLS) before day 1; 40 hours min.",
        "Civil engineering intern: survey Route 66 culverts, read ASTM D698 and AASHTO T 99 results.",
        "Bridge inspection on I-90/94 mile markers 43-47; hard hat, vest and steel-toe boots required.",
        "Help our utility map 1,250 transformers and 3,400 poles in ArcGIS Pro 3.2.",
        "Water plant tours Tue/Thu 9-11; readings in mg/L, pH 6.5-8.5; SCADA screens, 24/7 control room.",
        "Software intern: React 18, Node.js 20 and PostgreSQL 16; code review on GitHub; stand-up 9:45-10:00.",
        "Fix bugs in src/main.rs and tests/app.rs; run cargo test; CI on Ubuntu 22.04.",
        "Auto shop: oil changes, tire rotation, OBD-II codes P0300-P0304; ASE mentor; Snap-on tools provided.",
        "Use Snap-on and Matco torque wrenches at 80-100 ft-lbs.",
        "Vet clinic: help with intake, weigh dogs (5-120 lbs), clean kennels 1-24; 2 Saturdays a month.",
        "Our vet techs give rabies shots; Dr. Lee, DVM, will mentor you in exam rooms 3 and 4.",
        "Courses that help: AP Bio, CHEM 1411, MATH 2413, CS 1301; GPA 3.0+.",
        "Stipend $1,200 for 120 hours (about $10/hr), paid in 2 installments.",
        "Join our Discord server for announcements, and follow our Instagram for lab news.",
        "Post lab updates to our Instagram and Facebook pages every Friday.",
        "Minecraft Education Edition 1.20 and Roblox Studio lessons for younger kids.",
        "Learn to build a Discord bot in Python.",
        "Pasantía en laboratorio: Edificio 4, Sala 210; de 3:30 a 6:00 pm; $16.50 por hora.",
        "Grados 10 a 12, mayores de 16 años; lunes y miércoles; dos o tres veces por semana.",
        "Hablamos inglés y español; el equipo de ingeniería civil revisa 12 puentes al año.",
        "Clínica veterinaria: 1 o 2 sábados al mes, de 8 a 12; aprenderás a pesar perros.",
        "Call the front desk at extension 4410 on arrival.",
        "Ages 14-18; 2026-2027 school year; 6/15/2027 - 8/7/2027.",
        "Start on 06/15/2027 at 9 am, badge pickup at 8:30.",
        "Train a model on 10 000 000 tokens and 1,000,000 images.",
        "Rooms 101, 102 and 103 of Building 7.",
        "We use Instagram, TikTok and YouTube for outreach.",
        "Follow us on Instagram for updates.",
        "The meeting is at Yahoo's Sunnyvale campus.",
        "Sign in at Gmail with your school account? No: use the STEMbridge messages.",
        "IP 192.168.1.10, subnet 255.255.255.0 on the lab network.",
        "Intel Core i7-12700, 32 GB RAM, RTX 3060.",
        // Real postings eyes14b F1 found refused.
        "Dispense NDC 0002-1433-80 under supervision.",
        "Textbook: ISBN 9780137542970 (Pearson).",
        "Hand out 192.168.10.100–192.168.10.250 by DHCP.",
        "import { Component, Input } from '@angular/core'; use @Component, @Input() and @Output().",
        "Spring Boot: @RestController and @GetMapping; Python @dataclass and @property.",
        "Flask routes with @app.route('/') and a discord.py @bot.command.",
        "CSS @media queries and @keyframes animations.",
        "Build worlds in Minecraft: Education Edition.",
        "Redmond, WA: hybrid for staff.",
        "Columbia, SC: on site at the plant.",
        "Report 730-1530 at the trailhead.",
        "I'm Ray, your mentor: ask me anything here on STEMbridge.",
        "Signal processing with MATLAB; team updates in Slack channels.",
        "Search jobs on LinkedIn and follow us on Instagram.",
        "Chat with mentors on Discord Tuesdays.",
        "Our Discord is where interns chat; we stream on Twitch.",
        "Follow Lakeshore Robotics on Instagram.",
        "Tools: Slack, Zoom, GitHub and Snap Circuits.",
        "Meet me @ the front desk of Building 7.",
        "Questions go through STEMbridge, not Gmail or Instagram.",
        "Austin, TX: on site; Redmond, WA: hybrid.",
    ];
    let wrong: Vec<String> = kept
        .iter()
        .filter_map(|text| found(text).map(|f| format!("{text:?}: {f:?}")))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        kept.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_finding_of_the_review_is_refused_at_its_first_detail() {
    let text = "Questions? Text me directly at (312) 555-0199 or on WhatsApp +1 312 555 0199, \
        Snapchat @coolboss_ray, Instagram: instagram.com/coolboss.ray, Discord coolboss#1234, \
        or email ray.private@gmail.com. Apply faster at https://bit.ly/3xYzAbC or \
        lincoln-hs.k12.il.us.sign-in.example/apply.";
    assert_eq!(found(text), Some((Kind::Phone, "(312) 555-0199".into())));
    // Each detail alone is refused too.
    for part in text.split([',', '?']).skip(1) {
        assert!(find(part).is_some(), "{part:?}");
    }
}

#[test]
fn a_long_find_is_quoted_in_part() {
    let long = format!("https://evil.example/{}", "a".repeat(100));
    let found = find(&long).expect("a link");
    assert_eq!(found.text.chars().count(), QUOTE_CHARS);
    assert!(found.text.ends_with('…'));
}

/// What students write to an organization (an application note,
/// availability, accommodations, an hours description) keeps its ordinary
/// words: a need described is never refused for naming a device, a plan, a
/// time, a medicine or an app used for access (eyes15a F4).
#[test]
fn what_students_write_to_an_organization_is_kept() {
    let kept = [
        // Accommodations.
        "I use a wheelchair, so I need step-free access and an accessible restroom on the 3rd floor.",
        "I have an IEP and a 504 plan: extra time on written tasks and a quiet space to work.",
        "I'm Deaf and use ASL. An interpreter or live captions (CART) on Zoom calls would help.",
        "I have type 1 diabetes: I check my blood sugar around 10:30 and 2:30 and may need a snack.",
        "I take medication at 12:00, so I need a 15-minute break then.",
        "I use a screen reader (JAWS 2024 and NVDA) and need documents as Word or accessible PDF, not scans.",
        "Please send instructions in writing, by email or in the STEMbridge messages, because of my ADHD.",
        "I have anxiety; it helps to know the plan for the day ahead of time.",
        "I use text-to-speech on my phone and noise-cancelling headphones.",
        "My pronouns are she/her. I wear a hearing aid in my left ear.",
        "Necesito un intérprete de lengua de señas y subtítulos en las reuniones.",
        "Uso silla de ruedas; necesito rampa o ascensor y un baño accesible.",
        // Availability.
        "After 3:15 pm on weekdays, 9-5 on Saturdays; not on Sundays.",
        "Mon/Wed/Fri 3:30-6:00, and full days June 15-August 20.",
        "Después de las 3 de la tarde, de lunes a jueves.",
        // Application notes and hours.
        "I built a line-following robot in 10th grade (Arduino Uno, C++) and placed 2nd at the state fair.",
        "I'm in AP Biology and AP Calculus BC, and I volunteer at the food bank on 5th St.",
        "I learned Python 3.12 and used pandas and Node.js for a school project.",
        "Soldered the motor driver, tested it at 12 V, and wrote up results in Google Docs.",
        "Shadowed the nurse on the 2nd floor; learned how vitals are charted (BP 120/80).",
        "Read chapter 4.2 of the lab manual and ran 3 PCR samples.",
    ];
    for text in kept {
        assert!(find_all(text).is_empty(), "{text}: {:?}", found(text));
    }
}
