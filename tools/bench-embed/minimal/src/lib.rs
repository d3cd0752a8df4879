//! A minimal Yew app: a heading, a labelled select and a date field, rendered into the
//! element the page gives it. The benchmark's yardstick for "script requested → form
//! usable" and for the bytes a Yew app costs at all.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// The operators of the widget's first field, so that the form is of the same kind.
const OPERATORS: [(&str, &str); 4] = [
    ("viamedis", "Viamedis"),
    ("almerys", "Almerys"),
    ("other", "Un autre"),
    ("unknown", "Je ne sais pas"),
];

/// The form.
#[component]
fn Form() -> Html {
    let chosen = use_state(String::new);
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            chosen.set(select.value());
        })
    };
    html! {
        <form>
            <h2>{ "Étiez-vous concerné ?" }</h2>
            <label for="operator">{ "Opérateur de tiers payant" }</label>
            <select id="operator" data-testid="operator" onchange={on_change}>
                { for OPERATORS.iter().map(|(id, name)| html! { <option value={*id}>{ *name }</option> }) }
            </select>
            <label for="start">{ "Début du contrat" }</label>
            <input id="start" type="date" />
            <p>{ (*chosen).clone() }</p>
        </form>
    }
}

/// Renders the form into `root` (a `<div>` in a shadow root) and keeps it for the page's life.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    std::mem::forget(yew::Renderer::<Form>::with_root(root).render());
}
