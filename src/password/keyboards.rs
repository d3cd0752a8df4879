//! Keyboard layouts as compact row strings, with adjacency computed from key geometry.
//!
//! Each layout is a few rows of `(unshifted, shifted)` character pairs and a horizontal
//! offset per row, in quarter-key units. Two keys are neighbours when they sit side by side
//! on a row, or on adjacent rows and overlap horizontally (staggered keyboards), or touch
//! on any side or corner (grid keypads). The lookup tables are built at compile time by
//! `const fn`, so there is no start-up cost and no table of thousands of entries.

/// A keyboard layout the spatial matcher knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// French AZERTY (ISO), digits on the shifted level.
    Azerty,
    /// US QWERTY (ANSI).
    Qwerty,
    /// German/Swiss QWERTZ (ISO).
    Qwertz,
    /// French BÉPO (ISO).
    Bepo,
    /// A computer's numeric keypad (7-8-9 on top).
    Keypad,
    /// A phone or card-terminal keypad (1-2-3 on top, 0 under 8).
    PhonePad,
}

impl Layout {
    /// Every layout, in the order the matcher tries them.
    pub const ALL: [Layout; 6] = [
        Layout::Azerty,
        Layout::Qwerty,
        Layout::Qwertz,
        Layout::Bepo,
        Layout::Keypad,
        Layout::PhonePad,
    ];

    /// A stable identifier, e.g. for logs or test names.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Azerty => "azerty",
            Layout::Qwerty => "qwerty",
            Layout::Qwertz => "qwertz",
            Layout::Bepo => "bepo",
            Layout::Keypad => "keypad",
            Layout::PhonePad => "phone-pad",
        }
    }

    // Inlined, with `position` and `neighbour`: the spatial and interleaved matchers call
    // them for every character and layout, and at opt-level "z" the calls cost more than
    // the lookups.
    #[inline(always)]
    pub(crate) fn data(self) -> &'static LayoutData {
        match self {
            Layout::Azerty => &AZERTY,
            Layout::Qwerty => &QWERTY,
            Layout::Qwertz => &QWERTZ,
            Layout::Bepo => &BEPO,
            Layout::Keypad => &KEYPAD,
            Layout::PhonePad => &PHONE_PAD,
        }
    }
}

/// The direction from one key to a neighbour; a change of direction is a "turn".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Direction {
    rows: i8,
    columns: i8,
}

const MAX_KEYS: usize = 64;
/// Code points below this are looked up in a flat table; everything above is off-keyboard.
const TABLE: usize = 256;

#[derive(Clone, Copy)]
struct Key {
    row: i8,
    /// Horizontal position of the key's left edge, in quarter keys.
    x: i16,
}

/// A layout's keys and its character lookup table.
pub(crate) struct LayoutData {
    keys: [Key; MAX_KEYS],
    len: usize,
    /// For each code point below 256: `0` if absent, else `key index + 1`, with bit 15 set when
    /// the character is on the shifted level.
    lookup: [u16; TABLE],
    staggered: bool,
    degree_sum: u32,
}

/// Where a character sits on a layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct KeyPos {
    index: u8,
    /// The character needs Shift on this layout.
    pub shifted: bool,
}

impl LayoutData {
    /// The key that types `c`, if any.
    #[inline(always)]
    pub fn position(&self, c: char) -> Option<KeyPos> {
        let code = c as usize;
        let entry = *self.lookup.get(code)?;
        if entry == 0 {
            return None;
        }
        let index = (entry & 0x7fff) - 1;
        Some(KeyPos {
            index: index as u8,
            shifted: entry & 0x8000 != 0,
        })
    }

    /// The direction from `a` to `b` when the two keys are neighbours.
    #[inline(always)]
    pub fn neighbour(&self, a: KeyPos, b: KeyPos) -> Option<Direction> {
        let ka = self.keys.get(usize::from(a.index))?;
        let kb = self.keys.get(usize::from(b.index))?;
        direction(self.staggered, *ka, *kb)
    }

