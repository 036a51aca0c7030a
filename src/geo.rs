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

/// Every distinct ZIP centroid, ordered by latitude then longitude: the
/// places a posting can stand at (a posting is placed at its ZIP's
/// centroid), for [`centroids_within`] and [`is_centroid`].
static PLACES: LazyLock<Vec<Point>> = LazyLock::new(|| {
    let mut places: Vec<Point> = CENTROIDS.values().copied().collect();
    places.sort_by(|a, b| {
        a.latitude
            .total_cmp(&b.latitude)
            .then(a.longitude.total_cmp(&b.longitude))
    });
    places.dedup();
    places
});

/// Whether `point` is exactly the centroid of some ZIP code.
pub fn is_centroid(point: Point) -> bool {
    PLACES
        .binary_search_by(|p| {
            p.latitude
                .total_cmp(&point.latitude)
                .then(p.longitude.total_cmp(&point.longitude))
        })
        .is_ok()
}

/// The distinct ZIP centroids at most `miles` from `from` (by
/// [`distance_miles`], the rule every radius search applies), or `None`
/// when there are more than `limit` of them.
pub fn centroids_within(from: Point, miles: f64, limit: usize) -> Option<Vec<Point>> {
    // A degree of latitude is the same length everywhere: only the band of
    // latitudes the radius reaches (with 1% to spare) is looked at.
    let degrees = miles / EARTH_RADIUS_MILES.to_radians() * 1.01;
    let start = PLACES.partition_point(|p| p.latitude < from.latitude - degrees);
    let mut within = Vec::new();
    for &place in PLACES[start..]
        .iter()
        .take_while(|p| p.latitude <= from.latitude + degrees)
    {
        if distance_miles(from, place) <= miles {
            if within.len() == limit {
                return None;
            }
            within.push(place);
        }
    }
    Some(within)
}

/// Unpacks the ZIP table now (about 0.2 s of CPU), so that the first
/// search by distance after a start does not wait for it.
pub fn preload() {
    LazyLock::force(&CENTROIDS);
    LazyLock::force(&PLACES);
}

/// A US ZIP code as people and forms write it, as its five digits:
/// `60608`, and ZIP+4 (`60608-1234`, what browsers autofill, or its nine
/// digits run together) as `60608`; the four digits add a block we do not
/// use. `None` for any other shape.
pub fn five_digit_zip(text: &str) -> Option<&str> {
    let text = text.trim();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match text.len() {
        5 | 9 => text.get(..5).filter(|_| digits(text)),
        10 => text
            .get(..5)
            .filter(|five| digits(five) && text[5..].starts_with('-') && digits(&text[6..])),
        _ => None,
    }
}

/// The centroid of a five-digit US ZIP code, if it exists.
pub fn zip_centroid(zip: &str) -> Option<Point> {
    CENTROIDS.get(zip.trim()).copied()
}

const EARTH_RADIUS_MILES: f64 = 3958.8;

/// Distance in miles between two points (haversine).
pub fn distance_miles(a: Point, b: Point) -> f64 {
    let (lat1, lat2) = (a.latitude.to_radians(), b.latitude.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.longitude - a.longitude).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_MILES * h.sqrt().asin()
}

/// A point as the unit vector from the Earth's centre to it. The straight
/// line between two of them (the chord) grows with the great-circle
/// distance, so comparing chords rules most points in or out of a radius,
/// or out of a page of nearest results, with no trigonometry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Direction([f64; 3]);

impl Direction {
    pub fn of(point: Point) -> Self {
        let (lat, lng) = (point.latitude.to_radians(), point.longitude.to_radians());
        Direction([lat.cos() * lng.cos(), lat.cos() * lng.sin(), lat.sin()])
    }

    /// The square of the chord to `other`, in Earth radii.
    pub fn chord_squared(self, other: Direction) -> f64 {
        let [x, y, z] = self.0;
        let [a, b, c] = other.0;
        (x - a) * (x - a) + (y - b) * (y - b) + (z - c) * (z - c)
    }
}

/// The squared chord of a great-circle distance of `miles` (4, a diameter,
/// for half the world's circumference or more).
pub fn chord_squared_of(miles: f64) -> f64 {
    let half_angle = (miles / (2.0 * EARTH_RADIUS_MILES)).min(std::f64::consts::FRAC_PI_2);
    (2.0 * half_angle.sin()).powi(2)
}

/// A distance in miles no longer than the great-circle distance whose
/// squared chord this is (an arc is never shorter than its chord), with
/// room to spare for rounding in either computation.
pub fn miles_at_least(chord_squared: f64) -> f64 {
    EARTH_RADIUS_MILES * chord_squared.sqrt() * (1.0 - 1e-9) - 1e-9
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
    fn zip_plus_four_is_read_as_its_five_digit_zip() {
        for typed in ["60608", " 60608 ", "60608-1234", "606081234"] {
            assert_eq!(five_digit_zip(typed), Some("60608"), "{typed}");
        }
        for typed in [
            "6060",
            "60608-",
            "60608-123",
            "60608 1234",
            "6O608",
            "60608-12345",
            "٦٠٦٠٨",
        ] {
            assert_eq!(five_digit_zip(typed), None, "{typed}");
        }
    }

    #[test]
    fn chords_order_points_as_their_distances_do() {
        let from = zip_centroid("60601").expect("60601 exists");
        let limit = chord_squared_of(12.0);
        for zip in [
            "60201", "60623", "60614", "77004", "90011", "30310", "10001",
        ] {
            let to = zip_centroid(zip).expect("a real ZIP code");
            let miles = distance_miles(from, to);
            let chord = Direction::of(from).chord_squared(Direction::of(to));
            assert!(miles_at_least(chord) <= miles, "{zip}: {miles}");
            assert_eq!(chord <= limit, miles <= 12.0, "{zip}: {miles}");
        }
    }

    #[test]
    fn downtown_chicago_to_evanston_is_about_twelve_miles() {
        let miles = distance_miles(
            zip_centroid("60601").unwrap(),
            zip_centroid("60201").unwrap(),
        );
        assert!((10.0..15.0).contains(&miles), "{miles}");
    }

    #[test]
    fn the_centroids_within_a_radius_are_those_no_farther_than_it() {
        let loop_chicago = zip_centroid("60601").unwrap();
        let within = centroids_within(loop_chicago, 10.0, 10_000).unwrap();
        assert!(within.contains(&loop_chicago));
        assert!(
            within.contains(&zip_centroid("60623").unwrap()),
            "Little Village, 6 miles"
        );
        assert!(
            !within.contains(&zip_centroid("60540").unwrap()),
            "Naperville, 28 miles"
        );
        let all: Vec<Point> = PLACES
            .iter()
            .copied()
            .filter(|p| distance_miles(loop_chicago, *p) <= 10.0)
            .collect();
        assert_eq!(within.len(), all.len());
        assert!(within.iter().all(|p| is_centroid(*p)));
        assert!(!is_centroid(Point {
            latitude: 41.0,
            longitude: -87.0
        }));
        assert_eq!(
            centroids_within(loop_chicago, 10.0, 3),
            None,
            "over the limit"
        );
    }
}
