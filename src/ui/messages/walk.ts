import type { Catalog } from './types.js';

export const walkMessages: Catalog = {
  sv: {},
  en: {},
};
