// The few pieces of the WebAssembly binary format the build's own .wasm rewrites need
// (scripts/shorten-names.mjs, scripts/blank-panic-locations.mjs): LEB128 numbers and
// the list of sections.

/** Reads an unsigned LEB128 number at `pos`: `[value, position after it]`. */
export function readUleb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

/** `n` (a non-negative integer below 2^32) as unsigned LEB128. */
export function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return Buffer.from(out);
}

/** `n` (a 32-bit integer) as signed LEB128, as `i32.const` writes it. */
export function sleb(n) {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return Buffer.from(out);
    }
    out.push(byte | 0x80);
  }
}

/** The module's sections, in order: `{ id, start, end }` (the body's bounds). */
export function sections(wasm) {
  const out = [];
  for (let pos = 8; pos < wasm.length; ) {
    const id = wasm[pos];
    const [size, start] = readUleb(wasm, pos + 1);
    out.push({ id, start, end: start + size });
    pos = start + size;
  }
  return out;
}
