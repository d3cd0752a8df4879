//! The npm package (`make package`), as a web team with a front-end build uses it: packed
//! from `dist/`, installed with npm into an empty project, type-checked by TypeScript (plain
//! DOM code, React 19 and Preact JSX, and values the types must refuse), and the installed
//! files served to a host page that mounts the widget.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use breach_check_e2e::browser::{Browser, Tab};
use breach_check_e2e::harness::{Session, bundle_files, dist, host_page};
use breach_check_e2e::server::Site;
use breach_check_e2e::{tools_dir, workspace_root};

/// The tool-cache folder with TypeScript and the React/Preact types (`tools/setup.sh test`).
const TYPECHECK: &str = "typescript-5.9.3+react-types-19.3.3+preact-11.2.0";

/// An empty project with the package installed by npm, made once per run.
fn installed() -> &'static Path {
    static APP: OnceLock<PathBuf> = OnceLock::new();
    APP.get_or_init(|| {
        dist();
        let work =
            std::env::temp_dir().join(format!("breach-check-package-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&work);
        let app = work.join("app");
        std::fs::create_dir_all(&app).expect("the app folder");
        let packed = run(Command::new("bash")
            .arg(workspace_root().join("tools/package/make-package.sh"))
            .arg(work.join("out")));
        let tarball = PathBuf::from(packed.trim());
        let version = cargo_version();
        assert_eq!(
            tarball.file_name().and_then(|n| n.to_str()),
            Some(format!("breach-check-{version}.tgz").as_str()),
            "make-package wrote {}",
            tarball.display()
        );
        std::fs::write(
            app.join("package.json"),
            r#"{ "name": "insurer-site", "private": true, "type": "module" }"#,
        )
        .expect("the app's package.json");
        run(Command::new("npm")
            .args([
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
            ])
            .arg(&tarball)
            .current_dir(&app));
        // The JSX runtimes' types, from the tool cache, as the app's own dependencies.
        let types = tools_dir().join(TYPECHECK).join("node_modules");
        for module in ["@types/react", "csstype", "preact"] {
            let link = app.join("node_modules").join(module);
            std::fs::create_dir_all(link.parent().expect("a parent")).expect("node_modules");
            std::os::unix::fs::symlink(types.join(module), &link)
                .unwrap_or_else(|e| panic!("link {module}: {e}"));
        }
        for file in ["consumer.ts", "wrong.ts", "react.tsx", "preact.tsx"] {
            std::fs::copy(
                workspace_root().join("tests/e2e/package").join(file),
                app.join(file),
            )
            .expect("copy a consumer");
        }
        app
    })
}

fn cargo_version() -> String {
    let manifest =
        std::fs::read_to_string(workspace_root().join("Cargo.toml")).expect("Cargo.toml");
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("a version in Cargo.toml")
        .to_owned()
}

/// Runs `command`, panics with its output when it fails, and returns its stdout.
fn run(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}\n{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    text(&output.stdout)
}

/// TypeScript over `file` of the app, strict, resolving as a bundler does; its output and
/// whether it passed.
fn type_check(file: &str, jsx_import_source: Option<&str>) -> (bool, String) {
    let tsc = tools_dir().join(TYPECHECK).join("node_modules/.bin/tsc");
    assert!(
        tsc.exists(),
        "{} not found: run `make test` (tools/setup.sh test installs it)",
        tsc.display()
    );
    let mut command = Command::new(tsc);
    command
        .args([
            "--noEmit",
            "--strict",
            "--pretty",
            "false",
            "--target",
            "es2022",
            "--lib",
            "es2022,dom",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
        ])
        .current_dir(installed());
    if let Some(source) = jsx_import_source {
        command.args(["--jsx", "react-jsx", "--jsxImportSource", source]);
    }
    let output = command.arg(file).output().expect("run tsc");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

pub fn the_package_holds_the_bundle_sums_licences_types_and_manifest() {
    let root = installed().join("node_modules/breach-check");
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("package.json")).expect("package.json"),
    )
    .expect("package.json is JSON");
    assert_eq!(manifest["name"], "breach-check");
    assert_eq!(manifest["version"], cargo_version().as_str());
    assert_eq!(manifest["types"], "./breach-check.d.ts");
    assert_eq!(manifest["exports"]["."]["default"], "./breach-check.js");
    assert!(
        manifest["license"]
            .as_str()
            .is_some_and(|l| l.contains("CC-BY-SA-4.0"))
    );
    for file in bundle_files() {
        let shipped = std::fs::read(root.join(&file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let built = std::fs::read(dist().join(&file)).expect("the dist file");
        assert!(shipped == built, "{file} differs from dist/{file}");
    }
    assert_eq!(
        std::fs::read_to_string(root.join("SHA384SUMS")).expect("SHA384SUMS"),
        std::fs::read_to_string(dist().join("SHA384SUMS")).expect("dist/SHA384SUMS")
    );
    let dictionary = std::fs::read_to_string(root.join("LICENSE-dictionary.txt")).expect("licence");
    for words in [
        "CC BY-SA 4.0",
        "wordfreq",
        "Robyn Speer",
        "Attribution-ShareAlike 4.0 International Public License",
    ] {
        assert!(
            dictionary.contains(words),
            "LICENSE-dictionary.txt lacks {words:?}"
        );
    }
    assert!(
        std::fs::read_to_string(root.join("LICENSE"))
            .expect("LICENSE")
            .starts_with("MIT License")
    );

    // The manifest lists every attribute, both events and every --bc-* property the widget's
    // styles read, which are the ones the README documents.
    let elements: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("custom-elements.json")).expect("custom-elements.json"),
    )
    .expect("custom-elements.json is JSON");
    let declaration = &elements["modules"][0]["declarations"][0];
    assert_eq!(declaration["tagName"], "breach-check");
    let names = |key: &str| -> Vec<String> {
        declaration[key]
            .as_array()
            .unwrap_or_else(|| panic!("no {key}"))
            .iter()
            .map(|item| item["name"].as_str().expect("a name").to_owned())
            .collect()
    };
    assert_eq!(
        names("attributes"),
        [
            "lang",
            "insurer",
            "operator",
            "sections",
            "theme",
            "emit-events",
            "notice-href"
        ]
    );
    assert_eq!(
        names("events"),
        ["breach-check:ready", "breach-check:verdict"]
    );
    let mut documented = names("cssProperties");
    documented.sort();
    let styles =
        std::fs::read_to_string(workspace_root().join("src/ui/styles.css")).expect("styles.css");
    let mut read: Vec<String> = styles
        .match_indices("var(--bc-")
        .map(|(i, _)| {
            styles[i + 4..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect()
        })
        .collect();
    read.sort();
    read.dedup();
    assert_eq!(
        documented, read,
        "custom-elements.json vs the properties styles.css reads"
    );
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).expect("README");
    for property in &read {
        assert!(
            readme.contains(&format!("`{property}`")),
            "the README does not list {property}"
        );
    }
}

