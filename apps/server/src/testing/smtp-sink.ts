import { createServer, type Socket } from 'node:net';

/** A mail as the sink received it: envelope, headers and the decoded text body. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first mail (already received or still to come) that matches. */
  waitForMail(matches: (mail: ReceivedMail) => boolean, timeoutMilliseconds?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A tiny SMTP server on loopback that accepts every mail (RFC 5321's plain exchange: EHLO, MAIL,
 * RCPT, DATA, QUIT; no TLS, no auth) and keeps it, so tests can read what Whathead sent.
 */
export async function startSmtpSink(
  options: { onMail?: (mail: ReceivedMail) => void } = {},
): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const listeners = new Set<(mail: ReceivedMail) => void>();
  const sockets = new Set<Socket>();
  const accept = (mail: ReceivedMail) => {
    received.push(mail);
    options.onMail?.(mail);
    for (const listener of listeners) listener(mail);
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    serveConnection(socket, accept);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitForMail(matches, timeoutMilliseconds = 10_000) {
      const found = received.find(matches);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error('No matching mail arrived.'));
        }, timeoutMilliseconds);
        const listener = (mail: ReceivedMail) => {
          if (!matches(mail)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(mail);
        };
        listeners.add(listener);
      });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function serveConnection(socket: Socket, accept: (mail: ReceivedMail) => void): void {
  let buffer = '';
  let from = '';
  let to: string[] = [];
  let data: string[] | undefined;
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply('220 whathead-smtp-sink ready');
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\r\n')) !== -1) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (data) {
        if (line === '.') {
          accept(parseMail(from, to, data.join('\r\n')));
          data = undefined;
          from = '';
          to = [];
          reply('250 Queued');
        } else data.push(line.startsWith('..') ? line.slice(1) : line);
        continue;
      }
      const command = line.slice(0, 4).toUpperCase();
      if (command === 'EHLO' || command === 'HELO') reply('250 whathead-smtp-sink');
      else if (command === 'MAIL') {
        from = angleAddress(line);
        reply('250 OK');
      } else if (command === 'RCPT') {
        to.push(angleAddress(line));
        reply('250 OK');
      } else if (command === 'DATA') {
        data = [];
        reply('354 End data with <CR><LF>.<CR><LF>');
      } else if (command === 'QUIT') {
        reply('221 Bye');
        socket.end();
      } else if (command === 'RSET' || command === 'NOOP') reply('250 OK');
      else reply('502 Command not implemented');
    }
  });
}

const angleAddress = (line: string): string => /<([^>]*)>/.exec(line)?.[1] ?? '';

function parseMail(from: string, to: string[], raw: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace (RFC 5322 §2.2.3).
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? Buffer.from(
          body
            .replace(/=\r\n/g, '')
            .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8')
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { from, to, subject: headers.get('subject') ?? '', text, raw };
}
