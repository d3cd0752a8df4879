//! The end-to-end flows: real host pages, the release bundle, three engines.
//!
//! Run them with `make test` (which builds `dist/` first), or alone with
//! `cargo test -p breach-check-e2e` after `make build`. The harness (`src/`) runs each flow
//! in Chromium, Firefox and WebKitGTK; see `src/runner.rs` for filters.

use breach_check_e2e::engine::Feature;
use breach_check_e2e::{check, flow, runner};

mod embed;

fn main() -> std::process::ExitCode {
    let _ = Feature::PrintMedia;
    runner::main(
        vec![],
        vec![
            flow!(embed::the_widget_mounts_in_an_open_shadow_root_on_a_foreign_host_and_sends_nothing),
            flow!(embed::instances_are_independent_follow_their_attributes_and_mount_when_added_later),
            flow!(embed::a_copy_of_dist_under_a_nested_path_works_from_a_page_elsewhere),
            flow!(embed::a_host_with_a_strict_csp_and_no_unsafe_inline_gets_a_styled_widget),
            flow!(embed::fifty_instances_all_work_and_their_memory_is_measured),
            flow!(embed::the_demo_insurer_page_shows_the_widget_and_sends_nothing),
        ],
    )
}
