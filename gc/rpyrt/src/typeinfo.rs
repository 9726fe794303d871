//! The object layout contract shared with the generated C: the `rpy_typeinfo` table entry, the
//! header word and its flags, and the validated copy of the type table that the collector uses to
//! size objects and find their GC pointers.
//!
//! Relies on the layout described in `include/rpyrt.h`: a 64-bit header word (type id in the low 32
//! bits, flags in the high 32 bits), an `int64_t` length field for variable-sized types, and
//! pointer-sized, pointer-aligned GC pointer fields. An object whose identity hash was kept when
//! it moved has one more word after the size its type gives (`GCFLAG_HASHFIELD`); the sizes
//! computed here include it.

use crate::prelude::*;
use core::mem::size_of;

/// One entry of the type table, exactly as the generated C lays out `rpy_typeinfo`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct TypeInfo {
    /// [`TI_VARSIZE`], [`TI_GCPTR_ITEMS`], [`TI_WEAKREF`].
    pub flags: u32,
    /// Bytes of the fixed part, header included; items start here.
    pub fixedsize: u32,
    /// Bytes per item (variable-sized types only).
    pub itemsize: u32,
    /// Offset of the `int64_t` item count (variable-sized types only).
    pub length_offset: u32,
    /// Number of GC pointer fields in the fixed part.
    pub n_ptrs: u32,
    /// Their offsets from the start of the object (`n_ptrs` entries; may be null when 0).
    pub ptr_offsets: *const u32,
}

/// The object ends with `length` items of `itemsize` bytes.
pub const TI_VARSIZE: u32 = 1;
/// Every item is one GC pointer.
pub const TI_GCPTR_ITEMS: u32 = 2;
/// A weak reference: a fixed-size object whose word at [`WEAKREF_OFFSET`] is a GC pointer that
/// the collectors do not trace; they update it when its object moves and clear it when its
/// object dies. The type declares no pointer fields.
pub const TI_WEAKREF: u32 = 4;
/// Offset of the referent in a weak reference (the first word after the header).
pub const WEAKREF_OFFSET: usize = 8;

/// Header flag of a prebuilt object in the executable's static data.
pub const GCFLAG_STATIC: u64 = 1 << 32;
/// Header flag of an old copy during a collection; the new address is in the next word.
pub const GCFLAG_FORWARDED: u64 = 1 << 33;
/// Header flag of an old (or static) object that may not point to young objects without the
/// write barrier hearing of it: set on every old object that can hold GC pointers and on every
/// registered static object by the generational collector; never set by the semispace collector.
pub const GCFLAG_TRACK_YOUNG_PTRS: u64 = 1 << 34;
/// The object's identity hash was taken while it could still move, and the object has no hash
/// field yet: the value is kept on the side until the object is copied (see `hash.rs`).
pub const GCFLAG_HASHTAKEN: u64 = 1 << 35;
/// The object ends with one extra word holding its identity hash value (its `id`), appended when
/// it was copied after its hash was taken; the type table's size does not include that word.
pub const GCFLAG_HASHFIELD: u64 = 1 << 36;
/// A large array of GC pointers with a card table in front of it (see `large.rs`).
pub const GCFLAG_HAS_CARDS: u64 = 1 << 37;
/// An array with cards on the list of arrays whose cards are marked since the last minor
/// collection.
pub const GCFLAG_CARDS_SET: u64 = 1 << 38;
/// Set on old objects reached during the marking phase of a major collection.
pub const GCFLAG_VISITED: u64 = 1 << 39;

/// The header word of a free slot in the old generation's pages: the type id 0xffffffff, which no
/// type table has (tables are limited to fewer types).
pub const FREE_HEADER: u64 = u64::MAX;

