import { act, fireEvent, screen, within } from '@testing-library/react';
import type { AdGroupNode, Audience, CampaignNode, Pixel, Region, TikTokApp } from '@whathead/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { errorResponse, jsonResponse, mockApi, type MockHandler } from '../../../../testing/mock-api';
import { ad, adGroup, campaign, catalogRoutes, published, renderNodeForm } from './forms.testing';

const describedText = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

const optionTexts = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((option) => option.textContent);

const shopPixel: Pixel = {
  id: '7100000000000000001',
  code: 'C4SHOP',
  name: 'Shop pixel',
  events: [
    { name: 'COMPLETE_PAYMENT', label: 'Complete payment' },
    { name: 'ADD_TO_CART', label: 'Add to cart' },
  ],
};
const apps: TikTokApp[] = [
  { id: '7000000000000000001', name: 'Northwind for Android', platform: 'ANDROID' },
  { id: '7000000000000000002', name: 'Northwind for iPhone', platform: 'IOS' },
];
const france: Region = {
  id: '3017382',
  name: 'France',
  parentName: null,
  level: 'COUNTRY',
  regionCode: 'FR',
};
const georgia: Region = {
  id: '4197000',
  name: 'Georgia',
  parentName: 'United States',
  level: 'PROVINCE',
  regionCode: 'US-GA',
};

const customers: Audience = {
  id: '7400000000000000001',
  name: 'Newsletter subscribers',
  type: 'Customer File Audience',
  size: 48_200,
  ready: true,
};
const visitors: Audience = {
  id: '7400000000000000002',
  name: 'Site visitors, 30 days',
  type: 'Website Audience',
  size: null,
  ready: true,
};
const viewers: Audience = {
  id: '7400000000000000003',
  name: 'Video viewers',
  type: 'Engagement Audience',
  size: null,
  ready: false,
};

/** The catalog routes a test answers; the ad group form always reads the account's audiences. */
function mockCatalog(
  handlers: Record<string, MockHandler>,
  audiences: MockHandler = () => jsonResponse({ granted: true, audiences: [] }),
) {
  return mockApi({ [catalogRoutes.audiences()]: audiences, ...handlers });
}

function draftWith(
  objective: CampaignNode['settings']['objective'],
  settings: Partial<AdGroupNode['settings']> = {},
) {
  return [campaign('c1', { objective }), adGroup('g1', 'c1', settings), ad('a1', 'g1')];
}