pub fn the_package_types_check_a_dom_a_react_and_a_preact_consumer_and_refuse_wrong_values() {
    for (file, jsx) in [
        ("consumer.ts", None),
        ("react.tsx", Some("react")),
        ("preact.tsx", Some("preact")),
    ] {
        let (ok, output) = type_check(file, jsx);
        assert!(
            ok,
            "{file} does not type-check against the package:\n{output}"
        );
    }
    let (ok, output) = type_check("wrong.ts", None);
    let expected = include_str!("../package/wrong.ts")
        .lines()
        .filter(|line| line.ends_with("// error"))
        .count();
    let errors: Vec<&str> = output.lines().filter(|l| l.contains("error TS")).collect();
    assert!(!ok, "wrong.ts type-checked: the types accept anything");
    assert_eq!(
        errors.len(),
        expected,
        "wrong.ts: one error per marked line expected:\n{output}"
    );
    for (number, line) in include_str!("../package/wrong.ts").lines().enumerate() {
        if line.ends_with("// error") {
            let at = format!("wrong.ts({},", number + 1);
            assert!(
                errors.iter().any(|e| e.starts_with(&at)),
                "no error on line {}: {line}\n{output}",
                number + 1
            );
        }
    }
}

pub async fn the_installed_package_mounts_the_widget_on_a_host_page(browser: &Browser) {
    let files = installed().join("node_modules/breach-check");
    let site = Site::new()
        .mount("/node_modules/breach-check/", &files)
        .page(
            "/securite.html",
            host_page(
                "",
                r#"<breach-check id="w" insurer="mutami"></breach-check>"#,
            )
            .replace(
                "/bc/breach-check.js",
                "/node_modules/breach-check/breach-check.js",
            ),
            &[],
        );
    let session = Session::open(browser, site, "/securite.html").await;
    let tab = &session.tab;
    tab.wait_until_settled("#w").await;
    tab.set_value("#w", "contract-start", "2015-03-01").await;
    tab.wait_for(&format!(
        "{}?.dataset.verdict === 'exposed'",
        Tab::hook("#w", "verdict")
    ))
    .await;
    session.assert_only_bundle_requests("/securite.html", "/node_modules/breach-check/");
    session.assert_nothing_stored().await;
}