/// Size of a pointer field, which is also the size of the forwarding word.
pub const PTR_SIZE: usize = size_of::<*mut u8>();
/// Objects are at least this long, so that a forwarding address fits after the header.
pub const MIN_OBJECT_SIZE: usize = 16;
/// Size of the identity hash field appended to objects with [`GCFLAG_HASHFIELD`].
pub const HASH_FIELD_SIZE: usize = 8;

/// Rounds an allocation size up to a multiple of 8 and to at least [`MIN_OBJECT_SIZE`]; `None`
/// when that overflows. The inline C fast path applies the same rounding.
pub fn round_size(size: usize) -> Option<usize> {
    let rounded = size.checked_add(7)? & !7;
    Some(rounded.max(MIN_OBJECT_SIZE))
}

/// Clears [`GCFLAG_TRACK_YOUNG_PTRS`] in the header of `obj` (the barrier before any collector
/// exists).
///
/// # Safety
/// `obj` must point to a writable header word.
pub unsafe fn clear_track_flag(obj: *mut u8) {
    let hdr = obj as *mut u64;
    hdr.write(hdr.read() & !GCFLAG_TRACK_YOUNG_PTRS);
}

/// The type id stored in a header word.
pub fn header_tid(header: u64) -> u32 {
    header as u32
}

/// What [`TypeTable::info`] says about one object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjInfo<'a> {
    /// The rounded size without any hash field.
    pub size: usize,
    /// Whether it can hold GC pointers.
    pub has_ptrs: bool,
    /// Whether it is an array of GC pointers.
    pub gcptr_items: bool,
    /// The offsets of the GC pointer fields of its fixed part.
    pub ptr_offsets: &'a [usize],
    /// Whether it is a weak reference ([`TI_WEAKREF`]).
    pub weakref: bool,
}

/// A checked, owned copy of one `rpy_typeinfo`.
#[derive(Clone, Debug)]
struct TypeDesc {
    /// The rounded size of the whole object, for types that are not variable-sized.
    size: usize,
    fixedsize: usize,
    itemsize: usize,
    length_offset: usize,
    varsize: bool,
    gcptr_items: bool,
    /// Whether an object of this type can hold a GC pointer at all.
    has_ptrs: bool,
    weakref: bool,
    /// Fixed-size and not a weak reference: what the minor collection copies fastest.
    plain: bool,
    ptr_offsets: Box<[usize]>,
}

/// The type table the collector works from, copied out of the C table and validated once so that
/// a malformed table is reported at start-up rather than as heap corruption later.
#[derive(Clone, Debug, Default)]
pub struct TypeTable {
    types: Vec<TypeDesc>,
}

impl TypeTable {
    /// Copies and validates `types`.
    ///
    /// # Safety
    /// Every `ptr_offsets` pointer must point to `n_ptrs` readable `u32`s (or be anything when
    /// `n_ptrs` is 0).
    pub unsafe fn new(types: &[TypeInfo]) -> Result<TypeTable, String> {
        if types.len() >= u32::MAX as usize {
            return Err(format!("{} types is too many", types.len()));
        }
        let mut out = Vec::with_capacity(types.len());
        for (tid, ti) in types.iter().enumerate() {
            out.push(check_type(ti).map_err(|msg| format!("type id {tid}: {msg}"))?);
        }
        Ok(TypeTable { types: out })
    }

    /// Like [`TypeTable::new`] for a table given as a C pointer and length.
    ///
    /// # Safety
    /// `types` must point to `n` readable entries (or be anything when `n` is 0), each valid as
    /// described for [`TypeTable::new`].
    pub unsafe fn from_raw(types: *const TypeInfo, n: usize) -> Result<TypeTable, String> {
        if n == 0 {
            return Ok(TypeTable::default());
        }
        if types.is_null() {
            return Err("the type table pointer is NULL".to_string());
        }
        TypeTable::new(core::slice::from_raw_parts(types, n))
    }

    /// Number of types.
    pub fn len(&self) -> usize {
        self.types.len()
    }

