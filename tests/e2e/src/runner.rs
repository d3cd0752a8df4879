//! Runs every flow in every selected engine, as the built-in test harness would (same
//! command line, same report, through `libtest-mimic`).
//!
//! - Each engine has one browser, launched on its first flow and shared by the flows that
//!   follow (each flow gets its own site, server and origin). A flow that fails leaves a
//!   browser that is closed; the next flow gets a fresh one.
//! - Engines run side by side: the trials are interleaved (flow 1 in every engine, then
//!   flow 2…) over one thread per engine, so each thread mostly drives its own browser.
//! - A flow that needs a [`Feature`] an engine lacks is reported `ignored` with the reason.
//! - Trials are named `<engine>::<file>::<flow>`, so `cargo test -p breach-check-e2e --
//!   firefox::` runs one engine and `-- exposure::` one file in every engine; checks that
//!   need no browser are named `dist::<file>::<check>`.

use std::collections::HashMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::{Arc, LazyLock};
use std::time::Instant;

use futures::FutureExt;
use libtest_mimic::{Arguments, Completion, Trial};
use tokio::runtime::Runtime;
use tokio::sync::Mutex;

use crate::browser::Browser;
use crate::engine::{Engine, Feature};

/// A flow's body: drives a page in the browser it is given.
pub type FlowFn = for<'a> fn(&'a Browser) -> Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// A flow: one scenario run in each engine.
pub struct Flow {
    /// `<file>::<function>`.
    pub name: &'static str,
    /// The scenario.
    pub run: FlowFn,
    /// What the flow cannot do without; engines lacking one skip it, saying why.
    pub needs: &'static [Feature],
}

/// A check that needs no browser (it reads `dist/`, say); run once.
pub struct Check {
    /// `<file>::<function>`.
    pub name: &'static str,
    /// The check; it panics to fail.
    pub run: fn(),
}

/// Declares a [`Flow`] from an `async fn name(browser: &Browser)`, optionally with the
/// [`Feature`]s it needs: `flow!(verdict_view::prints, needs: [Feature::PrintMedia])`.
#[macro_export]
macro_rules! flow {
    ($module:ident :: $name:ident $(, needs: [$($feature:expr),* $(,)?])?) => {{
        fn run<'a>(
            browser: &'a $crate::browser::Browser,
        ) -> ::std::pin::Pin<Box<dyn ::std::future::Future<Output = ()> + Send + 'a>> {
            Box::pin($module::$name(browser))
        }
        $crate::runner::Flow {
            name: concat!(stringify!($module), "::", stringify!($name)),
            run,
            needs: &[$($($feature),*)?],
        }
    }};
}

/// Declares a [`Check`] from a plain `fn name()`.
#[macro_export]
macro_rules! check {
    ($module:ident :: $name:ident) => {
        $crate::runner::Check {
            name: concat!(stringify!($module), "::", stringify!($name)),
            run: $module::$name,
        }
    };
}

/// The runtime every flow, server and proxy runs on.
pub static RUNTIME: LazyLock<Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime")
});

type Slot = Arc<Mutex<Option<Browser>>>;

/// Runs `checks` once and `flows` in every engine of [`Engine::selected`]; returns the exit
/// code the built-in harness would.
pub fn main(checks: Vec<Check>, flows: Vec<Flow>) -> ExitCode {
    let mut args = Arguments::from_args();
    let engines = Engine::selected();
    // One thread per engine, so that the browsers work side by side.
    args.test_threads.get_or_insert(engines.len().max(1));
    let slots: HashMap<Engine, Slot> = engines.iter().map(|e| (*e, Slot::default())).collect();

    let mut trials: Vec<Trial> = checks
        .into_iter()
        .map(|check| {
            Trial::test(format!("dist::{}", check.name), move || {
                (check.run)();
                Ok(())
            })
        })
        .collect();
    for flow in flows {
        for engine in &engines {
            let engine = *engine;
            let slot = Arc::clone(&slots[&engine]);
            let missing = flow.needs.iter().find_map(|f| engine.lacks(*f));
            let (run, name) = (flow.run, flow.name);
            trials.push(Trial::ignorable_test(
                format!("{engine}::{name}"),
                move || match missing {
                    Some(reason) => Ok(Completion::ignored_with(reason)),
                    None => {
                        RUNTIME.block_on(run_flow(engine, &slot, run, name));
                        Ok(Completion::Completed)
                    }
                },
            ));
        }
    }

    let conclusion = libtest_mimic::run(&args, trials);
    RUNTIME.block_on(async {
        for engine in &engines {
            if let Some(browser) = slots[engine].lock().await.take() {
                println!("{engine}: tested {} {}", engine, browser.version);
                browser.close().await;
            }
        }
    });
    conclusion.exit_code()
}

/// Runs one flow in `engine`'s shared browser, launching it first if needed, and replaces
/// the browser after a failure (it may be on a broken page or gone).
async fn run_flow(engine: Engine, slot: &Slot, run: FlowFn, name: &str) {
    let mut guard = slot.lock().await;
    let alive = match guard.as_ref() {
        Some(browser) => browser.is_alive().await,
        None => false,
    };
    if !alive {
        if let Some(dead) = guard.take() {
            dead.close().await;
        }
        let started = Instant::now();
        let browser = Browser::launch(engine).await;
        println!(
            "{engine}: launched {} {} in {:.1} s",
            engine,
            browser.version,
            started.elapsed().as_secs_f64()
        );
        *guard = Some(browser);
    }
    let browser = guard.as_ref().expect("a browser");
    let started = Instant::now();
    let outcome = AssertUnwindSafe(run(browser)).catch_unwind().await;
    match outcome {
        Ok(()) => println!("{engine}::{name}: {:.1} s", started.elapsed().as_secs_f64()),
        Err(panic) => {
            if let Some(browser) = guard.take() {
                browser.close().await;
            }
            std::panic::resume_unwind(panic);
        }
    }
}
