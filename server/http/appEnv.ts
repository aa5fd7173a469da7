import type { Principal } from '../auth/tokenStore';

/** Hono's typing of what middleware leaves for handlers: the caller, once authenticated. */
export interface AppEnv {
  Variables: { principal: Principal };
}