    /// Whether the table has no types.
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// Checks that `obj` looks like a static object of this table: a known type id and the flag
    /// [`GCFLAG_STATIC`].
    ///
    /// # Safety
    /// `obj` must point to a readable header word.
    pub unsafe fn check_static(&self, obj: *const u8) -> Result<(), String> {
        let header = (obj as *const u64).read();
        let tid = header_tid(header);
        if tid as usize >= self.types.len() {
            return Err(format!(
                "static object at {obj:p} has type id {tid}, but there are {} types",
                self.types.len()
            ));
        }
        if header & GCFLAG_STATIC == 0 {
            return Err(format!(
                "static object at {obj:p} lacks the flag RPY_GCFLAG_STATIC"
            ));
        }
        Ok(())
    }

    #[inline]
    unsafe fn desc(&self, obj: *const u8) -> &TypeDesc {
        let tid = header_tid((obj as *const u64).read());
        match self.types.get(tid as usize) {
            Some(desc) => desc,
            None => bad_type_id(obj, tid, self.types.len()),
        }
    }

    #[inline]
    fn desc_of(&self, tid: u32) -> &TypeDesc {
        match self.types.get(tid as usize) {
            Some(desc) => desc,
            None => bad_type_id(core::ptr::null(), tid, self.types.len()),
        }
    }

    /// The rounded size of `obj`, which has type `desc`, without any hash field.
    #[inline]
    unsafe fn size(desc: &TypeDesc, obj: *const u8) -> usize {
        if !desc.varsize {
            return desc.size;
        }
        let len = (obj.add(desc.length_offset) as *const i64).read();
        let size = usize::try_from(len)
            .ok()
            .and_then(|len| len.checked_mul(desc.itemsize))
            .and_then(|items| items.checked_add(desc.fixedsize))
            .and_then(round_size);
        match size {
            Some(size) => size,
            None => bad_length(obj, len),
        }
    }

    /// The rounded size in bytes of the object at `obj` as its type describes it (and its length
    /// field), without the appended hash field: where that field goes when there is one.
    ///
    /// # Safety
    /// `obj` must point to a readable object with a valid header (and length field).
    #[inline]
    pub unsafe fn base_size(&self, obj: *const u8) -> usize {
        Self::size(self.desc(obj), obj)
    }

    /// The size in bytes of the whole object at `obj`, including its appended hash field when
    /// its header has [`GCFLAG_HASHFIELD`]; this is how many bytes the collectors copy.
    ///
    /// # Safety
    /// `obj` must point to a readable object with a valid header (and length field).
    #[inline]
    pub unsafe fn object_size(&self, obj: *const u8) -> usize {
        let header = (obj as *const u64).read();
        let size = Self::size(self.desc(obj), obj);
        if header & GCFLAG_HASHFIELD != 0 {
            size + HASH_FIELD_SIZE
        } else {
            size
        }
    }

