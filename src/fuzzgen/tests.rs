//! Unit tests of the reference model: hand-written trees whose expected outcomes were produced by
//! real Go 1.19 (run `emit::standalone` of each tree through `go run`; see `dump_sources`), plus
//! emitter and generator sanity checks. No test invokes `go`.

use super::tree::*;
use super::*;

/// Runs `prog` in the model and compares with the expectation taken from real Go.
fn check(prog: &Program, stdout: &str, panics: &[&str], exit: i32) {
    let (o, _) = model::run(prog, BUDGET).expect("within budget");
    let want = Outcome { stdout: stdout.to_string(), panics: panics.iter().map(|s| s.to_string()).collect(), exit };
    assert_eq!(o, want, "\nsource:\n{}", emit::standalone(prog));
}

fn plain(body: Vec<Stmt>) -> Func {
    Func { kind: FuncKind::Plain, has_result: false, body }
}

fn with_res(body: Vec<Stmt>) -> Func {
    Func { kind: FuncKind::Plain, has_result: true, body }
}

fn prog(funcs: Vec<Func>, entry_arg: i64) -> Program {
    Program { funcs, entry_arg, main_ids: (0, 99), iters: Vec::new() }
}

fn closure(body: Vec<Stmt>) -> Stmt {
    Stmt::Defer { id: 0, what: Deferred::Closure(body) }
}

fn direct(id: u32) -> Stmt {
    Stmt::Recover { id, how: RecoverHow::Direct }
}

fn panic_str(id: u32) -> Stmt {
    Stmt::Panic { id, val: PanicVal::Str }
}

/// The trees below, for regenerating expectations with real Go.
fn cases() -> Vec<(&'static str, Program)> {
    vec![
        // Recover directly in a deferred closure; the named result set by the closure is returned.
        (
            "basic",
            prog(
                vec![
                    plain(vec![Stmt::Call { id: 1, callee: 1, arg: Arg::NPlus(1) }, Stmt::Print { id: 2 }]),
                    with_res(vec![
                        closure(vec![direct(3), Stmt::SetRes { mul: 1, add: 7 }]),
                        Stmt::SetRes { mul: 1, add: 1 },
                        panic_str(4),
                    ]),
                ],
                5,
            ),
        ),
        // A helper's recover, rdirect called normally, and a nested defer inside a deferred function all
        // get nil; then a direct recover works, and a second one returns nil.
        (
            "recover_nil_cases",
            prog(
                vec![plain(vec![
                    closure(vec![direct(5), direct(6)]),
                    closure(vec![
                        Stmt::Recover { id: 1, how: RecoverHow::Helper },
                        Stmt::Recover { id: 2, how: RecoverHow::CallRecoverer },
                        Stmt::Defer { id: 3, what: Deferred::Closure(vec![direct(4)]) },
                    ]),
                    Stmt::Runtime { id: 7, err: RtErr::Index { m: 5 } },
                ])],
                4,
            ),
        ),
        // A deferred closure that panics aborts the first panic; a later defer recovers the second.
        (
            "aborted",
            prog(
                vec![plain(vec![
                    closure(vec![direct(1)]),
                    closure(vec![Stmt::Print { id: 2 }, Stmt::Panic { id: 3, val: PanicVal::Int }]),
                    Stmt::Panic { id: 4, val: PanicVal::ErrNew },
                ])],
                0,
            ),
        ),
        // Unrecovered nested chain: recovered then re-panicked, then a deferred panic builtin.
        (
            "chain",
            prog(
                vec![plain(vec![
                    Stmt::Defer { id: 1, what: Deferred::Panic(PanicVal::Code) },
                    closure(vec![Stmt::Recover { id: 2, how: RecoverHow::Repanic }]),
                    Stmt::Panic { id: 3, val: PanicVal::MyErr },
                ])],
                0,
            ),
        ),
        // Method, pointer method, method value and interface method used as deferred functions all
        // recover directly; chained defers in a loop run in reverse.
        (
            "recoverers_and_loop",
            prog(
                vec![plain(vec![
                    Stmt::Defer { id: 1, what: Deferred::Recoverer(RecVia::Method) },
                    Stmt::Defer { id: 2, what: Deferred::Recoverer(RecVia::Iface) },
                    Stmt::Defer { id: 3, what: Deferred::Recoverer(RecVia::MethodValue) },
                    Stmt::Defer { id: 4, what: Deferred::Recoverer(RecVia::PtrMethod) },
                    Stmt::Defer { id: 5, what: Deferred::Recoverer(RecVia::Func) },
                    Stmt::Loop {
                        count: 3,
                        body: vec![
                            Stmt::Defer { id: 6, what: Deferred::Print },
                            Stmt::If {
                                cond: Cond::LoopMod { var: 0, m: 2, r: 1 },
                                then: vec![Stmt::Defer { id: 7, what: Deferred::Closure(vec![Stmt::Print { id: 8 }]) }],
                                els: vec![],
                            },
                        ],
                    },
                    Stmt::Runtime { id: 9, err: RtErr::Div { m: 2 } },
                    Stmt::Runtime { id: 10, err: RtErr::NilMap },
                ])],
                4,
            ),
        ),
        // A panic inside a function called by a deferred call (run by an earlier panic) is recovered
        // inside that function: the earlier panic is not aborted and is still recoverable afterwards.
        (
            "nested_inner_recovery",
            prog(
                vec![
                    plain(vec![
                        closure(vec![Stmt::Call { id: 1, callee: 1, arg: Arg::NPlus(0) }, direct(2)]),
                        panic_str(3),
                    ]),
                    plain(vec![closure(vec![direct(4)]), Stmt::Runtime { id: 5, err: RtErr::NilDeref }]),
                ],
                1,
            ),
        ),
        // Deep recursion: every level defers; the leaf panics; the outermost level recovers.
        (
            "deep",
            prog(
                vec![Func {
                    kind: FuncKind::Recursive {
                        depth: 150,
                        leaf: vec![Stmt::Panic { id: 2, val: PanicVal::StrN }],
                        post: vec![Stmt::Print { id: 3 }],
                    },
                    has_result: false,
                    body: vec![Stmt::If {
                        cond: Cond::NMod { m: 150, r: 0 },
                        then: vec![closure(vec![Stmt::Recover { id: 1, how: RecoverHow::Direct }])],
                        els: vec![Stmt::Defer { id: 4, what: Deferred::Print }],
                    }],
                }],
                0,
            ),
        ),
        // A deferred call that panics during a normal return, recovered by an earlier defer; the type
        // assertion error is then recovered by the caller's deferred method call.
        (
            "panic_during_return",
            prog(
                vec![
                    with_res(vec![
                        Stmt::Defer { id: 1, what: Deferred::Recoverer(RecVia::Method) },
                        Stmt::Call { id: 2, callee: 1, arg: Arg::NPlus(2) },
                        Stmt::Runtime { id: 3, err: RtErr::TypeAssert },
                    ]),
                    with_res(vec![
                        closure(vec![direct(4), Stmt::SetRes { mul: 2, add: 1 }]),
                        closure(vec![Stmt::Print { id: 5 }, Stmt::Panic { id: 6, val: PanicVal::Int }]),
                        Stmt::SetRes { mul: 1, add: 10 },
                        Stmt::Return,
                    ]),
                ],
                1,
            ),
        ),
    ]
}

