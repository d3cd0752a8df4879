//! Crack-time estimates for zxcvbn's four attack scenarios, and a display bucket with French
//! and English texts ("environ 3 heures", "less than a second").

use crate::i18n::Lang;

/// An attack scenario, with its guess rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scenario {
    /// An online attack on a service that limits attempts: 100 guesses per hour.
    OnlineThrottled,
    /// An online attack on a service that does not: 10 guesses per second.
    OnlineUnthrottled,
    /// An offline attack on a slow hash (bcrypt, scrypt, Argon2): 10⁴ guesses per second.
    OfflineSlowHash,
    /// An offline attack on a fast hash (MD5, SHA-1) with many GPUs: 10¹⁰ guesses per second.
    OfflineFastHash,
}

impl Scenario {
    /// Every scenario, slowest attack first.
    pub const ALL: [Scenario; 4] = [
        Scenario::OnlineThrottled,
        Scenario::OnlineUnthrottled,
        Scenario::OfflineSlowHash,
        Scenario::OfflineFastHash,
    ];

    /// Guesses per second, as log10.
    pub fn rate_log10(self) -> f64 {
        match self {
            Scenario::OnlineThrottled => (100.0f64 / 3600.0).log10(),
            Scenario::OnlineUnthrottled => 1.0,
            Scenario::OfflineSlowHash => 4.0,
            Scenario::OfflineFastHash => 10.0,
        }
    }
}

/// A duration rounded for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeBucket {
    /// Under one second.
    LessThanASecond,
    /// A number of seconds (1–59).
    Seconds(u32),
    /// A number of minutes (1–59).
    Minutes(u32),
    /// A number of hours (1–23).
    Hours(u32),
    /// A number of days (1–30).
    Days(u32),
    /// A number of months of 31 days (1–11).
    Months(u32),
    /// A number of years of 12 × 31 days (1–99).
    Years(u32),
    /// A hundred years or more.
    Centuries,
}

const MINUTE: f64 = 60.0;
const HOUR: f64 = MINUTE * 60.0;
const DAY: f64 = HOUR * 24.0;
const MONTH: f64 = DAY * 31.0;
const YEAR: f64 = MONTH * 12.0;
const CENTURY: f64 = YEAR * 100.0;

impl TimeBucket {
    /// The bucket for a duration in seconds.
    pub fn from_seconds(seconds: f64) -> TimeBucket {
        let count = |unit: f64| -> u32 {
            let n = (seconds / unit).round();
            if n < 1.0 { 1 } else { n as u32 }
        };
        if seconds.is_nan() || seconds < 1.0 {
            TimeBucket::LessThanASecond
        } else if seconds < MINUTE {
            TimeBucket::Seconds(count(1.0))
        } else if seconds < HOUR {
            TimeBucket::Minutes(count(MINUTE))
        } else if seconds < DAY {
            TimeBucket::Hours(count(HOUR))
        } else if seconds < MONTH {
            TimeBucket::Days(count(DAY))
        } else if seconds < YEAR {
            TimeBucket::Months(count(MONTH))
        } else if seconds < CENTURY {
            TimeBucket::Years(count(YEAR))
        } else {
            TimeBucket::Centuries
        }
    }