    /// Number of keys: the possible starting positions of a walk.
    pub fn starting_positions(&self) -> f64 {
        self.len as f64
    }

    /// Average number of neighbours per key.
    pub fn average_degree(&self) -> f64 {
        if self.len == 0 {
            0.0
        } else {
            f64::from(self.degree_sum) / self.len as f64
        }
    }
}

#[inline(always)]
const fn direction(staggered: bool, a: Key, b: Key) -> Option<Direction> {
    let dr = b.row - a.row;
    let dx = b.x - a.x;
    let adjacent = if staggered {
        (dr == 0 && (dx == 4 || dx == -4)) || ((dr == 1 || dr == -1) && dx >= -3 && dx <= 3)
    } else {
        dr >= -1 && dr <= 1 && dx >= -4 && dx <= 4 && !(dr == 0 && dx == 0)
    };
    if !adjacent {
        return None;
    }
    let columns = if dx < 0 {
        -1
    } else if dx > 0 {
        1
    } else {
        0
    };
    Some(Direction { rows: dr, columns })
}

/// Decodes the UTF-8 character starting at byte `i` (the row strings are valid UTF-8 literals).
const fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes[i] as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            ((b0 & 0x0F) << 12)
                | ((bytes[i + 1] as u32 & 0x3F) << 6)
                | (bytes[i + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((b0 & 0x07) << 18)
                | ((bytes[i + 1] as u32 & 0x3F) << 12)
                | ((bytes[i + 2] as u32 & 0x3F) << 6)
                | (bytes[i + 3] as u32 & 0x3F),
            4,
        )
    }
}

/// Builds a layout from rows of `(unshifted, shifted)` pairs. A pair whose two characters are
/// equal has no distinct shifted character; a pair of spaces is a gap (no key there).
const fn build(rows: &[(&str, i16)], staggered: bool) -> LayoutData {
    let mut data = LayoutData {
        keys: [Key { row: 0, x: 0 }; MAX_KEYS],
        len: 0,
        lookup: [0; TABLE],
        staggered,
        degree_sum: 0,
    };
    let mut r = 0;
    while r < rows.len() {
        let bytes = rows[r].0.as_bytes();
        let offset = rows[r].1;
        let mut i = 0;
        let mut column: i16 = 0;
        while i < bytes.len() {
            let (lower, l1) = decode(bytes, i);
            let (upper, l2) = decode(bytes, i + l1);
            i += l1 + l2;
            if lower != ' ' as u32 {
                let index = data.len;
                data.keys[index] = Key {
                    row: r as i8,
                    x: offset + 4 * column,
                };
                data.len += 1;
                if (lower as usize) < TABLE && data.lookup[lower as usize] == 0 {
                    data.lookup[lower as usize] = index as u16 + 1;
                }
                if upper != lower && (upper as usize) < TABLE && data.lookup[upper as usize] == 0 {
                    data.lookup[upper as usize] = (index as u16 + 1) | 0x8000;
                }
            }
            column += 1;
        }
        r += 1;
    }
    let mut a = 0;
    while a < data.len {
        let mut b = 0;
        while b < data.len {
            if a != b && direction(staggered, data.keys[a], data.keys[b]).is_some() {
                data.degree_sum += 1;
            }
            b += 1;
        }
        a += 1;
    }
    data
}

// Row offsets in quarter keys: the digit row starts at 0; the top letter row is shifted by
// 1.5 keys, the home row by 1.75, the bottom row by 1.25 (ISO, with the extra key left of
// the bottom row) or 2.25 (ANSI).
static AZERTY: LayoutData = build(
    &[
        ("²²&1é2\"3'4(5-6è7_8ç9à0)°=+", 0),
        ("aAzZeErRtTyYuUiIoOpP^¨$£", 6),
        ("qQsSdDfFgGhHjJkKlLmMù%*µ", 7),
        ("<>wWxXcCvVbBnN,?;.:/!§", 5),
    ],
    true,
);