    /// Everything the collectors need to copy an object, in one look-up of its type.
    ///
    /// # Safety
    /// `obj` must point to a readable object with a valid header (and length field).
    #[inline]
    pub unsafe fn info(&self, obj: *const u8) -> ObjInfo<'_> {
        let desc = self.desc(obj);
        ObjInfo {
            size: Self::size(desc, obj),
            has_ptrs: desc.has_ptrs,
            gcptr_items: desc.gcptr_items,
            ptr_offsets: &desc.ptr_offsets,
            weakref: desc.weakref,
        }
    }

    /// Whether `obj` is a weak reference.
    ///
    /// # Safety
    /// `obj` must point to a readable object with a valid header.
    #[inline]
    pub unsafe fn is_weakref(&self, obj: *const u8) -> bool {
        self.desc(obj).weakref
    }

    /// For a type whose objects have a fixed size and are not weak references: that size
    /// (rounded) and the offsets of their GC pointer fields.
    #[inline]
    pub fn plain(&self, tid: u32) -> Option<(usize, &[usize])> {
        let desc = self.desc_of(tid);
        if desc.plain {
            Some((desc.size, &desc.ptr_offsets))
        } else {
            None
        }
    }

    /// Whether objects of type `tid` can hold GC pointers.
    #[inline]
    pub fn has_ptrs(&self, tid: u32) -> bool {
        self.desc_of(tid).has_ptrs
    }

    /// The size of the fixed part of type `tid`, where its items start.
    #[inline]
    pub fn fixedsize(&self, tid: u32) -> usize {
        self.desc_of(tid).fixedsize
    }

    /// Whether objects of type `tid` are arrays of GC pointers.
    #[inline]
    pub fn has_gcptr_items(&self, tid: u32) -> bool {
        self.desc_of(tid).gcptr_items
    }

    /// For an array of GC pointers of type `tid` occupying `size` bytes (rounded, without hash
    /// field), the number of items that fit; 0 for other types.
    pub fn items_in_size(&self, tid: u32, size: usize) -> usize {
        let desc = self.desc_of(tid);
        if !desc.gcptr_items || size < desc.fixedsize {
            return 0;
        }
        (size - desc.fixedsize) / desc.itemsize
    }

    /// The item count of a variable-sized object (0 for others).
    ///
    /// # Safety
    /// `obj` must point to a readable object with a valid header (and length field).
    #[inline]
    pub unsafe fn length(&self, obj: *const u8) -> usize {
        let desc = self.desc(obj);
        if !desc.varsize {
            return 0;
        }
        let len = (obj.add(desc.length_offset) as *const i64).read();
        match usize::try_from(len) {
            Ok(len) => len,
            Err(_) => bad_length(obj, len),
        }
    }

    /// Calls `f` with the address of every GC pointer field of the object at `obj` and returns
    /// the object's size, as [`TypeTable::object_size`] would.
    ///
    /// # Safety
    /// `obj` must point to a readable and writable object with a valid header (and length field).
    #[inline]
    pub unsafe fn trace(&self, obj: *mut u8, mut f: impl FnMut(*mut *mut u8)) -> usize {
        let header = (obj as *const u64).read();
        let desc = self.desc(obj);
        let size = Self::size(desc, obj);
        for &offset in desc.ptr_offsets.iter() {
            f(obj.add(offset) as *mut *mut u8);
        }
        if desc.gcptr_items {
            let len = (obj.add(desc.length_offset) as *const i64).read() as usize;
            let items = obj.add(desc.fixedsize) as *mut *mut u8;
            for i in 0..len {
                f(items.add(i));
            }
        }
        if header & GCFLAG_HASHFIELD != 0 {
            size + HASH_FIELD_SIZE
        } else {
            size
        }
    }

    /// Calls `f` with the address of every GC pointer field of the object at `obj`, like
    /// [`TypeTable::trace`] without computing the size.
    ///
    /// # Safety
    /// As for [`TypeTable::trace`].
    #[inline]
    pub unsafe fn trace_ptrs(&self, obj: *mut u8, mut f: impl FnMut(*mut *mut u8)) {
        let desc = self.desc(obj);
        for &offset in desc.ptr_offsets.iter() {
            f(obj.add(offset) as *mut *mut u8);
        }
        if desc.gcptr_items {
            let len = (obj.add(desc.length_offset) as *const i64).read() as usize;
            let items = obj.add(desc.fixedsize) as *mut *mut u8;
            for i in 0..len {
                f(items.add(i));
            }
        }
    }

    /// Calls `f` with the address of the GC pointer fields of the fixed part of `obj` only (not
    /// its items).
    ///
    /// # Safety
    /// As for [`TypeTable::trace`].
    #[inline]
    pub unsafe fn trace_fixed(&self, obj: *mut u8, mut f: impl FnMut(*mut *mut u8)) {
        let desc = self.desc(obj);
        for &offset in desc.ptr_offsets.iter() {
            f(obj.add(offset) as *mut *mut u8);
        }
    }

    /// Calls `f` with the address of items `from..to` (clamped to the length) of an array of GC
    /// pointers; nothing for other objects.
    ///
    /// # Safety
    /// As for [`TypeTable::trace`].
    #[inline]
    pub unsafe fn trace_items(
        &self,
        obj: *mut u8,
        from: usize,
        to: usize,
        mut f: impl FnMut(*mut *mut u8),
    ) {
        let desc = self.desc(obj);
        if !desc.gcptr_items {
            return;
        }
        let len = (obj.add(desc.length_offset) as *const i64).read() as usize;
        let items = obj.add(desc.fixedsize) as *mut *mut u8;
        for i in from..to.min(len) {
            f(items.add(i));
        }
    }
}