    /// The bucket as a phrase, e.g. "environ 3 heures" or "about 3 hours".
    pub fn text(self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.fr(),
            Lang::En => self.en(),
        }
    }

    fn fr(self) -> String {
        let about = |n: u32, one: &str, many: &str| {
            format!("environ {n} {}", if n == 1 { one } else { many })
        };
        match self {
            TimeBucket::LessThanASecond => "moins d’une seconde".to_owned(),
            TimeBucket::Seconds(n) => about(n, "seconde", "secondes"),
            TimeBucket::Minutes(n) => about(n, "minute", "minutes"),
            TimeBucket::Hours(n) => about(n, "heure", "heures"),
            TimeBucket::Days(n) => about(n, "jour", "jours"),
            TimeBucket::Months(n) => about(n, "mois", "mois"),
            TimeBucket::Years(n) => about(n, "an", "ans"),
            TimeBucket::Centuries => "des siècles".to_owned(),
        }
    }

    fn en(self) -> String {
        let about = |n: u32, one: &str, many: &str| {
            format!("about {n} {}", if n == 1 { one } else { many })
        };
        match self {
            TimeBucket::LessThanASecond => "less than a second".to_owned(),
            TimeBucket::Seconds(n) => about(n, "second", "seconds"),
            TimeBucket::Minutes(n) => about(n, "minute", "minutes"),
            TimeBucket::Hours(n) => about(n, "hour", "hours"),
            TimeBucket::Days(n) => about(n, "day", "days"),
            TimeBucket::Months(n) => about(n, "month", "months"),
            TimeBucket::Years(n) => about(n, "year", "years"),
            TimeBucket::Centuries => "centuries".to_owned(),
        }
    }
}

/// The time to guess the password in one scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CrackTime {
    /// Seconds, saturating at `f64::MAX` (never infinite).
    pub seconds: f64,
    /// The same duration rounded for display.
    pub display: TimeBucket,
}

/// Crack times for the four scenarios.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CrackTimes {
    /// 100 guesses per hour.
    pub online_throttled: CrackTime,
    /// 10 guesses per second.
    pub online_unthrottled: CrackTime,
    /// 10⁴ guesses per second.
    pub offline_slow_hash: CrackTime,
    /// 10¹⁰ guesses per second.
    pub offline_fast_hash: CrackTime,
}

impl CrackTimes {
    /// The crack times for a number of guesses given as log10.
    pub fn from_guesses_log10(guesses_log10: f64) -> CrackTimes {
        let time = |s: Scenario| {
            let log = guesses_log10 - s.rate_log10();
            let seconds = if log >= f64::MAX.log10() {
                f64::MAX
            } else {
                10f64.powf(log)
            };
            CrackTime {
                seconds,
                display: TimeBucket::from_seconds(seconds),
            }
        };
        CrackTimes {
            online_throttled: time(Scenario::OnlineThrottled),
            online_unthrottled: time(Scenario::OnlineUnthrottled),
            offline_slow_hash: time(Scenario::OfflineSlowHash),
            offline_fast_hash: time(Scenario::OfflineFastHash),
        }
    }

    /// The crack time in one scenario.
    pub fn get(&self, scenario: Scenario) -> CrackTime {
        match scenario {
            Scenario::OnlineThrottled => self.online_throttled,
            Scenario::OnlineUnthrottled => self.online_unthrottled,
            Scenario::OfflineSlowHash => self.offline_slow_hash,
            Scenario::OfflineFastHash => self.offline_fast_hash,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_into_display_buckets() {
        assert_eq!(TimeBucket::from_seconds(0.2), TimeBucket::LessThanASecond);
        assert_eq!(TimeBucket::from_seconds(3.0 * HOUR), TimeBucket::Hours(3));
        assert_eq!(TimeBucket::from_seconds(1e30), TimeBucket::Centuries);
    }

    #[test]
    fn bucket_texts_read_naturally() {
        assert_eq!(TimeBucket::Hours(3).text(Lang::Fr), "environ 3 heures");
        assert_eq!(TimeBucket::Hours(1).text(Lang::En), "about 1 hour");
        assert_eq!(
            TimeBucket::LessThanASecond.text(Lang::Fr),
            "moins d’une seconde"
        );
    }

    #[test]
    fn huge_guess_counts_saturate_instead_of_overflowing() {
        let times = CrackTimes::from_guesses_log10(1000.0);
        assert!(times.offline_fast_hash.seconds.is_finite());
        assert_eq!(times.online_throttled.display, TimeBucket::Centuries);
    }

    #[test]
    fn a_thousand_guesses_take_ten_hours_online_when_throttled() {
        let times = CrackTimes::from_guesses_log10(3.0);
        assert_eq!(
            times.get(Scenario::OnlineThrottled).display,
            TimeBucket::Hours(10)
        );
    }
}
