/**
 * `@parallele/client` entry for other workspaces (the scenario runner renders these charts to
 * SVG/PNG in Node). Export only modules that are safe to import in Node: no window, document or
 * browser-only side effect at import time. Add lines, do not rewrite.
 */
export * from './charts/index';
