//! A list of dated, graded sources, each once.

use yew::prelude::*;

use crate::i18n::{Lang, Localized, format_date};
use crate::pack::{Pack, Source};

/// The pack's sources with these ids, each once, in the order given; unknown ids are skipped.
pub fn unique<'a>(pack: &'a Pack, ids: impl IntoIterator<Item = &'a str>) -> Vec<&'a Source> {
    let mut sources: Vec<&Source> = Vec::new();
    for source in ids.into_iter().filter_map(|id| pack.source(id)) {
        if !sources.iter().any(|s| s.id == source.id) {
            sources.push(source);
        }
    }
    sources
}

/// The sources as list items: title (linked), publisher, date, grade.
pub fn source_items(sources: &[&Source], lang: Lang) -> Html {
    sources
        .iter()
        .map(|source| {
            html! {
                <li>
                    <a href={source.url.clone()} target="_blank" rel="noopener noreferrer">{ &source.title }</a>
                    { " — " }{ &source.publisher }
                    { source.date.map(|d| format!(", {}", format_date(d, lang))) }
                    { " (" }{ source.grade.text(lang) }{ ")" }
                </li>
            }
        })
        .collect()
}
