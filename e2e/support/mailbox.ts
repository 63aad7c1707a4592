import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { startSmtpSink, type ReceivedMail } from '../../apps/server/src/testing/smtp-sink.js';

// The app of a run mails through an SMTP sink that start-app.ts runs next to it; the sink writes
// each mail into a folder named after the run's app port, where the journeys read it.

const mailboxDirectory = () => path.join(tmpdir(), `whathead-e2e-mailbox-${process.env.E2E_PORT}`);

/** Starts this run's mailbox; the returned URL is the app's SMTP_URL. */
export async function startMailbox(): Promise<{ url: string; close(): Promise<void> }> {
  const directory = mailboxDirectory();
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const sink = await startSmtpSink({
    onMail: (mail) => writeFileSync(path.join(directory, `${randomUUID()}.json`), JSON.stringify(mail)),
  });
  return {
    url: sink.url,
    async close() {
      await sink.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function mailTo(address: string): ReceivedMail | undefined {
  const directory = mailboxDirectory();
  return readdirSync(directory)
    .map((file) => JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as ReceivedMail)
    .find((mail) => mail.to.includes(address));
}

/** Waits for the mail the app sent to `address`. */
export async function receiveMail(address: string): Promise<ReceivedMail> {
  await expect.poll(() => mailTo(address) !== undefined, { message: `a mail to ${address}` }).toBe(true);
  return mailTo(address)!;
}
