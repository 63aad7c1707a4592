import {
  draftLimits,
  type existingNodesQuerySchema,
  type existingNodesResponseSchema,
} from '@whathead/contracts';
import type { z } from 'zod';
import { notFound, validationFailed } from '../../errors.js';
import type { BuilderAccountsRepository } from '../../repositories/builder/builder-accounts.repository.js';
import type { BuilderMirrorRepository } from '../../repositories/builder/builder-mirror.repository.js';
import type { Actor, WorkspaceService } from '../workspace.service.js';
import { existingNodes, type LibraryMedia } from './existing-nodes.js';
import { isRecord } from './raw-values.js';

type ExistingNodesQuery = z.output<typeof existingNodesQuerySchema>;
type ExistingNodesResponse = z.output<typeof existingNodesResponseSchema>;

/** Location names the process already knows for an account (none known: an empty map). */
export type RegionNames = (workspaceId: string, advertiserId: string) => Promise<ReadonlyMap<string, string>>;

/**
 * Select existing and Expand: campaigns, ad groups and ads the workspace already runs, read from
 * the campaign mirror (no TikTok call), as nodes that know their TikTok ids and settings.
 */
export class ExistingNodesService {
  readonly #accounts: BuilderAccountsRepository;
  readonly #mirror: BuilderMirrorRepository;
  readonly #workspaceService: WorkspaceService;
  readonly #regionNames: RegionNames;

  constructor(dependencies: {
    accounts: BuilderAccountsRepository;
    mirror: BuilderMirrorRepository;
    workspaceService: WorkspaceService;
    regionNames?: RegionNames;
  }) {
    this.#accounts = dependencies.accounts;
    this.#mirror = dependencies.mirror;
    this.#workspaceService = dependencies.workspaceService;
    this.#regionNames = dependencies.regionNames ?? (async () => new Map());
  }

  /**
   * The campaigns named (with everything under them unless `children` is false), and the ad
   * groups named with their ads. An ad group's own node comes back too: it is what the browser
   * matches, by TikTok id, to the node it expands.
   */
  async load(actor: Actor, workspaceId: string, query: ExistingNodesQuery): Promise<ExistingNodesResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    workspaceId = workspaceId.toLowerCase();
    const campaignIds = query.campaigns ?? [];
    const adGroupIds = query.adGroups ?? [];
    if (campaignIds.length === 0 && adGroupIds.length === 0)
      throw validationFailed([{ path: 'campaigns', message: 'Name the campaigns or ad groups to load.' }]);
    const accounts = await this.#accounts.selected(workspaceId);
    if (!accounts.some((account) => account.advertiserId === query.advertiserId))
      throw notFound('This ad account');

    const objects = await this.#mirror.entities(
      workspaceId,
      query.advertiserId,
      { campaignIds, adGroupIds, children: query.children },
      draftLimits.nodes + 1,
    );
    if (objects.length > draftLimits.nodes)
      throw validationFailed([
        {
          path: campaignIds.length > 0 ? 'campaigns' : 'adGroups',
          message: `These hold more than ${draftLimits.nodes.toLocaleString('en-US')} campaigns, ad groups and ads, more than a draft holds. Choose fewer.`,
        },
      ]);
    const mediaIds = new Set<string>();
    for (const object of objects) {
      if (object.level !== 'ad' || !isRecord(object.raw)) continue;
      if (typeof object.raw.video_id === 'string') mediaIds.add(object.raw.video_id);
      if (Array.isArray(object.raw.image_ids))
        for (const imageId of object.raw.image_ids) if (typeof imageId === 'string') mediaIds.add(imageId);
    }
    const [media, regionNames] = await Promise.all([
      this.#mirror.media(workspaceId, query.advertiserId, [...mediaIds]),
      objects.some((object) => object.level === 'adgroup')
        ? this.#regionNames(workspaceId, query.advertiserId)
        : new Map<string, string>(),
    ]);
    return {
      nodes: existingNodes({
        advertiserId: query.advertiserId,
        objects,
        media: new Map(media.map((item): [string, LibraryMedia] => [item.mediaId, item])),
        regionNames,
      }),
    };
  }
}
