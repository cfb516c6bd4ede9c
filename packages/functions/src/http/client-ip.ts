import { isIP } from "node:net";
import type { Context } from "hono";

export interface ClientIpOptions {
  /** `TRUST_FORWARDED_FOR`: only behind a proxy you control, which sets the header. */
  trustForwardedFor: boolean;
}

/** The parts of `c.env` we read: `hono/aws-lambda` passes the event's request context, `@hono/node-server` the socket. */
interface Bindings {
  requestContext?: {
    /** API Gateway HTTP API (v2) and Lambda function URLs. */
    http?: { sourceIp?: string };
    /** API Gateway REST API (v1). */
    identity?: { sourceIp?: string };
  };
  incoming?: { socket?: { remoteAddress?: string } };
  server?: { incoming?: { socket?: { remoteAddress?: string } } };
}

/**
 * The client's IP address, for per-IP limits. Behind API Gateway it is the
 * source IP API Gateway saw; under `npm start`, the socket's peer. With
 * `trustForwardedFor`, the right-most `X-Forwarded-For` entry wins: the one our
 * own proxy appended (entries to its left are whatever the client sent).
 * "unknown" when there is none, e.g. in `app.request()` tests.
 */
export function clientIp(c: Context, options: ClientIpOptions): string {
  const env = (c.env ?? {}) as Bindings;
  const forwarded = options.trustForwardedFor
    ? c.req.header("x-forwarded-for")?.split(",").at(-1)
    : undefined;
  const candidates = [
    forwarded,
    env.requestContext?.http?.sourceIp,
    env.requestContext?.identity?.sourceIp,
    env.incoming?.socket?.remoteAddress,
    env.server?.incoming?.socket?.remoteAddress,
  ];
  for (const candidate of candidates) {
    const ip = normalizeIp(candidate);
    if (ip) return ip;
  }
  return "unknown";
}

/** A valid address without zone id, IPv4-mapped IPv6 as plain IPv4; undefined otherwise. */
function normalizeIp(value: string | undefined): string | undefined {
  const ip = value?.trim().replace(/%.*$/, "").toLowerCase();
  if (!ip) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  return isIP(ip) ? ip : undefined;
}

/**
 * The rate-limit subject for an address from `clientIp`. An IPv6 client usually
 * holds a whole /64, so it is counted per /64, not per address.
 */
export function ipSubject(ip: string): string {
  return isIP(ip) === 6 ? `ip:${ipv6Prefix64(ip)}` : `ip:${ip}`;
}

function ipv6Prefix64(ip: string): string {
  const groups = (part: string | undefined) =>
    part ? part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group])) : [];
  const [head, tail] = ip.split("::");
  const left = groups(head);
  const right = groups(tail);
  const full =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  const prefix = full.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(":")}::/64`;
}
