import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInSession, tiktokConnectionsAnswer, workspaceIds } from '../../../testing/fixtures';
import { jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

describe('the Media placeholder', () => {
  it('is true whether or not TikTok is connected, and says where to change it', async () => {
    mockApi({
      [`GET /api/workspaces/${workspaceIds.acme}/tiktok/connections`]: () =>
        jsonResponse(tiktokConnectionsAnswer([])),
    });
    await renderApp('/media', signedInSession());

    const placeholder = (await screen.findByRole('heading', { name: 'No creatives yet' })).closest(
      'section',
    )!;
    expect(placeholder.textContent).toContain(
      'Creatives in the media library of the TikTok ad accounts this workspace uses will appear here',
    );
    expect(placeholder.textContent).toContain('Connect TikTok or choose ad accounts in Integrations.');
    expect(placeholder.textContent).not.toMatch(/once you connect/);
  });
});
