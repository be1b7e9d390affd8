import type { Catalog } from './types.js';

export const sessionMessages: Catalog = {
  sv: {},
  en: {},
};
