// fontkit is PDFKit's own font engine (installed with it, no types of its own). Only what the
// letters use: parse a font once, hand the parsed font to PDFKit for every document.
declare module "fontkit" {
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array): Font;
}
