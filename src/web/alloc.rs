//! The reader's build's memory allocator: power-of-two size classes with a free list
//! each, carved from linear memory that only grows.
//!
//! Why not the default (dlmalloc): it is about 3 KB gzip of the budget, and this widget
//! allocates a few hundred small strings and vectors per answer, over and over, in the
//! same sizes. A freed block goes back to its class and the next allocation of that
//! class reuses it, so memory stays flat after warm-up however long a page lives
//! (`tests/web.rs` measures it). What it gives up: no coalescing, so memory freed in one
//! size class does not serve another; and up to half a block is slack. Both are cheap
//! at this widget's scale. (`lol_alloc` does the same but is one more dependency; the
//! unmaintained `wee_alloc` is out.)
//!
//! Safety: wasm32 without threads is single-threaded, so the interior mutability below
//! is never shared across threads; the free lists store their `next` pointer inside
//! freed blocks, which are at least 8 bytes and aligned to their own size.

use std::alloc::{GlobalAlloc, Layout};
use std::arch::wasm32;
use std::cell::UnsafeCell;
use std::ptr::null_mut;

const PAGE: usize = 65_536;
/// Size classes 2^3 (8 bytes) to 2^31.
const CLASSES: usize = 32;
const MIN_CLASS: u32 = 3;

/// The allocator. One instance, registered as `#[global_allocator]` in `web`.
pub struct SizeClasses {
    state: UnsafeCell<State>,
}

struct State {
    /// Head of each class's free list (0: empty).
    free: [usize; CLASSES],
    /// Next unused byte of the region obtained from `memory.grow`.
    next: usize,
    /// End of that region.
    end: usize,
}

// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
unsafe impl Sync for SizeClasses {}

impl Default for SizeClasses {
    fn default() -> Self {
        SizeClasses::new()
    }
}

impl SizeClasses {
    /// An empty allocator (`const`, for the `#[global_allocator]` static; `Default` is
    /// not `const`).
    pub const fn new() -> Self {
        SizeClasses {
            state: UnsafeCell::new(State {
                free: [0; CLASSES],
                next: 0,
                end: 0,
            }),
        }
    }
}

/// The class of a layout: log2 of the power of two that fits both size and alignment.
/// `None` (the allocation is refused, as `GlobalAlloc` allows) for an alignment above a
/// page: blocks are aligned to their size up to a page only (found by `tests/alloc.rs`;
/// nothing in the widget asks for more).
fn class(layout: Layout) -> Option<u32> {
    if layout.align() > PAGE {
        return None;
    }
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    let class = size.checked_next_power_of_two()?.trailing_zeros();
    (class < CLASSES as u32).then_some(class)
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout) else {
            return null_mut();
        };
        // SAFETY: single-threaded (see above), and no reentrancy: nothing below allocates.
        let s = unsafe { &mut *self.state.get() };
        let head = s.free[class as usize];
        if head != 0 {
            // SAFETY: `head` is a block this allocator handed out and got back; its first
            // word holds the next free block of the class.
            s.free[class as usize] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let size = 1usize << class;
        // Blocks are aligned to their own size (at most a page), so any layout of the
        // class fits any block of it.
        let align = size.min(PAGE);
        let mut start = (s.next + align - 1) & !(align - 1);
        if start.checked_add(size).is_none_or(|e| e > s.end) {
            let pages = size.div_ceil(PAGE).max(2);
            let previous = wasm32::memory_grow(0, pages);
            if previous == usize::MAX {
                return null_mut();
            }
            let region = previous * PAGE;
            if region != s.end {
                // Not contiguous with the old region (first use): start afresh.
                s.next = region;
            }
            s.end = region + pages * PAGE;
            start = (s.next + align - 1) & !(align - 1);
        }
        s.next = start + size;
        start as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class(layout) else {
            return;
        };
        // SAFETY: single-threaded; `ptr` came from `alloc` with this layout, so it is a
        // block of this class, at least 8 bytes, aligned for a usize.
        let s = unsafe { &mut *self.state.get() };
        unsafe { *(ptr as *mut usize) = s.free[class as usize] };
        s.free[class as usize] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` with this alignment is a valid layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(layout) == class(new_layout) {
            return ptr;
        }
        // SAFETY: as for `alloc`/`dealloc`; the blocks are distinct, so the copy is too.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}

/// The reader's build allocates through [`SizeClasses`].
#[global_allocator]
static ALLOC: SizeClasses = SizeClasses::new();
