import type { Catalog } from './types.js';

export const interactiveMessages: Catalog = {
  sv: {},
  en: {},
};
