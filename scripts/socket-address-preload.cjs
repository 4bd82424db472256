/**
 * Loaded with `node --require` before Next's server (scripts/start.ts). Next hands its code a
 * request's headers but not its socket, and keeps an X-Forwarded-For the client wrote itself;
 * so every incoming request gets the socket's address in a header of our own, replacing any
 * the client sent under that name. lib/auth/client-address.ts reads it (R-SEC-3).
 * Plain CommonJS: it runs before any TypeScript loader.
 */
const http = require("node:http");

const HEADER = "x-portal-socket-address";
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithSocketAddress(event, request, ...rest) {
  if (event === "request" || event === "upgrade") {
    const address = request.socket?.remoteAddress ?? "";
    // An IPv4 client on a dual-stack socket reads ::ffff:1.2.3.4; the plain form is the one people know.
    request.headers[HEADER] = address.startsWith("::ffff:") ? address.slice(7) : address;
  }
  return emit.call(this, event, request, ...rest);
};
