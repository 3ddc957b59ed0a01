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

/// [`sys_reserve`] at exactly `addr` (`MAP_FIXED_NOREPLACE`: never over an existing mapping);
/// `None` when that address range is taken or refused.
pub fn sys_reserve_at(addr: usize, size: usize, prot: libc::c_int) -> Option<usize> {
    // SAFETY: MAP_FIXED_NOREPLACE never replaces an existing mapping (the call fails with EEXIST
    // instead), so no memory in use is affected; the result is checked.
    let p = unsafe {
        libc::mmap(
            addr as *mut libc::c_void,
            size,
            prot,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_FIXED_NOREPLACE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return None;
    }
    if p as usize != addr {
        // A kernel without MAP_FIXED_NOREPLACE treats the address as a hint: give it back.
        // SAFETY: `p` is the mapping just made, of this size, not yet handed out.
        unsafe { libc::munmap(p, size) };
        return None;
    }
    Some(addr)
}

/// Whether the kernel would commit `size` bytes of anonymous memory now (gc's `sysMap`, which
/// maps heap memory without `MAP_NORESERVE`: under the default heuristic overcommit a request
/// larger than RAM plus swap fails there, and gc throws `runtime: out of memory`). Probed with a
/// mapping that is unmapped at once; no page is touched.
pub fn sys_can_commit(size: usize) -> bool {
    // SAFETY: a fresh anonymous private mapping at an address the kernel picks, never touched
    // and unmapped before returning; no existing memory is affected.
    unsafe {
        let p = libc::mmap(std::ptr::null_mut(), size, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0);
        if p == libc::MAP_FAILED {
            return false;
        }
        libc::munmap(p, size);
    }
    true
}

/// Whether `size` bytes of address space can be reserved now (gc's `sysReserve`, which fails
/// first for requests beyond the free address space: gc then reports `cannot allocate`).
pub fn sys_can_reserve(size: usize) -> bool {
    match sys_reserve(size, libc::PROT_NONE) {
        Some(p) => {
            // SAFETY: p is the fresh, untouched mapping just made; nothing else refers to it.
            unsafe { libc::munmap(p as *mut libc::c_void, size) };
            true
        }
        None => false,
    }
}