#[cold]
fn bad_type_id(obj: *const u8, tid: u32, n_types: usize) -> ! {
    crate::fatal(&format!(
        "object at {obj:p} has type id {tid}, but the type table has {n_types} types \
         (heap corruption or a missing rpy_gc_init)"
    ))
}

#[cold]
fn bad_length(obj: *const u8, len: i64) -> ! {
    crate::fatal(&format!("object at {obj:p} has an invalid length {len}"))
}

fn check_type(ti: &TypeInfo) -> Result<TypeDesc, String> {
    let known = TI_VARSIZE | TI_GCPTR_ITEMS | TI_WEAKREF;
    if ti.flags & !known != 0 {
        return Err(format!("unknown flags {:#x}", ti.flags));
    }
    let fixedsize = ti.fixedsize as usize;
    if fixedsize < 8 {
        return Err(format!(
            "fixedsize {fixedsize} leaves no room for the header"
        ));
    }
    let varsize = ti.flags & TI_VARSIZE != 0;
    let gcptr_items = ti.flags & TI_GCPTR_ITEMS != 0;
    let weakref = ti.flags & TI_WEAKREF != 0;
    if weakref && (varsize || ti.n_ptrs != 0 || fixedsize < WEAKREF_OFFSET + PTR_SIZE) {
        return Err(
            "RPY_TI_WEAKREF needs a fixed-size type with room for the referent and no pointer \
             fields"
                .to_string(),
        );
    }
    let field_ok = |offset: usize, size: usize| {
        offset >= 8 && offset.is_multiple_of(size) && offset + size <= fixedsize
    };
    if varsize && !field_ok(ti.length_offset as usize, 8) {
        return Err(format!(
            "length_offset {} is not an aligned int64 field inside the fixed part",
            ti.length_offset
        ));
    }
    if gcptr_items {
        if !varsize {
            return Err("RPY_TI_GCPTR_ITEMS without RPY_TI_VARSIZE".to_string());
        }
        if ti.itemsize as usize != PTR_SIZE || !fixedsize.is_multiple_of(PTR_SIZE) {
            return Err(format!(
                "pointer items need itemsize {PTR_SIZE} and an aligned fixedsize, got {} and {}",
                ti.itemsize, fixedsize
            ));
        }
    }
    let n_ptrs = ti.n_ptrs as usize;
    let offsets: Box<[usize]> = if n_ptrs == 0 {
        Box::new([])
    } else if ti.ptr_offsets.is_null() {
        return Err(format!("{n_ptrs} pointer fields but ptr_offsets is NULL"));
    } else {
        // SAFETY: the caller of `TypeTable::new` promises `n_ptrs` readable offsets.
        let raw = unsafe { core::slice::from_raw_parts(ti.ptr_offsets, n_ptrs) };
        raw.iter().map(|&o| o as usize).collect()
    };
    if let Some(bad) = offsets.iter().find(|&&o| !field_ok(o, PTR_SIZE)) {
        return Err(format!(
            "pointer offset {bad} is not an aligned pointer field inside the fixed part"
        ));
    }
    Ok(TypeDesc {
        size: round_size(fixedsize).unwrap_or(usize::MAX),
        has_ptrs: gcptr_items || !offsets.is_empty(),
        fixedsize,
        itemsize: ti.itemsize as usize,
        length_offset: ti.length_offset as usize,
        varsize,
        gcptr_items,
        weakref,
        plain: !varsize && !weakref,
        ptr_offsets: offsets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ti(flags: u32, fixedsize: u32, itemsize: u32, length_offset: u32, ptrs: &[u32]) -> TypeInfo {
        TypeInfo {
            flags,
            fixedsize,
            itemsize,
            length_offset,
            n_ptrs: ptrs.len() as u32,
            ptr_offsets: ptrs.as_ptr(),
        }
    }

    #[test]
    fn rounding() {
        assert_eq!(round_size(0), Some(16));
        assert_eq!(round_size(9), Some(16));
        assert_eq!(round_size(17), Some(24));
        assert_eq!(round_size(24), Some(24));
        assert_eq!(round_size(usize::MAX - 3), None);
    }

    #[test]
    fn layout_matches_the_c_struct() {
        assert_eq!(size_of::<TypeInfo>(), 32);
        assert_eq!(core::mem::offset_of!(TypeInfo, ptr_offsets), 24);
    }

    #[test]
    fn rejects_malformed_types() {
        let cases = [
            ti(8, 16, 0, 0, &[]),
            ti(0, 4, 0, 0, &[]),
            ti(0, 16, 0, 0, &[16]),
            ti(0, 24, 0, 0, &[12]),
            ti(0, 24, 0, 0, &[0]),
            ti(TI_VARSIZE, 16, 1, 16, &[]),
            ti(TI_GCPTR_ITEMS, 16, 8, 8, &[]),
            ti(TI_VARSIZE | TI_GCPTR_ITEMS, 16, 4, 8, &[]),
            ti(TI_WEAKREF, 8, 0, 0, &[]),
            ti(TI_WEAKREF, 24, 0, 0, &[16]),
            ti(TI_WEAKREF | TI_VARSIZE, 16, 1, 8, &[]),
        ];
        for case in cases {
            assert!(unsafe { TypeTable::new(&[case]) }.is_err(), "{case:?}");
        }
        let bad_null = TypeInfo {
            ptr_offsets: core::ptr::null(),
            ..ti(0, 24, 0, 0, &[8])
        };
        assert!(unsafe { TypeTable::new(&[bad_null]) }.is_err());
    }

    #[test]
    fn sizes_and_fields() {
        let table = unsafe {
            TypeTable::new(&[
                ti(0, 24, 0, 0, &[8, 16]),
                ti(TI_VARSIZE | TI_GCPTR_ITEMS, 16, 8, 8, &[]),
                ti(TI_VARSIZE, 17, 1, 8, &[]),
            ])
        }
        .unwrap();
        let mut obj = [0u64; 8];
        let p = obj.as_mut_ptr() as *mut u8;
        let set = |word: usize, value: u64| unsafe { (p as *mut u64).add(word).write(value) };
        set(0, 1);
        set(1, 3);
        let mut seen = Vec::new();
        let size = unsafe { table.trace(p, |f| seen.push(f as usize - p as usize)) };
        assert_eq!(size, 40);
        assert_eq!(seen, [16, 24, 32]);
        set(0, 2 | GCFLAG_STATIC);
        set(1, 0);
        assert_eq!(unsafe { table.object_size(p) }, 24);
        set(1, 7);
        assert_eq!(unsafe { table.object_size(p) }, 24);
        set(1, 8);
        assert_eq!(unsafe { table.object_size(p) }, 32);
        set(0, 0);
        seen.clear();
        assert_eq!(
            unsafe { table.trace(p, |f| seen.push(f as usize - p as usize)) },
            24
        );
        assert_eq!(seen, [8, 16]);
    }
}
