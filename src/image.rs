//! The program image (docs/package-cache.md, "The program image"): one cache entry per program
//! holding everything `gojit run` needs to run it without parsing, checking or lowering — the
//! compiled functions with their relocations and table rows (`jit::image`), the descriptor
//! region's bytes, the data segment's statically initialised bytes, and the words to patch with
//! code addresses after linking.
//!
//! Keying, like the go command's build cache (an action key, then a manifest): the entry is
//! found under the *request* — gojit's build id (in every cache key), the working directory, the
//! arguments, the environment variables that can change what is loaded or how it is compiled —
//! and is used only when every file-system fact the load that made it depended on still holds
//! (`load::inputs`: each file's content hash, each directory's Go files, each existence test,
//! the GOROOT found). Anything else is a miss, and the program is compiled and a new image
//! written in place of the old one.
//!
//! Invariants:
//! * The region and the data segment are only valid at their fixed addresses (`REGION_BASE`,
//!   `DATA_BASE`): an image is written only when both were there, and restored only into a
//!   region and a segment that are there and still empty; otherwise the program is compiled.
//! * An image is never written when lowering placed anything outside them (heap fallbacks,
//!   `LoweredProgram::outside_regions`), nor when any word of the region or of the static data
//!   holds an address inside another mapping of the process (the executable, the heap, code
//!   memory, libraries) other than the words the image rewrites itself (algorithm closures,
//!   the patched code words): such an address would be stale in the next process.
//! * The cache's checksum covers the whole payload; a payload that does not decode is a miss.
//! * Decoding copies nothing large: the code blobs, the region's bytes and the data pages are
//!   borrowed from the mapped entry ([`Entry`]) and copied once, into code memory, the region
//!   and the data segment.

use crate::cache::{Cache, Kind};
use crate::jit;
use crate::load::inputs::{self, Input};
use gojit_runtime::abi::module::{self, Alg, REGION_BASE, REGION_SIZE};
use gojit_runtime::mem::data::{self, DATA_BASE, DATA_RESERVE};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::borrow::Cow;

/// Format version of the payload (bumped when any serialised structure changes; the build id
/// already separates gojit builds, this guards against stale entries of a development build).
const VERSION: u32 = 3;

/// The static data of large areas over this size is not worth an image (a program with a 256 MB
/// package array would scan and store it on every compile).
const MAX_LARGE_DATA: usize = 64 << 20;

/// Environment variables read only at run time: they do not change the compiled program, so
/// they are left out of the key (any other `GO*` variable is in it).
const RUN_TIME_ONLY: &[&str] = &["GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GOTRACEBACK", "GODEBUG", "GOJIT_JOBS", "GOJIT_CACHE_TRACE"];

/// A program's image (its large byte strings borrowed from the mapped entry when decoded).
#[derive(Serialize, Deserialize)]
pub struct Image<'a> {
    version: u32,
    inputs: Vec<Input>,
    /// `os.Args[0]`.
    name: String,
    #[serde(borrow)]
    code: jit::image::Code<'a>,
    main: u32,
    patches: Vec<(u64, Patch)>,
    #[serde(borrow)]
    region: Region<'a>,
    #[serde(borrow)]
    data: Data<'a>,
}

/// What a patched word receives: a compiled function's address (by `FuncId` index) or a
/// runtime symbol's.
#[derive(Serialize, Deserialize)]
enum Patch {
    Func(u32),
    Native(String),
}

#[derive(Serialize, Deserialize)]
struct Region<'a> {
    base: u64,
    #[serde(borrow, with = "blob")]
    bytes: Cow<'a, [u8]>,
    types: Vec<u32>,
    /// `(offset, 0: equal / 1: hash)`.
    alg_words: Vec<(u32, u8)>,
}

#[derive(Serialize, Deserialize)]
struct Data<'a> {
    small_next: u64,
    large_next: u64,
    #[serde(borrow)]
    pages: Vec<Page<'a>>,
}

#[derive(Serialize, Deserialize)]
struct Page<'a> {
    off: u64,
    #[serde(borrow, with = "blob")]
    bytes: Cow<'a, [u8]>,
}

/// Byte strings as one length-prefixed run instead of a sequence of integers, borrowed from the
/// input when it is decoded from a byte slice (postcard's `from_bytes`), copied otherwise.
pub mod blob {
    use serde::de::{Deserializer, Error, Visitor};
    use serde::ser::Serializer;
    use std::borrow::Cow;

    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, [u8]>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cow<'de, [u8]>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_borrowed_bytes<E: Error>(self, v: &'de [u8]) -> Result<Cow<'de, [u8]>, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Cow<'de, [u8]>, E> {
                Ok(Cow::Owned(v.to_vec()))
            }
            fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Cow<'de, [u8]>, E> {
                Ok(Cow::Owned(v))
            }
        }
        d.deserialize_bytes(V)
    }
}

