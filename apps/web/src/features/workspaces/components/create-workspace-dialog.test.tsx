import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInSession } from '../../../testing/fixtures';
import { mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

describe('create workspace dialog', () => {
  // jsdom has no showModal. This one does what browsers do: open, and focus the first focusable
  // element inside, which is the Close button.
  beforeEach(() => {
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
      this.querySelector<HTMLElement>('button, input')?.focus();
    };
  });
  afterEach(() => {
    Reflect.deleteProperty(HTMLDialogElement.prototype, 'showModal');
  });

  it('opens with the focus on the workspace name, not on Close', async () => {
    mockApi({});
    await renderApp('/campaigns', signedInSession());

    fireEvent.click(await screen.findByRole('button', { name: 'Create workspace' }));

    const dialog = await screen.findByRole('dialog', { name: 'Create a workspace' });
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Workspace name')));
  });
});
