export * from './errors.js';
export * from './text.js';
export * from './auth.js';
export * from './workspaces.js';
export * from './tiktok-connections.js';
export * from './password-resets.js';
export * from './sessions.js';
