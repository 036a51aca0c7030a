//! Embeds `templates/` into the binary so a release build runs from any directory.

fn main() {
    minijinja_embed::embed_templates!("templates");
}
