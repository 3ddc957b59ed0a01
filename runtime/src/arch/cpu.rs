//! internal/cpu's assembly (cpu_x86.s): `cpuid` and `xgetbv`, which internal/cpu's
//! `doinit` reads the CPU's features from (hooked by the compiler's `lower/hooks.rs`).

/// `cpu.cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)`: the four registers, each in
/// its own 8-byte slot of `out`.
///
/// # Safety
/// `out` is writable for 4 words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_cpuid(eax: u32, ecx: u32, out: *mut u64) {
    // cpuid is available on every x86-64 CPU (a safe intrinsic)
    let r = core::arch::x86_64::__cpuid_count(eax, ecx);
    // SAFETY: the caller's contract.
    unsafe { out.cast::<[u64; 4]>().write([r.eax as u64, r.ebx as u64, r.ecx as u64, r.edx as u64]) };
}

/// `cpu.xgetbv() (eax, edx uint32)`: XCR0, in two 8-byte slots of `out`. internal/cpu calls it
/// only when cpuid reports OSXSAVE, as the instruction requires.
///
/// # Safety
/// `out` is writable for 2 words; the CPU and OS support XSAVE.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_xgetbv(out: *mut u64) {
    let (eax, edx): (u32, u32);
    // SAFETY: the caller's contract (OSXSAVE set); reads XCR0 into eax:edx, no memory access.
    unsafe { core::arch::asm!("xgetbv", in("ecx") 0u32, out("eax") eax, out("edx") edx, options(nomem, nostack, preserves_flags)) };
    // SAFETY: the caller's contract.
    unsafe { out.cast::<[u64; 2]>().write([eax as u64, edx as u64]) };
}
