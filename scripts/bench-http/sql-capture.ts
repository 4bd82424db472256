/**
 * A loopback TCP proxy between the portal and PostgreSQL that records the SQL the portal sends
 * (simple and extended protocol, with the bound parameters), so that the baseline replays the
 * very statements the portal runs for a scenario instead of SQL written by hand.
 *
 * Only the frontend → server direction is parsed; bytes are forwarded untouched both ways.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

export interface CapturedStatement {
  sql: string;
  /** Text-format parameters (node-postgres sends text); null for SQL NULL. */
  params: (string | null)[];
}

export interface SqlCapture {
  port: number;
  /** Starts a new recording; statements sent from now on are kept. */
  start(): void;
  /** Stops recording and returns what was sent since start(). */
  stop(): CapturedStatement[];
  close(): Promise<void>;
}

export async function startSqlCapture(target: { host: string; port: number }, listenPort = 0): Promise<SqlCapture> {
  let recording: CapturedStatement[] | null = null;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const parser = frontendParser((statement) => recording?.push(statement));
    client.on("data", (chunk) => {
      parser(chunk);
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", () => resolve()));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    start: () => {
      recording = [];
    },
    stop: () => {
      const statements = recording ?? [];
      recording = null;
      return statements;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Splits the client's byte stream into protocol messages. The first message of a connection
 * (startup, or an SSL request) has no type byte; every later one is type + int32 length.
 * Named prepared statements are remembered per connection, so a Bind names its SQL.
 */
function frontendParser(onStatement: (statement: CapturedStatement) => void) {
  let buffer = Buffer.alloc(0);
  let startupDone = false;
  const prepared = new Map<string, string>();

  return (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!startupDone) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        buffer = buffer.subarray(length);
        // 80877103: SSLRequest, 80877104: GSSENCRequest; a real startup message follows them.
        if (code !== 80877103 && code !== 80877104) startupDone = true;
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer.length < length + 1) return;
      const type = String.fromCharCode(buffer.readUInt8(0));
      const body = buffer.subarray(5, length + 1);
      buffer = buffer.subarray(length + 1);
      if (type === "Q") onStatement({ sql: cString(body, 0).value, params: [] });
      if (type === "P") {
        const name = cString(body, 0);
        const sql = cString(body, name.next);
        prepared.set(name.value, sql.value);
      }
      if (type === "B") {
        const portal = cString(body, 0);
        const statement = cString(body, portal.next);
        let offset = statement.next;
        const formatCount = body.readInt16BE(offset);
        offset += 2 + formatCount * 2;
        const paramCount = body.readInt16BE(offset);
        offset += 2;
        const params: (string | null)[] = [];
        for (let index = 0; index < paramCount; index++) {
          const size = body.readInt32BE(offset);
          offset += 4;
          if (size < 0) params.push(null);
          else {
            params.push(body.subarray(offset, offset + size).toString("utf8"));
            offset += size;
          }
        }
        onStatement({ sql: prepared.get(statement.value) ?? "", params });
      }
    }
  };
}

function cString(buffer: Buffer, start: number): { value: string; next: number } {
  const end = buffer.indexOf(0, start);
  return { value: buffer.subarray(start, end).toString("utf8"), next: end + 1 };
}
