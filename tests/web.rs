//! Browser tests through wasm-bindgen-test: what only a real DOM can show, without the
//! loader. `make test` runs them in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn host_with_shadow(attrs: &[(&str, &str)]) -> (Element, web_sys::ShadowRoot) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("breach-check").unwrap();
    for (name, value) in attrs {
        host.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    (host, shadow)
}

fn hook(shadow: &web_sys::ShadowRoot, testid: &str) -> Option<Element> {
    shadow
        .query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
}

#[wasm_bindgen_test]
async fn mount_renders_the_contract_hooks_in_english_and_destroy_empties_the_root() {
    let (_host, shadow) = host_with_shadow(&[("lang", "en")]);
    let mut widget = breach_check::embed::mount(_host.clone(), shadow.clone()).unwrap();
    yew::scheduler::flush().await;

    // The hooks the contract promises at mount, the same list as the e2e flows'.
    for testid in include_str!("e2e/hooks.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
    {
        assert!(hook(&shadow, testid).is_some(), "{testid} missing");
    }
    let heading = shadow.query_selector("h2").unwrap().unwrap();
    assert_eq!(
        heading.text_content().unwrap(),
        "Was my data leaked in 2024?"
    );
    let end: HtmlInputElement = hook(&shadow, "contract-end").unwrap().dyn_into().unwrap();
    assert_eq!(end.type_(), "date");

    widget.destroy();
    assert_eq!(shadow.child_nodes().length(), 0);
}

#[wasm_bindgen_test]
async fn an_unknown_attribute_value_falls_back_to_the_default() {
    let (host, shadow) = host_with_shadow(&[("lang", "klingon"), ("sections", "nonsense")]);
    let mut widget = breach_check::embed::mount(host, shadow.clone()).unwrap();
    yew::scheduler::flush().await;
    let root = shadow.query_selector(".bc").unwrap().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(shadow.query_selector_all("section").unwrap().length(), 2);
    widget.destroy();
}