/// `cargo test -- --ignored dump_sources --nocapture` prints every case as Go source.
#[test]
#[ignore]
fn dump_sources() {
    for (name, p) in cases() {
        println!("// ==== {name}\n{}", emit::standalone(&p));
    }
}

fn case(name: &str) -> Program {
    cases().into_iter().find(|c| c.0 == name).expect("case").1
}

#[test]
fn basic_recover_sets_named_result() {
    check(&case("basic"), "s0\ns3 p4\ns1 8\ns2 5\nend\n", &[], 0);
}

#[test]
fn recover_returns_nil_unless_direct() {
    let want = "s0\ns1 <nil>\ns2 <nil>\ns4 <nil>\ns5 runtime error: index out of range [4] with length 3\ns6 <nil>\nend\n";
    check(&case("recover_nil_cases"), want, &[], 0);
}

#[test]
fn panic_in_deferred_call_aborts_earlier_panic() {
    check(&case("aborted"), "s0\ns2 0\ns1 3\nend\n", &[], 0);
}

#[test]
fn unrecovered_chain_marks_recovered_panics() {
    let panics = ["panic: myErr3 [recovered]", "\tpanic: r2:myErr3", "\tpanic: main.code(1)"];
    check(&case("chain"), "s0\ns2 myErr3\n", &panics, 2);
}

#[test]
fn wrapped_recoverers_and_chained_defers() {
    let want = "s0\ns6 4 2\ns8 4 1\ns6 4 1\ns6 4 0\ns5 runtime error: integer divide by zero\n\
                s4 4 <nil>\ns3 3 <nil>\ns2 2 <nil>\ns1 1 <nil>\nend\n";
    check(&case("recoverers_and_loop"), want, &[], 0);
}

#[test]
fn inner_recovery_keeps_outer_panic_recoverable() {
    let want = "s0\ns4 runtime error: invalid memory address or nil pointer dereference\ns2 p3\nend\n";
    check(&case("nested_inner_recovery"), want, &[], 0);
}

#[test]
fn deep_recursion_recovers_at_the_leaf_frame() {
    let mut want = String::from("s0\ns1 p2:0\n");
    for n in 1..150 {
        want += &format!("s3 {n}\ns4 {n}\n");
    }
    want += "s3 150\ns1 <nil>\nend\n";
    check(&case("deep"), &want, &[], 0);
}

#[test]
fn panic_during_return_and_type_assertion() {
    let want = "s0\ns5 3 10\ns4 6\ns2 21\ns1 1 interface conversion: interface {} is string, not int\ns99 0\nend\n";
    check(&case("panic_during_return"), want, &[], 0);
}

#[test]
fn generation_is_deterministic_and_meets_feature_shares() {
    let mut stats = Stats::default();
    for i in 0..300 {
        let c = case_from_seed(11, i);
        assert_eq!(c.prog, case_from_seed(11, i).prog);
        let src = emit::standalone(&c.prog);
        assert!(src.contains("func main()"));
        stats.add(&c);
    }
    assert!(stats.meets_targets(), "{stats}");
}

#[test]
fn arbitrary_bytes_always_give_a_program() {
    for len in [0usize, 1, 7, 64, 999] {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 % 251) as u8).collect();
        let p = generate::program(&mut arbitrary::Unstructured::new(&bytes), generate::Config::default());
        let p = p.expect("generation never fails");
        let _ = judge(&p);
    }
}
