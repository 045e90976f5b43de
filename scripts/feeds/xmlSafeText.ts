/**
 * Characters XML 1.0 forbids even when escaped (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
 * One stray control character pasted from a word processor makes a whole feed unparseable, so
 * they are dropped from every text that goes into a feed.
 */
const XML_INVALID = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(XML_INVALID, "");
}
