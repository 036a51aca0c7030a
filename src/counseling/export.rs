//! CSV exports that are safe to open in a spreadsheet: a cell a spreadsheet
//! would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) gets a leading `'`, so a student or organization name like
//! `=HYPERLINK(...)` stays text. Plain numbers (a negative gap) stay numbers.
//! Every file starts with a UTF-8 byte order mark, as Excel's own "CSV UTF-8"
//! does: without it Excel on Windows reads the file as Windows-1252 and
//! shows "PrÃ¡ctica" for "Práctica".

use axum::{
    http::header,
    response::{IntoResponse, Response},
};

use crate::{
    error::{AppError, AppResult},
    forms::without_invisible,
};

/// The text of a cell as written: neutralised when a spreadsheet would
/// evaluate it.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The UTF-8 byte order mark every export begins with.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV document being written, every cell neutralised.
pub struct Export {
    writer: csv::Writer<Vec<u8>>,
}

fn csv_error(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(anyhow::anyhow!("csv: {e}"))
}

impl Export {
    pub fn new() -> Self {
        Self {
            writer: csv::Writer::from_writer(BOM.to_vec()),
        }
    }

    /// Writes one row.
    pub fn row<I, S>(&mut self, cells: I) -> AppResult<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        // Invisible characters go too: a name stored before they were
        // taken out at the door must not flip how a spreadsheet row reads.
        let cells: Vec<String> = cells
            .into_iter()
            .map(|cell| neutralise(&without_invisible(cell.as_ref())).into_owned())
            .collect();
        self.writer.write_record(&cells).map_err(csv_error)
    }

    /// The finished download, never cached.
    pub fn into_response(self, filename: &str) -> AppResult<Response> {
        let body = self.writer.into_inner().map_err(csv_error)?;
        Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            body,
        )
            .into_response())
    }
}

impl Default for Export {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_starts_with_the_byte_order_mark_once() {
        let mut export = Export::new();
        export.row(["sección", "=1", "\u{202E}Rivera"]).unwrap();
        let body = export.writer.into_inner().unwrap();
        assert_eq!(body, "\u{feff}sección,'=1,Rivera\n".as_bytes());
    }

    #[test]
    fn cells_a_spreadsheet_would_run_become_text() {
        for risky in [
            "=1+1",
            "+SUM(A1)",
            "-cmd|' /C calc'!A0",
            "@SUM(1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(neutralise(risky), format!("'{risky}"), "{risky:?}");
        }
        for plain in ["Ana", "-12.5", "+3", "3", "", "a=b", "O'Hara"] {
            assert_eq!(neutralise(plain), plain, "{plain:?}");
        }
    }
}
