import { describe, expect, it } from 'vitest';
import { tiktokConnection, tiktokConnectionsAnswer } from '../../../testing/fixtures';
import { resultSince, snapshotOf } from './tiktok-attempt-snapshot';

const grant = (id: string) => ({ id, expiresAt: '2026-12-01T10:10:00.000Z', groups: [] });

describe('what a Connect attempt made, read from the server', () => {
  const northwind = tiktokConnection();
  const before = snapshotOf(tiktokConnectionsAnswer([northwind]), { grants: [grant('old')] });

  it('finds nothing when nothing changed (the user closed the window)', () => {
    expect(
      resultSince(before, tiktokConnectionsAnswer([northwind]), { grants: [grant('old')] }),
    ).toBeUndefined();
  });

  it('finds a new connection, and a reconnected one by its new connection time', () => {
    const added = tiktokConnection({
      id: '00000000-0000-4000-8000-0000000000b1',
      businessCenterName: 'Bluebird',
    });
    expect(resultSince(before, tiktokConnectionsAnswer([northwind, added]), { grants: [] })).toEqual({
      connected: added.id,
    });
    const reconnected = { ...northwind, connectedAt: '2026-12-01T11:00:00.000Z' };
    expect(resultSince(before, tiktokConnectionsAnswer([reconnected]), { grants: [] })).toEqual({
      connected: northwind.id,
    });
  });

  it('finds a sign-in held for the user to choose from', () => {
    expect(
      resultSince(before, tiktokConnectionsAnswer([northwind]), { grants: [grant('old'), grant('new')] }),
    ).toEqual({ grant: 'new' });
  });
});
