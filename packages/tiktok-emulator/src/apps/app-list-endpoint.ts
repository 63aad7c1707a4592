import { z } from 'zod';
import { baseUrlOf } from '../creatives/media-urls.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { idString, jsonParam } from '../http/params.js';
import type { PromotedAppRecord } from '../state/records.js';

// GET /app/list/: the apps an account promotes. Parameters and `data.apps` (no `page_info`: the
// SDK's response rule maps `apps` only) from tiktok/tiktok-business-api-sdk `yml_files/app_list.yml`;
// the app's fields from bububa/tiktok-business `model/app/app.go`. Permission 700 (reference §9
// group 7).

const describeApp = (app: PromotedAppRecord, baseUrl: string) => {
  const { advertiserId, ...fields } = app;
  return { ...fields, advertiser_id: advertiserId, icon_url: new URL(app.icon_url, baseUrl).href };
};

/**
 * Open question: no paging is documented, so every app comes in one answer; `app_platform_ids`
 * (package names or App Store ids) narrows it to those apps, and one no app has gives an empty list.
 */
export const appListEndpoint = defineEndpoint({
  method: 'GET',
  path: '/app/list/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [700],
  input: z.object({
    advertiser_id: idString(),
    app_platform_ids: jsonParam(z.array(z.string().min(1))).optional(),
  }),
  handle({ input, runtime, request }) {
    const wanted = input.app_platform_ids;
    const baseUrl = baseUrlOf(request);
    return {
      apps: [...runtime.store.promotedApps.values()]
        .filter(
          (app) =>
            app.advertiserId === input.advertiser_id && (!wanted || wanted.includes(app.app_platform_id)),
        )
        .map((app) => describeApp(app, baseUrl)),
    };
  },
});
