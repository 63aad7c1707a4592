import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedInSession, workspaceIds } from '../../../testing/fixtures';
import { errorResponse, jsonResponse, type MockHandler } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { reportStatusAnswer } from '../../../testing/report-status';
import { mockReportsApi, openReports } from './reports.testing';

// ECharts draws nothing in jsdom: the chart is a stand-in here (report-figures.test.tsx reads its option).
vi.mock('./report-chart', () => ({
  ReportChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

afterEach(() => vi.useRealTimers());

const settingsRoute = `PUT /api/workspaces/${workspaceIds.acme}/reports/settings`;
const restatementLabel = 'Days to re-read on every sync';
const retentionLabel = 'Days to keep hourly figures';

function mockSettingsApi(save: MockHandler) {
  const api = mockReportsApi({ handlers: { [settingsRoute]: save } });
  const saves = () => api.requests.filter((request) => `${request.method} ${request.path}` === settingsRoute);
  return { ...api, saves };
}

async function openSettings() {
  fireEvent.click(await screen.findByRole('button', { name: 'Report settings' }));
  return screen.findByRole('dialog', { name: 'Report settings' });
}

function field(dialog: HTMLElement, label: string) {
  return within(dialog).getByLabelText(label) as HTMLInputElement;
}

/** The text the field's aria-describedby points at: its hint, or its error in place of the hint. */
function descriptionOf(input: HTMLElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('report settings for owners and admins', () => {
  it('saves valid values, then closes and reads the status and figures again', async () => {
    let answerSave: (response: Response) => void = () => undefined;
    const { saves, overviewRequests } = mockSettingsApi(
      () => new Promise<Response>((resolve) => (answerSave = resolve)),
    );
    await openReports();
    await waitFor(() => expect(overviewRequests()).toHaveLength(1));

    const dialog = await openSettings();
    const restatement = field(dialog, restatementLabel);
    const retention = field(dialog, retentionLabel);
    expect(restatement.value).toBe('7');
    expect(retention.value).toBe('30');
    expect(descriptionOf(restatement)).toBe(
      'TikTok revises conversions for recent days: those days are re-read on every sync and marked provisional. From 1 to 28 days.',
    );
    expect(descriptionOf(retention)).toContain('From 3 to 90 days.');

    fireEvent.change(restatement, { target: { value: '10' } });
    fireEvent.change(retention, { target: { value: '45' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]!.body).toEqual({ restatementDays: 10, hourlyRetentionDays: 45 });
    // Busy, not gone: a second click sends nothing more.
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(save);
    expect(saves()).toHaveLength(1);

    answerSave(jsonResponse({ ...reportStatusAnswer(), restatementDays: 10, hourlyRetentionDays: 45 }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Said beside the button, where it can be seen, and in a polite live region.
    const saved = await screen.findByText('Report settings saved.');
    expect(saved.getAttribute('role')).toBe('status');
    expect(saved.getAttribute('aria-live')).toBe('polite');
    expect(saved.closest('.visually-hidden')).toBeNull();
    expect(saved.className).toContain('notice--success');
    // Which days are provisional comes with the figures: they are asked for again.
    await waitFor(() => expect(overviewRequests()).toHaveLength(2));

    const reopened = await openSettings();
    expect(field(reopened, restatementLabel).value).toBe('10');
    expect(field(reopened, retentionLabel).value).toBe('45');
  });

  it('says it saved for a few seconds, or until the settings are opened again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockSettingsApi(() => jsonResponse(reportStatusAnswer()));
    await openReports();
    const save = async () => {
      const dialog = await openSettings();
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      return screen.findByText('Report settings saved.');
    };

    const saved = await save();
    await act(() => vi.advanceTimersByTimeAsync(4_000));
    expect(saved.textContent).toBe('Report settings saved.');
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.queryByText('Report settings saved.')).toBeNull();

    await save();
    fireEvent.click(screen.getByRole('button', { name: 'Report settings' }));
    expect(screen.queryByText('Report settings saved.')).toBeNull();
  });

  it('takes days written in digits only, not as "1e1" or "4.5"', async () => {
    const { saves } = mockSettingsApi(() => jsonResponse(reportStatusAnswer()));
    await openReports();
    const dialog = await openSettings();
    const restatement = field(dialog, restatementLabel);
    const retention = field(dialog, retentionLabel);

    fireEvent.change(restatement, { target: { value: '1e1' } });
    fireEvent.change(retention, { target: { value: '4.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(restatement.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(restatement)).toBe('Give the days to re-read as a whole number.');
    expect(descriptionOf(retention)).toBe('Give the days to keep hourly figures as a whole number.');
    expect(saves()).toEqual([]);

    fireEvent.change(restatement, { target: { value: '10' } });
    fireEvent.change(retention, { target: { value: '45' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]!.body).toEqual({ restatementDays: 10, hourlyRetentionDays: 45 });
  });

  it('says on the field when a value is out of range, and sends nothing', async () => {
    const { saves } = mockSettingsApi(() => jsonResponse(reportStatusAnswer()));
    await openReports();
    const dialog = await openSettings();
    const restatement = field(dialog, restatementLabel);
    const retention = field(dialog, retentionLabel);

    fireEvent.change(restatement, { target: { value: '0' } });
    fireEvent.change(retention, { target: { value: '91' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(restatement.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(restatement)).toBe('Re-read 1 to 28 days on every sync.');
    expect(descriptionOf(retention)).toBe('Keep hourly figures 3 to 90 days.');
    expect(
      within(dialog)
        .getAllByRole('alert')
        .map((alert) => alert.textContent),
    ).toEqual(['Re-read 1 to 28 days on every sync.', 'Keep hourly figures 3 to 90 days.']);
    await waitFor(() => expect(document.activeElement).toBe(restatement));
    expect(saves()).toEqual([]);

    // A field left empty is named too.
    fireEvent.change(retention, { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(descriptionOf(retention)).toBe('Give the days to keep hourly figures as a whole number.'),
    );
    expect(saves()).toEqual([]);
  });

  it('shows a field problem the server reports on that field, and stays open', async () => {
    const { saves } = mockSettingsApi(() =>
      errorResponse(400, 'validation_failed', {
        issues: [{ path: 'hourlyRetentionDays', message: 'Keep hourly figures 3 to 90 days.' }],
      }),
    );
    await openReports();
    const dialog = await openSettings();
    const retention = field(dialog, retentionLabel);

    fireEvent.change(retention, { target: { value: '60' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(retention.getAttribute('aria-invalid')).toBe('true'));
    expect(saves()[0]!.body).toEqual({ restatementDays: 7, hourlyRetentionDays: 60 });
    expect(descriptionOf(retention)).toBe('Keep hourly figures 3 to 90 days.');
    // Said on its field only, not again above the form.
    expect(within(dialog).getAllByRole('alert')).toHaveLength(1);
    expect(field(dialog, restatementLabel).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Report settings' })).toBeTruthy();
  });
});

describe('report settings for members', () => {
  it('shows the values read-only and who can change them', async () => {
    const { requests } = mockReportsApi({
      status: { ...reportStatusAnswer(), restatementDays: 5, hourlyRetentionDays: 14 },
    });
    await renderApp('/reports', signedInSession('member'));
    const dialog = await openSettings();

    expect(within(dialog).queryAllByRole('spinbutton')).toEqual([]);
    expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull();
    const values = within(dialog)
      .getAllByRole('definition')
      .map((value) => value.firstChild?.textContent);
    expect(values).toEqual(['5 days', '14 days']);
    expect(within(dialog).getByText('Days re-read on every sync')).toBeTruthy();
    expect(within(dialog).getByText('Hourly figures kept')).toBeTruthy();
    expect(within(dialog).getByText('Only owners and admins can change report settings.')).toBeTruthy();
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);
  });
});
