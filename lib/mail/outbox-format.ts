/** One message caught by the development SMTP sink, as stored on disk. */
export interface SinkMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** What was attached, and the SHA-256 of each file, so that a test can match it to its source. */
  attachments?: { filename: string; contentType: string; size: number; sha256: string }[];
}
