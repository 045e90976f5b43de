export type DecodedText = { ok: true; text: string } | { ok: false; message: string };

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/**
 * Decodes a file's bytes as UTF-8, refusing anything else rather than replacing bad bytes with
 * "�" as Node's "utf8" reading does. The refusal names the line and column of the first bad
 * byte, and recognises files saved as UTF-16 (as some Windows editors do).
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: "is saved as UTF-16; save it as UTF-8 (in most editors: Save As… › Encoding › UTF-8)" };
  }
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const { line, column, byte } = firstInvalidByte(bytes);
    return {
      ok: false,
      message:
        `is not valid UTF-8: line ${line}, column ${column} has the byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")}, ` +
        "which is not text in UTF-8 (the file was probably saved as Windows-1252 or Latin-1); save it as UTF-8",
    };
  }
}

/**
 * Where decoding first had to substitute "�". The lenient decoder's text up to that point
 * re-encodes to exactly the valid bytes before it, which gives the bad byte's offset; a "�"
 * that the file really contains (bytes EF BF BD) is skipped.
 */
function firstInvalidByte(bytes: Uint8Array): { line: number; column: number; byte: number } {
  const text = lenient.decode(bytes);
  for (let index = text.indexOf("\uFFFD"); index !== -1; index = text.indexOf("\uFFFD", index + 1)) {
    const before = text.slice(0, index);
    const offset = encoder.encode(before).length;
    const literal = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (literal) continue;
    return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n"), byte: bytes[offset]! };
  }
  throw new Error("decodeUtf8: the strict decoder refused bytes the lenient one decoded without substitutes");
}