/// Whether program images are read and written (the cache is on and `GOJIT_IMAGE` is not
/// `off`; `GOJIT_IMAGE=off` keeps the code cache, for measuring and testing it alone).
pub fn enabled() -> bool {
    std::env::var_os("GOJIT_IMAGE").is_none_or(|v| v != "off")
}

/// The cache key of a `gojit run` request (see the module docs).
pub fn key(args: &[String]) -> Vec<u8> {
    let mut h = Sha256::new();
    let mut part = |b: &[u8]| {
        h.update((b.len() as u64).to_le_bytes());
        h.update(b);
    };
    part(b"gojit program image");
    part(&VERSION.to_le_bytes());
    let cwd = std::env::current_dir().unwrap_or_default();
    part(cwd.as_os_str().as_encoded_bytes());
    part(&(args.len() as u64).to_le_bytes());
    for a in args {
        part(a.as_bytes());
    }
    let mut env: Vec<(std::ffi::OsString, std::ffi::OsString)> = std::env::vars_os()
        .filter(|(k, _)| {
            let k = k.to_string_lossy();
            (k.starts_with("GO") && !RUN_TIME_ONLY.contains(&&*k)) || k == "PATH" || k == "HOME"
        })
        .collect();
    env.sort();
    for (k, v) in &env {
        part(k.as_encoded_bytes());
        part(v.as_encoded_bytes());
    }
    h.finalize().to_vec()
}

/// Why no image was written.
pub type Refusal = &'static str;

/// The image of a program just compiled, before it is linked or run: `jit` recorded its code
/// (`Jit::record_image`) and every definition is placed (`Jit::wait`).
pub fn capture(inputs: Vec<Input>, name: String, jit: &jit::Jit, lowered: &crate::lower::LoweredProgram) -> Result<Image<'static>, Refusal> {
    if lowered.outside_regions {
        return Err("lowering allocated outside the region and the data segment");
    }
    let code = jit.image_code().ok_or("the code was not recorded")?;
    let r = module::snapshot();
    if r.base != REGION_BASE {
        return Err("the descriptor region is not at its fixed address");
    }
    let d = data::snapshot(MAX_LARGE_DATA).ok_or("the data segment is unavailable or too large")?;
    let patches: Vec<(u64, Patch)> = lowered
        .patch_list()
        .into_iter()
        .map(|(addr, t)| {
            let p = match t {
                Ok(sym) => Patch::Native(sym.to_string()),
                Err(id) => Patch::Func(id.as_u32()),
            };
            (addr as u64, p)
        })
        .collect();
    let rewritten: std::collections::HashSet<usize> =
        patches.iter().map(|p| p.0 as usize).chain(r.alg_words.iter().map(|&(o, _)| r.base + o as usize)).collect();
    if patches.iter().any(|&(a, _)| !in_region(a as usize) && !in_data(a as usize)) {
        return Err("a patched word lies outside the region and the data segment");
    }
    let foreign = foreign_ranges();
    let words = |base: usize, bytes: &[u8]| -> bool {
        bytes.chunks_exact(8).enumerate().any(|(i, w)| {
            let at = base + 8 * i;
            let v = u64::from_le_bytes(w.try_into().expect("8 bytes")) as usize;
            v != 0 && !rewritten.contains(&at) && foreign.iter().any(|&(lo, hi)| v >= lo && v < hi)
        })
    };
    if words(r.base + 16, &r.bytes) {
        return Err("the descriptor region holds an address outside the fixed areas");
    }
    if d.pages.iter().any(|(off, bytes)| words(DATA_BASE + off, bytes)) {
        return Err("static data holds an address outside the fixed areas");
    }
    Ok(Image {
        version: VERSION,
        inputs,
        name,
        code,
        main: lowered.main.as_u32(),
        patches,
        region: Region {
            base: r.base as u64,
            bytes: Cow::Owned(r.bytes),
            types: r.types,
            alg_words: r.alg_words.into_iter().map(|(o, a)| (o, a as u8)).collect(),
        },
        data: Data {
            small_next: d.small_next as u64,
            large_next: d.large_next as u64,
            pages: d.pages.into_iter().map(|(off, bytes)| Page { off: off as u64, bytes: Cow::Owned(bytes) }).collect(),
        },
    })
}

fn in_region(a: usize) -> bool {
    (REGION_BASE..REGION_BASE + REGION_SIZE).contains(&a)
}

