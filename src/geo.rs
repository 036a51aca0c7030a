//! Places: ZIP code centroids (from the data set the `zipcodes` crate ships,
//! so no network is needed) and great-circle distances.

use std::{collections::HashMap, sync::LazyLock};

/// Latitude and longitude in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub latitude: f64,
    pub longitude: f64,
}

static CENTROIDS: LazyLock<HashMap<String, Point>> = LazyLock::new(|| {
    zipcodes::database()
        .iter()
        .filter_map(|z| {
            let latitude = z.lat.parse().ok()?;
            let longitude = z.long.parse().ok()?;
            Some((
                z.zip_code.clone(),
                Point {
                    latitude,
                    longitude,
                },
            ))
        })
        .collect()
});

/// Unpacks the ZIP table now (about 0.2 s of CPU), so that the first
/// search by distance after a start does not wait for it.
pub fn preload() {
    LazyLock::force(&CENTROIDS);
}

/// The centroid of a five-digit US ZIP code, if it exists.
pub fn zip_centroid(zip: &str) -> Option<Point> {
    CENTROIDS.get(zip.trim()).copied()
}

/// Distance in miles between two points (haversine).
pub fn distance_miles(a: Point, b: Point) -> f64 {
    const EARTH_RADIUS_MILES: f64 = 3958.8;
    let (lat1, lat2) = (a.latitude.to_radians(), b.latitude.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.longitude - a.longitude).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_MILES * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_zip_codes_have_a_centroid_and_unknown_ones_do_not() {
        let loop_chicago = zip_centroid("60601").expect("60601 exists");
        assert!((loop_chicago.latitude - 41.88).abs() < 0.1);
        assert!(zip_centroid("00000").is_none());
    }

    #[test]
    fn downtown_chicago_to_evanston_is_about_twelve_miles() {
        let miles = distance_miles(
            zip_centroid("60601").unwrap(),
            zip_centroid("60201").unwrap(),
        );
        assert!((10.0..15.0).contains(&miles), "{miles}");
    }
}