describe('the ad group form', () => {
  beforeEach(() => {
    mockCatalog({});
  });

  it('offers only the goals the campaign’s objective allows, and bills by the goal', () => {
    const { lastSent } = renderNodeForm(draftWith('TRAFFIC'), 'g1');
    const goal = screen.getByRole('combobox', { name: 'Optimisation goal' });
    expect(optionTexts(goal)).toEqual(['Clicks', 'Landing page views']);
    expect(optionTexts(screen.getByRole('combobox', { name: 'Promotion type' }))).toEqual([
      'Website',
      'Android app',
      'iOS app',
    ]);
    expect(screen.getByText('Per click (CPC)')).toBeTruthy();

    fireEvent.change(goal, { target: { value: 'TRAFFIC_LANDING_PAGE_VIEW' } });
    expect(screen.getByText('Optimised CPM (oCPM)')).toBeTruthy();
    expect(lastSent<AdGroupNode>().settings).toMatchObject({
      optimizationGoal: 'TRAFFIC_LANDING_PAGE_VIEW',
      billingEvent: 'OCPM',
    });
  });

  it('hides the promotion type where the objective takes none', () => {
    renderNodeForm(
      draftWith('REACH', { promotionType: null, optimizationGoal: 'REACH', billingEvent: 'CPM' }),
      'g1',
    );
    expect(screen.queryByRole('combobox', { name: 'Promotion type' })).toBeNull();
    expect(optionTexts(screen.getByRole('combobox', { name: 'Optimisation goal' }))).toEqual(['Reach']);
  });

  it('says how to fix a connection made without Pixel Management where the pixel is asked for', async () => {
    mockCatalog({ [catalogRoutes.pixels()]: () => jsonResponse({ granted: false, pixels: [] }) });
    renderNodeForm(
      draftWith('WEB_CONVERSIONS', {
        promotionType: 'WEBSITE',
        optimizationGoal: 'CONVERT',
        billingEvent: 'OCPM',
      }),
      'g1',
    );
    expect(
      await screen.findByText(
        'To choose pixels, reconnect TikTok in Integrations and keep Pixel Management ticked.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/its TikTok connection was made without Pixel Management/)).toBeTruthy();
  });

  it('asks for the pixel and its event for conversions on a website', async () => {
    const { requests } = mockCatalog({
      [catalogRoutes.pixels()]: () => jsonResponse({ granted: true, pixels: [shopPixel] }),
    });
    const { lastSent } = renderNodeForm(
      draftWith('WEB_CONVERSIONS', {
        promotionType: 'WEBSITE',
        optimizationGoal: 'CLICK',
        billingEvent: 'CPC',
      }),
      'g1',
    );
    expect(screen.queryByRole('combobox', { name: 'Pixel' })).toBeNull();

    fireEvent.change(screen.getByRole('combobox', { name: 'Optimisation goal' }), {
      target: { value: 'CONVERT' },
    });
    const pixel = screen.getByRole('combobox', { name: 'Pixel' });
    expect(describedText(pixel)).toBe('Conversions on a website need a pixel: choose the one on the site.');
    await within(pixel).findByRole('option', { name: 'Shop pixel (C4SHOP)' });
    fireEvent.change(pixel, { target: { value: shopPixel.id } });
    const event = screen.getByRole('combobox', { name: 'Conversion event' });
    expect(optionTexts(event)).toEqual(['Choose an event', 'Complete payment', 'Add to cart']);
    fireEvent.change(event, { target: { value: 'COMPLETE_PAYMENT' } });

    expect(lastSent<AdGroupNode>().settings).toMatchObject({
      optimizationGoal: 'CONVERT',
      billingEvent: 'OCPM',
      pixelId: shopPixel.id,
      optimizationEvent: 'COMPLETE_PAYMENT',
    });
    expect(requests.map((request) => request.path)).toEqual([
      catalogRoutes.audiences().slice(4),
      catalogRoutes.pixels().slice(4),
    ]);
  });

  it('asks for the app, of the platform promoted, for an app', async () => {
    mockCatalog({ [catalogRoutes.apps()]: () => jsonResponse({ granted: true, apps }) });
    const { lastSent } = renderNodeForm(
      draftWith('APP_PROMOTION', {
        promotionType: 'APP_ANDROID',
        optimizationGoal: 'INSTALL',
        billingEvent: 'OCPM',
      }),
      'g1',
    );
    const app = screen.getByRole('combobox', { name: 'App' });
    await within(app).findByRole('option', { name: 'Northwind for Android' });
    expect(optionTexts(app)).toEqual(['Choose an app', 'Northwind for Android']);
    fireEvent.change(app, { target: { value: apps[0]!.id } });
    expect(lastSent<AdGroupNode>().settings.appId).toBe(apps[0]!.id);

    fireEvent.change(screen.getByRole('combobox', { name: 'Promotion type' }), {
      target: { value: 'APP_IOS' },
    });
    await within(screen.getByRole('combobox', { name: 'App' })).findByRole('option', {
      name: 'Northwind for iPhone',
    });
    expect(screen.queryByRole('combobox', { name: 'Pixel' })).toBeNull();
  });

  it('keeps a goal the campaign’s new objective refuses, and says so', () => {
    const { changeNode } = renderNodeForm(
      draftWith('TRAFFIC', { optimizationGoal: 'CLICK', billingEvent: 'CPC' }),
      'g1',
    );
    act(() => changeNode(campaign('c1', { objective: 'REACH' })));

    const goal = screen.getByRole('combobox', { name: 'Optimisation goal' }) as HTMLSelectElement;
    expect(goal.value).toBe('CLICK');
    expect(goal.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(goal)).toBe("A Reach campaign can't optimise for Clicks. Choose Reach.");
  });

  it('disables what TikTok keeps once the ad group is published', () => {
    const group = published(adGroup('g1', 'c1', { optimizationGoal: 'CLICK' }), '1700000000000000001');
    renderNodeForm([published(campaign('c1'), '1800000000000000001'), group, ad('a1', 'g1')], 'g1');

    const goal = screen.getByRole('combobox', { name: 'Optimisation goal' }) as HTMLSelectElement;
    expect(goal.disabled).toBe(true);
    expect(describedText(goal)).toBe('Can’t change after publishing — duplicate instead.');
    expect((screen.getByRole('radio', { name: 'Automatic placement' }) as HTMLInputElement).disabled).toBe(
      true,
    );
    expect((screen.getByRole('combobox', { name: 'Bid strategy' }) as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Ad group name' }) as HTMLInputElement).disabled).toBe(false);
    expect((screen.getByRole('textbox', { name: 'Daily budget (USD)' }) as HTMLInputElement).disabled).toBe(
      false,
    );
    expect((screen.getByRole('checkbox', { name: '18–24' }) as HTMLInputElement).disabled).toBe(false);
  });

  it('finds locations by name, adds them as chips and removes them', async () => {
    const { requests } = mockCatalog({
      [catalogRoutes.regions()]: ({ query }) =>
        jsonResponse({ regions: query.get('q') === 'fr' ? [france] : [georgia] }),
    });
    const { lastSent } = renderNodeForm(draftWith('TRAFFIC'), 'g1');
    const locations = screen.getByRole('group', { name: 'Locations' });
    expect(describedText(locations)).toBe('Choose at least one location.');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search locations' }), {
      target: { value: 'fr' },
    });
    fireEvent.click(await screen.findByRole('button', { name: /Add France/ }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search locations' }), {
      target: { value: 'georgia' },
    });
    fireEvent.click(await screen.findByRole('button', { name: /Add Georgia/ }));

    expect(lastSent<AdGroupNode>().settings.locations).toEqual([
      { id: france.id, name: 'France' },
      { id: georgia.id, name: 'Georgia · United States' },
    ]);
    expect(describedText(locations)).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Remove France' }));
    expect(lastSent<AdGroupNode>().settings.locations).toEqual([
      { id: georgia.id, name: 'Georgia · United States' },
    ]);
    expect(
      requests
        .filter((request) => request.path.endsWith('/regions'))
        .map((request) => request.query.get('q')),
    ).toEqual(['fr', 'georgia']);
  });

  it('says in words when TikTok’s locations can’t be loaded, and retries', async () => {
    let fails = true;
    mockCatalog({
      [catalogRoutes.regions()]: () =>
        fails ? errorResponse(502, 'tiktok_unavailable') : jsonResponse({ regions: [france] }),
    });
    renderNodeForm(draftWith('TRAFFIC'), 'g1');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search locations' }), {
      target: { value: 'fr' },
    });

    const words = await screen.findByText(/^Couldn’t load TikTok’s locations/, {}, { timeout: 15_000 });
    const problem = words.closest<HTMLElement>('[role="alert"]')!;
    expect(words.textContent).toBe('Couldn’t load TikTok’s locations — retry');
    expect(problem.textContent).toMatch(/TikTok didn’t answer/);
    expect((screen.getByRole('textbox', { name: 'Ad group name' }) as HTMLInputElement).disabled).toBe(false);
    fails = false;
    fireEvent.click(within(problem).getByRole('button', { name: 'retry' }));
    expect(await screen.findByRole('button', { name: /Add France/ })).toBeTruthy();
  });

  it('hides the budget under campaign budget optimisation, saying why', () => {
    renderNodeForm([campaign('c1', { budgetOptimization: true }), adGroup('g1', 'c1'), ad('a1', 'g1')], 'g1');
    expect(screen.queryByRole('textbox', { name: /budget/i })).toBeNull();
    expect(screen.getByText(/campaign budget optimisation/)).toBeTruthy();
  });

  it('takes the schedule in UTC as TikTok writes it, and chosen hours as 336 half hours', () => {
    const { lastSent } = renderNodeForm(draftWith('TRAFFIC'), 'g1');
    fireEvent.click(screen.getByRole('radio', { name: 'Start and end dates' }));
    fireEvent.change(screen.getByLabelText('Start (UTC)'), { target: { value: '2030-05-01T08:00' } });
    fireEvent.change(screen.getByLabelText('End (UTC)'), { target: { value: '2030-06-01T18:30' } });
    expect(lastSent<AdGroupNode>().settings).toMatchObject({
      scheduleType: 'SCHEDULE_START_END',
      scheduleStart: '2030-05-01 08:00:00',
      scheduleEnd: '2030-06-01 18:30:00',
    });
    expect((screen.getByLabelText('End (UTC)') as HTMLInputElement).value).toBe('2030-06-01T18:30');

    fireEvent.click(screen.getByRole('radio', { name: 'Chosen hours' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Monday 00:00–01:00' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sunday 23:00–00:00' }));
    expect(lastSent<AdGroupNode>().settings.dayparting).toBe(`00${'1'.repeat(332)}00`);
    fireEvent.click(screen.getByRole('radio', { name: 'All day, every day' }));
    expect(lastSent<AdGroupNode>().settings.dayparting).toBeNull();
  });

  it('offers the account’s audiences to include and exclude, each with its kind and size, one list each', async () => {
    mockCatalog({}, () => jsonResponse({ granted: true, audiences: [customers, visitors, viewers] }));
    const { lastSent } = renderNodeForm(draftWith('TRAFFIC'), 'g1');
    const include = await screen.findByRole('group', { name: 'Include audiences' });
    const exclude = screen.getByRole('group', { name: 'Exclude audiences' });
    const subscribers = within(include).getByRole('checkbox', {
      name: 'Newsletter subscribers Customer File Audience · 48,200 people',
    });
    expect(within(include).getByRole('checkbox', { name: /Site visitors.*size not known yet/ })).toBeTruthy();
    const notReady = within(include).getByRole('checkbox', { name: /Video viewers.*not ready/ });
    expect((notReady as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(subscribers);
    fireEvent.click(within(exclude).getByRole('checkbox', { name: /Site visitors/ }));
    expect(lastSent<AdGroupNode>().settings).toMatchObject({
      audienceIds: [customers.id],
      excludedAudienceIds: [visitors.id],
    });
    const taken = within(exclude).getByRole('checkbox', { name: /Newsletter subscribers.*Included above/ });
    expect((taken as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(subscribers);
    expect(lastSent<AdGroupNode>().settings.audienceIds).toEqual([]);
    expect((taken as HTMLInputElement).disabled).toBe(false);
  });

  it('lets a published ad group’s audiences change, as TikTok does', async () => {
    mockCatalog({}, () => jsonResponse({ granted: true, audiences: [customers, visitors] }));
    const group = published(adGroup('g1', 'c1', { audienceIds: [customers.id] }), '1700000000000000001');
    const { lastSent } = renderNodeForm(
      [published(campaign('c1'), '1800000000000000001'), group, ad('a1', 'g1')],
      'g1',
    );
    const include = await screen.findByRole('group', { name: 'Include audiences' });
    const visitorsBox = await within(include).findByRole('checkbox', { name: /Site visitors/ });
    expect((visitorsBox as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(visitorsBox);
    expect(lastSent<AdGroupNode>().settings.audienceIds).toEqual([customers.id, visitors.id]);
  });

  it('says when the ad account has no custom audiences', async () => {
    renderNodeForm(draftWith('TRAFFIC'), 'g1');
    expect(await screen.findByText(/^No custom audiences in this ad account\./)).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Include audiences' })).toBeNull();
  });

  it('says how to fix a connection made without Audience Management, keeping what was chosen removable', async () => {
    mockCatalog({}, () => jsonResponse({ granted: false, audiences: [] }));
    const { lastSent } = renderNodeForm(draftWith('TRAFFIC', { excludedAudienceIds: [customers.id] }), 'g1');
    expect(
      await screen.findByText(
        'To choose custom audiences, reconnect TikTok in Integrations and keep Audience Management ticked.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/made without Audience Management/)).toBeTruthy();
    const chosen = within(screen.getByRole('group', { name: 'Exclude audiences' })).getByRole('checkbox', {
      name: new RegExp(`Audience ${customers.id}`),
    });
    expect((chosen as HTMLInputElement).checked).toBe(true);
    fireEvent.click(chosen);
    expect(lastSent<AdGroupNode>().settings.excludedAudienceIds).toEqual([]);
  });

  it('says an audience can’t be both included and excluded, on the excluded list', async () => {
    mockCatalog({}, () => jsonResponse({ granted: true, audiences: [customers] }));
    renderNodeForm(
      draftWith('TRAFFIC', { audienceIds: [customers.id], excludedAudienceIds: [customers.id] }),
      'g1',
    );
    await within(screen.getByRole('group', { name: 'Include audiences' })).findByRole('checkbox', {
      name: /Newsletter subscribers/,
    });
    expect(describedText(screen.getByRole('group', { name: 'Exclude audiences' }))).toBe(
      'One audience is both included and excluded. Keep it in one list only.',
    );
  });
});
