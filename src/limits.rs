//! The compiler's own limits: how deeply nested a program may be, and the stack the compiler runs
//! on so that every recursive pass survives the deepest program the parser accepts.
//!
//! gc has no nesting limit of its own: its recursive passes run on a goroutine stack that grows to
//! 1 GB, and it accepts 10^5 nested parentheses or a 10^5-long postfix chain (at 10^6 it dies with
//! `fatal error: stack overflow`). gojit bounds the depth explicitly instead: the parser charges one
//! unit of [`NESTING_BUDGET`] per level of AST depth (a nested expression, type, statement or
//! block, an operator of a binary chain, a postfix `.f`/`[i]`/`(args)` of a chain, an `else if`
//! link) and refuses deeper input with `syntax error: nesting too deep`. Every later pass (checker,
//! lowering, `Drop` of the tree) recurses at most once per AST level, and [`on_compiler_stack`]
//! gives them a stack big enough for the deepest accepted tree (`tests/robustness.rs` measures it:
//! 10^5 levels of each construct through `gojit run`).
//!
//! Signatures have no limit of gojit's own: one with more machine words than registers and
//! Cranelift's stack arguments carry passes them in memory (`lower/blockabi.rs`), as gc does.

/// Maximum AST depth, in parser depth units (see the module docs).
pub const NESTING_BUDGET: u32 = 100_000;

/// Stack reserved for the compiler thread. Only the touched part is ever committed; the deepest
/// tree the budget admits needs well under half of it (see `tests/robustness.rs`).
pub const COMPILER_STACK: usize = 1 << 30;

/// Runs `f` on a thread with a [`COMPILER_STACK`]-byte stack and returns its result; the caller
/// blocks until it is done. Falls back to running `f` on the current thread if no such thread can
/// be created. A panic in `f` is resumed on the caller.
///
/// # Safety
/// `f`, what it captures and what it returns move to another thread and back although they need
/// not be `Send`: they must not depend on the identity of the thread they run on (no thread-local
/// state observed on both sides, no lock guards, no `Rc` shared with values the caller keeps and
/// uses after the call is done — the caller is blocked meanwhile, so nothing runs concurrently).
pub unsafe fn on_compiler_stack<T>(f: impl FnOnce() -> T) -> T {
    struct AssertSend<T>(T);
    // SAFETY: the borrowed job and result slot are used by the compiler thread only while the
    // calling thread is blocked in `join`, so never by two threads at once; the caller promises
    // (this function's contract) that they do not depend on thread identity.
    unsafe impl<T> Send for AssertSend<T> {}
    let mut job = Some(f);
    let mut out = None;
    let slots = AssertSend((&mut job, &mut out));
    let joined = std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("gojit-compiler".into())
            .stack_size(COMPILER_STACK)
            .spawn_scoped(s, move || {
                let slots = slots;
                let (job, out) = slots.0;
                if let Some(f) = job.take() {
                    *out = Some(f());
                }
            })
            .map(|h| h.join())
    });
    match (joined, out) {
        (Ok(Ok(())), Some(v)) => v,
        (Ok(Err(payload)), _) => std::panic::resume_unwind(payload),
        // The thread could not be created (out of threads or memory): run here instead.
        _ => (job.take().expect("the compiler job ran but left no result"))(),
    }
}
