//! gojit's on-disk cache (`$XDG_CACHE_HOME/gojit`, else `~/.cache/gojit`; `GOJIT_CACHE=off`
//! disables it): a content-addressed store of entries, each a file named by the SHA-256 of its
//! key, as the go command's build cache. The format and what is cached are in
//! `docs/package-cache.md`.
//!
//! Invariants:
//! - Every key is hashed together with gojit's build id ([`build_id`]: the executable's path,
//!   size and modification time), so a rebuilt gojit never reads an older gojit's entries.
//! - An entry is written to a temporary file in its directory and renamed into place, so
//!   concurrent gojit processes never see a partial entry; two writers of one key write the same
//!   bytes and the last rename wins.
//! - An entry carries a magic number, its length and a checksum of its payload (XXH64: the
//!   entry's name is already the SHA-256 of its key, and the checksum only has to catch
//!   truncation and corruption of the user's own files, at a tenth of SHA-256's cost); one that
//!   does not verify (truncated, corrupted) is a miss, counted as `corrupt`, and is overwritten by
//!   the recompiled result. Nothing read from the cache is trusted without that check.
//! - Entries are never written in place (only replaced by a rename, which leaves an open or
//!   mapped file's inode untouched), so [`Cache::get_mapped`] can map one instead of copying it.
//! - The cache is best-effort: an unwritable or missing directory makes every lookup a miss and
//!   every store a no-op; it never fails a compile.

use sha2::{Digest, Sha256};
use std::io::Write;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// First bytes of every entry (format version 2: XXH64 checksum).
const MAGIC: &[u8; 8] = b"gojitC02";
/// Header: magic, payload length (u64 little-endian), XXH64 of the payload (u64 little-endian).
const HEADER: usize = 8 + 8 + 8;

/// The cache of this process (`None` when disabled or when no directory can be named).
pub fn global() -> Option<&'static Cache> {
    static CACHE: OnceLock<Option<Cache>> = OnceLock::new();
    CACHE.get_or_init(|| Cache::from_env().ok()).as_ref()
}

/// The cache directory named by the environment: `None` for `GOJIT_CACHE=off`. The library's
/// own unit tests use a directory under the system's temporary directory, never the home.
pub fn dir_from_env() -> Option<PathBuf> {
    if std::env::var_os("GOJIT_CACHE").is_some_and(|v| v == "off") {
        return None;
    }
    if cfg!(test) {
        // SAFETY: getuid has no preconditions and cannot fail.
        let uid = unsafe { libc::getuid() };
        return Some(std::env::temp_dir().join(format!("gojit-unit-test-cache-{uid}")));
    }
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        Some(x) => PathBuf::from(x),
        None => PathBuf::from(std::env::var_os("HOME").filter(|v| !v.is_empty())?).join(".cache"),
    };
    Some(base.join("gojit"))
}

/// What a cache did in this process (`--time` prints it).
#[derive(Default)]
pub struct Stats {
    pub hits: AtomicU64,
    pub misses: AtomicU64,
    pub corrupt: AtomicU64,
    pub writes: AtomicU64,
    pub write_errors: AtomicU64,
}

/// One cache directory.
pub struct Cache {
    root: PathBuf,
    build_id: [u8; 32],
    pub stats: Stats,
}

/// gojit's build id: the SHA-256 of the running executable's path, size and modification time
/// (the executable itself is too big to hash at every start). A rebuilt or reinstalled gojit
/// gets a new id.
pub fn build_id() -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"gojit build ");
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Ok(exe) = std::env::current_exe() {
        h.update(exe.as_os_str().as_encoded_bytes());
        if let Ok(md) = std::fs::metadata(&exe) {
            h.update(md.len().to_le_bytes());
            if let Ok(t) = md.modified().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).map_err(std::io::Error::other)) {
                h.update(t.as_nanos().to_le_bytes());
            }
        }
    }
    h.finalize().into()
}

/// The kinds of entries, each in its own subdirectory.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// A package's code pack: the compiled code of its functions, each under Cranelift's key of
    /// its IR ([`encode_pack`], `jit::codegen`).
    Pack,
    /// Small facts about the environment (`load::goroot`'s resolved GOROOT).
    Env,
    /// A whole program's image: everything needed to run it without the front end
    /// (`crate::image`).
    Image,
}

impl Kind {
    fn dir(self) -> &'static str {
        match self {
            Kind::Pack => "pack",
            Kind::Env => "env",
            Kind::Image => "image",
        }
    }
}

