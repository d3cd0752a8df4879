//! The end-to-end flows: real host pages, the release bundle, three engines.
//!
//! `make test` builds `dist/` and runs them; alone, after `make build`:
//!
//! ```sh
//! cargo test -p breach-check-e2e                       # every flow in every engine
//! cargo test -p breach-check-e2e -- firefox::          # one engine
//! cargo test -p breach-check-e2e -- exposure::bad      # matching flows, every engine
//! E2E_ENGINES=webkit cargo test -p breach-check-e2e    # only start WebKit
//! ```
//!
//! A flow is an `async fn(&Browser)` in one of the files below, listed in [`main`] with
//! [`flow!`] (and the `Feature`s it cannot do without, if any: engines lacking one report it
//! ignored, with the reason). A flow that can do part of its work everywhere checks
//! `browser.engine.lacks(feature)` itself. The harness (`src/`) runs it
//! in each engine with that engine's shared browser; see `src/runner.rs`.

// The harness starts browsers, reads dist/ and the environment, and times flows: clippy.toml
// forbids that to the core only.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use breach_check_e2e::{check, flow, runner};

mod a11y;
mod attributes;
mod embed;
mod exposure;
mod fallback;
mod first_paint;
mod glue_audit;
mod host_data;
mod hostile;
mod loader;
mod main_modules;
mod message;
mod package;
mod password;
mod privacy;
mod size;
mod sri;
mod verdict_view;

