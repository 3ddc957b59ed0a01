//! Temporary stand-in for `crate::jit` (the panic helper's JIT) with the same API subset, used
//! until that module lands on main: a `JITModule` plus function definition.

use cranelift_codegen::Context;
use cranelift_codegen::settings::{self, Configurable};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{FuncId, Module, default_libcall_names};

pub const KEY_DEFERBITS: u64 = 1;
pub const KEY_CLOSURE_BASE: u64 = 0x100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DeferKind {
    #[default]
    None,
    OpenCoded { n: u32 },
    Chained,
}

#[derive(Clone, Debug, Default)]
pub struct FuncMeta {
    pub go_name: String,
    pub decl_line: u32,
    pub defer_kind: DeferKind,
    pub is_wrapper: bool,
}

pub struct Jit {
    module: JITModule,
}

impl Jit {
    pub fn new_with(symbols: Vec<(&'static str, *const u8)>) -> Jit {
        let mut fb = settings::builder();
        fb.set("opt_level", "speed").unwrap();
        fb.set("preserve_frame_pointers", "true").unwrap();
        fb.set("unwind_info", "true").unwrap();
        let isa = cranelift_native::builder().unwrap().finish(settings::Flags::new(fb)).unwrap();
        let mut jb = JITBuilder::with_isa(isa, default_libcall_names());
        jb.symbols(symbols);
        Jit { module: JITModule::new(jb) }
    }
    pub fn module(&mut self) -> &mut JITModule {
        &mut self.module
    }
    pub fn define(&mut self, id: FuncId, ctx: &mut Context, meta: FuncMeta) -> Result<(), String> {
        let r = self.module.define_function(id, ctx).map_err(|e| match e {
            cranelift_module::ModuleError::Compilation(cranelift_codegen::CodegenError::Verifier(v)) => {
                format!("{}: verifier errors:\n{}", meta.go_name, cranelift_codegen::print_errors::pretty_verifier_error(&ctx.func, None, v))
            }
            e => format!("{e:?}"),
        });
        self.module.clear_context(ctx);
        r
    }
}