/// The payload of a pack: `count: u32`, then per entry `key_len: u32, key, len: u32, bytes`
/// (little-endian), keys sorted.
pub fn encode_pack(entries: &std::collections::BTreeMap<Vec<u8>, Vec<u8>>) -> Vec<u8> {
    let size: usize = entries.iter().map(|(k, v)| 8 + k.len() + v.len()).sum();
    let mut out = Vec::with_capacity(4 + size);
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    for (k, v) in entries {
        out.extend_from_slice(&(k.len() as u32).to_le_bytes());
        out.extend_from_slice(k);
        out.extend_from_slice(&(v.len() as u32).to_le_bytes());
        out.extend_from_slice(v);
    }
    out
}

/// The entries of a pack payload; `None` when it is malformed (then the whole pack is a miss).
pub fn decode_pack(payload: &[u8]) -> Option<std::collections::BTreeMap<Vec<u8>, Vec<u8>>> {
    fn take<'a>(p: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (p.get(..n)?, p.get(n..)?);
        *p = rest;
        Some(head)
    }
    fn word(p: &mut &[u8]) -> Option<usize> {
        Some(u32::from_le_bytes(take(p, 4)?.try_into().ok()?) as usize)
    }
    let mut p = payload;
    let n = word(&mut p)?;
    let mut out = std::collections::BTreeMap::new();
    for _ in 0..n {
        let kl = word(&mut p)?;
        let k = take(&mut p, kl)?.to_vec();
        let vl = word(&mut p)?;
        out.insert(k, take(&mut p, vl)?.to_vec());
    }
    p.is_empty().then_some(out)
}

impl Cache {
    /// The cache named by the environment (see [`dir_from_env`]).
    pub fn from_env() -> Result<Cache, ()> {
        dir_from_env().map(Cache::at).ok_or(())
    }

    /// A cache rooted at `root` (created lazily, on the first store).
    pub fn at(root: PathBuf) -> Cache {
        Cache { root, build_id: build_id(), stats: Stats::default() }
    }

    /// The directory of this cache.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file of `key` (hashed with the build id).
    fn path(&self, kind: Kind, key: &[u8]) -> PathBuf {
        let mut h = Sha256::new();
        h.update(self.build_id);
        h.update((key.len() as u64).to_le_bytes());
        h.update(key);
        let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        self.root.join(kind.dir()).join(&hex[..2]).join(&hex[2..])
    }

    /// The verified payload stored under `key`, or `None` (a miss; a corrupt entry is counted).
    /// Hits and misses of packs are counted per function by their user (`jit::codegen`).
    pub fn get(&self, kind: Kind, key: &[u8]) -> Option<Vec<u8>> {
        self.get_mapped(kind, key).map(|m| m.to_vec())
    }

    /// [`Cache::get`] without copying: the entry's file mapped read-only (a program image is
    /// megabytes; reading it copied every byte into freshly faulted memory).
    pub fn get_mapped(&self, kind: Kind, key: &[u8]) -> Option<Mapped> {
        let count = |a: &AtomicU64| {
            if !matches!(kind, Kind::Pack) {
                a.fetch_add(1, Ordering::Relaxed);
            }
        };
        let Some(map) = Mapped::open(&self.path(kind, key)) else {
            count(&self.stats.misses);
            return None;
        };
        match verify(map.whole()) {
            Some(_) => {
                count(&self.stats.hits);
                Some(map)
            }
            None => {
                self.stats.corrupt.fetch_add(1, Ordering::Relaxed);
                count(&self.stats.misses);
                None
            }
        }
    }

    /// Stores `payload` under `key` (temporary file, then an atomic rename). Failures are counted,
    /// never reported: the cache is an optimisation.
    pub fn put(&self, kind: Kind, key: &[u8], payload: &[u8]) {
        let path = self.path(kind, key);
        match write_atomically(&path, payload) {
            Ok(()) => self.stats.writes.fetch_add(1, Ordering::Relaxed),
            Err(_) => self.stats.write_errors.fetch_add(1, Ordering::Relaxed),
        };
    }

    /// One line for `--time`.
    pub fn summary(&self) -> String {
        let s = &self.stats;
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        let mut line = format!("cache {}: {} hits, {} misses", self.root.display(), get(&s.hits), get(&s.misses));
        // (functions and environment facts; a corrupt pack counts once, its functions as misses)
        if get(&s.corrupt) > 0 {
            line += &format!(" ({} corrupt)", get(&s.corrupt));
        }
        line += &format!(", {} written", get(&s.writes));
        if get(&s.write_errors) > 0 {
            line += &format!(" ({} failed)", get(&s.write_errors));
        }
        line
    }
}

/// A verified entry's file, mapped read-only; derefs to its payload. Unmapped when dropped.
pub struct Mapped {
    ptr: *mut libc::c_void,
    len: usize,
}

// SAFETY: the mapping is read-only and owned by this value alone; sharing `&[u8]` views of
// immutable memory across threads is sound.
unsafe impl Send for Mapped {}
// SAFETY: as above: nothing writes through the mapping.
unsafe impl Sync for Mapped {}

