//! Years and dates, in the orders French (and English) users type them:
//! `jjmmaaaa`, `jjmmaa`, `jj/mm/aaaa`, `aaaammjj`, `mm-dd-yy`…

use super::{DateMatch, Match, Pattern, YearMatch};
use crate::password::input::Password;

/// Separators accepted between the parts of a date.
const SEPARATORS: &[char] = &[' ', '-', '/', '\\', '_', '.'];

pub(crate) fn find(pw: &Password, reference_year: i32, out: &mut Vec<Match>) {
    // Every year and date holds digits, and many passwords have none: the tables below were
    // built for them all the same, in a matcher that took a tenth of the estimator's time.
    if !pw.chars.iter().any(char::is_ascii_digit) {
        return;
    }
    let digits: Vec<Option<u32>> = pw.chars.iter().map(|c| c.to_digit(10)).collect();
    // values[i][l]: the number written by the l digits from i (l ≤ 8), computed once, since
    // the date splits ask for the same short ranges many times.
    let values: Vec<[Option<u32>; 9]> = (0..digits.len())
        .map(|i| {
            let mut row = [None; 9];
            let mut v = Some(0u32);
            for (l, slot) in row.iter_mut().enumerate().skip(1) {
                v = match (v, digits.get(i + l - 1).copied().flatten()) {
                    (Some(v), Some(d)) => Some(v * 10 + d),
                    _ => None,
                };
                if v.is_none() {
                    // Past a non-digit every longer number is `None` too, as `row` starts.
                    break;
                }
                *slot = v;
            }
            row
        })
        .collect();
    let value = |range: std::ops::Range<usize>| -> Option<u32> {
        let len = range.len();
        if len == 0 || len > 8 {
            return None;
        }
        values.get(range.start)?.get(len).copied().flatten()
    };
    years(&digits, &value, reference_year, out);
    let first_date = out.len();
    plain_dates(&digits, &value, reference_year, out);
    separated_dates(pw, &value, reference_year, out);
    drop_nested_dates(out, first_date);
}

fn years(
    digits: &[Option<u32>],
    value: &impl Fn(std::ops::Range<usize>) -> Option<u32>,
    reference_year: i32,
    out: &mut Vec<Match>,
) {
    for i in 0..digits.len().saturating_sub(3) {
        let Some(year) = value(i..i + 4) else {
            continue;
        };
        let year = i32::try_from(year).unwrap_or(0);
        if (1900..=2099).contains(&year) && year <= reference_year.saturating_add(20) {
            out.push(Match {
                range: i..i + 4,
                pattern: Pattern::Year(YearMatch { year }),
            });
        }
    }
}

/// The ways a run of 4–8 digits splits into day, month and year, as (part lengths, order).
#[derive(Clone, Copy)]
enum Order {
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
}

/// The first part's and the second part's digits, and the order they are read in.
const SPLITS: &[(usize, usize, Order)] = &[
    (1, 1, Order::DayMonthYear),
    (1, 2, Order::DayMonthYear),
    (2, 1, Order::DayMonthYear),
    (2, 2, Order::DayMonthYear),
    (1, 1, Order::MonthDayYear),
    (1, 2, Order::MonthDayYear),
    (2, 1, Order::MonthDayYear),
    (2, 2, Order::MonthDayYear),
    (2, 1, Order::YearMonthDay),
    (2, 2, Order::YearMonthDay),
    (4, 1, Order::YearMonthDay),
    (4, 2, Order::YearMonthDay),
];

fn plain_dates(
    digits: &[Option<u32>],
    value: &impl Fn(std::ops::Range<usize>) -> Option<u32>,
    reference_year: i32,
    out: &mut Vec<Match>,
) {
    let n = digits.len();
    for i in 0..n {
        for len in 4..=8 {
            let end = i + len;
            if end > n || value(i..end).is_none() {
                break;
            }
            let mut best: Option<(i32, DateMatch)> = None;
            // Only the splits `date` can accept: day and month of 1–2 digits, years of 2 or 4.
            for &(a, b, order) in SPLITS {
                let Some(c) = len.checked_sub(a + b) else {
                    continue;
                };
                let (year_digits, other) = match order {
                    Order::YearMonthDay => (a, c),
                    Order::DayMonthYear | Order::MonthDayYear => (c, a),
                };
                if !(year_digits == 2 || year_digits == 4) || !(1..=2).contains(&other) {
                    continue;
                }
                let parts = (
                    value(i..i + a),
                    value(i + a..i + a + b),
                    value(i + a + b..end),
                );
                let (Some(p), Some(q), Some(r)) = parts else {
                    continue;
                };
                let candidate = match order {
                    Order::DayMonthYear => date(p, q, r, c, reference_year),
                    Order::MonthDayYear => date(q, p, r, c, reference_year),
                    Order::YearMonthDay => date(r, q, p, a, reference_year),
                };
                if let Some(d) = candidate {
                    let distance = (d.year - reference_year).abs();
                    if best.is_none_or(|(bd, _)| distance < bd) {
                        best = Some((distance, d));
                    }
                }
            }
            if let Some((_, d)) = best {
                out.push(Match {
                    range: i..end,
                    pattern: Pattern::Date(d),
                });
            }
        }
    }
}

