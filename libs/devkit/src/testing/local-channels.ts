import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Local stand-ins for a lender's channels in tests and benchmarks: an SMTP server that parses what
 * arrives, and an HTTP endpoint (SMS gateway, webhook receiver) that records each request. Both
 * listen on 127.0.0.1 only and can be stopped and started again on the same port, to play a
 * provider that is down and then up.
 */
export class LocalSmtpServer {
  readonly received: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: 1_000_000,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.listen(port, '127.0.0.1', () => resolve());
      server.server.once('error', reject);
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers each POST with `respond` (default 200 `{}`); records every request, and apart those it accepted (2xx). */
export class LocalHttpEndpoint {
  readonly all: RecordedRequest[] = [];
  readonly received: RecordedRequest[] = [];
  private server: Server | null = null;
  port = 0;

  constructor(private respond: (request: RecordedRequest) => { status: number; body?: unknown } = () => ({ status: 200, body: {} })) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  answerWith(respond: (request: RecordedRequest) => { status: number; body?: unknown }): void {
    this.respond = respond;
  }

  async start(port = this.port): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.all.push(request);
        const answer = this.respond(request);
        if (answer.status >= 200 && answer.status < 300) this.received.push(request);
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body ?? {}));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}
