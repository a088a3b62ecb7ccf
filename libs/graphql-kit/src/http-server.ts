import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type ContextFunction } from '@apollo/server';
import type { Logger } from '@redress/logger';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /** A dependency the service can work without for a while (Kafka, behind the outbox) is reported, not required. */
  required?: boolean;
}

export interface GraphQLHttpServerOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context: ContextFunction<[{ req: IncomingMessage }], C>;
  readiness: ReadinessCheck[];
  logger: Logger;
  /** Requests with a larger body are refused before they are parsed. */
  maxBodyBytes?: number;
  /** Plain HTTP endpoints beside the graph (the gateway's token endpoint, a service's internal endpoints). */
  routes?: HttpRoute[];
}

/** What a plain HTTP endpoint sees of a request: the body already read under the size limit. */
export interface HttpRouteRequest {
  req: IncomingMessage;
  url: URL;
  /** The path's groups matched by the route's pattern. */
  params: string[];
  body: string;
}

export interface HttpRouteResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface HttpRoute {
  method: 'GET' | 'POST';
  /** Matched against the whole path. */
  path: RegExp;
  handle(request: HttpRouteRequest): Promise<HttpRouteResponse>;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

class PayloadTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      reject(new PayloadTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but let the 413 reach the client; the connection closes after it.
        req.removeAllListeners('data');
        req.resume();
        reject(new PayloadTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * A minimal Node HTTP integration for Apollo Server (its documented `executeHTTPGraphQLRequest`),
 * plus liveness (`/health/live`) and readiness (`/health/ready`, which checks every dependency).
 */
export async function startGraphQLHttpServer<C extends BaseContext>(
  options: GraphQLHttpServerOptions<C>,
  port: number,
  host = '127.0.0.1',
): Promise<RunningServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health/live') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/health/ready') {
      const results = await Promise.all(
        options.readiness.map(async ({ name, check, required = true }) => {
          try {
            await check();
            return { name, required, ok: true as const };
          } catch (error) {
            return { name, required, ok: false as const, error: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      const ready = results.every((r) => r.ok || !r.required);
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready', checks: results });
    }
    const route = options.routes?.find((r) => r.path.test(url.pathname));
    if (route) {
      if (req.method !== route.method) return sendJson(res, 405, { error: `Use ${route.method}.` });
      let raw = '';
      try {
        if (req.method === 'POST') raw = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof PayloadTooLarge) {
          res.setHeader('connection', 'close');
          return sendJson(res, 413, { error: `Request body over ${maxBodyBytes} bytes` });
        }
        throw error;
      }
      const params = route.path.exec(url.pathname)!.slice(1);
      const answer = await route.handle({ req, url, params, body: raw });
      for (const [key, value] of Object.entries(answer.headers ?? {})) res.setHeader(key, value);
      return sendJson(res, answer.status, answer.body);
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found. The graph is at /graphql.' });

    let body: unknown = undefined;
    if (req.method === 'POST') {
      try {
        const raw = await readBody(req, maxBodyBytes);
        body = raw ? JSON.parse(raw) : undefined;
      } catch (error) {
        if (error instanceof PayloadTooLarge) {
          res.setHeader('connection', 'close');
          return sendJson(res, 413, {
            errors: [{ message: `Request body over ${maxBodyBytes} bytes`, extensions: { code: 'BAD_REQUEST' } }],
          });
        }
        return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => options.context({ req }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      options.logger.error({ err: error }, 'request failed before reaching GraphQL');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    port: address.port,
    url: `http://${host}:${address.port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