fn separated_dates(
    pw: &Password,
    value: &impl Fn(std::ops::Range<usize>) -> Option<u32>,
    reference_year: i32,
    out: &mut Vec<Match>,
) {
    let chars = &pw.chars;
    let digit_run = |from: usize| -> usize {
        chars.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|c| c.is_ascii_digit()).count()
        })
    };
    for i in 0..chars.len() {
        if i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_digit) {
            continue;
        }
        let a = digit_run(i);
        if !(1..=4).contains(&a) {
            continue;
        }
        let Some(&sep) = chars.get(i + a) else {
            continue;
        };
        if !SEPARATORS.contains(&sep) {
            continue;
        }
        let b = digit_run(i + a + 1);
        if !(1..=2).contains(&b) || chars.get(i + a + 1 + b) != Some(&sep) {
            continue;
        }
        let c_start = i + a + b + 2;
        let c = digit_run(c_start);
        if !(1..=4).contains(&c) {
            continue;
        }
        let end = c_start + c;
        let (Some(p), Some(q), Some(r)) = (
            value(i..i + a),
            value(i + a + 1..i + a + 1 + b),
            value(c_start..end),
        ) else {
            continue;
        };
        let candidates = if a > 2 {
            [date(r, q, p, a, reference_year), None]
        } else {
            [
                date(p, q, r, c, reference_year),
                date(q, p, r, c, reference_year),
            ]
        };
        let best = candidates
            .into_iter()
            .flatten()
            .min_by_key(|d| (d.year - reference_year).abs());
        if let Some(mut d) = best {
            d.separator = Some(sep);
            out.push(Match {
                range: i..end,
                pattern: Pattern::Date(d),
            });
        }
    }
}

/// A valid date from day, month and a year of `year_digits` digits (2 or 4; 1 and 3 are
/// rejected), expanding two-digit years to the century that puts them closest to the past.
fn date(
    day: u32,
    month: u32,
    year: u32,
    year_digits: usize,
    reference_year: i32,
) -> Option<DateMatch> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let max_day = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > max_day {
        return None;
    }
    let year = i32::try_from(year).ok()?;
    let year = match year_digits {
        2 => {
            let this_century = reference_year - reference_year.rem_euclid(100) + year;
            if this_century <= reference_year {
                this_century
            } else {
                this_century - 100
            }
        }
        4 if (1000..=reference_year.saturating_add(50)).contains(&year) => year,
        _ => return None,
    };
    Some(DateMatch {
        day: u8::try_from(day).ok()?,
        month: u8::try_from(month).ok()?,
        year,
        separator: None,
    })
}

/// Drops dates strictly inside another date (`1985` inside `02031985`). Linear in the
/// number of dates: a date is at most [`LONGEST_DATE`] characters long, so only dates
/// starting that close before it can hold it, and for each start the longest one decides.
fn drop_nested_dates(out: &mut Vec<Match>, from: usize) {
    let Some(dates) = out.get(from..) else { return };
    let len = dates.iter().map(|m| m.range.start + 1).max().unwrap_or(0);
    // longest[s]: the furthest end of a date starting at s.
    let mut longest: Vec<usize> = vec![0; len];
    for m in dates {
        if let Some(slot) = longest.get_mut(m.range.start) {
            *slot = (*slot).max(m.range.end);
        }
    }
    let mut index = 0usize;
    out.retain(|m| {
        let keep = index < from || {
            let (start, end) = (m.range.start, m.range.end);
            let same_start_longer = longest.get(start).is_some_and(|&e| e > end);
            let earlier_holds = (start.saturating_sub(LONGEST_DATE)..start)
                .any(|s| longest.get(s).is_some_and(|&e| e >= end));
            !(same_start_longer || earlier_holds)
        };
        index += 1;
        keep
    });
}

/// The longest date typed: `dd/mm/yyyy` and its variants.
const LONGEST_DATE: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    fn found(password: &str) -> Vec<Pattern> {
        let pw = Password::new(password);
        let mut out = Vec::new();
        find(&pw, 2024, &mut out);
        out.into_iter().map(|m| m.pattern).collect()
    }

    fn dates(password: &str) -> Vec<(u8, u8, i32)> {
        found(password)
            .into_iter()
            .filter_map(|p| match p {
                Pattern::Date(d) => Some((d.day, d.month, d.year)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn french_day_month_year_is_a_date() {
        assert_eq!(dates("02031985"), vec![(2, 3, 1985)]);
    }

    #[test]
    fn two_digit_years_expand_into_the_past() {
        assert_eq!(dates("020385"), vec![(2, 3, 1985)]);
        assert_eq!(dates("020315"), vec![(2, 3, 2015)]);
    }

    #[test]
    fn separated_dates_keep_their_separator() {
        let pw = Password::new("le 14/07/1989!");
        let mut out = Vec::new();
        find(&pw, 2024, &mut out);
        let date = out.iter().find_map(|m| match m.pattern {
            Pattern::Date(d) => Some((m.range.clone(), d)),
            _ => None,
        });
        assert_eq!(
            date,
            Some((
                3..13,
                DateMatch {
                    day: 14,
                    month: 7,
                    year: 1989,
                    separator: Some('/')
                }
            ))
        );
    }

    #[test]
    fn years_are_found_anywhere() {
        assert!(found("Marie1985").contains(&Pattern::Year(YearMatch { year: 1985 })));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert!(dates("00000000").is_empty());
        assert!(dates("0000").is_empty());
    }
}
