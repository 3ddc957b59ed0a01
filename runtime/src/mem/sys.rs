//! Address space from the OS, after gc's `runtime/mem_linux.go` (`sysReserve`): one place that
//! maps anonymous memory for the runtime's regions (the type-descriptor region, main's goroutine
//! stack, the goroutine stack pool). The heap's own mapping (`crate::alloc::map_pages`) also
//! accounts its bytes and is kept apart.

/// Reserves `size` bytes of fresh zeroed address space with protection `prot`
/// (`libc::PROT_*`), not charged against the kernel's overcommit limit (`MAP_NORESERVE`: pages
/// are backed when touched). `None` when the kernel refuses.
pub fn sys_reserve(size: usize, prot: libc::c_int) -> Option<usize> {
    // SAFETY: a fresh anonymous private mapping at an address the kernel picks; no existing
    // memory is affected, and the result is checked.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            prot,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    (p != libc::MAP_FAILED).then_some(p as usize)
}