static QWERTY: LayoutData = build(
    &[
        ("`~1!2@3#4$5%6^7&8*9(0)-_=+", 0),
        ("qQwWeErRtTyYuUiIoOpP[{]}\\|", 6),
        ("aAsSdDfFgGhHjJkKlL;:'\"", 7),
        ("zZxXcCvVbBnNmM,<.>/?", 9),
    ],
    true,
);

static QWERTZ: LayoutData = build(
    &[
        ("^°1!2\"3§4$5%6&7/8(9)0=ß?´`", 0),
        ("qQwWeErRtTzZuUiIoOpPüÜ+*", 6),
        ("aAsSdDfFgGhHjJkKlLöÖäÄ#'", 7),
        ("<>yYxXcCvVbBnNmM,;.:-_", 5),
    ],
    true,
);

static BEPO: LayoutData = build(
    &[
        ("$#\"1«2»3(4)5@6+7-8/9*0=°%`", 0),
        ("bBéÉpPoOèÈ^!vVdDlLjJzZwW", 6),
        ("aAuUiIeE,;cCtTsSrRnNmMçÇ", 7),
        ("êÊàÀyYxX.:kK'?qQgGhHfF", 5),
    ],
    true,
);

static KEYPAD: LayoutData = build(
    &[
        ("  //**--", 0),
        ("778899++", 0),
        ("445566", 0),
        ("112233", 0),
        ("00..", 0),
    ],
    false,
);

static PHONE_PAD: LayoutData = build(
    &[("112233", 0), ("445566", 0), ("778899", 0), ("**00##", 0)],
    false,
);

#[cfg(test)]
mod tests {
    use super::*;

    fn adjacent(layout: Layout, a: char, b: char) -> bool {
        let data = layout.data();
        match (data.position(a), data.position(b)) {
            (Some(pa), Some(pb)) => data.neighbour(pa, pb).is_some(),
            _ => false,
        }
    }

    #[test]
    fn azerty_home_row_keys_are_neighbours() {
        assert!(adjacent(Layout::Azerty, 'q', 's'));
        assert!(adjacent(Layout::Azerty, 'a', 'q'));
        assert!(adjacent(Layout::Azerty, 'w', 'x'));
        assert!(!adjacent(Layout::Azerty, 'a', 'p'));
    }

    #[test]
    fn a_key_sits_under_two_keys_of_the_row_above() {
        assert!(adjacent(Layout::Qwerty, 'g', 't'));
        assert!(adjacent(Layout::Qwerty, 'g', 'y'));
        assert!(!adjacent(Layout::Qwerty, 'g', 'r'));
        assert!(adjacent(Layout::Qwerty, 'q', '1'));
        assert!(adjacent(Layout::Qwerty, 'q', '2'));
    }

    #[test]
    fn azerty_digits_are_on_the_shifted_level() {
        let pos = Layout::Azerty.data().position('1');
        assert_eq!(pos.map(|p| p.shifted), Some(true));
        let pos = Layout::Azerty.data().position('é');
        assert_eq!(pos.map(|p| p.shifted), Some(false));
    }

    #[test]
    fn keypads_include_diagonals() {
        assert!(adjacent(Layout::Keypad, '7', '5'));
        assert!(adjacent(Layout::PhonePad, '0', '8'));
        assert!(!adjacent(Layout::Keypad, '7', '3'));
    }

    #[test]
    fn layouts_have_plausible_sizes_and_degrees() {
        for layout in Layout::ALL {
            let data = layout.data();
            assert!(data.starting_positions() >= 10.0, "{}", layout.as_str());
            let degree = data.average_degree();
            assert!(
                (2.0..=8.0).contains(&degree),
                "{} {degree}",
                layout.as_str()
            );
        }
    }
}
