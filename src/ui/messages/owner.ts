import type { Catalog } from './types.js';

export const ownerMessages: Catalog = {
  sv: {},
  en: {},
};
