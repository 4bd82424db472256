/** One message caught by the development SMTP sink, as stored on disk. */
export interface SinkMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
}
