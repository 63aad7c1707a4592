import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusMessage } from './status-message';

describe('StatusMessage', () => {
  it('is a polite live region in the page before any message arrives, and the message arrives in it', async () => {
    const { rerender } = render(<StatusMessage>{false}</StatusMessage>);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');

    rerender(<StatusMessage>Password changed.</StatusMessage>);
    await waitFor(() => expect(region.textContent).toBe('Password changed.'));
    expect(screen.getByRole('status')).toBe(region);
  });

  it('puts a message it was mounted with into the region only after the region is there', async () => {
    render(<StatusMessage>Your session has ended. Log in again.</StatusMessage>);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    await waitFor(() => expect(region.textContent).toBe('Your session has ended. Log in again.'));
  });
});
