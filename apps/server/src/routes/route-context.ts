import type { Services } from '../services/services.js';

/** What every route module receives: the services, and the few settings HTTP itself needs. */
export interface RouteContext {
  services: Services;
  sessionSecret: string;
  secureCookies: boolean;
}