fn in_data(a: usize) -> bool {
    (DATA_BASE..DATA_BASE + DATA_RESERVE).contains(&a)
}

/// Every mapping of the process other than the region and the data segment (from
/// `/proc/self/maps`; empty when it cannot be read, which then refuses every image).
fn foreign_ranges() -> Vec<(usize, usize)> {
    let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else { return vec![(1 << 16, usize::MAX)] };
    maps.lines()
        .filter_map(|l| {
            let range = l.split_whitespace().next()?;
            let (lo, hi) = range.split_once('-')?;
            Some((usize::from_str_radix(lo, 16).ok()?, usize::from_str_radix(hi, 16).ok()?))
        })
        .filter(|&(lo, hi)| !(in_region(lo) && in_region(hi - 1)) && !(in_data(lo) && in_data(hi - 1)))
        .collect()
}

/// Stores `img` under `key`.
pub fn store(cache: &Cache, key: &[u8], img: &Image<'_>) {
    if let Ok(bytes) = postcard::to_allocvec(img) {
        cache.put(Kind::Image, key, &bytes);
    }
}

/// A verified image entry, mapped; [`Entry::decode`] reads the image out of it.
pub struct Entry(crate::cache::Mapped);

/// The image entry stored under `key` (mapped, its checksum verified); `Err` says why not.
pub fn lookup(cache: &Cache, key: &[u8]) -> Result<Entry, &'static str> {
    cache.get_mapped(Kind::Image, key).map(Entry).ok_or("none stored, or corrupt")
}

impl Entry {
    /// The image, if it decodes (whether it is still valid is checked by [`restore`]); its
    /// byte strings borrow from the entry.
    pub fn decode(&self) -> Result<Image<'_>, &'static str> {
        let img: Image<'_> = postcard::from_bytes(&self.0).map_err(|_| "malformed")?;
        if img.version != VERSION {
            return Err("another format");
        }
        Ok(img)
    }
}

/// Why an image could not be restored.
#[derive(Debug)]
pub enum RestoreError {
    /// The process's region or data segment is not where the image needs it, or not empty (the
    /// region may then hold the image's bytes, which compiling afresh allocates around).
    Placement,
    /// Linking failed (a malformed image): the region and the segment may hold its data, which
    /// compiling the program afresh allocates around.
    Link(jit::JitError),
    /// A file the load depended on changed (`load::inputs`); nothing was restored.
    Stale,
}

/// Checks that the image is still the program's (on another thread, while its functions are
/// defined in a fresh JIT module), then maps its region and data back, links and patches: the
/// program ready to run, and its `os.Args[0]`.
pub fn restore(img: Image<'_>) -> Result<(jit::Program, String), RestoreError> {
    let inputs = img.inputs;
    let code = img.code;
    let (valid, jit) = std::thread::scope(|s| {
        let check = s.spawn(|| inputs::still_valid(&inputs));
        let jit = jit::Jit::from_image(code);
        (check.join().unwrap_or(false), jit)
    });
    if !valid {
        return Err(RestoreError::Stale);
    }
    let jit = jit.map_err(RestoreError::Link)?;
    let alg = |a: u8| if a == 0 { Alg::Equal } else { Alg::Hash };
    let alg_words: Vec<(u32, Alg)> = img.region.alg_words.iter().map(|&(o, a)| (o, alg(a))).collect();
    if !module::restore(img.region.base as usize, &img.region.bytes, &img.region.types, &alg_words) {
        return Err(RestoreError::Placement);
    }
    let pages: Vec<(usize, &[u8])> = img.data.pages.iter().map(|p| (p.off as usize, &*p.bytes)).collect();
    if !data::restore(img.data.small_next as usize, img.data.large_next as usize, &pages) {
        return Err(RestoreError::Placement);
    }
    let program = jit.finalize(Some(cranelift_module::FuncId::from_u32(img.main))).map_err(RestoreError::Link)?;
    let syms = gojit_runtime::symbols();
    for (addr, p) in &img.patches {
        let a = match p {
            Patch::Func(i) => program.address(cranelift_module::FuncId::from_u32(*i)),
            Patch::Native(name) => syms.iter().find(|s| s.0 == name).map(|s| s.1 as usize),
        };
        let addr = *addr as usize;
        if let Some(a) = a
            && (in_region(addr) || in_data(addr))
            && addr % 8 == 0
        {
            // SAFETY: `addr` is an aligned word of the region or the data segment (checked),
            // both mapped read-write and just restored; no Go code runs yet.
            unsafe { (addr as *mut usize).write(a) };
        }
    }
    Ok((program, img.name))
}
