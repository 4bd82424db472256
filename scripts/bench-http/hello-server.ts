/**
 * The HTTP ceiling of the machine: node:http answering a constant "hello world", no database.
 *   node --import tsx scripts/bench-http/hello-server.ts <port>
 */
import { createServer } from "node:http";

const body = "hello world";
createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/plain", "content-length": body.length });
  response.end(body);
}).listen(Number(process.argv[2]), "127.0.0.1", () => process.send?.("ready"));
