/**
 * R-SEC-6: C0 control characters (NUL, line breaks, …) and DEL have no place in a search, a
 * cursor or a URL parameter; PostgreSQL refuses a NUL and a header refuses a line break, which
 * would otherwise surface as server errors. Such input is refused up front.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const controlCharacter = /[\u0000-\u001f\u007f]/;

export function hasControlCharacters(text: string): boolean {
  return controlCharacter.test(text);
}

export function withoutControlCharacters(text: string): boolean {
  return !controlCharacter.test(text);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const controlCharacterInText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** For a message several lines long: line breaks and tabs are text, other controls are refused. */
export function withoutControlCharactersInText(text: string): boolean {
  return !controlCharacterInText.test(text);
}
