//! The exposure check: insurer, operator, contract dates, the verdict at a glance, and the
//! incidents decided by their own question.

pub mod card_help;
pub mod combobox;
pub mod date_field;
pub mod field_errors;
pub mod member_card;
pub mod operator_select;
pub mod question;
pub mod section;
pub mod sources;
pub mod state;
pub mod timeline;
pub mod verdict;
