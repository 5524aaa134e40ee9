//! The reader's build's allocator (`src/web/alloc.rs`) on its edges, in WebAssembly (run
//! by wasm-bindgen-test in Node: no DOM needed): every size class, every alignment up to
//! a page (and a larger one refused), growing and shrinking with `realloc`, reuse of freed blocks, and
//! blocks larger than a page, which need memory to grow.
#![cfg(all(target_arch = "wasm32", not(feature = "custom")))]

use std::alloc::{GlobalAlloc, Layout};

use ai_cert_check::web::alloc::SizeClasses;
use wasm_bindgen_test::*;

/// A fresh allocator per test: its own free lists, over the same linear memory.
fn allocator() -> &'static SizeClasses {
    Box::leak(Box::new(SizeClasses::new()))
}

fn fill(p: *mut u8, n: usize, seed: u8) {
    for i in 0..n {
        // SAFETY: `p` holds at least `n` bytes (the caller's allocation).
        unsafe { *p.add(i) = seed.wrapping_add(i as u8) };
    }
}

fn holds(p: *const u8, n: usize, seed: u8) -> bool {
    // SAFETY: as in `fill`.
    (0..n).all(|i| unsafe { *p.add(i) } == seed.wrapping_add(i as u8))
}

#[wasm_bindgen_test]
fn every_size_class_is_aligned_writable_and_distinct() {
    let a = allocator();
    let mut blocks = Vec::new();
    for shift in 0..17 {
        let size = (1usize << shift) + shift % 3; // exact powers and just above them
        let layout = Layout::from_size_align(size, 1).unwrap();
        // SAFETY: a valid layout of non-zero size.
        let p = unsafe { a.alloc(layout) };
        assert!(!p.is_null(), "{size} bytes");
        fill(p, size, shift as u8);
        blocks.push((p, layout, shift as u8));
    }
    // Nothing overwrote anything: the blocks do not overlap.
    for &(p, layout, seed) in &blocks {
        assert!(holds(p, layout.size(), seed), "{} bytes", layout.size());
        // SAFETY: allocated above with this layout.
        unsafe { a.dealloc(p, layout) };
    }
}

#[wasm_bindgen_test]
fn alignment_is_honoured_up_to_a_page_and_refused_beyond() {
    let a = allocator();
    for align_shift in 0..=17 {
        let align = 1usize << align_shift;
        for size in [1, align / 2 + 1, align, align + 1] {
            let layout = Layout::from_size_align(size.max(1), align).unwrap();
            // SAFETY: a valid layout of non-zero size.
            let p = unsafe { a.alloc(layout) };
            if align > 65_536 {
                // Refused (null), as GlobalAlloc allows, rather than misaligned.
                assert!(p.is_null(), "size {size}, align {align}");
                continue;
            }
            assert!(!p.is_null());
            assert_eq!(p as usize % align, 0, "size {size}, align {align}");
            // SAFETY: allocated just above.
            unsafe { a.dealloc(p, layout) };
        }
    }
}

#[wasm_bindgen_test]
fn a_freed_block_is_reused_by_its_class_only() {
    let a = allocator();
    let small = Layout::from_size_align(24, 8).unwrap(); // class 32
    let other = Layout::from_size_align(100, 8).unwrap(); // class 128
                                                          // SAFETY: valid layouts; each block freed once, with its own layout.
    unsafe {
        let p = a.alloc(small);
        a.dealloc(p, small);
        let q = a.alloc(other);
        assert_ne!(q, p, "another class does not take the freed block");
        let r = a.alloc(Layout::from_size_align(32, 8).unwrap());
        assert_eq!(r, p, "the same class reuses it");
        a.dealloc(r, small);
        a.dealloc(q, other);
    }
}

#[wasm_bindgen_test]
fn realloc_keeps_the_contents_when_growing_and_shrinking() {
    let a = allocator();
    let mut layout = Layout::from_size_align(5, 1).unwrap();
    // SAFETY: valid layouts; `p` is always the live block of `layout`.
    unsafe {
        let mut p = a.alloc(layout);
        fill(p, 5, 7);
        // Within the class: the same block.
        let same = a.realloc(p, layout, 8);
        assert_eq!(same, p);
        layout = Layout::from_size_align(8, 1).unwrap();
        // Across classes, up to more than a page: the first bytes follow.
        for new_size in [9, 200, 70_000] {
            p = a.realloc(p, layout, new_size);
            assert!(!p.is_null());
            assert!(holds(p, 5, 7), "after growing to {new_size}");
            layout = Layout::from_size_align(new_size, 1).unwrap();
        }
        fill(p, 70_000, 3);
        p = a.realloc(p, layout, 16);
        assert!(holds(p, 16, 3), "after shrinking");
        a.dealloc(p, Layout::from_size_align(16, 1).unwrap());
    }
}

#[wasm_bindgen_test]
fn blocks_larger_than_a_page_grow_memory_and_do_not_overlap() {
    let a = allocator();
    let big = Layout::from_size_align(3 * 65_536 + 1, 8).unwrap();
    // SAFETY: valid layouts, each freed once.
    unsafe {
        let p = a.alloc(big);
        let q = a.alloc(big);
        assert!(!p.is_null() && !q.is_null());
        fill(p, big.size(), 1);
        fill(q, big.size(), 2);
        assert!(holds(p, big.size(), 1) && holds(q, big.size(), 2));
        a.dealloc(p, big);
        a.dealloc(q, big);
    }
}
