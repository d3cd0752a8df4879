//! Keyboard walks: runs of at least three characters whose keys are neighbours.

use super::{Match, Pattern, SpatialMatch};
use crate::password::input::Password;
use crate::password::keyboards::Layout;

/// Shortest walk reported.
const MIN_WALK: usize = 3;

pub(crate) fn find(pw: &Password, out: &mut Vec<Match>) {
    for layout in Layout::ALL {
        find_on(pw, layout, out);
    }
}

fn find_on(pw: &Password, layout: Layout, out: &mut Vec<Match>) {
    let data = layout.data();
    let chars = &pw.chars;
    let mut i = 0;
    while i < chars.len() {
        let Some(first) = chars.get(i).and_then(|&c| data.position(c)) else {
            i += 1;
            continue;
        };
        let mut prev = first;
        let mut last_direction = None;
        let mut turns = 0u32;
        let mut shifted = u32::from(first.shifted);
        let mut j = i + 1;
        while let Some(pos) = chars.get(j).and_then(|&c| data.position(c)) {
            let Some(direction) = data.neighbour(prev, pos) else {
                break;
            };
            if last_direction != Some(direction) {
                turns += 1;
                last_direction = Some(direction);
            }
            shifted += u32::from(pos.shifted);
            prev = pos;
            j += 1;
        }
        if j - i >= MIN_WALK {
            out.push(Match {
                range: i..j,
                pattern: Pattern::Spatial(SpatialMatch {
                    layout,
                    turns,
                    shifted,
                }),
            });
        }
        // The next walk starts where this one broke off.
        i = j.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walks(password: &str) -> Vec<(std::ops::Range<usize>, Layout, u32, u32)> {
        let pw = Password::new(password);
        let mut out = Vec::new();
        find(&pw, &mut out);
        out.into_iter()
            .filter_map(|m| match m.pattern {
                Pattern::Spatial(s) => Some((m.range, s.layout, s.turns, s.shifted)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn azerty_top_row_is_a_straight_walk() {
        let found = walks("azerty");
        assert!(found.contains(&(0..6, Layout::Azerty, 1, 0)), "{found:?}");
    }

    #[test]
    fn azerty_bottom_row_is_a_walk() {
        let found = walks("wxcvbn");
        assert!(found.contains(&(0..6, Layout::Azerty, 1, 0)), "{found:?}");
        assert!(
            !found.iter().any(|w| w.1 == Layout::Qwerty && w.0 == (0..6)),
            "{found:?}"
        );
    }

    #[test]
    fn azerty_digits_count_as_shifted_keys() {
        let found = walks("123");
        assert!(found.contains(&(0..3, Layout::Azerty, 1, 3)), "{found:?}");
        assert!(found.contains(&(0..3, Layout::Qwerty, 1, 0)), "{found:?}");
    }

    #[test]
    fn a_turning_walk_counts_its_turns() {
        let found = walks("qsdfvcx");
        assert!(
            found.iter().any(|w| w.1 == Layout::Azerty && w.2 >= 2),
            "{found:?}"
        );
    }

    #[test]
    fn bepo_home_row_is_a_walk() {
        let found = walks("auie");
        assert!(found.contains(&(0..4, Layout::Bepo, 1, 0)), "{found:?}");
    }

    #[test]
    fn keypad_columns_are_walks() {
        let found = walks("1478963");
        assert!(
            found.iter().any(|w| w.1 == Layout::Keypad && w.0 == (0..7)),
            "{found:?}"
        );
    }
}