impl Mapped {
    /// Maps the whole file at `path` (`None`: missing, unreadable, or empty, which is corrupt
    /// anyway and is given a one-byte stand-in so the header check reports it).
    fn open(path: &Path) -> Option<Mapped> {
        let f = std::fs::File::open(path).ok()?;
        let len = f.metadata().ok()?.len() as usize;
        if len == 0 {
            // mmap refuses length 0; an empty entry is a corrupt one, not a missing one
            return Some(Mapped { ptr: std::ptr::null_mut(), len: 0 });
        }
        // SAFETY: a fresh private read-only mapping of an open file, of its current length; the
        // kernel chooses the address. gojit never writes an entry in place (stores rename a new
        // file over it, which leaves this inode as it is), so the file cannot shrink under the
        // mapping unless something outside gojit truncates it.
        let ptr = unsafe { libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ, libc::MAP_PRIVATE | libc::MAP_POPULATE, f.as_raw_fd(), 0) };
        (ptr != libc::MAP_FAILED).then_some(Mapped { ptr, len })
    }

    /// The whole file, header included.
    fn whole(&self) -> &[u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: `ptr` is a live read-only mapping of `len` bytes owned by `self`.
        unsafe { std::slice::from_raw_parts(self.ptr as *const u8, self.len) }
    }
}

impl std::ops::Deref for Mapped {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        // only verified files are handed out: at least a header long
        &self.whole()[HEADER..]
    }
}

impl Drop for Mapped {
    fn drop(&mut self) {
        if self.len != 0 {
            // SAFETY: `ptr`/`len` are this value's own mapping; every borrow of it has ended.
            unsafe { libc::munmap(self.ptr, self.len) };
        }
    }
}

/// The payload of a well-formed entry.
fn verify(bytes: &[u8]) -> Option<&[u8]> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return None;
    }
    let len = u64::from_le_bytes(bytes[8..16].try_into().ok()?);
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != len {
        return None;
    }
    (xxh64(payload, 0).to_le_bytes()[..] == bytes[16..HEADER]).then_some(payload)
}