fn main() -> std::process::ExitCode {
    let checks = vec![
        check!(glue_audit::the_bundle_scripts_reach_no_network_storage_or_eval_api_beyond_the_allow_list),
        check!(glue_audit::the_audit_catches_an_added_fetch_post_message_clipboard_location_history_or_open),
        check!(size::what_a_host_downloads_stays_within_the_committed_gzip_budget),
        check!(size::the_budget_check_reports_an_overrun_and_reads_the_file_format),
        check!(size::the_main_module_most_hosts_get_holds_nothing_of_the_message_section),
        check!(sri::sha384sums_lists_every_bundle_file_and_the_loader_pins_the_others),
        check!(package::the_package_holds_the_bundle_sums_licences_types_and_manifest),
        check!(package::the_package_types_check_a_dom_a_react_and_a_preact_consumer_and_refuse_wrong_values),
    ];
    let flows = vec![
        // The slowest first, so that the engines do not end on it one after the other.
        flow!(hostile::hostile_host_pages_still_get_a_working_widget_that_sends_nothing),
        flow!(loader::a_hung_wasm_request_shows_the_host_content_then_the_fallback),
        flow!(loader::forged_page_globals_run_no_foreign_code_and_leave_no_blank_box),
        flow!(loader::integrity_never_fails_open_a_wrapped_fetch_or_an_unbuilt_copy),
        flow!(loader::a_wasm_served_with_another_mime_type_than_application_wasm_still_mounts),
        flow!(loader::strict_csps_with_trusted_types_or_a_nonce_need_nothing_but_wasm_unsafe_eval),
        flow!(loader::back_brings_the_page_back_from_the_cache_without_the_password),
        flow!(loader::the_fallback_reads_lang_and_notice_href_as_the_widget_does),
        flow!(hostile::bare_events_from_page_scripts_raise_nothing_and_break_nothing),
        flow!(host_data::an_overlay_counts_only_inside_its_element_and_may_only_add_insurers),
        flow!(embed::the_widget_mounts_in_an_open_shadow_root_on_a_foreign_host_and_sends_nothing),
        flow!(embed::instances_are_independent_follow_their_attributes_and_mount_when_added_later),
        flow!(embed::a_copy_of_dist_under_a_nested_path_works_from_a_page_elsewhere),
        flow!(embed::a_host_with_a_strict_csp_and_no_unsafe_inline_gets_a_styled_widget),
        flow!(embed::fifty_instances_all_work_and_their_memory_is_measured),
        flow!(embed::the_demo_insurer_page_shows_the_widget_and_sends_nothing),
        flow!(exposure::a_preselected_mutami_member_since_2015_sees_the_viamedis_fields),
        flow!(exposure::the_insurer_combobox_finds_names_without_accents_and_works_by_keyboard),
        flow!(exposure::bad_dates_and_ids_get_messages_next_to_their_field),
        flow!(exposure::not_knowing_the_operator_opens_the_card_help_and_never_says_not_exposed),
        flow!(exposure::a_host_pack_adds_its_own_insurer_and_a_broken_one_is_ignored),
        flow!(password::known_weak_passwords_rate_low_middling_ones_middle_and_a_long_random_one_high),
        flow!(password::typing_before_the_dictionaries_arrive_is_kept_and_rated_when_they_do),
        flow!(password::a_five_thousand_character_paste_keeps_the_page_responsive_and_shows_a_score),
        flow!(first_paint::the_dictionary_is_fetched_when_the_password_field_first_takes_the_focus),
        flow!(first_paint::scrolling_a_password_section_into_view_fetches_it_once_for_every_widget),
        flow!(first_paint::a_page_with_only_the_exposure_check_fetches_neither_the_dictionary_nor_the_password_engine),
        flow!(first_paint::a_dictionary_that_fails_leaves_the_built_in_list_rating_with_a_note),
        flow!(first_paint::a_password_engine_that_is_missing_or_refused_is_said_in_the_section),
        flow!(first_paint::a_stalled_password_engine_is_busy_then_said_unavailable_after_ten_seconds),
        flow!(message::a_pasted_phishing_sms_is_suspicious_with_its_flags_and_a_genuine_one_has_no_red_flag),
        flow!(main_modules::each_page_reads_the_one_main_module_its_widgets_need),
        flow!(main_modules::a_widget_given_the_message_section_later_moves_to_it_and_both_modules_share_the_password_engine),
        flow!(message::the_message_check_has_no_axe_violation_with_either_verdict_in_french_and_english),
        flow!(message::the_message_check_works_by_keyboard_alone_from_the_text_box_to_the_flags_and_steps),
        flow!(message::at_320_pixels_a_long_suspicious_message_sticks_out_nowhere_and_nothing_is_clipped),
        flow!(message::a_megabyte_paste_of_links_images_junk_rtl_and_emoji_is_rated_on_its_start_and_fetches_nothing),
        flow!(message::a_stalled_engine_is_said_after_the_loaders_time_limit_and_the_page_stays_usable),
        flow!(message::an_engine_refused_for_a_404_or_a_wrong_hash_is_said_in_the_section),
        flow!(privacy::the_typed_password_appears_in_no_attribute_console_message_event_or_url),
        flow!(privacy::the_meter_announces_level_changes_not_keystrokes_and_shows_the_cnil_yardstick),
        flow!(privacy::the_proxy_witnesses_a_leak_to_any_host_and_fails_the_request_assertion),
        flow!(privacy::the_widget_and_its_fields_ask_replay_tools_and_password_managers_to_stay_away),
        flow!(attributes::unknown_attribute_values_fall_back_to_defaults_and_warn_once_per_page),
        flow!(attributes::every_attribute_is_followed_live_on_a_mounted_element),
        flow!(attributes::theme_auto_follows_the_colour_scheme_and_host_custom_properties_reach_inside),
        flow!(attributes::removing_and_re_adding_an_element_twenty_times_frees_what_it_used),
        flow!(fallback::without_webassembly_each_element_says_so_in_its_language_with_a_safe_link),
        flow!(fallback::a_csp_without_wasm_unsafe_eval_gets_the_message_and_the_bundle_fails_no_other_way),
        flow!(fallback::a_missing_wasm_gets_the_message_instead_of_a_blank_box),
        flow!(sri::the_bundle_pinned_by_integrity_works_and_a_wrong_hash_leaves_the_page_intact),
        flow!(sri::a_tampered_wasm_behind_a_good_loader_gets_the_fallback_not_the_code),
        flow!(a11y::the_widget_has_no_axe_violation_in_french_light),
        flow!(a11y::the_widget_has_no_axe_violation_in_english_dark),
        flow!(a11y::the_widget_has_no_axe_violation_in_french_dark),
        flow!(a11y::the_widget_has_no_axe_violation_in_english_light),
        flow!(a11y::the_axe_check_sees_inside_the_shadow_root),
        flow!(verdict_view::an_exposed_verdict_has_a_described_timeline_next_steps_dated_sources_and_prints_cleanly),
        flow!(verdict_view::at_360_pixels_the_answer_card_and_first_steps_fit_in_1100_px_and_150_words),
        flow!(verdict_view::every_disclosure_opens_and_closes_by_keyboard_with_no_axe_violation_either_way),
        flow!(verdict_view::an_incident_decided_by_its_own_question_is_answered_by_keyboard_apart_from_the_verdict),
        flow!(verdict_view::a_verdict_on_host_supplied_facts_says_whose_word_it_is),
        flow!(verdict_view::on_320_and_1000_pixel_screens_nothing_sticks_out_and_the_wide_one_has_two_columns),
        flow!(package::the_installed_package_mounts_the_widget_on_a_host_page),
    ];
    runner::main(checks, flows)
}
