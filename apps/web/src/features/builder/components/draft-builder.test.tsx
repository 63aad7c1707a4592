import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DraftDocument } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { errorResponse, jsonResponse, type RecordedRequest } from '../../../testing/mock-api';
import {
  builderRoutes,
  conflictResponse,
  draftAnswer,
  mockBuilderApi,
  openBuilder,
} from '../testing/builder-api';
import { campaign, documentOf } from '../testing/draft-fixtures';

const saved = (version: number) => jsonResponse({ version, updatedAt: new Date().toISOString() });
const savedDocument = (request: RecordedRequest | undefined) =>
  (request?.body as { document: DraftDocument }).document;
const status = () => screen.getByText(/^(Saved|Saving…|Not saved.*|Read-only while publishing)$/);
const addCampaign = () => fireEvent.click(screen.getByRole('button', { name: 'Add campaign' }));

describe('saving the draft', () => {
  it('saves a moment after a change, over the version it started from, then over the one saved', async () => {
    let version = 3;
    const { requestsTo } = mockBuilderApi({
      [builderRoutes.saveDraft()]: () => saved((version += 1)),
    });
    await openBuilder();
    expect(status().textContent).toBe('Saved');

    addCampaign();
    expect(status().textContent).toBe('Saving…');
    await waitFor(() => expect(status().textContent).toBe('Saved'));
    const [first] = requestsTo(builderRoutes.saveDraft());
    expect(first?.body).toMatchObject({ version: 3, name: 'Spring push' });
    expect(savedDocument(first).nodes).toHaveLength(7);
    expect(savedDocument(first).nodes.at(-1)).toMatchObject({
      level: 'campaign',
      advertiserId: '7200000000000000011',
    });

    addCampaign();
    await waitFor(() => expect(requestsTo(builderRoutes.saveDraft())).toHaveLength(2));
    expect(requestsTo(builderRoutes.saveDraft())[1]?.body).toMatchObject({ version: 4 });
  });

  it('says it is retrying when the server can’t be reached, and saves once it can', async () => {
    let failing = true;
    const { requestsTo } = mockBuilderApi({
      [builderRoutes.saveDraft()]: () => (failing ? errorResponse(503, 'unavailable') : saved(4)),
    });
    await openBuilder();

    addCampaign();
    await screen.findByText('Not saved — retrying');
    failing = false;
    await waitFor(() => expect(status().textContent).toBe('Saved'));
    expect(requestsTo(builderRoutes.saveDraft())).toHaveLength(2);
  });
});

describe('when someone else saved first', () => {
  const theirs = draftAnswer(
    {
      version: 7,
      name: 'Spring push (Grace)',
      updatedAt: '2026-11-25T14:05:00.000Z',
      updatedBy: { id: 'grace', name: 'Grace Hopper' },
    },
    documentOf(campaign('graces', { settings: { ...campaign('x').settings, name: 'Grace’s campaign' } })),
  );

  function conflictOnFirstSave() {
    let saves = 0;
    let draftReads = 0;
    return mockBuilderApi({
      [builderRoutes.draft()]: () => jsonResponse((draftReads += 1) === 1 ? draftAnswer() : theirs),
      [builderRoutes.saveDraft()]: () =>
        (saves += 1) === 1
          ? conflictResponse('draft_conflict', {
              version: 7,
              updatedAt: theirs.updatedAt,
              updatedBy: theirs.updatedBy,
            })
          : saved(8),
    });
  }

  it('names who saved and when; Keep mine saves over their version', async () => {
    const { requestsTo } = conflictOnFirstSave();
    await openBuilder();

    addCampaign();
    const dialog = await screen.findByRole('dialog', { name: 'Someone else saved this draft' });
    expect(dialog.textContent).toContain('Grace Hopper saved a newer version at');
    expect(status().textContent).toBe('Not saved — a newer version was saved');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(status().textContent).toBe('Saved'));
    const [, again] = requestsTo(builderRoutes.saveDraft());
    expect(again?.body).toMatchObject({ version: 7, name: 'Spring push' });
    expect(savedDocument(again).nodes).toHaveLength(7);
  });

  it('Reload their version drops the local changes and shows theirs', async () => {
    const { requestsTo } = conflictOnFirstSave();
    await openBuilder();

    addCampaign();
    const dialog = await screen.findByRole('dialog', { name: 'Someone else saved this draft' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reload their version' }));

    expect(await screen.findByRole('treeitem', { name: /Grace’s campaign/ })).toBeTruthy();
    expect(screen.queryByRole('treeitem', { name: /Spring/ })).toBeNull();
    expect(status().textContent).toBe('Saved');
    expect((screen.getByRole('textbox', { name: 'Draft name' }) as HTMLInputElement).value).toBe(
      'Spring push (Grace)',
    );
    // Nothing more to save: their version is the saved one.
    expect(requestsTo(builderRoutes.saveDraft())).toHaveLength(1);
  });

  it('shows the draft read-only while it is being published', async () => {
    let draftReads = 0;
    mockBuilderApi({
      [builderRoutes.draft()]: () =>
        jsonResponse(draftAnswer((draftReads += 1) === 1 ? {} : { activePublishId: 'publish-1' })),
      [builderRoutes.saveDraft()]: () => conflictResponse('draft_publishing'),
    });
    await openBuilder();

    addCampaign();
    expect(await screen.findByText(/This draft is being published\. It is read-only/)).toBeTruthy();
    expect(status().textContent).toBe('Read-only while publishing');
    expect(screen.getByRole('button', { name: 'Add campaign' }).getAttribute('aria-disabled')).toBe('true');
  });
});

describe('the toolbar', () => {
  it('holds Publish while the draft has errors, and lists them, each opening its node', async () => {
    mockBuilderApi();
    await openBuilder();

    const publish = screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement;
    expect(publish.disabled).toBe(true);
    expect(publish.parentElement?.getAttribute('title')).toMatch(/^\d+ errors: /);

    fireEvent.click(screen.getByRole('button', { name: /^\d+ errors$/ }));
    const issue = screen.getAllByRole('button', { name: /^Error: Campaign “Spring” · Budget:/ })[0]!;
    fireEvent.click(issue);
    expect(await screen.findByRole('heading', { name: 'Campaign “Spring”' })).toBeTruthy();
  });

  it('asks before deleting, and says that what TikTok has stays there', async () => {
    mockBuilderApi({ [builderRoutes.saveDraft()]: () => saved(4) });
    await openBuilder();

    fireEvent.click(screen.getByRole('treeitem', { name: /^Campaign Spring/ }));
    fireEvent.keyDown(screen.getByRole('treeitem', { name: /^Campaign Spring/ }), { key: 'Delete' });
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete 1 campaign, 1 ad group and 2 ads from the draft?',
    });
    expect(dialog.textContent).toContain('deleting here only removes them from this draft');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete from the draft' }));
    await waitFor(() => expect(screen.queryByRole('treeitem', { name: /^Campaign Spring/ })).toBeNull());
  });
});
