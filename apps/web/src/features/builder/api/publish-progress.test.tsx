import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workspaceIds } from '../../../testing/fixtures';
import { jsonResponse } from '../../../testing/mock-api';
import {
  mockPublishApi,
  publishAnswer,
  publishId,
  publishItem,
  publishRoutes,
  springPlan,
} from '../components/publish/publish.testing';
import { usePublish } from './publish-progress';

/** A browser's EventSource, driven by the test. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data = '') {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

function renderPublish() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(() => usePublish(workspaceIds.acme, publishId), { wrapper });
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeEventSource.opened = [];
});

describe('following a publish', () => {
  it('shows each change the server streams, and stops following once the publish has ended', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    mockPublishApi({ [publishRoutes.publish()]: () => jsonResponse(publishAnswer({ state: 'running' })) });
    const { result } = renderPublish();
    await waitFor(() => expect(result.current.data?.state).toBe('running'));
    const source = FakeEventSource.opened[0]!;
    expect(source.url).toBe(`/api/workspaces/${workspaceIds.acme}/publishes/${publishId}/events`);
    act(() => source.emit('open'));

    const plan = springPlan();
    const halfway = plan.map((item, index) =>
      publishItem(item, index === 0 ? { state: 'confirmed', tiktokId: '1800000000000000001' } : {}),
    );
    act(() => source.emit('publish', JSON.stringify(publishAnswer({ state: 'running', items: halfway }))));
    await waitFor(() => expect(result.current.data?.items[0]?.state).toBe('confirmed'));

    act(() =>
      source.emit(
        'publish',
        JSON.stringify(
          publishAnswer({
            state: 'succeeded',
            items: plan.map((item) =>
              publishItem(item, { state: 'confirmed', tiktokId: '1800000000000000002' }),
            ),
          }),
        ),
      ),
    );
    await waitFor(() => expect(result.current.data?.state).toBe('succeeded'));
    expect(source.closed).toBe(true);
  });

  it('reads the publish again and again where the browser cannot follow a stream', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let reads = 0;
      mockPublishApi({
        [publishRoutes.publish()]: () => {
          reads += 1;
          return jsonResponse(publishAnswer({ state: reads < 2 ? 'running' : 'succeeded' }));
        },
      });
      const { result } = renderPublish();
      await waitFor(() => expect(result.current.data?.state).toBe('running'));
      await act(() => vi.advanceTimersByTimeAsync(1_100));
      await waitFor(() => expect(result.current.data?.state).toBe('succeeded'));
      expect(FakeEventSource.opened).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
