import "server-only";
import { contentDisposition, inlinePreviewHeaders } from "@/lib/documents/rules";
import { type DocumentStorage, documentStorage } from "@/lib/documents/storage";
import { env } from "@/lib/env";

/** A stored file the portal has just authorised the viewer to download. */
export interface AuthorisedFile {
  storageKey: string;
  fileName: string;
  contentType: string;
  /** Known for documents and letters (Content-Length); unknown for older rows. */
  size?: number;
}

const privateHeaders = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * The answer to an authorised download: the bytes streamed through this node (the default),
 * or with DOWNLOAD_MODE=redirect and a store that signs URLs, a 302 to a presigned URL that
 * expires in DOWNLOAD_URL_SECONDS, so large files do not pass through the web nodes. Only call
 * it once the viewer is authorised: the URL itself carries no further check.
 */
export async function authorisedFileResponse(
  file: AuthorisedFile,
  options: {
    storage?: DocumentStorage;
    mode?: "stream" | "redirect";
    expiresInSeconds?: number;
    /** R-MSG-8: answered inline for the preview in the page, sandboxed; always streamed, since the
     * page frames it from its own origin. */
    inline?: boolean;
  } = {},
): Promise<Response> {
  const storage = options.storage ?? documentStorage();
  const mode = options.inline ? "stream" : (options.mode ?? env().DOWNLOAD_MODE);
  const disposition = contentDisposition(file.fileName);
  if (mode === "redirect" && storage.signedDownloadUrl) {
    const url = await storage.signedDownloadUrl(file.storageKey, {
      contentDisposition: disposition,
      contentType: file.contentType,
      expiresInSeconds: options.expiresInSeconds ?? env().DOWNLOAD_URL_SECONDS,
    });
    return new Response(null, { status: 302, headers: { Location: url, ...privateHeaders } });
  }
  const body = await storage.get(file.storageKey);
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      ...(file.size === undefined ? {} : { "Content-Length": String(file.size) }),
      ...privateHeaders,
      ...(options.inline
        ? inlinePreviewHeaders(file.fileName)
        : {
            "Content-Disposition": disposition,
            // Should a browser render it anyway, it runs nothing and loads nothing.
            "Content-Security-Policy": "default-src 'none'; sandbox",
          }),
    },
  });
}