/// XXH64 (Yann Collet's xxHash, 64-bit variant) of `input` with `seed`: the entries' checksum.
pub fn xxh64(input: &[u8], seed: u64) -> u64 {
    const P1: u64 = 0x9E37_79B1_85EB_CA87;
    const P2: u64 = 0xC2B2_AE3D_27D4_EB4F;
    const P3: u64 = 0x1656_67B1_9E37_79F9;
    const P4: u64 = 0x85EB_CA77_C2B2_AE63;
    const P5: u64 = 0x27D4_EB2F_1656_67C5;
    fn round(acc: u64, lane: u64) -> u64 {
        acc.wrapping_add(lane.wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1)
    }
    fn merge(h: u64, v: u64) -> u64 {
        (h ^ round(0, v)).wrapping_mul(P1).wrapping_add(P4)
    }
    let u64_at = |b: &[u8]| u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
    let mut rest = input;
    let mut h = if input.len() >= 32 {
        let mut v = [seed.wrapping_add(P1).wrapping_add(P2), seed.wrapping_add(P2), seed, seed.wrapping_sub(P1)];
        let mut stripes = rest.chunks_exact(32);
        for s in &mut stripes {
            for (i, acc) in v.iter_mut().enumerate() {
                *acc = round(*acc, u64_at(&s[8 * i..]));
            }
        }
        rest = stripes.remainder();
        let h = v[0].rotate_left(1).wrapping_add(v[1].rotate_left(7)).wrapping_add(v[2].rotate_left(12)).wrapping_add(v[3].rotate_left(18));
        v.iter().fold(h, |h, &x| merge(h, x))
    } else {
        seed.wrapping_add(P5)
    };
    h = h.wrapping_add(input.len() as u64);
    let mut words = rest.chunks_exact(8);
    for w in &mut words {
        h = (h ^ round(0, u64_at(w))).rotate_left(27).wrapping_mul(P1).wrapping_add(P4);
    }
    rest = words.remainder();
    if rest.len() >= 4 {
        let w = u32::from_le_bytes(rest[..4].try_into().expect("4 bytes"));
        h = (h ^ u64::from(w).wrapping_mul(P1)).rotate_left(23).wrapping_mul(P2).wrapping_add(P3);
        rest = &rest[4..];
    }
    for &b in rest {
        h = (h ^ u64::from(b).wrapping_mul(P5)).rotate_left(11).wrapping_mul(P1);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(P2);
    h ^= h >> 29;
    h = h.wrapping_mul(P3);
    h ^ (h >> 32)
}

/// Writes header + payload to a fresh temporary file beside `path`, then renames it to `path`.
fn write_atomically(path: &Path, payload: &[u8]) -> std::io::Result<()> {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().ok_or_else(|| std::io::Error::other("no parent"))?;
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".tmp-{}-{}", std::process::id(), SEQ.fetch_add(1, Ordering::Relaxed)));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        let mut bytes = Vec::with_capacity(HEADER + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&xxh64(payload, 0).to_le_bytes());
        bytes.extend_from_slice(payload);
        f.write_all(&bytes)?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_cache(name: &str) -> Cache {
        let dir = std::env::temp_dir().join(format!("gojit-cache-unit-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Cache::at(dir)
    }

    #[test]
    fn xxh64_matches_the_reference_vectors() {
        // xxHash's published values for seed 0; the last two are long enough for the stripes
        assert_eq!(xxh64(b"", 0), 0xEF46_DB37_51D8_E999);
        assert_eq!(xxh64(b"a", 0), 0xD24E_C4F1_A98C_6E5B);
        assert_eq!(xxh64(b"abc", 0), 0x44BC_2CF5_AD77_0999);
        assert_eq!(xxh64(b"Nobody inspects the spammish repetition", 0), 0xFBCE_A83C_8A37_8BF1);
        assert_eq!(xxh64(b"Some years ago--never mind how long precisely-", 0), 0x8F26_F2B9_86AF_DC52);
    }

    #[test]
    fn a_mapped_entry_outlives_its_replacement() {
        let c = temp_cache("mapped");
        c.put(Kind::Image, b"k", b"first payload");
        let m = c.get_mapped(Kind::Image, b"k").unwrap();
        c.put(Kind::Image, b"k", b"second, longer payload");
        assert_eq!(&*m, b"first payload", "a rename leaves the mapped file as it was");
        assert_eq!(c.get(Kind::Image, b"k").as_deref(), Some(&b"second, longer payload"[..]));
        let _ = std::fs::remove_dir_all(c.root());
    }

    #[test]
    fn round_trip_and_miss() {
        let c = temp_cache("rt");
        assert_eq!(c.get(Kind::Pack, b"k"), None);
        c.put(Kind::Pack, b"k", b"payload");
        assert_eq!(c.get(Kind::Pack, b"k").as_deref(), Some(&b"payload"[..]));
        assert_eq!(c.get(Kind::Env, b"k"), None, "kinds are separate namespaces");
        assert_eq!(c.stats.hits.load(Ordering::Relaxed), 0, "pack lookups are counted by their user");
        assert_eq!(c.stats.misses.load(Ordering::Relaxed), 1);
        let _ = std::fs::remove_dir_all(c.root());
    }

    #[test]
    fn corrupt_and_truncated_entries_are_misses() {
        let c = temp_cache("corrupt");
        c.put(Kind::Pack, b"k", b"some compiled code");
        let path = c.path(Kind::Pack, b"k");
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(c.get(Kind::Pack, b"k"), None);
        std::fs::write(&path, &bytes[..HEADER + 3]).unwrap();
        assert_eq!(c.get(Kind::Pack, b"k"), None);
        std::fs::write(&path, b"").unwrap();
        assert_eq!(c.get(Kind::Pack, b"k"), None);
        assert_eq!(c.stats.corrupt.load(Ordering::Relaxed), 3);
        // Rebuilt: the next store replaces the bad entry.
        c.put(Kind::Pack, b"k", b"some compiled code");
        assert_eq!(c.get(Kind::Pack, b"k").as_deref(), Some(&b"some compiled code"[..]));
        let _ = std::fs::remove_dir_all(c.root());
    }

    #[test]
    fn pack_round_trip_and_malformed_packs() {
        let mut m = std::collections::BTreeMap::new();
        m.insert(b"k1".to_vec(), b"v1".to_vec());
        m.insert(vec![0u8; 32], vec![9u8; 1000]);
        let enc = encode_pack(&m);
        assert_eq!(decode_pack(&enc), Some(m));
        assert_eq!(decode_pack(&enc[..enc.len() - 1]), None);
        let mut longer = enc.clone();
        longer.push(0);
        assert_eq!(decode_pack(&longer), None);
        assert_eq!(decode_pack(&[]), None);
    }

    #[test]
    fn concurrent_writers_of_one_key() {
        let c = std::sync::Arc::new(temp_cache("conc"));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let c = c.clone();
                std::thread::spawn(move || {
                    for _ in 0..50 {
                        c.put(Kind::Pack, b"same", &[7u8; 4096]);
                        if let Some(p) = c.get(Kind::Pack, b"same") {
                            assert_eq!(p, vec![7u8; 4096]);
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(c.stats.corrupt.load(Ordering::Relaxed), 0);
        let leftovers = std::fs::read_dir(c.path(Kind::Pack, b"same").parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1, "temporary files are renamed, never left behind");
        let _ = std::fs::remove_dir_all(c.root());
    }
}
