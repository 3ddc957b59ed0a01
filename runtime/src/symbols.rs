//! The table of every runtime entry point, by symbol name, for binding into the JIT module.
//!
//! Invariant: lists every `#[unsafe(no_mangle)] gort_*` function in the crate (a unit test checks
//! the count against the sources).

/// Every entry point as (symbol name, address).
pub fn symbols() -> Vec<(&'static str, *const u8)> {
    let mut v: Vec<(&'static str, *const u8)> = vec![
        ("gort_alloc", crate::alloc::gort_alloc as *const u8),
        ("gort_new", crate::alloc::gort_new as *const u8),
        ("gort_errors_new", crate::errors::gort_errors_new as *const u8),
        ("gort_errors_unwrap", crate::errors::gort_errors_unwrap as *const u8),
        ("gort_errors_is", crate::errors::gort_errors_is as *const u8),
        ("gort_errors_as", crate::errors::gort_errors_as as *const u8),
        ("gort_fmt_println", crate::fmt::gort_fmt_println as *const u8),
        ("gort_fmt_print", crate::fmt::gort_fmt_print as *const u8),
        ("gort_fmt_printf", crate::fmt::gort_fmt_printf as *const u8),
        ("gort_fmt_fprintln", crate::fmt::gort_fmt_fprintln as *const u8),
        ("gort_fmt_fprint", crate::fmt::gort_fmt_fprint as *const u8),
        ("gort_fmt_fprintf", crate::fmt::gort_fmt_fprintf as *const u8),
        ("gort_fmt_sprint", crate::fmt::gort_fmt_sprint as *const u8),
        ("gort_fmt_sprintln", crate::fmt::gort_fmt_sprintln as *const u8),
        ("gort_fmt_sprintf", crate::fmt::gort_fmt_sprintf as *const u8),
        ("gort_fmt_errorf", crate::fmt::gort_fmt_errorf as *const u8),
        ("gort_concatstrings", crate::gostring::gort_concatstrings as *const u8),
        ("gort_concatstring2", crate::gostring::gort_concatstring2 as *const u8),
        ("gort_cmpstring", crate::gostring::gort_cmpstring as *const u8),
        ("gort_eqstring", crate::gostring::gort_eqstring as *const u8),
        ("gort_slicebytetostring", crate::gostring::gort_slicebytetostring as *const u8),
        ("gort_stringtoslicebyte", crate::gostring::gort_stringtoslicebyte as *const u8),
        ("gort_stringtoslicerune", crate::gostring::gort_stringtoslicerune as *const u8),
        ("gort_slicerunetostring", crate::gostring::gort_slicerunetostring as *const u8),
        ("gort_intstring", crate::gostring::gort_intstring as *const u8),
        ("gort_decoderune", crate::gostring::gort_decoderune as *const u8),
        ("gort_efaceeq", crate::hash::gort_efaceeq as *const u8),
        ("gort_ifaceeq", crate::hash::gort_ifaceeq as *const u8),
        ("gort_valueeq", crate::hash::gort_valueeq as *const u8),
        ("gort_getitab", crate::iface::gort_getitab as *const u8),
        ("gort_assertE2I", crate::iface::gort_assertE2I as *const u8),
        ("gort_assertE2I2", crate::iface::gort_assertE2I2 as *const u8),
        ("gort_panicdottype", crate::iface::gort_panicdottype as *const u8),
        ("gort_panic_typeassert", crate::iface::gort_panic_typeassert as *const u8),
        ("gort_convT", crate::iface::gort_convT as *const u8),
        ("gort_convT64", crate::iface::gort_convT64 as *const u8),
        ("gort_convTstring", crate::iface::gort_convTstring as *const u8),
        ("gort_makemap", crate::map::gort_makemap as *const u8),
        ("gort_mapaccess", crate::map::gort_mapaccess as *const u8),
        ("gort_mapaccess_fast64", crate::map::gort_mapaccess_fast64 as *const u8),
        ("gort_mapaccess_faststr", crate::map::gort_mapaccess_faststr as *const u8),
        ("gort_mapassign", crate::map::gort_mapassign as *const u8),
        ("gort_mapassign_fast64", crate::map::gort_mapassign_fast64 as *const u8),
        ("gort_mapassign_faststr", crate::map::gort_mapassign_faststr as *const u8),
        ("gort_mapdelete", crate::map::gort_mapdelete as *const u8),
        ("gort_mapdelete_fast64", crate::map::gort_mapdelete_fast64 as *const u8),
        ("gort_mapdelete_faststr", crate::map::gort_mapdelete_faststr as *const u8),
        ("gort_maplen", crate::map::gort_maplen as *const u8),
        ("gort_mapclear", crate::map::gort_mapclear as *const u8),
        ("gort_mapiterinit", crate::map::gort_mapiterinit as *const u8),
        ("gort_mapiternext", crate::map::gort_mapiternext as *const u8),
        ("gort_flush", crate::output::gort_flush as *const u8),
        ("gort_write", crate::output::gort_write as *const u8),
        ("gort_printbool", crate::print::gort_printbool as *const u8),
        ("gort_printint", crate::print::gort_printint as *const u8),
        ("gort_printuint", crate::print::gort_printuint as *const u8),
        ("gort_printfloat", crate::print::gort_printfloat as *const u8),
        ("gort_printstring", crate::print::gort_printstring as *const u8),
        ("gort_printpointer", crate::print::gort_printpointer as *const u8),
        ("gort_printeface", crate::print::gort_printeface as *const u8),
        ("gort_printiface", crate::print::gort_printiface as *const u8),
        ("gort_printslice", crate::print::gort_printslice as *const u8),
        ("gort_printlock", crate::print::gort_printlock as *const u8),
        ("gort_printunlock", crate::print::gort_printunlock as *const u8),
        ("gort_printsp", crate::print::gort_printsp as *const u8),
        ("gort_printnl", crate::print::gort_printnl as *const u8),
        ("gort_makeslice", crate::slice::gort_makeslice as *const u8),
        ("gort_growslice", crate::slice::gort_growslice as *const u8),
        ("gort_memmove", crate::slice::gort_memmove as *const u8),
        ("gort_memclr", crate::slice::gort_memclr as *const u8),
        ("gort_memequal", crate::slice::gort_memequal as *const u8),
        ("gort_slicecopy", crate::slice::gort_slicecopy as *const u8),
        ("gort_strings_contains", crate::strpkg::gort_strings_contains as *const u8),
        ("gort_strings_containsrune", crate::strpkg::gort_strings_containsrune as *const u8),
        ("gort_strings_indexrune", crate::strpkg::gort_strings_indexrune as *const u8),
        ("gort_strings_indexany", crate::strpkg::gort_strings_indexany as *const u8),
        ("gort_strings_containsany", crate::strpkg::gort_strings_containsany as *const u8),
        ("gort_strings_compare", crate::strpkg::gort_strings_compare as *const u8),
        ("gort_strings_hasprefix", crate::strpkg::gort_strings_hasprefix as *const u8),
        ("gort_strings_hassuffix", crate::strpkg::gort_strings_hassuffix as *const u8),
        ("gort_strings_index", crate::strpkg::gort_strings_index as *const u8),
        ("gort_strings_lastindex", crate::strpkg::gort_strings_lastindex as *const u8),
        ("gort_strings_indexbyte", crate::strpkg::gort_strings_indexbyte as *const u8),
        ("gort_strings_split", crate::strpkg::gort_strings_split as *const u8),
        ("gort_strings_splitn", crate::strpkg::gort_strings_splitn as *const u8),
        ("gort_strings_fields", crate::strpkg::gort_strings_fields as *const u8),
        ("gort_strings_join", crate::strpkg::gort_strings_join as *const u8),
        ("gort_strings_repeat", crate::strpkg::gort_strings_repeat as *const u8),
        ("gort_strings_toupper", crate::strpkg::gort_strings_toupper as *const u8),
        ("gort_strings_tolower", crate::strpkg::gort_strings_tolower as *const u8),
        ("gort_strings_trimspace", crate::strpkg::gort_strings_trimspace as *const u8),
        ("gort_strings_trim", crate::strpkg::gort_strings_trim as *const u8),
        ("gort_strings_trimleft", crate::strpkg::gort_strings_trimleft as *const u8),
        ("gort_strings_trimright", crate::strpkg::gort_strings_trimright as *const u8),
        ("gort_strings_trimprefix", crate::strpkg::gort_strings_trimprefix as *const u8),
        ("gort_strings_trimsuffix", crate::strpkg::gort_strings_trimsuffix as *const u8),
        ("gort_strings_count", crate::strpkg::gort_strings_count as *const u8),
        ("gort_strings_replace", crate::strpkg::gort_strings_replace as *const u8),
        ("gort_strings_replaceall", crate::strpkg::gort_strings_replaceall as *const u8),
        ("gort_strings_equalfold", crate::strpkg::gort_strings_equalfold as *const u8),
        ("gort_strconv_itoa", crate::strpkg::gort_strconv_itoa as *const u8),
        ("gort_strconv_atoi", crate::strpkg::gort_strconv_atoi as *const u8),
        ("gort_builder_writestring", crate::strpkg::gort_builder_writestring as *const u8),
        ("gort_builder_write", crate::strpkg::gort_builder_write as *const u8),
        ("gort_builder_writebyte", crate::strpkg::gort_builder_writebyte as *const u8),
        ("gort_builder_writerune", crate::strpkg::gort_builder_writerune as *const u8),
        ("gort_builder_string", crate::strpkg::gort_builder_string as *const u8),
        ("gort_builder_len", crate::strpkg::gort_builder_len as *const u8),
        ("gort_builder_reset", crate::strpkg::gort_builder_reset as *const u8),
        ("gort_builder_grow", crate::strpkg::gort_builder_grow as *const u8),
        ("gort_os_args", crate::strpkg::gort_os_args as *const u8),
        ("gort_file_write", crate::strpkg::gort_file_write as *const u8),
        ("gort_file_writestring", crate::strpkg::gort_file_writestring as *const u8),
    ];
    // The panic machinery's, the scheduler's and the channels' entry points, without duplicates.
    let more = crate::panic::symbols()
        .into_iter()
        .chain(crate::sched::proc::symbols())
        .chain(crate::chan::chan::symbols())
        .chain(crate::chan::select::symbols());
    for s in more {
        if !v.iter().any(|m| m.0 == s.0) {
            v.push(s);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_every_entry_point() {
        let mut n = 0;
        for src in [
            include_str!("abi.rs"),
            include_str!("alloc.rs"),
            include_str!("errors.rs"),
            include_str!("fmt/float.rs"),
            include_str!("fmt/mod.rs"),
            include_str!("fmt/printer.rs"),
            include_str!("fmt/quote.rs"),
            include_str!("fmt/sort.rs"),
            include_str!("fmt/tests.rs"),
            include_str!("gocall.rs"),
            include_str!("gostring.rs"),
            include_str!("hash.rs"),
            include_str!("iface.rs"),
            include_str!("lib.rs"),
            include_str!("map.rs"),
            include_str!("output.rs"),
            include_str!("print.rs"),
            include_str!("rterror.rs"),
            include_str!("slice.rs"),
            include_str!("strpkg.rs"),
            include_str!("typedesc.rs"),
        ] {
            n += src.matches("\n#[unsafe(no_mangle)]").count();
        }
        let syms = super::symbols();
        assert!(syms.len() >= n);
        let mut names: Vec<_> = syms.iter().map(|s| s.0).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), syms.len());
    }
}
